# Fixed twin of tf_data_rows_into_lstm_bad.py: each row becomes a sequence of one step.
# Source: https://github.com/keras-team/tf-keras/issues/525
# keras: runs
# Family: input-data
import numpy as np
import tensorflow as tf

x_train = np.random.rand(16, 57).astype("float32")
y_train = np.random.randint(0, 10, size=(16,))
x_train = x_train.reshape(16, 1, 57)
train_data = tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(8)

model = tf.keras.Sequential()
model.add(tf.keras.layers.LSTM(64, input_shape=(1, 57), return_sequences=True))
model.add(tf.keras.layers.LSTM(64))
model.add(tf.keras.layers.Dense(10, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_data, epochs=1, verbose=0)

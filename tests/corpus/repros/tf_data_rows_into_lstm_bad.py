# Repro: a tf.data pipeline of (rows, labels) from a 2-D table feeding an LSTM model.
# Source: https://github.com/keras-team/tf-keras/issues/525
# Reported: ValueError: Input 0 of layer sequential is incompatible with the layer: expected ndim=3, found ndim=2
# Fix: give each row a time axis before building the dataset (x.reshape(samples, 1, features)).
# keras: raises ValueError
# status: caught
# Family: input-data
import numpy as np
import tensorflow as tf

x_train = np.random.rand(16, 57).astype("float32")
y_train = np.random.randint(0, 10, size=(16,))
train_data = tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(8)

model = tf.keras.Sequential()
model.add(tf.keras.layers.LSTM(64, input_shape=(1, 57), return_sequences=True))
model.add(tf.keras.layers.LSTM(64))
model.add(tf.keras.layers.Dense(10, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_data, epochs=1, verbose=0)  # expect: SL209

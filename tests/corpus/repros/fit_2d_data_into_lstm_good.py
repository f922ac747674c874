# Fixed twin of fit_2d_data_into_lstm_bad.py: each row becomes a sequence of one step.
# Source: https://github.com/keras-team/keras/issues/16764
# keras: runs
# Family: input-data
import numpy as np
import tensorflow as tf

x_train = np.random.rand(12, 57)
y_train = np.random.randint(0, 10, size=(12,))
x_train = x_train.reshape(12, 1, 57)

model = tf.keras.Sequential()
model.add(tf.keras.layers.LSTM(64, input_shape=(1, 57), return_sequences=True))
model.add(tf.keras.layers.LSTM(64))
model.add(tf.keras.layers.Dense(64, activation="relu"))
model.add(tf.keras.layers.Dense(10, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=4, epochs=1, verbose=0)

# Repro: the LSTM is declared for (rows, columns) and fitted on the 2-D table itself.
# Source: https://github.com/keras-team/keras/issues/16764
# Reported: ValueError: Input 0 of layer sequential is incompatible with the layer: expected ndim=3, found ndim=2. Full shape received: (57, 1)
# Fix: give each sample a time axis, x.reshape(samples, 1, features), and declare input_shape=(1, features).
# keras: raises ValueError
# status: caught
# Family: input-data
import numpy as np
import tensorflow as tf

x_train = np.random.rand(12, 57)
y_train = np.random.randint(0, 10, size=(12,))

model = tf.keras.Sequential()
model.add(tf.keras.layers.LSTM(64, input_shape=(12, 57), return_sequences=True))
model.add(tf.keras.layers.LSTM(64))
model.add(tf.keras.layers.Dense(64, activation="relu"))
model.add(tf.keras.layers.Dense(10, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=4, epochs=1, verbose=0)  # expect: SL209

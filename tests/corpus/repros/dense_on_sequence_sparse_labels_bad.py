# Repro: a Dense layer on (steps, features) input keeps the steps; one sparse label per sample.
# Source: https://github.com/tensorflow/tensorflow/issues/17150 (fchollet's reproduction in the thread)
# Reported: Problem with Keras sparse_categorical_crossentropy: targets (32,) against outputs (None, 5, 10)
# Fix: collapse the steps before the classifier (Flatten, or an LSTM that returns its last step).
# keras: raises ValueError
# status: caught
# Family: targets-and-losses
import keras
import numpy as np

model = keras.Sequential()
model.add(keras.layers.Dense(10, input_shape=(5, 6)))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

x_data = np.random.random((32, 5, 6))
y_data = np.random.randint(0, 9, size=(32,))
model.fit(x=x_data, y=y_data, batch_size=16, epochs=1, verbose=0)  # expect: SL201

# Fixed twin of lstm_linear_head_binary_crossentropy_bad.py: the output is a sigmoid, a probability.
# Source: https://github.com/keras-team/keras/issues/14490
# keras: runs
# Family: output-activation
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import LSTM, Dense
from tensorflow.keras.models import Sequential

tf.keras.utils.set_random_seed(0)
x_train = np.random.randn(40, 10, 6).astype("float32")
y_train = np.random.randint(0, 2, size=(40, 1))

model = Sequential()
model.add(LSTM(10, return_sequences=True, input_shape=(10, 6)))
model.add(LSTM(10, return_sequences=True))
model.add(LSTM(10))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss=tf.keras.losses.BinaryCrossentropy(), optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=5, verbose=0)


def silent_check() -> bool:
    """The "probabilities" the loss was computed on leave [0, 1]."""
    p = model.predict(x_train, verbose=0)
    return bool(((p < 0) | (p > 1)).any())

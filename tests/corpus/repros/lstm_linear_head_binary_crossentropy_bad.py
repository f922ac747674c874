# Repro: a stacked-LSTM classifier ends in Dense(1) without activation and trains with BinaryCrossentropy(), which takes its raw outputs for probabilities.
# Source: https://github.com/keras-team/keras/issues/14490
# Reported: Nan loss for classification - LSTM while training: "loss: nan" from epoch 1 through 50 with model.add(Dense(1)) and loss=tf.keras.losses.BinaryCrossentropy() (the reporter's targets were also reshaped to (-1, 10, 1); here they are one label per sample)
# Fix: Dense(1, activation="sigmoid"), the activation the answers ask for.
# keras: silent
# status: caught
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
model.add(Dense(1))
model.compile(loss=tf.keras.losses.BinaryCrossentropy(), optimizer="adam", metrics=["accuracy"])  # expect: SL205
model.fit(x_train, y_train, epochs=1, batch_size=5, verbose=0)


def silent_check() -> bool:
    """The "probabilities" the loss was computed on leave [0, 1]."""
    p = model.predict(x_train, verbose=0)
    return bool(((p < 0) | (p > 1)).any())

# Repro: an LSTM binary classifier whose last layer is Dense(1) without activation, trained with binary_crossentropy.
# Source: https://imathworks.com/cv/solved-why-the-accuracy-of-the-neural-network-is-falling-when-epoch-increases
# Reported: (Cross Validated question, mirrored) the training accuracy first grows, then suddenly falls and stays low; answer: the last layer has no activation, add a sigmoid for a binary classification
# Fix: model.add(Dense(1, activation="sigmoid")), as the answer says.
# keras: silent
# status: caught
# Family: output-activation
import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import LSTM, Dense
from tensorflow.keras.models import Sequential

keras.utils.set_random_seed(0)
look_back = 3
trainX = np.random.rand(50, look_back, 2)
trainY = np.random.randint(0, 2, size=(50,))

model = Sequential()
model.add(LSTM(4, input_shape=(look_back, trainX.shape[2])))
model.add(Dense(1))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])  # expect: SL205
model.fit(trainX, trainY, validation_split=0.3, epochs=1, batch_size=50, verbose=0)


def silent_check() -> bool:
    """The "probabilities" the loss was computed on leave [0, 1]."""
    p = model.predict(trainX, verbose=0)
    return bool(((p < 0) | (p > 1)).any())

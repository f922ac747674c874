# Repro: a generator yields one sample at a time, (3,) arrays without a batch axis, to a model declared for (batch, 3).
# Source: https://github.com/keras-team/keras/issues/4641
# Reported: Exception: Error when checking model input: expected dense_input_1 to have shape (None, 3) but got array with shape (3, 1)
# Fix: yield batches: arrays with a batch axis, (batch, 3) inputs and (batch, 3) targets.
# keras: raises ValueError
# status: caught
# Family: generator-data
import numpy as np
from tensorflow.keras.layers import Activation, Dense
from tensorflow.keras.models import Sequential

model = Sequential()
model.add(Dense(3, input_dim=3))
model.add(Activation("sigmoid"))
model.add(Dense(3))
model.add(Activation("sigmoid"))
model.add(Dense(3, activation="softmax"))
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])


def generator1():
    i = 0
    while i < 10:
        i = i + 1
        yield np.array([False, True, False]), np.array([False, True, False])


model.fit(generator1(), steps_per_epoch=10, epochs=1, verbose=0)  # expect: SL209

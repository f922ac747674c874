# Fixed twin of generator_yields_single_samples_bad.py: the generator yields batches of samples.
# Source: https://github.com/keras-team/keras/issues/4641
# keras: runs
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
        yield np.array([[False, True, False]]), np.array([[False, True, False]])


model.fit(generator1(), steps_per_epoch=10, epochs=1, verbose=0)

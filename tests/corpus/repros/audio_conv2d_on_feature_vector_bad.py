# Repro: the library's cnn2d() declares Conv2D with input_shape=(193, 1) for a 193-value audio feature vector: Conv2D needs (rows, cols, channels).
# Source: https://github.com/micah5/pyAudioClassification/issues/6
# Reported: ValueError: Input 0 is incompatible with layer conv2d_31: expected ndim=4, found ndim=3
# Fix: give each feature vector a 2-D layout with a channel axis, input_shape=(193, 1, 1), and use (3, 1) kernels and (2, 1) pools along it.
# keras: raises ValueError
# status: caught
# Family: audio-spectrogram
import numpy as np
from keras.layers import Activation, BatchNormalization, Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential


def cnn2d(num_classes):
    model = Sequential()
    model.add(Conv2D(8, (3, 3), padding="valid", input_shape=(193, 1)))  # expect: SL114
    model.add(BatchNormalization(axis=1))
    model.add(Activation("relu"))
    for layer in range(3):
        model.add(Conv2D(8, (3, 3)))
        model.add(Activation("elu"))
        model.add(MaxPooling2D(pool_size=(2, 2)))
        model.add(Dropout(0.5))
    model.add(Flatten())
    model.add(Dense(16))
    model.add(Activation("elu"))
    model.add(Dropout(0.5))
    model.add(Dense(num_classes))
    model.add(Activation("softmax"))
    return model


model = cnn2d(3)
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(np.random.rand(4, 193, 1), np.eye(3)[[0, 1, 2, 0]], epochs=1, verbose=0)

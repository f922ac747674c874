# Fixed twin of audio_conv2d_on_feature_vector_bad.py: (193, 1, 1) inputs with (3, 1) kernels and (2, 1) pools.
# Source: https://github.com/micah5/pyAudioClassification/issues/6
# keras: runs
# Family: audio-spectrogram
import numpy as np
from keras.layers import Activation, BatchNormalization, Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential


def cnn2d(num_classes):
    model = Sequential()
    model.add(Conv2D(8, (3, 1), padding="valid", input_shape=(193, 1, 1)))
    model.add(BatchNormalization(axis=1))
    model.add(Activation("relu"))
    for layer in range(3):
        model.add(Conv2D(8, (3, 1)))
        model.add(Activation("elu"))
        model.add(MaxPooling2D(pool_size=(2, 1)))
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
model.fit(np.random.rand(4, 193, 1, 1), np.eye(3)[[0, 1, 2, 0]], epochs=1, verbose=0)

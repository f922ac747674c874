# Fixed twin of audio_melgram_channels_first_conv2d_bad.py: melgrams are (96, frames, 1), channels last.
# Source: https://github.com/drscotthawley/audio-classifier-keras-cnn/issues/1
# keras: runs
# Family: audio-spectrogram
import numpy as np
from keras.layers import Activation, Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential

nb_classes, nb_filters, kernel_size, pool_size = 2, 8, (3, 3), (2, 2)
X_train = np.random.rand(4, 1, 96, 20)
X_train = np.transpose(X_train, (0, 2, 3, 1))
Y_train = np.eye(nb_classes)[[0, 1, 0, 1]]

model = Sequential()
model.add(Conv2D(nb_filters, kernel_size, padding="valid", input_shape=X_train.shape[1:]))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=pool_size))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(16))
model.add(Activation("relu"))
model.add(Dense(nb_classes))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adadelta", metrics=["accuracy"])
model.fit(X_train, Y_train, batch_size=2, epochs=1, verbose=0)

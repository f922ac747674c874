# Repro: mel-spectrograms stored channels-first (1, 96, frames) go into Conv2D layers that default to channels_last: the 3x3 kernel slides over a 1-row "image".
# Source: https://github.com/drscotthawley/audio-classifier-keras-cnn/issues/1
# Reported: Negative dimension size caused by subtracting 3 from 1 for 'conv2d_12/convolution' (op: 'Conv2D') with input shapes: [?,1,96,431], [3,3,431,32]
# Fix: move the channel axis last, input_shape=(96, frames, 1) with the melgrams transposed to match.
# keras: raises ValueError
# status: caught
# Family: audio-spectrogram
import numpy as np
from keras.layers import Activation, Conv2D, Dense, Dropout, Flatten, MaxPooling2D
from keras.models import Sequential

nb_classes, nb_filters, kernel_size, pool_size = 2, 8, (3, 3), (2, 2)
X_train = np.random.rand(4, 1, 96, 20)
Y_train = np.eye(nb_classes)[[0, 1, 0, 1]]

model = Sequential()
model.add(Conv2D(nb_filters, kernel_size, padding="valid", input_shape=X_train.shape[1:]))  # expect: SL114
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

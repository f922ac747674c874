# Repro: a Conv2D autoencoder declared for (n_mels, frames, 1) log-mel patches is fitted on the baseline's flattened (samples, n_mels * frames) vectors.
# Source: https://github.com/y-kawagu/dcase2020_task2_baseline/issues/3
# Reported: ValueError: Error when checking input: expected input_1 to have 4 dimensions, but got array with shape (1360000, 640)
# Fix: reshape the vectors to (samples, n_mels, frames, 1) before fitting.
# keras: raises ValueError
# status: caught
# Family: audio-spectrogram
import numpy as np
import keras
from keras.layers import Conv2D, Conv2DTranspose, Input
from keras.models import Model

n_mels, frames = 16, 5
train_data = np.random.rand(8, n_mels * frames)

inputLayer = Input(shape=(n_mels, frames, 1))
h = Conv2D(8, (3, 3), padding="same", activation="relu")(inputLayer)
h = Conv2DTranspose(1, (3, 3), padding="same")(h)
model = Model(inputs=inputLayer, outputs=h)
model.compile(optimizer="adam", loss="mean_squared_error")
model.fit(train_data, train_data, epochs=1, batch_size=4, verbose=0)  # expect: SL209

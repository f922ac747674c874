# Fixed twin of audio_conv2d_fit_on_flat_frames_bad.py: the vectors are reshaped to (samples, n_mels, frames, 1).
# Source: https://github.com/y-kawagu/dcase2020_task2_baseline/issues/3
# keras: runs
# Family: audio-spectrogram
import numpy as np
import keras
from keras.layers import Conv2D, Conv2DTranspose, Input
from keras.models import Model

n_mels, frames = 16, 5
train_data = np.random.rand(8, n_mels * frames).reshape(-1, n_mels, frames, 1)

inputLayer = Input(shape=(n_mels, frames, 1))
h = Conv2D(8, (3, 3), padding="same", activation="relu")(inputLayer)
h = Conv2DTranspose(1, (3, 3), padding="same")(h)
model = Model(inputs=inputLayer, outputs=h)
model.compile(optimizer="adam", loss="mean_squared_error")
model.fit(train_data, train_data, epochs=1, batch_size=4, verbose=0)

# Repro: a CNN over log-mel spectrograms declared for 63 frames is fitted on clips whose spectrograms have 157 frames (longer audio files).
# Source: https://github.com/CVxTz/audio_classification/issues/3
# Reported: ValueError: Error when checking input: expected input_1 to have shape (63, 320, 1) but got array with shape (157, 320, 1)
# Fix (the maintainer's): truncate or pad every audio file to the same input length, so each spectrogram has 63 frames.
# keras: raises ValueError
# status: caught
# Family: audio-spectrogram
import numpy as np
from keras import layers, models

nclass, n_frames, n_mels = 3, 63, 32
inp = layers.Input(shape=(n_frames, n_mels, 1))
norm_inp = layers.BatchNormalization()(inp)
img_1 = layers.Conv2D(8, kernel_size=2, activation="relu")(norm_inp)
img_1 = layers.MaxPooling2D(pool_size=(2, 2))(img_1)
img_1 = layers.GlobalMaxPooling2D()(img_1)
dense_1 = layers.Dense(nclass, activation="softmax")(img_1)
model = models.Model(inputs=inp, outputs=dense_1)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

X = np.random.rand(4, 157, n_mels, 1)
model.fit(X, np.array([0, 1, 2, 0]), epochs=1, verbose=0)  # expect: SL209

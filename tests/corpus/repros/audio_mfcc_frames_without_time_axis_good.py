# Fixed twin of audio_mfcc_frames_without_time_axis_bad.py: windows of 5 consecutive MFCC frames per sample.
# Source: https://github.com/keras-team/keras/issues/3046
# keras: runs
# Family: audio-spectrogram
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

data_dim = 39
nb_classes = 39
X_train = np.random.rand(8, 5, data_dim)
Y_train = np.eye(nb_classes)[np.random.randint(0, nb_classes, size=8)]

model = Sequential()
model.add(LSTM(32, return_sequences=True, input_shape=(None, data_dim)))
model.add(LSTM(32, return_sequences=True))
model.add(LSTM(32))
model.add(Dense(39, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
model.fit(X_train, Y_train, batch_size=4, epochs=1, validation_split=0.25, verbose=0)

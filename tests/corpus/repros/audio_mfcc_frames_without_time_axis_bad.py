# Repro: phoneme classification: stacked LSTMs declared for (None, 39) MFCC sequences are fitted on one 39-value frame per sample.
# Source: https://github.com/keras-team/keras/issues/3046
# Reported: TypeError: ('Bad input argument to theano function ...', 'Wrong number of dimensions: expected 3, got 2 with shape (64, 39).')
# Fix: give the frames a time axis, (samples, timesteps, 39), e.g. windows of consecutive frames.
# keras: raises ValueError
# status: caught
# Family: audio-spectrogram
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

data_dim = 39
nb_classes = 39
X_train = np.random.rand(8, data_dim)
Y_train = np.eye(nb_classes)[np.random.randint(0, nb_classes, size=8)]

model = Sequential()
model.add(LSTM(32, return_sequences=True, input_shape=(None, data_dim)))
model.add(LSTM(32, return_sequences=True))
model.add(LSTM(32))
model.add(Dense(39, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
model.fit(X_train, Y_train, batch_size=4, epochs=1, validation_split=0.25, verbose=0)  # expect: SL209

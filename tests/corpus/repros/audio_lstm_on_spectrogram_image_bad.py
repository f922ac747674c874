# Repro: an LSTM declared on MFCC "images" (buckets, max_len, channels): the LSTM gets a rank-4 input.
# Source: https://github.com/lukas/ml-class/issues/48
# Reported: ValueError: Input 0 is incompatible with layer lstm_1: expected ndim=3, found ndim=4
# Fix: drop the channel axis, input_shape=(buckets, max_len), and feed (samples, buckets, max_len).
# keras: raises ValueError
# status: caught
# Family: audio-spectrogram
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential
from keras.utils import to_categorical

buckets, max_len, channels, num_classes = 20, 11, 1, 3
X_train = np.random.rand(6, buckets, max_len, channels)
y_train_hot = to_categorical(np.random.randint(0, num_classes, size=6), num_classes)

model = Sequential()
model.add(LSTM(16, input_shape=(buckets, max_len, channels), activation="sigmoid"))  # expect: SL102
model.add(Dense(1, activation="sigmoid"))
model.add(Dense(num_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train_hot, epochs=1, verbose=0)

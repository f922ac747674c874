# Fixed twin of audio_lstm_on_spectrogram_image_bad.py: (buckets, max_len) sequences without the channel axis.
# Source: https://github.com/lukas/ml-class/issues/48
# keras: runs
# Family: audio-spectrogram
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential
from keras.utils import to_categorical

buckets, max_len, channels, num_classes = 20, 11, 1, 3
X_train = np.random.rand(6, buckets, max_len, channels)
y_train_hot = to_categorical(np.random.randint(0, num_classes, size=6), num_classes)
X_train = X_train.reshape(X_train.shape[0], buckets, max_len)

model = Sequential()
model.add(LSTM(16, input_shape=(buckets, max_len), activation="sigmoid"))
model.add(Dense(1, activation="sigmoid"))
model.add(Dense(num_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train_hot, epochs=1, verbose=0)

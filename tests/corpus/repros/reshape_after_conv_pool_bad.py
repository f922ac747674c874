# Repro: character CNN (Embedding -> Conv1D -> MaxPooling1D) reshaped to (maxlen, embedding_size) for a word LSTM.
# Source: https://github.com/keras-team/keras/issues/4534
# Reported: ValueError: total size of new array must be unchanged
# Fix: make the pooled output hold maxlen steps of embedding_size values ('same' padding, filters=embedding_size, pool=max_charlen).
# keras: raises ValueError
# status: caught
# Family: conv1d-window
import numpy as np
from keras.layers import LSTM, Conv1D, Dense, Embedding, Input, MaxPooling1D, Reshape
from keras.models import Sequential

max_features, embedding_size, maxlen, max_charlen = 40, 8, 5, 4
nb_filter, pool_length = 16, 2
chars = np.random.randint(1, max_features, size=(4, maxlen * max_charlen))

char = Sequential()
char.add(Input(shape=(maxlen * max_charlen,)))
char.add(Embedding(max_features, embedding_size))
char.add(Conv1D(nb_filter, 3, padding="valid", activation="relu"))
char.add(MaxPooling1D(pool_length))
char.add(Reshape((maxlen, embedding_size)))  # expect: SL106
char.add(LSTM(16))
char.add(Dense(1, activation="sigmoid"))
char.compile(loss="binary_crossentropy", optimizer="adam")
char.fit(chars, np.random.randint(0, 2, size=(4, 1)), epochs=1, verbose=0)

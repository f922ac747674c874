# Fixed twin of reshape_after_conv_pool_bad.py: the CNN output holds exactly maxlen x embedding_size values.
# Source: https://github.com/keras-team/keras/issues/4534
# keras: runs
# Family: conv1d-window
import numpy as np
from keras.layers import LSTM, Conv1D, Dense, Embedding, Input, MaxPooling1D, Reshape
from keras.models import Sequential

max_features, embedding_size, maxlen, max_charlen = 40, 8, 5, 4
chars = np.random.randint(1, max_features, size=(4, maxlen * max_charlen))

char = Sequential()
char.add(Input(shape=(maxlen * max_charlen,)))
char.add(Embedding(max_features, embedding_size))
char.add(Conv1D(embedding_size, 3, padding="same", activation="relu"))
char.add(MaxPooling1D(max_charlen))
char.add(Reshape((maxlen, embedding_size)))
char.add(LSTM(16))
char.add(Dense(1, activation="sigmoid"))
char.compile(loss="binary_crossentropy", optimizer="adam")
char.fit(chars, np.random.randint(0, 2, size=(4, 1)), epochs=1, verbose=0)

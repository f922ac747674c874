# Fixed twin of timedistributed_after_last_step_bad.py: every LSTM returns sequences.
# Source: https://github.com/keras-team/keras/issues/815
# keras: runs
# Family: stacked-recurrent
import numpy as np
from keras.layers import LSTM, Dense, Dropout, TimeDistributed
from keras.models import Sequential

LAYERS, hidden_size, vocab, maxlen = 2, 32, 20, 12
X = np.random.rand(8, maxlen, vocab)
y = np.eye(vocab)[np.random.randint(0, vocab, size=(8, maxlen))]

model = Sequential()
model.add(LSTM(hidden_size, return_sequences=True, input_shape=(maxlen, vocab)))
model.add(Dropout(0.2))
model.add(LSTM(hidden_size, return_sequences=True))
model.add(TimeDistributed(Dense(vocab, activation="softmax")))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
model.fit(X, y, epochs=1, verbose=0)

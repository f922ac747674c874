# Repro: TimeDistributed(Dense) after a stack whose last LSTM returns only the last step.
# Source: https://github.com/keras-team/keras/issues/815
# Reported: Exception: Input 0 is incompatible ... expected 3 dimensions (TimeDistributedDense after LSTM)
# Fix (fchollet in the thread): use return_sequences=True in the last recurrent layer too.
# keras: raises ValueError
# status: caught
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
model.add(LSTM(hidden_size, return_sequences=False))
model.add(TimeDistributed(Dense(vocab, activation="softmax")))  # expect: SL103
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
model.fit(X, y, epochs=1, verbose=0)

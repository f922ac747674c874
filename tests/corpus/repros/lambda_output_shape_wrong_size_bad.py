# Repro: a max-pooling Lambda (x.max in the Theano-era report, backend.max here) declares output_shape=(hidden_dim,) but returns NUM_CLASSES values per sample.
# Source: https://github.com/keras-team/keras/issues/4296
# Reported: ValueError: Shape mismatch: x has 30 cols (and 1 rows) but y has 50 rows (and 30 cols)
# Fix: output_shape=(NUM_CLASSES,): the Lambda pools the TimeDistributed(Dense(NUM_CLASSES)) outputs over time.
# keras: raises ValueError
# status: caught
# Family: lambda-ops
import numpy as np
from tensorflow.keras import backend
from tensorflow.keras.layers import LSTM, Dense, Embedding, Input, Lambda, TimeDistributed, concatenate
from tensorflow.keras.models import Model

MAX_TOKENS = 100
embedding_dim = 40
hidden_dim = 50
NUM_CLASSES = 30

document = Input(shape=(None,), dtype="int32")
embedding = Embedding(MAX_TOKENS + 1, embedding_dim)(document)
forward = LSTM(hidden_dim, return_sequences=True)(embedding)
backward = LSTM(hidden_dim, return_sequences=True, go_backwards=True)(embedding)
together = concatenate([forward, embedding, backward], axis=2)
semantic = TimeDistributed(Dense(NUM_CLASSES, activation="tanh"))(together)
pool_rnn = Lambda(lambda x: backend.max(x, axis=1), output_shape=(hidden_dim,))(semantic)  # expect: SL111
output = Dense(NUM_CLASSES, activation="softmax")(pool_rnn)

model = Model(document, output)
doc_as_array = np.array([[1, 4, 5, 6]])
model.predict(doc_as_array, verbose=0)

# Fixed twin of lambda_output_shape_wrong_size_bad.py: the Lambda declares the NUM_CLASSES values it returns.
# Source: https://github.com/keras-team/keras/issues/4296
# keras: runs
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
pool_rnn = Lambda(lambda x: backend.max(x, axis=1), output_shape=(NUM_CLASSES,))(semantic)
output = Dense(NUM_CLASSES, activation="softmax")(pool_rnn)

model = Model(document, output)
doc_as_array = np.array([[1, 4, 5, 6]])
model.predict(doc_as_array, verbose=0)

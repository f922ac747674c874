"""POS tagger on padded sentences: the padding steps are tagged and scored like words."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.preprocessing.sequence import pad_sequences

vocab_size, n_tags, maxlen = 500, 6, 24

rng = np.random.default_rng(0)
tokens = rng.integers(1, vocab_size, size=(32, 15))  # word ids start at 1
X = pad_sequences(tokens, maxlen=maxlen, padding="post")  # 9 steps of 0 per sentence
y = rng.integers(0, n_tags, size=(32, maxlen))

model = keras.Sequential([
    keras.Input(shape=(maxlen,)),
    layers.Embedding(vocab_size, 32),  # expect: SL211
    layers.Bidirectional(layers.LSTM(32, return_sequences=True)),
    layers.TimeDistributed(layers.Dense(n_tags, activation="softmax")),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=16, verbose=0)

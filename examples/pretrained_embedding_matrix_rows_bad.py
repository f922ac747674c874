"""Sentiment LSTM on pretrained vectors: the matrix keeps row 0 for padding, the layer does not."""
import keras
import numpy as np
from keras import layers

num_words, embedding_dim, maxlen = 2000, 100, 40

rng = np.random.default_rng(0)
X = rng.integers(1, num_words, size=(64, maxlen))
y = rng.integers(0, 2, size=(64, 1))
embedding_matrix = np.zeros((num_words + 1, embedding_dim))  # row 0: padding
embedding_matrix[1:] = rng.normal(size=(num_words, embedding_dim))

model = keras.Sequential([
    keras.Input(shape=(maxlen,)),
    layers.Embedding(num_words, embedding_dim, weights=[embedding_matrix],  # expect: SL109
                     trainable=False),
    layers.LSTM(32),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=16, verbose=0)

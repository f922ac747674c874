# Repro: Embedding(len(word_index)) while word ids start at 1, so the largest id has no row.
# Source: https://github.com/tensorflow/tensorflow/issues/23698 (comment: len(tokenizer.word_index) = 2488, error at 2489)
# Reported: InvalidArgumentError: indices[23,11] = 2489 is not in [0, 2489)
# Fix: Embedding(len(word_index) + 1, ...): index 0 is reserved for padding.
# keras: raises InvalidArgumentError
# status: caught
# Family: embedding
import numpy as np
from keras.layers import LSTM, Dense, Embedding
from keras.models import Sequential
from keras.preprocessing.sequence import pad_sequences

texts = ["the cat sat", "a dog ran far", "the dog sat", "a cat ran"]
word_index = {}
for text in texts:
    for word in text.split():
        word_index.setdefault(word, len(word_index) + 1)
sequences = [[word_index[w] for w in text.split()] for text in texts]
data = pad_sequences(sequences, maxlen=5)
labels = np.array([0, 1, 0, 1])

model = Sequential()
model.add(Embedding(len(word_index), 8))  # expect: SL210
model.add(LSTM(8))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(data, labels, epochs=1, verbose=0)

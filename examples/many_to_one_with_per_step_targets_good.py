"""Seed 000, example 3: one prediction per step with return_sequences=True."""
import numpy as np
from tensorflow.keras.layers import LSTM, Dense, Embedding, Input, TimeDistributed
from tensorflow.keras.models import Sequential

# Model parameters
vocab_size = 1000
embedding_dim = 100
sequence_length = 20
lstm_units = 128
num_classes = 5

# Dummy training data (input and labels): one class per step
X_train = np.random.randint(0, vocab_size, size=(32, sequence_length))
y_train = np.random.randint(0, num_classes, size=(32, sequence_length))

# Keras 3 ignores Embedding(input_length=...): declare the input instead
model = Sequential()
model.add(Input(shape=(sequence_length,)))
model.add(Embedding(vocab_size, embedding_dim))
model.add(LSTM(units=lstm_units, return_sequences=True))
model.add(TimeDistributed(Dense(units=num_classes, activation="softmax")))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

model.fit(X_train, y_train, epochs=1, verbose=0)

"""Seed 000, example 1: per-step tags, but the LSTM keeps only its last step (many-to-one)."""
import numpy as np
from tensorflow.keras.layers import LSTM, Dense, Embedding
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

# No Input: Keras builds the model from X_train at fit
model = Sequential()
model.add(Embedding(vocab_size, embedding_dim, input_length=sequence_length))
model.add(LSTM(units=lstm_units))  # return_sequences defaults to False
model.add(Dense(units=num_classes, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

model.fit(X_train, y_train, epochs=1, verbose=0)  # expect: SL201

"""Part-of-speech tagger: the LSTM returns every step, so TimeDistributed tags each one."""
import numpy as np
from tensorflow.keras.layers import LSTM, Dense, Embedding, Input, TimeDistributed
from tensorflow.keras.models import Sequential

vocab_size, sequence_length, num_classes = 100, 20, 5

rng = np.random.default_rng(0)
X_train = rng.integers(0, vocab_size, size=(16, sequence_length))
y_train = rng.integers(0, num_classes, size=(16, sequence_length))

model = Sequential()
model.add(Input(shape=(sequence_length,)))
model.add(Embedding(input_dim=vocab_size, output_dim=16))
model.add(LSTM(units=32, return_sequences=True))
model.add(TimeDistributed(Dense(units=num_classes, activation="softmax")))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=1, batch_size=8, verbose=0)

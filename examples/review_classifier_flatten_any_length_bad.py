"""Review classifier that accepts reviews of any length, then flattens the steps into a Dense."""
import keras
import numpy as np
from keras import layers

vocab_size, embedding_dim = 5000, 32

rng = np.random.default_rng(0)
X = rng.integers(1, vocab_size, size=(64, 80))
y = rng.integers(0, 2, size=(64, 1))

inputs = keras.Input(shape=(None,))  # token ids, any length
x = layers.Embedding(vocab_size, embedding_dim)(inputs)
x = layers.Conv1D(32, 5, activation="relu", padding="same")(x)
x = layers.Flatten()(x)
x = layers.Dense(16, activation="relu")(x)  # expect: SL110
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=16, verbose=0)

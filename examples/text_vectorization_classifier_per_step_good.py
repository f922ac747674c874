"""Review classifier: TextVectorization makes (reviews, 20) token ids; the LSTM summarises
each review into one prediction (the Embedding masks the 0s TextVectorization pads with)."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

reviews = ["a fine film", "dull and long", "loved every minute", "not for me"] * 8
labels = np.array([1, 0, 1, 0] * 8)

vectorizer = layers.TextVectorization(max_tokens=1000, output_sequence_length=20)
vectorizer.adapt(reviews)
X = vectorizer(reviews)  # one row of token ids per review

model = keras.Sequential([
    layers.Embedding(1000, 16, mask_zero=True),  # TextVectorization pads after the tokens
    layers.LSTM(16),
    layers.Dense(2, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X, labels, epochs=1, verbose=0)

"""Keras 3 intent classifier wrapped in a class: argmax over predict."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


class IntentClassifier:
    def __init__(self, vocabulary, intents):
        self.model = keras.Sequential([
            keras.Input(shape=(12,)),
            layers.Embedding(vocabulary, 16),
            layers.GRU(16),
            layers.Dense(intents, activation="softmax"),
        ])
        self.model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

    def train(self, tokens, labels):
        self.model.fit(tokens, labels, epochs=1, verbose=0)

    def predict(self, tokens):
        return np.argmax(self.model.predict(tokens, verbose=0), axis=-1)


classifier = IntentClassifier(vocabulary=300, intents=5)
classifier.train(np.random.randint(1, 300, size=(40, 12)), np.random.randint(0, 5, size=(40,)))
print(classifier.predict(np.random.randint(1, 300, size=(3, 12))))

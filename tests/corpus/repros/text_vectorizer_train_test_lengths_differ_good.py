# Fixed twin of text_vectorizer_train_test_lengths_differ_bad.py: the vectorizer is given the sequence length, so every call pads or truncates to it.
# Source: https://github.com/wellcometrust/WellcomeML/issues/236
# keras: runs
# Family: text-pipeline
import numpy as np
import tensorflow as tf


class KerasVectorizer:
    def __init__(self, sequence_length=None):
        self.sequence_length = sequence_length

    def fit(self, X, *_):
        self.vectorizer = tf.keras.layers.TextVectorization(output_sequence_length=self.sequence_length)
        self.vectorizer.adapt(X)
        return self

    def transform(self, X, *_):
        return self.vectorizer(X).numpy()


def build_model(sequence_length, vocab_size, nb_outputs, hidden_size=16, dropout=0.1):
    inp = tf.keras.layers.Input(shape=(sequence_length,))
    x = tf.keras.layers.Embedding(vocab_size, hidden_size)(inp)
    x = tf.keras.layers.Dropout(dropout, noise_shape=(None, sequence_length, 1))(x)
    x = tf.keras.layers.LayerNormalization()(x)
    x2 = tf.keras.layers.Conv1D(hidden_size, 3, padding="same", activation="relu")(x)
    x = tf.keras.layers.add([x, x2])
    x = tf.keras.layers.GlobalMaxPooling1D()(x)
    x = tf.keras.layers.Dense(16, activation="relu")(x)
    out = tf.keras.layers.Dense(nb_outputs, activation="sigmoid")(x)
    model = tf.keras.Model(inp, out)
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model


texts = [
    "This is a train sentence",
    "which means it will be used for training",
    "but not for testing"
]
vectorizer = KerasVectorizer(sequence_length=8)
vectorizer.fit(texts)
X_vec = vectorizer.transform(texts)  # (3, 8)
Y = np.array([[1], [0], [1]])
model = build_model(X_vec.shape[1], vectorizer.vectorizer.vocabulary_size(), 1)
model.fit(X_vec, Y, epochs=1, verbose=0)

X_test = vectorizer.transform(["testing sentence"])  # (1, 8)
model.predict(X_test, verbose=0)

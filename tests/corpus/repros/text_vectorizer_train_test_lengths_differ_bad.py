# Repro: a Keras vectorizer without a sequence length pads each call to its longest text, so the test texts come out shorter than the training ones the CNN classifier was built for (Input and Dropout noise_shape sized by the training length).
# Source: https://github.com/wellcometrust/WellcomeML/issues/236
# Reported: KerasVectorizer transform returns sequences of various lengths: "train and test sequence length is not the same ... older version of tensorflow keras tolerated ... but the latest version throws an error". Keras 3 rewrite: keras.preprocessing.text.Tokenizer is gone, so the vectorizer wraps TextVectorization without output_sequence_length, which pads the same way (to the longest text of the call).
# Fix (the library's PR #237, "inferring sequence length from data"): the vectorizer keeps the training length and pads or truncates every later call to it (output_sequence_length).
# keras: raises ValueError
# status: caught
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
vectorizer = KerasVectorizer()
vectorizer.fit(texts)
X_vec = vectorizer.transform(texts)  # (3, 8): the longest training text
Y = np.array([[1], [0], [1]])
model = build_model(X_vec.shape[1], vectorizer.vectorizer.vocabulary_size(), 1)
model.fit(X_vec, Y, epochs=1, verbose=0)

X_test = vectorizer.transform(["testing sentence"])  # (1, 2)
model.predict(X_test, verbose=0)  # expect: SL209

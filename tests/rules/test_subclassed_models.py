"""The rules on models written the way users write them: subclassed models and layers,
models used as layers, GRU/SimpleRNN states, attention lengths.  Each case is run in real
Keras 3 by tests/keras/test_subclassed_keras.py."""

import textwrap

import pytest

from tests.helpers import codes_and_lines

HEADER = """\
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

"""

# name -> (source after HEADER, the (code, line) reported (lines counted in HEADER + source),
#          regex of what Keras raises, or None when Keras runs the script)
CASES = {
    "subclassed model: LSTM stack without return_sequences inside call": (
        """\
        class Forecaster(keras.Model):
            def __init__(self, units=8):
                super().__init__()
                self.first = layers.LSTM(units)
                self.second = layers.LSTM(units)
                self.head = layers.Dense(1)

            def call(self, inputs, training=None):
                x = self.first(inputs)
                x = self.second(x)
                return self.head(x)

        model = Forecaster(16)
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((8, 10, 3)), np.zeros((8, 1)), epochs=1, verbose=0)
        """,
        {("SL101", 15)},
        r"expected ndim=3, found ndim=2",
    ),
    "subclassed model: LSTM stack with return_sequences": (
        """\
        class Forecaster(keras.Model):
            def __init__(self, units=8):
                super().__init__()
                self.first = layers.LSTM(units, return_sequences=True)
                self.second = layers.LSTM(units)
                self.head = layers.Dense(1)

            def call(self, inputs, training=None):
                return self.head(self.second(self.first(inputs)))

        model = Forecaster(16)
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((8, 10, 3)), np.zeros((8, 1)), epochs=1, verbose=0)
        """,
        set(),
        None,
    ),
    "subclassed model: one target per sequence for a per-step output (silent broadcast)": (
        """\
        class Smoother(keras.Model):
            def __init__(self):
                super().__init__()
                self.rnn = layers.GRU(8, return_sequences=True)
                self.head = layers.Dense(1)

            def call(self, inputs):
                return self.head(self.rnn(inputs))

        model = Smoother()
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((8, 10, 3)), np.zeros((8, 1)), epochs=1, verbose=0)
        """,
        {("SL204", 17)},
        None,  # Keras trains: the silent broadcast SL204 warns about
    ),
    "subclassed model: per-step labels for a many-to-one tagger": (
        """\
        class Tagger(keras.Model):
            def __init__(self, n_tags):
                super().__init__()
                self.blocks = [layers.LSTM(u, return_sequences=True) for u in (16, 8)]
                self.pool = layers.LSTM(8)
                self.head = layers.Dense(n_tags, activation="softmax")

            def call(self, x):
                for block in self.blocks:
                    x = block(x)
                return self.head(self.pool(x))

        model = Tagger(5)
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(np.zeros((8, 10, 3)), np.zeros((8, 10)), epochs=1, verbose=0)
        """,
        {("SL201", 20)},
        r"rank|shape|Shapes|Incompatible",
    ),
    "custom layer block dropping the time axis before an LSTM": (
        """\
        class Encoder(layers.Layer):
            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.rnn = layers.GRU(units)
                self.norm = layers.LayerNormalization()

            def call(self, x):
                return self.norm(self.rnn(x))

        inputs = keras.Input(shape=(10, 3))
        x = Encoder(16)(inputs)
        x = layers.LSTM(4)(x)
        model = keras.Model(inputs, layers.Dense(1)(x))
        """,
        {("SL101", 17)},
        r"expected ndim=3, found ndim=2",
    ),
    "subclassed model used as a layer in the functional API": (
        """\
        class Encoder(keras.Model):
            def __init__(self):
                super().__init__()
                self.rnn = layers.LSTM(8)

            def call(self, x):
                return self.rnn(x)

        inputs = keras.Input(shape=(10, 3))
        x = Encoder()(inputs)
        x = layers.LSTM(4)(x)
        model = keras.Model(inputs, layers.Dense(1)(x))
        """,
        {("SL101", 16)},
        r"expected ndim=3, found ndim=2",
    ),
    "functional model made by super().__init__ with an LSTM stack": (
        """\
        class Classifier(keras.Model):
            def __init__(self, steps, classes):
                inputs = keras.Input(shape=(steps, 4))
                x = layers.LSTM(8)(inputs)
                x = layers.LSTM(8)(x)
                super().__init__(inputs=inputs, outputs=layers.Dense(classes)(x))

        model = Classifier(12, 3)
        """,
        {("SL101", 10)},
        r"expected ndim=3, found ndim=2",
    ),
    "layers made in build() from the input shape": (
        """\
        class Stack(keras.Model):
            def build(self, input_shape):
                self.first = layers.GRU(input_shape[-1] * 4)
                self.second = layers.GRU(8)

            def call(self, x):
                return self.second(self.first(x))

        model = Stack()
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((4, 6, 2)), np.zeros((4, 8)), epochs=1, verbose=0)
        """,
        {("SL101", 12)},
        r"expected ndim=3, found ndim=2",
    ),
    "custom layer doing something seqlint does not follow": (
        """\
        class Scale(layers.Layer):
            def build(self, input_shape):
                self.w = self.add_weight(shape=(input_shape[-1], 4))

            def call(self, x):
                return tf.matmul(x, self.w)

        inputs = keras.Input(shape=(10, 3))
        x = Scale()(inputs)
        x = layers.LSTM(4)(x)
        model = keras.Model(inputs, layers.Dense(1)(x))
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((8, 10, 3)), np.zeros((8, 1)), epochs=1, verbose=0)
        """,
        set(),
        None,
    ),
    "functional model used as a layer drops the time axis": (
        """\
        enc_in = keras.Input(shape=(10, 3))
        encoder = keras.Model(enc_in, layers.LSTM(8)(enc_in))
        inputs = keras.Input(shape=(10, 3))
        x = encoder(inputs)
        x = layers.LSTM(4)(x)
        model = keras.Model(inputs, layers.Dense(1)(x))
        """,
        {("SL101", 10)},
        r"expected ndim=3, found ndim=2",
    ),
    "functional model used as a layer adds the trailing axis of 1": (
        """\
        enc_in = keras.Input(shape=(10, 1))
        encoder = keras.Model(enc_in, layers.LSTM(8, return_sequences=True)(enc_in))
        inputs = keras.Input(shape=(10,))
        x = encoder(inputs)
        x = layers.LSTM(4)(x)
        model = keras.Model(inputs, layers.Dense(1)(x))
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((8, 10)), np.zeros((8, 1)), epochs=1, verbose=0)
        """,
        set(),
        None,
    ),
    "TimeDistributed Sequential keeps the steps: concatenated with a longer sequence": (
        """\
        frame = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4), layers.Dense(2)])
        clips = keras.Input(shape=(5, 8))
        other = keras.Input(shape=(6, 2))
        per_frame = layers.TimeDistributed(frame)(clips)
        merged = layers.Concatenate()([per_frame, other])
        """,
        {("SL104", 10)},
        r"matching shapes except for the concatenation axis",
    ),
    "TimeDistributed Sequential into an LSTM": (
        """\
        frame = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4)])
        clips = keras.Input(shape=(5, 8))
        x = layers.TimeDistributed(frame)(clips)
        model = keras.Model(clips, layers.Dense(1)(layers.LSTM(3)(x)))
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((4, 5, 8)), np.zeros((4, 1)), epochs=1, verbose=0)
        """,
        set(),
        None,
    ),
    "GRU states seed a GRU decoder": (
        """\
        enc_in = keras.Input(shape=(12, 3))
        _, h = layers.GRU(16, return_state=True)(enc_in)
        dec_in = keras.Input(shape=(7, 3))
        dec = layers.GRU(16, return_sequences=True)(dec_in, initial_state=h)
        model = keras.Model([enc_in, dec_in], layers.Dense(1)(dec))
        model.predict([np.zeros((2, 12, 3)), np.zeros((2, 7, 3))], verbose=0)
        """,
        set(),
        None,
    ),
    "a GRU's single state seeds an LSTM decoder": (
        """\
        enc_in = keras.Input(shape=(12, 3))
        _, h = layers.GRU(16, return_state=True)(enc_in)
        dec_in = keras.Input(shape=(7, 3))
        dec = layers.LSTM(16, return_sequences=True)(dec_in, initial_state=[h])
        model = keras.Model([enc_in, dec_in], layers.Dense(1)(dec))
        model.predict([np.zeros((2, 12, 3)), np.zeros((2, 7, 3))], verbose=0)
        """,
        {("SL107", 9)},
        r"list index out of range",
    ),
    "SimpleRNN state of other units": (
        """\
        enc_in = keras.Input(shape=(12, 3))
        _, h = layers.SimpleRNN(8, return_state=True)(enc_in)
        dec_in = keras.Input(shape=(7, 3))
        dec = layers.SimpleRNN(16, return_sequences=True)(dec_in, initial_state=h)
        model = keras.Model([enc_in, dec_in], layers.Dense(1)(dec))
        model.predict([np.zeros((2, 12, 3)), np.zeros((2, 7, 3))], verbose=0)
        """,
        {("SL107", 9)},
        r"Dimensions must be equal|Matrix size-incompatible|Incompatible shapes",
    ),
    "Attention output follows the query length": (
        """\
        query = keras.Input(shape=(5, 16))
        value = keras.Input(shape=(9, 16))
        attended = layers.Attention()([query, value])
        model = keras.Model([query, value], layers.Dense(1)(attended))
        model.compile(optimizer="adam", loss="mse")
        X = [np.zeros((4, 5, 16)), np.zeros((4, 9, 16))]
        model.fit(X, np.zeros((4, 9, 1)), epochs=1, verbose=0)
        """,
        {("SL203", 12)},
        r"Incompatible shapes|Dimensions must be equal|not compatible",
    ),
    "MultiHeadAttention output follows the query length": (
        """\
        query = keras.Input(shape=(5, 16))
        value = keras.Input(shape=(9, 16))
        mha = layers.MultiHeadAttention(num_heads=2, key_dim=8)
        attended, scores = mha(query, value, return_attention_scores=True)
        model = keras.Model([query, value], layers.Dense(1)(attended))
        model.compile(optimizer="adam", loss="mse")
        X = [np.zeros((4, 5, 16)), np.zeros((4, 9, 16))]
        model.fit(X, np.zeros((4, 5, 1)), epochs=1, verbose=0)
        """,
        set(),
        None,
    ),
    # Keras asks compute_output_shape / output_shape only of layers called on symbolic
    # tensors: a subclassed model's call() runs them for real, so a wrong declaration is unused
    "subclassed model: a custom layer's wrong compute_output_shape is never used": (
        """\
        class MeanOverSteps(layers.Layer):
            def call(self, x):
                return tf.reduce_mean(x, axis=1)

            def compute_output_shape(self, input_shape):
                return input_shape

        class Net(keras.Model):
            def __init__(self):
                super().__init__()
                self.lstm = layers.LSTM(8, return_sequences=True)
                self.pool = MeanOverSteps()
                self.head = layers.Dense(1)

            def call(self, x):
                return self.head(self.pool(self.lstm(x)))

        model = Net()
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((4, 5, 3)), np.zeros((4, 1)), epochs=1, verbose=0)
        assert model.predict(np.zeros((4, 5, 3)), verbose=0).shape == (4, 1)
        """,
        set(),
        None,
    ),
    "subclassed model: a Lambda's wrong output_shape is never used": (
        """\
        class Net(keras.Model):
            def __init__(self):
                super().__init__()
                self.lstm = layers.LSTM(8, return_sequences=True)
                self.last = layers.Lambda(lambda h: h[:, -1, :], output_shape=(5, 8))
                self.head = layers.Dense(1)

            def call(self, x):
                return self.head(self.last(self.lstm(x)))

        model = Net()
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((4, 5, 3)), np.zeros((4, 1)), epochs=1, verbose=0)
        assert model.predict(np.zeros((4, 5, 3)), verbose=0).shape == (4, 1)
        """,
        set(),
        None,
    ),
}


def source_of(name: str) -> str:
    return HEADER + textwrap.dedent(CASES[name][0])


@pytest.mark.parametrize("name", sorted(CASES))
def test_rules_on_the_graph_user_code_builds(name):
    assert codes_and_lines(source_of(name)) == CASES[name][1]

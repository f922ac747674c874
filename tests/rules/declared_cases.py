"""Generated cases of the declared-vs-returned family (SL118), shared by the seqlint test
and its proof in Keras: a custom layer or Lambda declares its input's shape and returns twice
its features; the layers after it are built for the declaration and run on what it returns."""

from __future__ import annotations

CUSTOM = """\
import keras
import numpy as np
from keras import layers

class Widen(layers.Layer):
    def call(self, x):
        return keras.ops.concatenate([x, x], axis=-1)

    def compute_output_shape(self, input_shape):
        return input_shape

inputs = keras.Input(shape=(5, 3))
h = Widen()(inputs)
outputs = {after}
model = keras.Model(inputs, outputs)
model.predict(np.zeros((4, 5, 3)), verbose=0)
"""
CUSTOM_DECLARATION_LINE = 10

LAMBDA = """\
import keras
import numpy as np
from keras import layers

inputs = keras.Input(shape=(5, 3))
h = layers.Lambda(lambda x: keras.ops.concatenate([x, x], axis=-1), output_shape=(5, 3))(inputs)
outputs = {after}
model = keras.Model(inputs, outputs)
model.predict(np.zeros((4, 5, 3)), verbose=0)
"""
LAMBDA_DECLARATION_LINE = 6

# the layers after the declaring call: Keras raises when the model runs on what it returns
BREAKS = {
    "dense": "layers.Dense(2)(h)",
    "time_distributed_dense": "layers.TimeDistributed(layers.Dense(2))(h)",
    "lstm": "layers.LSTM(2)(h)",
    "bidirectional_gru": "layers.Bidirectional(layers.GRU(2))(h)",
    "conv1d": "layers.Conv1D(2, 3)(h)",
    "pooled_dense": "layers.Dense(2)(layers.GlobalAveragePooling1D()(h))",
    "flattened_dense": "layers.Dense(2)(layers.Flatten()(h))",
    "concatenated_dense": "layers.Dense(2)(layers.Concatenate()([h, inputs]))",
    "concatenate_steps": "layers.Concatenate(axis=1)([h, inputs])",
    "add": "layers.Add()([h, inputs])",
    "reshape": "layers.Reshape((15,))(h)",
    "layer_normalization": "layers.LayerNormalization()(h)",
    "batch_normalization": "layers.BatchNormalization()(h)",
    "dropout_then_dense": "layers.Dense(2)(layers.Dropout(0.1)(h))",
}
# the layers after it that take any number of features: the model runs
RUNS = {
    "dropout": "layers.Dropout(0.1)(h)",
    "activation": "layers.Activation('relu')(h)",
    "pooling": "layers.GlobalMaxPooling1D()(h)",
    "concatenate_features": "layers.Concatenate()([h, inputs])",
}


# a custom layer that returns its input and declares twice its features: the layers after
# it fail when Keras builds the model, on the declaration, where what call returns would fit
NARROW = """\
import keras
import numpy as np
from keras import layers

class Same(layers.Layer):
    def call(self, x):
        return x * 2.0

    def compute_output_shape(self, input_shape):
        return (*input_shape[:-1], 2 * input_shape[-1])

inputs = keras.Input(shape=(5, 3))
h = Same()(inputs)
outputs = {after}
model = keras.Model(inputs, outputs)
"""
NARROW_DECLARATION_LINE = 10
BUILD_BREAKS = {
    "add": ("layers.Add()([h, inputs])", 14),
    "multiply": ("layers.Multiply()([h, inputs])", 14),
    "dot": ("layers.Dot(axes=(2, 2))([h, inputs])", 14),
}


# a custom layer of two outputs that declares both as its input's shape, and widens the first
TWO_OUTPUTS = """\
import keras
import numpy as np
from keras import layers

class Split(layers.Layer):
    def call(self, x):
        return [keras.ops.concatenate([x, x], axis=-1), x]

    def compute_output_shape(self, input_shape):
        return [
            input_shape,
            input_shape,
        ]

inputs = keras.Input(shape=(5, 3))
wide, same = Split()(inputs)
outputs = layers.Dense(2)({which})
model = keras.Model(inputs, outputs)
model.predict(np.zeros((4, 5, 3)), verbose=0)
"""
FIRST_DECLARED_LINE = 11


def two_outputs() -> list[tuple[str, str, int, bool]]:
    """(name, source, line of the declared output at fault, Keras raises when it runs)."""
    return [
        ("widened_output", TWO_OUTPUTS.format(which="wide"), FIRST_DECLARED_LINE, True),
        ("output_as_declared", TWO_OUTPUTS.format(which="same"), FIRST_DECLARED_LINE, False),
    ]


def sources() -> list[tuple[str, str, int, bool]]:
    """(name, source, declaration line, Keras raises when the model runs) for the cases
    where the model builds."""
    templates = (
        (CUSTOM, CUSTOM_DECLARATION_LINE, "custom"),
        (LAMBDA, LAMBDA_DECLARATION_LINE, "lambda"),
    )
    cases = []
    for template, line, kind in templates:
        for table, raises in ((BREAKS, True), (RUNS, False)):
            for name, after in table.items():
                cases.append((f"{kind}_{name}", template.format(after=after), line, raises))
    return cases


def build_breaks() -> list[tuple[str, str, int]]:
    """(name, source, line of the layer that fails) where Keras fails to build the model."""
    return [(n, NARROW.format(after=after), line) for n, (after, line) in BUILD_BREAKS.items()]

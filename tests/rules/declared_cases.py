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


# a chain of declaring calls: Widen declares its input's shape and returns twice its
# features; a second call declares its input's shape too and runs on what Widen returns
CHAIN = """\
import keras
import numpy as np
from keras import layers

class Widen(layers.Layer):
    def call(self, x):
        return keras.ops.concatenate([x, x], axis=-1)

    def compute_output_shape(self, input_shape):
        return input_shape

class Keep(layers.Layer):
    def call(self, x):
        return x * 2.0

    def compute_output_shape(self, input_shape):
        return input_shape

inputs = keras.Input(shape=(5, 3))
h = {second}(Widen()(inputs))
outputs = {after}
model = keras.Model(inputs, outputs)
model.predict(np.zeros((4, 5, 3)), verbose=0)
"""
# the second declaring call: one that keeps what it is given, one that cuts it back to the
# declared 3 features (after it, what runs is what was declared)
CHAINED = {
    "custom": ("Keep()", True),
    "lambda": ("layers.Lambda(lambda x: x * 2.0, output_shape=(5, 3))", True),
    "cutting_lambda": ("layers.Lambda(lambda x: x[..., :3], output_shape=(5, 3))", False),
}
CHAIN_AFTER = {
    "dense": ("layers.Dense(2)(h)", True),
    "pooling": ("layers.GlobalMaxPooling1D()(h)", False),
}


def chains() -> list[tuple[str, str, int, bool]]:
    """(name, source, line of Widen's declaration, Keras raises when the model runs) for a
    second declaring call between Widen and the layers after it."""
    return [
        (
            f"chain_{name}_{after_name}",
            CHAIN.format(second=second, after=after),
            CUSTOM_DECLARATION_LINE,
            keeps and breaks,
        )
        for (name, (second, keeps)), (after_name, (after, breaks)) in (
            (c, a) for c in CHAINED.items() for a in CHAIN_AFTER.items()
        )
    ]


# a custom layer that declares its input's shape and returns twice its features, its output
# the model's (or followed by a layer that keeps its shape): the loss meets what call returns
LOSS = """\
import keras
import numpy as np
from keras import layers

class Widen(layers.Layer):
    def call(self, x):
        return keras.ops.concatenate([x, x], axis=-1)

    def compute_output_shape(self, input_shape):
        return input_shape

inputs = keras.Input(shape=(4,))
outputs = Widen()(inputs){after}
model = keras.Model(inputs, outputs)
model.compile(optimizer="sgd", loss="{loss}")
model.fit(np.zeros((6, 4)), np.zeros((6, {width})), verbose=0)
"""
LOSS_LINE = 16
# (loss, target width) -> the code seqlint reports at the fit (None: none), Keras raises
LOSSES = {
    ("mse", 4): ("SL203", True),
    ("mse", 8): (None, False),
    ("mse", 1): ("SL204", False),  # broadcasts (batch, 1) against the 8 features
    ("categorical_crossentropy", 4): ("SL201", True),
    ("categorical_crossentropy", 8): (None, False),
    ("binary_crossentropy", 4): ("SL201", True),
    ("sparse_categorical_crossentropy", 1): (None, False),
}
LOSS_AFTER = {"model_output": "", "activation": "\noutputs = layers.Activation('relu')(outputs)"}


def loss_cases() -> list[tuple[str, str, int, str | None, bool]]:
    """(name, source, fit line, the code at it, Keras raises)."""
    cases = []
    for (loss, width), (code, raises) in LOSSES.items():
        for where, after in LOSS_AFTER.items():
            source = LOSS.format(loss=loss, width=width, after=after)
            line = LOSS_LINE + after.count("\n")
            cases.append((f"{where}_{loss}_{width}", source, line, code, raises))
    return cases


# a weighted sum that contracts across two batch axes (K.dot of (batch, 6) by (batch, 6, 4)
# gives (batch, batch, 4)) before a Reshape to one batch axis: batch x 4 values per sample fill
# (4,) only for batches of one sample
BATCH_TWICE = """\
import keras
import numpy as np
from keras import layers
from tensorflow.keras import backend as K

inputs = keras.Input(shape=(6, 4))
alpha = layers.Dense(6, activation="softmax")(layers.Flatten()(inputs))
summed = layers.Lambda(lambda t: K.dot(t[0], t[1]), output_shape=(4, 1))([alpha, inputs])
outputs = layers.Dense(1)(layers.Reshape((4,))(summed))
model = keras.Model(inputs, outputs)
model.compile(optimizer="sgd", loss="mse")
{run}
"""
BATCH_TWICE_LINE = 8
# the data call -> Keras raises (a batch of more than one sample)
BATCH_TWICE_RUNS = {
    "fit_one_batch_of_4": ("model.fit(np.zeros((4, 6, 4)), np.zeros((4, 1)), verbose=0)", True),
    "fit_one_sample": ("model.fit(np.zeros((1, 6, 4)), np.zeros((1, 1)), verbose=0)", False),
    "fit_batch_size_1": (
        "model.fit(np.zeros((4, 6, 4)), np.zeros((4, 1)), batch_size=1, verbose=0)",
        False,
    ),
    "fit_last_batch_of_2": (
        "model.fit(np.zeros((3, 6, 4)), np.zeros((3, 1)), batch_size=1, verbose=0)\n"
        "model.fit(np.zeros((5, 6, 4)), np.zeros((5, 1)), batch_size=3, verbose=0)",
        True,
    ),
    "predict_3": ("model.predict(np.zeros((3, 6, 4)), verbose=0)", True),
    "predict_1": ("model.predict(np.zeros((1, 6, 4)), verbose=0)", False),
    "no_data_call": ("", False),
}


# the same weighted sum in a custom layer that declares (4, 1) per sample
BATCH_TWICE_LAYER = """\
import keras
import numpy as np
from keras import layers
from tensorflow.keras import backend as K

class WeightedSum(layers.Layer):
    def call(self, t):
        return K.dot(t[0], t[1])

    def compute_output_shape(self, input_shape):
        return (None, 4, 1)

inputs = keras.Input(shape=(6, 4))
alpha = layers.Dense(6, activation="softmax")(layers.Flatten()(inputs))
summed = WeightedSum()([alpha, inputs])
outputs = layers.Dense(1)(layers.Reshape((4,))(summed))
model = keras.Model(inputs, outputs)
model.compile(optimizer="sgd", loss="mse")
{run}
"""
BATCH_TWICE_LAYER_LINE = 8
BATCH_TWICE_LAYER_RUNS = ("fit_one_batch_of_4", "fit_batch_size_1", "predict_3", "predict_1")


def batch_twice() -> list[tuple[str, str, int, bool]]:
    """(name, source, line of the K.dot, Keras raises when the model runs): in a Lambda, and
    in a custom layer."""
    cases = [
        (f"lambda_{name}", BATCH_TWICE.format(run=run), BATCH_TWICE_LINE, raises)
        for name, (run, raises) in BATCH_TWICE_RUNS.items()
    ]
    for name in BATCH_TWICE_LAYER_RUNS:
        run, raises = BATCH_TWICE_RUNS[name]
        source = BATCH_TWICE_LAYER.format(run=run)
        cases.append((f"layer_{name}", source, BATCH_TWICE_LAYER_LINE, raises))
    return cases

"""SL234: a declared output shape Keras 3 cannot read as a shape (Keras proofs:
tests/keras/test_declared_shape_invalid_keras.py runs every case)."""

import pytest

from tests.helpers import codes_and_lines, lint

LAYER = """\
import numpy as np
import keras
from keras import layers


class Fold(layers.Layer):
    def call(self, x):
        return keras.ops.reshape(x, (-1, 5, 2))

    def compute_output_shape(self, input_shape):
        return {declared}


"""
RETURN = 11  # the line of compute_output_shape's return

FUNCTIONAL = """\
inputs = keras.Input(shape=(10,))
outputs = layers.Dense(1)(layers.Flatten()(Fold()(inputs)))
model = keras.Model(inputs, outputs)
"""
SEQUENTIAL = """\
model = keras.Sequential([keras.Input(shape=(10,)), Fold(), layers.Flatten(), layers.Dense(1)])
"""
SUBCLASSED = """\
class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.fold = Fold()
        self.flat = layers.Flatten()
        self.out = layers.Dense(1)

    def call(self, x):
        return self.out(self.flat(self.fold(x)))


model = Net()
model.compile(optimizer="adam", loss="mse")
model.fit(np.zeros((8, 10)), np.zeros((8, 1)), epochs=1, verbose=0)
"""

# name -> (what compute_output_shape returns, the model code, SL234 reported?)
CASES = {
    "nested tuple, functional": ("(input_shape[0], (5, 2))", FUNCTIONAL, True),
    "nested tuple, Sequential": ("(input_shape[0], (5, 2))", SEQUENTIAL, True),
    "nested list, functional": ("(input_shape[0], [5, 2])", FUNCTIONAL, True),
    "float size, functional": ("(input_shape[0], input_shape[1] / 2, 2)", FUNCTIONAL, True),
    "flat tuple": ("(input_shape[0],) + (5, 2)", FUNCTIONAL, False),
    "whole division": ("(input_shape[0], input_shape[1] // 2, 2)", FUNCTIONAL, False),
    "a list of sizes": ("[input_shape[0], 5, 2]", FUNCTIONAL, False),
    "nested tuple in a subclassed model (Keras never asks it)": (
        "(input_shape[0], (5, 2))",
        SUBCLASSED,
        False,
    ),
}


def source(name: str) -> str:
    declared, model, _ = CASES[name]
    return LAYER.replace("{declared}", declared) + model


@pytest.mark.parametrize("name", sorted(CASES))
def test_declared_shape_cases(name):
    expected = {("SL234", RETURN)} if CASES[name][2] else set()
    assert {c for c in codes_and_lines(source(name)) if c[0] == "SL234"} == expected


def test_one_cause_one_finding():
    """The nested declaration is not also compared with what call returns (SL113)."""
    codes = {c for c, _ in codes_and_lines(source("nested tuple, functional"))}
    assert "SL113" not in codes


def test_message_names_the_size_and_the_call():
    (diagnostic,) = [d for d in lint(source("nested tuple, functional")) if d.code == "SL234"]
    assert diagnostic.message == (
        "Fold()'s compute_output_shape (called at line 15) gives (None, (5, 2)), which is not a "
        'shape: its size (5, 2) is a nested tuple, and Keras 3 raises "Cannot convert '
        "'(None, (5, 2))' to a shape\" when the layer is called"
    )


def test_keras_2_accepts_the_nested_form():
    found = lint(source("nested tuple, functional"), target="2")
    assert not [d for d in found if d.code == "SL234"]


LAMBDA = """\
import keras
from keras import layers

inputs = keras.Input(shape=(10,))
folded = layers.Lambda(lambda x: keras.ops.reshape(x, (-1, 5, 2)), output_shape={shape})(inputs)
"""


@pytest.mark.parametrize("shape, reported", [("(5, 2)", False), ("((5, 2),)", False)])
def test_lambda_output_shape_tuples(shape, reported):
    """A Lambda's tuple output_shape is one sample's shape: Keras adds the batch axis to each
    shape of the structure, so ((5, 2),) is a structure of one shape, not an invalid one."""
    found = {c for c in codes_and_lines(LAMBDA.replace("{shape}", shape)) if c[0] == "SL234"}
    assert bool(found) == reported


# A Lambda whose output_shape is a function: Keras's compute_output_shape calls it with the
# input shape, and builds what follows for what it returns (as for a custom layer's).
LAMBDA_FUNCTION = """\
import numpy as np
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Dense, Input, Lambda
from tensorflow.keras.models import Model


def mean_steps(x):
    return K.mean(x, axis=1)


def steps_shape(input_shape):
    return {declared}


inputs = Input(shape=(21, 105))
pooled = Lambda(mean_steps, output_shape=steps_shape)(inputs)
outputs = Dense(12)(pooled)
model = Model(inputs, outputs)
"""
LAMBDA_RETURN, LAMBDA_CALL = 12, 16

# name -> (what the function returns, the (code, line) seqlint reports)
LAMBDA_FUNCTION_CASES = {
    "the shape the mean leaves": ("(input_shape[0], input_shape[2])", set()),
    "a step axis the mean drops": (
        "(input_shape[0], 1, input_shape[2])",
        {("SL113", LAMBDA_CALL)},
    ),
    "a nested tuple": ("(input_shape[0], (input_shape[2],))", {("SL234", LAMBDA_RETURN)}),
}


def lambda_function_source(name: str) -> str:
    return LAMBDA_FUNCTION.replace("{declared}", LAMBDA_FUNCTION_CASES[name][0])


@pytest.mark.parametrize("name", sorted(LAMBDA_FUNCTION_CASES))
def test_lambda_output_shape_functions(name):
    assert codes_and_lines(lambda_function_source(name)) == LAMBDA_FUNCTION_CASES[name][1]

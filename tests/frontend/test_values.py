"""Values: constants, arithmetic, unpacking, numpy shapes, ``X.shape``; never a guess."""

import pytest

from seqlint.dims import UNKNOWN, Sym
from seqlint.ir import Array, ShapeTuple
from tests.frontend.support import ir_of


def evaluate(setup: str, expression: str) -> object:
    """The value ``expression`` has after ``setup`` (through a Lambda's ``arguments``)."""
    ir = ir_of(f"""
import numpy as np
import keras
from keras.utils import to_categorical, pad_sequences
{setup}
y = keras.layers.Lambda(f, arguments={{"v": ({expression})}})(x)
""")
    return ir.nodes[-1].layer.config["arguments"]["v"]


@pytest.mark.parametrize(
    ("setup", "expression", "expected"),
    [
        ("a = 6", "a * 2 + 1", 13),
        ("a = 7", "a // 2, a % 4, -a, a / 2, 2 ** a", (3, 3, -7, 3.5, 128)),
        ("a, (b, c) = 1, (2, 3)", "(a, b, c)", (1, 2, 3)),
        ("first, *rest = [1, 2, 3]", "rest", [2, 3]),
        ("t = (4, 5)", "t + (6,)", (4, 5, 6)),
        ("d = {'units': 3}", "d['units'] + d.get('x', 1)", 4),
        ("n = 3\nn += 2", "n", 5),
        ("", "'abc' 'def'", "abcdef"),
        ("x = 1 if True else 2", "x", 1),
        ("", "max(3, 9), min([4, 2]), len((1, 2)), int(7.9), abs(-2)", (9, 2, 2, 7, 2)),
        ("s = [1]\ns.append(2)\ns.extend([3])", "s", [1, 2, 3]),
        ("", "1 < 2 < 3, 3 in (1, 2), None is None", (True, False, True)),
        ("", "10 ** 100", UNKNOWN),
        ("", "'a' * 10 ** 6", UNKNOWN),
        ("", "1 / 0", UNKNOWN),
    ],
)
def test_constants_and_arithmetic(setup: str, expression: str, expected: object) -> None:
    assert evaluate(setup, expression) == expected


@pytest.mark.parametrize(
    ("setup", "expression", "expected"),
    [
        ("", "maxlen", Sym("maxlen")),
        ("", "maxlen * 2", Sym("maxlen*2")),
        ("", "maxlen + 1 - 1", Sym("(maxlen+1)-1")),
        ("", "args.maxlen", Sym("args.maxlen")),
        ("n = int(input())", "n", Sym("n")),
        ("", "X.shape[1]", Sym("X.shape[1]")),
        ("", "maxlen / 2", UNKNOWN),
        ("", "foo(3)", UNKNOWN),
        ("", "X.shape", UNKNOWN),
    ],
)
def test_unknown_values_are_symbols_only_for_names(
    setup: str, expression: str, expected: object
) -> None:
    assert evaluate(setup, expression) == expected


@pytest.mark.parametrize(
    ("setup", "expression", "shape"),
    [
        ("", "np.random.rand(100, 20, 3)", (100, 20, 3)),
        ("", "np.random.randn(5, 2)", (5, 2)),
        ("", "np.random.random((8, 4))", (8, 4)),
        ("", "np.random.randint(0, 10, size=(100, 20))", (100, 20)),
        ("", "np.random.randint(0, 10, (7,))", (7,)),
        ("", "np.zeros((3, 4))", (3, 4)),
        ("", "np.ones(5)", (5,)),
        ("", "np.full((2, 3), 7.0)", (2, 3)),
        ("", "np.empty([6, n])", (6, Sym("n"))),
        ("X = np.zeros((10, 6))", "X.reshape(-1, 3, 2)", (10, 3, 2)),
        ("X = np.zeros((10, 6))", "X.reshape((X.shape[0], X.shape[1], 1))", (10, 6, 1)),
        ("X = np.zeros((10, 7))", "X.reshape(-1, 3)", None),  # numpy raises (SL240)
        ("X = np.zeros((10, 6))", "X.astype('float32')", (10, 6)),
        ("X = np.zeros((10, 6))", "np.expand_dims(X, -1)", (10, 6, 1)),
        ("X = np.zeros((10, 6))", "X[:, :, np.newaxis]", (10, 6, 1)),
        ("X = np.zeros((10, 6))", "X[..., None]", (10, 6, 1)),
        ("X = np.zeros((10, 6))", "X[:8]", (8, 6)),
        ("X = np.zeros((10, 6))", "X[2:, 0]", (8,)),
        ("X = np.zeros((10, 6))", "X / 255.0", (10, 6)),
        ("X = np.zeros((10, 6))", "np.arange(12).reshape(3, 4)", (3, 4)),
        ("y = np.zeros((10, 1))", "to_categorical(y, 4)", (10, 4)),
        ("y = np.zeros((10, 20))", "to_categorical(y, num_classes=4)", (10, 20, 4)),
    ],
)
def test_numpy_shapes(setup: str, expression: str, shape: tuple) -> None:
    value = evaluate(setup, expression)
    assert isinstance(value, Array)
    assert value.shape == shape


def test_arrays_carry_the_name_they_are_bound_to() -> None:
    value = evaluate("X_train = np.zeros((3, 2))\nZ = X_train", "Z")
    assert (value.shape, value.name) == ((3, 2), "X_train")


def test_an_array_of_unknown_shape_is_never_guessed() -> None:
    assert evaluate("X = np.load('x.npy')", "X") == Sym("X")
    for setup in ("X = np.array(rows)", "X = np.zeros(shape)", "X = pad_sequences(seqs, 20)"):
        value = evaluate(setup, "X")
        assert (value.shape, value.name) == (None, "X")


def test_shape_attribute_and_its_parts() -> None:
    setup = "X = np.zeros((100, 20, 3))"
    assert evaluate(setup, "X.shape") == ShapeTuple((100, 20, 3), "X.shape")
    assert evaluate(setup, "X.shape[1:]") == (20, 3)
    assert evaluate(setup, "X.shape[1]") == 20
    assert evaluate(setup, "X.shape[-1]") == 3
    assert evaluate(setup, "(X.shape[1], X.shape[2])") == (20, 3)
    assert evaluate(setup, "X.ndim, len(X)") == (3, 100)
    assert evaluate(setup + "\nn, t, f = X.shape", "(t, f)") == (20, 3)


def test_branch_assignments_are_unknown_afterwards() -> None:
    setup = """
units = 64
if flag:
    units = 128
"""
    assert evaluate(setup, "units") == Sym("units")
    assert evaluate("units = 64\nif True:\n    units = 128", "units") == 128
    assert evaluate("units = 64\nfor i in range(3):\n    pass", "units") == 64
    assert evaluate("s = [1]\nfor i in range(n):\n    s.append(i)", "s") == Sym("s")


@pytest.mark.parametrize(
    ("expression", "shape"),
    [
        ("np.transpose(a, (0, 2, 3, 1))", (4, 96, 20, 1)),
        ("a.transpose(0, 2, 3, 1)", (4, 96, 20, 1)),
        ("a.transpose((3, 2, 1, 0))", (20, 96, 1, 4)),
        ("a.T", (20, 96, 1, 4)),
        ("np.transpose(a, (0, 0, 1, 2))", None),  # not a permutation: numpy raises
    ],
)
def test_numpy_transpose_follows_its_axes(expression, shape):
    value = evaluate("a = np.zeros((4, 1, 96, 20))", expression)
    assert isinstance(value, Array) and value.shape == shape

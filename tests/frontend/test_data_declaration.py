"""A Sequential model nothing declares is built by Keras from the data of its first fit."""

from seqlint.dims import UNKNOWN
from seqlint.shapes.propagate import GraphShapes
from tests.frontend.support import ir_of

HEADER = """
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.preprocessing.sequence import TimeseriesGenerator
X = np.random.rand(100, 20, 8)
"""


def input_node(body: str):
    ir = ir_of(HEADER + body)
    (model,) = ir.models
    return ir, ir.node(model.inputs)


def test_first_fit_declares_the_input_from_x_batch_axis_first():
    ir, node = input_node("""
model = keras.Sequential([layers.LSTM(4), layers.Dense(1)])
model.fit(X, y)
model.fit(np.random.rand(5, 3), y)
""")
    assert (node.layer.kind, node.declared_by) == ("Input", "data")
    assert node.layer.config == {"batch_shape": (None, 20, 8)}
    assert (node.layer.label, node.loc.span.line) == ("X", 9)
    shapes = GraphShapes(ir)
    assert str(shapes.of(ir.models[0].outputs)) == "(batch, 1)"


def test_predict_and_evaluate_build_too_but_not_fit_generator():
    _, node = input_node("model = keras.Sequential([layers.Dense(1)])\nmodel.predict(X)")
    assert node.declared_by == "data"
    _, node = input_node("model = keras.Sequential([layers.Dense(1)])\nmodel.fit_generator(X)")
    assert node.declared_by is None


def test_a_declaration_in_the_source_wins():
    for body in (
        "model = keras.Sequential([keras.Input((5, 8)), layers.LSTM(4)])",
        "model = keras.Sequential([layers.LSTM(4, input_shape=(5, 8))])",
        "model = keras.Sequential([layers.LSTM(4)])\nmodel.build((None, 5, 8))",
    ):
        _, node = input_node(body + "\nmodel.fit(X, y)")
        assert node.declared_by != "data", body


def test_unknown_rank_or_list_data_declares_nothing():
    for x in ("np.load('x.npy')", "[X, X]", "dataset"):
        _, node = input_node(f"model = keras.Sequential([layers.Dense(1)])\nmodel.fit({x}, y)")
        assert node.declared_by is None, x


def test_rank_one_data_declares_a_batch_of_scalars():
    """Keras builds the model on ``(batch,)`` (a Dense then raises: expected min_ndim=2)."""
    _, node = input_node(
        "model = keras.Sequential([layers.Dense(1)])\nmodel.fit(np.random.rand(100), y)"
    )
    assert node.declared_by == "data"
    assert node.layer.get("batch_shape") == (None,)


def test_windows_of_a_generator_declare_the_input():
    _, node = input_node("""
gen = TimeseriesGenerator(np.random.rand(50, 3), np.random.rand(50), length=7)
model = keras.Sequential([layers.LSTM(4)])
model.fit(gen)
""")
    assert node.declared_by == "data"
    assert node.layer.config == {"batch_shape": (None, 7, 3)}


def test_keyword_x_and_symbolic_sizes():
    _, node = input_node("""
data = np.random.rand(n, steps, 8)
model = keras.Sequential([layers.LSTM(4)])
model.fit(y=y, x=data)
""")
    batch_shape = node.layer.config["batch_shape"]
    assert batch_shape[0] is None and str(batch_shape[1]) == "steps" and batch_shape[2] == 8
    assert node.layer.label == "data"
    assert UNKNOWN not in batch_shape

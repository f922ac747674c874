"""Builder functions run per call site; uncalled ones run with their defaults."""

import pytest

from seqlint.dims import Sym
from seqlint.ir import TensorRef
from tests.frontend.support import chain, ir_of

BUILDER = """
from tensorflow import keras
from tensorflow.keras import layers

def make_encoder(x, units=32):
    x = layers.LSTM(units, return_sequences=True)(x)
    return layers.LSTM(units)(x)

def build_model(vocab_size=1000, maxlen=40, units=16):
    inp = keras.Input(shape=(maxlen,))
    x = layers.Embedding(vocab_size, 64)(inp)
    x = make_encoder(x, units=units)
    return keras.Model(inp, layers.Dense(1)(x))
"""


def test_a_builder_runs_once_per_call_site_with_the_arguments_given_there() -> None:
    ir = ir_of(
        BUILDER
        + """
model = build_model(vocab_size=5000, maxlen=60)
small = build_model(200, 10, units=4)
model.fit(X, y)
"""
    )
    first, second = ir.models
    assert (first.name, second.name) == ("model", "small")
    assert ir.node(first.inputs).layer.config == {"shape": (60,)}
    assert ir.node(second.inputs).layer.config == {"shape": (10,)}
    embedding = ir.nodes[first.inputs.node_id + 1]
    assert embedding.layer.config == {"input_dim": 5000, "output_dim": 64}
    assert chain(ir, ir.node(second.outputs)) == ["Input", "Embedding", "LSTM", "LSTM", "Dense"]
    assert ir.nodes[ir.node(second.outputs).inputs[0].node_id].layer.config == {"units": 4}


def test_an_uncalled_builder_runs_once_with_its_defaults() -> None:
    ir = ir_of(BUILDER)
    (model,) = ir.models
    assert ir.node(model.inputs).layer.config == {"shape": (40,)}
    assert chain(ir, ir.node(model.outputs)) == ["Input", "Embedding", "LSTM", "LSTM", "Dense"]


def test_unknown_arguments_and_parameters_without_default_are_symbols() -> None:
    ir = ir_of(
        BUILDER
        + """
def build_tagger(maxlen, n_tags=5):
    return build_model(maxlen=maxlen, units=n_tags * 2)
"""
    )
    (model,) = ir.models
    assert ir.node(model.inputs).layer.config == {"shape": (Sym("maxlen"),)}


def test_positional_and_keyword_arguments_bind_like_python() -> None:
    ir = ir_of("""
from keras import layers
def block(x, units, *rest, activation="relu", **options):
    return layers.Dense(units, activation=activation, **options)(x)
y = block(layers.Input(shape=(3,)), 7, 8, 9, activation="tanh", use_bias=False)
""")
    dense = ir.nodes[1]
    assert dense.layer.config == {"units": 7, "activation": "tanh", "use_bias": False}
    assert dense.inputs == (TensorRef(0),)


def test_nested_functions_and_closures() -> None:
    ir = ir_of("""
from keras import layers, Input
def outer(units=3):
    def inner(x):
        return layers.Dense(units)(x)
    return inner(Input(shape=(2,)))
out = outer(9)
""")
    assert [n.layer.config for n in ir.nodes] == [{"shape": (2,)}, {"units": 9}]


def test_recursion_is_cut_off() -> None:
    ir = ir_of("""
from keras import layers
def deep(x, n=5):
    x = layers.Dense(n)(x)
    return deep(x, n - 1)
y = deep(layers.Input(shape=(3,)))
""")
    assert [n.layer.kind for n in ir.nodes] == ["Input", "Dense"]


def test_a_return_inside_a_branch_makes_the_result_unknown() -> None:
    ir = ir_of("""
from keras import layers, Sequential
def build(kind):
    if kind == "small":
        return Sequential([layers.Dense(1)])
    return Sequential([layers.Dense(2), layers.Dense(1)])
model = build("big")
other = build(option)
other.add(layers.Dense(3))
""")
    assert [m.name for m in ir.models] == ["model", None, None]
    assert len(ir.nodes) == 3 + 2 + 3  # the last Dense(3) is never added


def test_methods_of_classes_are_not_interpreted() -> None:
    ir = ir_of("""
from keras import layers
class Trainer:
    def build(self):
        return layers.Dense(1)(layers.Input(shape=(3,)))
""")
    assert ir.nodes == []


def test_an_uncalled_function_changing_a_module_model_makes_it_unknown() -> None:
    ir = ir_of("""
from keras import layers, Sequential, Input
model = Sequential([Input((10,)), layers.Dense(4)])
def extend():
    model.add(layers.LSTM(3))
""")
    (model,) = ir.models
    assert ir.node(model.outputs).layer.kind == ""


@pytest.mark.parametrize(
    ("body", "generator"),
    [
        ("    yield 1\n", True),
        ("    x = yield\n", True),
        ("    yield from range(3)\n", True),
        ("    if a:\n        for i in b:\n            print((yield i))\n", True),
        ("    return 1\n", False),
        ("    def inner():\n        yield 1\n    return inner\n", False),
        ("    class C:\n        def m(self):\n            yield 1\n    return C\n", False),
        ("    f = lambda: (yield)\n    return f\n", False),
        ("    return [x for x in 'yield']  # yield\n", False),
    ],
)
def test_a_function_is_a_generator_only_by_its_own_yield(body: str, generator: bool) -> None:
    from seqlint.frontend.interpreter import _is_generator
    from seqlint.frontend.parsing import parse

    function = parse("def f(a, b):\n" + body).body[0]
    assert _is_generator(function) is generator

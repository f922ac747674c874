"""Lazy locations resolve to the right 1-based spans; labels are short source texts."""

import libcst as cst

from seqlint.frontend.positions import Positions, source_text
from seqlint.ir import Span
from tests.frontend.support import ir_of

SOURCE = """\
from tensorflow.keras import layers, Sequential
model = Sequential([
    layers.Embedding(1000, 64),
    layers.LSTM(32,
                return_sequences=True),  # a comment
])
x = layers.Input(shape=(10, 3))
rnn = layers.GRU(8)
h = (
    rnn(x)
)
y = layers.Dense(1,
    activation="sigmoid")(h)
"""


def test_layer_in_a_list() -> None:
    embedding = ir_of(SOURCE).nodes[1]
    assert embedding.loc.span == Span(3, 5, 3, 31)
    assert embedding.layer.loc.span == embedding.loc.span


def test_layer_spanning_a_continuation_line() -> None:
    lstm = ir_of(SOURCE).nodes[2]
    assert lstm.layer.kind == "LSTM"
    assert lstm.loc.span == Span(4, 5, 5, 39)


def test_layer_object_called_on_a_later_line() -> None:
    ir = ir_of(SOURCE)
    call = ir.nodes[4]
    assert call.layer.kind == "GRU"
    assert call.loc.span == Span(10, 5, 10, 11)  # the call, without its parentheses
    assert call.layer.loc.span == Span(8, 7, 8, 20)  # the constructor


def test_call_of_a_constructor_spanning_lines() -> None:
    dense = ir_of(SOURCE).nodes[5]
    assert dense.loc.span == Span(12, 5, 13, 29)
    assert dense.layer.loc.span == Span(12, 5, 13, 26)


def test_declaring_keyword_and_model_locations() -> None:
    ir = ir_of("""\
import keras
m = keras.Sequential(
    [keras.layers.LSTM(4, input_shape=(10, 3))])
""")
    assert ir.nodes[0].loc.span == Span(3, 27, 3, 46)
    assert ir.models[0].loc.span == Span(2, 5, 3, 49)


def test_positions_handle_crlf_and_tabs() -> None:
    ir = ir_of("import keras\r\nif True:\r\n\tx = keras.layers.Dense(2)(y)\r\n")
    assert ir.nodes[1].loc.span == Span(3, 6, 3, 30)


def test_positions_resolve_together_and_only_once() -> None:
    module = cst.parse_module("a = 1\nb = (2 +\n     3)\n")
    positions = Positions(module, module.code)
    first = module.body[0].body[0].value
    second = module.body[1].body[0].value
    loc_a, loc_b = positions.loc(first), positions.loc(second)
    assert loc_b.span == Span(2, 6, 3, 7)  # inside the parentheses, as PositionProvider does
    assert loc_a.span == Span(1, 5, 1, 6)


def test_labels_are_short_one_line_and_unqualified() -> None:
    ir = ir_of(SOURCE)
    assert [n.layer.label for n in ir.nodes] == [
        "<undeclared input>",
        "Embedding(1000, 64)",
        "LSTM(32, return_sequences=True)",
        "Input(shape=(10, 3))",
        "GRU(8)",
        'Dense(1, activation="sigmoid")',
    ]
    long = ir_of("import keras\nx = keras.layers.Dense(" + "1 + " * 40 + "1)(x)\n")
    assert len(long.nodes[1].layer.label) == 60
    assert long.nodes[1].layer.label.endswith("...")


def test_source_text() -> None:
    for text in ["f(*a, **k)", "x[1:, ::2, :-1, 0]", "(a + b) * -c", "(1,)", "f(lambda x: x)"]:
        assert source_text(cst.parse_expression(text)) == text
    assert source_text(cst.parse_expression("LSTM(\n  3,  # units\n)")) == "LSTM(3)"

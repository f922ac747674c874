"""Straight-line code runs as written; branches and loops run once, uncertainly."""

from seqlint.ir import TensorRef
from tests.frontend.support import ir_of

HEADER = """
import tensorflow as tf
from tensorflow.keras import layers, Input, Model
"""


def kinds(source: str) -> list[str]:
    return [node.layer.kind for node in ir_of(HEADER + source).nodes]


def test_main_guard_with_and_try_bodies_are_straight_line() -> None:
    ir = ir_of(
        HEADER
        + """
if __name__ == "__main__":
    with tf.device("/cpu:0"):
        try:
            inp = Input(shape=(4,))
        finally:
            pass
    out = layers.Dense(2)(inp)
"""
    )
    assert ir.nodes[1].inputs == (TensorRef(0),)


def test_constant_tests_take_the_right_branch() -> None:
    assert kinds("""
DEBUG = False
if DEBUG:
    x = layers.Dense(1)(Input(shape=(2,)))
elif 2 > 1:
    x = layers.LSTM(1)(Input(shape=(2, 3)))
else:
    x = layers.GRU(1)(Input(shape=(2, 3)))
while False:
    layers.Dense(5)(x)
""") == ["Input", "LSTM"]


def test_uncertain_branches_are_modelled_but_their_names_are_unknown_after() -> None:
    ir = ir_of(
        HEADER
        + """
inp = Input(shape=(10, 3))
x = inp
if use_lstm:
    x = layers.LSTM(8, return_sequences=True)(x)
else:
    x = layers.GRU(8, return_sequences=True)(x)
out = layers.Dense(1)(x)
"""
    )
    lstm, gru, opaque, dense = ir.nodes[1:]
    assert (lstm.layer.kind, lstm.inputs) == ("LSTM", (TensorRef(0),))
    assert (gru.layer.kind, gru.inputs) == ("GRU", (TensorRef(0),))  # the else sees x as before
    assert opaque.layer.kind == ""
    assert dense.inputs == (TensorRef(opaque.id, None),)


def test_loop_bodies_run_once_with_unknown_targets() -> None:
    ir = ir_of(
        HEADER
        + """
x = Input(shape=(10, 3))
for units in sizes:
    x = layers.LSTM(units, return_sequences=True)(x)
while training:
    y = layers.Dense(3)(x)
"""
    )
    lstm = ir.nodes[1]
    assert lstm.layer.config["units"].name == "units"
    assert lstm.inputs == (TensorRef(0),)
    assert ir.nodes[2].layer.kind == ""  # x after the loop is unknown


def test_loops_over_a_short_known_sequence_run_item_by_item() -> None:
    """``for _ in range(num_layers): x = Block()(x)``: each item runs the body once, as
    Python does (a stack of transformer blocks), also at the top level of the module."""
    ir = ir_of(
        HEADER
        + """
x = Input(shape=(10, 3))
for units in [8, 16]:
    x = layers.LSTM(units, return_sequences=True)(x)
for _ in range(2):
    x = layers.Dense(4)(x)
"""
    )
    kinds_and_inputs = [(n.layer.kind, n.layer.get("units"), n.inputs) for n in ir.nodes[1:]]
    assert kinds_and_inputs == [
        ("LSTM", 8, (TensorRef(0),)),
        ("LSTM", 16, (TensorRef(1, None),)),
        ("Dense", 4, (TensorRef(2, None),)),
        ("Dense", 4, (TensorRef(3, None),)),
    ]


def test_loops_longer_than_the_unrolling_budget_are_branches() -> None:
    ir = ir_of(
        HEADER
        + """
x = Input(shape=(10, 3))
for i in range(17):
    x = layers.Dense(4)(x)
"""
    )
    assert [n.layer.kind for n in ir.nodes] == ["Input", "Dense"]
    assert ir.nodes[1].inputs == (TensorRef(0),)  # the body runs once, x unknown after it


def test_except_handlers_run_in_branch_mode() -> None:
    ir = ir_of(
        HEADER
        + """
try:
    x = Input(shape=(3,))
except ImportError as error:
    x = None
y = layers.Dense(1)(x)
"""
    )
    assert ir.nodes[-1].inputs[0] != TensorRef(0)


def test_code_after_a_straight_line_raise_or_return_does_not_run() -> None:
    assert kinds("""
def build():
    return Input(shape=(3,))
    layers.Dense(1)(Input(shape=(4,)))
build()
raise SystemExit
layers.Dense(2)(Input(shape=(5,)))
""") == ["Input"]


def test_match_cases_are_branches() -> None:
    assert kinds("""
match kind:
    case "a":
        x = layers.Dense(1)(Input(shape=(2,)))
    case _:
        x = layers.Dense(2)(Input(shape=(2,)))
""") == ["Input", "Dense", "Input", "Dense"]


def test_conditional_expressions() -> None:
    ir = ir_of(
        HEADER
        + """
inp = Input(shape=(3, 2))
x = layers.LSTM(4)(inp) if flag else layers.GRU(4)(inp)
units = 8 if True else 9
y = layers.Dense(units)(x)
"""
    )
    assert [n.layer.kind for n in ir.nodes] == ["Input", "LSTM", "GRU", "", "Dense"]
    assert ir.nodes[-1].layer.config == {"units": 8}


def test_global_and_nonlocal() -> None:
    ir = ir_of(
        HEADER
        + """
UNITS = 1
def configure():
    global UNITS
    UNITS = 6
configure()
x = layers.Dense(UNITS)(Input(shape=(2,)))
"""
    )
    assert ir.nodes[-1].layer.config == {"units": 6}


def test_import_fallbacks_keep_keras() -> None:
    source = """
try:
    from tensorflow import keras
except ImportError:
    import keras
if USE_LEGACY:
    import tf_keras as kk
else:
    from tensorflow import keras as kk
try:
    import keras as gone
except ImportError:
    gone = None
a = keras.layers.Dense(1)(x)
b = kk.layers.Dense(2)(x)
c = gone.layers.Dense(3)(x)
"""
    assert [n.layer.kind for n in ir_of(source).nodes] == ["", "Dense", "Dense"]

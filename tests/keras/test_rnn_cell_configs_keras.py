"""Generated RNN-cell configurations, answered by seqlint and by real Keras 3 and compared.

Each configuration is a small script: an ``RNN`` over a cell class of the script (its
``state_size`` as an int, a list or a tuple; the states its ``call`` returns right, too many or
too few, wider, of another rank; its output as wide as its state or wider, with or without an
``output_size``; a Dense after it or none; ``return_sequences``; ``unroll``), over a stack of
two such cells (a list or ``StackedRNNCells``, the odd cell first or second) or of one and a
built-in cell, given an ``initial_state`` (of the right or another size and number), given
``constants``, returning more features than declared to a loss with a literal target, or a
built-in cell called directly on states of the right or wrong size and rank. Keras (one
subprocess) builds the model, reads its output shape and fits it on tiny data; seqlint lints
the same text. Where Keras builds the model, seqlint's output shape is Keras's;
seqlint reports an error only where Keras raises; the configurations Keras rejects and seqlint
does not are exactly ``MISSED``.
"""

from __future__ import annotations

import itertools
import textwrap

import pytest

from seqlint.analysis import analyse
from seqlint.diagnostic import Severity
from seqlint.dims import BATCH, is_known
from seqlint.ir import TensorRef
from tests.keras.keras2 import run_scripts
from tests.rules.test_rnn_cells import cell

pytestmark = pytest.mark.keras

HEADER = """\
import numpy as np
import keras
from keras import layers, ops


class OutputShape(Exception):
    pass


"""

MODEL = """\
x = keras.Input((5, 3))
y = layers.RNN(Cell(4), return_sequences={sequences}, unroll={unroll})(x){head}
model = keras.Model(x, y)
data = [np.zeros((2, 5, 3))]
"""

DIRECT = """\
x = keras.Input((3,))
h = keras.Input({h})
c = keras.Input((4,))
states = {states}
y, new_states = layers.{kind}(4)(x, states)
model = keras.Model([x, *states], y)
data = [np.zeros((2, 3))] + [np.zeros((2,) + tuple(d or 3 for d in s.shape[1:])) for s in states]
"""

RUN = """\

def shape():
    raise OutputShape(repr(model.output_shape))


def fit():
    model.compile(optimizer="sgd", loss="mse")
    model.fit(data, np.zeros((2,) + tuple(d or 3 for d in model.output_shape[1:])), verbose=0)
"""

STATE_SIZES = {"int": "units", "list": "[units]", "tuple": "(units, units)", "pair": "[units, 2]"}
# what call() returns as new states, for each state_size: right, one too many or too few,
# the first one wider, the first one of rank 3
RETURNED = {
    "right": {"int": "[new]", "list": "[new]", "tuple": "[new, new]", "pair": "[new, h[:, :2]]"},
    "count": {"int": "[new, new]", "list": "[new, new]", "tuple": "[new]", "pair": "[new]"},
    "wider": {
        "int": "[new]",
        "list": "[new]",
        "tuple": "[new, h]",
        "pair": "[new, h[:, :2]]",
    },
    "rank": {"int": "new", "list": "[new]", "tuple": "[new, h]", "pair": "[new, h[:, :2]]"},
}
NEW = {
    "right": "h",
    "count": "h",
    "wider": "ops.concatenate([h, h], axis=-1)",
    "rank": "ops.expand_dims(h, 0)",
}
WIDE = "ops.concatenate([h, h], axis=-1)"


def _cell(
    state: str,
    returned: str,
    *,
    output: str = "h",
    output_size: str = "",
    dense: bool = True,
    sequences: bool = False,
    unroll: bool = False,
) -> str:
    made = cell(STATE_SIZES[state], NEW[returned], output, RETURNED[returned][state], output_size)
    head = "\ny = layers.Dense(1)(y)" if dense else ""
    return made + "\n" + MODEL.format(sequences=sequences, unroll=unroll, head=head)


STACK = """\
x = keras.Input((5, 3))
y = layers.RNN({cells}, return_sequences={sequences})(x)
y = layers.Dense(1)(y)
model = keras.Model(x, y)
data = [np.zeros((2, 5, 3))]
"""

INITIAL = """\
x = keras.Input((5, 3))
h0 = keras.Input(({size},))
y = layers.RNN(Cell(4), unroll={unroll})(x, initial_state={given})
y = layers.Dense(1)(y)
model = keras.Model([x, h0], y)
data = [np.zeros((2, 5, 3)), np.zeros((2, {size}))]
"""

CONSTANTS = """\
x = keras.Input((5, 3))
c = keras.Input((2,))
y = layers.RNN(Cell(4))(x, constants=c)
model = keras.Model([x, c], y)
data = [np.zeros((2, 5, 3)), np.zeros((2, 2))]
"""

# the cells of a stack: their state_size, new state, output and output_size
STACKED = {
    "right": ("units", "h", "h", "[new]", ""),
    "wide": ("units", "h", WIDE, "[new]", ""),
    "wide-declared": ("units", "h", WIDE, "[new]", "2 * units"),
    "wider-state": ("units", WIDE, "h", "[new]", ""),
    "two-states": ("(units, units)", "h", "h", "[new, new]", ""),
    "one-of-two": ("(units, units)", "h", "h", "[new]", ""),
}


def _named(source: str, name: str) -> str:
    return source.replace("class Cell(", f"class {name}(")


def _stacks() -> dict[str, str]:
    """RNNs over a stack of two cells of the script (a list, or StackedRNNCells), the first
    or the second of each kind: the second cell is built on the width the first declares."""
    found: dict[str, str] = {}
    for (kind, parts), second in itertools.product(STACKED.items(), (False, True)):
        classes = _named(cell(*STACKED["right"]), "Plain") + "\n" + _named(cell(*parts), "Odd")
        pair = "[Plain(4), Odd(6)]" if second else "[Odd(4), Plain(6)]"
        name = f"stack-{kind}-{'second' if second else 'first'}"
        found[name] = classes + "\n" + STACK.format(cells=pair, sequences=False)
        if kind == "right":
            made = STACK.format(cells=f"layers.StackedRNNCells({pair})", sequences=True)
            found[f"{name}-stacked-sequences"] = classes + "\n" + made
    return found


def _mixed_stacks() -> dict[str, str]:
    """RNNs over a built-in cell stacked with a cell class of the script, before or after it."""
    found: dict[str, str] = {}
    for kind, built_in, first in itertools.product(
        STACKED, ("layers.LSTMCell", "layers.GRUCell"), (False, True)
    ):
        made = _named(cell(*STACKED[kind]), "Odd")
        pair = f"[Odd(4), {built_in}(6)]" if first else f"[{built_in}(5), Odd(6)]"
        name = f"mixed-{kind}-{'before' if first else 'after'}-{built_in.split('.')[1]}"
        found[name] = made + "\n" + STACK.format(cells=pair, sequences=False)
    return found


def _initial_states() -> dict[str, str]:
    """RNNs over a cell of the script given ``initial_state``: its returned states must keep
    the given states' shapes (not state_size's), in number too."""
    found: dict[str, str] = {}
    cases = {
        "right": ("units", "h", "[new]", "4", "h0"),
        "listed": ("units", "h", "[new]", "4", "[h0]"),
        "wider": ("units", "h", "[new]", "5", "h0"),
        "wider-kept": ("units", "states[0]", "[new]", "5", "[h0]"),
        "two": ("(units, units)", "h", "[new, new]", "4", "[h0, h0]"),
        "one-for-two": ("(units, units)", "states[0]", "[new, new]", "4", "[h0]"),
        "two-for-one": ("units", "h", "[new]", "4", "[h0, h0]"),
    }
    for name, (state_size, new, states, size, given) in cases.items():
        made = cell(state_size, new, "h", states)
        for unroll in (False, True):
            model = INITIAL.format(size=size, given=given, unroll=unroll)
            found[f"initial-{name}{'-unrolled' if unroll else ''}"] = made + "\n" + model
    return found


LITERAL_TARGET = """\
x = keras.Input((5, 3))
y = layers.RNN(Cell(4))(x)
model = keras.Model(x, y)
model.compile(optimizer="sgd", loss="mse")
model.fit(np.zeros((2, 5, 3)), np.zeros((2, {width})), verbose=0)
data = [np.zeros((2, 5, 3))]
"""


def _calls(name: str) -> list[str]:
    """What the runner calls after the script: a literal-target script fits in its body."""
    return ["shape"] if name in _literal_targets() else ["shape", "fit"]


def _literal_targets() -> dict[str, str]:
    """An RNN whose cell returns 8 features, more than it declares (4, or output_size 6),
    straight to an mse loss whose target the script spells: the loss meets the 8."""
    found: dict[str, str] = {}
    for output_size, width in itertools.product(("", "6"), (4, 6, 8)):
        made = cell(STATE_SIZES["int"], "h", WIDE, "[new]", output_size)
        name = f"cell-wide-output-size{output_size or 'none'}-target{width}"
        found[name] = made + "\n" + LITERAL_TARGET.format(width=width)
    return found


def _constants() -> dict[str, str]:
    """A cell whose ``call`` takes ``constants``: Keras 3's RNN call has no such argument."""
    made = cell().replace(
        "def call(self, inputs, states):", "def call(self, inputs, states, constants=None):"
    )
    plain = MODEL.format(sequences=False, unroll=False, head="")
    return {"constants-given": made + "\n" + CONSTANTS, "constants-none": made + "\n" + plain}


def configurations() -> dict[str, str]:
    """Name -> script body (after HEADER, before RUN)."""
    found: dict[str, str] = {}
    for state, returned in itertools.product(STATE_SIZES, RETURNED):
        found[f"cell-{state}-{returned}"] = _cell(state, returned)
    for returned in RETURNED:
        found[f"cell-int-{returned}-unrolled"] = _cell("int", returned, unroll=True)
    for output_size, dense, sequences in itertools.product(
        ("", "8", "6"), (True, False), (False, True)
    ):
        name = f"cell-wide-output-size{output_size or 'none'}-{'dense' if dense else 'bare'}"
        name += "-sequences" if sequences else ""
        found[name] = _cell(
            "int",
            "right",
            output=WIDE,
            output_size=output_size,
            dense=dense,
            sequences=sequences,
        )
    for kind, (h, label) in itertools.product(
        ("LSTMCell", "GRUCell", "SimpleRNNCell"),
        (("(4,)", "right"), ("(5,)", "size5"), ("(None, 4)", "rank3")),
    ):
        states = "[h, c]" if kind == "LSTMCell" else "[h]"
        found[f"direct-{kind}-{label}"] = DIRECT.format(h=h, states=states, kind=kind)
    return (
        found | _stacks() | _mixed_stacks() | _initial_states() | _constants() | _literal_targets()
    )


# Keras rejects them, seqlint is silent: an RNN output wider than Keras builds the model for,
# going straight to the loss, against a target made from model.output_shape (the declared
# width: seqlint does not read model.output_shape, so it knows no target to hold against what
# the loss meets; the cell-wide-...-target configurations spell their targets, and are
# caught); a
# SimpleRNNCell given a (batch, steps, 4) state, which broadcasts (batch, 4) against it: the
# model builds, and fit fails only because the 3 steps of the data are not its batch of 2
# (sizes seqlint leaves alone)
MISSED = {
    "cell-wide-output-sizenone-bare",
    "cell-wide-output-sizenone-bare-sequences",
    "cell-wide-output-size6-bare",
    "cell-wide-output-size6-bare-sequences",
    "direct-SimpleRNNCell-rank3",
}


# Keras builds them, seqlint's output shape is unknown: a SimpleRNNCell's step broadcast
# against a (batch, steps, 4) state takes the state's rank, which seqlint does not follow
UNKNOWN_SHAPES = {"direct-SimpleRNNCell-rank3"}


def _keras_shape(outcome: str | None) -> str | None:
    prefix = "OutputShape: "
    return outcome[len(prefix) :] if outcome and outcome.startswith(prefix) else None


def _seqlint_shape(source: str) -> str | None:
    """The model output shape seqlint computes, spelled as Keras prints it; None when a size
    or the rank is unknown."""
    analysis = analyse(source, "gen.py")
    outputs = analysis.ir.models[0].outputs if analysis.ir.models else None
    if not isinstance(outputs, TensorRef):
        return None
    dims = analysis.shapes.of(outputs).dims
    if dims is None or not all(d is BATCH or is_known(d) for d in dims):
        return None
    items = ["None" if d is BATCH else str(d) for d in dims]
    return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"


def test_rnn_cell_configurations_agree_with_keras():
    found = configurations()
    assert len(found) >= 90
    sources = {name: textwrap.dedent(HEADER + body + RUN) for name, body in found.items()}
    results = run_scripts(
        {name: {"source": text, "call": _calls(name)} for name, text in sources.items()},
        keras2=False,
    )
    false_errors, missed, wrong_shapes, unknown_shapes = [], set(), [], []
    raising = 0
    for name, text in sources.items():
        outcome = results[name]
        keras_shape = _keras_shape(outcome.get("shape"))
        raises = "<setup>" in outcome or outcome.get("fit") is not None
        errors = [d for d in analyse(text, "gen.py").diagnostics if d.severity is Severity.ERROR]
        raising += raises
        if errors and not raises:
            false_errors.append((name, [(d.code, d.line, d.message) for d in errors]))
        if raises and not errors:
            missed.add(name)
        if keras_shape is not None:
            ours = _seqlint_shape(text)
            if ours is None:
                unknown_shapes.append(name)
            elif ours != keras_shape:
                wrong_shapes.append((name, ours, keras_shape))
    assert not false_errors, false_errors
    assert not wrong_shapes, wrong_shapes
    assert missed == MISSED, sorted(missed ^ MISSED)
    assert set(unknown_shapes) == UNKNOWN_SHAPES, unknown_shapes
    assert raising >= 15  # both kinds of configuration are there

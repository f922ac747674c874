"""Recurrent cells in the frontend: ``RNN(cell)`` over a cell class of the script (its ``call``
run on one step), built-in cells called directly on their states, and cells or states given
by a comprehension.

Keras 3's RNN reads the cell's ``state_size`` when it is made (an int, or a list or tuple of
ints), builds the cell on ``(batch, features)``, and builds the model from
``compute_output_shape``: the output is ``output_size`` wide when the cell has one, else
``state_size[0]``. The cell's ``call(inputs, states)`` runs only inside the loop, when the model
runs. seqlint runs it here on a ``TimeSteps`` node of the input and one ``CellState`` node per
state (or on the ``initial_state`` the RNN is called with), gives the RNN node what it returned,
declares the output Keras builds the model with (what follows is built for it) and checks the
states it returns (``CellStates`` nodes: against ``state_size``, or against the shapes of the
initial states, which the loop keeps). A list of such cells (or a ``StackedRNNCells`` of them)
runs cell after cell, each on the output of the one before, built (as
``StackedRNNCells.build`` builds it) on the width that one declares.

A built-in cell called as ``cell(x, states)`` hands its shape function the states and returns
``(output, new_states)`` in the structure Keras does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import libcst as cst

from seqlint.dims import Sym
from seqlint.frontend.models import label_of
from seqlint.frontend.objects import Args, Instance, Items
from seqlint.frontend.scopes import MISSING
from seqlint.ir import Layer, Loc, TensorRef, Value
from seqlint.shapes.layers.common import config_bool, config_dim
from seqlint.shapes.layers.recurrent_cells import CELL_STATES, INITIAL_STATE, STATE_NAMES

if TYPE_CHECKING:
    from seqlint.frontend.classes import Objects

MAX_LISTED = 16
"""The most items of a comprehension listed one by one."""

CALL_KEYWORDS = frozenset({"training", "mask", INITIAL_STATE})
"""Keywords of an RNN call over cells of the script that are followed (the others, such as
``constants``, Keras 3's RNN refuses)."""


def listed(value: Value) -> Value:
    """A comprehension's list of alike items (``[LSTMCell(n) for _ in range(3)]``,
    ``[Input(shape) for c in cells]``) as the list of its items, when their number is known
    (at most :data:`MAX_LISTED`); anything else as it is."""
    if isinstance(value, Items):
        if value.values is not None:
            return list(value.values)
        if isinstance(value.count, int) and 0 < value.count <= MAX_LISTED:
            return [value.item] * value.count
    return value


def with_listed_cells(kind: str, args: Args) -> Args:
    """The arguments of ``RNN(cells)`` / ``StackedRNNCells(cells)`` with cells given by a
    comprehension listed one by one."""
    name = "cell" if kind == "RNN" else "cells"
    given = args.get(0, name, MISSING)
    cells = listed(given)
    if cells is given:
        return args
    if args.positional:
        return Args(
            [cells, *args.positional[1:]],
            dict(args.keywords),
            list(args.positional_exprs),
            dict(args.keyword_args),
            args.complete,
        )
    return Args(
        list(args.positional),
        {**args.keywords, name: cells},
        list(args.positional_exprs),
        dict(args.keyword_args),
        args.complete,
    )


def state_sizes(value: Value) -> tuple[int | Sym, ...] | None:
    """A cell's ``state_size`` as Keras 3 reads it: an int, or a flat list or tuple of them;
    None for anything else (nested sizes, a TensorShape, unknown)."""
    items = value if isinstance(value, (list, tuple)) else (value,)
    if not items or not all(_size(item) for item in items):
        return None
    return tuple(items)


def _size(value: Value) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or isinstance(value, Sym)


@dataclass(frozen=True)
class ScriptCell:
    """A cell of an RNN over cells of the script: a cell class of the script, or a built-in
    cell stacked with one; its state sizes (a flat tuple)."""

    cell: Instance | Layer
    sizes: tuple[int | Sym, ...]


@dataclass(frozen=True)
class ScriptCells:
    """The cells an RNN runs, one of them at least a class of the script: one, or a stack
    (``RNN([a, b])``, ``RNN(StackedRNNCells([a, b]))``), each cell fed the previous cell's
    output."""

    cells: tuple[ScriptCell, ...]
    stacked: bool


def script_cells(ev: Objects, given: Value) -> ScriptCells | None:
    """The cells ``given`` to an RNN (a cell, or a list of cells), when one at least is a cell
    class of the script and every one is such a class with a readable ``state_size`` or a
    built-in cell of known units; None otherwise."""
    stacked = isinstance(given, (list, tuple))
    found = []
    for item in given if isinstance(given, (list, tuple)) else [given]:
        if isinstance(item, Instance) and item.cls.keras == "layer":
            sizes = state_sizes(ev.object_attribute(item, "state_size"))
        elif stacked and isinstance(item, Layer) and item.kind in STATE_NAMES:
            units = config_dim(item, "units")
            sizes = (units,) * len(STATE_NAMES[item.kind]) if _size(units) else None
        else:
            return None
        if sizes is None:
            return None
        found.append(ScriptCell(item, sizes))
    if not any(isinstance(c.cell, Instance) for c in found):
        return None
    return ScriptCells(tuple(found), stacked)


def apply_over_cells(
    ev: Objects, layer: Layer, run: ScriptCells, args: Args, node: cst.Call
) -> Value:
    """``RNN(cell)(x)``: the cell's ``call`` run on one step of ``x``, on zero states or on
    the ``initial_state`` given (a stack: each cell run on the previous cell's output, built
    on the width that cell declares, as ``StackedRNNCells.build`` does); MISSING when it
    cannot be run so (the RNN is then what its shape function says without the cell)."""
    x = args.get(0, "inputs", MISSING)
    given = args.get(1, "initial_state", None)
    if not isinstance(x, TensorRef) or set(args.keywords) - CALL_KEYWORDS or not args.complete:
        return MISSING
    if ev.tensors.shape(x).rank != 3:
        return MISSING
    initial = _initial_states(ev, given)
    own_states = any(
        isinstance(c.cell, Instance) and c.cell.cls.lookup("get_initial_state") for c in run.cells
    )
    if initial is MISSING or (initial is None and own_states):
        return MISSING  # a cell's own initial states are not modelled
    if run.stacked and (initial is not None or config_bool(layer, "return_state", False)):
        return MISSING  # the nested states of a stack are not followed
    loc = ev.graph.positions.loc(node)
    group = ev.graph.begin_call("RNN", (x,), node, layer.label)
    result: Value = MISSING
    try:
        output = ev.graph.node(Layer("TimeSteps", {}, loc, layer.label), (x,), node)
        width: Value = None
        for index, cell in enumerate(run.cells):
            if index and isinstance(cell.cell, Instance):  # built on the width declared before
                ev.build_once(cell.cell, _zeros(ev, layer, x, (width,), node)[0], node)
            elif index:
                output = _built_for(ev, output, width, cell, run.cells[index - 1], node)
            states = initial or _zeros(ev, layer, x, cell.sizes, node)
            output = _run_cell(ev, layer, cell, output, states, initial is not None, node)
            if output is None:
                return MISSING
            width = _declared_width(ev, cell)
        run_layer = replace(layer, config={**layer.config, CELL_STATES: run.cells[-1].sizes})
        result = ev.graph.apply(run_layer, (x, output), False, tuple(initial or ()), node)
        declared = _declared(ev, layer, x, width)
        if declared is not None:
            group.declared = declared
            result = ev.graph.stand_in(group, result, node)
    finally:
        made = result if isinstance(result, TensorRef) else None
        ended = ev.graph.end_call(group, made, node)
    return ended if isinstance(ended, TensorRef) else MISSING


def _initial_states(ev: Objects, given: Value) -> list[TensorRef] | None | object:
    """The ``initial_state`` an RNN is called with, as the list of its tensors; None when
    none is given; MISSING when it cannot be read."""
    if given is None:
        return None
    items = listed(given)
    items = items if isinstance(items, (list, tuple)) else [items]
    if not items or not all(isinstance(item, TensorRef) for item in items):
        return MISSING
    return list(items)


def _zeros(
    ev: Objects, layer: Layer, x: TensorRef, sizes: tuple, node: cst.Call
) -> list[TensorRef]:
    """One ``(batch, size)`` zero state per size, as the RNN makes them for ``x``."""
    loc = ev.graph.positions.loc(node)
    return [
        ev.graph.node(Layer("CellState", {"size": size}, loc, layer.label), (x,), node)
        for size in sizes
    ]


def _run_cell(
    ev: Objects,
    layer: Layer,
    cell: ScriptCell,
    step: TensorRef,
    states: list[TensorRef],
    given: bool,
    node: cst.Call,
) -> TensorRef | None:
    """The cell's ``call`` on one step and its states; the states a cell class of the script
    returns checked against those it was given (``given``: the RNN's ``initial_state``) or its
    ``state_size``. None when its output cannot be read."""
    ev.last_return = None
    returned = ev.call_value(cell.cell, Args([step, states], positional_exprs=[None, None]), node)
    output, new_states = _output_and_states(returned)
    if output is None or not isinstance(cell.cell, Instance):
        return output
    if new_states is not None and config_bool(layer, "unroll", False) is False:
        against = _sizes_of(ev, states) if given else cell.sizes
        if against is not None:
            returned_at = ev.last_return or ev.graph.positions.loc(node)
            _check_states(ev, new_states, against, _label(cell), returned_at, given)
    return output


def _built_for(
    ev: Objects,
    output: TensorRef,
    width: Value,
    cell: ScriptCell,
    before: ScriptCell,
    node: cst.Call,
) -> TensorRef:
    """The output of the cell ``before`` as a built-in cell of the stack gets it, checked
    against the ``width`` that cell declares (the built-in cell's kernel is built for it)."""
    config = {"built": width, "cell": _label(cell), "before": _label(before)}
    check = Layer("StackedCellInput", config, ev.graph.positions.loc(node), _label(cell))
    return ev.graph.node(check, (output,), node)


def _label(cell: ScriptCell) -> str:
    return label_of(cell.cell.call) if isinstance(cell.cell, Instance) else cell.cell.label


def _sizes_of(ev: Objects, states: list[TensorRef]) -> tuple | None:
    """The sizes of ``(batch, size)`` states, when each has rank 2 and a size seqlint knows."""
    sizes = []
    for state in states:
        dims = ev.tensors.shape(state).dims
        if dims is None or len(dims) != 2 or not _size(dims[-1]):
            return None
        sizes.append(dims[-1])
    return tuple(sizes)


def _declared_width(ev: Objects, cell: ScriptCell) -> Value:
    """The width Keras reads for a cell's output: its ``output_size``, else
    ``state_size[0]`` (a built-in cell's units)."""
    instance = cell.cell
    if not isinstance(instance, Instance):
        return cell.sizes[0]
    defined = "output_size" in instance.attrs.vars or instance.cls.lookup("output_size")
    return ev.object_attribute(instance, "output_size") if defined else cell.sizes[0]


def states_given(kind: str, args: Args) -> Value:
    """The ``states`` a built-in cell is called on (``cell(x, states)``), when the frontend
    can hand them to its shape function: a list or tuple of them, or one bare tensor for a
    cell of one state (an LSTMCell indexes a bare tensor's rows); None otherwise."""
    if kind not in STATE_NAMES:
        return None
    given = args.get(1, "states", None)
    if isinstance(given, (list, tuple)) or (isinstance(given, TensorRef) and kind != "LSTMCell"):
        return given
    return None


def cell_outputs(kind: str, ref: TensorRef, given: Value) -> Value:
    """``output, new_states`` of a built-in cell called on ``given`` states: the new states in
    a list when they were given in one (an LSTMCell always returns ``[h, c]``). Each new
    state has the output's shape (``h`` is the output; an LSTMCell's ``c`` is ``(batch,
    units)`` too): it is the output tensor here."""
    output = TensorRef(ref.node_id, 0)
    if isinstance(given, (list, tuple)) or kind == "LSTMCell":
        return (output, [output] * len(STATE_NAMES[kind]))
    return (output, output)


def _output_and_states(returned: Value) -> tuple[TensorRef | None, list[TensorRef] | None]:
    """``output, new_states`` from what ``call`` returned (new states: one tensor or a flat
    list of them; None when they cannot be read)."""
    if not isinstance(returned, (list, tuple)) or len(returned) != 2:
        return None, None
    output, states = returned
    if not isinstance(output, TensorRef):
        return None, None
    items = states if isinstance(states, (list, tuple)) else [states]
    if not all(isinstance(item, TensorRef) for item in items):
        return output, None
    return output, list(items)


def _check_states(
    ev: Objects,
    states: list[TensorRef],
    sizes: tuple,
    owner: str,
    returned_at: Loc,
    given: bool,
) -> None:
    """A ``CellStates`` node per returned state, where it was made (all of them at the return
    statement when their number is not that of ``sizes``: the ``state_size``, or the sizes of
    the initial states the RNN was ``given``)."""
    source = INITIAL_STATE if given else "state_size"
    if len(states) != len(sizes):
        config = {"sizes": sizes, "first": 0, "cell": owner, "source": source}
        check = Layer("CellStates", config, returned_at, f"{owner}.call()")
        ev.graph.node_at(check, tuple(states), returned_at)
        return
    for index, (state, size) in enumerate(zip(states, sizes, strict=True)):
        made_at = ev.graph.ir.nodes[state.node_id].loc
        config = {"sizes": (size,), "first": index, "cell": owner, "source": source}
        check = Layer("CellStates", config, made_at, f"{owner}.call()")
        ev.graph.node_at(check, (state,), made_at)


def _declared(ev: Objects, layer: Layer, x: TensorRef, width: Value) -> tuple | None:
    """The output Keras's ``RNN.compute_output_shape`` gives (None for the batch axis), when
    the RNN returns one tensor."""
    sequences = config_bool(layer, "return_sequences", False)
    state = config_bool(layer, "return_state", False)
    dims = ev.tensors.shape(x).dims
    if state is not False or sequences is None or dims is None:
        return None
    if not _size(width):
        return None
    length = ev.tensors.static_shape(x, "input_shape").items[1]  # type: ignore[union-attr]
    return (None, length, width) if sequences else (None, width)

"""Recurrent cells in the frontend: ``RNN(cell)`` over a cell class of the script (its ``call``
run on one step), built-in cells called directly on their states, and cells or states given
by a comprehension.

Keras 3's RNN reads the cell's ``state_size`` when it is made (an int, or a list or tuple of
ints), builds the cell on ``(batch, features)``, and builds the model from
``compute_output_shape``: the output is ``output_size`` wide when the cell has one, else
``state_size[0]``. The cell's ``call(inputs, states)`` runs only inside the loop, when the model
runs. seqlint runs it here on a ``TimeSteps`` node of the input and one ``CellState`` node per
state, gives the RNN node what it returned, declares the output Keras builds the model with
(what follows is built for it) and checks the states it returns (``CellStates`` nodes).

A built-in cell called as ``cell(x, states)`` hands its shape function the states and returns
``(output, new_states)`` in the structure Keras does.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import libcst as cst

from seqlint.dims import Sym
from seqlint.frontend.models import label_of
from seqlint.frontend.objects import Args, Instance, Items
from seqlint.frontend.scopes import MISSING
from seqlint.ir import Layer, Loc, TensorRef, Value
from seqlint.shapes.layers.common import config_bool
from seqlint.shapes.layers.recurrent_cells import CELL_STATES, STATE_NAMES

if TYPE_CHECKING:
    from seqlint.frontend.classes import Objects

MAX_LISTED = 16
"""The most items of a comprehension listed one by one."""

CALL_KEYWORDS = frozenset({"training", "mask"})
"""Keywords of an RNN call that change no shape (``initial_state`` is not modelled here)."""


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


def apply_over_cell(
    ev: Objects, layer: Layer, cell: Instance, sizes: tuple, args: Args, node: cst.Call
) -> Value:
    """``RNN(cell)(x)``: the cell's ``call`` run on one step of ``x``; MISSING when it cannot
    be run so (the RNN is then what its shape function says without the cell)."""
    x = args.get(0, "inputs", MISSING)
    if not isinstance(x, TensorRef) or set(args.keywords) - CALL_KEYWORDS or not args.complete:
        return MISSING
    if ev.tensors.shape(x).rank != 3 or cell.cls.lookup("get_initial_state") is not None:
        return MISSING  # a cell's own initial states are not modelled
    loc = ev.graph.positions.loc(node)
    owner = label_of(cell.call)
    group = ev.graph.begin_call("RNN", (x,), node, layer.label)
    result: Value = MISSING
    try:
        step = ev.graph.node(Layer("TimeSteps", {}, loc, layer.label), (x,), node)
        zeros = [
            ev.graph.node(Layer("CellState", {"size": size}, loc, layer.label), (x,), node)
            for size in sizes
        ]
        ev.last_return = None
        returned = ev.call_object(cell, Args([step, zeros], positional_exprs=[None, None]), node)
        output, states = _output_and_states(returned)
        if output is None:
            return MISSING
        if states is not None and config_bool(layer, "unroll", False) is False:
            _check_states(ev, states, sizes, owner, ev.last_return or loc)
        run = replace(layer, config={**layer.config, CELL_STATES: sizes})
        result = ev.graph.apply(run, (x, output), False, (), node)
        defined = "output_size" in cell.attrs.vars or cell.cls.lookup("output_size") is not None
        width = ev.object_attribute(cell, "output_size") if defined else sizes[0]
        declared = _declared(ev, layer, x, width)
        if declared is not None:
            group.declared = declared
            result = ev.graph.stand_in(group, result, node)
    finally:
        made = result if isinstance(result, TensorRef) else None
        ended = ev.graph.end_call(group, made, node)
    return ended if isinstance(ended, TensorRef) else MISSING


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
    ev: Objects, states: list[TensorRef], sizes: tuple, owner: str, returned_at: Loc
) -> None:
    """A ``CellStates`` node per returned state, where it was made (all of them at the return
    statement when their number is not that of ``state_size``)."""
    if len(states) != len(sizes):
        config = {"sizes": sizes, "first": 0, "cell": owner}
        check = Layer("CellStates", config, returned_at, f"{owner}.call()")
        ev.graph.node_at(check, tuple(states), returned_at)
        return
    for index, (state, size) in enumerate(zip(states, sizes, strict=True)):
        made_at = ev.graph.ir.nodes[state.node_id].loc
        config = {"sizes": (size,), "first": index, "cell": owner}
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

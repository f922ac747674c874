"""RNN over cells, and the cells: LSTMCell, GRUCell, SimpleRNNCell, StackedRNNCells.

Keras facts mirrored here (Keras 3.15):

* ``RNN(cell)`` takes a cell or a list of cells (wrapped in ``StackedRNNCells``, whose
  output is its last cell's). The output is ``(batch, output_size)``, or ``(batch,
  timesteps, output_size)`` with ``return_sequences``; ``return_state`` adds one output per
  entry of the cell's ``state_size``: ``(batch, units)`` twice for an LSTMCell, once for a
  GRUCell or SimpleRNNCell; over a stack, one per cell, which for a cell of several
  states (an LSTMCell) is the list ``[h, c]``: seqlint holds one shape per output and
  leaves such an output unknown. (RNN's catalogue entry names no ``states``: their number
  depends on the cell, so the frontend does not count the outputs of an RNN call.)
* ``RNN`` has no InputSpec: it builds its cell on ``(batch, *input[2:])``. A rank-2 input
  sizes the kernel by the batch axis (``Shapes used to initialize variables must be
  fully-defined``, or, for a fixed batch size, an error when the model runs); an input of
  rank 4 or more builds (Keras's symbolic output ignores the extra axes) and fails when
  the model runs (the cell's matmul and the loop's state shapes): rank 3 it must be. Below
  rank 3 any cell fails when the RNN runs (it reads ``sequences[:, 0, :]`` and loops over
  axis 1), a cell seqlint does not know too.
  ``go_backwards``, ``unroll`` and ``stateful`` change no shape.
* ``initial_state`` is only checked when the model runs: an RNN over one cell needs
  exactly one state per entry of ``state_size`` (an LSTMCell 2, a GRUCell or
  SimpleRNNCell 1: ``Too few leaves for PyTreeSpec``, ``tuple index out of range``),
  each of shape ``(batch, units)`` (an LSTMCell's ``c`` too). Over a stack each cell gets
  its entry of the list: an LSTMCell given one tensor instead of its ``[h, c]`` raises
  ``IndexError`` (a flat list of states, or of ``[None, *cell.state_size]`` placeholders).
  A cell whose ``state_size`` is None when the RNN is made is refused there (``state_size
  must be specified``; a state_size set in ``build()`` comes too late): the frontend marks
  the RNN with ``NO_STATE_SIZE``.
* A cell called directly, ``cell(inputs, states)``, returns ``(output, new_states)``:
  ``(batch, units)`` for a ``(batch, features)`` input, and its new states, each of the
  output's shape: ``[h, c]`` for an LSTMCell, ``[h]`` for the others (a bare ``h`` when the
  state was given bare; the shape function answers the list as one unknown output, as Keras's
  nested output, and the frontend gives each state the output's shape); an input of another
  rank: unknown. The states are the call's
  ``states`` (the frontend passes them): an LSTMCell reads ``states[0]`` and ``states[1]``
  (fewer: ``IndexError``), the others ``states[0]``; ``h`` must have ``units`` features
  (matmul), an LSTMCell's ``c`` ``units`` or 1 (broadcast). A rank-3 ``h`` (a sequence, or a
  Lambda that declares one) fails in an LSTMCell (its fused gates are split on axis 1, the
  steps, so ``f * c`` meets ``4 * units`` against ``units``; a rank-3 input the same) and in
  a GRUCell, as does a rank-1 ``h`` in a GRUCell; a SimpleRNNCell broadcasts them (its
  output then has the state's rank: unknown here, as after a ``c`` of another rank).
* ``RNN(cell)`` over a cell class of the script: the frontend runs the cell's ``build`` on
  ``(batch, features)`` and its ``call(inputs, states)`` on one step (a ``TimeSteps`` node)
  and on one ``(batch, size)`` zero state per entry of the cell's ``state_size`` (a
  ``CellState`` node each, ``CELL_STATES`` in the RNN's config), and gives the RNN node what
  ``call`` returned as a second input. Keras builds the model from ``output_size`` (else
  ``state_size[0]``), the frontend's declared shape; the real output takes the returned width.
  The states ``call`` returns must match the states the loop starts from in number, rank and
  sizes (``state_size``'s zeros, or the ``initial_state`` given): the TF backend's
  ``while_loop`` raises at the first step otherwise (``Too few leaves for PyTreeSpec``, ``enters
  the loop with shape``; ``unroll=True`` runs a plain Python loop and does not check them); a
  ``CellStates`` node checks them where they are made. Over a list of such cells (a
  ``StackedRNNCells``, built-in cells among them), each cell runs on the previous one's output
  and is built on the width that one declares, so a wider output fails in the next cell's
  kernel (a built-in cell's: a ``StackedCellInput`` node checks it). Keras 3's RNN call
  takes no ``constants`` (SL116).
* Weights: the gated kernels of :func:`~seqlint.shapes.layers.recurrent.gated_params`
  (those of the LSTM, GRU and SimpleRNN layers); a stack's cells read the previous
  cell's output.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from seqlint.dims import UNKNOWN, Dim, Shape, Sym, differ, is_known
from seqlint.ir import Layer
from seqlint.shapes.catalogue import Call, Trait
from seqlint.shapes.layers.common import (
    batch_of,
    config_bool,
    config_dim,
    config_int,
    features,
    keras_layer,
    no_weights,
    require_defined,
    require_rank,
)
from seqlint.shapes.layers.recurrent import RNN_INPUT, gated_params
from seqlint.shapes.problems import ProblemKind, ShapeProblem

NO_STATE_SIZE = "__no_state_size__"
"""RNN config key the frontend sets when its cell, a class of the script, has ``state_size``
None when the RNN is made."""

CELL_STATES = "__cell_states__"
"""RNN config key the frontend sets for a cell class of the script: its ``state_size``."""

INITIAL_STATE = "initial_state"
"""The RNN call's keyword for the states its loop starts from (a ``CellStates`` check's
``source`` when the returned states are held against them, not against ``state_size``)."""

STATE_NAMES = {"LSTMCell": ("h", "c"), "GRUCell": ("h",), "SimpleRNNCell": ("h",)}
"""The states of each cell, in the order Keras passes them."""

CELL_KINDS = frozenset({*STATE_NAMES, "StackedRNNCells"})
"""The cells: called directly, Keras runs their ``call()`` on the spot (on symbolic inputs
too, to learn their outputs)."""


@dataclass(frozen=True)
class Cell:
    """A cell, or a stack of cells, as the RNN running it sees it.

    ``state_size`` has one entry per state the RNN returns: a size, or None for a list of
    states (a stacked LSTMCell's ``[h, c]``).
    """

    layers: tuple[Layer, ...]  # one cell, or the cells of a stack
    output: Dim
    state_size: tuple[Dim | None, ...]
    stacked: bool = False  # a stack, even of one cell

    @property
    def single(self) -> Layer | None:
        """The cell, when it is not a stack."""
        return None if self.stacked else self.layers[0]


def cell_attribute(layer: Layer, attr: str) -> Any:
    """``cell.state_size`` / ``cell.output_size`` of a built-in cell, as Keras 3 gives them
    (an LSTMCell's state_size is ``[units, units]``, a stack's the list of its cells'); None
    when it is not one of those."""
    cell = cell_of(layer)
    if cell is None or attr not in ("state_size", "output_size"):
        return None
    if attr == "output_size":
        return cell.output
    if cell.single is None:
        return [cell_attribute(part, attr) for part in cell.layers]
    sizes = list(cell.state_size)
    return sizes if len(sizes) > 1 else sizes[0]


def cell_of(value: Any) -> Cell | None:
    """The cell ``value`` stands for (a cell, a ``StackedRNNCells``, a list of cells); None
    when it is not one seqlint knows."""
    if isinstance(value, (list, tuple)):
        return _stack(value)
    if not isinstance(value, Layer):
        return None
    if value.kind == "StackedRNNCells":
        cells = value.get("cells")
        return _stack(cells) if isinstance(cells, (list, tuple)) else None
    if value.kind not in STATE_NAMES:
        return None
    units = config_dim(value, "units")
    return Cell((value,), units, (units,) * len(STATE_NAMES[value.kind]))


def _stack(cells: list | tuple) -> Cell | None:
    found = [cell_of(c) for c in cells]
    if not found or any(c is None or c.single is None for c in found):
        return None  # empty, unknown or nested stacks
    parts = [c for c in found if c is not None]
    return Cell(
        tuple(c.layers[0] for c in parts),
        parts[-1].output,
        tuple(c.state_size[0] if len(c.state_size) == 1 else None for c in parts),
        stacked=True,
    )


def cell_params(cell: Cell, size: int | None) -> int | None:
    """The weights of ``cell`` built on inputs of ``size`` features."""
    total = 0
    for layer in cell.layers:
        count = gated_params(layer, size)
        if count is None:
            return None
        total += count
        units = config_dim(layer, "units")
        size = units if is_known(units) else None  # type: ignore[assignment]
    return total


def _states_text(cell: Cell) -> str:
    layer = cell.single
    assert layer is not None
    names = STATE_NAMES[layer.kind]
    return f"{len(names)} initial state{'s' if len(names) > 1 else ''} [{', '.join(names)}]"


def _check_stacked_states(cell: Cell, states: tuple[Shape, ...]) -> None:
    """The initial states of an RNN over a stack: each cell gets its entry of the list (the
    list ``[h, c]`` for an LSTMCell; a list given there is a state of unknown rank here), and
    an LSTMCell given one tensor reads ``states[1]`` of a one-item list (``IndexError``)."""
    for index, (layer, state) in enumerate(zip(cell.layers, states, strict=False)):
        names = STATE_NAMES[layer.kind]
        if state.known_rank and len(names) > 1:
            raise ShapeProblem(
                ProblemKind.STATE_COUNT,
                f"an RNN over a stack of cells gives each cell its entry of initial_state: "
                f"cell {index} ({layer.kind}) gets one tensor, {state}, but reads the list "
                f"[{', '.join(names)}]",
                input_index=index,
                expected=f"one list [{', '.join(names)}] per {layer.kind} of the stack",
                got=state,
            )


def _check_initial_state(cell: Cell, states: tuple[Shape, ...]) -> None:
    """Count and size of the initial states of an RNN over one cell (over a stack: what
    :func:`_check_stacked_states` checks)."""
    if cell.single is None and states:
        _check_stacked_states(cell, states)
    if cell.single is None or not states or not all(s.known_rank for s in states):
        return
    owner = f"RNN over a {cell.single.kind}"
    if len(states) != len(cell.state_size):
        raise ShapeProblem(
            ProblemKind.STATE_COUNT,
            f"{owner} takes {_states_text(cell)}, got {len(states)} initial "
            f"state{'s' if len(states) != 1 else ''}",
            expected=_states_text(cell),
        )
    for index, (state, size) in enumerate(zip(states, cell.state_size, strict=True)):
        if state.dims and size is not None and differ(state.dims[-1], size):
            raise _state_size(index, state, size, owner)


def _state_size(index: int, state: Shape, units: Dim, owner: str) -> ShapeProblem:
    return ShapeProblem(
        ProblemKind.STATE_SIZE,
        f"initial state {index} has size {state.dims[-1]}, but {owner} "  # type: ignore[index]
        f"(units={units}) needs states of shape (batch, {units})",
        input_index=index,
        expected=f"(batch, {units})",
        got=state,
    )


def _rnn_params(call: Call) -> int | None:
    cell = cell_of(call.layer.get("cell"))
    return None if cell is None else cell_params(cell, features(call.input))


@keras_layer(
    "RNN",
    positional=("cell", "return_sequences", "return_state", "go_backwards", "stateful", "unroll"),
    params=_rnn_params,
    traits=(Trait.NEEDS_TIME_AXIS, Trait.RECURRENT, Trait.SIZED_BY_FEATURES),
)
def rnn(call: Call) -> list[Shape]:
    layer = call.layer
    if layer.get(NO_STATE_SIZE) is True:
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            "its cell's state_size is None when the RNN is made: Keras 3 reads state_size in "
            "RNN's constructor and raises ValueError (state_size must be specified)",
            expected="a cell whose state_size is set in __init__",
            hint="set the cell's state_size (and output_size) in its __init__, not in build()",
        )
    if len(call.inputs) == 2 and isinstance(layer.get(CELL_STATES), tuple):
        return _over_run_cell(call)
    cell = cell_of(layer.get("cell"))
    if cell is None:
        if call.input.rank is not None and call.input.rank < 3:  # whatever the cell
            require_rank(call, 3, RNN_INPUT)
        return [Shape.unknown()]
    require_rank(call, 3, RNN_INPUT)
    require_defined(call, -1, "its cell's kernel")
    _check_initial_state(cell, call.states)
    shape = call.input
    batch = batch_of(shape)
    sequences = config_bool(layer, "return_sequences", False)
    state = config_bool(layer, "return_state", False)
    if sequences is None or state is None:
        return [Shape.unknown()]
    steps = shape.dims[1] if shape.dims is not None else UNKNOWN
    outputs = [Shape((batch, steps, cell.output) if sequences else (batch, cell.output))]
    if state:
        outputs += [
            Shape.unknown() if size is None else Shape((batch, size)) for size in cell.state_size
        ]
    return outputs


def _over_run_cell(call: Call) -> list[Shape]:
    """An RNN over a cell class of the script, given the input and what the cell's ``call``
    returned for one step: the output has the returned width, the states their sizes."""
    shape, step_output = call.inputs
    sizes = _sizes(call.layer.get(CELL_STATES))
    sequences = config_bool(call.layer, "return_sequences", False)
    state = config_bool(call.layer, "return_state", False)
    if shape.rank != 3 or step_output.rank != 2 or None in (sizes, sequences, state):
        return [Shape.unknown()]
    batch, width = batch_of(shape), step_output.dims[-1]  # type: ignore[index]
    outputs = [Shape((batch, shape.dims[1], width) if sequences else (batch, width))]  # type: ignore[index]
    return outputs + [Shape((batch, size)) for size in sizes] if state else outputs  # type: ignore[union-attr]


def _sizes(value: Any) -> tuple[Dim, ...] | None:
    """State sizes the frontend recorded: a tuple of ints or symbols; None for anything else."""
    if not isinstance(value, tuple):
        return None
    ok = all(isinstance(v, Sym) or (isinstance(v, int) and not isinstance(v, bool)) for v in value)
    return value if ok else None


@keras_layer("CellState", params=no_weights)
def cell_state(call: Call) -> list[Shape]:
    """The zero state an RNN hands its cell: ``(batch, size)`` for a ``(batch, steps, ...)``
    input."""
    return [Shape((batch_of(call.input), config_dim(call.layer, "size")))]


@keras_layer("CellStates", params=no_weights)
def cell_states(call: Call) -> list[Shape]:
    """The new states a cell class's ``call`` returns inside an RNN, against its
    ``state_size`` or the ``initial_state`` the RNN was given (``source``): as many, each
    ``(batch, size)``."""
    sizes, first, owner = (
        _sizes(call.layer.get("sizes")),
        call.layer.get("first"),
        call.layer.get("cell"),
    )
    if sizes is None or not isinstance(first, int) or not isinstance(owner, str):
        return list(call.inputs) or [Shape.unknown()]
    given = call.layer.get("source") == INITIAL_STATE
    source = "the initial_state the RNN is given" if given else "its state_size"
    if len(call.inputs) != len(sizes):
        plural = "s" if len(sizes) != 1 else ""
        what = (
            f"the RNN is given {len(sizes)} initial state{plural}"
            if given
            else f"its state_size {_sizes_text(sizes)} has {len(sizes)}"
        )
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"{owner}.call() returns {len(call.inputs)} new state"
            f"{'s' if len(call.inputs) != 1 else ''}, but {what}: the RNN's loop needs the "
            "same states back at every step",
            expected=f"{len(sizes)} new states",
            hint=f"return one new state per {'initial state' if given else 'entry of state_size'}"
            f" from {owner}.call()",
        )
    for index, (state, size) in enumerate(zip(call.inputs, sizes, strict=True), start=first):
        if state.dims is None:
            continue
        if len(state.dims) != 2 or differ(state.dims[-1], size):
            fix = "pass an initial state of that shape" if given else "make state_size say its size"
            raise ShapeProblem(
                ProblemKind.LAYER_CONFIG,
                f"{owner}.call() returns new state {index} of shape {state}, but "
                f"{source} says (batch, {size}): the RNN's loop needs each state to keep its "
                "shape from step to step",
                input_index=index - first,
                expected=f"(batch, {size})",
                got=state,
                hint=f"return new state {index} as a (batch, {size}) tensor, or {fix}",
            )
    return list(call.inputs) or [Shape.unknown()]


@keras_layer("StackedCellInput", params=no_weights)
def stacked_cell_input(call: Call) -> list[Shape]:
    """What a built-in cell of a stack gets from the cell class of the script before it,
    against the width ``StackedRNNCells.build`` built it for (``built``, the width that cell
    declares): its kernel takes no other. The input, passed on."""
    built, cell, before = (call.layer.get(k) for k in ("built", "cell", "before"))
    got = features(call.input)
    if isinstance(built, int) and isinstance(got, int) and built != got:
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"{cell} in the stack is built for the {built} features {before} declares (its "
            f"output_size, else state_size[0]), but {before}.call() returns {call.input}: "
            "its kernel cannot take them",
            expected=f"(batch, {built})",
            got=call.input,
            hint=f"give {before} output_size = {got}, or return {built} features from its call()",
        )
    return [call.input]


def _sizes_text(sizes: tuple[Dim, ...]) -> str:
    return str(sizes[0]) if len(sizes) == 1 else f"[{', '.join(str(s) for s in sizes)}]"


def _cell_call_params(call: Call) -> int | None:
    cell = cell_of(call.layer)
    return None if cell is None else cell_params(cell, features(call.input))


FAILING_H_RANKS = {"LSTMCell": (3,), "GRUCell": (1, 3), "SimpleRNNCell": ()}
"""Ranks of the state ``h`` that make a cell called directly fail (it must be ``(batch,
units)``)."""


def _fused(layer: Layer) -> bool:
    """An LSTMCell computing its gates as one matmul split on axis 1 (``implementation=2``,
    the default)."""
    return layer.kind == "LSTMCell" and config_int(layer, "implementation", 2) == 2


def _check_states(cell: Cell, states: tuple[Shape, ...]) -> None:
    """The ``states`` of a cell called directly: how many it reads, the sizes it can use."""
    layer = cell.single
    if layer is None or not states or not all(s.known_rank for s in states):
        return
    needed = len(STATE_NAMES[layer.kind])
    if len(states) < needed:
        raise ShapeProblem(
            ProblemKind.STATE_COUNT,
            f"{layer.kind} reads {_states_text(cell).replace('initial ', '')}, "
            f"got {len(states)} state{'s' if len(states) != 1 else ''}",
            expected=_states_text(cell).replace("initial ", ""),
        )
    units = cell.output
    h, rest = states[0], states[1:needed]
    if h.rank == 2 and differ(h.dims[-1], units):  # type: ignore[index]
        raise _state_size(0, h, units, layer.kind)
    failing = FAILING_H_RANKS[layer.kind] if layer.kind != "LSTMCell" or _fused(layer) else ()
    if h.rank in failing:
        raise ShapeProblem(
            ProblemKind.STATE_SIZE,
            f"state 0 (h) has shape {h} (rank {h.rank}), but {layer.kind} (units={units}) "
            f"needs states of shape (batch, {units})",
            input_index=0,
            expected=f"(batch, {units})",
            got=h,
        )
    for index, c in enumerate(rest, start=1):  # an LSTMCell's c broadcasts: units or 1
        last = c.dims[-1] if c.rank == 2 else UNKNOWN  # type: ignore[index]
        if differ(last, units) and differ(last, 1):
            raise _state_size(index, c, units, layer.kind)


_CELL_TRAITS = (Trait.SIZED_BY_FEATURES,)


@keras_layer(
    "StackedRNNCells", positional=("cells",), params=_cell_call_params, traits=_CELL_TRAITS
)
@keras_layer(
    "SimpleRNNCell",
    positional=("units", "activation", "use_bias"),
    params=_cell_call_params,
    traits=_CELL_TRAITS,
    states=("h",),
)
@keras_layer(
    "GRUCell",
    positional=("units", "activation", "recurrent_activation", "use_bias"),
    params=_cell_call_params,
    traits=_CELL_TRAITS,
    states=("h",),
)
@keras_layer(
    "LSTMCell",
    positional=("units", "activation", "recurrent_activation", "use_bias"),
    params=_cell_call_params,
    traits=_CELL_TRAITS,
    states=("h", "c"),
)
def cell_call(call: Call) -> list[Shape]:
    """``cell(inputs, states)``: the output, and the list of new states (one output, unknown:
    the frontend gives each new state the output's shape, which every one of them has)."""
    cell = cell_of(call.layer)
    if cell is None:
        return [Shape.unknown(), Shape.unknown()]
    require_defined(call, -1, "its kernel")
    _check_states(cell, call.states)
    shape = call.input
    layer = cell.single
    if layer is None:  # a stack: its states nest, one list per cell
        output = Shape((batch_of(shape), cell.output)) if shape.rank == 2 else Shape.unknown()
        return [output, Shape.unknown()]
    count = len(STATE_NAMES[layer.kind])
    if shape.rank == 3 and _fused(layer):
        raise ShapeProblem(
            ProblemKind.RANK,
            f"LSTMCell takes one step, (batch, features), got {shape}: its fused gates are "
            "split on axis 1, the steps of a rank-3 input",
            expected="(batch, features)",
            got=shape,
        )
    used = call.states[:count]
    if shape.rank != 2 or any(state.rank not in (None, 2) for state in used):
        return [Shape.unknown(), Shape.unknown()]  # a state of another rank broadcasts
    return [Shape((batch_of(shape), cell.output)), Shape.unknown()]

"""LSTM, GRU, SimpleRNN and Bidirectional.

Keras facts mirrored here (Keras 3.15):

* The three RNN layers (and Bidirectional, which copies its layer's InputSpec)
  need ``ndim=3`` inputs: ``expected ndim=3, found ndim=2``.
* ``return_state=True`` returns ``output, *states``: LSTM has 2 states
  ``[h, c]``, GRU and SimpleRNN one.  Bidirectional returns
  ``(output(s)..., *forward_states, *backward_states)``.
* ``initial_state`` is only checked when the model runs (``fit``/``predict``),
  not when it is built: LSTM needs exactly 2 states (1 -> ``IndexError: list
  index out of range``, 3 -> ``ValueError: Too few leaves for PyTreeSpec``),
  SimpleRNN exactly 1, GRU at least 1 (it silently ignores extra states).
  A used state whose last axis differs from ``units`` fails in the cell's
  matmul (``Dimensions must be equal, but are 5 and 4``), and so does a used
  state of rank 1 or 3 (an encoder's output sequence given as a state) in an LSTM
  or GRU, whatever the batch size; a SimpleRNN fails on rank 1 only (a rank-3 state
  broadcasts when the batch is 1).  Bidirectional
  hands the first half of the states to the forward layer, the rest to the
  backward layer.
* Bidirectional runs any recurrent layer (these three, ``RNN`` over cells, the
  ConvLSTMs) forward and, unless a ``backward_layer`` is given, a copy of it with
  ``go_backwards=True`` (the same shapes and weights count: a layer that already goes
  backwards is refused at construction, as are directions whose ``return_sequences`` or
  ``return_state`` differ); each direction gets the
  input as it is and answers as its own layer does. ``concat`` joins the two outputs on
  their last axis (for a ``channels_first`` ConvLSTM, the columns), ``sum``/``mul``/
  ``ave`` combine them elementwise, ``None`` returns both.
* Keras 3.15 cannot build a Bidirectional returning the states of a ``stateful`` layer
  (``unsupported operand type(s) for *: 'generator' and 'int'`` in ``compute_mask``).
* With a ``backward_layer`` of different units the real outputs use both
  sizes (``concat`` -> forward + backward units; ``sum``/``mul``/``ave``
  fail when the sizes differ), although Keras's own symbolic
  ``compute_output_shape`` only looks at the forward layer.
"""

from __future__ import annotations

from dataclasses import dataclass

from seqlint.dims import UNKNOWN, Dim, Shape, add, differ, is_known
from seqlint.ir import Layer
from seqlint.shapes.catalogue import Call, Trait, count_params, has_trait, lookup
from seqlint.shapes.layers.common import (
    batch_of,
    config_bool,
    config_dim,
    config_int,
    features,
    keras_layer,
    require_defined,
    require_rank,
    with_bias,
)
from seqlint.shapes.problems import ProblemKind, ShapeProblem

RNN_INPUT = "(batch, timesteps, features)"

STATES = {"LSTM": ("h", "c"), "GRU": ("h",), "SimpleRNN": ("h",)}
"""The states each layer returns after its output with ``return_state=True``."""
STATE_NAMES = {kind: f"[{', '.join(names)}]" for kind, names in STATES.items()}
STATE_COUNT = {kind: len(names) for kind, names in STATES.items()}

USED_STATES = {"LSTM": 2, "GRU": 1, "SimpleRNN": 1}
"""Number of leading initial states whose size the cell actually uses."""

FAILING_STATE_RANKS = {"LSTM": (1, 3), "GRU": (1, 3), "SimpleRNN": (1,)}
"""Ranks of a used initial state that make the cell fail at any batch size (a state must be
``(batch, units)``)."""

MERGE_MODES = ("concat", "sum", "mul", "ave", None)


@dataclass(frozen=True)
class Rnn:
    """What a shape function needs to know about an RNN layer's config."""

    kind: str
    units: Dim
    return_sequences: bool | None
    return_state: bool | None

    def count_ok(self, n: int) -> bool:
        if self.kind == "GRU":
            return n >= 1  # GRU.inner_loop keeps initial_state[0] and drops the rest
        return n == STATE_COUNT[self.kind]

    def count_text(self) -> str:
        if self.kind == "GRU":
            return "at least 1 initial state [h]"
        n = STATE_COUNT[self.kind]
        return f"{n} initial state{'s' if n > 1 else ''} {STATE_NAMES[self.kind]}"

    def output(self, batch: Dim, timesteps: Dim) -> Shape | None:
        if self.return_sequences is None:
            return None
        if self.return_sequences:
            return Shape((batch, timesteps, self.units))
        return Shape((batch, self.units))

    def states(self, batch: Dim) -> list[Shape]:
        return [Shape((batch, self.units)) for _ in range(STATE_COUNT[self.kind])]


def rnn_of(layer: Layer | None) -> Rnn | None:
    if layer is None or layer.kind not in STATE_COUNT:
        return None
    return Rnn(
        kind=layer.kind,
        units=config_dim(layer, "units"),
        return_sequences=config_bool(layer, "return_sequences", False),
        return_state=config_bool(layer, "return_state", False),
    )


def _timesteps(shape: Shape) -> Dim:
    return shape.dims[1] if shape.dims is not None and len(shape.dims) > 1 else UNKNOWN


def _states_readable(states: tuple[Shape, ...]) -> bool:
    """A state of unknown rank might stand for several tensors: then nothing is counted."""
    return bool(states) and all(s.known_rank for s in states)


def _check_sizes(rnn: Rnn, states: tuple[Shape, ...], offset: int, owner: str) -> None:
    for i, state in enumerate(states[: USED_STATES[rnn.kind]]):
        if state.dims is None or not state.dims:
            continue
        last = state.dims[-1]
        if len(state.dims) in FAILING_STATE_RANKS[rnn.kind]:
            raise ShapeProblem(
                ProblemKind.STATE_SIZE,
                f"initial state {offset + i} has shape {state} (rank {len(state.dims)}), but "
                f"{owner} needs states of shape (batch, {rnn.units})",
                input_index=offset + i,
                expected=f"(batch, {rnn.units})",
                got=state,
            )
        if differ(last, rnn.units):
            raise ShapeProblem(
                ProblemKind.STATE_SIZE,
                f"initial state {offset + i} has size {last}, but {owner} "
                f"(units={rnn.units}) needs states of shape (batch, {rnn.units})",
                input_index=offset + i,
                expected=f"(batch, {rnn.units})",
                got=state,
            )


def check_initial_state(rnn: Rnn, states: tuple[Shape, ...]) -> None:
    if not _states_readable(states):
        return
    if not rnn.count_ok(len(states)):
        raise ShapeProblem(
            ProblemKind.STATE_COUNT,
            f"{rnn.kind} takes {rnn.count_text()}, got {len(states)} initial "
            f"state{'s' if len(states) != 1 else ''}",
            expected=rnn.count_text(),
        )
    _check_sizes(rnn, states, 0, rnn.kind)


GATES = {"LSTM": 4, "LSTMCell": 4, "GRU": 3, "GRUCell": 3, "SimpleRNN": 1, "SimpleRNNCell": 1}
"""Kernels per step of each recurrent layer and cell (input, forget, cell, output gates...)."""


def gated_params(layer: Layer, size: int | None) -> int | None:
    """The weights of an LSTM, GRU or SimpleRNN (layer or cell) reading ``size`` features:
    the kernel, the recurrent kernel and the bias of each gate (GRU's ``reset_after``, on
    by default, doubles its bias)."""
    gates, units = GATES[layer.kind], config_int(layer, "units")
    if units is None or size is None:
        return None
    biases = gates * units
    if layer.kind in ("GRU", "GRUCell"):
        reset_after = config_bool(layer, "reset_after", True)
        if reset_after is None:
            return None
        biases *= 2 if reset_after else 1
    return with_bias(layer, gates * units * (size + units), biases)


def _recurrent_params(call: Call) -> int | None:
    return gated_params(call.layer, features(call.input))


_RNN_TRAITS = (Trait.NEEDS_TIME_AXIS, Trait.RECURRENT, Trait.SIZED_BY_FEATURES)


@keras_layer(
    "SimpleRNN",
    positional=("units", "activation", "use_bias"),
    params=_recurrent_params,
    traits=_RNN_TRAITS,
    states=STATES["SimpleRNN"],
)
@keras_layer(
    "GRU",
    positional=("units", "activation", "recurrent_activation", "use_bias"),
    params=_recurrent_params,
    traits=_RNN_TRAITS,
    states=STATES["GRU"],
)
@keras_layer(
    "LSTM",
    positional=("units", "activation", "recurrent_activation", "use_bias"),
    params=_recurrent_params,
    traits=_RNN_TRAITS,
    states=STATES["LSTM"],
)
def recurrent(call: Call) -> list[Shape]:
    rnn = rnn_of(call.layer)
    assert rnn is not None
    require_rank(call, 3, RNN_INPUT)
    require_defined(call, -1, "its kernel")
    check_initial_state(rnn, call.states)
    shape = call.input
    batch = batch_of(shape)
    output = rnn.output(batch, _timesteps(shape))
    if rnn.return_state is None:
        return [Shape.unknown()]
    outputs = [output or Shape.unknown()]
    if rnn.return_state:
        outputs += rnn.states(batch)
    return outputs


def _bidirectional_params(call: Call) -> int | None:
    inner, backward = call.layer.get("layer"), call.layer.get("backward_layer", None)
    if not isinstance(inner, Layer) or not isinstance(backward or inner, Layer):
        return None
    counts = count_params(inner, call.inputs), count_params(backward or inner, call.inputs)
    return None if None in counts else sum(counts)  # type: ignore[arg-type]


def _recurrent(value: object) -> Layer | None:
    return value if isinstance(value, Layer) and has_trait(value, Trait.RECURRENT) else None


def _direction(
    layer: Layer, call: Call, states: tuple[Shape, ...], side: str, start: int
) -> list[Shape]:
    """The outputs of the forward or the backward layer, given its half of the states."""
    fn = lookup(layer.kind)
    if fn is None:
        return [Shape.unknown()]
    try:
        return fn(Call(layer, call.inputs, states=states))
    except ShapeProblem as problem:
        if problem.kind not in (ProblemKind.STATE_COUNT, ProblemKind.STATE_SIZE):
            raise
        total, half = len(call.states), len(call.states) // 2
        raise ShapeProblem(
            problem.kind,
            f"the {side} {layer.kind}: {problem.message} (Bidirectional gives the first half "
            f"of its {total} initial states ({half}) to the forward layer and the rest "
            f"({total - half}) to the backward layer)",
            input_index=None if problem.input_index is None else start + problem.input_index,
            expected=problem.expected,
            got=problem.got,
        ) from problem


def _consistent(forward: Layer, backward: Layer, copied: bool) -> bool:
    """Keras's checks at construction: the same ``return_sequences`` and ``return_state``,
    opposite ``go_backwards`` (the copy it makes of the layer goes backwards)."""
    for flag in ("return_sequences", "return_state"):
        a, b = config_bool(forward, flag, False), config_bool(backward, flag, False)
        if None not in (a, b) and a != b:
            return False
    ahead = config_bool(forward, "go_backwards", False)
    behind = True if copied else config_bool(backward, "go_backwards", False)
    return ahead is None or behind is None or ahead != behind


def _halves(call: Call) -> tuple[tuple[Shape, ...], tuple[Shape, ...]]:
    """Keras hands the first half of the initial states to the forward layer."""
    states = call.states
    if not _states_readable(states):
        return (), ()  # a state of unknown rank may stand for several tensors
    half = len(states) // 2
    if half == 0:
        raise ShapeProblem(
            ProblemKind.STATE_COUNT,
            f"Bidirectional gives the first half of its {len(states)} initial state to the "
            "forward layer, which gets none, and the rest to the backward layer: give each "
            "direction its states",
            expected="the forward states, then the backward states",
        )
    return states[:half], states[half:]


@keras_layer(
    "Bidirectional",
    positional=("layer", "merge_mode", "weights", "backward_layer"),
    params=_bidirectional_params,
    traits=(Trait.NEEDS_TIME_AXIS,),
)
def bidirectional(call: Call) -> list[Shape]:
    layer = call.layer
    inner = _recurrent(layer.get("layer"))
    if inner is None:
        return [Shape.unknown()]
    backward_value = layer.get("backward_layer")
    backward = inner if backward_value is None else _recurrent(backward_value)
    if backward is not None and not _consistent(inner, backward, backward_value is None):
        return [Shape.unknown()]  # Keras refuses this Bidirectional at construction
    merge_mode = layer.config.get("merge_mode", "concat")
    if not (merge_mode is None or isinstance(merge_mode, str)) or merge_mode not in MERGE_MODES:
        return [Shape.unknown()]  # unreadable, or refused by Keras at construction

    forward_states, backward_states = _halves(call)
    ahead = _direction(inner, call, forward_states, "forward", 0)
    behind = (
        None
        if backward is None
        else _direction(backward, call, backward_states, "backward", len(forward_states))
    )
    y = ahead[0]
    if behind is not None:
        y_rev = behind[0]
    else:
        y_rev = Shape.unknown() if y.dims is None else Shape((*y.dims[:-1], UNKNOWN))

    outputs = [y, y_rev] if merge_mode is None else [_merged(y, y_rev, merge_mode)]
    return_state = config_bool(inner, "return_state", False)
    if return_state is None:
        return [Shape.unknown()]
    if return_state and config_bool(inner, "stateful", False):
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"Keras 3.15's Bidirectional cannot return the states of a stateful {inner.kind} "
            "(building it raises TypeError in Bidirectional.compute_mask)",
            expected="return_state=False, or stateful=False",
        )
    if return_state:
        if behind is None or len(ahead) == 1 or len(behind) == 1:
            return [Shape.unknown()]  # the number of states is unknown
        outputs += ahead[1:] + behind[1:]
    return outputs


def _merged(y: Shape, y_rev: Shape, merge_mode: str) -> Shape:
    """The forward and backward outputs joined on their last axis, or elementwise."""
    if y.dims is None or not y.dims:
        return Shape.unknown()
    last = y.dims[-1]
    last_rev = y_rev.dims[-1] if y_rev.dims else UNKNOWN
    if merge_mode == "concat":
        return Shape((*y.dims[:-1], add(last, last_rev)))
    if differ(last, last_rev):
        raise ShapeProblem(
            ProblemKind.MERGE_DIMS,
            f"Bidirectional merge_mode='{merge_mode}' combines the forward output (size "
            f"{last}) and the backward output (size {last_rev}) elementwise, so their sizes "
            "must be equal",
            expected=f"backward size {last}",
        )
    return Shape((*y.dims[:-1], last if is_known(last) or not is_known(last_rev) else last_rev))

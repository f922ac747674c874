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
  matmul (``Dimensions must be equal, but are 5 and 4``).  Bidirectional
  hands the first half of the states to the forward layer, the rest to the
  backward layer.
* With a ``backward_layer`` of different units the real outputs use both
  sizes (``concat`` -> forward + backward units; ``sum``/``mul``/``ave``
  fail when the sizes differ), although Keras's own symbolic
  ``compute_output_shape`` only looks at the forward layer.
"""

from __future__ import annotations

from dataclasses import dataclass

from seqlint.dims import UNKNOWN, Dim, Shape, add, differ, is_known
from seqlint.ir import Layer
from seqlint.shapes.catalogue import Call, Trait, count_params
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


def _recurrent_params(gates: int):
    def count(call: Call) -> int | None:
        layer = call.layer
        units, size = config_int(layer, "units"), features(call.input)
        if units is None or size is None:
            return None
        biases = gates * units
        if layer.kind == "GRU":
            reset_after = config_bool(layer, "reset_after", True)
            if reset_after is None:
                return None
            biases *= 2 if reset_after else 1
        return with_bias(layer, gates * units * (size + units), biases)

    return count


_RNN_TRAITS = (Trait.NEEDS_TIME_AXIS, Trait.RECURRENT, Trait.SIZED_BY_FEATURES)


@keras_layer(
    "SimpleRNN",
    positional=("units", "activation", "use_bias"),
    params=_recurrent_params(1),
    traits=_RNN_TRAITS,
    states=STATES["SimpleRNN"],
)
@keras_layer(
    "GRU",
    positional=("units", "activation", "recurrent_activation", "use_bias"),
    params=_recurrent_params(3),
    traits=_RNN_TRAITS,
    states=STATES["GRU"],
)
@keras_layer(
    "LSTM",
    positional=("units", "activation", "recurrent_activation", "use_bias"),
    params=_recurrent_params(4),
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


def _check_bidirectional_states(fwd: Rnn, bwd: Rnn, states: tuple[Shape, ...]) -> None:
    if not _states_readable(states):
        return
    half = len(states) // 2
    forward, backward = states[:half], states[half:]
    for rnn, part, side in ((fwd, forward, "forward"), (bwd, backward, "backward")):
        if rnn.count_ok(len(part)):
            continue
        raise ShapeProblem(
            ProblemKind.STATE_COUNT,
            f"the {side} {rnn.kind} takes {rnn.count_text()}, got {len(part)}: "
            f"Bidirectional gives the first half of its {len(states)} initial "
            f"state{'s' if len(states) != 1 else ''} ({half}) to the forward layer and "
            f"the rest ({len(states) - half}) to the backward layer",
            expected=f"forward: {fwd.count_text()}; backward: {bwd.count_text()}",
        )
    _check_sizes(fwd, forward, 0, f"the forward {fwd.kind}")
    _check_sizes(bwd, backward, half, f"the backward {bwd.kind}")


def _bidirectional_params(call: Call) -> int | None:
    inner = call.layer.get("layer")
    if not isinstance(inner, Layer) or call.layer.get("backward_layer") is not None:
        return None
    one_way = count_params(inner, call.inputs)
    return None if one_way is None else 2 * one_way


@keras_layer(
    "Bidirectional",
    positional=("layer", "merge_mode", "weights", "backward_layer"),
    params=_bidirectional_params,
    traits=(Trait.NEEDS_TIME_AXIS,),
)
def bidirectional(call: Call) -> list[Shape]:
    layer = call.layer
    inner = layer.get("layer")
    fwd = rnn_of(inner if isinstance(inner, Layer) else None)
    if fwd is None:
        return [Shape.unknown()]
    require_rank(call, 3, RNN_INPUT)
    require_defined(call, -1, "the kernels of its recurrent layers")

    backward_value = layer.get("backward_layer")
    if backward_value is None:
        bwd: Rnn | None = fwd
    elif isinstance(backward_value, Layer):
        bwd = rnn_of(backward_value)
    else:
        bwd = None
    if bwd is not None:
        for a, b in (
            (fwd.return_sequences, bwd.return_sequences),
            (fwd.return_state, bwd.return_state),
        ):
            if a is not None and b is not None and a != b:
                return [Shape.unknown()]  # Keras refuses this Bidirectional at construction

    merge_mode = layer.config.get("merge_mode", "concat")
    if not (merge_mode is None or isinstance(merge_mode, str)) or merge_mode not in MERGE_MODES:
        return [Shape.unknown()]  # unreadable, or refused by Keras at construction

    if bwd is not None:
        _check_bidirectional_states(fwd, bwd, call.states)

    shape = call.input
    batch = batch_of(shape)
    steps = _timesteps(shape)
    bwd_units = bwd.units if bwd is not None else UNKNOWN
    y = fwd.output(batch, steps)
    y_rev = None if y is None else Shape((*y.dims[:-1], bwd_units))  # type: ignore[index]

    outputs: list[Shape]
    if merge_mode is None:
        outputs = [y or Shape.unknown(), y_rev or Shape.unknown()]
    elif y is None or y.dims is None:
        outputs = [Shape.unknown()]
    else:
        if merge_mode == "concat":
            last = add(fwd.units, bwd_units)
        else:
            if differ(fwd.units, bwd_units):
                raise ShapeProblem(
                    ProblemKind.MERGE_DIMS,
                    f"Bidirectional merge_mode='{merge_mode}' combines the forward "
                    f"output (size {fwd.units}) and the backward output (size "
                    f"{bwd_units}) elementwise, so their sizes must be equal",
                    expected=f"backward units = {fwd.units}",
                )
            last = fwd.units if is_known(fwd.units) or not is_known(bwd_units) else bwd_units
        outputs = [Shape((*y.dims[:-1], last))]

    if fwd.return_state is None:
        return [Shape.unknown()]
    if fwd.return_state:
        if bwd is None:
            return [Shape.unknown()]  # the number of backward states is unknown
        outputs += fwd.states(batch) + bwd.states(batch)
    return outputs

"""ConvLSTM1D, ConvLSTM2D and ConvLSTM3D: an LSTM whose steps are images convolved.

Keras facts mirrored here (Keras 3.15):

* The input is a sequence of images, ``(batch, time, *spatial, channels)`` (``channels_first``:
  ``(batch, time, channels, *spatial)``), of rank exactly 4, 5 or 6 (InputSpec ``ndim``).
* Each step is convolved as by ``ConvND`` (``operation_utils.compute_conv_output_shape``):
  ``valid`` gives ``floor((L - d*(k-1) - 1) / s) + 1`` per spatial axis and refuses a size
  of zero or less (``Computed output size would be zero or negative``); ``same`` gives
  ``floor((L - 1) / s) + 1``. Only ``valid`` and ``same`` are taken, and not ``strides > 1``
  with ``dilation_rate > 1`` (both refused at construction).
* The output is the last step's ``(batch, *spatial', filters)`` (``channels_first``:
  ``(batch, filters, *spatial')``), with the time axis after the batch axis when
  ``return_sequences``; ``return_state`` adds the states ``h`` and ``c``, each of the last
  step's shape. The time axis may be undefined (None); the spatial axes may not (``ConvLSTM
  layers only support static input shapes for the spatial dimension``), nor may the
  channels (``The channel dimension of the inputs (last axis) should be defined``).
* ``initial_state`` is only checked when the model runs: exactly ``[h, c]``, each of the
  state's shape.
* Weights: the kernel ``k^N * channels * 4*filters``, the recurrent kernel ``k^N * filters *
  4*filters`` and, with ``use_bias``, ``4*filters``.

How the rules read these layers: a ConvLSTM needs a time axis before its images
(``NEEDS_TIME_AXIS``: an input one axis short, such as a ``ConvLSTM2D`` without
``return_sequences`` stacked under another, is SL101's, whose message states the rank the
layer needs; other ranks are SL114's), and it walks that axis (``RECURRENT``: without
``return_sequences`` its output has no time axis, ``stateful`` keeps its states across
batches).
"""

from __future__ import annotations

import math

from seqlint.dims import NONE, UNKNOWN, Dim, Shape, differ, is_known
from seqlint.shapes.catalogue import Call, Trait
from seqlint.shapes.layers.common import (
    MISSING,
    batch_of,
    config_bool,
    config_dim,
    config_int,
    data_format,
    int_tuple,
    keras_layer,
    require_defined,
    require_rank,
    with_bias,
)
from seqlint.shapes.layers.spatial import window_length
from seqlint.shapes.problems import ProblemKind, ShapeProblem

SPATIAL = {
    "ConvLSTM1D": ("rows",),
    "ConvLSTM2D": ("rows", "cols"),
    "ConvLSTM3D": ("depth", "rows", "cols"),
}
"""The names of the spatial axes of each class's images."""


_TRAITS = (Trait.NEEDS_TIME_AXIS, Trait.RECURRENT, Trait.SIZED_BY_FEATURES)


def _layout(kind: str, first: bool) -> str:
    spatial = ", ".join(SPATIAL[kind])
    return f"(batch, time, channels, {spatial})" if first else f"(batch, time, {spatial}, channels)"


def _window(call: Call, n: int) -> tuple[tuple[Dim, ...], tuple[Dim, ...], tuple[Dim, ...]] | None:
    """``kernel_size``, ``strides`` and ``dilation_rate`` as ``n`` dims each; None when Keras
    refuses them at construction (strides > 1 with dilation > 1)."""
    config = call.layer.config
    unknown = (UNKNOWN,) * n
    kernel = int_tuple(config.get("kernel_size", MISSING), n) or unknown
    strides = int_tuple(config.get("strides", 1), n) or unknown
    dilation = int_tuple(config.get("dilation_rate", 1), n) or unknown
    if any(is_known(s) and s > 1 for s in strides) and any(is_known(d) and d > 1 for d in dilation):
        return None
    return kernel, strides, dilation


def _padding(call: Call) -> str | None:
    padding = call.layer.config.get("padding", "valid")
    return padding.lower() if isinstance(padding, str) else None


def _conv_lstm_params(call: Call) -> int | None:
    layer, shape = call.layer, call.input
    n = len(SPATIAL[layer.kind])
    fmt, filters = data_format(layer), config_int(layer, "filters")
    kernel = int_tuple(layer.config.get("kernel_size", MISSING), n)
    if fmt is None or filters is None or kernel is None or shape.dims is None:
        return None
    if len(shape.dims) != n + 3 or not all(is_known(k) for k in kernel):
        return None
    channels = shape.dims[2 if fmt == "channels_first" else -1]
    if not is_known(channels):
        return None
    window = math.prod(kernel)  # type: ignore[arg-type]
    gates = 4 * filters
    return with_bias(layer, window * channels * gates + window * filters * gates, gates)  # type: ignore[operator]


def _state_shape(call: Call, n: int, first: bool) -> tuple[Dim, ...] | None:
    """One step's output, ``(batch, *spatial', filters)``; None when Keras refuses the
    configuration at construction."""
    window, padding = _window(call, n), _padding(call)
    if window is None or padding not in ("valid", "same", None):
        return None
    shape = call.input
    filters = config_dim(call.layer, "filters")
    if shape.dims is None:
        spatial: tuple[Dim, ...] = (UNKNOWN,) * n
    else:
        start = 3 if first else 2
        spatial = tuple(
            _spatial_size(call, start + i, padding, *(part[i] for part in window)) for i in range(n)
        )
    batch = batch_of(shape)
    return (batch, filters, *spatial) if first else (batch, *spatial, filters)


def _spatial_size(call: Call, axis: int, padding: str | None, k: Dim, s: Dim, d: Dim) -> Dim:
    """The size of spatial axis ``axis`` of the input once convolved."""
    shape = call.input
    length = shape.dims[axis]  # type: ignore[index]
    name = _axis_name(call, axis)
    span = d * (k - 1) + 1 if is_known(k) and is_known(d) else UNKNOWN  # type: ignore[operator]
    what = f"kernel_size={k}" + (f" with dilation_rate={d}" if is_known(d) and d != 1 else "")
    try:
        return window_length(call, length, span, s, padding, what)
    except ShapeProblem as problem:
        raise ShapeProblem(
            ProblemKind.LENGTH,
            f"axis {axis} ({name}) of the input {shape} has {length}, fewer than the {span} "
            f"that {what} spans with padding='valid': the output would have "
            f"{(length - span) // s + 1} {name}",  # type: ignore[operator]
            input_index=0,
            expected=f"at least {span} {name}",
            got=shape,
        ) from problem


def _axis_name(call: Call, axis: int) -> str:
    names = SPATIAL[call.layer.kind]
    start = 3 if data_format(call.layer) == "channels_first" else 2
    return names[axis - start]


def _require_static(call: Call, first: bool) -> None:
    """Keras sizes the states by the spatial axes and the kernel by the channels."""
    shape = call.input
    if shape.dims is None:
        return
    n = len(SPATIAL[call.layer.kind])
    start = 3 if first else 2
    for axis in range(start, start + n):
        if shape.dims[axis] is NONE:
            raise ShapeProblem(
                ProblemKind.LAYER_CONFIG,
                f"{call.layer.kind} needs the sizes of its images: axis {axis} "
                f"({_axis_name(call, axis)}) of its input {shape} is undefined (None), and "
                "Keras sizes the layer's states by it",
                input_index=0,
                expected=f"a defined {_axis_name(call, axis)} size",
                got=shape,
            )
    require_defined(call, 2 if first else -1, "its kernel")


def _check_initial_state(state: Shape, states: tuple[Shape, ...], kind: str) -> None:
    """``[h, c]``, each of one step's output shape (checked when the model runs)."""
    if not states or not all(s.known_rank for s in states):
        return
    if len(states) != 2:
        raise ShapeProblem(
            ProblemKind.STATE_COUNT,
            f"{kind} takes 2 initial states [h, c], got {len(states)} initial "
            f"state{'s' if len(states) != 1 else ''}",
            expected="2 initial states [h, c]",
        )
    assert state.dims is not None
    for index, given in enumerate(states):
        assert given.dims is not None
        wrong = len(given.dims) != len(state.dims) or any(
            differ(a, b) for a, b in zip(given.dims[1:], state.dims[1:], strict=False)
        )
        if wrong:
            raise ShapeProblem(
                ProblemKind.STATE_SIZE,
                f"initial state {index} has shape {given}, but {kind} needs states of its "
                f"output's shape {state}",
                input_index=index,
                expected=str(state),
                got=given,
            )


@keras_layer(
    "ConvLSTM3D",
    positional=("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate"),
    params=_conv_lstm_params,
    traits=_TRAITS,
    states=("h", "c"),
)
@keras_layer(
    "ConvLSTM2D",
    positional=("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate"),
    params=_conv_lstm_params,
    traits=_TRAITS,
    states=("h", "c"),
)
@keras_layer(
    "ConvLSTM1D",
    positional=("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate"),
    params=_conv_lstm_params,
    traits=_TRAITS,
    states=("h", "c"),
)
def conv_lstm(call: Call) -> list[Shape]:
    layer = call.layer
    fmt = data_format(layer)
    if fmt is None:
        return [Shape.unknown()]
    first = fmt == "channels_first"
    n = len(SPATIAL[layer.kind])
    require_rank(call, n + 3, _layout(layer.kind, first))
    _require_static(call, first)
    step = _state_shape(call, n, first)
    if step is None:
        return [Shape.unknown()]  # Keras refuses the configuration at construction
    state = Shape(step)
    _check_initial_state(state, call.states, layer.kind)
    sequences = config_bool(layer, "return_sequences", False)
    return_state = config_bool(layer, "return_state", False)
    if sequences is None or return_state is None:
        return [Shape.unknown()]
    shape = call.input
    steps = shape.dims[1] if shape.dims is not None else UNKNOWN
    output = Shape((step[0], steps, *step[1:])) if sequences else state
    return [output, state, state] if return_state else [output]

"""1D pooling, mirroring ``operation_utils.compute_pooling_output_shape``.

Keras 3 facts: InputSpec ``ndim=3``; ``pool_size`` defaults to 2 for max pooling
and is required for average pooling; ``strides`` defaults to ``pool_size``;
``valid`` gives ``floor((L - p) / s) + 1`` and refuses a non-positive length,
``same`` gives ``floor((L - 1) / s) + 1``; ``padding`` is case-sensitive here.
Global pooling drops the steps axis (``keepdims=True`` keeps it as 1).
"""

from __future__ import annotations

from seqlint.dims import UNKNOWN, Shape
from seqlint.shapes.catalogue import Call, Trait
from seqlint.shapes.layers.common import (
    MISSING,
    batch_of,
    config_bool,
    data_format,
    int_tuple,
    keras_layer,
    no_weights,
    require_rank,
)
from seqlint.shapes.layers.convolutional import window_length

_POOLING = ("pool_size", "strides", "padding", "data_format")
_GLOBAL = ("data_format", "keepdims")
_POOLS_OVER_TIME = "it pools over the time axis"


def _expected(first: bool) -> str:
    return "(batch, channels, steps)" if first else "(batch, steps, channels)"


@keras_layer(
    "AveragePooling1D",
    positional=_POOLING,
    params=no_weights,
    aliases=("AvgPool1D",),
    traits=(Trait.NEEDS_TIME_AXIS, Trait.KEEPS_STEPS),
)
@keras_layer(
    "MaxPooling1D",
    positional=_POOLING,
    params=no_weights,
    aliases=("MaxPool1D",),
    traits=(Trait.NEEDS_TIME_AXIS, Trait.KEEPS_STEPS),
)
def pooling1d(call: Call) -> list[Shape]:
    layer = call.layer
    fmt = data_format(layer)
    if fmt is None:
        return [Shape.unknown()]
    first = fmt == "channels_first"
    require_rank(call, 3, _expected(first))
    padding = layer.config.get("padding", "valid")
    if isinstance(padding, str):
        if padding not in ("valid", "same"):
            return [Shape.unknown()]  # Keras refuses it (case-sensitive here)
    else:
        padding = None  # unreadable: the length is unknown, the channels are not
    # MaxPooling1D defaults pool_size to 2; AveragePooling1D requires it
    default_pool = 2 if layer.kind in ("MaxPooling1D", "MaxPool1D") else MISSING
    pool = int_tuple(layer.config.get("pool_size", default_pool), 1)
    strides_value = layer.config.get("strides", None)
    strides = pool if strides_value is None else int_tuple(strides_value, 1)
    p = pool[0] if pool else UNKNOWN
    s = strides[0] if strides else UNKNOWN

    shape = call.input
    batch = batch_of(shape)
    if shape.dims is None:
        return [Shape((batch, UNKNOWN, UNKNOWN))]
    if first:
        channels, length = shape.dims[1], shape.dims[2]
    else:
        length, channels = shape.dims[1], shape.dims[2]
    out = window_length(call, length, p, s, padding, f"pool_size={p}")
    return [Shape((batch, channels, out) if first else (batch, out, channels))]


@keras_layer(
    "GlobalMaxPooling1D",
    positional=_GLOBAL,
    params=no_weights,
    aliases=("GlobalMaxPool1D",),
    traits=(Trait.NEEDS_TIME_AXIS,),
    drops_time_axis=_POOLS_OVER_TIME,
)
@keras_layer(
    "GlobalAveragePooling1D",
    positional=_GLOBAL,
    params=no_weights,
    aliases=("GlobalAvgPool1D",),
    traits=(Trait.NEEDS_TIME_AXIS,),
    drops_time_axis=_POOLS_OVER_TIME,
)
def global_pooling1d(call: Call) -> list[Shape]:
    layer = call.layer
    fmt = data_format(layer)
    if fmt is None:
        return [Shape.unknown()]
    first = fmt == "channels_first"
    require_rank(call, 3, _expected(first))
    keepdims = config_bool(layer, "keepdims", False)
    if keepdims is None:
        return [Shape.unknown()]
    shape = call.input
    batch = batch_of(shape)
    channels = UNKNOWN
    if shape.dims is not None:
        channels = shape.dims[1] if first else shape.dims[2]
    if not keepdims:
        return [Shape((batch, channels))]
    return [Shape((batch, channels, 1) if first else (batch, 1, channels))]

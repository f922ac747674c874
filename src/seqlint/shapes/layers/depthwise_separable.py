"""DepthwiseConv1D/2D and SeparableConv1D/2D, mirroring ``BaseDepthwiseConv`` and
``BaseSeparableConv``.

Keras 3 facts: the input rank is exactly ``rank + 2`` (InputSpec ``min_ndim``, then the
kernel-rank check of ``compute_conv_output_shape``); sizes slide as Conv's do (see
:mod:`~seqlint.shapes.layers.convolutional`), without ``causal`` padding, and unlike Conv
the constructor accepts ``strides > 1`` with ``dilation_rate > 1``. The depthwise kernel is
``kernel_size + (channels, depth_multiplier)`` (an undefined channel axis fails in
``build``); a depthwise convolution outputs ``depth_multiplier * channels`` channels with as
many biases; a separable one adds a pointwise kernel ``(depth_multiplier * channels,
filters)`` and outputs ``filters`` channels, with ``filters`` biases.
"""

from __future__ import annotations

from seqlint.dims import Shape, product
from seqlint.shapes.catalogue import Call, ParamFn, Trait
from seqlint.shapes.layers.common import (
    config_dim,
    config_int,
    keras_layer,
    require_defined,
    require_rank,
    with_bias,
)
from seqlint.shapes.layers.convolutional import kernel_volume, known_channels, sizes_after_kernel
from seqlint.shapes.layers.spatial import REFUSED, conv_padding, layout

_DEPTHWISE = (
    "kernel_size",
    "strides",
    "padding",
    "depth_multiplier",
    "data_format",
    "dilation_rate",
)
_SEPARABLE = ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate")
_ON_STEPS = (Trait.NEEDS_TIME_AXIS, Trait.KEEPS_STEPS)
_WEIGHTED = (Trait.SIZED_BY_FEATURES, Trait.ACTIVATION_LAST)


def _sliding(call: Call, rank: int, separable: bool) -> list[Shape]:
    layer = call.layer
    lay = layout(layer, rank)
    padding = conv_padding(layer, ("valid", "same"))
    if lay is None or padding == REFUSED:
        return [Shape.unknown()]  # an unreadable data_format, or refused at construction
    require_rank(call, rank + 2, lay.expected)
    require_defined(call, lay.channel_axis, "its depthwise kernel")
    batch, channels, sizes = lay.split(call.input)
    multiplier = config_dim(layer, "depth_multiplier", 1)
    out = config_dim(layer, "filters") if separable else product((multiplier, channels))
    return [lay.join(batch, out, sizes_after_kernel(call, lay, sizes, padding))]


def _params(rank: int, separable: bool) -> ParamFn:
    def count(call: Call) -> int | None:
        layer = call.layer
        volume, channels = kernel_volume(layer, rank), known_channels(call, rank)
        multiplier = config_int(layer, "depth_multiplier", 1)
        if volume is None or channels is None or multiplier is None:
            return None
        depthwise = volume * channels * multiplier
        if not separable:
            return with_bias(layer, depthwise, channels * multiplier)
        filters = config_int(layer, "filters")
        if filters is None:
            return None
        return with_bias(layer, depthwise + channels * multiplier * filters, filters)

    return count


def _declare(kind: str, rank: int, separable: bool) -> None:
    def shape(call: Call) -> list[Shape]:
        return _sliding(call, rank, separable)

    keras_layer(
        kind,
        positional=_SEPARABLE if separable else _DEPTHWISE,
        params=_params(rank, separable),
        aliases=(f"SeparableConvolution{rank}D",) if separable else (),
        traits=(*_ON_STEPS, *_WEIGHTED) if rank == 1 else _WEIGHTED,
    )(shape)


for _rank in (1, 2):
    _declare(f"DepthwiseConv{_rank}D", _rank, separable=False)
    _declare(f"SeparableConv{_rank}D", _rank, separable=True)

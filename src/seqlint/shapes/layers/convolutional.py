"""Conv1D, Conv2D and Conv3D, mirroring ``BaseConv`` and
``operation_utils.compute_conv_output_shape``.

Keras 3 facts: InputSpec ``min_ndim=rank+2`` and the kernel-rank check make the input rank
exactly ``rank + 2`` (one more fails with ``Kernel shape must have the same length as
input``). The kernel is ``kernel_size + (channels // groups, filters)``: ``build`` refuses
channels that ``groups`` does not divide, and an undefined channel axis. Sizes slide as in
:mod:`~seqlint.shapes.layers.spatial`, over ``dilation_rate * (kernel_size - 1) + 1``
positions; ``causal`` padding is Conv1D's only. The constructor refuses ``strides > 1``
with ``dilation_rate > 1``, and filters that ``groups`` does not divide.
"""

from __future__ import annotations

import math

from seqlint.dims import UNKNOWN, Dim, Shape, is_known
from seqlint.ir import Layer
from seqlint.shapes.catalogue import Call, ParamFn, Trait
from seqlint.shapes.layers.common import (
    config_dim,
    config_int,
    keras_layer,
    require_defined,
    require_rank,
    with_bias,
)
from seqlint.shapes.layers.spatial import (
    REFUSED,
    Layout,
    conv_padding,
    layout,
    per_axis,
    slide,
    text,
)
from seqlint.shapes.problems import ProblemKind, ShapeProblem

_POSITIONAL = ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate")
_ON_STEPS = (Trait.NEEDS_TIME_AXIS, Trait.KEEPS_STEPS)
_WEIGHTED = (Trait.SIZED_BY_FEATURES, Trait.ACTIVATION_LAST)


def strided_and_dilated(layer: Layer, rank: int) -> bool:
    """``strides > 1`` together with ``dilation_rate > 1``, which BaseConv and
    BaseConvTranspose refuse at construction."""
    strides = per_axis(layer, "strides", rank, 1)
    dilation = per_axis(layer, "dilation_rate", rank, 1)
    return any(is_known(s) and s > 1 for s in strides) and any(
        is_known(d) and d > 1 for d in dilation
    )


def sizes_after_kernel(
    call: Call, lay: Layout, sizes: tuple[Dim, ...], padding: str | None
) -> tuple[Dim, ...]:
    """The output sizes of the layer's (dilated) kernel sliding over ``sizes``."""
    layer = call.layer
    kernel = per_axis(layer, "kernel_size", lay.rank)
    strides = per_axis(layer, "strides", lay.rank, 1)
    dilation = per_axis(layer, "dilation_rate", lay.rank, 1)
    spans = tuple(
        d * (k - 1) + 1 if is_known(k) and is_known(d) else UNKNOWN
        for k, d in zip(kernel, dilation, strict=True)
    )
    what = f"kernel_size={text(kernel)}"
    if any(not (is_known(d) and d == 1) for d in dilation):
        what += f" with dilation_rate={text(dilation)}"
    return slide(call, lay, sizes, spans, strides, padding, what)


def kernel_volume(layer: Layer, rank: int) -> int | None:
    """The number of positions the kernel covers (the product of ``kernel_size``)."""
    kernel = per_axis(layer, "kernel_size", rank)
    if not all(is_known(k) for k in kernel):
        return None
    return math.prod(kernel)  # type: ignore[arg-type]


def known_channels(call: Call, rank: int) -> int | None:
    """The known size of the input's channel axis."""
    lay = layout(call.layer, rank)
    if lay is None:
        return None
    channels = lay.split(call.input)[1]
    return channels if is_known(channels) else None


def _conv_params(rank: int) -> ParamFn:
    """``kernel_size + (channels // groups, filters)`` weights and ``filters`` biases."""

    def count(call: Call) -> int | None:
        layer = call.layer
        volume, channels = kernel_volume(layer, rank), known_channels(call, rank)
        filters, groups = config_int(layer, "filters"), config_int(layer, "groups", 1)
        if volume is None or channels is None or filters is None or not groups:
            return None
        return with_bias(layer, volume * (channels // groups) * filters, filters)

    return count


def convolution(call: Call, rank: int) -> list[Shape]:
    layer = call.layer
    lay = layout(layer, rank)
    padding = conv_padding(layer, ("valid", "same", "causal") if rank == 1 else ("valid", "same"))
    filters = config_dim(layer, "filters")
    groups = config_int(layer, "groups", 1)
    refused = padding == REFUSED or strided_and_dilated(layer, rank)
    if groups is not None:
        refused = refused or groups < 1 or (is_known(filters) and filters % groups != 0)
    if lay is None or refused:
        return [Shape.unknown()]  # an unreadable data_format, or refused at construction
    require_rank(call, rank + 2, lay.expected)
    require_defined(call, lay.channel_axis, "its kernel")
    batch, channels, sizes = lay.split(call.input)
    if groups is not None and is_known(channels) and channels % groups != 0:
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"{layer.kind} with groups={groups} splits the input channels into {groups} "
            f"groups, but the input {call.input} has {channels} channels, which {groups} "
            "does not divide",
            input_index=0,
            expected=f"a number of channels divisible by groups={groups}",
            got=call.input,
        )
    return [lay.join(batch, filters, sizes_after_kernel(call, lay, sizes, padding))]


@keras_layer(
    "Conv1D",
    positional=_POSITIONAL,
    params=_conv_params(1),
    aliases=("Convolution1D",),
    traits=(*_ON_STEPS, *_WEIGHTED),
)
def conv1d(call: Call) -> list[Shape]:
    return convolution(call, 1)


@keras_layer(
    "Conv2D",
    positional=_POSITIONAL,
    params=_conv_params(2),
    aliases=("Convolution2D",),
    traits=_WEIGHTED,
)
def conv2d(call: Call) -> list[Shape]:
    return convolution(call, 2)


@keras_layer(
    "Conv3D",
    positional=_POSITIONAL,
    params=_conv_params(3),
    aliases=("Convolution3D",),
    traits=_WEIGHTED,
)
def conv3d(call: Call) -> list[Shape]:
    return convolution(call, 3)

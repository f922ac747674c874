"""Conv1DTranspose, Conv2DTranspose and Conv3DTranspose, mirroring ``BaseConvTranspose`` and
``backend_utils.compute_conv_transpose_output_shape``.

Keras 3 facts: InputSpec ``min_ndim=rank+2``, and a larger rank fails when the output shape
is computed, so the rank is exactly ``rank + 2``. The kernel is
``kernel_size + (filters, channels)`` (an undefined channel axis fails in ``build``).
Per axis, with ``span = dilation_rate * (kernel_size - 1) + 1``: ``valid`` gives
``(L - 1) * strides + span + output_padding`` (``output_padding`` defaulting to
``max(span, strides) - span``), ``same`` gives ``L * strides`` without ``output_padding`` and
``(L - 1) * strides + span % 2 + output_padding`` with it; ``None`` stays ``None``. No size
is ever refused. The constructor refuses ``causal``, ``output_padding >= strides`` and
``strides > 1`` with ``dilation_rate > 1``. (TensorFlow's CPU kernel fails at run time on a
``dilation_rate > 1``; the shapes Keras computes are still these.)
"""

from __future__ import annotations

from seqlint.dims import NONE, UNKNOWN, Dim, Shape, Sym, is_known, mul, sub_const
from seqlint.ir import Layer
from seqlint.shapes.catalogue import Call, ParamFn, Trait
from seqlint.shapes.layers.common import (
    as_dim,
    config_dim,
    config_int,
    keras_layer,
    require_defined,
    require_rank,
    with_bias,
)
from seqlint.shapes.layers.convolutional import kernel_volume, known_channels, strided_and_dilated
from seqlint.shapes.layers.spatial import REFUSED, conv_padding, layout, per_axis

_ON_STEPS = (Trait.NEEDS_TIME_AXIS, Trait.KEEPS_STEPS)
_WEIGHTED = (Trait.SIZED_BY_FEATURES, Trait.ACTIVATION_LAST)
_POSITIONAL = ("filters", "kernel_size", "strides", "padding", "output_padding", "data_format")
_POSITIONAL_3D = ("filters", "kernel_size", "strides", "padding", "data_format", "output_padding")

_NOT_GIVEN = None  # no output_padding on that axis


def _output_padding(layer: Layer, rank: int) -> tuple[Dim | None, ...] | None:
    """``output_padding`` per axis (None: not given); None when Keras refuses it."""
    value = layer.config.get("output_padding", None)
    if value is None:
        return (_NOT_GIVEN,) * rank
    if isinstance(value, bool):
        return (UNKNOWN,) * rank
    if is_known(value) or isinstance(value, Sym):
        padding = (value,) * rank
    elif isinstance(value, (tuple, list)) and len(value) == rank:
        padding = tuple(as_dim(v) for v in value)
    else:
        return (UNKNOWN,) * rank
    strides = per_axis(layer, "strides", rank, 1)
    for pad, stride in zip(padding, strides, strict=True):
        if is_known(pad) and (pad < 0 or (is_known(stride) and pad >= stride)):
            return None
    return padding


def transpose_length(
    length: Dim, kernel: Dim, stride: Dim, dilation: Dim, padding: str | None, extra: Dim | None
) -> Dim:
    """One output size (see the module docstring); ``extra`` is the ``output_padding``."""
    if length is NONE:
        return NONE
    if padding is None or not all(is_known(d) for d in (kernel, stride, dilation)):
        return UNKNOWN
    if extra is not _NOT_GIVEN and not is_known(extra):
        return UNKNOWN
    span = dilation * (kernel - 1) + 1  # type: ignore[operator]
    if padding == "same" and extra is _NOT_GIVEN:
        return mul(stride, length) if stride != 1 else length
    if padding == "valid":
        tail = span + (max(span, stride) - span if extra is _NOT_GIVEN else extra)  # type: ignore
    else:
        tail = span % 2 + extra  # type: ignore[operator]
    if is_known(length):
        return (length - 1) * stride + tail  # type: ignore[operator]
    if isinstance(length, Sym) and stride == 1:
        return sub_const(length, 1 - tail)
    return UNKNOWN


def _transpose_params(rank: int) -> ParamFn:
    """``kernel_size + (filters, channels)`` weights and ``filters`` biases."""

    def count(call: Call) -> int | None:
        layer = call.layer
        volume, channels = kernel_volume(layer, rank), known_channels(call, rank)
        filters = config_int(layer, "filters")
        if volume is None or channels is None or filters is None:
            return None
        return with_bias(layer, volume * filters * channels, filters)

    return count


def convolution_transpose(call: Call, rank: int) -> list[Shape]:
    layer = call.layer
    lay = layout(layer, rank)
    padding = conv_padding(layer, ("valid", "same"))
    extras = _output_padding(layer, rank)
    if lay is None or padding == REFUSED or extras is None or strided_and_dilated(layer, rank):
        return [Shape.unknown()]  # an unreadable data_format, or refused at construction
    require_rank(call, rank + 2, lay.expected)
    require_defined(call, lay.channel_axis, "its kernel")
    batch, _, sizes = lay.split(call.input)
    kernel = per_axis(layer, "kernel_size", rank)
    strides = per_axis(layer, "strides", rank, 1)
    dilation = per_axis(layer, "dilation_rate", rank, 1)
    out = tuple(
        transpose_length(size, k, s, d, padding, extra)
        for size, k, s, d, extra in zip(sizes, kernel, strides, dilation, extras, strict=True)
    )
    return [lay.join(batch, config_dim(layer, "filters"), out)]


@keras_layer(
    "Conv1DTranspose",
    positional=_POSITIONAL,
    params=_transpose_params(1),
    aliases=("Convolution1DTranspose",),
    traits=(*_ON_STEPS, *_WEIGHTED),
)
def conv1d_transpose(call: Call) -> list[Shape]:
    return convolution_transpose(call, 1)


@keras_layer(
    "Conv2DTranspose",
    positional=_POSITIONAL,
    params=_transpose_params(2),
    aliases=("Convolution2DTranspose",),
    traits=_WEIGHTED,
)
def conv2d_transpose(call: Call) -> list[Shape]:
    return convolution_transpose(call, 2)


@keras_layer(
    "Conv3DTranspose",
    positional=_POSITIONAL_3D,
    params=_transpose_params(3),
    aliases=("Convolution3DTranspose",),
    traits=_WEIGHTED,
)
def conv3d_transpose(call: Call) -> list[Shape]:
    return convolution_transpose(call, 3)

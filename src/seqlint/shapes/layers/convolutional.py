"""Conv1D, mirroring ``operation_utils.compute_conv_output_shape``.

Keras 3 facts: InputSpec ``min_ndim=3`` and the kernel-rank check make the
input rank exactly 3 (rank 4 fails with ``Kernel shape must have the same
length as input``); ``valid`` gives ``floor((L - d*(k-1) - 1) / s) + 1`` and
refuses a non-positive length (``Computed output size would be zero or
negative``); ``same`` and ``causal`` give ``floor((L - 1) / s) + 1``.
"""

from __future__ import annotations

from seqlint.dims import NONE, UNKNOWN, Dim, Shape, Sym, is_known, sub_const
from seqlint.shapes.catalogue import Call, Trait
from seqlint.shapes.layers.common import (
    MISSING,
    batch_of,
    config_dim,
    config_int,
    data_format,
    features,
    int_tuple,
    keras_layer,
    require_defined,
    require_rank,
    with_bias,
)
from seqlint.shapes.problems import ProblemKind, ShapeProblem


def window_length(
    call: Call,
    length: Dim,
    span: Dim,
    stride: Dim,
    padding: str | None,
    what: str,
) -> Dim:
    """Output length of a 1D window of ``span`` steps sliding by ``stride``.

    ``span`` is the number of input steps one output covers (``d*(k-1)+1`` for a
    dilated kernel, ``pool_size`` for pooling).  Raises LENGTH when a ``valid``
    window is longer than a known input.
    """
    if length is NONE:
        return NONE  # Keras computes None from None
    if padding is None or not is_known(stride) or stride < 1:
        return UNKNOWN
    if padding == "valid":
        if is_known(length) and is_known(span):
            if length < span:
                shape = call.input
                raise ShapeProblem(
                    ProblemKind.LENGTH,
                    f"the input has {length} step{'' if length == 1 else 's'}, fewer than "
                    f"the {span} that {what} spans with padding='valid': the output "
                    f"length would be {(length - span) // stride + 1}",
                    input_index=0,
                    expected=f"at least {span} steps",
                    got=shape,
                )
            return (length - span) // stride + 1
        if isinstance(length, Sym) and is_known(span) and stride == 1:
            return sub_const(length, span - 1)
        return UNKNOWN
    # "same" (and Conv1D's "causal"): ceil(L / s)
    if is_known(length):
        return (length - 1) // stride + 1
    if isinstance(length, Sym) and stride == 1:
        return length
    return UNKNOWN


def _conv1d_params(call: Call) -> int | None:
    layer = call.layer
    fmt, shape = data_format(layer), call.input
    channels = shape.dims[1] if fmt == "channels_first" and shape.dims else features(shape)
    size = channels if is_known(channels) else None
    filters = config_int(layer, "filters")
    kernel = int_tuple(layer.get("kernel_size"), 1)
    groups = config_int(layer, "groups", 1)
    if filters is None or size is None or kernel is None or not is_known(kernel[0]):
        return None
    if groups != 1 or fmt is None:
        return None
    return with_bias(layer, kernel[0] * size * filters, filters)


@keras_layer(
    "Conv1D",
    positional=("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate"),
    params=_conv1d_params,
    aliases=("Convolution1D",),
    traits=(
        Trait.NEEDS_TIME_AXIS,
        Trait.KEEPS_STEPS,
        Trait.SIZED_BY_FEATURES,
        Trait.ACTIVATION_LAST,
    ),
)
def conv1d(call: Call) -> list[Shape]:
    layer = call.layer
    fmt = data_format(layer)
    if fmt is None:
        return [Shape.unknown()]
    first = fmt == "channels_first"
    require_rank(call, 3, "(batch, channels, steps)" if first else "(batch, steps, channels)")

    padding = layer.config.get("padding", "valid")
    if isinstance(padding, str):
        padding = padding.lower()
        if padding not in ("valid", "same", "causal"):
            return [Shape.unknown()]  # Keras refuses it at construction
    else:
        padding = None  # unreadable: the length is unknown, the filters are not
    kernel = int_tuple(layer.config.get("kernel_size", MISSING), 1)
    strides = int_tuple(layer.config.get("strides", 1), 1)
    dilation = int_tuple(layer.config.get("dilation_rate", 1), 1)
    k = kernel[0] if kernel else UNKNOWN
    s = strides[0] if strides else UNKNOWN
    d = dilation[0] if dilation else UNKNOWN
    if is_known(s) and is_known(d) and s > 1 and d > 1:
        return [Shape.unknown()]  # Keras refuses strides > 1 with dilation_rate > 1
    filters = config_dim(layer, "filters")

    shape = call.input
    batch = batch_of(shape)
    require_defined(call, 1 if first else -1, "its kernel")
    if shape.dims is None:
        return [Shape((batch, filters, UNKNOWN) if first else (batch, UNKNOWN, filters))]
    length = shape.dims[2] if first else shape.dims[1]
    span = d * (k - 1) + 1 if is_known(k) and is_known(d) else UNKNOWN
    if is_known(k) and is_known(d):
        what = f"kernel_size={k}" + (f" with dilation_rate={d}" if d != 1 else "")
    else:
        what = "the kernel"
    out = window_length(call, length, span, s, padding, what)
    return [Shape((batch, filters, out) if first else (batch, out, filters))]

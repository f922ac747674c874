"""Convolutions written as backend calls inside custom layers: Keras 2's ``K.conv1d``.

(The convolution layers are modelled as layers; ``keras.ops.conv`` is left out, docs/ops.md.)
"""

from __future__ import annotations

from seqlint.dims import NONE, UNKNOWN, Dim, Shape, is_known
from seqlint.shapes.ops.aliases import aliases
from seqlint.shapes.ops.common import Unreadable, dims, fail, integer, undefined
from seqlint.shapes.ops.registry import OpCall, op


@op(
    "backend_conv1d",
    "x:tensor, kernel:tensor, strides=1, padding='valid', data_format=None, dilation_rate=1",
)
def backend_conv1d(call: OpCall) -> list[Shape]:
    """Keras 2's ``K.conv1d`` (Keras 3 keeps it in ``tf.keras.backend``): ``causal`` pads
    axis 1 on the left by ``dilation_rate * (k - 1)`` and convolves ``valid``; a
    ``channels_first`` input is transposed to ``(..., steps, channels)`` and back (on a CPU);
    then ``tf.nn.convolution`` over the second-to-last axis of ``x``, the axes before it kept,
    with a ``(k, in, out)`` kernel: ``in`` divides the input channels (groups), the output
    channels are ``out``, the steps ``ceil((steps - (k - 1) * dilation) / strides)`` for
    ``valid`` (an error when the window is longer) and ``ceil(steps / strides)`` for
    ``same``."""
    x, kernel = list(dims(call["x"])), dims(call["kernel"])
    data_format = call["data_format"]
    if data_format is None:
        data_format = "channels_last"
    if data_format not in ("channels_first", "channels_last"):
        if isinstance(data_format, str):
            raise fail(f"K.conv1d: unknown data_format {data_format!r}")
        raise Unreadable
    padding = call["padding"]
    if not isinstance(padding, str):
        raise Unreadable
    strides, dilation = integer(call["strides"]), integer(call["dilation_rate"])
    if padding == "causal":
        if len(kernel) < 1 or not is_known(kernel[0]):
            raise Unreadable
        if len(x) != 3:
            raise fail(f"K.conv1d(padding='causal') pads a tensor of rank 3, got {call['x']}")
        x[1] = _grown(x[1], dilation * (kernel[0] - 1))
        padding = "valid"
    if padding not in ("valid", "same"):
        raise fail(f"K.conv1d: invalid padding {padding!r}")
    if data_format == "channels_first":
        if len(x) != 3:
            raise fail(f"K.conv1d(data_format='channels_first') needs rank 3, got {call['x']}")
        x = [x[0], x[2], x[1]]
    if len(kernel) != 3:
        if len(kernel) > 3:
            raise Unreadable  # a conv2d or conv3d kernel: another convolution
        raise fail(f"K.conv1d needs a kernel (k, in, out) of rank 3, got {call['kernel']}")
    if len(x) < 3:
        raise fail(f"K.conv1d needs an input (batch, steps, channels), got {call['x']}")
    if strides > 1 and dilation > 1:
        raise fail("K.conv1d: strides > 1 with dilation_rate > 1")
    width, channels = x[-2], x[-1]
    k, kernel_in, kernel_out = kernel
    out_channels = _channels(channels, kernel_in, kernel_out, call)
    steps = _steps(width, k, strides, dilation, padding, call)
    lead = x[:-2]
    if dilation > 1 and not is_known(width) and len(lead) > 1:
        # a dilated convolution runs through space_to_batch, whose static shape keeps only
        # the first axis when the steps are not known
        lead = [lead[0], *(NONE for _ in lead[1:])]
    result = (*lead, steps, out_channels)
    if data_format == "channels_first":
        result = (result[0], result[2], result[1])
    return [Shape(result)]


def _grown(width: Dim, by: int) -> Dim:
    if is_known(width):
        return width + by
    return width if by == 0 else (NONE if undefined(width) else UNKNOWN)


def _channels(channels: Dim, kernel_in: Dim, kernel_out: Dim, call: OpCall) -> Dim:
    """The output channels; the input's must be a multiple of the kernel's (groups), and the
    kernel's output channels a multiple of the groups."""
    if is_known(channels) and is_known(kernel_in) and kernel_in > 0:
        if channels % kernel_in:
            raise fail(
                f"K.conv1d of {call['x']} with kernel {call['kernel']}: {channels} input "
                f"channels are not a multiple of the kernel's {kernel_in}"
            )
        groups = channels // kernel_in
        if is_known(kernel_out) and groups and kernel_out % groups:
            raise fail(
                f"K.conv1d of {call['x']} with kernel {call['kernel']}: {kernel_out} output "
                f"channels are not a multiple of the {groups} groups"
            )
    return kernel_out if is_known(kernel_out) else (NONE if kernel_out is NONE else UNKNOWN)


def _steps(width: Dim, k: Dim, strides: int, dilation: int, padding: str, call: OpCall) -> Dim:
    if padding == "same":
        if strides == 1:
            return width
        return -(-width // strides) if is_known(width) else _unknown(width)
    if not is_known(k):
        return UNKNOWN
    window = (k - 1) * dilation + 1
    if not is_known(width):
        return width if window == 1 and strides == 1 else _unknown(width)
    if width < window:
        raise fail(
            f"K.conv1d of {call['x']}: a window of {window} steps is longer than the {width} steps"
        )
    return (width - window + strides) // strides


def _unknown(width: Dim) -> Dim:
    return NONE if undefined(width) else UNKNOWN


aliases(
    "backend_conv1d(x, kernel, strides=1, padding='valid', data_format=None, dilation_rate=1)",
    "backend.conv1d",
)

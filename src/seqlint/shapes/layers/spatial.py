"""The spatial axes of convolution-like layers, shared by their families.

Keras 3 facts: a layer of spatial rank ``n`` takes ``(batch, *spatial, channels)``
(``channels_last``, the default) or ``(batch, channels, *spatial)`` (``channels_first``);
``data_format`` is case-insensitive. A window of ``span`` positions sliding by ``stride``
gives, per axis (``operation_utils.compute_conv_output_shape`` and
``compute_pooling_output_shape``), ``floor((L - span) / stride) + 1`` with ``valid`` padding,
refusing a non-positive size ("Computed output size would be zero or negative"), and
``floor((L - 1) / stride) + 1`` with ``same`` (and Conv1D's ``causal``); a ``None`` axis
stays ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from seqlint.dims import NONE, UNKNOWN, Dim, Shape, Sym, is_known, sub_const
from seqlint.ir import Layer
from seqlint.shapes.catalogue import Call
from seqlint.shapes.layers.common import MISSING, as_dim, batch_of, data_format, positive
from seqlint.shapes.problems import ProblemKind, ShapeProblem

STEPS = "steps"
REFUSED = "refused"
_AXES = {1: (STEPS,), 2: ("height", "width"), 3: ("depth", "height", "width")}


@dataclass(frozen=True)
class Layout:
    """Where a layer of ``rank`` spatial axes finds them and its channels."""

    rank: int
    first: bool  # channels_first

    @property
    def axes(self) -> tuple[str, ...]:
        """The names of the spatial axes: ``steps``, or height and width (depth first in 3D)."""
        return _AXES[self.rank]

    @property
    def channel_axis(self) -> int:
        return 1 if self.first else -1

    @property
    def expected(self) -> str:
        """The input the layer takes, e.g. ``(batch, height, width, channels)``."""
        spatial = ", ".join(self.axes)
        return f"(batch, channels, {spatial})" if self.first else f"(batch, {spatial}, channels)"

    def split(self, shape: Shape) -> tuple[Dim, Dim, tuple[Dim, ...]]:
        """``(batch, channels, spatial sizes)`` of an input of this layout (unknown when its
        rank is not the layout's)."""
        dims = shape.dims
        if dims is None or len(dims) != self.rank + 2:
            return batch_of(shape), UNKNOWN, (UNKNOWN,) * self.rank
        if self.first:
            return dims[0], dims[1], dims[2:]
        return dims[0], dims[-1], dims[1:-1]

    def join(self, batch: Dim, channels: Dim, spatial: tuple[Dim, ...]) -> Shape:
        if self.first:
            return Shape((batch, channels, *spatial))
        return Shape((batch, *spatial, channels))


def layout(layer: Layer, rank: int) -> Layout | None:
    """The layout ``data_format`` gives a layer of ``rank`` spatial axes; None if unreadable."""
    fmt = data_format(layer)
    return None if fmt is None else Layout(rank, fmt == "channels_first")


def per_axis(layer: Layer, name: str, rank: int, default: Any = MISSING) -> tuple[Dim, ...]:
    """A ``kernel_size``-like entry (an int, or ``rank`` ints) as positive dims; unknown
    where it cannot be read (or is a size Keras refuses)."""
    value = layer.config.get(name, default)
    if isinstance(value, bool) or value is MISSING:
        return (UNKNOWN,) * rank
    if is_known(value) or isinstance(value, Sym):
        return (positive(value),) * rank
    if isinstance(value, (tuple, list)) and len(value) == rank:
        return tuple(positive(as_dim(v)) for v in value)
    return (UNKNOWN,) * rank


def conv_padding(layer: Layer, allowed: tuple[str, ...]) -> str | None:
    """A convolution's ``padding`` (case-insensitive): one of ``allowed``, :data:`REFUSED`
    (Keras refuses it when the layer is constructed), or None when it cannot be read."""
    value = layer.config.get("padding", "valid")
    if not isinstance(value, str):
        return None
    value = value.lower()
    return value if value in allowed else REFUSED


def text(dims: tuple[Dim, ...]) -> str:
    """``3`` for one axis, ``(3, 5)`` for several: how a per-axis entry is shown."""
    if len(dims) == 1:
        return str(dims[0])
    return "(" + ", ".join(str(d) for d in dims) + ")"


def window_length(
    call: Call,
    length: Dim,
    span: Dim,
    stride: Dim,
    padding: str | None,
    what: str,
    axis: str = STEPS,
) -> Dim:
    """Output size of a window of ``span`` positions sliding by ``stride`` along ``axis``.

    ``span`` is the number of input positions one output covers (``d*(k-1)+1`` for a
    dilated kernel, ``pool_size`` for pooling).  Raises LENGTH when a ``valid`` window is
    longer than a known axis.
    """
    if length is NONE:
        return NONE  # Keras computes None from None
    if padding is None or not is_known(stride) or stride < 1:
        return UNKNOWN
    if padding == "valid":
        if is_known(length) and is_known(span):
            if length < span:
                raise _too_long(call, length, span, stride, what, axis)
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


def _too_long(
    call: Call, length: int, span: int, stride: int, what: str, axis: str
) -> ShapeProblem:
    out = (length - span) // stride + 1
    if axis == STEPS:
        message = (
            f"the input has {length} step{'' if length == 1 else 's'}, fewer than the {span} "
            f"that {what} spans with padding='valid': the output length would be {out}"
        )
        expected = f"at least {span} steps"
    else:
        message = (
            f"the {axis} of the input {call.input} is {length}, less than the {span} that "
            f"{what} spans with padding='valid': the output {axis} would be {out}"
        )
        expected = f"a {axis} of at least {span}"
    return ShapeProblem(
        ProblemKind.LENGTH, message, input_index=0, expected=expected, got=call.input
    )


def slide(
    call: Call,
    lay: Layout,
    sizes: tuple[Dim, ...],
    spans: tuple[Dim, ...],
    strides: tuple[Dim, ...],
    padding: str | None,
    what: str,
) -> tuple[Dim, ...]:
    """The output sizes of a window sliding over each spatial axis (see window_length)."""
    return tuple(
        window_length(call, size, span, stride, padding, what, axis)
        for size, span, stride, axis in zip(sizes, spans, strides, lay.axes, strict=True)
    )

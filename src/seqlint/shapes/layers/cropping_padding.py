"""Cropping1D/2D/3D and ZeroPadding1D/2D/3D: borders removed from or added to the spatial
axes.

Keras 3 facts: InputSpec ``ndim=rank+2``. ``cropping`` and ``padding`` are one int for
every side, or one entry per spatial axis, each an int (both sides) or a ``(begin, end)``
pair (the 1D layers take that single entry); negative values are refused at construction,
except a single int given to ZeroPadding2D/3D. The defaults are ``(1, 1)`` on each axis,
except Cropping2D's, which crops nothing. Cropping1D has no ``data_format`` (its steps are
axis 1). Cropping refuses, in ``compute_output_shape``, a known axis it would empty
("must be smaller than the input length", "Values in `cropping` argument should be smaller
than the corresponding spatial dimension"); a ``None`` axis stays ``None``.
"""

from __future__ import annotations

from typing import Any

from seqlint.dims import NONE, UNKNOWN, Dim, Shape, Sym, add, is_known, sub_const
from seqlint.shapes.catalogue import Call, Trait
from seqlint.shapes.layers.common import as_dim, keras_layer, no_weights, positive, require_rank
from seqlint.shapes.layers.spatial import STEPS, Layout, layout
from seqlint.shapes.problems import ProblemKind, ShapeProblem

Pair = tuple[Dim, Dim]
_CROPPING: dict[int, Any] = {1: (1, 1), 2: ((0, 0), (0, 0)), 3: ((1, 1), (1, 1), (1, 1))}
_ON_STEPS = (Trait.NEEDS_TIME_AXIS, Trait.KEEPS_STEPS)


class _Refused(Exception):
    """Keras refuses the value when the layer is constructed."""


def _pair(value: Any, negative: bool = False) -> Pair:
    """One axis's ``(begin, end)``: an int is both sides; ``negative`` accepts negative
    values."""
    if isinstance(value, bool):
        return UNKNOWN, UNKNOWN
    if is_known(value) or isinstance(value, Sym):
        value = (value, value)
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        return UNKNOWN, UNKNOWN
    begin, end = as_dim(value[0]), as_dim(value[1])
    if not negative and any(is_known(d) and d < 0 for d in (begin, end)):
        raise _Refused
    return begin, end


def _sides(value: Any, rank: int, negative_int: bool = False) -> tuple[Pair, ...]:
    """``cropping``/``padding`` as one ``(begin, end)`` per spatial axis; ``negative_int``
    accepts a single negative int (ZeroPadding2D/3D)."""
    if rank == 1:
        return (_pair(value),)
    if isinstance(value, (tuple, list)):
        if len(value) != rank:
            raise _Refused
        return tuple(_pair(entry) for entry in value)
    return (_pair(value, negative_int),) * rank


def _cropped(call: Call, size: Dim, pair: Pair, axis: str) -> Dim:
    if size is NONE:
        return NONE
    removed = add(*pair)
    if is_known(size) and is_known(removed):
        out = size - removed  # type: ignore[operator]
        if out <= 0:
            raise _emptied(call, size, pair, removed, axis, out)  # type: ignore[arg-type]
        return out
    if isinstance(size, Sym) and is_known(removed):
        return sub_const(size, removed)  # type: ignore[arg-type]
    return UNKNOWN


def _emptied(call: Call, size: int, pair: Pair, removed: int, axis: str, out: int) -> ShapeProblem:
    crop = f"cropping=({pair[0]}, {pair[1]})"
    if axis == STEPS:
        message = (
            f"the input has {size} step{'' if size == 1 else 's'}, and {crop} removes "
            f"{removed}: the output length would be {out}"
        )
        expected = f"more than {removed} steps"
    else:
        message = (
            f"the {axis} of the input {call.input} is {size}, and {crop} on that axis "
            f"removes {removed}: the output {axis} would be {out}"
        )
        expected = f"a {axis} of more than {removed}"
    return ShapeProblem(
        ProblemKind.LENGTH, message, input_index=0, expected=expected, got=call.input
    )


def cropping(call: Call, rank: int) -> list[Shape]:
    layer = call.layer
    lay = Layout(1, first=False) if rank == 1 else layout(layer, rank)
    try:
        pairs = _sides(layer.config.get("cropping", _CROPPING[rank]), rank)
    except _Refused:
        return [Shape.unknown()]  # refused at construction
    if lay is None:
        return [Shape.unknown()]
    require_rank(call, rank + 2, lay.expected)
    batch, channels, sizes = lay.split(call.input)
    out = tuple(
        _cropped(call, size, pair, axis)
        for size, pair, axis in zip(sizes, pairs, lay.axes, strict=True)
    )
    return [lay.join(batch, channels, out)]


@keras_layer(
    "Cropping1D",
    positional=("cropping",),
    params=no_weights,
    traits=_ON_STEPS,
)
def cropping1d(call: Call) -> list[Shape]:
    return cropping(call, 1)


@keras_layer("Cropping2D", positional=("cropping", "data_format"), params=no_weights)
def cropping2d(call: Call) -> list[Shape]:
    return cropping(call, 2)


@keras_layer("Cropping3D", positional=("cropping", "data_format"), params=no_weights)
def cropping3d(call: Call) -> list[Shape]:
    return cropping(call, 3)


def zero_padding(call: Call, rank: int) -> list[Shape]:
    layer = call.layer
    lay = layout(layer, rank)
    try:
        pairs = _sides(layer.config.get("padding", 1), rank, negative_int=True)
    except _Refused:
        return [Shape.unknown()]  # refused at construction
    if lay is None:
        return [Shape.unknown()]
    require_rank(call, rank + 2, lay.expected)
    batch, channels, sizes = lay.split(call.input)
    out = tuple(positive(add(size, add(*pair))) for size, pair in zip(sizes, pairs, strict=True))
    return [lay.join(batch, channels, out)]


@keras_layer(
    "ZeroPadding1D", positional=("padding", "data_format"), params=no_weights, traits=_ON_STEPS
)
def zero_padding1d(call: Call) -> list[Shape]:
    return zero_padding(call, 1)


@keras_layer("ZeroPadding2D", positional=("padding", "data_format"), params=no_weights)
def zero_padding2d(call: Call) -> list[Shape]:
    return zero_padding(call, 2)


@keras_layer("ZeroPadding3D", positional=("padding", "data_format"), params=no_weights)
def zero_padding3d(call: Call) -> list[Shape]:
    return zero_padding(call, 3)

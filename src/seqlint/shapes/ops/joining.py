"""Ops that join tensors or cut one into several: concatenate, stack, unstack, split.

Keras facts (``keras.ops``): ``concatenate`` and ``stack`` compare every tensor with the
first (same rank; equal sizes off the joined axis, None matching anything) and keep the
first's sizes, so a None there stays None; a None on the joined axis makes the total None.
TensorFlow merges the sizes of all its operands instead (a None meets a known size: the
known size), the spellings fix ``merge``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from seqlint.dims import NONE, Dim, Shape, add, is_known, product
from seqlint.shapes.ops.aliases import aliases
from seqlint.shapes.ops.common import (
    Unreadable,
    axis,
    dims,
    fail,
    integer,
    items,
    merged,
    undefined,
)
from seqlint.shapes.ops.registry import OpCall, op


def _tensors(value: Any) -> list[tuple[Dim, ...]]:
    if not isinstance(value, tuple) or not value:
        raise Unreadable
    return [dims(shape) for shape in value]


def _compared(shapes: list[tuple[Dim, ...]], skip: int | None, merge: bool, what: str) -> list[Dim]:
    """The sizes off the joined axis ``skip``, every tensor compared with the first: the
    first's (Keras), or all merged (TensorFlow)."""
    first, out = shapes[0], list(shapes[0])
    for shape in shapes[1:]:
        if len(shape) != len(first):
            raise fail(f"{what}: one rank is needed, got {Shape(first)} and {Shape(shape)}")
        for position, (a, b) in enumerate(zip(first, shape, strict=True)):
            if position != skip and is_known(a) and is_known(b) and a != b:
                raise fail(f"{what}: {Shape(first)} and {Shape(shape)} differ on axis {position}")
            if merge and position != skip:
                out[position] = merged(out[position], b)
    return out


@op("concatenate", "xs:tensors, axis=0, merge=False")
def concatenate(call: OpCall) -> list[Shape]:
    """One rank; equal sizes off ``axis``; the sizes on ``axis`` added."""
    shapes = _tensors(call["xs"])
    at = axis(call["axis"], len(shapes[0]))
    out = _compared(shapes, at, call["merge"], "concatenate")
    total: Dim = shapes[0][at]
    for shape in shapes[1:]:
        total = add(total, shape[at])
    out[at] = total
    return [Shape(tuple(out))]


aliases("concatenate(xs, axis=0)", "ops.concatenate")
aliases("concatenate(tensors->xs, axis=-1; merge=True)", "backend.concatenate")
aliases("concatenate(values->xs, axis; merge=True)", "tensorflow.concat")


@op("stack", "x:tensors, axis=0, merge=False")
def stack(call: OpCall) -> list[Shape]:
    """Tensors of one shape, a new axis (in ``[-rank-1, rank]``) counting them."""
    shapes = _tensors(call["x"])
    at = axis(call["axis"], len(shapes[0]) + 1)
    out = _compared(shapes, None, call["merge"], "stack")
    return [Shape((*out[:at], len(shapes), *out[at:]))]


aliases("stack(x, axis=0)", "ops.stack")
aliases("stack(x, axis=0; merge=True)", "backend.stack")
aliases("stack(values->x, axis=0; merge=True)", "tensorflow.stack")


def _unstack_count(args: Mapping[str, Any]) -> int | None:
    if is_known(args.get("num")):
        return args["num"]
    shape = args.get("x")
    if isinstance(shape, Shape) and shape.dims is not None and is_known(args.get("axis")):
        rank = len(shape.dims)
        if -rank <= args["axis"] < rank and is_known(shape.dims[args["axis"]]):
            return shape.dims[args["axis"]]
    return None


@op("unstack", "x:tensor, num=None, axis=0, check_num=False", outputs=_unstack_count)
def unstack(call: OpCall) -> list[Shape]:
    """One tensor per index of ``axis``, without it; the count is ``num``, or the axis's
    size, which must then be defined. TensorFlow also checks ``num`` against a known size
    (``check_num``)."""
    source = dims(call["x"])
    at = axis(call["axis"], len(source))
    size, num = source[at], call["num"]
    if num is None:
        if undefined(size):
            raise fail(f"unstack cannot count the tensors: axis {at} of {call['x']} is undefined")
        num = size
    elif call["check_num"] and is_known(size) and is_known(num) and size != num:
        raise fail(f"unstack num={num} but axis {at} of {call['x']} has size {size}")
    count = integer(num)
    return [Shape((*source[:at], *source[at + 1 :]))] * count


aliases("unstack(x, num=None, axis=0)", "ops.unstack")
aliases("unstack(value->x, num=None, axis=0; check_num=True)", "tensorflow.unstack")


def _split_count(args: Mapping[str, Any]) -> int | None:
    pieces = args.get("indices_or_sections")
    if is_known(pieces):
        return pieces
    if isinstance(pieces, (tuple, list)):
        return len(pieces) + (0 if args.get("sizes") else 1)
    return None


@op("split", "x:tensor, indices_or_sections, axis=0, sizes=False", outputs=_split_count)
def split(call: OpCall) -> list[Shape]:
    """An int: that many equal pieces (a known size must divide). A list: Keras cuts at
    those indices (``sizes`` False; a piece is ``end - start`` as given, and a negative one
    fails), TensorFlow's
    ``num_or_size_splits`` gives the pieces' sizes (one may be -1; they must add up)."""
    source = dims(call["x"])
    at = axis(call["axis"], len(source))
    size, pieces = source[at], call["indices_or_sections"]

    def piece(length: Dim) -> Shape:
        return Shape((*source[:at], length, *source[at + 1 :]))

    if is_known(pieces):
        if pieces <= 0:
            raise fail(f"split into {pieces} pieces")
        if is_known(size) and size % pieces:
            raise fail(f"cannot split axis {at} of {call['x']} (size {size}) into {pieces} pieces")
        return [piece(size // pieces if is_known(size) else size)] * pieces
    cuts = items(pieces)
    if not isinstance(pieces, (tuple, list)) or not all(is_known(c) for c in cuts):
        raise Unreadable
    if call["sizes"]:
        return [piece(d) for d in _sizes(call["x"], size, list(cuts), at)]
    bounds = [0, *cuts, size]
    lengths = [
        end - start if is_known(start) and is_known(end) else NONE
        for start, end in zip(bounds, bounds[1:], strict=False)
    ]
    if any(is_known(d) and d < 0 for d in lengths):
        raise fail(f"split at {list(cuts)}: indices out of order give a negative size")
    return [piece(d) for d in lengths]


def _sizes(shape: Shape, size: Dim, sizes: list[int], at: int) -> list[Dim]:
    """TensorFlow's ``SplitV`` sizes: at most one -1, inferred from a known size; the sizes
    must add up to a known size."""
    if sizes.count(-1) > 1 or any(s < -1 for s in sizes):
        raise fail(f"split sizes {sizes}: at most one -1, none below it")
    given = sum(s for s in sizes if s != -1)
    if is_known(size):
        if -1 in sizes and given > size or -1 not in sizes and given != size:
            raise fail(f"split sizes {sizes} do not add up to axis {at} of {shape} ({size})")
        return [size - given if s == -1 else s for s in sizes]
    return [NONE if s == -1 else s for s in sizes]


aliases("split(x, indices_or_sections, axis=0)", "ops.split")
aliases(
    "split(value->x, num_or_size_splits->indices_or_sections, axis=0, num->_; sizes=True)",
    "tensorflow.split",
)


@op("hstack", "xs:tensors")
@op("vstack", "xs:tensors")
def hstack(call: OpCall) -> list[Shape]:
    """``concatenate`` on axis 1 (``hstack``) or 0 (``vstack``), as Keras's static shapes
    have it."""
    at = 1 if call.name == "hstack" else 0
    return concatenate(OpCall("concatenate", {"xs": call["xs"], "axis": at, "merge": False}))


aliases("hstack(xs)", "ops.hstack")
aliases("vstack(xs)", "ops.vstack")


@op("append", "x1:tensor, x2:tensor, axis=None")
def append(call: OpCall) -> list[Shape]:
    """Both flattened and joined (``axis=None``), else ``concatenate`` on ``axis``."""
    if call["axis"] is None:
        total = add(product(dims(call["x1"])), product(dims(call["x2"])))
        return [Shape((total,))]
    pair = (call["x1"], call["x2"])
    return concatenate(OpCall("concatenate", {"xs": pair, "axis": call["axis"], "merge": False}))


aliases("append(x1, x2, axis=None)", "ops.append")


def _array_split_count(args: Mapping[str, Any]) -> int | None:
    count = args.get("indices_or_sections")
    return count if is_known(count) else None


@op("array_split", "x:tensor, indices_or_sections, axis=0", outputs=_array_split_count)
def array_split(call: OpCall) -> list[Shape]:
    """``indices_or_sections`` pieces as equal as can be: the first ``size % n`` one longer
    (an undefined size gives undefined pieces)."""
    source = dims(call["x"])
    count = integer(call["indices_or_sections"])
    if count <= 0:
        raise fail(f"array_split into {count} pieces")
    at = axis(call["axis"], len(source))
    size = source[at]
    pieces = []
    for i in range(count):
        length = size // count + (i < size % count) if is_known(size) else size
        pieces.append(Shape((*source[:at], length, *source[at + 1 :])))
    return pieces


aliases("array_split(x, indices_or_sections, axis=0)", "ops.array_split")

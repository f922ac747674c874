"""Ops that move, add, drop or join axes: reshape, transpose, expand_dims, squeeze,
concatenate.

Keras facts (``keras.ops``; TensorFlow agrees): ``reshape`` takes at most one -1 and the
element counts must match when both are known ("Cannot reshape"); ``transpose`` without axes
reverses them; ``expand_dims`` accepts an axis in ``[-rank-1, rank]``; ``squeeze`` of an
axis whose size is known and not 1 fails; ``concatenate`` needs equal ranks and equal sizes
on every other axis.
"""

from __future__ import annotations

import math

from seqlint.dims import BATCH, NONE, UNKNOWN, Dim, Shape, add, is_known, product
from seqlint.shapes.ops.aliases import aliases
from seqlint.shapes.ops.common import Unreadable, as_dim, axes, axis, dims, fail
from seqlint.shapes.ops.registry import OpCall, op


@op("reshape", "x:tensor, newshape")
def reshape(call: OpCall) -> list[Shape]:
    source = dims(call["x"])
    target_value = call["newshape"]
    items = target_value if isinstance(target_value, (tuple, list)) else (target_value,)
    target = [as_dim(item) for item in items]
    wildcards = [i for i, d in enumerate(target) if is_known(d) and d == -1]
    if len(wildcards) > 1:
        raise fail(f"reshape to {tuple(items)}: only one -1 is allowed")
    if any(is_known(d) and d < -1 for d in target):
        raise Unreadable
    others = [d for i, d in enumerate(target) if i not in wildcards]
    if all(is_known(d) for d in source) and all(is_known(d) for d in others):
        size, wanted = math.prod(source), math.prod(others)  # type: ignore[arg-type]
        if not wildcards and size != wanted or wildcards and (wanted == 0 or size % wanted):
            raise fail(
                f"cannot reshape {call['x']} ({size} values) into {tuple(items)}",
                got=call["x"],
            )
        if wildcards:
            target[wildcards[0]] = size // wanted
        return [Shape(tuple(target))]
    if wildcards:
        known_source = product(source)
        target[wildcards[0]] = NONE if known_source is NONE else UNKNOWN
    return [Shape(tuple(BATCH if d is BATCH else d for d in target))]


aliases("reshape(x, newshape)", "ops.reshape")
aliases("reshape(x, shape->newshape)", "backend.reshape")
aliases("reshape(tensor->x, shape->newshape)", "tensorflow.reshape")


@op("transpose", "x:tensor, axes=None")
def transpose(call: OpCall) -> list[Shape]:
    source = dims(call["x"])
    if call["axes"] is None:
        return [Shape(tuple(reversed(source)))]
    order = axes(call["axes"], len(source)) or ()
    if sorted(order) != list(range(len(source))):
        raise fail(
            f"transpose axes {tuple(call['axes'])} are not a permutation of {len(source)} axes"
        )
    return [Shape(tuple(source[i] for i in order))]


aliases("transpose(x, axes=None)", "ops.transpose")
aliases("transpose(x, pattern->axes)", "backend.permute_dimensions")
aliases("transpose(a->x, perm->axes=None)", "tensorflow.transpose")


@op("expand_dims", "x:tensor, axis")
def expand_dims(call: OpCall) -> list[Shape]:
    source = dims(call["x"])
    at = axis(call["axis"], len(source) + 1)
    return [Shape((*source[:at], 1, *source[at:]))]


aliases("expand_dims(x, axis)", "ops.expand_dims")
aliases("expand_dims(x, axis=-1)", "backend.expand_dims")
aliases("expand_dims(input->x, axis)", "tensorflow.expand_dims")


@op("squeeze", "x:tensor, axis=None")
def squeeze(call: OpCall) -> list[Shape]:
    source = dims(call["x"])
    chosen = axes(call["axis"], len(source))
    if chosen is None:
        if not all(is_known(d) for d in source):
            raise Unreadable  # which axes go depends on sizes seqlint does not know
        return [Shape(tuple(d for d in source if d != 1))]
    for position in chosen:
        size = source[position]
        if is_known(size) and size != 1:
            raise fail(f"cannot squeeze axis {position} of {call['x']}: its size is {size}, not 1")
    return [Shape(tuple(d for i, d in enumerate(source) if i not in chosen))]


aliases("squeeze(x, axis=None)", "ops.squeeze")
aliases("squeeze(x, axis)", "backend.squeeze")
aliases("squeeze(input->x, axis=None)", "tensorflow.squeeze")


@op("concatenate", "xs:tensors, axis=0")
def concatenate(call: OpCall) -> list[Shape]:
    shapes = call["xs"]
    if not isinstance(shapes, tuple) or not shapes:
        raise Unreadable
    known = [s for s in shapes if s.dims is not None]
    if not known:
        raise Unreadable
    rank = len(known[0].dims)  # type: ignore[arg-type]
    for shape in known[1:]:
        if len(shape.dims) != rank:  # type: ignore[arg-type]
            raise fail(f"concatenate needs tensors of one rank, got {known[0]} and {shape}")
    at = axis(call["axis"], rank)
    out: list[Dim] = list(known[0].dims)  # type: ignore[arg-type]
    for position in range(rank):
        if position == at:
            continue
        for shape in known[1:]:
            a, b = out[position], shape.dims[position]  # type: ignore[index]
            if is_known(a) and is_known(b) and a != b:
                raise fail(
                    f"concatenate on axis {at}: {known[0]} and {shape} differ on axis {position}",
                    got=shape,
                )
            if not is_known(a) and is_known(b):
                out[position] = b
    if len(known) != len(shapes):
        out[at] = UNKNOWN
    else:
        total: Dim = known[0].dims[at]  # type: ignore[index]
        for shape in known[1:]:
            total = add(total, shape.dims[at])  # type: ignore[index]
        out[at] = total
    return [Shape(tuple(out))]


aliases("concatenate(xs, axis=0)", "ops.concatenate")
aliases("concatenate(tensors->xs, axis=-1)", "backend.concatenate")
aliases("concatenate(values->xs, axis)", "tensorflow.concat")

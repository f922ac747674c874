"""Ops that move, add or drop axes, or repeat a tensor: reshape, transpose, swapaxes, moveaxis,
expand_dims, squeeze, ravel, batch_flatten, broadcast_to, tile, repeat.

Keras facts (``keras.ops``, ``compute_output_spec``): ``transpose`` without axes reverses
them; ``expand_dims`` takes an axis or a tuple of them, each in ``[-out_rank, out_rank)``;
``squeeze`` of an axis whose static size is not 1 (None included) fails, and without an axis
drops every size 1; ``tile`` and ``repeat`` multiply known sizes and leave None as None;
``broadcast_to`` checks the broadcast and returns the target. TensorFlow's static shapes
differ where noted in each op.
"""

from __future__ import annotations

import math

from seqlint.dims import BATCH, NONE, UNKNOWN, Dim, Shape, is_known, mul, product
from seqlint.shapes.ops.aliases import aliases
from seqlint.shapes.ops.common import (
    Unreadable,
    as_dim,
    axes,
    axis,
    broadcast,
    counts_cannot_match,
    dims,
    fail,
    integer,
    items,
    keras_deleted,
    undefined,
)
from seqlint.shapes.ops.registry import OpCall, op

# -- reshape ---------------------------------------------------------------------------------


@op("reshape", "x:tensor, newshape, static='keras'")
def reshape(call: OpCall) -> list[Shape]:
    """Certain failures are the same in both frameworks: at most one -1, no entry below -1,
    and the element counts must be able to match (after cancelling sizes both sides share,
    a batch axis kept by ``tf.shape(x)[0]``; a known part of one side must divide the other's
    when only that other side has unknown sizes). The static output differs (``static``):
    Keras resolves -1 only when no size is undefined on either side; TensorFlow resolves it
    when the input is fully known, or takes the input's one undefined size when both sides
    have exactly one and their known parts are equal."""
    source = dims(call["x"])
    target = [as_dim(item) for item in items(call["newshape"])]
    wildcards = [i for i, d in enumerate(target) if d == -1 and is_known(d)]
    if len(wildcards) > 1:
        raise fail(f"reshape to {_shown(target)}: only one -1 is allowed")
    if any(is_known(d) and d < -1 for d in target):
        raise fail(f"reshape to {_shown(target)}: sizes must be -1 or more")
    entries = tuple(d for i, d in enumerate(target) if i not in wildcards)
    if wildcards and 0 in entries:
        raise fail(f"reshape to {_shown(target)}: a -1 cannot be inferred beside a 0")
    if counts_cannot_match(source, entries, bool(wildcards)):
        raise fail(
            f"cannot reshape {call['x']} into {_shown(target)}: the number of values cannot match",
            got=call["x"],
        )
    if any(not is_known(d) and not undefined(d) for d in (*source, *target)):
        return [Shape(tuple(UNKNOWN if i in wildcards else d for i, d in enumerate(target)))]
    if call["static"] == "keras":
        return [_keras_reshape(source, target, wildcards)]
    return [_tf_reshape(source, target)]


def _shown(target: list[Dim]) -> str:
    return "(" + ", ".join(str(d) for d in target) + ")"


def _keras_reshape(source: tuple[Dim, ...], target: list[Dim], wildcards: list[int]) -> Shape:
    if any(undefined(d) for d in (*source, *target)):
        return Shape(tuple(NONE if i in wildcards else d for i, d in enumerate(target)))
    if wildcards:
        target[wildcards[0]] = math.prod(source) // math.prod(  # type: ignore[arg-type]
            d for i, d in enumerate(target) if i not in wildcards
        )
    return Shape(tuple(target))


def _tf_reshape(source: tuple[Dim, ...], target: list[Dim]) -> Shape:
    """TensorFlow's ``SetOutputShapeForReshape``: a -1 and a size taken from a tensor are
    both unknown entries."""
    out = [NONE if d == -1 or undefined(d) else d for d in target]
    out_unknown = [i for i, d in enumerate(target) if d == -1 or undefined(d)]
    in_unknown = [i for i, d in enumerate(source) if undefined(d)]
    if len(out_unknown) != 1 or len(in_unknown) > 1:
        return Shape(tuple(_batch_kept(target, out)))
    known_out = math.prod(d for i, d in enumerate(out) if i != out_unknown[0])  # type: ignore[misc]
    known_in = math.prod(d for d in source if is_known(d))  # type: ignore[misc]
    if not in_unknown and known_out > 0:
        out[out_unknown[0]] = known_in // known_out
    elif in_unknown and known_in == known_out:
        out[out_unknown[0]] = source[in_unknown[0]]
    return Shape(tuple(_batch_kept(target, out)))


def _batch_kept(target: list[Dim], out: list[Dim]) -> list[Dim]:
    """A batch size taken from ``tf.shape(x)[0]`` stays the batch axis."""
    return [BATCH if t is BATCH and o is NONE else o for t, o in zip(target, out, strict=True)]


aliases("reshape(x, newshape)", "ops.reshape")
aliases("reshape(x, shape->newshape; static='tf')", "backend.reshape")
aliases("reshape(tensor->x, shape->newshape; static='tf')", "tensorflow.reshape")

# -- axes moved ------------------------------------------------------------------------------


@op("transpose", "x:tensor, axes=None")
def transpose(call: OpCall) -> list[Shape]:
    """Without axes the order is reversed; else the axes are a permutation of the input's."""
    source = dims(call["x"])
    if call["axes"] is None:
        return [Shape(tuple(reversed(source)))]
    order = axes(call["axes"], len(source)) or ()
    if sorted(order) != list(range(len(source))):
        raise fail(
            f"transpose axes {tuple(items(call['axes']))} are not a permutation of "
            f"{len(source)} axes"
        )
    return [Shape(tuple(source[i] for i in order))]


aliases("transpose(x, axes=None)", "ops.transpose")
aliases("transpose(x, pattern->axes)", "backend.permute_dimensions")
aliases("transpose(x)", "backend.transpose")
aliases("transpose(a->x, perm->axes=None, conjugate->_)", "tensorflow.transpose")


@op("swapaxes", "x:tensor, axis1, axis2")
def swapaxes(call: OpCall) -> list[Shape]:
    """Both axes must exist (``tf.linalg.matrix_transpose`` swaps the last two, so it needs
    rank 2)."""
    source = list(dims(call["x"]))
    first, second = axis(call["axis1"], len(source)), axis(call["axis2"], len(source))
    source[first], source[second] = source[second], source[first]
    return [Shape(tuple(source))]


aliases("swapaxes(x, axis1, axis2)", "ops.swapaxes")
aliases("swapaxes(a->x; axis1=-2, axis2=-1)", "tensorflow.linalg.matrix_transpose")


@op("moveaxis", "x:tensor, source, destination")
def moveaxis(call: OpCall) -> list[Shape]:
    """Each source axis goes to its destination, the others keep their order (Keras's
    placement, repeated axes included: it checks only that each axis exists)."""
    shape = list(dims(call["x"]))
    sources = [axis(a, len(shape), "source") for a in items(call["source"])]
    targets = [axis(a, len(shape), "destination") for a in items(call["destination"])]
    if len(sources) != len(targets):
        raise fail("moveaxis needs as many destinations as sources")
    free = object()
    out: list = [free] * len(shape)
    for source, target in zip(sources, targets, strict=True):
        out[target], shape[source] = shape[source], free
    rest = iter(d for d in shape if d is not free)
    return [Shape(tuple(next(rest) if d is free else d for d in out))]


aliases("moveaxis(x, source, destination)", "ops.moveaxis")

# -- axes added or dropped -------------------------------------------------------------------


@op("expand_dims", "x:tensor, axis, several=True")
def expand_dims(call: OpCall) -> list[Shape]:
    """Each new axis of size 1 at its position in the output. Keras takes a tuple too
    (repeated positions fail); TensorFlow one axis (``several``)."""
    source = dims(call["x"])
    if not call["several"] and isinstance(call["axis"], (tuple, list)):
        raise fail("tf.expand_dims takes a single axis")
    rank = len(source) + len(items(call["axis"]))
    positions = [axis(a, rank) for a in items(call["axis"])]
    if len(set(positions)) != len(positions):
        raise fail(f"expand_dims axes {call['axis']} repeat an axis")
    rest = iter(source)
    return [Shape(tuple(1 if i in positions else next(rest) for i in range(rank)))]


aliases("expand_dims(x, axis)", "ops.expand_dims")
aliases("expand_dims(x, axis=-1; several=False)", "backend.expand_dims")
aliases("expand_dims(input->x, axis; several=False)", "tensorflow.expand_dims")


@op("squeeze", "x:tensor, axis=None, static='keras'")
def squeeze(call: OpCall) -> list[Shape]:
    """A squeezed axis must have size 1: Keras fails on a static None too and deletes a
    repeated axis twice; TensorFlow lets a None through (checked when it runs) and drops
    each axis once (``static``). Without an axis every size 1 goes: Keras keeps the None
    sizes, TensorFlow cannot tell the rank then."""
    source = dims(call["x"])
    chosen = axes(call["axis"], len(source))
    keras = call["static"] == "keras"
    if chosen is None:
        if any(not is_known(d) and not (undefined(d) and keras) for d in source):
            raise Unreadable  # which axes go depends on sizes seqlint does not know
        return [Shape(tuple(d for d in source if d != 1))]
    for position in chosen:
        size = source[position]
        if is_known(size) and size != 1 or undefined(size) and keras:
            raise fail(f"cannot squeeze axis {position} of {call['x']}: its size is {size}, not 1")
    if keras:
        return [Shape(keras_deleted(source, chosen))]
    return [Shape(tuple(d for i, d in enumerate(source) if i not in chosen))]


aliases("squeeze(x, axis=None)", "ops.squeeze")
aliases("squeeze(x, axis; static='tf')", "backend.squeeze")
aliases("squeeze(input->x, axis=None; static='tf')", "tensorflow.squeeze")


@op("ravel", "x:tensor")
def ravel(call: OpCall) -> list[Shape]:
    """One axis holding every value (None when any size is)."""
    return [Shape((product(dims(call["x"])),))]


aliases("ravel(x)", "ops.ravel", "backend.flatten")


@op("backend_batch_flatten", "x:tensor")
def batch_flatten(call: OpCall) -> list[Shape]:
    """Keras 2's ``K.batch_flatten``, ``reshape(x, (-1, prod(shape(x)[1:])))`` on the run-time
    shape: TensorFlow knows both sizes only when every size is known, else neither."""
    source = dims(call["x"])
    if all(is_known(d) for d in source):
        return [_tf_reshape(source, [-1, math.prod(source[1:])])]  # type: ignore[arg-type]
    if any(undefined(d) for d in source):
        return [Shape((NONE, NONE))]
    return [Shape((UNKNOWN, UNKNOWN))]


aliases("backend_batch_flatten(x)", "backend.batch_flatten")

# -- repeated values -------------------------------------------------------------------------


@op("broadcast_to", "x:tensor, shape")
def broadcast_to(call: OpCall) -> list[Shape]:
    """The target shape, once ``x`` broadcasts to it (no more axes than the target)."""
    source = dims(call["x"])
    target = tuple(as_dim(d) for d in items(call["shape"]))
    if len(source) > len(target):
        raise fail(f"cannot broadcast {call['x']} to {target}: it has more axes")
    broadcast(call["x"], Shape(target))
    for own, wanted in zip(reversed(source), reversed(target), strict=False):
        if is_known(own) and own != 1 and is_known(wanted) and own != wanted:
            raise fail(f"cannot broadcast {call['x']} to {target}")
    return [Shape(target)]


aliases("broadcast_to(x, shape)", "ops.broadcast_to")
aliases("broadcast_to(input->x, shape)", "tensorflow.broadcast_to")


@op("tile", "x:tensor, repeats, static='keras'")
def tile(call: OpCall) -> list[Shape]:
    """Each size times its count. Keras pads the shorter of the shape and the counts with
    1s on the left; TensorFlow needs a list of one count per axis, Keras 2's ``K.tile`` too
    (an int is a list of one) (``static``)."""
    source = list(dims(call["x"]))
    listed = isinstance(call["repeats"], (tuple, list))
    counts = [as_dim(c) for c in items(call["repeats"])]
    if call["static"] != "keras":
        if not listed and call["static"] == "tf":
            raise fail("tf.tile takes a list of counts, one per axis")
        if len(counts) != len(source):
            raise fail(f"tile needs one count per axis of {call['x']}, got {len(counts)}")
    width = max(len(source), len(counts))
    source = [1] * (width - len(source)) + source
    counts = [1] * (width - len(counts)) + counts
    out: list[Dim] = []
    for size, count in zip(source, counts, strict=True):
        if is_known(count) and count < 0:
            raise fail(f"tile counts must not be negative, got {count}")
        out.append(NONE if undefined(size) else mul(size, count))
    return [Shape(tuple(out))]


aliases("tile(x, repeats)", "ops.tile")
aliases("tile(input->x, multiples->repeats; static='tf')", "tensorflow.tile")
aliases("tile(x, n->repeats; static='backend')", "backend.tile")


@op("repeat", "x:tensor, repeats, axis=None, static='keras'")
def repeat(call: OpCall) -> list[Shape]:
    """Each value ``repeats`` times along ``axis`` (None: the flattened tensor); a list of
    counts needs one per value along the axis. Keras adds the counts up; TensorFlow leaves
    that size None on the first axis (its ``boolean_mask``) and knows the sum on the others
    whatever the size; Keras 2's ``K.repeat_elements`` takes one count (``static``)."""
    source = list(dims(call["x"]))
    counts = items(call["repeats"])
    listed = isinstance(call["repeats"], (tuple, list))
    if not all(is_known(c) for c in counts):
        raise Unreadable
    if call["static"] == "backend" and listed:
        raise fail("K.repeat_elements takes one count")
    if call["axis"] is None:
        source, at = [product(tuple(source))], 0
    else:
        at = axis(call["axis"], len(source))
    size = source[at]
    if len(counts) == 1:
        source[at] = NONE if undefined(size) else mul(size, counts[0])
    elif is_known(size) and size != len(counts):
        raise fail(f"repeat: {len(counts)} counts for an axis of size {size}")
    else:
        source[at] = sum(counts) if is_known(size) else NONE if undefined(size) else UNKNOWN
    if listed and len(counts) > 1 and call["static"] == "tf":
        source[at] = NONE if at == 0 else sum(counts)
    return [Shape(tuple(source))]


aliases("repeat(x, repeats, axis=None)", "ops.repeat")
aliases("repeat(input->x, repeats, axis=None; static='tf')", "tensorflow.repeat")
aliases("repeat(x, rep->repeats, axis; static='backend')", "backend.repeat_elements")


@op("backend_repeat", "x:tensor, n")
def backend_repeat(call: OpCall) -> list[Shape]:
    """Keras 2's ``K.repeat`` (``RepeatVector``): a rank-2 ``(batch, features)`` tensor
    becomes ``(batch, n, features)``."""
    source = dims(call["x"])
    if len(source) != 2:
        raise fail(f"K.repeat needs a tensor of rank 2, got {call['x']}")
    count = integer(call["n"])
    return [Shape((source[0], count, source[1]))]


aliases("backend_repeat(x, n)", "backend.repeat")


@op("extract_sequences", "x:tensor, sequence_length, sequence_stride")
def extract_sequences(call: OpCall) -> list[Shape]:
    """The last axis cut into frames: ``1 + (size - length) // stride`` of ``length`` (a
    negative count fails)."""
    source = dims(call["x"])
    if not source:
        raise fail("extract_sequences needs a tensor of rank 1 or more")
    length, stride = integer(call["sequence_length"]), integer(call["sequence_stride"])
    size = source[-1]
    count: Dim = NONE if undefined(size) else UNKNOWN
    if is_known(size):
        count = 1 + (size - length) // stride
        if count < 0:
            raise fail(f"extract_sequences: frames of {length} do not fit in {size} values")
    return [Shape((*source[:-1], count, length))]


aliases("extract_sequences(x, sequence_length, sequence_stride)", "ops.extract_sequences")

"""Indexing and gathering: getitem (``x[...]``), slice, strided_slice, take, gather,
take_along_axis, one_hot, pad.

``getitem``'s key is a tuple of items: ``("index", i)``, ``("slice", start, stop, step)``,
``("newaxis",)``, ``("ellipsis",)``; another item (a tensor index...) makes the output
unknown. Keras facts (``GetItem.compute_output_spec``): a missing ``...`` is added at the
end; ``...`` stands for the axes the other items (but ``newaxis``) leave; an int drops its
axis and, on a known size, must be in range; a slice of a known size has Python's length, of
an undefined size stays undefined; more items than axes fail. TensorFlow's strided slices
agree, and also refuse a zero step.
"""

from __future__ import annotations

from typing import Any

from seqlint.dims import NONE, UNKNOWN, Dim, Shape, Sym, is_known, product
from seqlint.shapes.ops.aliases import aliases
from seqlint.shapes.ops.common import (
    Unreadable,
    as_dim,
    axis,
    broadcast,
    differ,
    dims,
    fail,
    integer,
    items,
    merged,
    undefined,
)
from seqlint.shapes.ops.registry import OpCall, op

_ELLIPSIS, _NEWAXIS = ("ellipsis",), ("newaxis",)


@op("getitem", "x:tensor, key")
def getitem(call: OpCall) -> list[Shape]:
    return [Shape(tuple(indexed(call["x"], call["key"])))]


def indexed(shape: Shape, key: Any) -> list[Dim]:
    """The sizes of ``shape[key]`` (Keras's ``GetItem``)."""
    remaining = list(dims(shape))
    if not isinstance(key, tuple) or not all(_readable(item) for item in key):
        raise Unreadable
    rest = list(key)
    if rest.count(_ELLIPSIS) > 1:
        raise fail(f"{shape}[...]: one ellipsis at most")
    if _ELLIPSIS not in rest:
        rest.append(_ELLIPSIS)
    out: list[Dim] = []
    while rest:
        item = rest.pop(0)
        if item == _ELLIPSIS:
            consumed = len(remaining) - (len(rest) - rest.count(_NEWAXIS))
            out += remaining[:consumed]
            remaining = remaining[consumed:]
        elif item == _NEWAXIS:
            out.append(1)
        elif not remaining:
            raise fail(f"{shape} has fewer axes than the index has items")
        elif item[0] == "index":
            _check_index(shape, remaining.pop(0), item[1])
        else:
            out.append(_sliced(remaining.pop(0), *item[1:]))
    return out


def _readable(item: Any) -> bool:
    if not isinstance(item, tuple) or not item:
        return False
    if item in (_ELLIPSIS, _NEWAXIS):
        return True
    return item[0] == "index" and len(item) == 2 or item[0] == "slice" and len(item) == 4


def _check_index(shape: Shape, size: Dim, index: Any) -> None:
    if is_known(size) and is_known(index) and not -size <= index < size:
        raise fail(f"index {index} is out of range for an axis of size {size} of {shape}")


def _sliced(size: Dim, start: Any, stop: Any, step: Any) -> Dim:
    """The length of ``slice(start, stop, step)`` on an axis of ``size``."""
    bounds = (start, stop, step)
    if step == 0 and is_known(step):
        raise fail("a slice step cannot be zero")
    if not all(b is None or is_known(b) for b in bounds):
        return UNKNOWN
    whole = start in (None, 0) and stop is None and step in (None, 1)
    if whole or start is None and stop is None and step == -1:
        return size
    if is_known(size):
        return len(range(*slice(start, stop, step).indices(size)))
    return NONE if undefined(size) else UNKNOWN


aliases("getitem(a->x, b->key)", "operator.getitem")
aliases("getitem(x, key)", "ops.get_item")


@op(
    "strided_slice",
    "input_:tensor, begin, end, strides=None, begin_mask=0, end_mask=0, ellipsis_mask=0, "
    "new_axis_mask=0, shrink_axis_mask=0",
)
def strided_slice(call: OpCall) -> list[Shape]:
    """TensorFlow's ``strided_slice``: each position of ``begin``/``end``/``strides`` is an
    index (shrink bit), a new axis, the ellipsis, or a slice whose bounds the mask bits
    drop. As ``getitem``, but more items than axes fail."""
    begin, end = items(call["begin"]), items(call["end"])
    strides = items(call["strides"]) if call["strides"] is not None else (1,) * len(begin)
    masks = [integer(call[m]) for m in ("begin_mask", "end_mask", "ellipsis_mask")]
    new_axis, shrink = integer(call["new_axis_mask"]), integer(call["shrink_axis_mask"])
    if not len(begin) == len(end) == len(strides):
        raise fail("strided_slice: begin, end and strides need one length")
    key: list[tuple] = []
    for i, (first, last, step) in enumerate(zip(begin, end, strides, strict=True)):
        bit = 1 << i
        if masks[2] & bit:
            key.append(_ELLIPSIS)
        elif new_axis & bit:
            key.append(_NEWAXIS)
        elif shrink & bit:
            key.append(("index", first))
        else:
            start = None if masks[0] & bit else first
            stop = None if masks[1] & bit else last
            key.append(("slice", start, stop, step))
    needed = sum(1 for item in key if item not in (_ELLIPSIS, _NEWAXIS))
    if _ELLIPSIS not in key and needed > len(dims(call["input_"])):
        raise fail(f"strided_slice: {needed} indices for a tensor of rank {call['input_'].rank}")
    return [Shape(tuple(indexed(call["input_"], tuple(key))))]


aliases(
    "strided_slice(input_, begin, end, strides=None, begin_mask=0, end_mask=0, "
    "ellipsis_mask=0, new_axis_mask=0, shrink_axis_mask=0, var->_)",
    "tensorflow.strided_slice",
)


@op("slice", "inputs:tensor, start_indices, shape, static='keras'")
def slice_(call: OpCall) -> list[Shape]:
    """A block ``shape`` long from ``start_indices`` (one of each per axis); a -1 runs to the
    end. A known block must fit in a known size (Keras checks it when it runs)."""
    source = dims(call["inputs"])
    starts, lengths = items(call["start_indices"]), [as_dim(d) for d in items(call["shape"])]
    if len(starts) != len(source) or len(lengths) != len(source):
        raise fail(f"slice needs one start and one size per axis of {call['inputs']}")
    out: list[Dim] = []
    for size, start, length in zip(source, starts, lengths, strict=True):
        if is_known(length) and length < -1 or is_known(start) and start < 0:
            raise fail(f"slice: start {start} and size {length} must not be negative")
        end = start + length if is_known(start) and is_known(length) and length != -1 else None
        if is_known(size) and (end is not None and end > size or is_known(start) and start > size):
            raise fail(f"slice of {call['inputs']}: [{start}, {end or size}) is out of {size}")
        if length != -1 or not is_known(length):
            out.append(length)
        elif is_known(size) and is_known(start):
            out.append(size - start)
        else:
            out.append(NONE if undefined(size) else UNKNOWN)
    return [Shape(tuple(out))]


aliases("slice(inputs, start_indices, shape)", "ops.slice")
aliases("slice(input_->inputs, begin->start_indices, size->shape; static='tf')", "tensorflow.slice")

# -- gathering -------------------------------------------------------------------------------


def index_shape(value: Any) -> tuple[Dim, ...]:
    """The shape of indices given as a tensor, an int, or nested lists of ints."""
    if isinstance(value, Shape):
        return dims(value)
    if is_known(value) or isinstance(value, Sym):
        return ()
    if isinstance(value, (tuple, list)):
        inner = {index_shape(v) for v in value}
        if len(inner) != 1:
            raise Unreadable
        return (len(value), *inner.pop()) if value else (0,)
    raise Unreadable


@op("take", "x:tensor, indices:tensor, axis=None")
def take(call: OpCall) -> list[Shape]:
    """``axis=None``: the indices' shape (``x`` flattened); else ``x``'s axis replaced by the
    indices' axes."""
    indices = index_shape(call["indices"])
    if call["axis"] is None:
        return [Shape(indices)]
    source = dims(call["x"])
    at = axis(call["axis"], len(source))
    return [Shape((*source[:at], *indices, *source[at + 1 :]))]


aliases("take(x, indices, axis=None)", "ops.take")


@op("gather", "params:tensor, indices:tensor, axis=None, batch_dims=0")
def gather(call: OpCall) -> list[Shape]:
    """TensorFlow's ``gather``: ``params``' axis replaced by the indices' axes after the
    first ``batch_dims``, which both share (``axis >= batch_dims``). ``axis=None`` is
    ``batch_dims``; ``axis=0`` drops ``batch_dims`` (``tf.gather`` calls ``GatherV2``
    without it then)."""
    source, indices = dims(call["params"]), index_shape(call["indices"])
    batch = integer(call["batch_dims"])
    batch = batch + len(indices) if batch < 0 else batch
    value = batch if call["axis"] is None else integer(call["axis"])
    if value == 0 and call["axis"] is not None:
        batch = 0
    at = axis(value, len(source))
    if not 0 <= batch <= len(indices) or batch > at:
        raise fail(f"gather: batch_dims={call['batch_dims']} with axis {at} and indices {indices}")
    for a, b in zip(source[:batch], indices[:batch], strict=False):
        if is_known(a) and is_known(b) and a != b:
            raise fail(f"gather: the batch axes of {call['params']} and the indices differ")
    return [Shape((*source[:at], *indices[batch:], *source[at + 1 :]))]


aliases(
    "gather(params, indices, validate_indices->_, axis=None, batch_dims=0)", "tensorflow.gather"
)
aliases("gather(reference->params, indices)", "backend.gather")


@op("take_along_axis", "x:tensor, indices:tensor, axis=None")
def take_along_axis(call: OpCall) -> list[Shape]:
    """``x`` (flattened when ``axis`` is None) and the indices have one rank; ``x``'s axis
    takes the indices' size, then both broadcast."""
    source, indices = list(dims(call["x"])), dims(call["indices"])
    if call["axis"] is None:
        source = [product(tuple(source))]
    if len(source) != len(indices):
        raise fail(f"take_along_axis needs indices of rank {len(source)}, got {len(indices)}")
    at = 0 if call["axis"] is None else axis(call["axis"], len(source))
    source[at] = indices[at]
    return [broadcast(Shape(tuple(source)), Shape(indices))]


aliases("take_along_axis(x, indices, axis=None)", "ops.take_along_axis")


@op("one_hot", "x:tensor, num_classes, axis=-1, dtype=None, sparse=False, static='keras'")
def one_hot(call: OpCall) -> list[Shape]:
    """A new axis of ``num_classes`` at ``axis``: -1 (the end) or an existing position in
    Keras, any position of the output in TensorFlow."""
    source = index_shape(call["x"])
    depth = as_dim(call["num_classes"])
    at = -1 if call["axis"] is None else integer(call["axis"])
    if at == -1:
        return [Shape((*source, depth))]
    limit = len(source) if call["static"] == "keras" else len(source) + 1
    if not 0 <= at < limit:
        raise fail(f"one_hot axis={at} for indices of rank {len(source)}")
    return [Shape((*source[:at], depth, *source[at:]))]


aliases("one_hot(x, num_classes, axis=-1, dtype=None, sparse=False)", "ops.one_hot")
aliases(
    "one_hot(indices->x, depth->num_classes, on_value->_, off_value->_, axis=None, dtype=None; "
    "static='tf')",
    "tensorflow.one_hot",
)
aliases("one_hot(indices->x, num_classes; static='tf')", "backend.one_hot")


@op("pad", "x:tensor, pad_width, mode='constant', constant_values=None, static='keras'")
def pad(call: OpCall) -> list[Shape]:
    """Each axis grows by its two widths (an undefined size stays undefined). Keras takes
    one width, one pair for every axis, or a pair per axis; TensorFlow a pair per axis."""
    source = dims(call["x"])
    widths = _pairs(call["pad_width"], len(source), call["static"])
    out = []
    for size, (before, after) in zip(source, widths, strict=True):
        if before < 0 or after < 0:
            raise fail(f"pad widths must not be negative, got {(before, after)}")
        out.append(size + before + after if is_known(size) else size)
    return [Shape(tuple(out))]


def _pairs(value: Any, rank: int, static: str) -> list[tuple[int, int]]:
    flat = is_known(value) or isinstance(value, (tuple, list)) and all(is_known(v) for v in value)
    if static == "tf" and flat:
        raise fail(f"tf.pad takes a pair of widths per axis, got {value}")
    if static == "keras" and is_known(value):
        return [(value, value)] * rank
    if not isinstance(value, (tuple, list)) or not value:
        raise Unreadable
    if static == "keras" and all(is_known(v) for v in value):
        if len(value) not in (1, 2):
            raise fail(f"pad width {value}: one width or a pair")
        return [(value[0], value[-1])] * rank
    pairs = [items(pair) for pair in value]
    if not all(is_known(v) for pair in pairs for v in pair):
        raise Unreadable
    lengths = {len(pair) for pair in pairs}
    if lengths != {2} and not (static == "keras" and lengths == {1}):
        raise fail(f"pad widths {value}: a pair per axis")
    if len(pairs) != rank and not (static == "keras" and len(pairs) == 1):
        raise fail(f"pad widths {value}: one pair per axis of a tensor of rank {rank}")
    return [(pair[0], pair[-1]) for pair in pairs] * (rank if len(pairs) == 1 else 1)


aliases("pad(x, pad_width, mode='constant', constant_values=None)", "ops.pad")
aliases(
    "pad(tensor->x, paddings->pad_width, mode='CONSTANT', constant_values=0; static='tf')",
    "tensorflow.pad",
)


@op("backend_temporal_padding", "x:tensor, padding=(1, 1)")
def temporal_padding(call: OpCall) -> list[Shape]:
    """Keras 2's ``K.temporal_padding``: a rank-3 tensor's axis 1 grows by the pair."""
    source = dims(call["x"])
    widths = items(call["padding"])
    if len(widths) != 2 or not all(is_known(w) for w in widths):
        raise Unreadable
    if len(source) != 3:
        raise fail(f"K.temporal_padding needs a tensor of rank 3, got {call['x']}")
    middle = source[1] + sum(widths) if is_known(source[1]) else source[1]
    return [Shape((source[0], middle, source[2]))]


aliases("backend_temporal_padding(x, padding=(1, 1))", "backend.temporal_padding")


@op("multi_hot", "inputs:tensor, num_classes=None, axis=-1, dtype=None, sparse=False")
def multi_hot(call: OpCall) -> list[Shape]:
    """Keras's static shape: ``one_hot``'s, then the second axis dropped (for two axes,
    only the last kept)."""
    [shape] = one_hot(OpCall("one_hot", {**call.args, "x": call["inputs"], "static": "keras"}))
    sizes = dims(shape)
    return [Shape(sizes[-1:] if len(sizes) == 2 else (*sizes[:1], *sizes[2:]))]


aliases("multi_hot(inputs, num_classes=None, axis=-1, dtype=None, sparse=False)", "ops.multi_hot")


@op("sequence_mask", "lengths:tensor, maxlen=None, dtype=None")
def sequence_mask(call: OpCall) -> list[Shape]:
    """TensorFlow's mask: the lengths' shape, then ``maxlen`` (None: undefined)."""
    return [Shape((*index_shape(call["lengths"]), as_dim(call["maxlen"])))]


aliases("sequence_mask(lengths, maxlen=None, dtype=None)", "tensorflow.sequence_mask")


@op("in_top_k", "targets:tensor, predictions:tensor, k, static='keras'")
def in_top_k(call: OpCall) -> list[Shape]:
    """One bool per target. TensorFlow checks the predictions are ``(batch, classes)`` and
    the targets ``(batch,)``; Keras's static shapes check nothing."""
    targets, predictions = dims(call["targets"]), dims(call["predictions"])
    if call["static"] == "keras":
        return [call["targets"]]
    if len(predictions) != 2 or len(targets) != 1 or differ(targets[0], predictions[0]):
        raise fail("in_top_k needs predictions (batch, classes) and targets (batch,)")
    return [Shape((merged(targets[0], predictions[0]),))]


aliases("in_top_k(targets, predictions, k)", "ops.in_top_k")
aliases("in_top_k(targets, predictions, k; static='tf')", "tensorflow.math.in_top_k")
aliases("in_top_k(predictions, targets, k; static='tf')", "backend.in_top_k")


@op("slice_update", "inputs:tensor, start_indices, updates:tensor")
@op("scatter_update", "inputs:tensor, indices, updates:tensor, reduction=None")
def updated(call: OpCall) -> list[Shape]:
    """The input's shape (Keras's static shapes check nothing more)."""
    return [call["inputs"]]


aliases("slice_update(inputs, start_indices, updates)", "ops.slice_update")
aliases("scatter_update(inputs, indices, updates, reduction=None)", "ops.scatter_update")


@op("scatter", "indices:tensor, values:tensor, shape")
def scatter(call: OpCall) -> list[Shape]:
    """The given shape."""
    return [Shape(tuple(as_dim(d) for d in items(call["shape"])))]


aliases("scatter(indices, values, shape)", "ops.scatter")

"""Tensors made from sizes: zeros, ones, full (``tf.fill``), eye, arange (``tf.range``).

The shape is the argument: a size may be the batch size (``tf.shape(x)[0]``) or a named
size; a negative size fails. ``arange`` holds ``ceil((stop - start) / step)`` values; a zero
step, or one away from ``stop``, fails.
"""

from __future__ import annotations

import math
from typing import Any

from seqlint.dims import UNKNOWN, Dim, Shape, is_known
from seqlint.shapes.ops.aliases import aliases
from seqlint.shapes.ops.common import Unreadable, as_dim, fail, items
from seqlint.shapes.ops.registry import OpCall, op


def sizes(value: Any) -> tuple[Dim, ...]:
    """A shape argument (an int or a tuple/list of sizes)."""
    out = tuple(as_dim(d) for d in items(value))
    if any(is_known(d) and d < 0 for d in out):
        raise fail(f"a shape cannot have a negative size, got {value}")
    return out


@op("zeros", "shape, dtype=None")
@op("ones", "shape, dtype=None")
@op("full", "shape, fill_value, dtype=None")
def filled(call: OpCall) -> list[Shape]:
    """The given shape (``full`` and ``tf.fill`` need a list of sizes, not an int)."""
    if call.name == "full" and not isinstance(call["shape"], (tuple, list)):
        raise fail(f"full needs a list of sizes, got {call['shape']}")
    return [Shape(sizes(call["shape"]))]


aliases("zeros(shape, dtype=None)", "ops.zeros")
aliases("ones(shape, dtype=None)", "ops.ones")
aliases("full(shape, fill_value, dtype=None)", "ops.full")
aliases("zeros(shape, dtype=None, name->_, layout->_)", "tensorflow.zeros")
aliases("ones(shape, dtype=None, name->_, layout->_)", "tensorflow.ones")
aliases("zeros(shape, dtype=None)", "backend.zeros")
aliases("ones(shape, dtype=None)", "backend.ones")
aliases("full(dims->shape, value->fill_value, name->_, layout->_)", "tensorflow.fill")


@op("eye", "N, M=None, k=0, dtype=None, batch_shape=None")
def eye(call: OpCall) -> list[Shape]:
    """``(N, M)`` (M defaults to N), after TensorFlow's ``batch_shape``."""
    rows = sizes(call["N"])
    columns = rows if call["M"] is None else sizes(call["M"])
    batch = () if call["batch_shape"] is None else sizes(call["batch_shape"])
    if len(rows) != 1 or len(columns) != 1:
        raise Unreadable
    return [Shape((*batch, rows[0], columns[0]))]


aliases("eye(N, M=None, k=0, dtype=None)", "ops.eye")
aliases("eye(num_rows->N, num_columns->M=None, batch_shape=None, dtype=None)", "tensorflow.eye")
aliases("eye(size->N, dtype=None)", "backend.eye")


@op("arange", "start, stop=None, step=1, dtype=None, static='keras'")
def arange(call: OpCall) -> list[Shape]:
    """``ceil((stop - start) / step)`` values (``arange(n)`` has ``n``); TensorFlow's
    ``Range`` refuses a step that goes away from ``stop``. Keras 2's ``K.arange(n)`` with a
    negative ``n`` is empty (``static``)."""
    start, stop, step = call["start"], call["stop"], call["step"]
    if stop is None:
        start, stop = 0, start
        if call["static"] == "backend" and is_known(stop) and stop < 0:
            stop = 0
    if is_known(step) and step == 0:
        raise fail("arange: the step cannot be zero")
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (start, stop, step)):
        if step > 0 and start > stop or step < 0 and start < stop:
            raise fail(f"arange from {start} to {stop} by {step} goes the wrong way")
        return [Shape((math.ceil((stop - start) / step),))]
    if start == 0 and step == 1:  # arange(n) for a size n seqlint knows by name
        return [Shape((as_dim(stop),))]
    return [Shape((UNKNOWN,))]


aliases("arange(start, stop=None, step=1, dtype=None)", "ops.arange")
aliases("arange(start, limit->stop=None, delta->step=1, dtype=None)", "tensorflow.range")
aliases("arange(start, stop=None, step=1, dtype='int32'; static='backend')", "backend.arange")

"""Ops along an axis that keep or flatten the shape: cumsum, cumprod, sort, argsort, flip
(``tf.reverse``), roll, diff, and top_k.

Keras facts (``keras.ops``): ``cumsum``, ``cumprod``, ``sort`` and ``argsort`` with
``axis=None`` flatten the tensor (None when a size is); otherwise the axis must exist.
``top_k`` replaces the last axis by ``k`` without comparing them. TensorFlow takes one int
axis and a tensor of rank 1 or more where noted.
"""

from __future__ import annotations

from seqlint.dims import Shape, is_known, product
from seqlint.shapes.ops.aliases import aliases
from seqlint.shapes.ops.common import Unreadable, axes, axis, dims, fail, integer, items, two
from seqlint.shapes.ops.registry import OpCall, op


@op("nancumsum", "x:tensor, axis=None, dtype=None, static='keras'")
@op("nancumprod", "x:tensor, axis=None, dtype=None, static='keras'")
@op("cumsum", "x:tensor, axis=None, dtype=None, static='keras'")
@op("cumprod", "x:tensor, axis=None, dtype=None, static='keras'")
@op("sort", "x:tensor, axis=-1, static='keras'")
@op("argsort", "x:tensor, axis=-1, static='keras'")
def along_axis(call: OpCall) -> list[Shape]:
    """The shape kept (Keras: ``axis=None`` flattens). TensorFlow (``static``) takes one int
    axis and, to sort, a tensor of rank 1 or more."""
    source = dims(call["x"])
    if call["static"] == "keras" and call["axis"] is None:
        return [Shape((product(source),))]
    if call["static"] == "tf" and call.name in ("sort", "argsort") and not source:
        raise fail(f"tf.{call.name} needs a tensor of rank 1 or more")
    if call["static"] == "tf" and (call["axis"] is None or isinstance(call["axis"], (tuple, list))):
        raise fail(f"tf.{call.name} takes one int axis")
    axis(call["axis"], len(source))
    return [call["x"]]


aliases("cumsum(x, axis=None, dtype=None)", "ops.cumsum")
aliases("cumprod(x, axis=None, dtype=None)", "ops.cumprod")
aliases("nancumsum(x, axis=None, dtype=None)", "ops.nancumsum")
aliases("nancumprod(x, axis=None, dtype=None)", "ops.nancumprod")
aliases(
    "cumsum(x, axis=0, exclusive->_, reverse->_; static='tf')",
    "tensorflow.cumsum",
    "tensorflow.math.cumsum",
)
aliases("cumprod(x, axis=0, exclusive->_, reverse->_; static='tf')", "tensorflow.math.cumprod")
aliases("cumsum(x, axis=0; static='tf')", "backend.cumsum")
aliases("cumprod(x, axis=0; static='tf')", "backend.cumprod")
aliases("sort(x, axis=-1)", "ops.sort")
aliases("argsort(x, axis=-1)", "ops.argsort")
aliases("sort(values->x, axis=-1, direction->_; static='tf')", "tensorflow.sort")
aliases("argsort(values->x, axis=-1, direction->_, stable->_; static='tf')", "tensorflow.argsort")


@op("flip", "x:tensor, axis=None, static='keras'")
def flip(call: OpCall) -> list[Shape]:
    """The shape kept; each axis must exist (Keras: None flips all). TensorFlow's
    ``reverse`` takes a list of distinct axes (``K.reverse`` an int too)."""
    source = dims(call["x"])
    chosen = axes(call["axis"], len(source))
    if call["static"] == "tf" and not isinstance(call["axis"], (tuple, list)):
        raise fail("tf.reverse takes a list of axes")
    if call["static"] != "keras" and chosen is not None and len(set(chosen)) != len(chosen):
        raise fail(f"reverse: axes {tuple(items(call['axis']))} repeat an axis")
    return [call["x"]]


aliases("flip(x, axis=None)", "ops.flip")
aliases("flip(tensor->x, axis; static='tf')", "tensorflow.reverse")
aliases("flip(x, axes->axis; static='backend')", "backend.reverse")


@op("flipud", "x:tensor")
@op("fliplr", "x:tensor")
def flip_axis(call: OpCall) -> list[Shape]:
    """The shape kept; ``flipud`` needs rank 1 or more, ``fliplr`` rank 2 or more."""
    needed = 1 if call.name == "flipud" else 2
    if len(dims(call["x"])) < needed:
        raise fail(f"{call.name} needs a tensor of rank {needed} or more, got {call['x']}")
    return [call["x"]]


aliases("flipud(x)", "ops.flipud")
aliases("fliplr(x)", "ops.fliplr")


@op("roll", "x:tensor, shift, axis=None, static='keras'")
def roll(call: OpCall) -> list[Shape]:
    """The shape kept; each axis must exist. TensorFlow needs one shift per axis: both
    numbers, or lists of one length."""
    source = dims(call["x"])
    axes(call["axis"], len(source))
    shift, at = call["shift"], call["axis"]
    listed = isinstance(shift, (tuple, list)), isinstance(at, (tuple, list))
    if call["static"] == "tf" and (listed[0] != listed[1] or len(items(shift)) != len(items(at))):
        raise fail("tf.roll needs one shift per axis")
    return [call["x"]]


aliases("roll(x, shift, axis=None)", "ops.roll")
aliases("roll(input->x, shift, axis; static='tf')", "tensorflow.roll")


@op("diff", "a:tensor, n=1, axis=-1")
def diff(call: OpCall) -> list[Shape]:
    """The axis shortened by ``n`` (not below 0)."""
    source = list(dims(call["a"]))
    at = axis(call["axis"], len(source))
    if is_known(source[at]):
        source[at] = max(source[at] - integer(call["n"]), 0)
    return [Shape(tuple(source))]


aliases("diff(a, n=1, axis=-1)", "ops.diff")


@op("top_k", "x:tensor, k, sorted=True, static='keras'", outputs=two)
def top_k(call: OpCall) -> list[Shape]:
    """The values and their indices: the last axis becomes ``k``. TensorFlow checks ``k``
    against a known last size statically; Keras only when it runs (always failing then)."""
    source = dims(call["x"])
    if not source:
        raise fail(f"top_k needs a tensor of rank 1 or more, got {call['x']}")
    k = call["k"]
    if not is_known(k):
        raise Unreadable
    if k < 0 or is_known(source[-1]) and source[-1] < k:
        raise fail(f"top_k with k={k}: the last axis of {call['x']} has size {source[-1]}")
    shape = Shape((*source[:-1], k))
    return [shape, shape]


aliases("top_k(x, k, sorted=True)", "ops.top_k")
aliases(
    "top_k(input->x, k=1, sorted=True, index_type->_; static='tf')",
    "tensorflow.math.top_k",
    "tensorflow.nn.top_k",
)

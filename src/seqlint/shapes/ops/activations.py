"""Activations and normalizations along an axis: softmax, log_softmax, sparsemax, normalize
(``l2_normalize``), glu. The shape is kept (glu halves its axis); the axis must exist.

Keras facts (``keras.ops.nn``): ``softmax``, ``log_softmax`` and ``normalize`` take an axis,
a tuple of axes, or None (then nothing is checked); ``sparsemax`` and ``glu`` one axis;
``glu``'s axis, when known, must be even. TensorFlow's ``nn.softmax`` takes one axis (None is
-1); Keras 2's ``K.softmax`` refuses a tensor of rank 1 or less and takes a tuple too;
``l2_normalize`` reduces over its axes (None: all of them).
"""

from __future__ import annotations

from seqlint.dims import Shape, is_known
from seqlint.shapes.ops.aliases import aliases
from seqlint.shapes.ops.common import (
    axes,
    axis,
    broadcast,
    differ,
    dims,
    fail,
    merged,
)
from seqlint.shapes.ops.crossentropy import keras_unequal
from seqlint.shapes.ops.registry import OpCall, op


@op("softmax", "x:tensor, axis=-1, static='keras'")
@op("log_softmax", "x:tensor, axis=-1, static='keras'")
def softmax(call: OpCall) -> list[Shape]:
    """The shape kept; each axis must exist. ``static``: 'tf' takes one axis, None being -1;
    'backend' (``K.softmax``) needs rank 2 or more."""
    shape, static = call["x"], call["static"]
    rank = len(dims(shape))
    if static == "backend" and rank <= 1:
        raise fail(f"K.softmax needs a tensor of rank 2 or more, got {shape}")
    value = -1 if static == "tf" and call["axis"] is None else call["axis"]
    if static == "tf" and isinstance(value, (tuple, list)):
        raise fail(f"tf.nn.{call.name} takes one axis")
    axes(value, rank)
    return [shape]


aliases("softmax(x, axis=-1)", "ops.softmax")
aliases("softmax(x, axis=-1; static='backend')", "backend.softmax")
aliases(
    "softmax(logits->x, axis=None; static='tf')", "tensorflow.nn.softmax", "tensorflow.math.softmax"
)
aliases("log_softmax(x, axis=-1)", "ops.log_softmax")
aliases(
    "log_softmax(logits->x, axis=None; static='tf')",
    "tensorflow.nn.log_softmax",
    "tensorflow.math.log_softmax",
)


@op("sparsemax", "x:tensor, axis=-1")
def sparsemax(call: OpCall) -> list[Shape]:
    """The shape kept; the axis must exist."""
    axis(call["axis"], len(dims(call["x"])))
    return [call["x"]]


aliases("sparsemax(x, axis=-1)", "ops.sparsemax")


@op("normalize", "x:tensor, axis=-1, order=2, epsilon=None")
def normalize(call: OpCall) -> list[Shape]:
    """The shape kept; each axis must exist (None: all of them)."""
    axes(call["axis"], len(dims(call["x"])))
    return [call["x"]]


aliases("normalize(x, axis=-1, order=2, epsilon=None)", "ops.normalize")
aliases(
    "normalize(x, axis=None, epsilon->_, name->_, dim->_)",
    "tensorflow.math.l2_normalize",
    "tensorflow.nn.l2_normalize",
    "tensorflow.linalg.l2_normalize",
)
aliases("normalize(x, axis=None)", "backend.l2_normalize")


@op("glu", "x:tensor, axis=-1")
def glu(call: OpCall) -> list[Shape]:
    """The axis halved; a known size must be even."""
    source = list(dims(call["x"]))
    at = axis(call["axis"], len(source))
    size = source[at]
    if is_known(size):
        if size % 2:
            raise fail(f"glu needs an even size on axis {at}, got {size}")
        source[at] = size // 2
    return [Shape(tuple(source))]


aliases("glu(x, axis=-1)", "ops.glu")


@op("layer_normalization", "x:tensor, gamma:tensor=None, beta:tensor=None, axis=-1, epsilon=None")
@op("rms_normalization", "x:tensor, scale:tensor=None, axis=-1, epsilon=None")
def layer_normalization(call: OpCall) -> list[Shape]:
    """The shape kept; Keras's static shapes check nothing, but an axis that does not exist
    fails when it runs."""
    axes(call["axis"], len(dims(call["x"])))
    return [call["x"]]


aliases(
    "layer_normalization(x, gamma=None, beta=None, axis=-1, epsilon=None)",
    "ops.layer_normalization",
)
aliases("rms_normalization(x, scale=None, axis=-1, epsilon=None)", "ops.rms_normalization")


@op("bias_add", "value:tensor, bias:tensor, data_format=None, static='tf'")
def bias_add(call: OpCall) -> list[Shape]:
    """``value`` (rank 2 or more) plus a rank-1 ``bias`` as long as its last axis (its axis
    1 for ``NC...``/``channels_first``); the channel size merged. Keras 2's ``K.bias_add``
    also takes a bias of rank ``ndim - 1`` for a tensor of rank 3 to 5, broadcast."""
    source, bias = dims(call["value"]), dims(call["bias"])
    fmt = call["data_format"]
    if call["static"] == "backend" and len(bias) not in (1, len(source) - 1):
        raise fail(f"K.bias_add: a bias of rank 1 or {len(source) - 1}, got {call['bias']}")
    if len(bias) != 1:
        if call["static"] == "backend" and len(source) in (3, 4, 5) and fmt != "channels_first":
            return [broadcast(call["value"], Shape((1, *bias)))]
        raise fail(f"bias_add needs a bias of rank 1, got {call['bias']}")
    if len(source) < 2:
        raise fail(f"bias_add needs a tensor of rank 2 or more, got {call['value']}")
    at = 1 if fmt in ("NCHW", "NCW", "NCDHW", "channels_first") else -1
    if differ(source[at], bias[0]):
        raise fail(f"bias_add: {call['bias']} does not match the channels of {call['value']}")
    out = list(source)
    out[at] = merged(source[at], bias[0])
    return [Shape(tuple(out))]


aliases("bias_add(value, bias, data_format=None)", "tensorflow.nn.bias_add")
aliases("bias_add(x->value, bias, data_format=None; static='backend')", "backend.bias_add")


@op(
    "batch_normalization",
    "x:tensor, mean:tensor, variance:tensor, axis, offset:tensor=None, scale:tensor=None, "
    "epsilon=0.001",
)
def batch_normalization(call: OpCall) -> list[Shape]:
    """The shape kept. Keras needs ``mean``, ``variance`` (and ``offset``, ``scale``) of
    shape ``(x.shape[axis],)``, compared as tuples (an ``offset`` without a ``scale`` fails:
    it reads ``scale.shape``)."""
    names = ("mean", "variance", "offset", "scale")
    source = dims(call["x"])
    expected = (source[axis(call["axis"], len(source))],)
    if call["offset"] is not None and call["scale"] is None:
        raise fail("batch_normalization: an offset needs a scale")
    for name in names:
        if call[name] is not None and keras_unequal(dims(call[name]), expected):
            raise fail(f"batch_normalization: {name} must be {Shape(expected)}, got {call[name]}")
    return [call["x"]]


aliases(
    "batch_normalization(x, mean, variance, axis, offset=None, scale=None, epsilon=0.001)",
    "ops.batch_normalization",
)


@op(
    "dot_product_attention",
    "query:tensor, key:tensor, value:tensor, bias:tensor=None, mask:tensor=None, scale=None, "
    "is_causal=False, flash_attention=None, attn_logits_soft_cap=None",
)
def dot_product_attention(call: OpCall) -> list[Shape]:
    """Keras's static shape is the query's. Running it (TensorFlow) needs ``(batch, length,
    heads, size)`` operands: one batch; the key's size the query's, its length the value's;
    the query's heads a multiple of the key's, which are the value's."""
    query, key, value = (dims(call[n]) for n in ("query", "key", "value"))
    if not len(query) == len(key) == len(value) == 4:
        raise fail("dot_product_attention needs query, key and value of rank 4")
    pairs = ((query[0], key[0]), (key[0], value[0]), (query[3], key[3]), (key[1], value[1]))
    heads = (key[2], value[2])
    if any(differ(a, b) for a, b in (*pairs, heads)) or (
        is_known(query[2]) and is_known(key[2]) and key[2] and query[2] % key[2]
    ):
        raise fail(
            f"dot_product_attention of {call['query']}, {call['key']} and {call['value']}: "
            "their sizes do not match"
        )
    return [call["query"]]


aliases(
    "dot_product_attention(query, key, value, bias=None, mask=None, scale=None, "
    "is_causal=False, flash_attention=None, attn_logits_soft_cap=None)",
    "ops.dot_product_attention",
)

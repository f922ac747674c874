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
from seqlint.shapes.ops.common import axes, axis, dims, fail
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

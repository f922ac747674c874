"""Elementwise ops: NumPy broadcasting between operands, or the operand's shape kept.

Keras facts (``keras.ops.broadcast_shapes``, TensorFlow's static shape inference agrees):
shapes are aligned on the right; a size 1 takes the other size; an undefined size (None)
takes the other's unless that is 1; two known sizes other than 1 that differ fail
("Cannot broadcast shape").
"""

from __future__ import annotations

from seqlint.dims import Shape
from seqlint.shapes.ops.aliases import aliases
from seqlint.shapes.ops.common import axis, broadcast, dims, scalar_or_shape
from seqlint.shapes.ops.registry import OpCall, op

_BINARY = ("add", "subtract", "multiply", "divide")


@op("divide", "x1:tensor, x2:tensor")
@op("multiply", "x1:tensor, x2:tensor")
@op("subtract", "x1:tensor, x2:tensor")
@op("add", "x1:tensor, x2:tensor")
def binary(call: OpCall) -> list[Shape]:
    return [broadcast(scalar_or_shape(call["x1"]), scalar_or_shape(call["x2"]))]


for _name, _tf, _operator in (
    ("add", ("add", "math.add"), "add"),
    ("subtract", ("subtract", "math.subtract"), "sub"),
    ("multiply", ("multiply", "math.multiply"), "mul"),
    ("divide", ("divide", "math.divide", "truediv", "math.truediv"), "truediv"),
):
    aliases(f"{_name}(x1, x2)", f"ops.{_name}", f"operator.{_operator}")
    aliases(f"{_name}(x->x1, y->x2)", *(f"tensorflow.{n}" for n in _tf))


@op("sigmoid", "x:tensor")
@op("exp", "x:tensor")
@op("tanh", "x:tensor")
def unary(call: OpCall) -> list[Shape]:
    return [scalar_or_shape(call["x"])]


for _name, _tf in (
    ("tanh", ("tanh", "math.tanh", "nn.tanh")),
    ("exp", ("exp", "math.exp")),
    ("sigmoid", ("sigmoid", "math.sigmoid", "nn.sigmoid")),
):
    aliases(f"{_name}(x)", f"ops.{_name}", f"backend.{_name}")
    aliases(f"{_name}(x)", *(f"tensorflow.{n}" for n in _tf))


@op("softmax", "x:tensor, axis=-1")
def softmax(call: OpCall) -> list[Shape]:
    """Keeps the shape; the axis must exist."""
    shape = call["x"]
    axis(call["axis"], len(dims(shape)))
    return [shape]


aliases("softmax(x, axis=-1)", "ops.softmax", "backend.softmax")
aliases("softmax(logits->x, axis=-1)", "tensorflow.nn.softmax", "tensorflow.math.softmax")

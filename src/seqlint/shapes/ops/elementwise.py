"""Elementwise ops of two or three operands: NumPy broadcasting between them.

Keras facts (``keras.ops.broadcast_shapes``, TensorFlow's static shape inference agrees):
shapes are aligned on the right; a size 1 takes the other size; an undefined size (None)
takes the other's unless that is 1; two known sizes other than 1 that differ fail
("Cannot broadcast shape"). A Python number is a scalar (shape ``()``). The Python
operators on Keras tensors (``x + y``, ``x @ w``...) are these ops (``KerasTensor.__add__``
is ``keras.ops.add``...), spelled ``operator.X``.
"""

from __future__ import annotations

from seqlint.dims import NONE, Shape
from seqlint.shapes.ops.aliases import aliases
from seqlint.shapes.ops.common import (
    Unreadable,
    broadcast,
    differ,
    dims,
    fail,
    merged,
    scalar_or_shape,
)
from seqlint.shapes.ops.registry import OpCall, op

# canonical op: (TensorFlow spellings, keras.backend spellings, Python operators)
BINARY: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "add": (("add", "math.add"), (), ("add",)),
    "subtract": (("subtract", "math.subtract"), (), ("sub",)),
    "multiply": (("multiply", "math.multiply"), (), ("mul",)),
    "divide": (("divide", "math.divide", "truediv", "math.truediv", "realdiv"), (), ("truediv",)),
    "floor_divide": (("math.floordiv",), (), ("floordiv",)),
    "power": (("pow", "math.pow"), (), ("pow",)),
    "mod": (("math.floormod", "math.mod"), (), ("mod",)),
    "maximum": (("maximum", "math.maximum"), ("maximum",), ()),
    "minimum": (("minimum", "math.minimum"), ("minimum",), ()),
    "equal": (("equal", "math.equal"), ("equal",), ()),
    "not_equal": (("not_equal", "math.not_equal"), ("not_equal",), ("ne",)),
    "greater": (("greater", "math.greater"), ("greater",), ("gt",)),
    "greater_equal": (("greater_equal", "math.greater_equal"), ("greater_equal",), ("ge",)),
    "less": (("less", "math.less"), ("less",), ("lt",)),
    "less_equal": (("less_equal", "math.less_equal"), ("less_equal",), ("le",)),
    "logical_and": (("logical_and", "math.logical_and"), (), ("and_",)),
    "logical_or": (("logical_or", "math.logical_or"), (), ("or_",)),
    "logical_xor": (("math.logical_xor",), (), ("xor",)),
    "divide_no_nan": (("math.divide_no_nan",), (), ()),
    "arctan2": ((), (), ()),  # tf.math.atan2(y, x): declared below
    "true_divide": ((), (), ()),
    "fmod": ((), (), ()),
    "fmax": ((), (), ()),
    "fmin": ((), (), ()),
    "hypot": ((), (), ()),
    "logaddexp": ((), (), ()),
    "logaddexp2": ((), (), ()),
    "heaviside": ((), (), ()),
    "nextafter": ((), (), ()),
    "ldexp": ((), (), ()),
    "gcd": ((), (), ()),
    "lcm": ((), (), ()),
}
# keras.ops's bitwise ops name their operands x and y; tf.bitwise has each under its name
BITWISE = ("bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift")
BITWISE_ALIASES = {"bitwise_left_shift": "left_shift", "bitwise_right_shift": "right_shift"}


# keras.ops reads both operands' dtype: a Python number fails
NUMBERS_REFUSED = frozenset({"heaviside", "hypot"})


def binary(call: OpCall) -> list[Shape]:
    """The operands broadcast together."""
    if call.name in NUMBERS_REFUSED and not all(isinstance(call[x], Shape) for x in ("x1", "x2")):
        raise fail(f"keras.ops.{call.name} needs tensors, not Python numbers")
    return [broadcast(scalar_or_shape(call["x1"]), scalar_or_shape(call["x2"]))]


for _name, (_tf, _backend, _operators) in BINARY.items():
    op(_name, "x1:tensor, x2:tensor")(binary)
    aliases(f"{_name}(x1, x2)", f"ops.{_name}")
    aliases(f"{_name}(x->x1, y->x2)", *(f"tensorflow.{n}" for n in _tf))
    aliases(f"{_name}(x->x1, y->x2)", *(f"backend.{n}" for n in _backend))
    aliases(f"{_name}(a->x1, b->x2)", *(f"operator.{n}" for n in _operators))
aliases("power(x->x1, a->x2)", "backend.pow")
aliases("arctan2(y->x1, x->x2)", "tensorflow.atan2", "tensorflow.math.atan2")


@op("squared_difference", "x:tensor, y:tensor")
def squared_difference(call: OpCall) -> list[Shape]:
    """TensorFlow's ``(x - y) ** 2``: the operands broadcast."""
    return [broadcast(scalar_or_shape(call["x"]), scalar_or_shape(call["y"]))]


aliases("squared_difference(x, y)", "tensorflow.math.squared_difference")


def bitwise(call: OpCall) -> list[Shape]:
    """TensorFlow broadcasts the operands; Keras's static shape is ``x``'s, unbroadcast and
    unchecked (``static``), and it reads both operands' dtype: a Python number fails (but an
    int shift count)."""
    if call["static"] == "tf":
        return [broadcast(scalar_or_shape(call["x"]), scalar_or_shape(call["y"]))]
    shift = call.name.endswith("_shift") and isinstance(call["y"], int)
    if not isinstance(call["x"], Shape) or not (isinstance(call["y"], Shape) or shift):
        raise fail(f"keras.ops.{call.name} needs tensors, not Python numbers")
    return [call["x"]]


for _name in BITWISE:
    op(_name, "x:tensor, y:tensor, static='keras'")(bitwise)
    aliases(f"{_name}(x, y)", f"ops.{_name}")
    aliases(f"{_name}(x, y; static='tf')", f"tensorflow.bitwise.{_name}")
for _alias, _name in BITWISE_ALIASES.items():
    aliases(f"{_name}(x, y)", f"ops.{_alias}")


@op("where", "condition:tensor, x1:tensor=None, x2:tensor=None, static='keras'")
def where(call: OpCall) -> list[Shape]:
    """The three operands broadcast together. With the condition alone it gives the indices
    of its true values: TensorFlow's shape ``(None, rank)``; Keras's static shape is the
    condition's (``static``). One of ``x1`` and ``x2`` without the other fails."""
    condition = scalar_or_shape(call["condition"])
    if (call["x1"] is None) != (call["x2"] is None):
        raise fail("where takes both x1 and x2, or neither")
    if call["x1"] is None:
        if call["static"] == "keras":
            return [condition]
        return [Shape((NONE, len(dims(condition))))]
    first = broadcast(condition, scalar_or_shape(call["x1"]))
    return [broadcast(first, scalar_or_shape(call["x2"]))]


aliases("where(condition, x1=None, x2=None)", "ops.where")
aliases("where(condition, x->x1=None, y->x2=None; static='tf')", "tensorflow.where")


@op("add_n", "inputs:tensors")
def add_n(call: OpCall) -> list[Shape]:
    """TensorFlow's sum of a list of tensors: one shape, merged (no broadcasting)."""
    shapes = call["inputs"]
    if not isinstance(shapes, tuple) or not shapes:
        raise Unreadable
    out = dims(shapes[0])
    for shape in shapes[1:]:
        other = dims(shape)
        if len(other) != len(out) or any(map(differ, out, other)):
            raise fail(f"add_n needs tensors of one shape, got {shapes[0]} and {shape}")
        out = tuple(map(merged, out, other))
    return [Shape(out)]


aliases("add_n(inputs)", "tensorflow.add_n", "tensorflow.math.add_n")

"""Products of tensors: matmul and its spellings.

Keras facts (``keras.ops.matmul``, NumPy semantics): the last axis of ``x1`` meets the
second-to-last of ``x2`` ("Inner dimensions ... must be equal" when both are known and
differ); the leading axes broadcast; a rank-1 operand is a vector whose axis is dropped from
the result. TensorFlow's ``tf.matmul`` takes ``transpose_a``/``transpose_b``, broadcasts the
leading axes as well, and refuses rank-1 operands.
"""

from __future__ import annotations

from seqlint.dims import Shape, is_known
from seqlint.shapes.ops.aliases import aliases
from seqlint.shapes.ops.common import Unreadable, broadcast, dims, fail
from seqlint.shapes.ops.registry import OpCall, op


@op("matmul", "x1:tensor, x2:tensor, transpose_a=False, transpose_b=False, vectors=True")
def matmul(call: OpCall) -> list[Shape]:
    a, b = dims(call["x1"]), dims(call["x2"])
    if not isinstance(call["transpose_a"], bool) or not isinstance(call["transpose_b"], bool):
        raise Unreadable
    if not a or not b:
        raise fail("matmul needs operands of rank 1 or more, got a scalar")
    if not call["vectors"] and (len(a) < 2 or len(b) < 2):
        raise fail(f"tf.matmul needs operands of rank 2 or more, got {call['x1']} and {call['x2']}")
    if call["transpose_a"] and len(a) >= 2:
        a = (*a[:-2], a[-1], a[-2])
    if call["transpose_b"] and len(b) >= 2:
        b = (*b[:-2], b[-1], b[-2])
    vector_a, vector_b = len(a) == 1, len(b) == 1
    a = (1, *a) if vector_a else a
    b = (*b, 1) if vector_b else b
    inner_a, inner_b = a[-1], b[-2]
    if is_known(inner_a) and is_known(inner_b) and inner_a != inner_b:
        raise fail(
            f"matmul of {call['x1']} and {call['x2']}: the inner sizes differ ({inner_a} and "
            f"{inner_b}); the last axis of the first must equal the second-to-last of the "
            "second",
            got=call["x2"],
        )
    leading = broadcast(Shape(a[:-2]), Shape(b[:-2]))
    assert leading.dims is not None
    out = (*leading.dims, *(() if vector_a else (a[-2],)), *(() if vector_b else (b[-1],)))
    return [Shape(out)]


aliases("matmul(x1, x2)", "ops.matmul", "operator.matmul")
aliases(
    "matmul(a->x1, b->x2, transpose_a=False, transpose_b=False; vectors=False)",
    "tensorflow.matmul",
    "tensorflow.linalg.matmul",
)

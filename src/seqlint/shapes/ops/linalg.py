"""Products of tensors: matmul, dot, tensordot, inner, outer, and Keras 2's ``K.dot`` and
``K.batch_dot``.

Keras facts (``keras.ops``, NumPy semantics): ``matmul`` meets the last axis of ``x1`` with
the second-to-last of ``x2`` ("Inner dimensions ... must be equal" when both are known and
differ), broadcasts the leading axes, and treats a rank-1 operand as a vector whose axis is
dropped; ``dot`` is ``matmul`` for matrices and sums the last axis of ``x1`` with the
second-to-last of ``x2`` otherwise; ``tensordot`` sums ``axes`` axes (an int: the last of
``x1`` with the first of ``x2``), and Keras's static shapes compare their sizes only when
the axes are given as lists (an int count is checked when it runs, always failing then).
TensorFlow's ``tf.matmul`` refuses rank-1 operands and takes ``transpose_*``/``adjoint_*``.
"""

from __future__ import annotations

from seqlint.dims import NONE, UNKNOWN, Dim, Shape, is_known, same
from seqlint.shapes.ops.aliases import aliases
from seqlint.shapes.ops.common import (
    Unreadable,
    axis,
    broadcast,
    counts_cannot_match,
    differ,
    dims,
    fail,
    flag,
    integer,
    items,
    scalar_or_shape,
    undefined,
)
from seqlint.shapes.ops.registry import OpCall, op


def python_unequal(a: Dim, b: Dim) -> bool | None:
    """``a != b`` on the framework's static sizes (None for an undefined one): None when
    seqlint cannot tell."""
    if UNKNOWN in (a, b):
        return None
    if undefined(a) or undefined(b):
        return not (undefined(a) and undefined(b))
    equal = same(a, b)
    return None if equal is None else not equal


# -- matmul ----------------------------------------------------------------------------------


@op(
    "matmul",
    "x1:tensor, x2:tensor, transpose_a=False, transpose_b=False, adjoint_a=False, "
    "adjoint_b=False, vectors=True",
)
def matmul(call: OpCall) -> list[Shape]:
    """Inner sizes must match; leading axes broadcast; a rank-1 operand is a vector
    (``vectors``: Keras; TensorFlow needs rank 2 and transposes or adjoints its operands)."""
    a, b = dims(call["x1"]), dims(call["x2"])
    flip_a = flag(call["transpose_a"]), flag(call["adjoint_a"])
    flip_b = flag(call["transpose_b"]), flag(call["adjoint_b"])
    if all(flip_a) or all(flip_b):
        raise fail("tf.matmul: only one of transpose and adjoint can be True for an operand")
    if not a or not b:
        raise fail("matmul needs operands of rank 1 or more, got a scalar")
    if not call["vectors"] and (len(a) < 2 or len(b) < 2):
        raise fail(f"tf.matmul needs operands of rank 2 or more, got {call['x1']} and {call['x2']}")
    if any(flip_a):
        a = (*a[:-2], a[-1], a[-2])
    if any(flip_b):
        b = (*b[:-2], b[-1], b[-2])
    vector_a, vector_b = len(a) == 1, len(b) == 1
    a = (1, *a) if vector_a else a
    b = (*b, 1) if vector_b else b
    if differ(a[-1], b[-2]):
        raise fail(
            f"matmul of {call['x1']} and {call['x2']}: the inner sizes differ ({a[-1]} and "
            f"{b[-2]}); the last axis of the first must equal the second-to-last of the second",
            got=call["x2"],
        )
    leading = dims(broadcast(Shape(a[:-2]), Shape(b[:-2])))
    out = (*leading, *(() if vector_a else (a[-2],)), *(() if vector_b else (b[-1],)))
    return [Shape(out)]


aliases("matmul(x1, x2)", "ops.matmul")
aliases("matmul(a->x1, b->x2)", "operator.matmul")
aliases(
    "matmul(a->x1, b->x2, transpose_a=False, transpose_b=False, adjoint_a=False, "
    "adjoint_b=False, a_is_sparse->_, b_is_sparse->_, output_type->_, grad_a->_, grad_b->_; "
    "vectors=False)",
    "tensorflow.matmul",
    "tensorflow.linalg.matmul",
)

# -- dot -------------------------------------------------------------------------------------


@op("dot", "x1:tensor, x2:tensor")
def dot(call: OpCall) -> list[Shape]:
    """NumPy's ``dot`` as Keras's static shapes have it: a scalar multiplies; two vectors
    give a scalar (sizes unchecked); a vector ``x2`` must match ``x1``'s last size (None
    matching only None); else ``x1``'s last axis meets ``x2``'s second-to-last (a None
    matching anything)."""
    first, second = scalar_or_shape(call["x1"]), scalar_or_shape(call["x2"])
    a, b = dims(first), dims(second)
    if not a or not b:
        return [broadcast(first, second)]
    if len(a) == 1 and len(b) == 1:
        return [Shape(())]
    if len(b) == 1:
        unequal = python_unequal(a[-1], b[0])
        if unequal is None:
            raise Unreadable
        if unequal:
            raise fail(f"dot of {first} and {second}: the last sizes differ", got=second)
        return [Shape(a[:-1])]
    if differ(a[-1], b[-2]):
        raise fail(
            f"dot of {first} and {second}: the last axis of the first must equal the "
            "second-to-last of the second",
            got=second,
        )
    return [Shape((*a[:-1], *b[:-2], b[-1]))]


aliases("dot(x1, x2)", "ops.dot")


@op("backend_dot", "x:tensor, y:tensor")
def backend_dot(call: OpCall) -> list[Shape]:
    """Keras 2's ``K.dot``: two matrices go to ``tf.matmul`` (rank 2 both); with a rank
    above 2 the last axis of ``x`` meets the second-to-last of ``y``, the result
    ``x.shape[:-1] + y.shape[:-2] + y.shape[-1:]`` (no broadcasting: ``(2, 3, 4)`` dot
    ``(2, 4, 5)`` is ``(2, 3, 2, 5)``)."""
    a, b = dims(call["x"]), dims(call["y"])
    if len(a) <= 2 and len(b) <= 2:
        if len(a) != 2 or len(b) != 2:
            raise fail(f"K.dot of {call['x']} and {call['y']}: tf.matmul needs rank 2")
        if differ(a[1], b[0]):
            raise fail(f"K.dot of {call['x']} and {call['y']}: the inner sizes differ")
        return [Shape((a[0], b[1]))]
    if not a or len(b) < 2:
        raise fail(f"K.dot of {call['x']} and {call['y']}: x needs rank 1, y rank 2 or more")
    if differ(a[-1], b[-2]):
        raise fail(f"K.dot of {call['x']} and {call['y']}: the inner sizes differ")
    return [Shape((*a[:-1], *b[:-2], b[-1]))]


aliases("backend_dot(x, y)", "backend.dot")

# -- tensordot -------------------------------------------------------------------------------


@op("tensordot", "x1:tensor, x2:tensor, axes=2, static='keras'")
def tensordot(call: OpCall) -> list[Shape]:
    """The result is ``x1``'s other axes then ``x2``'s. An int ``axes`` pairs the last
    ``axes`` axes of ``x1`` with the first of ``x2``. TensorFlow reshapes both operands to
    matrices: the summed axes must hold as many values on each side; Keras's static shapes
    also compare them one by one when the axes are lists."""
    a, b = dims(call["x1"]), dims(call["x2"])
    pairs = _tensordot_axes(call["axes"], a, b, call["static"])
    listed = call["static"] == "keras" and not is_known(call["axes"])
    summed = tuple(a[i] for i, _ in pairs), tuple(b[j] for _, j in pairs)
    if listed and any(differ(a[i], b[j]) for i, j in pairs) or counts_cannot_match(*summed):
        raise fail(
            f"tensordot of {call['x1']} and {call['x2']}: the summed axes' sizes differ "
            f"({Shape(summed[0])} and {Shape(summed[1])})"
        )
    summed_a, summed_b = {i for i, _ in pairs}, {j for _, j in pairs}
    out = (
        *(d for i, d in enumerate(a) if i not in summed_a),
        *(d for j, d in enumerate(b) if j not in summed_b),
    )
    return [Shape(out)]


def _tensordot_axes(
    value: object, a: tuple[Dim, ...], b: tuple[Dim, ...], static: str
) -> list[tuple[int, int]]:
    if is_known(value):
        count = integer(value)
        if count < 0 or count > len(a) or count > len(b):
            raise fail(f"tensordot axes={count} for operands of rank {len(a)} and {len(b)}")
        return list(zip(range(len(a) - count, len(a)), range(count), strict=True))
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise Unreadable
    if static == "keras" and not all(isinstance(v, (tuple, list)) for v in value):
        raise Unreadable  # Keras iterates each side: an int there is a TypeError
    first, second = items(value[0]), items(value[1])
    if len(first) != len(second):
        raise fail(f"tensordot axes {value}: as many axes on each side are needed")
    return [(axis(i, len(a)), axis(j, len(b))) for i, j in zip(first, second, strict=True)]


aliases("tensordot(x1, x2, axes=2)", "ops.tensordot")
aliases(
    "tensordot(a->x1, b->x2, axes; static='tf')",
    "tensorflow.tensordot",
    "tensorflow.linalg.tensordot",
)

# -- inner, outer, batch_dot -----------------------------------------------------------------


@op("inner", "x1:tensor, x2:tensor")
def inner(call: OpCall) -> list[Shape]:
    """A scalar multiplies; else the last sizes must match and the result is both shapes
    without their last axis."""
    first, second = scalar_or_shape(call["x1"]), scalar_or_shape(call["x2"])
    a, b = dims(first), dims(second)
    if not a:
        return [second]
    if not b:
        return [first]
    if differ(a[-1], b[-1]):
        raise fail(f"inner of {first} and {second}: the last sizes differ", got=second)
    return [Shape((*a[:-1], *b[:-1]))]


aliases("inner(x1, x2)", "ops.inner")


@op("outer", "x1:tensor, x2:tensor")
def outer(call: OpCall) -> list[Shape]:
    """Both operands flattened: ``(x1.size, x2.size)``."""
    sizes = []
    for value in (call["x1"], call["x2"]):
        shape = dims(scalar_or_shape(value))
        known = [d for d in shape if is_known(d)]
        if any(undefined(d) for d in shape):
            sizes.append(NONE)
        elif len(known) != len(shape):
            sizes.append(UNKNOWN)
        else:
            total = 1
            for d in known:
                total *= d
            sizes.append(total)
    return [Shape(tuple(sizes))]


aliases("outer(x1, x2)", "ops.outer")


@op("backend_batch_dot", "x:tensor, y:tensor, axes=None")
def batch_dot(call: OpCall) -> list[Shape]:
    """Keras 2's ``K.batch_dot``: rank 2 or more each, equal known batch sizes; ``axes``
    (None: the last of ``x`` and the last, or second-to-last from rank 3, of ``y``; an int
    for both) pairs one axis of each, never 0, of one known size. The result is ``x``
    without its axis then ``y`` without its batch axis and its axis (the batch size known
    from either); two matrices give ``(batch, 1)``."""
    a, b = dims(call["x"]), dims(call["y"])
    if len(a) < 2 or len(b) < 2:
        raise fail(f"K.batch_dot needs rank 2 or more, got {call['x']} and {call['y']}")
    if differ(a[0], b[0]):
        raise fail(f"K.batch_dot: batch sizes differ ({a[0]} and {b[0]})")
    value = call["axes"]
    if value is None:
        value = (len(a) - 1, len(b) - 1 if len(b) == 2 else len(b) - 2)
    elif is_known(value):
        value = (value, value)
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise Unreadable
    i, j = (integer(v) for v in value)
    i, j = i + len(a) if i < 0 else i, j + len(b) if j < 0 else j
    if 0 in (i, j):
        raise fail("K.batch_dot cannot sum over axis 0 (the batch axis)")
    if not (i < len(a) and j < len(b)):
        raise fail(f"K.batch_dot axes {tuple(value)} are out of range")
    if differ(a[i], b[j]):
        raise fail(f"K.batch_dot: x.shape[{i}] != y.shape[{j}] ({a[i]} != {b[j]})")
    batch = b[0] if not is_known(a[0]) and is_known(b[0]) else a[0]
    out = (batch, *a[1:i], *a[i + 1 :], *(d for k, d in enumerate(b) if k not in (0, j)))
    if len(a) == 2 and len(b) == 2:
        out = (batch, 1)
    return [Shape(out)]


aliases("backend_batch_dot(x, y, axes=None)", "backend.batch_dot")

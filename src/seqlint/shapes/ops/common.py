"""Helpers shared by the op shape functions: reading arguments, axes, broadcasting, problems.

Arguments arrive as the frontend evaluated them: a tensor's :class:`Shape` (possibly of
unknown rank), ints, tuples, symbols, :data:`~seqlint.dims.UNKNOWN` or nonsense. Readers
turn what they cannot read into "unknown"; only a certain failure raises (:func:`fail`).
"""

from __future__ import annotations

from typing import Any

from seqlint.dims import BATCH, NONE, UNKNOWN, Dim, Shape, Sym, is_known, same
from seqlint.shapes.problems import ProblemKind, ShapeProblem


class Unreadable(Exception):
    """An argument the shape function cannot read: the output is unknown."""


def two(_args: object) -> int:
    """``outputs=`` of an op that returns two tensors (``top_k``, ``moments``)."""
    return 2


def fail(message: str, *, got: Shape | None = None, expected: str = "") -> ShapeProblem:
    """The problem to raise when the op surely fails on these operands."""
    return ShapeProblem(ProblemKind.OP, message, expected=expected, got=got)


def dims(shape: Any) -> tuple[Dim, ...]:
    """A tensor argument's dims; :class:`Unreadable` when its rank is unknown."""
    if not isinstance(shape, Shape) or shape.dims is None:
        raise Unreadable
    return shape.dims


def integer(value: Any) -> int:
    """A known int argument (not a bool)."""
    if not is_known(value):
        raise Unreadable
    return value


def flag(value: Any) -> bool:
    """A known bool argument."""
    if not isinstance(value, bool):
        raise Unreadable
    return value


def items(value: Any) -> tuple[Any, ...]:
    """An argument that is one item or a tuple/list of them, as a tuple."""
    return tuple(value) if isinstance(value, (tuple, list)) else (value,)


def undefined(dim: Dim) -> bool:
    """Whether the framework's static shape has None for this size (the batch axis, or a
    size it leaves undefined)."""
    return dim is NONE or dim is BATCH


def axis(value: Any, rank: int, what: str = "axis") -> int:
    """``value`` as a position in ``[0, rank)``; out of range is a certain failure."""
    number = integer(value)
    if not -rank <= number < rank:
        raise fail(f"{what}={number} is out of range for a tensor of rank {rank}")
    return number % rank


def axes(value: Any, rank: int) -> tuple[int, ...] | None:
    """``axis=`` as positions (None: every axis); an int or a tuple/list of ints."""
    if value is None:
        return None
    return tuple(axis(item, rank) for item in items(value))


def keras_deleted(source: tuple[Dim, ...], positions: tuple[int, ...]) -> tuple[Dim, ...]:
    """``source`` without the axes at ``positions`` as Keras deletes them (``del shape[a]`` for
    each, largest first): a repeated axis deletes the next one too, or fails past the end."""
    out = list(source)
    for position in sorted(positions, reverse=True):
        if position >= len(out):
            raise fail(f"axes {positions} repeat an axis of a tensor of rank {len(source)}")
        del out[position]
    return tuple(out)


def counts_cannot_match(left: tuple[Dim, ...], right: tuple[Dim, ...], free: bool = False) -> bool:
    """Whether ``left`` and ``right`` certainly hold different numbers of values, whatever
    their unknown sizes (``free``: ``right`` also has a -1, any whole factor). Sizes both
    sides share (the batch axis, a named size) cancel out; then a side with unknown sizes
    can only hold a multiple of its known part."""
    known_left, unknown_left = _factors(left)
    known_right, unknown_right = _factors(right)
    for factor in list(unknown_left):
        if factor in unknown_right and (factor is BATCH or isinstance(factor, Sym)):
            unknown_left.remove(factor)
            unknown_right.remove(factor)
    if not unknown_left and not unknown_right and not free:
        return known_left != known_right
    if not unknown_left:
        return known_right > 0 and known_left % known_right != 0
    if not unknown_right and not free:
        return known_left > 0 and known_right % known_left != 0
    return False


def _factors(sizes: tuple[Dim, ...]) -> tuple[int, list[Dim]]:
    """The product of the known sizes, and the other sizes."""
    known = 1
    for d in sizes:
        if is_known(d):
            known *= d
    return known, [d for d in sizes if not is_known(d)]


def as_dim(value: Any) -> Dim:
    """A size given as an argument (a reshape target, a tile count...)."""
    if value is None:
        return NONE
    if is_known(value) or isinstance(value, Sym) or value is BATCH:
        return value
    return UNKNOWN


def differ(a: Dim, b: Dim) -> bool:
    """Both sizes known and different."""
    return is_known(a) and is_known(b) and a != b


def merged(a: Dim, b: Dim) -> Dim:
    """One size from two that must be equal (TensorFlow's merge): a known one wins."""
    if is_known(a):
        return a
    if is_known(b):
        return b
    if same(a, b):
        return a
    return NONE if undefined(a) and undefined(b) else UNKNOWN


def broadcast_dim(a: Dim, b: Dim, shapes: tuple[Shape, Shape]) -> Dim:
    """One axis of NumPy broadcasting as Keras's ``broadcast_shapes`` computes it statically:
    a 1 takes the other size, an undefined size takes the other's unless that is 1."""
    if is_known(a) and a == 1:
        return b
    if is_known(b) and b == 1:
        return a
    if is_known(a) and is_known(b):
        if a != b:
            raise fail(
                f"cannot broadcast {shapes[0]} and {shapes[1]}: sizes {a} and {b} differ "
                "and neither is 1",
                got=shapes[1],
            )
        return a
    if same(a, b):
        return a
    if is_known(a) or is_known(b):
        return a if is_known(a) else b  # a size that is not 1 wins (or the op fails)
    if undefined(a) and undefined(b):
        return NONE
    return UNKNOWN


def broadcast(first: Shape, second: Shape) -> Shape:
    """Two shapes broadcast together, right-aligned."""
    if first.dims is None or second.dims is None:
        return Shape.unknown()
    a, b = first.dims, second.dims
    if len(a) < len(b):
        a, b = (1,) * (len(b) - len(a)) + a, b
    else:
        b = (1,) * (len(a) - len(b)) + b
    return Shape(tuple(broadcast_dim(x, y, (first, second)) for x, y in zip(a, b, strict=True)))


def scalar_or_shape(value: Any) -> Shape:
    """A tensor argument that may be a Python number (a scalar, shape ``()``)."""
    if isinstance(value, Shape):
        return value
    if isinstance(value, (int, float, bool)):
        return Shape(())
    return Shape.unknown()

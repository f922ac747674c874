"""Symbolic dimensions and shapes.

A dimension is a known ``int``, a named symbol (:class:`Sym`, e.g. ``timesteps``
when its value is unknown: every use of the same name is the same size), the
batch axis (:data:`BATCH`), :data:`NONE` (a size Keras itself leaves undefined when it
builds the model: ``Input(shape=(None, 8))``, and what is computed from it), or unknown
(:data:`UNKNOWN`: seqlint cannot tell, it may be a number or None).  A :class:`Shape` is a
tuple of dimensions, or ``None`` dims for an unknown rank.

Comparisons are three-valued: only two known ints can be proven different, so
symbols and unknowns never lead to an error.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sym:
    """A dimension whose size is a name in the source (``maxlen``)."""

    name: str

    def __str__(self) -> str:
        return self.name


class _Special:
    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        self._text = text

    def __repr__(self) -> str:
        return self._text.upper()

    def __str__(self) -> str:
        return self._text

    def __reduce__(self) -> str:
        return self._text.upper()


BATCH = _Special("batch")
UNKNOWN = _Special("?")
NONE = _Special("None")

Dim = int | Sym | _Special


def is_known(dim: Dim) -> bool:
    return isinstance(dim, int) and not isinstance(dim, bool)


def same(a: Dim, b: Dim) -> bool | None:
    """True if ``a`` and ``b`` are provably equal, False if provably different, else None."""
    if is_known(a) and is_known(b):
        return a == b
    if a is BATCH and b is BATCH:
        return True
    if isinstance(a, Sym) and isinstance(b, Sym) and a == b:
        return True
    return None


def differ(a: Dim, b: Dim) -> bool:
    """True only when both dims are known ints of different size."""
    return same(a, b) is False


def difference(a: Dim, b: Dim) -> int | None:
    """``a - b`` when it is a known int: both dims known, or the same symbol plus or minus
    constants (``len(word_index)+1`` minus ``len(word_index)`` is 1); None otherwise.

    Symbols are compared by name, as everywhere (equal names are equal sizes); a symbol's
    constant part is read off the names :func:`add` and :func:`sub_const` (and the
    frontend's arithmetic) build, whose compound operands are parenthesized."""
    left, right = linear(a), linear(b)
    if left is None or right is None or left[0] != right[0]:
        return None
    return left[1] - right[1]


def shown(d: Dim) -> str:
    """A size for messages, its constant part tidied: ``len(word_index)+1`` rather than the
    ``(len(word_index))+1`` the arithmetic names it."""
    parts = linear(d)
    if not isinstance(d, Sym) or parts is None or not parts[0]:
        return str(d)
    term, constant = parts
    if constant == 0:
        return term
    if not _operand_text(term):
        term = f"({term})"
    return f"{term}{'+' if constant > 0 else '-'}{abs(constant)}"


_MAX_LINEAR = 120  # longer symbol names are not taken apart


def linear(d: Dim) -> tuple[str, int] | None:
    """``d`` as (term, constant): ``("", 5)`` for 5, ``("len(x)", 1)`` for ``len(x)+1``,
    ``("n", 0)`` for ``n``; None for a dim that is not a size (BATCH, NONE, UNKNOWN)."""
    if is_known(d):
        return "", d
    if not isinstance(d, Sym) or len(d.name) > _MAX_LINEAR:
        return None
    term, constant = _strip(d.name), 0
    for _ in range(16):  # nested offsets: ((n)+1)-2
        split = _offset(term)
        if split is None:
            break
        term, step = split
        constant += step
    return term, constant


def _strip(text: str) -> str:
    """``text`` without parentheses around all of it."""
    while text.startswith("(") and text.endswith(")") and _closing(text, 0) == len(text) - 1:
        text = text[1:-1]
    return text


def _closing(text: str, start: int) -> int:
    """The index of the parenthesis closing the one at ``start`` (-1 if none)."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] in "([":
            depth += 1
        elif text[i] in ")]":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _offset(text: str) -> tuple[str, int] | None:
    """``A+3`` / ``A-3`` / ``3+A`` at the top level of ``text`` as (``A``, +-3), ``A`` one
    operand (a name or a parenthesized expression); None for anything else."""
    for sign in ("+", "-"):
        head, _, tail = text.rpartition(sign)
        if head and tail.isdigit() and _operand_text(head):
            return _strip(head), int(tail) if sign == "+" else -int(tail)
    head, plus, tail = text.partition("+")
    if plus and head.isdigit() and _operand_text(tail):
        return _strip(tail), int(head)
    return None


def _operand_text(text: str) -> bool:
    """A single operand as the symbolic arithmetic writes one: a dotted name with calls or
    subscripts (``len(x)``, ``X.shape[1]``) or a parenthesized expression, never two
    operands joined at the top level (``n*2``)."""
    if not text:
        return False
    if text.startswith("("):
        return _closing(text, 0) == len(text) - 1
    depth = 0
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth < 0:
                return False
        elif depth == 0 and not (char.isalnum() or char in "_."):
            return False
    return depth == 0 and (text[0].isalpha() or text[0] == "_")


def _symbolic(a: Dim, op: str, b: Dim) -> Dim:
    if a is NONE or b is NONE:
        return NONE  # Keras: None combined with anything is None
    if a is UNKNOWN or b is UNKNOWN or a is BATCH or b is BATCH:
        return UNKNOWN
    return Sym(f"{_operand(a)}{op}{_operand(b)}")


def _operand(d: Dim) -> str:
    text = str(d)
    return text if text.isidentifier() or text.isdigit() else f"({text})"


def add(a: Dim, b: Dim) -> Dim:
    if is_known(a) and is_known(b):
        return a + b
    return _symbolic(a, "+", b)


def sub_const(d: Dim, n: int) -> Dim:
    """``d - n`` for a known constant ``n``: exact for ints, a named symbol for symbols."""
    if n == 0:
        return d
    if is_known(d):
        return d - n
    if d is NONE:
        return NONE
    if isinstance(d, Sym):
        return Sym(f"{_operand(d)}-{n}") if n > 0 else Sym(f"{_operand(d)}+{-n}")
    return UNKNOWN


def mul(a: Dim, b: Dim) -> Dim:
    if is_known(a) and is_known(b):
        return a * b
    return _symbolic(a, "*", b)


def product(dims: tuple[Dim, ...]) -> Dim:
    """Product of ``dims`` (1 for an empty tuple), without ``1*`` noise on symbols."""
    factors = [d for d in dims if not (is_known(d) and d == 1)]
    if NONE in factors:
        return NONE
    if not factors:
        return 1
    result = factors[0]
    for d in factors[1:]:
        result = mul(result, d)
    return UNKNOWN if result is BATCH else result


@dataclass(frozen=True)
class Shape:
    """A tensor shape; ``dims is None`` means the rank itself is unknown."""

    dims: tuple[Dim, ...] | None

    @staticmethod
    def unknown() -> Shape:
        return Shape(None)

    @staticmethod
    def batched(*dims: Dim) -> Shape:
        """A shape with the batch axis first: ``Shape.batched(20, 64)`` is ``(batch, 20, 64)``."""
        return Shape((BATCH, *dims))

    @property
    def rank(self) -> int | None:
        return None if self.dims is None else len(self.dims)

    @property
    def known_rank(self) -> bool:
        return self.dims is not None

    def __getitem__(self, index: int) -> Dim:
        assert self.dims is not None, "indexing a shape of unknown rank"
        return self.dims[index]

    def __str__(self) -> str:
        if self.dims is None:
            return "(unknown)"
        inner = ", ".join(str(d) for d in self.dims)
        return f"({inner},)" if len(self.dims) == 1 else f"({inner})"

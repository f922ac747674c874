"""Calls of Python's builtins that certainly raise, decided from CPython's signatures and the
values seqlint knows: ``tuple(a, b, c)`` (tuple takes at most one argument), ``len(3)``,
``range(2.5)``, ``zip(n)``. Values seqlint does not know make no verdict."""

from __future__ import annotations

from dataclasses import dataclass

from seqlint.frontend.objects import Args
from seqlint.ir import Value


@dataclass(frozen=True)
class Signature:
    """How many positional arguments a builtin takes, the keywords it accepts, and which
    positions must be iterable (``ITERABLE``) or an integer (``INTEGER``)."""

    least: int
    most: int | None  # None: any number
    keywords: frozenset[str] = frozenset()
    kinds: tuple[str, ...] = ()  # per position; the last one repeats for ``most=None``


ITERABLE = "iterable"
INTEGER = "integer"
NUMBER = "number"
ANY = "any"

SIGNATURES: dict[str, Signature] = {
    "tuple": Signature(0, 1, kinds=(ITERABLE,)),
    "list": Signature(0, 1, kinds=(ITERABLE,)),
    "set": Signature(0, 1, kinds=(ITERABLE,)),
    "len": Signature(1, 1, kinds=(ITERABLE,)),
    "sorted": Signature(1, 1, frozenset({"key", "reverse"}), kinds=(ITERABLE,)),
    "enumerate": Signature(1, 2, frozenset({"iterable", "start"}), kinds=(ITERABLE, INTEGER)),
    "zip": Signature(0, None, frozenset({"strict"}), kinds=(ITERABLE,)),
    "range": Signature(1, 3, kinds=(INTEGER,)),
    "abs": Signature(1, 1, kinds=(NUMBER,)),
    "int": Signature(0, 2, frozenset({"base"}), kinds=(ANY, INTEGER)),
    "float": Signature(0, 1, kinds=(ANY,)),
    "max": Signature(1, None, frozenset({"key", "default"}), kinds=(ANY,)),
    "min": Signature(1, None, frozenset({"key", "default"}), kinds=(ANY,)),
}


def builtin_misuse(name: str, args: Args) -> str | None:
    """Why calling the builtin ``name`` with ``args`` raises TypeError, or None when it does
    not, or when seqlint cannot tell."""
    found = SIGNATURES.get(name)
    if found is None or not args.complete:
        return None
    given = len(args.positional)
    unexpected = sorted(set(args.keywords) - found.keywords)
    if unexpected:
        return f"{name}() takes no keyword argument '{unexpected[0]}'"
    if given < found.least:
        return f"{name}() takes at least {found.least} argument{_s(found.least)}, got {given}"
    if found.most is not None and given > found.most:
        return f"{name}() takes at most {found.most} argument{_s(found.most)}, got {given}"
    if name in ("max", "min") and given == 1:
        return _wrong_kind(name, 0, args.positional[0], ITERABLE)
    for index, value in enumerate(args.positional):
        kind = found.kinds[min(index, len(found.kinds) - 1)]
        problem = _wrong_kind(name, index, value, kind)
        if problem is not None:
            return problem
    return None


def _wrong_kind(name: str, index: int, value: Value, kind: str) -> str | None:
    """The TypeError of passing ``value`` where ``kind`` is needed, when ``value`` is a
    Python number or None (the only values whose type seqlint knows for certain)."""
    type_name = _scalar_type(value)
    if type_name is None:
        return None
    if kind == ITERABLE:
        return f"{name}() gets a {type_name} ({value!r}) as argument {index + 1}: not iterable"
    if kind == INTEGER and type_name not in ("int", "bool"):
        return f"{name}() gets a {type_name} ({value!r}) as argument {index + 1}: it needs an int"
    if kind == NUMBER and type_name == "NoneType":
        return f"{name}() gets None as argument {index + 1}: it needs a number"
    return None


def _scalar_type(value: Value) -> str | None:
    if value is None:
        return "NoneType"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    return None


def _s(count: int) -> str:
    return "" if count == 1 else "s"

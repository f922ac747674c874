"""Vocabularies scripts build themselves: dicts from words to ids, and the ids they give.

A dict grown one word at a time with ``d.setdefault(w, len(d) + 1)`` (or ``d[w] = len(d) + 1``
under ``if w not in d:``) holds every id of ``[1, len(d) + 1)``; one made by ``{w: i for i, w
in enumerate(words)}`` (or the same loop) holds ids in ``[0, len(words))``, the largest among
them. Both are :class:`~seqlint.frontend.objects.WordIds` when the words are not known (read
from a file, split from texts); with the words listed in the source the dict is a plain dict.
Looking a word up in either gives an id: a 0-d int array whose ``value_range`` is the dict's
(``word_index[w]``), and lists of them become token sequences whose range ``pad_sequences``
and ``np.array`` keep. The largest id is then known as a number or as ``len(word_index)``,
compared with an Embedding's ``input_dim`` by :func:`~seqlint.dims.difference` (SL210).
"""

from __future__ import annotations

import libcst as cst

from seqlint.dims import UNKNOWN, Dim, Sym, difference, is_known, linear, sub_const
from seqlint.frontend.objects import WordIds
from seqlint.ir import Array, Loc, Value

_MAX_NAME = 55  # a longer receiver is not named (as ``len()`` of an unknown value)


def counting_offset(value: cst.BaseExpression | None, receiver: cst.BaseExpression) -> int | None:
    """``c`` when ``value`` is ``len(receiver) + c`` (``c + len(receiver)``, ``len(receiver)``,
    ``len(receiver) - c``) with ``receiver`` the dict it is stored into; else None."""
    constant = 0
    if isinstance(value, cst.BinaryOperation) and isinstance(
        value.operator, (cst.Add, cst.Subtract)
    ):
        left, right = value.left, value.right
        if isinstance(value.operator, cst.Add) and isinstance(left, cst.Integer):
            left, right = right, left
        number = _integer(right)
        if number is None:
            return None
        constant = number if isinstance(value.operator, cst.Add) else -number
        value = left
    if not (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value == "len"
        and len(value.args) == 1
        and value.args[0].keyword is None
        and not value.args[0].star
    ):
        return None
    return constant if value.args[0].value.deep_equals(receiver) else None


def enumerated_offset(value: cst.BaseExpression | None, counter: str) -> int | None:
    """``c`` when ``value`` is ``counter + c`` (``c + counter``, ``counter``, ``counter - c``)."""
    constant = 0
    if isinstance(value, cst.BinaryOperation) and isinstance(
        value.operator, (cst.Add, cst.Subtract)
    ):
        left, right = value.left, value.right
        if isinstance(value.operator, cst.Add) and isinstance(left, cst.Integer):
            left, right = right, left
        number = _integer(right)
        if number is None:
            return None
        constant = number if isinstance(value.operator, cst.Add) else -number
        value = left
    return constant if isinstance(value, cst.Name) and value.value == counter else None


def _integer(node: cst.BaseExpression) -> int | None:
    if not isinstance(node, cst.Integer):
        return None
    try:
        return int(node.value.replace("_", ""), 0)
    except ValueError:
        return None


def counted(container: Value, offset: int, receiver: str) -> WordIds:
    """What ``container`` becomes when a word is stored at ``len(container) + offset`` unless
    it is in it already: the ids stay every int of ``[offset, offset + len)``, for a dict that
    held exactly those so far (empty, or ``{"<pad>": 0, "<unk>": 1}`` before ``len(d)``); any
    other dict, or one already grown, becomes opaque (its earlier size named its ids)."""
    if (
        isinstance(container, dict)
        and _counts_from(container, offset)
        and len(receiver) <= _MAX_NAME
    ):
        size = Sym(f"len({receiver})")
        return WordIds(offset, sub_const(size, -offset), size)
    return WordIds.opaque()


def _counts_from(container: dict, offset: int) -> bool:
    """The values of ``container`` are exactly the ints ``offset``, ``offset + 1``..."""
    values = list(container.values())
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return False
    return sorted(values) == list(range(offset, offset + len(values)))


def enumerated(count: Value, start: int) -> WordIds:
    """``{w: i + c for i, w in enumerate(words)}`` of ``count`` words (``start`` = the
    enumerate start + c): ids in ``[start, start + count)``, the largest always among them
    (the last word's, never overwritten); its size is unknown (words may repeat)."""
    if not (is_known(count) or isinstance(count, Sym)):
        return WordIds.opaque()
    return WordIds(start, sub_const(count, -start), UNKNOWN)


def ids(vocabulary: WordIds | dict, loc: Loc) -> Value:
    """What looking an unknown word up gives: an id (a 0-d int array of the vocabulary's
    range; a dict's values must be the consecutive ints of an index), the value every entry
    shares (arrays of one shape: ``glove[w]``), else unknown."""
    if isinstance(vocabulary, WordIds):
        if not vocabulary.known:
            return UNKNOWN
        return Array((), dtype="int", value_range=(vocabulary.low, vocabulary.high), loc=loc)
    values = list(vocabulary.values())
    if not values or len(values) > 100_000:
        return UNKNOWN
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        low = min(values)
        if sorted(values) != list(range(low, low + len(values))):
            return UNKNOWN  # not an index of its keys (settings by name: {"units": 64})
        return Array((), dtype="int", value_range=(low, low + len(values)), loc=loc)
    first = values[0]
    if (
        isinstance(first, Array)
        and first.shape is not None
        and all(
            isinstance(v, Array) and v.shape == first.shape and v.dtype == first.dtype
            for v in values
        )
    ):
        return Array(first.shape, dtype=first.dtype, loc=loc)
    return UNKNOWN


def with_default(found: Value, default: Value, loc: Loc) -> Value:
    """``d.get(w, default)``: an id of the vocabulary, or the default id."""
    if not (isinstance(found, Array) and found.shape == () and found.value_range is not None):
        return UNKNOWN
    bounds = widened(found.value_range, default)
    return UNKNOWN if bounds is None else Array((), dtype="int", value_range=bounds, loc=loc)


def either(first: Value, second: Value, loc: Loc) -> Value:
    """An id that is one of two: an id of a vocabulary, or another id (a number, or an id
    of the same kind); unknown for anything else."""
    ranges = [_id_range(v) for v in (first, second)]
    if ranges[0] is None or ranges[1] is None or not (_is_id(first) or _is_id(second)):
        return UNKNOWN  # two numbers (``64 if big else 32``) stay unknown: a size, named
    (low, high), (other_low, other_high) = ranges
    bounds = widened((low, high), other_low)
    last = sub_const(other_high, 1)
    if bounds is not None and (is_known(last) or isinstance(last, Sym)):
        bounds = widened(bounds, last)
    return UNKNOWN if bounds is None else Array((), dtype="int", value_range=bounds, loc=loc)


def _is_id(value: Value) -> bool:
    return isinstance(value, Array) and value.shape == () and value.value_range is not None


def _id_range(value: Value) -> tuple[int, Dim] | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return (value, value + 1)
    if isinstance(value, Array) and value.shape == () and value.value_range is not None:
        return value.value_range
    return None


def widened(bounds: tuple[int, Dim], value: Value) -> tuple[int, Dim] | None:
    """``[low, high)`` that also holds ``value`` (an int, or a size such as ``len(d) + 1``);
    None when that cannot be told (a symbolic high against a number that may be above it)."""
    low, high = bounds
    if isinstance(value, bool) or not (is_known(value) or isinstance(value, Sym)):
        return None
    if is_known(value) and value <= low:
        return (value, high)  # the range holds low (it is never empty)
    if isinstance(value, Sym):
        parts = linear(value)  # a size: len(...) + c is at least c
        if parts is None or not parts[0].startswith("len(") or parts[1] < low:
            return None
    gap = difference(high, value)  # > 0: value is inside already
    if gap is None:
        return None
    return (low, high) if gap > 0 else (low, sub_const(value, -1))


def joined(values: list[Value]) -> Value:
    """A vocabulary after uncertain branches: the grown one when every other path holds a
    dict it grew from (the loop ran zero times); else opaque."""
    grown = [v for v in values if isinstance(v, WordIds)]
    if not grown or any(g is not grown[0] for g in grown):
        return WordIds.opaque()
    vocabulary = grown[0]
    for value in values:
        if isinstance(value, WordIds):
            continue
        if not (isinstance(value, dict) and _prefix_of(value, vocabulary)):
            return WordIds.opaque()
    return vocabulary


def _prefix_of(container: dict, vocabulary: WordIds) -> bool:
    """``container`` is a state ``vocabulary`` grew from: its ids ``low``, ``low + 1``..."""
    if not vocabulary.known:
        return False
    if vocabulary.size is UNKNOWN:
        return not container  # enumerated into an empty dict
    return _counts_from(container, vocabulary.low)

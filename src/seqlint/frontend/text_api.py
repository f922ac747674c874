"""Text data as training scripts prepare it: tokenizers, padding, TextVectorization.

``Tokenizer(num_words=N)`` (Keras 2's ``keras.preprocessing.text``) turns texts
into token lists (``texts_to_sequences``: :class:`~seqlint.frontend.objects.Items`
of 1-D int arrays) or a ``(texts, num_words)`` matrix; its vocabulary
(``tokenizer.word_index``) is of unknown size, so ``len(tokenizer.word_index)``
is a named size. Without ``num_words`` the token ids are ``[1, len(tokenizer.word_index)
+ 1)`` (0 is left for padding): a range ``pad_sequences`` keeps, compared with an
Embedding's ``input_dim`` (SL210). A vocabulary that grows after texts were converted (a
second ``fit_on_texts``) or that the script changes (``word_index["<pad>"] = 0``) no
longer names their ids: its size is unknown from then on. ``pad_sequences`` of any list of
sequences (an array, token lists, a list comprehension of 1-D arrays, a literal list of lists)
gives ``(samples, maxlen, *item)``; a TextVectorization layer called on data gives ``(texts,
output_sequence_length)`` integers.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from seqlint.dims import UNKNOWN, Dim, Sym, is_known, sub_const
from seqlint.frontend.keras_api import TOKENIZER_VOCABULARIES
from seqlint.frontend.numpy_api import dtype_of
from seqlint.frontend.objects import Args, Items, WordIds
from seqlint.frontend.vocabulary import widened
from seqlint.ir import Array, Layer, Loc, Value
from seqlint.shapes.catalogue import index_range

Shape = tuple[Dim, ...] | None


@dataclass(frozen=True)
class Tokenizer:
    """``Tokenizer(num_words=...)``: ``num_words`` is an int, a Sym or None (all words).
    ``used``: texts were converted with it; ``stale``: its vocabulary changed since (fit
    again, or changed by the script), so its size no longer names their ids."""

    num_words: Value
    used: bool = False
    stale: bool = False
    ident: int = 0  # which Tokenizer(...) call made it: kept by the copies above


_made = itertools.count(1)


def tokenizer(args: Args) -> Tokenizer:
    num_words = args.get(0, "num_words")
    known = num_words if num_words is None or _is_size(num_words) else UNKNOWN
    return Tokenizer(known, ident=next(_made))


def fitted(tok: Tokenizer, name: str) -> Tokenizer:
    """The tokenizer after its method ``name`` ran: fitting again after converting texts
    makes it stale, converting texts makes it used."""
    if name in ("fit_on_texts", "fit_on_sequences"):
        return replace(tok, stale=True) if tok.used and not tok.stale else tok
    if name == "texts_to_sequences" and not tok.used:
        return replace(tok, used=True)
    return tok


def method(tok: Tokenizer, name: str, args: Args, loc: Loc, origin: str = "") -> Value:
    """``tokenizer.texts_to_sequences(texts)`` and ``texts_to_matrix(texts)``; ``origin`` is
    the tokenizer's source text, which names its vocabulary's size."""
    if name in ("fit_on_texts", "fit_on_sequences"):
        return None
    if name == "texts_to_sequences":
        ids = Array((UNKNOWN,), dtype="int", value_range=_ids(tok, origin), loc=loc)
        return Items(ids, count(args.get(0, "texts")))
    if name in ("texts_to_matrix", "sequences_to_matrix"):
        width = tok.num_words if _is_size(tok.num_words) else UNKNOWN
        rows = count(args.get(0, "texts" if name == "texts_to_matrix" else "sequences"))
        return Array((rows, width), dtype="float", loc=loc)
    return UNKNOWN


def _ids(tok: Tokenizer, origin: str) -> tuple[int, Dim] | None:
    """``[1, len(tokenizer.word_index) + 1)``: every id of its vocabulary (without
    ``num_words``, which drops the ids from ``num_words`` on)."""
    if tok.num_words is not None or tok.stale or not origin or len(origin) > 40:
        return None
    return (1, sub_const(Sym(f"len({origin}.word_index)"), -1))


def attribute(tok: Tokenizer, name: str, origin: str) -> Value:
    """``tokenizer.word_index`` is the symbol of its source text (``len()`` names it);
    unknown once the vocabulary changed after texts were converted."""
    if name in TOKENIZER_VOCABULARIES and len(origin) < 60:
        return UNKNOWN if tok.stale else Sym(origin)
    if name == "num_words":
        return tok.num_words
    return UNKNOWN


def count(texts: Value) -> Dim:
    """How many items a list, comprehension or array holds, when known."""
    if isinstance(texts, Array):
        return texts.shape[0] if texts.shape else UNKNOWN
    if isinstance(texts, Items):
        return texts.count if _is_size(texts.count) else UNKNOWN
    if isinstance(texts, (list, tuple, dict)):
        return len(texts)
    if isinstance(texts, WordIds):
        return texts.size if _is_size(texts.size) else UNKNOWN
    return UNKNOWN


def pad_sequences(sequences: Value, args: Args, loc: Loc) -> Array:
    """``pad_sequences(sequences, maxlen, dtype, padding, truncating, value)``."""
    maxlen = args.get(1, "maxlen")
    dtype = args.get(2, "dtype", "int32")
    value = args.get(5, "value", 0.0)
    shape: Shape = None
    lengths_and_samples = _sequences(sequences)
    if lengths_and_samples is not None:
        lengths, sample = lengths_and_samples
        length: Dim = UNKNOWN
        if maxlen is not None:
            length = maxlen if _is_size(maxlen) else UNKNOWN
        elif lengths and all(is_known(n) for n in lengths):
            length = max(lengths)
        shape = (count(sequences), length, *sample)
    padded = isinstance(value, (int, float)) and value == 0
    side = args.get(3, "padding", "pre")
    at = side if padded and side in ("pre", "post") else None
    by = loc if at is not None else None
    family = dtype_of(dtype)
    bounds = _padded_range(sequences, value) if family == "int" else None
    return Array(
        shape,
        dtype=family,
        zero_padded=padded,
        padded_at=at,
        padded_by=by,
        padder="pad_sequences" if by is not None else None,
        loc=loc,
        value_range=bounds,
    )


def _padded_range(sequences: Value, value: Value) -> tuple[int, Dim] | None:
    """The ids padded sequences hold: those of the sequences, and the padding ``value``."""
    bounds = _ids_range(sequences, 0)
    if bounds is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return widened(bounds, value)


def _ids_range(value: Value, depth: int) -> tuple[int, Dim] | None:
    """The range of the ints a sequence (of sequences) holds: an array's ``value_range``, the
    one all items of a comprehension share, or that of every item of a literal list."""
    if depth > 3:
        return None
    if isinstance(value, Array):
        return value.value_range
    if isinstance(value, Items):
        return _ids_range(value.item, depth + 1)
    if isinstance(value, (list, tuple)) and value and len(value) <= 1000:
        found = [_ids_range(item, depth + 1) for item in value]
        if None in found:
            return None
        lows = [f[0] for f in found if f is not None]
        highs = {f[1] for f in found if f is not None}
        if len(highs) == 1:
            return (min(lows), highs.pop())
        if all(is_known(h) for h in highs):
            return (min(lows), max(highs))  # type: ignore[type-var]
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return (value, value + 1)
    return None


def _sequences(sequences: Value) -> tuple[list[Dim], tuple[Dim, ...]] | None:
    """The lengths of the sequences (what is known) and the shape of one step of them;
    None unless every sequence provably has steps of that one shape."""
    if isinstance(sequences, Array):
        shape = sequences.shape
        if shape is None or len(shape) < 2:
            return None
        return [shape[1]], tuple(shape[2:])
    if isinstance(sequences, Items):
        found = _sequence(sequences.item)
        return None if found is None else ([], found[1])
    if not isinstance(sequences, (list, tuple)) or not sequences:
        return None
    found_all = [_sequence(item) for item in sequences]
    samples = {found[1] for found in found_all if found is not None}
    if None in found_all or len(samples) != 1:
        return None
    return [found[0] for found in found_all if found is not None], samples.pop()


def _sequence(item: Value) -> tuple[Dim, tuple[Dim, ...]] | None:
    """(length, step shape) of one sequence: a 1-D+ array, token list or list of numbers."""
    if isinstance(item, Array):
        if item.shape is None or not item.shape:
            return None
        return item.shape[0], tuple(item.shape[1:])
    if isinstance(item, Items):
        inner = item.item
        if _is_scalar(inner):
            return item.count if _is_size(item.count) else UNKNOWN, ()
        if isinstance(inner, Array) and inner.shape is not None:
            return UNKNOWN, tuple(inner.shape)
        return None
    if isinstance(item, (list, tuple)) and all(_is_scalar(v) for v in item):
        return len(item), ()
    return None


def vectorize(layer: Layer, texts: Value, loc: Loc) -> Array:
    """A TextVectorization layer called on data (``vectorizer(texts)``): in ``"int"`` mode,
    ``(texts, output_sequence_length)`` token ids, in ``[0, vocabulary_size())`` when the
    source lists the vocabulary. Without ``output_sequence_length`` Keras pads each call to
    its longest text: known for texts the source lists (:func:`_longest`). Unless ``ragged``,
    the padding is 0s after the tokens (``RaggedTensor.to_tensor()``), as
    ``pad_sequences(..., padding="post")`` pads."""
    if layer.get("output_mode", "int") != "int":
        return Array(None, loc=loc)
    length = layer.get("output_sequence_length")
    steps = length if _is_size(length) else UNKNOWN
    if length is None:
        steps = _longest(layer, texts)
    indices = index_range(layer)
    bounds = None if indices is None else (indices.low, indices.high)
    ids: dict = {"dtype": "int", "value_range": bounds}
    if layer.get("ragged", False) is False:
        ids |= {"zero_padded": True, "padded_at": "post", "padded_by": loc}
        ids["padder"] = "TextVectorization"
    if isinstance(texts, Array):
        shape = texts.shape
        if shape == ():
            return Array((steps,), loc=loc, **ids)
        if shape is None or len(shape) > 2 or len(shape) == 2 and shape[1] != 1:
            return Array(None, dtype="int", loc=loc)
    elif not isinstance(texts, (list, tuple, Items)):
        return Array(None, dtype="int", loc=loc)
    return Array((count(texts), steps), loc=loc, **ids)


# TextVectorization's default standardization strips these (Keras's DEFAULT_STRIP_REGEX)
_PUNCTUATION = re.compile(r'[!"#$%&()\*\+,-\./:;<=>?@\[\\\]^_`{|}~\']')
_WHITESPACE = re.compile(r"[ \t\n\r\x0b\x0c]+")
_STANDARDIZE = ("lower_and_strip_punctuation", "lower", "strip_punctuation", None)


def _longest(layer: Layer, texts: Value) -> Dim:
    """The token count of the longest of ``texts`` (a literal list of ASCII strings) as
    TextVectorization splits them on whitespace after its standardization (no n-grams, not
    ragged): the length an ``int`` call without ``output_sequence_length`` pads to."""
    if isinstance(texts, Array) and texts.literal is not None:
        texts = texts.literal if texts.shape == (len(texts.literal),) else None
    if not isinstance(texts, (list, tuple)) or not texts or len(texts) > 10_000:
        return UNKNOWN
    if not all(isinstance(t, str) and t.isascii() for t in texts):
        return UNKNOWN
    standardize = layer.get("standardize", "lower_and_strip_punctuation")
    if standardize not in _STANDARDIZE or layer.get("split", "whitespace") != "whitespace":
        return UNKNOWN
    if layer.get("ngrams") is not None or layer.get("ragged", False) is not False:
        return UNKNOWN
    longest = 0
    for text in texts:
        if standardize in ("lower_and_strip_punctuation", "lower"):
            text = text.lower()
        if standardize in ("lower_and_strip_punctuation", "strip_punctuation"):
            text = _PUNCTUATION.sub("", text)
        longest = max(longest, len([t for t in _WHITESPACE.split(text) if t]))
    return longest


def _is_size(value: Value) -> bool:
    return is_known(value) or isinstance(value, Sym)


def _is_scalar(value: Value) -> bool:
    """A number (a name of unknown value is not: it may hold a vector)."""
    return isinstance(value, (int, float))

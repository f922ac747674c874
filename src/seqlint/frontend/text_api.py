"""Text data as training scripts prepare it: tokenizers, padding, TextVectorization.

``Tokenizer(num_words=N)`` (Keras 2's ``keras.preprocessing.text``) turns texts
into token lists (``texts_to_sequences``: :class:`~seqlint.frontend.objects.Items`
of 1-D int arrays) or a ``(texts, num_words)`` matrix; its vocabulary
(``tokenizer.word_index``) is of unknown size, so ``len(tokenizer.word_index)``
is a named size.  ``pad_sequences`` of any list of sequences (an array, token
lists, a list comprehension of 1-D arrays, a literal list of lists) gives
``(samples, maxlen, *item)``; a TextVectorization layer called on data gives
``(texts, output_sequence_length)`` integers.
"""

from __future__ import annotations

from dataclasses import dataclass

from seqlint.dims import UNKNOWN, Dim, Sym, is_known
from seqlint.frontend.keras_api import TOKENIZER_VOCABULARIES
from seqlint.frontend.numpy_api import dtype_of
from seqlint.frontend.objects import Args, Items
from seqlint.ir import Array, Layer, Loc, Value

Shape = tuple[Dim, ...] | None


@dataclass(frozen=True)
class Tokenizer:
    """``Tokenizer(num_words=...)``: ``num_words`` is an int, a Sym or None (all words)."""

    num_words: Value


def tokenizer(args: Args) -> Tokenizer:
    num_words = args.get(0, "num_words")
    return Tokenizer(num_words if num_words is None or _is_size(num_words) else UNKNOWN)


def method(tok: Tokenizer, name: str, args: Args, loc: Loc) -> Value:
    """``tokenizer.texts_to_sequences(texts)`` and ``texts_to_matrix(texts)``."""
    if name in ("fit_on_texts", "fit_on_sequences"):
        return None
    if name == "texts_to_sequences":
        return Items(Array((UNKNOWN,), dtype="int", loc=loc), count(args.get(0, "texts")))
    if name in ("texts_to_matrix", "sequences_to_matrix"):
        width = tok.num_words if _is_size(tok.num_words) else UNKNOWN
        rows = count(args.get(0, "texts" if name == "texts_to_matrix" else "sequences"))
        return Array((rows, width), dtype="float", loc=loc)
    return UNKNOWN


def attribute(tok: Tokenizer, name: str, origin: str) -> Value:
    """``tokenizer.word_index`` is the symbol of its source text (``len()`` names it)."""
    if name in TOKENIZER_VOCABULARIES and len(origin) < 60:
        return Sym(origin)
    if name == "num_words":
        return tok.num_words
    return UNKNOWN


def count(texts: Value) -> Dim:
    """How many items a list, comprehension or array holds, when known."""
    if isinstance(texts, Array):
        return texts.shape[0] if texts.shape else UNKNOWN
    if isinstance(texts, Items):
        return texts.count if _is_size(texts.count) else UNKNOWN
    if isinstance(texts, (list, tuple)):
        return len(texts)
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
    return Array(
        shape, dtype=dtype_of(dtype), zero_padded=padded, padded_at=at, padded_by=by, loc=loc
    )


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
    ``(texts, output_sequence_length)`` token ids."""
    if layer.get("output_mode", "int") != "int":
        return Array(None, loc=loc)
    length = layer.get("output_sequence_length")
    steps = length if _is_size(length) else UNKNOWN
    if isinstance(texts, Array):
        shape = texts.shape
        if shape == ():
            return Array((steps,), dtype="int", loc=loc)
        if shape is None or len(shape) > 2 or len(shape) == 2 and shape[1] != 1:
            return Array(None, dtype="int", loc=loc)
    elif not isinstance(texts, (list, tuple, Items)):
        return Array(None, dtype="int", loc=loc)
    return Array((count(texts), steps), dtype="int", loc=loc)


def _is_size(value: Value) -> bool:
    return is_known(value) or isinstance(value, Sym)


def _is_scalar(value: Value) -> bool:
    """A number (a name of unknown value is not: it may hold a vector)."""
    return isinstance(value, (int, float))

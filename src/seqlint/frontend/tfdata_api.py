"""``tf.data`` pipelines: the shape of the elements a dataset yields.

``Dataset.from_tensor_slices((X, y))`` yields ``(X[i], y[i])``; ``from_tensors``
yields its argument whole; ``batch``/``padded_batch`` add a batch axis (of the
batch size with ``drop_remainder=True``, else unknown); ``shuffle``,
``prefetch``, ``cache``, ``repeat``, ``take``, ``skip``, ``filter`` keep the
elements; ``zip`` pairs them; ``map(fn)`` runs ``fn`` (a lambda or a function of
the script) on the element's parts.  A dataset handed to ``fit`` delivers its
elements as batches: :func:`as_batches` gives ``x`` and ``y`` of one batch, so
the rules see them as they see arrays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from seqlint.dims import UNKNOWN, Sym, is_known
from seqlint.frontend import numpy_api
from seqlint.frontend.objects import Args, Items
from seqlint.ir import Array, Batches, Loc, Value

MAKER = "tf.data.Dataset"
_KEEPING = frozenset(
    {
        "shuffle",
        "prefetch",
        "cache",
        "repeat",
        "take",
        "skip",
        "filter",
        "shard",
        "with_options",
        "ignore_errors",
        "take_while",
    }
)
_MAX_DEPTH = 8


@dataclass(frozen=True)
class Dataset:
    """A ``tf.data.Dataset``: ``element`` is the structure of one element (Arrays in
    tuples, lists and dicts; UNKNOWN where not known); ``loc`` is where it was made;
    ``batched`` whether its elements are batches (``from_tensors`` yields one batch)."""

    element: Value
    loc: Loc
    batched: bool = False


Caller = Callable[[Value, list[Value]], Value]
"""Calls a function value of the script on positional arguments (the evaluator's)."""


def call(name: str, args: Args, loc: Loc) -> Value:
    """``tf.data.<name>(...)``, ``name`` relative to ``tf.data`` (``"Dataset.zip"``)."""
    last = name.rsplit(".", 1)[-1]
    if not name.startswith("Dataset.") or not args.complete:
        return UNKNOWN
    if last == "from_tensor_slices":
        return Dataset(_structure(args.get(0, "tensors"), _slice), loc)
    if last == "from_tensors":
        return Dataset(_structure(args.get(0, "tensors"), _tensor), loc, batched=True)
    if last == "zip":
        datasets = args.get(0, "datasets") if len(args.positional) < 2 else args.positional
        if isinstance(datasets, (tuple, list)) and all(isinstance(d, Dataset) for d in datasets):
            batched = all(d.batched for d in datasets)
            return Dataset(tuple(d.element for d in datasets), loc, batched)
    return UNKNOWN


def method(dataset: Dataset, name: str, args: Args, loc: Loc, caller: Caller) -> Value:
    """``dataset.<name>(...)``."""
    if name in _KEEPING:
        return dataset
    if name in ("batch", "padded_batch"):
        size = args.get(0, "batch_size")
        drop = args.get(1 if name == "batch" else 3, "drop_remainder", False)
        known = drop is True and (is_known(size) or isinstance(size, Sym))
        dim = size if known else UNKNOWN
        return Dataset(_structure(dataset.element, lambda a: _batched(a, dim)), loc, True)
    if name == "unbatch":
        return Dataset(_structure(dataset.element, _slice), loc, False)
    if name == "map":
        fn = args.get(0, "map_func")
        element = dataset.element
        parts = list(element) if isinstance(element, tuple) else [element]
        result = caller(fn, parts) if element is not UNKNOWN else UNKNOWN
        return Dataset(_structure(result, _result), loc, dataset.batched)
    return UNKNOWN


def as_batches(dataset: Dataset) -> Batches:
    """What ``fit(dataset)`` gets: each element is one batch, ``(x, y[, sample_weight])``."""
    element = dataset.element
    x: Value = UNKNOWN
    y: Value = UNKNOWN
    if isinstance(element, tuple) and len(element) in (2, 3):
        x, y = element[0], element[1]
    elif isinstance(element, Array):
        x, y = element, None
    return Batches(x, y, MAKER, None, dataset.loc, dataset.batched)


def _structure(value: Value, leaf: Callable[[Value], Value], depth: int = 0) -> Value:
    """``leaf`` applied to every tensor of a (tuple/dict) structure; lists are tensors."""
    if depth > _MAX_DEPTH:
        return UNKNOWN
    if isinstance(value, tuple):
        return tuple(_structure(v, leaf, depth + 1) for v in value)
    if isinstance(value, dict):
        return {k: _structure(v, leaf, depth + 1) for k, v in value.items()}
    return leaf(value)


def _tensor(value: Value) -> Value:
    """A value converted to a tensor: an array, or a list of numbers or strings."""
    if isinstance(value, Array):
        return value
    if isinstance(value, (list, Items)):
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return Array((len(value),))
        made = numpy_api.call("asarray", Args([value]), None)  # type: ignore[arg-type]
        return made if isinstance(made, Array) else UNKNOWN
    return UNKNOWN


def _slice(value: Value) -> Value:
    """One slice along the first axis of a tensor."""
    tensor = _tensor(value)
    if not isinstance(tensor, Array):
        return UNKNOWN
    if tensor.shape is None or not tensor.shape:
        return replace(tensor, shape=None, name=None)
    return replace(
        tensor, shape=tensor.shape[1:], name=None, one_hot=tensor.one_hot and len(tensor.shape) > 1
    )


def _batched(value: Value, dim: Value) -> Value:
    if not isinstance(value, Array):
        return UNKNOWN
    shape = None if value.shape is None else (dim, *value.shape)
    return replace(value, shape=shape, name=None)


def _result(value: Value) -> Value:
    """What a ``map`` function returns, as an element part."""
    return value if isinstance(value, Array) else UNKNOWN

"""``tf.data`` pipelines: the shape of the elements a dataset yields.

``Dataset.from_tensor_slices((X, y))`` yields ``(X[i], y[i])``; ``from_tensors``
yields its argument whole; ``batch``/``padded_batch`` add a batch axis (of the
batch size with ``drop_remainder=True``, else unknown); ``shuffle``,
``prefetch``, ``cache``, ``repeat``, ``take``, ``skip``, ``filter`` keep the
elements; ``zip`` pairs them; ``map(fn)`` runs ``fn`` (a lambda or a function of
the script) on the element's parts; ``window`` makes an element of window datasets
that ``flat_map`` turns back into tensors (``batch`` batches them as they are, still
datasets: what fit cannot take, :func:`as_batches`); ``concatenate`` keeps the dims both
datasets agree on; ``rebatch`` resizes the batch axis; ``element_spec`` is the
element; ``from_generator`` takes its element from ``output_signature``.
Shapes follow TensorFlow's static ``element_spec``: a size TensorFlow leaves
``None`` is unknown.  A dataset handed to ``fit`` delivers its elements as
batches: :func:`as_batches` gives ``x`` and ``y`` of one batch, so the rules see
them as they see arrays.
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
    maker: str = MAKER  # what fit names it by: a generator's function, a Sequence's class
    window: bool = False  # one window ``Dataset.window`` made (``loc``: that call)


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
    if last == "from_generator":
        return _from_generator(args, loc)
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

        def batched(part: Value) -> Value:
            return part if isinstance(part, Dataset) else _batched(part, dim)

        return Dataset(_structure(dataset.element, batched), loc, True)
    if name == "unbatch":
        return Dataset(_structure(dataset.element, _slice), loc, False)
    if name == "rebatch" and dataset.batched:
        size = args.get(0, "batch_size")
        drop = args.get(1, "drop_remainder", False) is True
        dim = size if drop and (is_known(size) or isinstance(size, Sym)) else UNKNOWN
        return Dataset(_structure(dataset.element, lambda a: _rebatched(a, dim)), loc, True)
    if name == "window":
        return _window(dataset, args, loc)
    if name == "flat_map":
        element = dataset.element
        parts = list(element) if isinstance(element, tuple) else [element]
        inner = caller(args.get(0, "map_func"), parts) if element is not UNKNOWN else UNKNOWN
        return Dataset(inner.element, loc, False) if isinstance(inner, Dataset) else UNKNOWN
    if name == "concatenate":
        other = args.get(0, "dataset")
        if not isinstance(other, Dataset):
            return UNKNOWN
        element = _common(dataset.element, other.element)
        return Dataset(element, loc, dataset.batched and other.batched)
    if name == "map":
        fn = args.get(0, "map_func")
        element = dataset.element
        parts = list(element) if isinstance(element, tuple) else [element]
        result = caller(fn, parts) if element is not UNKNOWN else UNKNOWN
        return Dataset(_structure(result, _result), loc, dataset.batched)
    return UNKNOWN


def attribute(dataset: Dataset, name: str) -> Value:
    """``dataset.element_spec``: the element's structure (its Arrays' shapes)."""
    return dataset.element if name == "element_spec" else UNKNOWN


def from_batches(batches: Batches, loc: Loc) -> Dataset:
    """A dataset ``timeseries_dataset_from_array`` made: elements ``(x, y)`` or ``x``."""
    element = batches.x if batches.y is None else (batches.x, batches.y)
    return Dataset(element, loc, True)


def text_dataset(args: Args, loc: Loc) -> Value:
    """``text_dataset_from_directory(directory, labels="inferred", label_mode="int", ...,
    batch_size=32)``: batches of strings with int labels (``(batch,)``), one-hot
    (``"categorical"``: ``(batch, classes)``), floats (``"binary"``: ``(batch, 1)``) or none."""
    if not args.complete:
        return UNKNOWN
    mode = args.get(2, "label_mode", "int")
    labels = args.get(1, "labels", "inferred")
    size = args.get(4, "batch_size", 32)
    texts = Array((), loc=loc)
    label_shapes = {"int": (), "binary": (1,), "categorical": (UNKNOWN,)}
    if mode is None or labels is None:
        element: Value = texts
    elif isinstance(mode, str) and mode in label_shapes:
        dtype = "int" if mode == "int" else "float"
        element = (texts, Array(label_shapes[mode], dtype=dtype, one_hot=mode == "categorical"))
    else:
        return UNKNOWN
    if size is None:
        return Dataset(element, loc, False)
    return Dataset(_structure(element, lambda a: _batched(a, UNKNOWN)), loc, True)


def as_batches(dataset: Dataset) -> Batches:
    """What ``fit(dataset)`` gets: each element is one batch, ``(x, y[, sample_weight])``."""
    element = dataset.element
    x: Value = UNKNOWN
    y: Value = UNKNOWN
    if isinstance(element, tuple) and len(element) in (2, 3):
        x, y = element[0], element[1]
    elif isinstance(element, Array):
        x, y = element, None
    window = _window_in(element)
    windows = window.loc if window is not None else None
    return Batches(x, y, dataset.maker, None, dataset.loc, dataset.batched, windows)


def _window_in(element: Value, depth: int = 0) -> Dataset | None:
    """A window dataset (``window()`` not flattened by ``flat_map``) in an element."""
    if isinstance(element, Dataset):
        return element
    parts = element.values() if isinstance(element, dict) else element
    if isinstance(element, (tuple, dict)) and depth < _MAX_DEPTH:
        return next((w for p in parts if (w := _window_in(p, depth + 1))), None)
    return None


def yielded(values: list[Value], maker: str, loc: Loc) -> Dataset:
    """What a generator (a function of the script that yields, or a ``PyDataset``'s
    ``__getitem__``) hands ``fit``: batches like the values it yields, where they agree."""
    element = values[0] if values else UNKNOWN
    for other in values[1:]:
        element = _common(element, other)
    return Dataset(_structure(element, _result), loc, True, maker)


def _structure(value: Value, leaf: Callable[[Value], Value], depth: int = 0) -> Value:
    """``leaf`` applied to every tensor of a (tuple/dict) structure; lists are tensors."""
    if depth > _MAX_DEPTH:
        return UNKNOWN
    if isinstance(value, tuple):
        return tuple(_structure(v, leaf, depth + 1) for v in value)
    if isinstance(value, dict):
        return {k: _structure(v, leaf, depth + 1) for k, v in value.items()}
    return leaf(value)


def _window(dataset: Dataset, args: Args, loc: Loc) -> Value:
    """``window(size, shift=None, stride=1, drop_remainder=False)``: each element a structure
    of datasets yielding one window's items (those items, unbatched)."""
    if dataset.element is UNKNOWN:
        return UNKNOWN

    def window_of(part: Value) -> Value:
        return Dataset(part, loc, False, window=True) if isinstance(part, Array) else UNKNOWN

    return Dataset(_structure(dataset.element, window_of), loc, False)


def _from_generator(args: Args, loc: Loc) -> Value:
    """``Dataset.from_generator(gen, output_signature=(tf.TensorSpec((None, 8)), ...))``."""
    signature = args.get(4, "output_signature")
    if signature is None:
        return UNKNOWN
    element = _structure(signature, lambda spec: spec if isinstance(spec, Array) else UNKNOWN)
    return Dataset(element, loc, True)


def tensor_spec(args: Args, loc: Loc) -> Value:
    """``tf.TensorSpec(shape, dtype)``: an array of that shape (None sizes unknown)."""
    shape = args.get(0, "shape")
    if not isinstance(shape, (tuple, list)) or not args.complete:
        return UNKNOWN
    dims = tuple(UNKNOWN if d is None else d for d in shape)
    if not all(is_known(d) or d is UNKNOWN or isinstance(d, Sym) for d in dims):
        return UNKNOWN
    return Array(dims, dtype=numpy_api.dtype_of(args.get(1, "dtype")), loc=loc)


def _common(a: Value, b: Value) -> Value:
    """The element two concatenated datasets share: the dims they agree on (TensorFlow's
    most specific compatible shape); unknown where the structures differ."""
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b):
        return tuple(_common(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict) and a.keys() == b.keys():
        return {k: _common(a[k], b[k]) for k in a}
    if isinstance(a, Array) and isinstance(b, Array):
        if a.shape is None or b.shape is None or len(a.shape) != len(b.shape):
            return UNKNOWN
        dims = tuple(x if x == y else UNKNOWN for x, y in zip(a.shape, b.shape, strict=True))
        return replace(a, shape=dims, name=None, value_range=None)
    return UNKNOWN


def _rebatched(value: Value, dim: Value) -> Value:
    if not isinstance(value, Array) or not value.shape:
        return UNKNOWN
    return replace(value, shape=(dim, *value.shape[1:]), name=None)


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

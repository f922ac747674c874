"""scikit-learn as training scripts use it: splits, scalers, label encoders, toy data sets.

``train_test_split(*arrays, test_size=, train_size=)`` keeps every array's
rank and computes the sample counts as scikit-learn does (a fraction of the
samples, rounded up for the test part and down for the train part, or a count;
a quarter for the test part by default).  A scaler's ``fit_transform`` and
``transform`` keep the shape of a 2-D array, and give a 2-D array of any data
(a frame: scikit-learn rejects other ranks); MinMaxScaler, StandardScaler,
RobustScaler and MaxAbsScaler learn the number of features at ``fit`` and
reject another number at ``transform`` (and at ``inverse_transform``, unless
they learnt a single feature, which broadcasts): :func:`feature_mismatch`.
``LabelEncoder().fit_transform(y)`` gives one integer label per sample.
``make_regression``/``make_classification`` return ``(X, y)`` of the sizes asked for.
Anything else is unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from math import ceil, floor

from seqlint.dims import UNKNOWN, Dim, Sym, is_known
from seqlint.frontend import pandas_api
from seqlint.frontend.objects import Args, Items
from seqlint.ir import Array, Loc, Value

_SCALERS = frozenset(
    {
        "StandardScaler",
        "MinMaxScaler",
        "MaxAbsScaler",
        "RobustScaler",
        "Normalizer",
        "PowerTransformer",
        "QuantileTransformer",
    }
)
_FEATURE_CHECKS = frozenset({"StandardScaler", "MinMaxScaler", "MaxAbsScaler", "RobustScaler"})
_STEPS = ("with_mean", "with_std", "with_centering", "with_scaling")  # False: nothing to undo
_ENCODERS = frozenset({"LabelEncoder"})
_DEFAULT_TEST_SIZE = 0.25
MISSING = object()


@dataclass(frozen=True)
class Transformer:
    """A scaler or label encoder constructed in the script (``StandardScaler()``);
    ``classes``: how many distinct labels a LabelEncoder was fitted on, when listed;
    ``features``: how many features a scaler was fitted on (at ``fitted_at``), when known;
    ``undoes_all``: every statistic it learns is on (no ``with_mean=False``...), so that
    ``inverse_transform`` applies them all."""

    kind: str
    classes: Value = UNKNOWN
    features: Value = UNKNOWN
    fitted_at: Loc | None = None
    undoes_all: bool = False


def fitted(transformer: Transformer, name: str, args: Args, loc: Loc) -> Transformer:
    """The transformer after ``fit``/``fit_transform`` (what it learnt from listed labels,
    or the number of features of its data)."""
    if transformer.kind in _FEATURE_CHECKS and name in ("fit", "fit_transform", "partial_fit"):
        if name == "partial_fit" and is_known(transformer.features):
            return transformer  # scikit-learn keeps the first fit's features
        features = _features(args.get(0, "X")) if args.complete else UNKNOWN
        return replace(transformer, features=features, fitted_at=loc)
    if transformer.kind not in _ENCODERS or name not in ("fit", "fit_transform"):
        return transformer
    labels = args.get(0, "y")
    keys = list(labels) if isinstance(labels, (list, tuple)) else None
    known = keys and all(isinstance(k, (int, str)) and not isinstance(k, bool) for k in keys)
    return replace(transformer, classes=len(set(keys)) if known else UNKNOWN)


def attribute(transformer: Transformer, name: str, loc: Loc) -> Value:
    """``encoder.classes_``: one entry per class; ``scaler.n_features_in_``."""
    if name == "classes_" and transformer.kind in _ENCODERS:
        return Array((transformer.classes,), loc=loc)
    if name == "n_features_in_" and transformer.kind in _FEATURE_CHECKS:
        return transformer.features
    return UNKNOWN


def call(name: str, args: Args, loc: Loc) -> Value:
    """``sklearn.<name>(...)``; ``name`` is relative to sklearn (``"preprocessing.Normalizer"``)."""
    last = name.rsplit(".", 1)[-1]
    if last in _SCALERS or last in _ENCODERS:
        steps_on = args.complete and all(args.keywords.get(k, True) is True for k in _STEPS)
        return Transformer(last, undoes_all=steps_on)
    if last == "train_test_split":
        return _train_test_split(args, loc)
    if last == "make_regression":
        return _made(args, 100, loc, targets=args.keywords.get("n_targets", 1))
    if last == "make_classification":
        return _made(args, 20, loc, classes=args.keywords.get("n_classes", 2))
    return UNKNOWN


def method(transformer: Transformer, name: str, args: Args, loc: Loc) -> Value:
    """``scaler.fit(X)`` (the scaler itself), ``fit_transform``/``transform``/
    ``inverse_transform`` (an array of the same shape)."""
    if name in ("fit", "partial_fit"):
        return transformer
    if name not in ("fit_transform", "transform", "inverse_transform"):
        return UNKNOWN
    data = args.get(0, "X" if transformer.kind in _SCALERS else "y", MISSING)
    if data is MISSING or not args.complete:
        return UNKNOWN
    data = pandas_api.as_array(data, loc)
    if isinstance(data, (list, tuple)) and transformer.kind in _ENCODERS:
        data = Array((len(data),))
    elif not isinstance(data, Array):  # a frame, a list...: scikit-learn's checks fix the rank
        data = Array(None)
    if transformer.kind in _ENCODERS:
        labels = _labels(data, name, loc)
        count = transformer.classes
        if name == "fit_transform" and is_known(count) and labels.dtype == "int":
            labels = replace(labels, value_range=(0, count), covers_range=labels.shape)
        return labels
    if data.shape is None:
        return Array((UNKNOWN, UNKNOWN), dtype="float", loc=loc)
    if len(data.shape) == 2:  # scalers take 2-D arrays only
        return Array(data.shape, dtype="float", loc=loc)
    return Array(None, dtype="float", loc=loc)


def feature_mismatch(transformer: Transformer, name: str, args: Args) -> int | None:
    """The number of features given to ``transform``/``inverse_transform`` when it provably
    differs from what the scaler was fitted on, as scikit-learn then raises ValueError
    (``inverse_transform`` of one column broadcasts against a scaler of one feature)."""
    fitted_on = transformer.features
    if transformer.kind not in _FEATURE_CHECKS or not is_known(fitted_on) or not args.complete:
        return None
    if name == "inverse_transform" and (fitted_on == 1 or not transformer.undoes_all):
        return None
    if name not in ("transform", "inverse_transform"):
        return None
    given = _features(args.get(0, "X"))
    return given if is_known(given) and given != fitted_on else None


def _features(data: Value) -> Dim:
    """The columns of 2-D data (scikit-learn's features); unknown for anything else."""
    data = pandas_api.as_array(data)
    if isinstance(data, Array) and data.shape is not None and len(data.shape) == 2:
        return data.shape[1] if is_known(data.shape[1]) else UNKNOWN
    return UNKNOWN


def _labels(data: Array, name: str, loc: Loc) -> Array:
    """LabelEncoder: 1-D labels (a column ``(n, 1)`` is raveled) to integers, and back;
    scikit-learn raises on anything else, so the result is 1-D."""
    shape = data.shape
    if shape is None:
        shape = (UNKNOWN,)
    if len(shape) == 2 and shape[1] == 1:
        shape = shape[:1]
    if len(shape) != 1:
        return Array(None, loc=loc)
    return Array(shape, dtype="int" if name != "inverse_transform" else None, loc=loc)


def _made(
    args: Args, features: int, loc: Loc, *, targets: Value = 1, classes: Value = None
) -> Value:
    """``(X, y)`` of ``make_regression``/``make_classification``."""
    if not args.complete or args.keywords.get("coef", False) is not False:
        return UNKNOWN
    if args.keywords.get("return_X_y", True) is not True:
        return UNKNOWN
    samples = _size(args.get(0, "n_samples", 100))
    width = _size(args.get(1, "n_features", features))
    X = Array((samples, width), dtype="float", loc=loc)
    if classes is not None:
        bounds = (0, classes) if isinstance(classes, int) else None
        return (X, Array((samples,), dtype="int", value_range=bounds, loc=loc))
    if targets == 1:
        return (X, Array((samples,), dtype="float", loc=loc))
    return (X, Array((samples, _size(targets)), dtype="float", loc=loc))


def _size(value: Value) -> Dim:
    return value if is_known(value) or isinstance(value, Sym) else UNKNOWN


def _train_test_split(args: Args, loc: Loc) -> Value:
    """``[a_train, a_test, b_train, b_test, ...]`` for ``train_test_split(a, b, ...)``."""
    if not args.complete or not args.positional:
        return UNKNOWN
    arrays = args.positional
    counts = _split_counts(
        _samples(arrays), args.keywords.get("test_size"), args.keywords.get("train_size")
    )
    parts: list[Value] = []
    for value in arrays:
        parts.extend(_part(value, count, loc) for count in counts)
    return parts


def _samples(arrays: list[Value]) -> Dim:
    """The common number of samples; unknown unless every array states the same one."""
    sizes = {_length(value) for value in arrays}
    if len(sizes) != 1:
        return UNKNOWN
    size = sizes.pop()
    return size if is_known(size) else UNKNOWN


def _length(value: Value) -> Dim:
    if isinstance(value, Array):
        return value.shape[0] if value.shape else UNKNOWN
    if isinstance(value, Items):
        return value.count
    if isinstance(value, (list, tuple)):
        return len(value)
    return UNKNOWN


def _split_counts(n: Dim, test_size: Value, train_size: Value) -> tuple[Dim, Dim]:
    """(train, test) sample counts as ``sklearn.model_selection._validate_shuffle_split``."""
    if test_size is None and train_size is None:
        test_size = _DEFAULT_TEST_SIZE
    sizes = (test_size, train_size)
    if not is_known(n) or not all(s is None or _is_size(s) for s in sizes):
        return UNKNOWN, UNKNOWN
    if all(isinstance(s, float) for s in sizes) and test_size + train_size > 1:
        return UNKNOWN, UNKNOWN
    n_test = _count(test_size, n, ceil)
    n_train = _count(train_size, n, floor)
    if n_test is None or n_train is None:
        return UNKNOWN, UNKNOWN  # scikit-learn raises on an out-of-range size
    if train_size is None:
        n_train = n - n_test
    elif test_size is None:
        n_test = n - n_train
    if n_train + n_test > n or n_train <= 0:
        return UNKNOWN, UNKNOWN
    return n_train, n_test


def _is_size(value: Value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _count(size: Value, n: int, rounding: object) -> int | None:
    """A size as a count (0 when not given); None when scikit-learn rejects it."""
    if size is None:
        return 0
    if isinstance(size, float):
        return rounding(size * n) if 0 < size < 1 else None  # type: ignore[operator]
    return size if 0 < size < n else None


def _part(value: Value, count: Dim, loc: Loc) -> Value:
    """``value`` cut to ``count`` samples along its first axis."""
    if isinstance(value, Array):
        shape = None if not value.shape else (count, *value.shape[1:])
        return replace(value, shape=shape, name=None, loc=loc)
    if isinstance(value, Items):
        return Items(value.item, count)
    return UNKNOWN

"""pandas as training scripts use it: frames read or built, columns selected, arrays taken.

A :class:`Frame` knows its number of rows and of columns when the script states them (a
dict of lists, an array with ``columns=``, ``read_csv(usecols=[...])``), and the names of
its columns when listed; a file read otherwise has unknown rows and columns.  Selecting
columns fixes their count even when the rows are unknown: ``df[["a", "b"]]``,
``df.iloc[:, 1:]`` (of a frame of known width), ``df.drop(columns=[...])``; ``.values``
and ``.to_numpy()`` give ``(rows, columns)``, a column (``df["a"]``, ``df.iloc[:, 0]``) a
1-D array.  pandas raises on a name a frame does not have, so a selection by names has as
many columns as names whenever the code runs; frames whose column names may repeat
(built from an array with repeated ``columns=``) are not followed.  Anything the script
does to a frame in place (``df["c"] = ...``, ``inplace=True``, a function of another
module given the frame) makes its columns unknown (:func:`changed`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from seqlint.dims import UNKNOWN, Dim, Sym, is_known
from seqlint.frontend.objects import Args, Items
from seqlint.ir import Array, Loc, ShapeTuple, Value

Names = tuple[object, ...]


@dataclass(frozen=True, eq=False)
class Frame:
    """A DataFrame: ``rows`` and ``width`` (its number of columns) when known; ``columns``
    its column names in order, ``names`` the set of them, when the script states them;
    ``unique``: no two columns share a name (else a name may select several)."""

    rows: Dim
    width: Dim
    columns: Names | None = None
    names: frozenset | None = None
    loc: Loc | None = None
    unique: bool = True


@dataclass(frozen=True, eq=False)
class Column:
    """A Series: one column of a frame (``rows`` values)."""

    rows: Dim
    loc: Loc | None = None


@dataclass(frozen=True, eq=False)
class Indexer:
    """``df.iloc``: positional selection of rows and columns."""

    frame: Frame


_READERS = frozenset({"read_csv", "read_table", "read_excel", "read_parquet", "read_json"})
_SAME_ROWS = frozenset({"copy", "astype", "fillna", "abs", "round", "clip", "ffill", "bfill"})
_FEWER_ROWS = frozenset({"dropna", "drop_duplicates", "sample", "head", "tail", "query"})


def unknown_frame(loc: Loc | None = None) -> Frame:
    return Frame(UNKNOWN, UNKNOWN, loc=loc)


def _frame(rows: Dim, columns: Names, loc: Loc) -> Frame:
    """A frame of these columns (in order); one of unknown columns if names repeat."""
    if len(set(columns)) != len(columns):
        return Frame(_dim(rows), UNKNOWN, loc=loc)
    return Frame(_dim(rows), len(columns), tuple(columns), frozenset(columns), loc)


def _dim(value: Value) -> Dim:
    return value if is_known(value) or isinstance(value, Sym) else UNKNOWN


def call(name: str, args: Args, loc: Loc) -> Value:
    """``pandas.<name>(...)``: ``DataFrame`` and the ``read_*`` functions."""
    if name == "DataFrame":
        return _data_frame(args, loc) if args.complete else unknown_frame(loc)
    if name in _READERS:
        return _read(args, loc)
    return UNKNOWN


def _read(args: Args, loc: Loc) -> Frame:
    """A file read: rows unknown; columns known from ``usecols=`` (their set) or
    ``names=`` (in order), without ``index_col``."""
    if not args.complete or args.keywords.get("index_col") is not None:
        return unknown_frame(loc)
    names = args.keywords.get("names")
    if _labels(names):
        return _frame(UNKNOWN, tuple(names), loc)
    usecols = args.keywords.get("usecols")
    if _labels(usecols) and all(isinstance(c, str) for c in usecols):
        chosen = frozenset(usecols)
        return Frame(UNKNOWN, len(chosen), None, chosen, loc)
    return unknown_frame(loc)


def _labels(value: Value) -> bool:
    """A listed, non-empty sequence of column names (strings or ints)."""
    return (
        isinstance(value, (list, tuple))
        and bool(value)
        and all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value)
    )


def _data_frame(args: Args, loc: Loc) -> Frame:
    """``pd.DataFrame(data, columns=...)`` of a dict of columns, an array or a list of
    rows."""
    data, columns = args.get(0, "data"), args.get(2, "columns")
    if columns is not None and not _labels(columns):
        return unknown_frame(loc)
    if isinstance(data, dict):
        if not all(isinstance(k, (str, int)) and not isinstance(k, bool) for k in data):
            return unknown_frame(loc)
        lengths = {_length(v) for v in data.values()}
        rows = lengths.pop() if len(lengths) == 1 else UNKNOWN
        return _frame(rows, tuple(columns if columns is not None else data), loc)
    shape = _shape_of(data)
    if shape is None or len(shape) != 2:
        return unknown_frame(loc)
    if columns is None:
        width = shape[1]
        labels = tuple(range(width)) if is_known(width) else None
        if labels is None:
            return Frame(_dim(shape[0]), _dim(width), loc=loc)
        return _frame(shape[0], labels, loc)
    if is_known(shape[1]) and shape[1] != len(columns):
        return unknown_frame(loc)  # pandas raises: not ours to follow
    return _frame(shape[0], tuple(columns), loc)


def _length(value: Value) -> Dim:
    if isinstance(value, (list, tuple)):
        return len(value)
    if isinstance(value, Array) and value.shape is not None and len(value.shape) == 1:
        return value.shape[0]
    if isinstance(value, Column):
        return value.rows
    return UNKNOWN


def _shape_of(data: Value) -> tuple[Dim, ...] | None:
    if isinstance(data, Array):
        return data.shape
    if isinstance(data, Items):
        inner = data.item
        if isinstance(inner, (list, tuple)):
            return (_dim(data.count), len(inner))
        return None
    if isinstance(data, (list, tuple)) and data:
        widths = {len(row) if isinstance(row, (list, tuple)) else None for row in data}
        width = widths.pop() if len(widths) == 1 else None
        return None if width is None else (len(data), width)
    return None


def as_array(value: Value, loc: Loc | None = None) -> Value:
    """A frame or column as the array pandas gives for it (``.values``, ``.to_numpy()``,
    and what Keras and scikit-learn convert it to); other values unchanged."""
    if isinstance(value, Frame):
        return Array((value.rows, value.width), loc=loc or value.loc)
    if isinstance(value, Column):
        return Array((value.rows,), loc=loc or value.loc)
    return value


def attribute(value: Frame | Column | Indexer, name: str, origin: str, loc: Loc) -> Value:
    """``df.values``, ``df.shape``, ``df.columns``, ``df.iloc``; ``series.values``."""
    if isinstance(value, Indexer):
        return UNKNOWN
    if name == "values":
        return as_array(value, loc)
    if isinstance(value, Column):
        return ShapeTuple((value.rows,), origin) if name == "shape" else UNKNOWN
    if name == "shape":
        return ShapeTuple((value.rows, value.width), origin)
    if name == "iloc":
        return Indexer(value)
    if name == "columns" and value.columns is not None:
        return list(value.columns)
    return UNKNOWN


def method(value: Frame | Column, name: str, args: Args, loc: Loc) -> Value:
    """``to_numpy()``, ``drop(columns=...)``, and the methods that keep the columns."""
    if name == "to_numpy":
        return as_array(value, loc)
    if isinstance(value, Column):
        if name == "to_frame":
            return Frame(value.rows, 1, loc=loc)
        return Column(value.rows, loc) if name in _SAME_ROWS else UNKNOWN
    if args.keywords.get("inplace", False) is not False:
        return UNKNOWN
    if name == "drop":
        return _drop(value, args, loc)
    if name in _SAME_ROWS:
        return replace(value, loc=loc)
    if name in _FEWER_ROWS:
        return replace(value, rows=UNKNOWN, loc=loc)
    if name == "reset_index" and args.keywords.get("drop") is True:
        return replace(value, rows=value.rows, loc=loc)
    return UNKNOWN


def _drop(frame: Frame, args: Args, loc: Loc) -> Value:
    """``df.drop(columns=...)`` / ``df.drop(labels, axis=1)``: pandas raises unless every
    label is a column, so the columns left are the others (of a frame with unique names)."""
    labels = args.keywords.get("columns")
    if labels is None:
        axis = args.get(1, "axis", 0)
        if axis not in (1, "columns"):
            return replace(frame, rows=UNKNOWN, loc=loc)  # rows dropped
        labels = args.get(0, "labels")
    dropped = [labels] if isinstance(labels, (str, int)) else labels
    if not _labels(dropped) or len(set(dropped)) != len(dropped) or not frame.unique:
        return unknown_frame(loc)
    if frame.names is not None and not set(dropped) <= frame.names:
        return unknown_frame(loc)  # pandas raises KeyError
    if frame.columns is not None:
        return _frame(frame.rows, tuple(c for c in frame.columns if c not in dropped), loc)
    if frame.names is not None or is_known(frame.width):
        width = frame.width - len(dropped) if is_known(frame.width) else UNKNOWN
        names = frame.names - set(dropped) if frame.names is not None else None
        return Frame(frame.rows, width, None, names, loc)
    return unknown_frame(loc)


def select(value: Frame | Column, items: list[tuple[str, Value, Value, Value]], loc: Loc) -> Value:
    """``df[key]``: a column by name, columns by a list of names, rows by a slice."""
    if isinstance(value, Column) or len(items) != 1:
        return UNKNOWN
    frame, (kind, key, _, _) = value, items[0]
    if kind == "slice":
        rows = _rows(frame.rows, items[0])
        return UNKNOWN if rows is None else replace(frame, rows=rows, loc=loc)
    if kind != "index":
        return UNKNOWN
    if isinstance(key, (str, int)) and not isinstance(key, bool):
        if frame.names is not None and key not in frame.names or not frame.unique:
            return UNKNOWN  # pandas raises KeyError
        return Column(frame.rows, loc)
    if _labels(key):
        if len(set(key)) != len(key) or not frame.unique:
            return UNKNOWN
        if frame.names is not None and not set(key) <= frame.names:
            return UNKNOWN
        return _frame(frame.rows, tuple(key), loc)
    return UNKNOWN


def take(indexer: Indexer, items: list[tuple[str, Value, Value, Value]], loc: Loc) -> Value:
    """``df.iloc[rows, columns]`` with slices and integers."""
    frame = indexer.frame
    if not items or len(items) > 2:
        return UNKNOWN
    rows = _rows(frame.rows, items[0])
    if rows is None:
        return UNKNOWN
    if len(items) == 1:
        return replace(frame, rows=rows, loc=loc)
    kind, first, second, third = items[1]
    if kind == "index" and isinstance(first, int) and not isinstance(first, bool):
        if is_known(frame.width) and not -frame.width <= first < frame.width:
            return UNKNOWN
        return Column(rows, loc)
    if kind != "slice" or not all(b is None or isinstance(b, int) for b in (first, second, third)):
        return UNKNOWN
    if third == 0 or not is_known(frame.width):
        return UNKNOWN
    picked = range(frame.width)[slice(first, second, third)]
    if frame.columns is not None:
        return _frame(rows, tuple(frame.columns[i] for i in picked), loc)
    return Frame(rows, len(picked), loc=loc)


def _rows(rows: Dim, item: tuple[str, Value, Value, Value]) -> Dim | None:
    """The rows ``iloc`` keeps with this row index; None for a single row or anything else."""
    kind, first, second, third = item
    if kind != "slice" or not all(b is None or isinstance(b, int) for b in (first, second, third)):
        return None
    if first is None and second is None and third is None:
        return rows
    if third == 0:
        return None
    return len(range(rows)[slice(first, second, third)]) if is_known(rows) else UNKNOWN


def changed(value: Frame, *, renamed: bool = False) -> Frame:
    """A frame after code that may change it in place: its rows stay, its columns are
    unknown (and, once ``renamed``, may share names)."""
    return Frame(value.rows, UNKNOWN, loc=value.loc, unique=value.unique and not renamed)

"""Data arrays: their shapes, and what the script says about their content.

Only what a training script commonly does to build its data: numpy's random
and constant constructors (legacy ``np.random.*`` and ``default_rng()``
generators), ``np.array``/``np.asarray`` (with ``dtype``), ``np.stack``, ``np.concatenate``,
elementwise functions (``np.sin``, ``np.log``, ``np.clip``...),
``reshape`` (with ``-1`` when computable), ``expand_dims``, ``astype``, slicing
and indexing, arithmetic with scalars, one-hot encoding (``to_categorical``,
``tf.one_hot``, ``np.eye(n)[labels]``).  Besides the shape an
:class:`~seqlint.ir.Array` records its dtype family, the ``[low, high)`` range
of random integers, whether its last axis is one-hot, and whether it was
zero-padded (:mod:`seqlint.frontend.text_api`).  An array whose shape we cannot
follow is ``Array(None)``, never a guess.
"""

from __future__ import annotations

from dataclasses import replace
from math import ceil

from seqlint.dims import UNKNOWN, Dim, Sym, is_known, product, same, sub_const
from seqlint.frontend.arith import MAX_NODES
from seqlint.frontend.objects import Args, ExtName, Items
from seqlint.ir import Array, Loc, PyNumbers, ShapeTuple, Value, value_to_dim

Shape = tuple[Dim, ...] | None


def dims_of(value: Value) -> Shape:
    """The dims of a numpy ``shape`` argument: an int or a sequence of sizes.

    A bare symbol is of unknown rank (it may name a tuple), so it gives None.
    """
    if is_known(value):
        return (value,)
    if isinstance(value, ShapeTuple):
        value = value.items
    if isinstance(value, (tuple, list)):
        return tuple(value_to_dim(item) for item in value)
    return None


def _sizes(values: list[Value]) -> Shape:
    """Dims passed one per argument (``rand(a, b)``)."""
    if not all(is_known(v) or isinstance(v, Sym) for v in values):
        return None
    return tuple(values)


def dtype_of(value: Value) -> str | None:
    """The dtype family ("int", "float", "bool") of a dtype argument."""
    if isinstance(value, ExtName):
        value = value.qualname
    elif isinstance(value, Sym):  # the builtins int, float, bool
        value = value.name
    if not isinstance(value, str):
        return None
    name = value.rsplit(".", 1)[-1].lower()
    if name.startswith(("int", "uint")):
        return "int"
    if name.startswith(("float", "double", "half", "bfloat")):
        return "float"
    return "bool" if name in ("bool", "bool_") else None


def _derive(source: Array, shape: Shape, loc: Loc, *, one_hot: bool = False) -> Array:
    """An array computed from ``source``: same content, a new shape."""
    return replace(
        source,
        shape=shape,
        name=None,
        loc=loc,
        one_hot=source.one_hot and one_hot,
        literal=None,
        at_most=None,
    )


_FLOAT_SIZE_ARG = {  # float random constructors taking ``size``: its position
    "random.random": 0,
    "random.random_sample": 0,
    "random.sample": 0,
    "random.ranf": 0,
    "random.standard_normal": 0,
    "random.uniform": 2,
    "random.normal": 2,
    "random.exponential": 1,
}
_GENERATORS = {"random.default_rng", "random.RandomState", "random.Generator"}
_SCALAR_TYPES = {  # numpy's scalar types, called on a value
    **{f"float{bits}": "float" for bits in (16, 32, 64)},
    **{f"{kind}{bits}": "int" for kind in ("int", "uint") for bits in (8, 16, 32, 64)},
    "double": "float",
    "single": "float",
    "bool_": "bool",
}
_ELEMENTWISE = frozenset(
    {
        "sin",
        "cos",
        "tan",
        "tanh",
        "exp",
        "log",
        "log1p",
        "log2",
        "log10",
        "sqrt",
        "square",
        "clip",
        "nan_to_num",
    }
)  # float results, same shape
MISSING_DTYPE = object()
_LIKE = {"zeros_like", "ones_like", "empty_like", "full_like", "copy", "asarray", "array"}


def call(name: str, args: Args, loc: Loc) -> Value:
    """``numpy.<name>(...)``; ``name`` is relative to numpy (``"random.rand"``)."""
    if name in _GENERATORS:
        return ExtName("numpy.random")  # generator methods mirror the module's functions
    if name in ("random.rand", "random.randn"):
        return Array(_sizes(args.positional), dtype="float", loc=loc)
    if name in _FLOAT_SIZE_ARG:
        size = args.get(_FLOAT_SIZE_ARG[name], "size")
        if size is None:  # one number, when the parameters are numbers (not arrays)
            return _scalar("float", loc) if _numbers(args, _FLOAT_SIZE_ARG[name]) else UNKNOWN
        return Array(dims_of(size), dtype="float", loc=loc)
    if name in ("random.randint", "random.integers"):
        return _random_integers(args, loc)
    if name in ("zeros", "ones", "empty", "full"):
        dtype = args.get(2 if name == "full" else 1, "dtype", MISSING_DTYPE)
        fill = args.get(1, "fill_value") if name == "full" else 0.0
        family = (
            dtype_of(dtype)
            if dtype is not MISSING_DTYPE
            else ("int" if isinstance(fill, int) and name == "full" else "float")
        )
        return Array(dims_of(args.get(0, "shape")), dtype=family, loc=loc)
    if name == "eye":
        rows = args.get(0, "N")
        columns = args.get(1, "M")
        columns = rows if columns is None else columns
        return Array(_sizes([rows, columns]), dtype="float", one_hot=True, loc=loc)
    if name in _SCALAR_TYPES:  # ``np.float32(x)``: a number, or an array of that dtype
        return replace(_like(args.get(0, "value", 0), loc), dtype=_SCALAR_TYPES[name])
    if name in _LIKE:
        made = _like(args.get(0, "a" if name != "array" else "object"), loc)
        dtype = args.get(1, "dtype", MISSING_DTYPE) if name in ("array", "asarray") else None
        if _object_dtype(dtype):  # a 1-D array of the lists when they differ in length
            return Array(None, loc=loc)
        if isinstance(made, Array) and dtype is not None and dtype is not MISSING_DTYPE:
            made = replace(made, dtype=dtype_of(dtype))
        return made
    if name == "stack":
        return stack(args.get(0, "arrays"), args.get(1, "axis", 0), loc)
    if name == "concatenate":
        return concatenate(args.get(0, "arrays"), args.get(1, "axis", 0), loc)
    if name == "arange":
        return _arange(args.positional, loc)
    if name == "linspace":
        num = args.get(2, "num", 50)
        return Array(_sizes([num]), dtype="float", loc=loc)
    if name in _STACKS:
        return _stacked(name, args.get(0, "tup"), loc)
    if name == "unique":
        return _unique(args, loc)
    source = args.get(0, "a")
    if name in ("max", "amax") and isinstance(source, (list, tuple)):
        source = _like(source, loc)  # np.max([8, 4, 6]) reads the list as an array
    if not isinstance(source, Array):
        return UNKNOWN
    if name in ("max", "amax") and len(args.positional) == 1 and not args.keywords:
        return _largest(source)
    if name in ("cumsum", "cumprod"):
        axis = args.get(1, "axis")
        if axis is None:  # numpy flattens
            size = product(source.shape) if source.shape is not None else UNKNOWN
            return _derive(source, (size if is_known(size) else UNKNOWN,), loc)
        return _derive(source, source.shape, loc) if isinstance(axis, int) else UNKNOWN
    if name == "diff":
        return _diff(source, args.get(1, "n", 1), args.get(2, "axis", -1), loc)
    if name == "reshape":
        return reshape(source, [args.get(1, "newshape")], loc)
    if name == "expand_dims":
        return expand_dims(source, args.get(1, "axis"), loc)
    if name == "squeeze":
        return squeeze(source, args.get(1, "axis"), loc)
    if name == "transpose":
        return _transpose(source, args.get(1, "axes"), loc)
    if name == "random.permutation":
        return _derive(source, source.shape, loc)
    if name in _ELEMENTWISE:
        return replace(_derive(source, source.shape, loc), dtype="float", value_range=None)
    return UNKNOWN


_STACKS = frozenset({"hstack", "vstack", "row_stack", "column_stack"})


def _stacked(name: str, arrays: Value, loc: Loc) -> Array:
    """``np.hstack``/``vstack``/``column_stack`` as numpy defines them from ``concatenate``:
    1-D inputs joined end to end (hstack), as rows (vstack) or as columns (column_stack)."""
    items = [_like(a, loc) for a in arrays] if isinstance(arrays, (list, tuple)) else []
    shapes = [a.shape for a in items]
    if not items or any(shape is None for shape in shapes):
        return Array(None, loc=loc)
    flat = all(len(shape) == 1 for shape in shapes)
    if name == "hstack":
        return concatenate(items, 0 if flat else 1, loc)
    if name in ("vstack", "row_stack"):
        rows = [_derive(a, (1, *a.shape), loc) if len(a.shape) == 1 else a for a in items]
        return concatenate(rows, 0, loc)
    columns = [_derive(a, (*a.shape, 1), loc) if len(a.shape) == 1 else a for a in items]
    return concatenate(columns, 1, loc)


def _unique(args: Args, loc: Loc) -> Value:
    """``np.unique(values)``: the sorted distinct values, 1-D; their count when the script
    lists them."""
    extras = ("return_index", "return_inverse", "return_counts", "axis")
    if len(args.positional) > 1 or any(args.keywords.get(k) for k in extras):
        return UNKNOWN
    values = args.get(0, "ar")
    if isinstance(values, (list, tuple)) and values and all(map(_hashable, values)):
        return Array((len(set(values)),), dtype=_literal_dtype(values), loc=loc)
    if isinstance(values, (Array, list, tuple, Items)):
        return Array((UNKNOWN,), loc=loc)
    return UNKNOWN


def _largest(array: Array) -> Value:
    """``np.max(labels)`` of labels whose largest value is known to occur."""
    if not _max_occurs(array):
        return UNKNOWN
    return sub_const(array.value_range[1], 1)  # type: ignore[index]


def _max_occurs(labels: Array) -> bool:
    """The top of the labels' range occurs in them: every int of it does (LabelEncoder's
    codes), or the labels are the script's literal list (the range is its min and max)."""
    return labels.value_range is not None and (labels.literal is not None or _all_classes(labels))


def _all_classes(labels: Array) -> bool:
    """Every int of the labels' range occurs in them (not in a part of them)."""
    shape = labels.shape
    return labels.value_range is not None and shape is not None and labels.covers_range == shape


def _hashable(value: Value) -> bool:
    return isinstance(value, (int, float, str)) and not isinstance(value, bool)


def _diff(array: Array, n: Value, axis: Value, loc: Loc) -> Value:
    """``np.diff(a, n, axis)``: ``n`` fewer items along ``axis``."""
    shape = array.shape
    if shape is None:
        return Array(None, loc=loc)
    if not isinstance(n, int) or not isinstance(axis, int) or n < 0:
        return UNKNOWN
    if not -len(shape) <= axis < len(shape):
        return UNKNOWN
    axis %= len(shape)
    dim = shape[axis]
    size = max(dim - n, 0) if is_known(dim) else UNKNOWN
    made = _derive(array, (*shape[:axis], size, *shape[axis + 1 :]), loc)
    return replace(made, value_range=None)


def _random_integers(args: Args, loc: Loc) -> Value:
    """``randint(low, high, size)`` / ``integers(low, high, size)``: ints in [low, high);
    one int without ``size`` when the bounds are numbers (not arrays)."""
    size = args.get(2, "size")
    low, high = args.get(0, "low"), args.get(1, "high")
    if high is None:
        low, high = 0, low
    bounds = (low, high) if all(isinstance(b, int) for b in (low, high)) else None
    if size is None:
        return replace(_scalar("int", loc), value_range=bounds) if _numbers(args, 2) else UNKNOWN
    return Array(dims_of(size), dtype="int", value_range=bounds, loc=loc)


def _scalar(dtype: str, loc: Loc) -> Array:
    """One number made by numpy (a 0-d value: ``np.array([a, b])`` of two is ``(2,)``)."""
    return Array((), dtype=dtype, loc=loc)


def _numbers(args: Args, size_at: int) -> bool:
    """Every argument before position ``size_at`` (the distribution's parameters) is a
    Python number: numpy then draws one number, not an array of the parameters' shape."""
    given = [*args.positional[:size_at], *(v for k, v in args.keywords.items() if k != "size")]
    return args.complete and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in given
    )


def _like(value: Value, loc: Loc) -> Array:
    if isinstance(value, Array):
        return _derive(value, value.shape, loc, one_hot=True)
    if isinstance(value, Items):
        return _of_items(value, loc)
    shape = _literal_shape(value, [MAX_NODES], 0)
    literal = None
    if shape is not None and len(shape) == 1 and len(value) <= _MAX_LITERAL:
        literal = tuple(value)  # a flat list of numbers or strings: its items are known
    dtype = _literal_dtype(value) if shape is not None else None
    return Array(shape, dtype=dtype, loc=loc, value_range=_literal_range(value), literal=literal)


_MAX_LITERAL = 1000  # longer literal lists keep their shape only


def _literal_range(value: Value) -> tuple[int, int] | None:
    """``[min, max + 1)`` of a flat literal list of ints (``np.array([3, 1, 2])``)."""
    if not isinstance(value, (list, tuple)) or not value or len(value) > _MAX_LITERAL:
        return None
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return None
    return (min(value), max(value) + 1)


def _literal_shape(value: Value, budget: list[int], depth: int) -> Shape:
    """Shape of a regular nested list/tuple of numbers; None when irregular or unknown."""
    budget[0] -= 1
    if budget[0] < 0 or depth > 32:
        return None
    if isinstance(value, (int, float, str)):
        return ()
    if isinstance(value, (Array, PyNumbers)):
        return value.shape
    if isinstance(value, Items):  # a comprehension, or a loop's appends, in the list
        return _items_shape(value)
    if not isinstance(value, (list, tuple)):
        return None
    shapes = set()
    for item in value:
        shapes.add(_literal_shape(item, budget, depth + 1))
        if len(shapes) > 1 or None in shapes:
            return None
    inner = shapes.pop() if shapes else ()
    return (len(value), *inner)


def _of_items(items: Items, loc: Loc) -> Array:
    """``np.array([...comprehension...])``: known when every item has the same known shape.
    Comprehensions of comprehensions of numbers (``[[ids[w] for w in s] for s in texts]``)
    give ``(count, inner count)``: numpy raises on rows of different lengths, so a script
    that runs has rows of one length, unknown when the inner count is. The range of the
    ints the items hold is kept (the ids ``word_index[w]`` looks up)."""
    item = items.item
    shape = _items_shape(items)
    if isinstance(item, Items):
        item = _of_items(item, loc)
    elif isinstance(item, (list, tuple)) and shape is not None:  # ``rows.append([a, b, c])``
        item = Array(shape[1:], dtype=_literal_dtype(item), loc=loc)
    dtype = (
        item.dtype
        if isinstance(item, Array)
        else "float"
        if isinstance(item, float)
        else ("int" if shape is not None and not _unknown_numbers(item) else None)
    )
    bounds = item.value_range if isinstance(item, Array) and shape is not None else None
    at_most = items.at_most if shape is not None and shape[0] is UNKNOWN else None
    return Array(shape, dtype=dtype, loc=loc, value_range=bounds, at_most=at_most)


def _items_shape(items: Items) -> Shape:
    """The shape ``np.array`` gives Items: (count, *item shape) when the item is a number,
    an array of known sizes, or Items of such (their rows share one length, or numpy
    raises); None otherwise."""
    item = items.item
    count = items.count if is_known(items.count) or isinstance(items.count, Sym) else UNKNOWN
    if isinstance(item, (int, float)) and not isinstance(item, bool):
        return (count,)
    if (
        isinstance(item, (Array, PyNumbers))
        and item.shape is not None
        and all(map(is_known, item.shape))
    ):
        return (count, *item.shape)
    if isinstance(item, Items):
        inner = _items_shape(item)
        return None if inner is None else (count, *inner)
    if isinstance(item, (list, tuple)):  # a literal row: ``rows.append([a, b, c])``
        row = _literal_shape(item, [MAX_NODES], 0)
        return (count, *row) if row is not None and all(map(is_known, row)) else None
    return None


def _unknown_numbers(item: Value) -> bool:
    """Whether Items of ``item`` hold :class:`PyNumbers` (their dtype is not known)."""
    while isinstance(item, Items):
        item = item.item
    return isinstance(item, PyNumbers)


def python_numbers(items: Items) -> PyNumbers | None:
    """Items of Python numbers (``rows.append(day.tolist())``, ``[r.tolist() for r in x]``)
    as the IR holds them; None for items of anything else."""
    if not _unknown_numbers(items):
        return None
    shape = _items_shape(items)
    return PyNumbers(None if shape is None else tuple(d if is_known(d) else UNKNOWN for d in shape))


def stack(arrays: Value, axis: Value, loc: Loc) -> Value:
    """``np.stack(arrays, axis)``: the arrays share one shape (numpy raises otherwise),
    and a new axis of their count is inserted at ``axis``."""
    if isinstance(arrays, Items):
        count, first = arrays.count, arrays.item
        shapes = [first.shape] if isinstance(first, Array) else [None]
    else:
        items = list(arrays) if isinstance(arrays, (list, tuple)) else None
        if not items or not all(isinstance(a, Array) for a in items):
            return Array(None, loc=loc)
        count, first = len(items), items[0]
        shapes = [a.shape for a in items]
    shape = shapes[0]
    if shape is None or any(s is None or len(s) != len(shape) for s in shapes):
        return Array(None, loc=loc)
    rank = len(shape) + 1
    if not isinstance(axis, int) or isinstance(axis, bool) or not -rank <= axis < rank:
        return Array(None, loc=loc)
    dims = list(shape)
    for other in shapes[1:]:
        dims = [d if same(d, o) else UNKNOWN for d, o in zip(dims, other, strict=True)]
    dims.insert(axis % rank, count if is_known(count) or isinstance(count, Sym) else UNKNOWN)
    dtype = first.dtype if isinstance(first, Array) else None
    return Array(tuple(dims), dtype=dtype, loc=loc)


def concatenate(arrays: Value, axis: Value, loc: Loc) -> Array:
    """``np.concatenate(arrays, axis)``: same rank, sizes added along ``axis``."""
    items = list(arrays) if isinstance(arrays, (list, tuple)) else None
    if not items or not all(isinstance(a, Array) and a.shape is not None for a in items):
        return Array(None, loc=loc)
    shapes = [a.shape for a in items]
    rank = len(shapes[0])
    if (
        rank == 0
        or any(len(s) != rank for s in shapes)
        or not isinstance(axis, int)
        or (isinstance(axis, bool) or not -rank <= axis < rank)
    ):
        return Array(None, loc=loc)
    axis %= rank
    dims: list[Dim] = []
    for i, column in enumerate(zip(*shapes, strict=True)):
        if i == axis:
            dims.append(sum(column) if all(map(is_known, column)) else UNKNOWN)
        else:
            dims.append(column[0] if all(same(d, column[0]) for d in column) else UNKNOWN)
    dtypes = {a.dtype for a in items}
    return Array(tuple(dims), dtype=dtypes.pop() if len(dtypes) == 1 else None, loc=loc)


def _object_dtype(value: Value) -> bool:
    """``dtype=object`` (``np.object_``, ``"O"``): numpy keeps ragged lists as objects."""
    if isinstance(value, ExtName):
        return value.qualname.rsplit(".", 1)[-1] in ("object", "object_")
    if isinstance(value, Sym):
        return value.name == "object"
    return value in ("object", "O")


def _literal_dtype(value: Value) -> str | None:
    """ "float" if a (regular, already checked) nested literal holds a float, None if it
    holds a string or numbers of unknown dtype, else "int"."""
    stack = [value]
    family: str | None = "int"
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            return None
        if isinstance(item, PyNumbers):
            return None  # numbers of unknown dtype
        if isinstance(item, float) or isinstance(item, Array) and item.dtype != "int":
            family = "float"
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, Items):
            stack.append(item.item)
    return family


def _arange(values: list[Value], loc: Loc) -> Value:
    if not values or not all(isinstance(v, int) for v in values) or len(values) > 3:
        return UNKNOWN
    start, stop, step = (0, values[0], 1) if len(values) == 1 else (*values[:2], 1)
    if len(values) == 3:
        step = values[2]
    if step == 0:
        return UNKNOWN
    bounds = (min(start, stop), max(start, stop)) if step > 0 else None
    return Array((max(0, ceil((stop - start) / step)),), dtype="int", value_range=bounds, loc=loc)


def reshape(array: Array, args: list[Value], loc: Loc) -> Array:
    """``array.reshape(*args)``: the new shape, with ``-1`` inferred when the sizes are known
    (unknown when numpy raises: :func:`reshape_misfit`)."""
    target = _reshape_target(args)
    if target is None or reshape_misfit(array, args) is not None:
        return _derive(array, None, loc)
    if target.count(-1) == 1:
        others = product(tuple(d for d in target if d != -1))
        total = product(array.shape) if array.shape is not None else UNKNOWN
        inferred: Dim = UNKNOWN
        if is_known(total) and is_known(others) and others and total % others == 0:
            inferred = total // others
        target = tuple(inferred if d == -1 else d for d in target)
    return _derive(array, target, loc, one_hot=_same_last(array.shape, target))


def _reshape_target(args: list[Value]) -> Shape:
    return dims_of(args[0]) if len(args) == 1 else _sizes(args)


def reshape_misfit(array: Array, args: list[Value]) -> tuple[Dim, ...] | None:
    """The shape asked for when ``array.reshape(*args)`` provably cannot hold the array's
    elements (numpy raises ``cannot reshape array of size N into shape ...``); None when it
    fits or may fit.  Sizes known only by name count when both sides have the same names
    (``X.reshape(X.shape[0], 10, 1)`` of an ``(n, 3)`` array needs ``n * 10`` elements, not
    ``n * 3``: wrong for any ``n`` but 0, and no data set has 0 rows); ``array`` has its
    unknown sizes named ``X.shape[i]`` after its variable."""
    target = _reshape_target(args)
    if target is None or array.shape is None or target.count(-1) > 1:
        return None
    have = _factors(array.shape)
    want = _factors(tuple(d for d in target if d != -1))
    if have is None or want is None or have[1] != want[1] or want[0] == 0 or have[0] == 0:
        return None
    if -1 in target:
        return target if have[0] % want[0] else None
    return target if have[0] != want[0] else None


def _factors(dims: tuple[Dim, ...]) -> tuple[int, tuple[str, ...]] | None:
    """A product of sizes as (the product of its known sizes, the names of the others);
    None when a size is neither (unknown, negative, the batch axis)."""
    known, names = 1, []
    for dim in dims:
        if is_known(dim) and dim >= 0:
            known *= dim
        elif isinstance(dim, Sym):
            names.append(dim.name)
        else:
            return None
    return known, tuple(sorted(names))


def named_sizes(array: Array, name: str) -> Array:
    """``array`` with its unknown sizes named ``name.shape[i]``, as code reads them when
    ``name`` holds it."""
    if array.shape is None:
        return array
    dims = tuple(
        Sym(f"{name}.shape[{i}]") if d is UNKNOWN else d for i, d in enumerate(array.shape)
    )
    return replace(array, shape=dims)


def _same_last(before: Shape, after: Shape) -> bool:
    return bool(before and after) and is_known(before[-1]) and before[-1] == after[-1]


def expand_dims(array: Array, axis: Value, loc: Loc) -> Array:
    if array.shape is None or not isinstance(axis, int):
        return _derive(array, None, loc)
    rank = len(array.shape) + 1
    if not -rank <= axis < rank:
        return _derive(array, None, loc)
    position = axis % rank
    shape = (*array.shape[:position], 1, *array.shape[position:])
    return _derive(array, shape, loc, one_hot=position < rank - 1)


def squeeze(array: Array, axis: Value, loc: Loc) -> Array:
    if array.shape is None:
        return _derive(array, None, loc)
    if axis is None:
        if not all(is_known(d) for d in array.shape):
            return _derive(array, None, loc)
        shape = tuple(d for d in array.shape if d != 1)
        return _derive(array, shape, loc, one_hot=_same_last(array.shape, shape))
    if not isinstance(axis, int) or not -len(array.shape) <= axis < len(array.shape):
        return _derive(array, None, loc)
    position = axis % len(array.shape)
    shape = array.shape[:position] + array.shape[position + 1 :]
    return _derive(array, shape, loc, one_hot=position < len(array.shape) - 1)


def _transpose(array: Array, axes: Value, loc: Loc) -> Array:
    """``np.transpose(a, axes)``: the axes in that order (reversed without ``axes``); an order
    seqlint cannot read leaves the shape unknown."""
    shape = array.shape
    if shape is None:
        return _derive(array, None, loc)
    if axes is None:
        return _derive(array, tuple(reversed(shape)), loc)
    order = list(axes) if isinstance(axes, (tuple, list)) else None
    if order is None or sorted(o for o in order if is_known(o)) != list(range(len(shape))):
        return _derive(array, None, loc)
    return _derive(array, tuple(shape[o] for o in order), loc)


def overwritten(array: Array, stored: Value) -> Array:
    """``array`` after ``stored`` was written into a part of it (``array[i] = v``): the same
    shape; its items are no longer the listed ones nor every class, its value range takes in
    what was stored (unknown when that is)."""
    bounds = _union(array.value_range, _range_of(stored))
    return replace(array, literal=None, value_range=bounds, covers_range=None)


def joined(values: list[Value]) -> Array | None:
    """The array every path holds, when each is the same array or that array written into in
    place (``X[i, t] = 1.0`` in a loop): one known shape, and its content facts only where
    every path agrees. None when the paths differ otherwise."""
    if not values or not all(isinstance(v, Array) for v in values):
        return None
    first, *rest = values
    if first.shape is None:
        return None
    if all(v == first for v in rest):
        return first

    def facts(array: Array) -> Array:  # what a write in place leaves as it was
        return replace(array, literal=None, value_range=None, covers_range=None, loc=None)

    if any(facts(v) != facts(first) for v in rest):
        return None
    agreed = all(v.value_range == first.value_range for v in rest)
    bounds = first.value_range if agreed else None
    return replace(first, literal=None, value_range=bounds, covers_range=None)


def in_place(array: Array, name: str, args: Args) -> Array | None:
    """``array`` after the method ``name`` changed it in place (``fill``, ``put``,
    ``itemset``, ``sort``, ``partition``); None for a method that does not."""
    if name in ("sort", "partition"):  # the same values, in another order
        return replace(array, literal=None)
    if name == "fill":
        return overwritten(array, args.get(0, "value"))
    if name == "put":
        return overwritten(array, args.get(1, "values"))
    if name == "itemset":
        return overwritten(array, args.positional[-1] if args.positional else UNKNOWN)
    return None


def _range_of(value: Value) -> tuple[int, Dim] | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return (value, value + 1)
    return value.value_range if isinstance(value, Array) else None


def _union(a: tuple[int, Dim] | None, b: tuple[int, Dim] | None) -> tuple[int, Dim] | None:
    """The smallest range holding both, when both are known and comparable."""
    if a is None or b is None:
        return None
    if a == b:
        return a
    if isinstance(a[1], int) and isinstance(b[1], int):
        return (min(a[0], b[0]), max(a[1], b[1]))
    return None


def method(array: Array, name: str, args: Args, loc: Loc) -> Value:
    """``array.<name>(...)``."""
    if name == "reshape":
        return reshape(array, args.positional or [args.keywords.get("shape")], loc)
    if name == "astype":
        family = dtype_of(args.get(0, "dtype"))
        return replace(_derive(array, array.shape, loc, one_hot=True), dtype=family)
    if name in ("copy", "numpy"):  # ``tensor.numpy()``: the same values as an array
        return _derive(array, array.shape, loc, one_hot=True)
    if name in ("flatten", "ravel"):
        return _derive(array, None if array.shape is None else (product(array.shape),), loc)
    if name == "squeeze":
        return squeeze(array, args.get(0, "axis"), loc)
    if name == "max" and not args.positional and not args.keywords:
        return _largest(array)
    if name == "transpose":
        positional = args.positional
        axes = positional[0] if len(positional) == 1 else tuple(positional) or None
        return _transpose(array, axes, loc)
    if name == "tolist" and not args.positional and not args.keywords:
        return PyNumbers(array.shape)
    return UNKNOWN


def attribute(array: Array, name: str, origin: str, loc: Loc) -> Value:
    """``array.<name>``; ``origin`` is the source text, e.g. ``"X.shape"``."""
    if name == "T":
        return _transpose(array, None, loc)
    if array.shape is None:
        return UNKNOWN
    if name == "shape":
        return ShapeTuple(array.shape, origin)
    if name == "ndim":
        return len(array.shape)
    if name == "size":
        return product(array.shape)
    return UNKNOWN


def binary(op: str, left: Value, right: Value, loc: Loc) -> Value:
    """Element-wise arithmetic of an array with a number or an array of the same shape."""
    if isinstance(left, Array) and isinstance(right, Array):
        if left.shape is None or left.shape != right.shape or not all(map(is_known, left.shape)):
            return Array(None, loc=loc)
        floats = "float" in (left.dtype, right.dtype) or op == "/"
        return Array(left.shape, dtype="float" if floats else left.dtype, loc=loc)
    array, number = (left, right) if isinstance(left, Array) else (right, left)
    if not isinstance(number, (int, float)) or not isinstance(array, Array):
        return UNKNOWN
    dtype = "float" if op == "/" or isinstance(number, float) else array.dtype
    bounds, shift = None, None
    if array.value_range is not None and isinstance(number, int) and not isinstance(number, bool):
        low, high = array.value_range
        if op == "+":
            bounds, shift = (low + number, sub_const(high, -number)), number
        elif op == "-" and array is left:
            bounds, shift = (low - number, sub_const(high, number)), -number
    made = replace(_derive(array, array.shape, loc), dtype=dtype, value_range=bounds)
    if shift is not None and array.literal is not None:  # labels - 1: still the listed ints
        made = replace(made, literal=tuple(v + shift for v in array.literal))  # type: ignore[operator]
    return made


Index = tuple[str, Value, Value, Value]  # ("index", i, _, _) | ("slice", lower, upper, step)
ANY_INDEX = object()  # an integer index of unknown value: a loop counter (``data[i + 10, 0]``)
NEW_AXIS: Index = ("new", None, None, None)
ELLIPSIS: Index = ("...", None, None, None)


def subscript(array: Array, items: list[Index], loc: Loc) -> Array:
    """``array[items]`` for integer indices, slices, ``None``/``np.newaxis``, ``...`` and an
    integer index array (``np.eye(n)[labels]``)."""
    if array.shape is None:
        return _derive(array, None, loc)
    if len(items) == 1 and items[0][0] == "index" and isinstance(items[0][1], Array):
        return _take(array, items[0][1], loc)
    if array.literal is not None and len(items) == 1 and items[0][0] == "slice":
        sliced = _sliced_literal(array, items[0], loc)
        if sliced is not None:
            return sliced
    consuming = sum(1 for item in items if item[0] in ("index", "slice"))
    if consuming > len(array.shape) or sum(1 for item in items if item is ELLIPSIS) > 1:
        return _derive(array, None, loc)
    shape: list[Dim] = []
    origins: list[int | None] = []  # the input axis each output axis comes from
    axis = 0
    for kind, first, second, third in items:
        if kind == "new":
            shape.append(1)
            origins.append(None)
        elif kind == "...":
            skipped = len(array.shape) - consuming
            shape.extend(array.shape[axis : axis + skipped])
            origins.extend(range(axis, axis + skipped))
            axis += skipped
        elif kind == "index":
            if not isinstance(first, int) and first is not ANY_INDEX:
                return _derive(array, None, loc)
            axis += 1
        else:
            shape.append(_slice_length(array.shape[axis], first, second, third))
            origins.append(axis)
            axis += 1
    shape.extend(array.shape[axis:])
    origins.extend(range(axis, len(array.shape)))
    last_kept = bool(origins) and origins[-1] == len(array.shape) - 1
    return _derive(array, tuple(shape), loc, one_hot=last_kept)


def row(array: Array, loc: Loc) -> Array:
    """An item of a loop over ``array`` (``for day in days:``): one row of its first axis."""
    return subscript(array, [("index", ANY_INDEX, None, None)], loc)


def _sliced_literal(array: Array, item: Index, loc: Loc) -> Array | None:
    """``labels[:9]`` of the script's literal list with constant bounds: its items are
    known (a train/validation split of listed labels keeps their classes)."""
    _, lower, upper, step = item
    bounds = (lower, upper, step)
    if step == 0 or not all(b is None or type(b) is int for b in bounds):
        return None
    assert array.literal is not None
    picked = array.literal[slice(lower, upper, step)]
    made = _derive(array, (len(picked),), loc)
    bounds_of_items = _literal_range(list(picked))
    return replace(made, literal=picked, value_range=bounds_of_items, covers_range=None)


def _take(array: Array, index: Array, loc: Loc) -> Array:
    """``array[index]`` with an integer array: rows picked along the first axis."""
    if index.dtype != "int" or index.shape is None or array.shape is None:
        return _derive(array, None, loc)
    return _derive(array, (*index.shape, *array.shape[1:]), loc, one_hot=len(array.shape) > 1)


def _slice_length(dim: Dim, lower: Value, upper: Value, step: Value) -> Dim:
    if lower is None and upper is None and step is None:
        return dim
    bounds = (lower, upper, step)
    if is_known(dim) and all(b is None or isinstance(b, int) for b in bounds) and step != 0:
        return len(range(dim)[slice(lower, upper, step)])
    if isinstance(lower, Sym) and isinstance(upper, Sym) and step in (None, 1):
        return _window_length(dim, lower, upper)
    return UNKNOWN


def _window_length(dim: Dim, lower: Sym, upper: Sym) -> Dim:
    """``x[i:i + k]``, ``x[i + 2:i + 5]``: a window of ``k`` steps (a window running past
    the end, which numpy would cut short, is not followed)."""
    low_base, low_offset = _offset(lower.name)
    up_base, up_offset = _offset(upper.name)
    if low_base != up_base:
        return _offset_symbol(lower, upper)
    length = up_offset - low_offset
    if length < 0 or is_known(dim) and length > dim:
        return UNKNOWN
    return length


def _offset(name: str) -> tuple[str, int]:
    """``"(i+12)+1"`` -> ``("i", 13)``, ``"i-60"`` -> ``("i", -60)``: a symbol as a base plus
    a constant."""
    offset = 0
    while True:
        head, sign, tail = max(name.rpartition("+"), name.rpartition("-"), key=lambda p: len(p[0]))
        if sign and tail.isdigit() and head:
            name, offset = head, offset + (int(tail) if sign == "+" else -int(tail))
        elif name.startswith("(") and name.endswith(")"):
            name = name[1:-1]
        else:
            return name, offset


def _offset_symbol(lower: Sym, upper: Sym) -> Dim:
    """``x[i:i + steps]``: ``steps`` steps."""
    start = lower.name if lower.name.isidentifier() else f"({lower.name})"
    rest = upper.name[len(start) + 1 :] if upper.name.startswith(start + "+") else ""
    return Sym(rest) if rest.isidentifier() else UNKNOWN


def labels_beyond(labels: Value, classes: Value) -> tuple[int, int, Loc | None] | None:
    """The largest label, the classes and where the labels were made, when
    ``to_categorical(labels, classes)`` has no column for it: that label occurs and is
    ``classes`` or more."""
    if isinstance(labels, (list, tuple)):
        labels = _like(labels, None)
    if not isinstance(labels, Array) or not isinstance(classes, int) or classes < 1:
        return None
    top = _largest(labels)
    if not isinstance(top, int) or top < classes:
        return None
    return top, classes, labels.loc


def one_hot(labels: Value, classes: Value, loc: Loc, *, squeeze_last: bool) -> Value:
    """``to_categorical`` (which replaces a trailing axis of 1) and ``tf.one_hot``."""
    if isinstance(labels, (list, tuple)):
        labels = _like(labels, loc)  # to_categorical([8, 4, 6]) reads the list as an array
    if not isinstance(labels, Array):
        return UNKNOWN
    shape = labels.shape
    if classes is None and _max_occurs(labels):
        classes = labels.value_range[1]  # the largest label occurs: Keras counts max + 1
    if not (is_known(classes) or isinstance(classes, Sym)):
        classes = UNKNOWN
    if shape is not None and squeeze_last and len(shape) > 1:
        if not is_known(shape[-1]):
            shape = None
        elif shape[-1] == 1:
            shape = shape[:-1]
    return Array(None if shape is None else (*shape, classes), dtype="float", one_hot=True, loc=loc)


def windows(series: Value, length: Value, loc: Loc) -> Value:
    """One batch of windows of ``length`` steps cut from ``series`` (rows when None)."""
    if not isinstance(series, Array):
        return UNKNOWN
    if series.shape is None:
        return _derive(series, None, loc)
    steps = (
        ()
        if length is None
        else (length if is_known(length) or isinstance(length, Sym) else UNKNOWN,)
    )
    shape = (UNKNOWN, *steps, *series.shape[1:])
    return _derive(series, shape, loc, one_hot=len(series.shape) > 1)

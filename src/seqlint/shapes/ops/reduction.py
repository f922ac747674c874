"""Reductions over axes: sum, mean, max, min, prod, std, var, any, all, logsumexp, median,
count_nonzero, norm, moments, and the arg-reductions argmax and argmin.

Keras facts (``keras.ops``'s ``reduce_shape``): ``axis=None`` reduces every axis; each axis
must exist; ``keepdims`` keeps the reduced axes as 1; without it Keras deletes each listed
axis in turn, largest first, so a repeated axis deletes the next one too (or fails past the
end). TensorFlow's reductions drop each axis once (``static``).
"""

from __future__ import annotations

from seqlint.dims import Shape
from seqlint.shapes.ops.aliases import aliases
from seqlint.shapes.ops.common import axes, axis, dims, fail, flag, keras_deleted, two
from seqlint.shapes.ops.registry import OpCall, op


def reduced(call: OpCall, value_axes: object, keepdims: bool) -> Shape:
    """``x`` reduced over ``value_axes`` (None: every axis)."""
    source = dims(call["x"])
    chosen = axes(value_axes, len(source))
    if chosen is None:
        chosen = tuple(range(len(source)))
    if keepdims:
        return Shape(tuple(1 if i in chosen else d for i, d in enumerate(source)))
    if call["static"] == "keras":
        return Shape(keras_deleted(source, chosen))
    return Shape(tuple(d for i, d in enumerate(source) if i not in chosen))


REDUCTIONS = ("sum", "mean", "max", "min", "prod", "std", "var", "any", "all", "logsumexp")
REDUCTIONS_TF = {
    "sum": ("reduce_sum", "math.reduce_sum"),
    "mean": ("reduce_mean", "math.reduce_mean"),
    "max": ("reduce_max", "math.reduce_max"),
    "min": ("reduce_min", "math.reduce_min"),
    "prod": ("reduce_prod", "math.reduce_prod"),
    "std": ("math.reduce_std",),
    "var": ("math.reduce_variance",),
    "any": ("reduce_any", "math.reduce_any"),
    "all": ("reduce_all", "math.reduce_all"),
    "logsumexp": ("reduce_logsumexp", "math.reduce_logsumexp"),
}
REDUCTIONS_BACKEND = ("sum", "mean", "max", "min", "prod", "std", "var", "any", "all")


def reduce(call: OpCall) -> list[Shape]:
    return [reduced(call, call["axis"], flag(call["keepdims"]))]


for _name in REDUCTIONS:
    op(_name, "x:tensor, axis=None, keepdims=False, static='keras'")(reduce)
    aliases(f"{_name}(x, axis=None, keepdims=False)", f"ops.{_name}")
    aliases(
        f"{_name}(input_tensor->x, axis=None, keepdims=False; static='tf')",
        *(f"tensorflow.{n}" for n in REDUCTIONS_TF[_name]),
    )
for _name in REDUCTIONS_BACKEND:
    aliases(f"{_name}(x, axis=None, keepdims=False; static='tf')", f"backend.{_name}")
aliases("max(x, axis=None, keepdims=False)", "ops.amax")
aliases("min(x, axis=None, keepdims=False)", "ops.amin")

# keras.ops only: the same reduction
KERAS_REDUCTIONS = (
    "median",
    "ptp",
    "nansum",
    "nanmean",
    "nanmax",
    "nanmin",
    "nanprod",
    "nanstd",
    "nanvar",
    "nanmedian",
)
for _name in KERAS_REDUCTIONS:
    op(_name, "x:tensor, axis=None, keepdims=False, static='keras'")(reduce)
    aliases(f"{_name}(x, axis=None, keepdims=False)", f"ops.{_name}")


QUANTILES = ("percentile", "quantile", "nanpercentile", "nanquantile")


def quantiles(call: OpCall) -> list[Shape]:
    """A reduction, after an axis for the ``q`` values when ``q`` is a list or a tensor of
    rank 1 or more."""
    shape = reduced(call, call["axis"], flag(call["keepdims"]))
    q = call["q"]
    if isinstance(q, Shape):
        return [Shape((*dims(q)[:1], *dims(shape)))]
    if isinstance(q, (tuple, list)):
        return [Shape((len(q), *dims(shape)))]
    return [shape]


for _name in QUANTILES:
    op(_name, "x:tensor, q:tensor, axis=None, method='linear', keepdims=False, static='keras'")(
        quantiles
    )
    aliases(f"{_name}(x, q, axis=None, method='linear', keepdims=False)", f"ops.{_name}")


@op("count_nonzero", "x:tensor, axis=None, keepdims=False, static='keras'")
def count_nonzero(call: OpCall) -> list[Shape]:
    """A reduction; TensorFlow's ``keepdims=None`` is False."""
    keepdims = call["keepdims"]
    return [reduced(call, call["axis"], False if keepdims is None else flag(keepdims))]


aliases("count_nonzero(x, axis=None)", "ops.count_nonzero")
aliases(
    "count_nonzero(input->x, axis=None, keepdims=None, dtype->_; static='tf')",
    "tensorflow.math.count_nonzero",
)


@op("norm", "x:tensor, ord=None, axis=None, keepdims=False, static='keras'")
def norm(call: OpCall) -> list[Shape]:
    """A reduction; a string ``ord`` ('fro', 'nuc') needs two axes, a matrix norm (two axes)
    an ``ord`` among None, 'fro', 'nuc', ±1, ±2, ±inf."""
    count = len(dims(call["x"])) if call["axis"] is None else len(_listed(call["axis"]))
    order = call["ord"]
    if isinstance(order, str) and (order not in ("fro", "nuc") or count == 1):
        raise fail(f"norm ord={order!r} needs a matrix norm ('fro' or 'nuc' over two axes)")
    if count == 2 and order not in (None, "fro", "nuc", 1, -1, 2, -2, float("inf"), -float("inf")):
        raise fail(f"norm ord={order!r} is not a matrix norm")
    return [reduced(call, call["axis"], flag(call["keepdims"]))]


def _listed(value: object) -> tuple:
    return tuple(value) if isinstance(value, (tuple, list)) else (value,)


aliases("norm(x, ord=None, axis=None, keepdims=False)", "ops.norm")


@op("moments", "x:tensor, axes, keepdims=False, synchronized=False, static='keras'", outputs=two)
def moments(call: OpCall) -> list[Shape]:
    """The mean and the variance over ``axes``, each a reduction."""
    shape = reduced(call, call["axes"], flag(call["keepdims"]))
    return [shape, shape]


aliases("moments(x, axes, keepdims=False, synchronized=False)", "ops.moments")
aliases("moments(x, axes, shift->_, keepdims=False; static='tf')", "tensorflow.nn.moments")


@op("argmax", "x:tensor, axis=None, keepdims=False, static='keras'")
@op("argmin", "x:tensor, axis=None, keepdims=False, static='keras'")
def arg_reduce(call: OpCall) -> list[Shape]:
    """The position of the extreme along one axis (Keras: None flattens). TensorFlow takes
    one int axis (``None`` is 0) and a tensor of rank 1 or more."""
    if call["static"] == "keras":
        return [reduced(call, call["axis"], flag(call["keepdims"]))]
    source = dims(call["x"])
    if not source:
        raise fail(f"tf.{call.name} needs a tensor of rank 1 or more")
    if isinstance(call["axis"], (tuple, list)):
        raise fail(f"tf.{call.name} takes one axis")
    at = axis(0 if call["axis"] is None else call["axis"], len(source))
    return [Shape(tuple(d for i, d in enumerate(source) if i != at))]


op("nanargmax", "x:tensor, axis=None, keepdims=False, static='keras'")(arg_reduce)
op("nanargmin", "x:tensor, axis=None, keepdims=False, static='keras'")(arg_reduce)
aliases("nanargmax(x, axis=None, keepdims=False)", "ops.nanargmax")
aliases("nanargmin(x, axis=None, keepdims=False)", "ops.nanargmin")

for _name in ("argmax", "argmin"):
    aliases(f"{_name}(x, axis=None, keepdims=False)", f"ops.{_name}")
    aliases(
        f"{_name}(input->x, axis=None, output_type->_; static='tf')",
        f"tensorflow.{_name}",
        f"tensorflow.math.{_name}",
    )
    aliases(f"{_name}(x, axis=-1; static='tf')", f"backend.{_name}")

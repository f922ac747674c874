"""Reductions over axes: sum, mean, max, min; ``keepdims`` keeps them as 1."""

from __future__ import annotations

from seqlint.dims import Shape
from seqlint.shapes.ops.aliases import aliases
from seqlint.shapes.ops.common import Unreadable, axes, dims
from seqlint.shapes.ops.registry import OpCall, op


@op("min", "x:tensor, axis=None, keepdims=False")
@op("max", "x:tensor, axis=None, keepdims=False")
@op("mean", "x:tensor, axis=None, keepdims=False")
@op("sum", "x:tensor, axis=None, keepdims=False")
def reduce(call: OpCall) -> list[Shape]:
    source = dims(call["x"])
    keepdims = call["keepdims"]
    if not isinstance(keepdims, bool):
        raise Unreadable
    chosen = axes(call["axis"], len(source))
    reduced = set(range(len(source)) if chosen is None else chosen)
    if keepdims:
        return [Shape(tuple(1 if i in reduced else d for i, d in enumerate(source)))]
    return [Shape(tuple(d for i, d in enumerate(source) if i not in reduced))]


for _name, _tf in (("sum", "sum"), ("mean", "mean"), ("max", "max"), ("min", "min")):
    aliases(f"{_name}(x, axis=None, keepdims=False)", f"ops.{_name}", f"backend.{_name}")
    aliases(
        f"{_name}(input_tensor->x, axis=None, keepdims=False)",
        f"tensorflow.reduce_{_tf}",
        f"tensorflow.math.reduce_{_tf}",
    )

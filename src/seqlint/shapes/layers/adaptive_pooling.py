"""AdaptiveAveragePooling1D/2D/3D and AdaptiveMaxPooling1D/2D/3D (``BaseAdaptivePooling``).

Keras 3 facts: there is no InputSpec, and ``compute_output_shape`` puts ``output_size`` (an
int, or one int per spatial axis) in place of the spatial axes of any input, channels kept;
``data_format`` is case-sensitive here. What runs, ``ops.adaptive_*_pool``, pools by the
input's own rank: a rank-3 input has one axis pooled to ``output_size[0]`` (so a 2D or 3D
layer given a sequence returns a sequence, not the rank its symbolic shape says), a rank-4
or rank-5 input must match the layer, and any other rank raises. seqlint gives the shape
the model runs with and reports the ranks that raise when it runs. (The TensorFlow backend
also fails at run time on an axis of size 1 or an output size of 1, a Keras bug seqlint does
not claim.)
"""

from __future__ import annotations

from seqlint.dims import UNKNOWN, Dim, Shape, Sym, is_known
from seqlint.ir import Layer
from seqlint.shapes.catalogue import Call, Trait
from seqlint.shapes.layers.common import (
    as_dim,
    batch_of,
    keras_layer,
    no_weights,
    positive,
    require_rank,
)
from seqlint.shapes.layers.spatial import Layout

_POSITIONAL = ("output_size", "data_format")


def _output_size(layer: Layer, rank: int) -> tuple[Dim, ...] | None:
    """``output_size`` per spatial axis; None when Keras refuses it at construction."""
    value = layer.config.get("output_size")
    if isinstance(value, bool):
        return None
    if is_known(value) or isinstance(value, Sym):
        return (positive(value),) * rank
    if isinstance(value, (tuple, list)):
        return tuple(positive(as_dim(v)) for v in value) if len(value) == rank else None
    return None if value is None else (UNKNOWN,) * rank


def _layout(layer: Layer, rank: int) -> Layout | None:
    value = layer.config.get("data_format", None)
    if value is None or value == "channels_last":
        return Layout(rank, first=False)
    return Layout(rank, first=True) if value == "channels_first" else None


def adaptive_pooling(call: Call, rank: int) -> list[Shape]:
    layer = call.layer
    lay, sizes = _layout(layer, rank), _output_size(layer, rank)
    if lay is None or sizes is None:
        return [Shape.unknown()]  # refused at construction, or unreadable
    shape = call.input
    if shape.rank is None:
        if rank > 1:
            return [Shape.unknown()]  # a sequence would come out as a sequence
        return [lay.join(batch_of(shape), UNKNOWN, sizes)]
    if shape.rank == 3 and rank > 1:
        sequence = Layout(1, lay.first)
        batch, channels, _ = sequence.split(shape)
        return [sequence.join(batch, channels, sizes[:1])]
    require_rank(call, rank + 2, lay.expected)
    batch, channels, _ = lay.split(shape)
    return [lay.join(batch, channels, sizes)]


def _declare(kind: str, rank: int) -> None:
    def shape(call: Call) -> list[Shape]:
        return adaptive_pooling(call, rank)

    traits = (Trait.NEEDS_TIME_AXIS,) if rank == 1 else ()
    keras_layer(kind, positional=_POSITIONAL, params=no_weights, traits=traits)(shape)


for _rank in (1, 2, 3):
    _declare(f"AdaptiveAveragePooling{_rank}D", _rank)
    _declare(f"AdaptiveMaxPooling{_rank}D", _rank)

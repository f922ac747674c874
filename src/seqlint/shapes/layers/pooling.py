"""Pooling in 1, 2 and 3 dimensions, mirroring ``BasePooling`` and
``operation_utils.compute_pooling_output_shape``, and global pooling (``BaseGlobalPooling``).

Keras 3 facts: InputSpec ``ndim=rank+2``; ``pool_size`` defaults to 2 on every axis for max
pooling and is required for average pooling; ``strides`` defaults to ``pool_size``; sizes
slide as in :mod:`~seqlint.shapes.layers.spatial`. ``padding`` is case-sensitive here: the
constructor keeps it as given and building refuses anything but ``valid`` and ``same``
(Keras 2 accepted ``"SAME"``). Global pooling drops the spatial axes (``keepdims=True``
keeps each as 1).
"""

from __future__ import annotations

from seqlint.dims import Shape
from seqlint.shapes.catalogue import Call, Trait
from seqlint.shapes.layers.common import MISSING, config_bool, keras_layer, no_weights, require_rank
from seqlint.shapes.layers.spatial import layout, per_axis, slide, text
from seqlint.shapes.problems import ProblemKind, ShapeProblem

_POOLING = ("pool_size", "strides", "padding", "data_format")
_GLOBAL = ("data_format", "keepdims")
_ON_STEPS = (Trait.NEEDS_TIME_AXIS, Trait.KEEPS_STEPS)
_POOLS_OVER_TIME = "it pools over the time axis"
_POOLS_OVER_SPACE = "it pools over every spatial axis"


def _padding(call: Call) -> str | None:
    """``valid`` or ``same``; None when unreadable; LAYER_CONFIG for another string."""
    padding = call.layer.config.get("padding", "valid")
    if not isinstance(padding, str):
        return None
    if padding not in ("valid", "same"):
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"{call.layer.kind} takes padding='valid' or padding='same' (lowercase), not "
            f"padding={padding!r}",
            input_index=0,
            expected="padding='valid' or padding='same'",
            got=call.input,
        )
    return padding


def pooling(call: Call, rank: int, default_pool: object) -> list[Shape]:
    layer = call.layer
    lay = layout(layer, rank)
    if lay is None:
        return [Shape.unknown()]
    require_rank(call, rank + 2, lay.expected)
    padding = _padding(call)
    pool = per_axis(layer, "pool_size", rank, default_pool)
    strides_value = layer.config.get("strides", None)
    strides = pool if strides_value is None else per_axis(layer, "strides", rank)
    batch, channels, sizes = lay.split(call.input)
    out = slide(call, lay, sizes, pool, strides, padding, f"pool_size={text(pool)}")
    return [lay.join(batch, channels, out)]


def _pooling_layer(kind: str, alias: str, rank: int, default_pool: object) -> None:
    def shape(call: Call) -> list[Shape]:
        return pooling(call, rank, default_pool)

    traits = _ON_STEPS if rank == 1 else ()
    keras_layer(kind, positional=_POOLING, params=no_weights, aliases=(alias,), traits=traits)(
        shape
    )


def global_pooling(call: Call, rank: int) -> list[Shape]:
    layer = call.layer
    lay = layout(layer, rank)
    if lay is None:
        return [Shape.unknown()]
    require_rank(call, rank + 2, lay.expected)
    keepdims = config_bool(layer, "keepdims", False)
    if keepdims is None:
        return [Shape.unknown()]
    batch, channels, _ = lay.split(call.input)
    if not keepdims:
        return [Shape((batch, channels))]
    return [lay.join(batch, channels, (1,) * rank)]


def _global_pooling_layer(kind: str, alias: str, rank: int) -> None:
    def shape(call: Call) -> list[Shape]:
        return global_pooling(call, rank)

    keras_layer(
        kind,
        positional=_GLOBAL,
        params=no_weights,
        aliases=(alias,),
        traits=(Trait.NEEDS_TIME_AXIS,) if rank == 1 else (),
        drops_time_axis=_POOLS_OVER_TIME if rank == 1 else _POOLS_OVER_SPACE,
    )(shape)


for _rank in (1, 2, 3):
    _pooling_layer(f"MaxPooling{_rank}D", f"MaxPool{_rank}D", _rank, 2)
    _pooling_layer(f"AveragePooling{_rank}D", f"AvgPool{_rank}D", _rank, MISSING)
    _global_pooling_layer(f"GlobalMaxPooling{_rank}D", f"GlobalMaxPool{_rank}D", _rank)
    _global_pooling_layer(f"GlobalAveragePooling{_rank}D", f"GlobalAvgPool{_rank}D", _rank)

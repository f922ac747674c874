"""Input / InputLayer: the declared shape, with the batch axis first."""

from __future__ import annotations

from seqlint.ir import value_to_dims
from seqlint.shapes.dims import BATCH, Shape
from seqlint.shapes.layers.common import MISSING, positive, register
from seqlint.shapes.registry import Call


@register("Input", "InputLayer")
def input_layer(call: Call) -> list[Shape]:
    config = call.layer.config
    shape = config.get("shape", MISSING)
    if shape is None or shape is MISSING:
        shape = config.get("input_shape", MISSING)
    batch_shape = config.get("batch_shape", MISSING)
    if batch_shape is None or batch_shape is MISSING:
        batch_shape = config.get("batch_input_shape", MISSING)
    has_shape = shape is not MISSING and shape is not None
    has_batch_shape = batch_shape is not MISSING and batch_shape is not None
    if has_shape and has_batch_shape:
        return [Shape.unknown()]  # Keras refuses both at once
    if has_shape:
        dims = value_to_dims(shape)
        return [Shape.unknown() if dims is None else Shape((BATCH, *map(positive, dims)))]
    if has_batch_shape:
        dims = value_to_dims(batch_shape)
        if not dims:
            return [Shape.unknown()]
        return [Shape((BATCH, *map(positive, dims[1:])))]
    return [Shape.unknown()]

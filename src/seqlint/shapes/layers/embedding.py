"""Embedding: ``input_shape + (output_dim,)`` (``input_length`` is ignored by Keras 3)."""

from __future__ import annotations

from seqlint.dims import Shape
from seqlint.shapes.layers.common import config_dim, register
from seqlint.shapes.registry import Call


@register("Embedding")
def embedding(call: Call) -> list[Shape]:
    shape = call.input
    if shape.dims is None:
        return [Shape.unknown()]
    return [Shape((*shape.dims, config_dim(call.layer, "output_dim")))]

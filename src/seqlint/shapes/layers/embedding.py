"""Embedding: ``input_shape + (output_dim,)`` (``input_length`` is ignored by Keras 3)."""

from __future__ import annotations

from seqlint.dims import Shape
from seqlint.shapes.catalogue import Call
from seqlint.shapes.layers.common import config_dim, config_int, keras_layer


def _params(call: Call) -> int | None:
    rows, columns = config_int(call.layer, "input_dim"), config_int(call.layer, "output_dim")
    return None if rows is None or columns is None else rows * columns


@keras_layer(
    "Embedding",
    positional=(
        "input_dim",
        "output_dim",
        "embeddings_initializer",
        "embeddings_regularizer",
        "embeddings_constraint",
        "mask_zero",
    ),
    params=_params,
)
def embedding(call: Call) -> list[Shape]:
    shape = call.input
    if shape.dims is None:
        return [Shape.unknown()]
    return [Shape((*shape.dims, config_dim(call.layer, "output_dim")))]

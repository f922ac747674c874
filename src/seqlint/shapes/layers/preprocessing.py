"""Text preprocessing layers: TextVectorization turns a batch of strings into token ids."""

from __future__ import annotations

from seqlint.dims import Shape
from seqlint.shapes.layers.common import config_dim, register
from seqlint.shapes.registry import Call


@register("TextVectorization")
def text_vectorization(call: Call) -> list[Shape]:
    """``output_mode="int"``: ``(batch, output_sequence_length)``, whatever the input's rank
    (Keras's ``compute_output_shape``); the other modes are not modelled."""
    shape = call.input
    if call.layer.get("output_mode", "int") != "int" or not shape.dims:
        return [Shape.unknown()]
    return [Shape((shape.dims[0], config_dim(call.layer, "output_sequence_length", None)))]

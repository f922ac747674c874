"""Text preprocessing layers: TextVectorization turns a batch of strings into token ids."""

from __future__ import annotations

from seqlint.dims import Shape
from seqlint.shapes.catalogue import Call
from seqlint.shapes.layers.common import config_dim, keras_layer, no_weights


@keras_layer(
    "TextVectorization",
    positional=(
        "max_tokens",
        "standardize",
        "split",
        "ngrams",
        "output_mode",
        "output_sequence_length",
    ),
    params=no_weights,
)
def text_vectorization(call: Call) -> list[Shape]:
    """``output_mode="int"``: ``(batch, output_sequence_length)``, whatever the input's rank
    (Keras's ``compute_output_shape``); the other modes are not modelled."""
    shape = call.input
    if call.layer.get("output_mode", "int") != "int" or not shape.dims:
        return [Shape.unknown()]
    return [Shape((shape.dims[0], config_dim(call.layer, "output_sequence_length", None)))]

"""Embedding and ReversibleEmbedding.

Keras 3.15 facts mirrored here:

* Embedding: ``input_shape + (output_dim,)`` (``input_length`` is ignored by Keras 3).
  Weights: ``input_dim * output_dim``; ``lora_rank=r`` adds ``(input_dim + output_dim) * r``.
* ReversibleEmbedding is an Embedding whose call with ``reverse=True`` multiplies its input's
  last axis by the transposed embeddings (or, with ``tie_weights=False``, a reverse matrix
  of its own, ``output_dim * input_dim`` more weights): ``input_shape[:-1] + (input_dim,)``.
  That last axis must have ``output_dim`` features: Keras's symbolic shape does not check
  it, the matmul fails when the model runs (``Dimensions must be equal``).
"""

from __future__ import annotations

from seqlint.dims import Shape, differ
from seqlint.shapes.catalogue import Call
from seqlint.shapes.layers.common import config_bool, config_dim, config_int, keras_layer
from seqlint.shapes.problems import ProblemKind, ShapeProblem


def _params(call: Call) -> int | None:
    layer = call.layer
    rows, columns = config_int(layer, "input_dim"), config_int(layer, "output_dim")
    lora = config_int(layer, "lora_rank", None)
    tied = config_bool(layer, "tie_weights", True)
    if rows is None or columns is None or tied is None:
        return None
    count = rows * columns * (1 if tied or layer.kind == "Embedding" else 2)
    return count + (rows + columns) * lora if lora else count


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


@keras_layer(
    "ReversibleEmbedding",
    positional=(
        "input_dim",
        "output_dim",
        "tie_weights",
        "embeddings_initializer",
        "embeddings_regularizer",
        "embeddings_constraint",
    ),
    params=_params,
    call_options=("reverse",),
)
def reversible_embedding(call: Call) -> list[Shape]:
    reverse = config_bool(call.layer, "reverse", False)
    shape = call.input
    if reverse is None or shape.dims is None:
        return [Shape.unknown()]
    if not reverse:
        return embedding(call)
    if len(shape.dims) < 2:
        return [Shape.unknown()]
    columns = config_dim(call.layer, "output_dim")
    if differ(shape.dims[-1], columns):
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"ReversibleEmbedding(reverse=True) maps vectors of output_dim={columns} features "
            f"back to the vocabulary, and its input {shape} has {shape.dims[-1]}",
            input_index=0,
            expected=f"(..., {columns})",
            got=shape,
        )
    return [Shape((*shape.dims[:-1], config_dim(call.layer, "input_dim")))]

"""Input / InputLayer: the declared shape, with the batch axis first."""

from __future__ import annotations

from seqlint.dims import BATCH, Dim, Shape, is_known
from seqlint.ir import Layer, value_to_dims
from seqlint.shapes.catalogue import Call, Trait
from seqlint.shapes.layers.common import MISSING, keras_layer, no_weights, positive

_INPUT = {
    "positional": ("shape", "batch_size"),
    "params": no_weights,
    "traits": (Trait.DECLARES_INPUT,),
}


@keras_layer("InputLayer", **_INPUT)
@keras_layer("Input", **_INPUT)
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
        batch = _batch(config.get("batch_size"))
        return [Shape.unknown() if dims is None else Shape((batch, *map(positive, dims)))]
    if has_batch_shape:
        dims = value_to_dims(batch_shape)
        if not dims:
            return [Shape.unknown()]
        return [Shape((_batch(dims[0]), *map(positive, dims[1:])))]
    return [Shape.unknown()]


def _batch(size: object) -> Dim:
    """A fixed batch size (``batch_size=4``, ``batch_shape=(4, ...)``), else the batch axis."""
    return size if is_known(size) and size > 0 else BATCH  # type: ignore[operator,return-value]


@keras_layer("ModelInput", params=no_weights)
def model_input(call: Call) -> list[Shape]:
    """A tensor entering a functional model used as a layer: Keras's ``_adjust_input_rank``
    adds or drops a trailing axis of size 1 to reach the declared rank (anything else
    raises there: unknown here)."""
    declared = call.layer.get("declared")
    shape = call.input
    if not isinstance(declared, Layer) or shape.dims is None:
        return [Shape.unknown()]
    reference = input_layer(Call(declared, ()))[0].dims
    if reference is None:
        return [Shape.unknown()]
    dims, rank = shape.dims, len(reference)
    if len(dims) == rank:
        return [shape]
    if len(dims) == rank + 1 and is_known(dims[-1]) and dims[-1] == 1:
        return [Shape(dims[:-1])]
    if len(dims) == rank - 1 and is_known(reference[-1]) and reference[-1] == 1:
        return [Shape((*dims, 1))]
    return [Shape.unknown()]

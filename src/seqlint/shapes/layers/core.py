"""Dense and the layers that keep their input's shape."""

from __future__ import annotations

from seqlint.dims import Shape
from seqlint.shapes.layers.common import config_dim, register, require_rank
from seqlint.shapes.registry import Call


@register("Dense")
def dense(call: Call) -> list[Shape]:
    """Acts on the last axis; Keras's InputSpec asks for ``min_ndim=2``."""
    shape = call.input
    require_rank(call, 2, "(batch, ..., features)", at_least=True)
    if shape.dims is None:
        return [Shape.unknown()]
    return [Shape((*shape.dims[:-1], config_dim(call.layer, "units")))]


IDENTITY_KINDS = frozenset(
    {
        "Dropout",
        "GaussianNoise",
        "GaussianDropout",
        "AlphaDropout",
        "Activation",
        "ReLU",
        "LeakyReLU",
        "ELU",
        "PReLU",
        "Softmax",
        "BatchNormalization",
        "LayerNormalization",
        "UnitNormalization",
        "Masking",
        "Identity",
        "ActivityRegularization",
    }
)
"""Layers whose output has the shape of their input."""


@register(*sorted(IDENTITY_KINDS))
def identity(call: Call) -> list[Shape]:
    return [call.input]


@register("SpatialDropout1D")
def spatial_dropout_1d(call: Call) -> list[Shape]:
    """Same shape; Keras's InputSpec asks for ``ndim=3``."""
    require_rank(call, 3, "(batch, timesteps, channels)")
    return [call.input]

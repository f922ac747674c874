"""Dense and the layers that keep their input's shape."""

from __future__ import annotations

from seqlint.dims import Shape
from seqlint.shapes.catalogue import Call, ParamFn, Trait
from seqlint.shapes.layers.common import (
    config_bool,
    config_dim,
    config_int,
    features,
    keras_layer,
    no_weights,
    require_rank,
    with_bias,
)


def _dense_params(call: Call) -> int | None:
    units, size = config_int(call.layer, "units"), features(call.input)
    if units is None or size is None:
        return None
    return with_bias(call.layer, size * units, units)


@keras_layer(
    "Dense",
    positional=("units", "activation", "use_bias"),
    params=_dense_params,
    traits=(Trait.PER_STEP, Trait.SIZED_BY_FEATURES, Trait.ACTIVATION_LAST),
)
def dense(call: Call) -> list[Shape]:
    """Acts on the last axis; Keras's InputSpec asks for ``min_ndim=2``."""
    shape = call.input
    require_rank(call, 2, "(batch, ..., features)", at_least=True)
    if shape.dims is None:
        return [Shape.unknown()]
    return [Shape((*shape.dims[:-1], config_dim(call.layer, "units")))]


def _normalization(statistics: int) -> ParamFn:
    """Gamma and beta (unless ``scale``/``center`` is off) plus ``statistics`` per feature."""

    def count(call: Call) -> int | None:
        layer = call.layer
        scale, center = config_bool(layer, "scale", True), config_bool(layer, "center", True)
        size = features(call.input)
        if layer.get("axis", -1) != -1 or scale is None or center is None or size is None:
            return None
        return (statistics + scale + center) * size

    return count


# Layers whose output has the shape of their input: positional parameters, parameter count.
_SAME_SHAPE: dict[str, tuple[tuple[str, ...], ParamFn | None]] = {
    "Dropout": (("rate", "noise_shape", "seed"), no_weights),
    "GaussianNoise": (("stddev", "seed"), no_weights),
    "GaussianDropout": (("rate", "seed"), no_weights),
    "AlphaDropout": (("rate", "noise_shape", "seed"), no_weights),
    "Activation": (("activation",), no_weights),
    "ReLU": (("max_value", "negative_slope", "threshold"), no_weights),
    "LeakyReLU": (("negative_slope",), no_weights),
    "ELU": (("alpha",), no_weights),
    "PReLU": (("alpha_initializer", "alpha_regularizer", "alpha_constraint", "shared_axes"), None),
    "Softmax": (("axis",), no_weights),
    "BatchNormalization": (
        ("axis", "momentum", "epsilon", "center", "scale"),
        _normalization(2),  # moving mean and variance
    ),
    "LayerNormalization": (("axis", "epsilon", "center", "scale"), _normalization(0)),
    "UnitNormalization": (("axis",), None),
    "Masking": (("mask_value",), no_weights),
    "Identity": ((), no_weights),
    "ActivityRegularization": (("l1", "l2"), None),
}
_SIZED = frozenset({"BatchNormalization", "LayerNormalization"})


def identity(call: Call) -> list[Shape]:
    return [call.input]


for _kind, (_positional, _params) in _SAME_SHAPE.items():
    _traits = {Trait.KEEPS_SHAPE} | ({Trait.SIZED_BY_FEATURES} if _kind in _SIZED else set())
    _traits |= {Trait.PASSES_VALUES} if _kind == "Identity" else set()
    keras_layer(_kind, positional=_positional, params=_params, traits=_traits)(identity)


@keras_layer(
    "SpatialDropout1D",
    positional=("rate", "seed"),
    params=no_weights,
    traits=(Trait.NEEDS_TIME_AXIS, Trait.KEEPS_SHAPE),
)
def spatial_dropout_1d(call: Call) -> list[Shape]:
    """Same shape; Keras's InputSpec asks for ``ndim=3``."""
    require_rank(call, 3, "(batch, timesteps, channels)")
    return [call.input]

"""Dense and the layers that keep their input's shape."""

from __future__ import annotations

import math

from seqlint.dims import NONE, Shape, is_known
from seqlint.shapes.catalogue import Call, ParamFn, Trait
from seqlint.shapes.layers.common import (
    as_dim,
    config_bool,
    config_dim,
    config_int,
    features,
    keras_layer,
    no_weights,
    require_defined,
    require_rank,
    with_bias,
)
from seqlint.shapes.layers.spatial import layout


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
    require_defined(call, -1, "its kernel")
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


def _shared_axes(call: Call) -> list | None:
    shared = call.layer.get("shared_axes")
    axes = [] if shared is None else shared if isinstance(shared, (list, tuple)) else [shared]
    return axes if all(is_known(a) for a in axes) else None


def _prelu_params(call: Call) -> int | None:
    """One ``alpha`` per input position, shared along ``shared_axes``."""
    shape, shared = call.input, _shared_axes(call)
    if shape.dims is None or shared is None:
        return None
    sizes = [1 if axis in shared else shape.dims[axis] for axis in range(1, len(shape.dims))]
    return math.prod(sizes) if all(is_known(s) for s in sizes) else None  # type: ignore[arg-type]


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
    "PReLU": (
        ("alpha_initializer", "alpha_regularizer", "alpha_constraint", "shared_axes"),
        _prelu_params,
    ),
    "Softmax": (("axis",), no_weights),
    "BatchNormalization": (
        ("axis", "momentum", "epsilon", "center", "scale"),
        _normalization(2),  # moving mean and variance
    ),
    "LayerNormalization": (("axis", "epsilon", "center", "scale"), _normalization(0)),
    "Masking": (("mask_value",), no_weights),
    "Identity": ((), no_weights),
    "ActivityRegularization": (("l1", "l2"), no_weights),
}
_SIZED = frozenset({"BatchNormalization", "LayerNormalization"})


def identity(call: Call) -> list[Shape]:
    return [call.input]


def _axes(value: object, rank: int) -> list[int] | None:
    """``axis=`` (an int or a list of ints) as non-negative positions; None if unreadable."""
    items = value if isinstance(value, (list, tuple)) else [value]
    if not items or not all(is_known(a) for a in items):
        return None
    if not all(-rank <= a < rank for a in items):  # type: ignore[operator]
        return None
    return [a % rank for a in items]  # type: ignore[operator]


def normalization(call: Call) -> list[Shape]:
    """Same shape; gamma and beta (and the moving statistics) are sized by ``axis``."""
    shape = call.input
    if shape.dims is not None:
        for axis in _axes(call.layer.get("axis", -1), len(shape.dims)) or ():
            require_defined(call, axis, "its scale and offset")
    return [shape]


def prelu(call: Call) -> list[Shape]:
    """Same shape; ``alpha`` has one weight per input position except the shared axes."""
    shape, shared = call.input, _shared_axes(call)
    if shape.dims is not None and shared is not None:
        for axis in range(1, len(shape.dims)):
            if axis not in shared:
                require_defined(call, axis, "its alpha weights")
    return [shape]


_SHAPE_FUNCTIONS = {"BatchNormalization": normalization, "LayerNormalization": normalization}
_SHAPE_FUNCTIONS["PReLU"] = prelu


for _kind, (_positional, _params) in _SAME_SHAPE.items():
    _traits = {Trait.KEEPS_SHAPE} | ({Trait.SIZED_BY_FEATURES} if _kind in _SIZED else set())
    _traits |= {Trait.PASSES_VALUES} if _kind == "Identity" else set()
    _shape_fn = _SHAPE_FUNCTIONS.get(_kind, identity)
    keras_layer(_kind, positional=_positional, params=_params, traits=_traits)(_shape_fn)


@keras_layer(
    "Lambda", positional=("function", "output_shape", "mask", "arguments"), params=no_weights
)
def lambda_layer(call: Call) -> list[Shape]:
    """The frontend runs a Lambda's function on the tensors (its ops are nodes of their own);
    this is the layer where it cannot: ``output_shape`` (one sample's shape) is what Keras
    builds what follows for; without it the output is unknown."""
    declared = call.layer.get("output_shape")
    if not isinstance(declared, (tuple, list)) or not call.input.dims:
        return [Shape.unknown()]
    return [Shape((call.input.dims[0], *(NONE if d is None else as_dim(d) for d in declared)))]


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


def spatial_dropout(call: Call, rank: int) -> list[Shape]:
    """Same shape; Keras's InputSpec asks for ``ndim=rank+2``."""
    lay = layout(call.layer, rank)
    if lay is None:
        return [Shape.unknown()]
    require_rank(call, rank + 2, lay.expected)
    return [call.input]


@keras_layer(
    "SpatialDropout2D",
    positional=("rate", "data_format", "seed"),
    params=no_weights,
    traits=(Trait.KEEPS_SHAPE,),
)
def spatial_dropout_2d(call: Call) -> list[Shape]:
    return spatial_dropout(call, 2)


@keras_layer(
    "SpatialDropout3D",
    positional=("rate", "data_format", "seed", "name", "dtype"),
    params=no_weights,
    traits=(Trait.KEEPS_SHAPE,),
)
def spatial_dropout_3d(call: Call) -> list[Shape]:
    return spatial_dropout(call, 3)

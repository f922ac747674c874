"""The frontend's own nodes that are not Keras layers: the weights a custom layer makes with
``add_weight`` and the arrays a ``call()`` uses as tensors (neither has a batch axis), and
the output a custom layer's ``compute_output_shape`` declares where its ``call`` cannot be
followed."""

from __future__ import annotations

import math

from seqlint.dims import BATCH, NONE, UNKNOWN, Dim, Shape, Sym, is_known
from seqlint.ir import ShapeTuple
from seqlint.shapes.catalogue import Call
from seqlint.shapes.layers.common import keras_layer, no_weights
from seqlint.shapes.problems import ProblemKind, ShapeProblem


def _dims(value: object) -> tuple[Dim, ...] | None:
    """A declared shape: ints and symbols stay, None is undefined, anything else unknown."""
    if is_known(value) or isinstance(value, Sym):
        return (value,)  # type: ignore[return-value]
    if isinstance(value, ShapeTuple):
        value = value.items
    if not isinstance(value, (tuple, list)):
        return None
    return tuple(
        d if is_known(d) or isinstance(d, Sym) else NONE if d is None or d is NONE else UNKNOWN
        for d in value
    )


def _weight_params(call: Call) -> int | None:
    dims = _dims(call.layer.get("shape"))
    if dims is None or not all(is_known(d) for d in dims):
        return None
    return math.prod(dims)  # type: ignore[arg-type]


@keras_layer("Weight", params=_weight_params)
def weight(call: Call) -> list[Shape]:
    """``add_weight(shape=...)``: a variable of that shape. Keras refuses a shape holding
    None ("Shapes used to initialize variables must be fully-defined")."""
    dims = _dims(call.layer.get("shape", ()))
    if dims is None:
        return [Shape.unknown()]
    if NONE in dims:
        raise ShapeProblem(
            ProblemKind.WEIGHT_SHAPE,
            f"the weight's shape {Shape(dims)} holds None: Keras creates variables only of a "
            "fully defined shape",
            expected="a shape of known sizes (no batch axis, no undefined length)",
            got=Shape(dims),
        )
    return [Shape(dims)]


@keras_layer("Constant", params=no_weights)
def constant(call: Call) -> list[Shape]:
    """An array (or a Python number: shape ``()``) used as a tensor."""
    dims = _dims(call.layer.get("shape", ()))
    return [Shape.unknown() if dims is None else Shape(dims)]


@keras_layer("Declared", params=no_weights)
def declared(call: Call) -> list[Shape]:
    """The shape a custom layer's ``compute_output_shape`` returns, batch axis first (Keras
    uses it for the layer's symbolic outputs): None first is the batch axis, None elsewhere
    a size Keras leaves undefined."""
    declared = call.layer.get("shape")
    if isinstance(declared, list) and all(isinstance(d, tuple) for d in declared):  # per output
        return [_declared_one(_dims(shape)) for shape in declared]
    return [_declared_one(_dims(declared))]


def _declared_one(dims: tuple | None) -> Shape:
    if not dims:
        return Shape.unknown()
    first = BATCH if dims[0] is NONE else dims[0]
    return Shape((first, *dims[1:]))

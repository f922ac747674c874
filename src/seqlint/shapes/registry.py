"""Shape functions by Keras layer kind: the static twins of ``compute_output_shape``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from seqlint.dims import Shape
from seqlint.ir import Layer


@dataclass(frozen=True)
class Call:
    """A layer applied to input shapes.

    ``inputs`` has one shape per tensor passed; ``as_list`` is True when they
    were passed as a list (``Concatenate()([a, b])``).  ``states`` are the
    shapes given as ``initial_state``.
    """

    layer: Layer
    inputs: tuple[Shape, ...]
    as_list: bool = False
    states: tuple[Shape, ...] = ()

    @property
    def input(self) -> Shape:
        """The single input of a one-tensor layer (unknown if there is not exactly one)."""
        return self.inputs[0] if len(self.inputs) == 1 else Shape.unknown()


ShapeFn = Callable[[Call], list[Shape]]
"""Returns one shape per output tensor, or raises ShapeProblem."""

_REGISTRY: dict[str, ShapeFn] = {}


def shape_function(*kinds: str) -> Callable[[ShapeFn], ShapeFn]:
    """Register the decorated function as the shape function of ``kinds``."""

    def register(fn: ShapeFn) -> ShapeFn:
        for kind in kinds:
            _REGISTRY[kind] = fn
        return fn

    return register


def lookup(kind: str) -> ShapeFn | None:
    """The shape function for a layer kind, None for a layer seqlint does not model."""
    import seqlint.shapes.layers  # noqa: F401  (registers every shape function)

    return _REGISTRY.get(kind)


def output_shapes(call: Call) -> list[Shape] | None:
    """Output shapes of ``call``; None when the layer is not modelled (unknown)."""
    fn = lookup(call.layer.kind)
    return None if fn is None else fn(call)

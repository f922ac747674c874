"""What custom layers and Lambdas declare about their outputs (``compute_output_shape``,
``output_shape=``), against what they return."""

from __future__ import annotations

from seqlint.dims import Shape, is_known
from seqlint.ir import LayerCall, TensorRef, Value
from seqlint.rulekit.base import RuleContext


def declared_disagrees(call: LayerCall, ctx: RuleContext) -> Shape | None:
    """The shape a custom layer or Lambda really returns, when its declared output shape
    provably disagrees with it (None otherwise)."""
    if not isinstance(call.declared, tuple) or not isinstance(call.returned, TensorRef):
        return None
    returned = ctx.shapes.of(call.returned)
    return returned if _disagree(call.declared, returned) else None


def _disagree(declared: tuple, returned: Shape) -> bool:
    """Provably different: another rank, or two known sizes that differ."""
    if returned.dims is None:
        return False
    if len(declared) != len(returned.dims):
        return True
    return any(
        is_known(a) and is_known(b) and a != b for a, b in zip(declared, returned.dims, strict=True)
    )


def show_declared(declared: Value) -> str:
    """``(None, 50)``: a declared shape, None for the sizes left to Keras."""
    items = ", ".join("None" if d is None else str(d) for d in declared)
    return f"({items},)" if len(declared) == 1 else f"({items})"

"""What custom layers and Lambdas declare about their outputs (``compute_output_shape``,
``output_shape=``), against what they return."""

from __future__ import annotations

from dataclasses import dataclass

from seqlint.dims import UNKNOWN, Shape, Sym, is_known
from seqlint.ir import LayerCall, TensorRef, Value
from seqlint.rulekit.base import RuleContext


def declared_disagrees(call: LayerCall, ctx: RuleContext) -> Shape | None:
    """The shape a custom layer or Lambda really returns, when its declared output shape
    provably disagrees with it (None otherwise)."""
    if not isinstance(call.declared, tuple) or not isinstance(call.returned, TensorRef):
        return None
    if invalid_size(call.declared) is not None:
        return None  # not a shape at all: Keras raises when the layer is called (SL234)
    returned = ctx.shapes.of(call.returned)
    return returned if _disagree(call.declared, returned) else None


@dataclass(frozen=True)
class Disagreement:
    """Output ``output`` of a call (None: its only output) is declared ``declared`` and is
    ``returned`` when ``call`` runs."""

    output: int | None
    declared: tuple
    returned: Shape
    returned_ref: TensorRef


def disagreements(call: LayerCall, ctx: RuleContext) -> list[Disagreement]:
    """Each output of a custom layer or Lambda whose declared shape provably disagrees with
    what it returns: its only one, or each of a list of declared shapes."""
    single = declared_disagrees(call, ctx)
    if single is not None:
        return [Disagreement(None, call.declared, single, call.returned)]  # type: ignore[arg-type]
    declared, returned = call.declared, call.returned
    if not (isinstance(declared, list) and isinstance(returned, (list, tuple))):
        return []
    if len(declared) != len(returned) or not all(isinstance(r, TensorRef) for r in returned):
        return []
    found = []
    for index, (shape, ref) in enumerate(zip(declared, returned, strict=True)):
        real = ctx.shapes.of(ref)
        if isinstance(shape, tuple) and invalid_size(shape) is None and _disagree(shape, real):
            found.append(Disagreement(index, shape, real, ref))
    return found


def _disagree(declared: tuple, returned: Shape) -> bool:
    """Provably different: another rank, or two known sizes that differ."""
    if returned.dims is None:
        return False
    if len(declared) != len(returned.dims):
        return True
    return any(
        is_known(a) and is_known(b) and a != b for a, b in zip(declared, returned.dims, strict=True)
    )


def over_cell(call: LayerCall) -> bool:
    """An RNN over a cell class of the script: Keras declares its output from the cell's
    ``output_size`` (else ``state_size[0]``), not from what the cell's ``call`` returns."""
    return call.kind == "RNN"


def declaration_hint(call: LayerCall, returned: Shape) -> str:
    """How to make the declaration of ``call`` say the shape it returns."""
    if over_cell(call) and returned.dims:
        return (
            f"give the cell output_size = {returned.dims[-1]} (Keras takes the RNN's output "
            "width from the cell's output_size, else from state_size[0]), or return that many "
            "features from its call()"
        )
    return f"declare the shape it returns, {returned}"


def show_declared(declared: Value) -> str:
    """``(None, 50)``: a declared shape, None for the sizes left to Keras."""
    items = ", ".join("None" if d is None else str(d) for d in declared)
    return f"({items},)" if len(declared) == 1 else f"({items})"


def invalid_size(declared: Value) -> Value | None:
    """The first item of a declared shape that Keras 3 refuses as a size (a tuple, a list, a
    float, a string), when ``declared`` is read as one shape (it starts with a size)."""
    if not isinstance(declared, tuple) or not declared:
        return None
    first = declared[0]
    if not (first is None or _size(first)):
        return None  # a structure of shapes (several outputs), or unknown
    for item in declared:
        if isinstance(item, (tuple, list, float, str)) and not isinstance(item, bool):
            return item
    return None


def _size(value: Value) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        value is UNKNOWN or isinstance(value, Sym)
    )

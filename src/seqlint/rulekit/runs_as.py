"""What runs after a custom layer or Lambda whose declared output is not what it returns.

Keras builds the layers after such a call for the declaration (their kernels, their
InputSpec), then runs them on the tensor ``call`` really returns. Here the shapes are
propagated a second time from what the call returns, and each layer after it is checked
against what it was built for."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from seqlint.dims import BATCH, UNKNOWN, Dim, Shape, is_known
from seqlint.ir import Layer, LayerCall, Node, TensorRef
from seqlint.rulekit.base import RuleContext
from seqlint.rulekit.declared import Disagreement, disagreements
from seqlint.shapes.catalogue import Trait, has_trait
from seqlint.shapes.propagate import NodeShapes, node_shapes

_WRAPPERS = frozenset({"TimeDistributed", "Bidirectional"})


@dataclass(frozen=True)
class Break:
    """Where the declaration of ``call`` makes Keras raise: at ``node``, built for
    ``built`` (the declared side) and given ``real`` when the model runs (``at_fit``), or
    failing on the declared shapes while the returned ones fit it (``at_fit`` False)."""

    call: LayerCall
    output: Disagreement
    node: Node
    reason: str
    at_fit: bool
    batches: frozenset[int] | None = None  # the batch sizes it runs on; None: it breaks for all

    @property
    def returned(self) -> Shape:
        return self.output.returned


def declaration_breaks(ctx: RuleContext) -> list[Break]:
    """The first layer each declared output that disagrees with what its call returns
    breaks, in graph order."""
    found: list[Break] = []
    declaring = {_declared_node(call): call for call in ctx.ir.layer_calls}
    for call in ctx.ir.layer_calls:
        start = _declared_node(call)
        for output in disagreements(call, ctx) if start is not None else []:
            hit = _first_break(call, start, output, declaring, ctx)
            if hit is not None:
                found.append(hit)
    return found


def as_run(ref: TensorRef, ctx: RuleContext) -> Shape:
    """The shape of ``ref`` when the model runs (what its loss meets): the declaring calls
    before it give what their ``call`` returns, and the layers after them run on that (an
    unknown shape past a layer that fails on it, which SL118 reports)."""
    calls = [c for c in ctx.ir.layer_calls if disagreements(c, ctx)]
    starts = {_declared_node(c): c for c in calls}
    starts.pop(None, None)
    if not starts:
        return ctx.shapes.of(ref)
    declaring = {_declared_node(call): call for call in ctx.ir.layer_calls}
    real: dict[int, NodeShapes] = {}

    def of(item: TensorRef) -> Shape:
        shapes = real.get(item.node_id)
        return ctx.shapes.of(item) if shapes is None else shapes.output(item.index)

    for node in ctx.ir.nodes[min(starts) :]:  # type: ignore[type-var]
        if node.id in starts or (
            node.layer.kind == "Declared"
            and any(r.node_id in real for r in (*node.inputs, *node.state_inputs))
        ):
            real[node.id] = NodeShapes((), (), _returned(declaring.get(node.id), of))
        elif any(r.node_id in real for r in (*node.inputs, *node.state_inputs)):
            runs = node_shapes(node, of)
            real[node.id] = NodeShapes((), (), None) if runs.problem is not None else runs
    return of(ref)


def _declared_node(call: LayerCall) -> int | None:
    """The ``Declared`` node that stands for the call's outputs."""
    refs = call.outputs if isinstance(call.outputs, tuple) else (call.outputs,)
    ids = {r.node_id for r in refs if isinstance(r, TensorRef)}
    return ids.pop() if len(ids) == 1 and len(refs) >= 1 else None


def _first_break(
    call: LayerCall,
    start: int,
    output: Disagreement,
    declaring: dict[int | None, LayerCall],
    ctx: RuleContext,
) -> Break | None:
    """Propagate what ``output`` really is from the call's outputs onwards (the others as
    declared); stop at the first layer the run breaks (or the declaration alone breaks).
    Through a later declaring call, what runs on is what its ``call`` returns when run on
    the real tensors (its own nodes are propagated on them before its declaration)."""
    outputs = list(ctx.shapes.at(ctx.ir.nodes[start]).outputs or ())
    if output.output is None:
        outputs = [output.returned]
    elif output.output < len(outputs):
        outputs[output.output] = output.returned
    else:
        return None
    real: dict[int, NodeShapes] = {start: NodeShapes((), (), tuple(outputs))}

    def of(ref: TensorRef) -> Shape:
        shapes = real.get(ref.node_id)
        return ctx.shapes.of(ref) if shapes is None else shapes.output(ref.index)

    for node in ctx.ir.nodes[start + 1 :]:
        if not any(ref.node_id in real for ref in (*node.inputs, *node.state_inputs)):
            continue
        if node.layer.kind == "Declared":
            real[node.id] = NodeShapes((), (), _returned(declaring.get(node.id), of))
            continue
        built = ctx.shapes.at(node)
        runs = node_shapes(node, of)
        reason = _breaks(node, built, runs)
        if reason is not None:
            return Break(call, output, node, reason, at_fit=built.problem is None)
        by_batch = _batch_breaks(node, runs) if built.problem is None else None
        if by_batch is not None:
            return Break(call, output, node, by_batch[0], at_fit=True, batches=by_batch[1])
        real[node.id] = runs
    return None


def _returned(call: LayerCall | None, of: Callable[[TensorRef], Shape]) -> tuple[Shape, ...] | None:
    """The shapes a declaring call's ``call`` returns on the real tensors (None when it
    returned no tensors seqlint follows)."""
    returned = call.returned if call is not None else None
    refs = returned if isinstance(returned, (list, tuple)) else (returned,)
    if not refs or not all(isinstance(ref, TensorRef) for ref in refs):
        return None
    return tuple(of(ref) for ref in refs)  # type: ignore[arg-type]


def _breaks(node: Node, built: NodeShapes, runs: NodeShapes) -> str | None:
    """Why ``node``, built on ``built``'s inputs, fails on ``runs``'s (None if it does not,
    or if it cannot be told)."""
    if built.problem is not None:
        return built.problem.message if _fits(runs) else None
    if runs.problem is not None:
        return runs.problem.message
    if not _sized_by_features(node):
        return None
    want, got = _last(built.inputs), _last(runs.inputs)
    if is_known(want) and is_known(got) and want != got:
        return (
            f"its weights are built for {want} input features and it gets {got}, {runs.inputs[0]}"
        )
    return None


def _batch_breaks(node: Node, runs: NodeShapes) -> tuple[str, frozenset[int]] | None:
    """A Reshape whose input carries the batch size on another axis too (``(batch, batch,
    k)``): its values per sample grow with the batch, so a target of known sizes fits at most
    one batch size. Why it fails, and the batch sizes it runs on (None when it cannot be
    told)."""
    if node.layer.kind != "Reshape" or not runs.inputs or runs.inputs[0].dims is None:
        return None
    dims = runs.inputs[0].dims[1:]
    target = node.layer.get("target_shape")
    if not isinstance(target, (tuple, list)) or not all(_positive(d) for d in target):
        return None
    repeats = sum(1 for d in dims if d is BATCH)
    rest = [d for d in dims if d is not BATCH]
    if not repeats or not all(_positive(d) for d in rest):
        return None
    per_batch, wanted = math.prod(rest), math.prod(target)
    root = round((wanted / per_batch) ** (1 / repeats))
    runs_on = frozenset(
        b for b in (root - 1, root, root + 1) if b > 0 and b**repeats * per_batch == wanted
    )
    shown = " x ".join(["batch"] * repeats + [str(per_batch)])
    only = ", ".join(f"batches of {b}" for b in sorted(runs_on)) or "no batch size"
    reason = (
        f"its input {runs.inputs[0]} holds {shown} values per sample, which fill "
        f"target_shape={tuple(target)} ({wanted} values) only for {only}"
    )
    return reason, runs_on


def _positive(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _fits(runs: NodeShapes) -> bool:
    """The node takes the returned shapes: no problem, and every input shape known."""
    return runs.problem is None and all(s.known_rank for s in runs.inputs)


def _last(inputs: tuple[Shape, ...]) -> Dim:
    """The size of the first input's last axis (UNKNOWN when it has none)."""
    if not inputs or not inputs[0].dims:
        return UNKNOWN
    return inputs[0].dims[-1]


def _sized_by_features(node: Node) -> bool:
    """A layer whose weights are sized by its input's last axis (alone or wrapped)."""
    layer = node.layer
    if layer.kind in _WRAPPERS:
        inner = layer.get("layer")
        return isinstance(inner, Layer) and has_trait(inner, Trait.SIZED_BY_FEATURES)
    return has_trait(layer, Trait.SIZED_BY_FEATURES)

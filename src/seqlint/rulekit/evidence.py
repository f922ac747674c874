"""Evidence shared by rules: shape traces and the layer that dropped an axis."""

from __future__ import annotations

from dataclasses import dataclass

from seqlint.diagnostic import TraceRow
from seqlint.dims import BATCH, UNKNOWN, Shape
from seqlint.ir import Layer, Node
from seqlint.rulekit.base import RuleContext
from seqlint.shapes.catalogue import Call, Trait, has_trait, output_shapes, spec
from seqlint.shapes.problems import ProblemKind, ShapeProblem

MAX_TRACE_ROWS = 8


def inner_layer(layer: Layer) -> Layer:
    """The recurrent layer inside a Bidirectional, else the layer itself."""
    inner = layer.get("layer")
    return inner if layer.kind == "Bidirectional" and isinstance(inner, Layer) else layer


def is_recurrent(layer: Layer) -> bool:
    """A layer that walks the time axis (alone or in a Bidirectional)."""
    return has_trait(inner_layer(layer), Trait.RECURRENT)


def primary_input(node: Node, ctx: RuleContext, index: int = 0) -> Node | None:
    """The node that produced input ``index`` of ``node`` (None for an input node)."""
    if index >= len(node.inputs):
        return None
    return ctx.ir.node(node.inputs[index])


def chain_to(node: Node, ctx: RuleContext, via_input: int = 0) -> list[Node]:
    """The nodes from the model input to ``node`` along input ``via_input``, then input 0."""
    chain = [node]
    current = primary_input(node, ctx, via_input)
    while current is not None:
        chain.append(current)
        current = primary_input(current, ctx)
    chain.reverse()
    return chain


def input_shape(node: Node, ctx: RuleContext, index: int = 0) -> Shape:
    shapes = ctx.shapes.at(node).inputs
    return shapes[index] if index < len(shapes) else Shape.unknown()


def output_shape(node: Node, ctx: RuleContext) -> Shape:
    return ctx.shapes.at(node).output(0)


@dataclass(frozen=True)
class Dropper:
    """The node whose output first lost the time axis, and why."""

    node: Node
    reason: str  # e.g. "return_sequences is False"


def lacks_time_axis(node: Node, problem: ShapeProblem, got: Shape) -> bool:
    """A rank problem of a layer that needs a time axis, given input without one: an input
    of rank 2 (or less) for the 1-D sequence layers, one axis short of the sequence of
    images a ConvLSTM needs."""
    if problem.kind is not ProblemKind.RANK or got.rank is None:
        return False
    if not has_trait(node.layer, Trait.NEEDS_TIME_AXIS):
        return False
    needed = problem.expected_rank or 3
    return got.rank < needed if needed <= 3 else got.rank == needed - 1


def time_axis_dropper(
    node: Node, ctx: RuleContext, via_input: int = 0, rank: int = 2
) -> Dropper | None:
    """The layer above input ``via_input`` of ``node`` that dropped the time axis (turned a
    sequence into a vector, or a sequence of images into an image).

    Walks up the stretch of outputs of ``rank`` to an RNN without return_sequences, a
    Flatten, a global pooling...; None when the stretch starts at the model's input
    declaration or cannot be explained.
    """
    return dropper_at_or_above(primary_input(node, ctx, via_input), ctx, rank)


def dropper_at_or_above(node: Node | None, ctx: RuleContext, rank: int = 2) -> Dropper | None:
    """Like :func:`time_axis_dropper`, starting the walk at ``node`` itself."""
    current = node
    while current is not None:
        if output_shape(current, ctx).rank != rank:
            return None
        reason = _drop_reason(current.layer)
        if reason:
            return Dropper(current, reason)
        if has_trait(current.layer, Trait.DECLARES_INPUT):
            return None
        current = primary_input(current, ctx)
    return None


def feeds_decoder_steps(node: Node, ctx: RuleContext) -> bool:
    """Whether ``node`` acts as a decoder: a recurrent layer returning sequences whose steps
    reach the end of the model, every layer after it known and keeping the time axis."""
    if not is_recurrent(node.layer) or inner_layer(node.layer).get("return_sequences") is not True:
        return False
    frontier, seen = [node.id], {node.id}
    while frontier:
        current = frontier.pop()
        for user in ctx.ir.nodes:
            if user.id in seen or all(ref.node_id != current for ref in user.inputs):
                continue
            if not user.layer.kind or _drop_reason(user.layer):
                return False
            seen.add(user.id)
            frontier.append(user.id)
    return True


def declaration_of(
    node: Node, ctx: RuleContext, via_input: int = 0, wanted: int | None = None
) -> Node | None:
    """The Input node that fixed the rank of input ``via_input``, if no layer changed it.

    ``wanted`` is the rank ``node`` needs: when a layer between refuses that rank (a Conv2D
    between an image Input and an LSTM), the declaration is what that layer needs, and not
    to blame.
    """
    rank = input_shape(node, ctx, via_input).rank
    current = primary_input(node, ctx, via_input)
    while current is not None:
        if has_trait(current.layer, Trait.DECLARES_INPUT):
            return current if current.declared_by else None
        if _drop_reason(current.layer) or output_shape(current, ctx).rank != rank:
            return None
        if input_shape(current, ctx).rank != rank:
            return None
        if wanted is not None and _refuses_rank(current, wanted):
            return None
        current = primary_input(current, ctx)
    return None


def _refuses_rank(node: Node, rank: int) -> bool:
    """Would ``node``'s layer refuse an input of ``rank`` axes (sizes unknown)? A
    TimeDistributed whose wrapped Lambda or layer ran on the steps (its second input) cannot
    be asked: its code decides, so it counts as refusing (the declaration is not to blame)."""
    if node.layer.kind == "TimeDistributed" and len(node.inputs) == 2:
        return True
    if len(node.inputs) != 1 or rank < 1:
        return False
    probe = Shape((BATCH, *(UNKNOWN,) * (rank - 1)))
    try:
        output_shapes(Call(node.layer, (probe,)))
    except ShapeProblem as problem:
        return problem.kind is ProblemKind.RANK
    return False


def _drop_reason(layer: Layer) -> str:
    inner = inner_layer(layer)
    if has_trait(inner, Trait.RECURRENT):
        if inner.get("return_sequences", False) is False:
            return "return_sequences is False"
        return ""
    found = spec(layer.kind)
    return "" if found is None else found.drops_time_axis


def trace(
    chain: list[Node],
    ctx: RuleContext,
    *,
    notes: dict[int, str] | None = None,
    expected: str = "",
) -> tuple[TraceRow, ...]:
    """A static ``model.summary()`` of ``chain``; the last row is the marked one.

    The marked row shows ``expected`` (what the layer needed) instead of an
    output shape.  ``notes`` maps node ids to a remark on their row.
    """
    notes = notes or {}
    rows = []
    for node in chain[-MAX_TRACE_ROWS:]:
        marked = node is chain[-1]
        shape = f"expects {expected}" if marked and expected else str(output_shape(node, ctx))
        rows.append(
            TraceRow(
                layer=node.layer.label,
                line=node.loc.line,
                shape=shape,
                note=notes.get(node.id, ""),
                marked=marked,
                place=node.loc.origin.where if node.loc.origin is not None else None,
            )
        )
    return tuple(rows)


def where(node: Node) -> str:
    """``LSTM(64) at line 9``: where ``node`` applies its layer (``h = lstm(x)``)."""
    return f"{node.layer.label} at {node.loc.place}"


def made(node: Node) -> str:
    """``LSTM(64) at line 5``: where ``node``'s layer is created (``lstm = LSTM(64)``), for
    a Bidirectional where its recurrent layer is: where an edit of its arguments goes."""
    return f"{node.layer.label} at {inner_layer(node.layer).loc.place}"

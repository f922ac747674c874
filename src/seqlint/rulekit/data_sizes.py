"""The model as the data runs it: the sizes an Input leaves undefined (``shape=(None,)``)
taken from the arrays a data call gives it, propagated again through the model's graph.

Keras builds such a model for any size on those axes, and meets the real one only in
``fit``/``predict``: a layer that joins a tensor of the data's length with one of a fixed
length fails there."""

from __future__ import annotations

from dataclasses import dataclass

from seqlint.dims import Shape, is_known
from seqlint.ir import Array, Node, TensorRef, TrainingCall
from seqlint.rulekit.base import RuleContext
from seqlint.rulekit.feeding import Feed, data_calls, feeds_of
from seqlint.shapes.problems import ShapeProblem
from seqlint.shapes.propagate import NodeShapes, node_shapes


@dataclass(frozen=True)
class SizedBreak:
    """``node`` fails at ``call`` once the undefined sizes of ``feeds``'s inputs take the
    data's: ``problem`` is what the shape function says about the data-sized inputs."""

    call: TrainingCall
    node: Node
    problem: ShapeProblem
    feeds: tuple[Feed, ...]
    inputs: tuple[Shape, ...]


def data_sized_breaks(ctx: RuleContext) -> list[SizedBreak]:
    """The layers that fail only with the data's sizes, each once (its first data call)."""
    found: list[SizedBreak] = []
    seen: set[int] = set()
    for call in data_calls(ctx):
        hit = _first_break(call, ctx)
        if hit is not None and hit.node.id not in seen:
            seen.add(hit.node.id)
            found.append(hit)
    return found


def _first_break(call: TrainingCall, ctx: RuleContext) -> SizedBreak | None:
    sized: dict[int, NodeShapes] = {}
    used: list[Feed] = []
    for feed in feeds_of(call, ctx):
        shape = _data_sized(feed, ctx)
        if shape is _MISFIT:
            return None  # Keras rejects the data before any layer runs (SL209)
        if isinstance(shape, Shape):
            sized[feed.input.id] = NodeShapes((), (), (shape,))
            used.append(feed)
    if not sized:
        return None

    def of(ref: TensorRef) -> Shape:
        shapes = sized.get(ref.node_id)
        return ctx.shapes.of(ref) if shapes is None else shapes.output(ref.index)

    graph = ctx.ir.graph_of(call.model)
    for node in ctx.ir.nodes:
        if node.id not in graph or node.id in sized:
            continue
        if not any(ref.node_id in sized for ref in (*node.inputs, *node.state_inputs)):
            continue
        runs = node_shapes(node, of)
        if runs.problem is not None:
            if ctx.shapes.at(node).problem is not None:
                return None  # reported on the declared sizes already
            return SizedBreak(call, node, runs.problem, tuple(used), runs.inputs)
        sized[node.id] = runs
    return None


_MISFIT = object()


def _data_sized(feed: Feed, ctx: RuleContext) -> Shape | object | None:
    """The Input's declared shape with its undefined sizes taken from the data, when the
    data has the Input's rank and gives at least one of them; ``_MISFIT`` when the data
    provably differs from a size the Input declares."""
    if not isinstance(feed.data, Array) or feed.data.shape is None or feed.batches is not None:
        return None
    declared = ctx.shapes.at(feed.input).output(0).dims
    data = feed.data.shape
    if declared is None or len(declared) != len(data):
        return None
    dims = list(declared)
    changed = False
    for axis in range(1, len(dims)):
        if is_known(dims[axis]):
            if is_known(data[axis]) and data[axis] != dims[axis]:
                return _MISFIT
        elif is_known(data[axis]):
            dims[axis] = data[axis]
            changed = True
    return Shape(tuple(dims)) if changed else None


def given_sizes(feed: Feed, ctx: RuleContext) -> list[tuple[int, int]]:
    """(axis, size) for each undefined size of the Input that its data gives."""
    declared = ctx.shapes.at(feed.input).output(0).dims or ()
    data = feed.data.shape if isinstance(feed.data, Array) and feed.data.shape else ()
    return [
        (axis, data[axis])  # type: ignore[misc]
        for axis in range(1, min(len(declared), len(data)))
        if not is_known(declared[axis]) and is_known(data[axis])
    ]

"""Evidence for the data rules: which array feeds which model input, and what it reaches.

A *data call* hands arrays to a model (fit, evaluate, predict, train_on_batch...).
Its ``x`` (or the windows of a TimeseriesGenerator / ``timeseries_dataset_from_array``)
is matched to the model's Input nodes the way Keras matches a single array or a list.
From an Input node, :func:`reached_through` follows the graph forward through layers
that hand their input on unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seqlint.dims import differ, is_known
from seqlint.ir import Array, Batches, Model, Node, TensorRef, TrainingCall, Value
from seqlint.rulekit.base import RuleContext
from seqlint.shapes.catalogue import Trait, has_trait

# Calls that run the model on data (Keras 3: the ``*_generator`` methods are gone).
DATA_CALLS = frozenset(
    {"fit", "evaluate", "predict", "train_on_batch", "test_on_batch", "predict_on_batch"}
)
MISSING = object()


@dataclass(frozen=True)
class Feed:
    """One model input at one data call, with the value the call gives it."""

    call: TrainingCall
    input: Node
    data: Value  # an Array when the script states it
    batches: Batches | None  # the windows maker, when ``x`` is one


def data_calls(ctx: RuleContext) -> Iterator[TrainingCall]:
    for call in ctx.ir.training:
        if call.method in DATA_CALLS:
            yield call


def given_x(call: TrainingCall) -> tuple[Value, Batches | None]:
    """The ``x`` of a data call (the windows of a generator), and the generator if any."""
    x = call.args.get("x", MISSING)
    if isinstance(x, Batches):
        return x.x, x
    return x, None


def input_nodes(model: Model, ctx: RuleContext) -> list[Node] | None:
    """The model's Input nodes in Keras order; None when not a plain tensor or list."""
    inputs = model.inputs
    if isinstance(inputs, TensorRef):
        refs = [inputs]
    elif isinstance(inputs, (list, tuple)) and all(isinstance(r, TensorRef) for r in inputs):
        refs = list(inputs)
    else:
        return None
    nodes = [ctx.ir.node(ref) for ref in refs]
    if not nodes or any(not has_trait(n.layer, Trait.DECLARES_INPUT) or n.inputs for n in nodes):
        return None
    return nodes


def feeds(ctx: RuleContext) -> Iterator[Feed]:
    """Every (data call, model input) whose data the call provably gives it."""
    for call in data_calls(ctx):
        yield from feeds_of(call, ctx)


def feeds_of(call: TrainingCall, ctx: RuleContext) -> Iterator[Feed]:
    """The (model input, data) pairs of one data call."""
    nodes = input_nodes(call.model, ctx)
    x, batches = given_x(call)
    if nodes is None or x is MISSING:
        return
    if isinstance(x, (list, tuple)) and not isinstance(x, Array):
        if call.model.kind == "functional" and len(x) == len(nodes):
            for node, item in zip(nodes, x, strict=True):
                yield Feed(call, node, item, batches)
    elif len(nodes) == 1:
        yield Feed(call, nodes[0], x, batches)


def data_as_declared(call: TrainingCall, ctx: RuleContext) -> bool:
    """False when some input's data provably differs from the declared input shape.

    Keras then either raises (functional models) or runs the layers on the
    data's own shape (Sequential models): the outputs seqlint derived from the
    declaration are not what the loss will see.
    """
    for feed in feeds_of(call, ctx):
        data = feed.data.shape if isinstance(feed.data, Array) else None
        declared = ctx.shapes.at(feed.input).output(0).dims
        if data is None or declared is None:
            continue
        data, declared = rank_adjusted(data, declared)
        if len(data) != len(declared):
            return False
        if any(differ(a, b) for a, b in zip(data[1:], declared[1:], strict=True)):
            return False
    return True


def rank_adjusted(data: tuple, declared: tuple) -> tuple[tuple, tuple]:
    """Data and declared shapes as Keras compares them once it has adjusted the data's rank
    by one: ``(N, T)`` data for ``Input(shape=(T, 1))`` gets its trailing 1 added, a trailing
    1 too many is squeezed (functional and Sequential models with a declared input alike)."""
    if len(data) + 1 == len(declared) and declared[-1] == 1:
        return data, declared[:-1]
    if len(data) == len(declared) + 1 and data[-1] == 1:
        return data[:-1], declared
    return data, declared


def declaring_call(model: Model, ctx: RuleContext) -> TrainingCall | None:
    """The data call whose ``x`` declared an undeclared Sequential model's input."""
    for call in data_calls(ctx):
        if call.model is not model:
            continue
        x, _ = given_x(call)
        if isinstance(x, Array) and x.shape is not None and len(x.shape) >= 2:
            return call
    return None


def consumers(ctx: RuleContext) -> dict[int, list[Node]]:
    """Node id -> the nodes that take its output as an input."""
    found: dict[int, list[Node]] = {}
    for node in ctx.ir.nodes:
        for ref in node.inputs:
            found.setdefault(ref.node_id, []).append(node)
    return found


def reached_through(start: Node, ctx: RuleContext) -> list[Node]:
    """The nodes fed by ``start`` directly or through layers that hand their input on
    unchanged (those layers themselves excluded)."""
    users = consumers(ctx)
    reached: list[Node] = []
    seen = {start.id}
    frontier = [start]
    while frontier:
        current = frontier.pop()
        for user in users.get(current.id, []):
            if user.id in seen or len(user.inputs) != 1:
                continue
            seen.add(user.id)
            if has_trait(user.layer, Trait.PASSES_VALUES):
                frontier.append(user)
            else:
                reached.append(user)
    return sorted(reached, key=lambda n: n.id)


def model_node_ids(model: Model, ctx: RuleContext) -> set[int]:
    """Ids of every node the model's known outputs depend on (none when they are unknown)."""
    return ctx.ir.graph_of(model)


def data_name(array: Array, fallback: str = "x") -> str:
    """``X_train (line 6)``: how a message names an array."""
    name = array.name or fallback
    return f"{name} ({array.loc.place})" if array.loc is not None else name


@dataclass(frozen=True)
class Lookup:
    """An Embedding fed straight by data whose index range the script states."""

    feed: Feed
    embedding: Node
    low: int  # the data holds integers in [low, high)
    high: int
    vocabulary: int  # the Embedding's input_dim


def embedding_lookups(ctx: RuleContext) -> Iterator[Lookup]:
    """Every (data call, Embedding) where the data's known index range meets a known
    ``input_dim``, the Embedding reached from the model input through layers that pass
    the values on."""
    for feed in feeds(ctx):
        bounds = getattr(feed.data, "value_range", None)
        if bounds is None or bounds[1] <= bounds[0]:
            continue
        for node in reached_through(feed.input, ctx):
            vocabulary = node.layer.get("input_dim")
            if node.layer.kind == "Embedding" and is_known(vocabulary) and vocabulary > 0:
                yield Lookup(feed, node, bounds[0], bounds[1], vocabulary)

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

from seqlint.dims import UNKNOWN, Dim, Sym, differ, difference, is_known, shown, sub_const
from seqlint.ir import Array, Batches, Layer, Model, Node, TensorRef, TrainingCall, Value
from seqlint.rulekit.base import RuleContext
from seqlint.shapes.catalogue import Indices, Trait, has_trait, index_range

# Calls that run the model on data (Keras 3: the ``*_generator`` methods are gone).
DATA_CALLS = frozenset(
    {"fit", "evaluate", "predict", "train_on_batch", "test_on_batch", "predict_on_batch"}
)
MISSING = object()
BATCH_THE_DATASET = (
    "batch the dataset (e.g. .batch(32)) before fit: each element it yields is one sample, "
    "and fit takes each element as a whole batch"
)


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


def unbatched_source(node: Node, ctx: RuleContext) -> Batches | None:
    """The unbatched dataset whose first element Keras built the Input ``node`` from (a
    model with no input declaration, first fed one sample as a whole batch); else None."""
    if node.declared_by != "data":
        return None
    for call in data_calls(ctx):
        nodes = input_nodes(call.model, ctx)
        if nodes and any(n.id == node.id for n in nodes):
            _, batches = given_x(call)
            return batches if batches is not None and not batches.batched else None
    return None


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
    """An Embedding and the indices it is given: data whose index range the script states
    (``feed``), or the output of a layer of the model whose indices have a known range
    (``source``, a StringLookup...) run by the data call ``call``."""

    call: TrainingCall
    embedding: Node
    low: int  # the indices are integers in [low, high)
    high: Dim  # an int, or a symbol (``len(word_index)+1``)
    vocabulary: Dim  # the Embedding's input_dim: an int or a symbol
    feed: Feed | None = None
    source: Node | None = None
    indices: Indices | None = None  # what the source layer outputs
    rows: Rows | None = None  # the Embedding's rows as bounded by its weights

    @property
    def beyond(self) -> int | None:
        """How many of the largest indices have no row (> 0: the lookup fails); None when
        the indices and the vocabulary cannot be compared."""
        found = difference(self.high, self.vocabulary)
        if found is None and self.rows is not None:
            bounded = difference(self.high, self.rows.at_most)
            return bounded if bounded is not None and bounded > 0 else None
        return found


@dataclass(frozen=True)
class Rows:
    """An Embedding's rows known only as at most ``at_most``: its ``weights=[matrix]`` has
    an unknown number of rows, at most that many (a comprehension that keeps some of
    ``at_most`` words; Keras raises unless ``input_dim`` equals the matrix's rows)."""

    at_most: Dim
    matrix: Array


def embedding_lookups(ctx: RuleContext) -> Iterator[Lookup]:
    """Every (data call, Embedding) where the index range of the data, or of the layer that
    feeds the Embedding, meets an ``input_dim`` it can be compared with: data reaching the
    Embedding from the model input through layers that pass the values on, or a layer that
    outputs indices (a lookup, Hashing) right before it in a model the call runs."""
    for feed in feeds(ctx):
        bounds = getattr(feed.data, "value_range", None)
        if not _range(bounds):
            continue
        for node in reached_through(feed.input, ctx):
            vocabulary = embedding_rows(node.layer)
            if vocabulary is not None:
                rows = weight_rows(node.layer)
                yield Lookup(
                    feed.call, node, bounds[0], bounds[1], vocabulary, feed=feed, rows=rows
                )
    for call in data_calls(ctx):
        graph = model_node_ids(call.model, ctx)
        for node_id in sorted(graph):
            node = ctx.ir.nodes[node_id]
            vocabulary = embedding_rows(node.layer)
            source = index_source(node, ctx)
            if vocabulary is None or source is None:
                continue
            indices = index_range(source.layer)
            if indices is not None:
                yield Lookup(
                    call,
                    node,
                    indices.low,
                    indices.high,
                    vocabulary,
                    source=source,
                    indices=indices,
                    rows=weight_rows(node.layer),
                )


def embedding_rows(layer: Layer) -> Dim | None:
    """An Embedding's ``input_dim`` when it is a positive int or a symbol; else None."""
    if layer.kind != "Embedding":
        return None
    vocabulary = layer.get("input_dim")
    if is_known(vocabulary) and vocabulary > 0 or isinstance(vocabulary, Sym):
        return vocabulary
    return None


def weight_rows(layer: Layer) -> Rows | None:
    """The bound on an Embedding's rows its ``weights=[matrix]`` gives, when the matrix has
    an unknown number of rows of which the script states a bound."""
    weights = layer.get("weights")
    if not isinstance(weights, (list, tuple)) or len(weights) != 1:
        return None
    matrix = weights[0]
    if not isinstance(matrix, Array) or matrix.shape is None or not matrix.shape:
        return None
    at_most = matrix.at_most
    if matrix.shape[0] is not UNKNOWN or not (is_known(at_most) or isinstance(at_most, Sym)):
        return None
    return Rows(at_most, matrix)


def index_source(node: Node, ctx: RuleContext) -> Node | None:
    """The layer whose output ``node`` takes as its one input, through layers that pass the
    values on (Identity), when it outputs indices of a known range."""
    current = node
    for _ in range(64):
        if len(current.inputs) != 1 or current.inputs[0].index not in (0, None):
            return None
        current = ctx.ir.node(current.inputs[0])
        if index_range(current.layer) is not None:
            return current
        if not has_trait(current.layer, Trait.PASSES_VALUES):
            return None
    return None


def _range(bounds: Value) -> bool:
    """A value range with an int low and a high that is an int above it or a symbol."""
    if not isinstance(bounds, tuple) or len(bounds) != 2 or not is_known(bounds[0]):
        return False
    high = bounds[1]
    return is_known(high) and high > bounds[0] or isinstance(high, Sym)


def last_index(high: Dim) -> str:
    """The largest index of ``[low, high)``, for messages."""
    return shown(sub_const(high, 1))

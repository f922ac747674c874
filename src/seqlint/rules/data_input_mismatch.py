"""SL209: the data given to fit/evaluate/predict does not fit the model's inputs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import permutations
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.dims import BATCH, UNKNOWN, Dim, Shape, Sym, differ, is_known
from seqlint.ir import Array, Batches, Layer, Model, Node, ShapeTuple, TensorRef, TrainingCall
from seqlint.rulekit.base import Finding, Rule, RuleContext, problem_nodes
from seqlint.rulekit.evidence import chain_to, declaration_of, input_shape, trace, where
from seqlint.rulekit.feeding import (
    BATCH_THE_DATASET,
    MISSING,
    data_calls,
    data_name,
    declaring_call,
    given_x,
    input_nodes,
    model_node_ids,
)
from seqlint.shapes.catalogue import Call, Trait, has_trait, output_shapes
from seqlint.shapes.problems import ProblemKind, ShapeProblem

MAX_INPUTS_TO_REORDER = 4


@dataclass(frozen=True)
class Misfit:
    """Why one array cannot feed one Input: Keras raises."""

    reason: str
    same_rank: bool = True  # the data has the declared rank (only sizes differ)


class DataInputMismatch(Rule):
    code = "SL209"
    name = "data-input-mismatch"
    summary = "The data given to fit/evaluate/predict does not match the model's inputs."
    severity = Severity.ERROR
    explanation = """\
`fit`, `evaluate`, `predict` and `train_on_batch` check `x` against the
model's inputs, one sample at a time (the first axis of the data is the
number of samples):

- A functional model (and a Sequential model with an `Input`) accepts data
  whose rank differs by a trailing axis of size 1 -- `(samples, 20)` for
  `Input(shape=(20, 1))` is expanded, `(samples, 20, 1)` for
  `Input(shape=(20,))` squeezed -- and raises `Invalid input shape for
  input` for any other rank. A functional model also demands every declared
  size (`expected shape=(None, 20, 8), found shape=(None, 20, 4)`). A
  Sequential model only warns and runs its layers on the data's own shape:
  it raises where a layer's weights were sized for other features
  (`expected axis -1 of input shape to have value 8`, or a Flatten handing a
  Dense more values than it was built for), while a longer or shorter time
  axis alone is fine.
- A model with several inputs needs a list with one array per input, in the
  order of `Model(inputs=[...])`: two arrays for three inputs raise
  `expects 3 named input(s)`, and swapped arrays fail the shape check.
- A Sequential model without any input declaration is built from the first
  data it sees: a 2-D `X` of shape `(samples, features)` reaches an LSTM that
  needs `(samples, timesteps, features)` and `fit` raises
  `expected ndim=3, found ndim=2`."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(64, 8)
        y = np.random.rand(64, 1)
        model = keras.Sequential([
            layers.LSTM(16),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)  # expect: SL209
        """
    )
    keras_error = r"expected ndim=3, found ndim=2"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(64, 10, 8)
        y = np.random.rand(64, 1)
        model = keras.Sequential([
            layers.LSTM(16),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        yield from self._built_from_data(ctx)
        for call in data_calls(ctx):
            finding = self._check_call(call, ctx)
            if finding is not None:
                yield finding

    # -- a Sequential model built from the data ----------------------------------------------

    def _built_from_data(self, ctx: RuleContext) -> Iterator[Finding]:
        for node, problem in problem_nodes(ctx):
            if problem.kind is not ProblemKind.RANK:
                continue
            index = problem.input_index or 0
            decl = declaration_of(node, ctx, index, problem.expected_rank)
            if decl is None or decl.declared_by != "data":
                continue
            model = next((m for m in ctx.ir.models if _input_id(m) == decl.id), None)
            call = declaring_call(model, ctx) if model is not None else None
            x, batches = given_x(call) if call is not None else (None, None)
            if call is None or not isinstance(x, Array) or x.shape is None:
                continue
            needs = (problem.expected or f"rank {problem.expected_rank}").replace(
                "batch", "samples"
            )
            message = (
                f"{_name(x, batches)} has shape {_data(x.shape)}: {where(node)} needs {needs}; "
                f"the model has no input declaration, so Keras builds it from this data"
            )
            hint = _time_axis_hint(x, batches, needs, problem.expected_rank)
            rows = trace(chain_to(node, ctx, index), ctx, expected=problem.expected)
            yield Finding(call.loc, message, hint, rows)

    # -- declared inputs -----------------------------------------------------------------------

    def _check_call(self, call: TrainingCall, ctx: RuleContext) -> Finding | None:
        if call.model.kind == "subclassed":
            return None  # no input spec: Keras builds its layers from the data at fit
        nodes = input_nodes(call.model, ctx)
        x, batches = given_x(call)
        if nodes is None or x is MISSING or any(not _user_declared(n) for n in nodes):
            return None
        if any(ctx.shapes.at(ctx.ir.nodes[i]).problem for i in model_node_ids(call.model, ctx)):
            return None  # Keras rejects the model itself before it sees any data
        functional = call.model.kind == "functional"
        if isinstance(x, Array):
            if len(nodes) > 1 and functional:
                return self._count_finding(call, nodes, 1, ctx)
            if len(nodes) == 1:
                misfit = _misfit(nodes[0], x, call.model, ctx)
                if misfit is not None:
                    return self._shape_finding(call, nodes[0], x, batches, misfit, ctx)
            return None
        if not functional or not isinstance(x, (list, tuple)):
            return None
        if not all(isinstance(item, Array) for item in x):
            return None
        if len(x) != len(nodes):
            return self._count_finding(call, nodes, len(x), ctx)
        return self._list_finding(call, nodes, list(x), ctx)

    def _count_finding(
        self, call: TrainingCall, nodes: list[Node], given: int, ctx: RuleContext
    ) -> Finding:
        declared = ", ".join(where(n) for n in nodes)
        message = (
            f"the model has {len(nodes)} input(s), but {call.method} gets {given} array(s): "
            f"Keras wants one array per input, in the order of the model's inputs: {declared}"
        )
        hint = f"pass x as a list of {len(nodes)} arrays, one per input, in the model's order"
        return Finding(call.loc, message, hint)

    def _shape_finding(
        self,
        call: TrainingCall,
        node: Node,
        x: Array,
        batches: Batches | None,
        misfit: Misfit,
        ctx: RuleContext,
    ) -> Finding:
        message = (
            f"{_name(x, batches)} has shape {_data(x.shape)}, but {where(node)} declares samples "
            f"of shape {_declared(node, ctx)}: {misfit.reason}"
        )
        hint = f"give the data samples of shape {_declared(node, ctx)}"
        if batches is not None and not batches.batched:
            hint = BATCH_THE_DATASET
        elif batches is not None and _declared(node, ctx) == _shape(x.shape):
            hint = _YIELD_BATCHES.format(maker=batches.maker)
        elif misfit.same_rank:
            sample = _shape((x.shape or ())[1:])
            hint += f", or declare the input with the shape of one sample: shape={sample}"
        return Finding(call.loc, message, hint)

    def _list_finding(
        self, call: TrainingCall, nodes: list[Node], arrays: list[Array], ctx: RuleContext
    ) -> Finding | None:
        misfits = [_misfit(n, a, call.model, ctx) for n, a in zip(nodes, arrays, strict=True)]
        wrong = [i for i, m in enumerate(misfits) if m is not None]
        if not wrong:
            return None
        order = _fitting_order(nodes, arrays, ctx)
        first = wrong[0]
        node, array, misfit = nodes[first], arrays[first], misfits[first]
        assert misfit is not None
        message = (
            f"input {first + 1} of {len(nodes)}, {where(node)}, declares samples of shape "
            f"{_declared(node, ctx)}, but gets {data_name(array)} of shape "
            f"{_data(array.shape)}: {misfit.reason}"
        )
        if order is not None:
            names = ", ".join(arrays[i].name or f"x[{i}]" for i in order)
            message += "; the arrays are given in the wrong order"
            hint = f"pass the arrays in the order of the model's inputs: [{names}]"
        else:
            hint = "give each input an array of its declared sample shape, in the model's order"
        return Finding(call.loc, message, hint)


def _input_id(model: Model) -> int | None:
    ref = model.inputs
    return getattr(ref, "node_id", None)


def _name(x: Array, batches: Batches | None) -> str:
    if batches is not None:
        return f"each batch of {batches.maker} ({batches.loc.place})"
    return data_name(x)


def _user_declared(node: Node) -> bool:
    """Declared in the source, and not as ``X.shape`` (that one is SL102's)."""
    if not node.declared_by or node.declared_by == "data":
        return False
    declared = (node.layer.get(key) for key in ("shape", "input_shape", "batch_shape"))
    return not any(isinstance(value, ShapeTuple) for value in declared)


def _declared(node: Node, ctx: RuleContext) -> str:
    dims = ctx.shapes.at(node).output(0).dims
    return "(unknown)" if dims is None else _shape(dims[1:])


def _shape(dims: tuple[Dim, ...] | None) -> str:
    return str(Shape(dims))


def _data(dims: tuple[Dim, ...] | None) -> str:
    """A data shape; an unknown first axis is the batch of a generator."""
    if dims and dims[0] is UNKNOWN:
        return _shape((BATCH, *dims[1:]))
    return _shape(dims)


_YIELD_BATCHES = (
    "{maker} gives one sample where fit takes a batch: give batches of samples, with the "
    "batch axis first (np.array of a list of samples, or x[np.newaxis] for one)"
)


def _time_axis_hint(x: Array, batches: Batches | None, needs: str, rank: int | None) -> str:
    assert x.shape is not None
    if batches is not None and not batches.batched:
        return BATCH_THE_DATASET
    if rank != 3 or len(x.shape) != 2:
        return f"give the data the shape {needs}"
    if batches is not None:
        return (
            "the windows need a feature axis: cut them from data of shape "
            "(steps, features), e.g. series.reshape(-1, 1) for a single series"
        )
    name = x.name or "the data"
    hint = (
        f"give {name} a time axis, shape (samples, timesteps, features), e.g. windows of the series"
    )
    steps = x.shape[1]
    if is_known(steps) or isinstance(steps, Sym):
        samples = x.shape[0] if is_known(x.shape[0]) or isinstance(x.shape[0], Sym) else -1
        hint += (
            f"; or, if the {steps} values of a row are consecutive steps of one feature, "
            f"{x.name or 'x'}.reshape(({samples}, {steps}, 1))"
        )
    return hint


def _misfit(node: Node, x: Array, model: Model, ctx: RuleContext) -> Misfit | None:
    """What Keras rejects when ``x`` feeds the Input ``node``; None if fine or unknown.

    Keras 2 checks a declared Sequential input as strictly as a functional one
    (``expected shape=(None, 20), found shape=(32, 30)``); Keras 3 runs it on the data.
    """
    functional = model.kind == "functional" or ctx.major == "2"
    declared_shape = ctx.shapes.at(node).output(0).dims
    if declared_shape is None or x.shape is None or not x.shape:
        return None
    declared = declared_shape[1:]
    data = x.shape[1:]
    adjusted = _adjust_rank(declared, data)
    if adjusted is False:
        return Misfit(
            f"rank {len(data) + 1} data for an input of rank {len(declared) + 1}; Keras only "
            f"adds or drops a trailing axis of size 1",
            same_rank=False,
        )
    if functional:
        axis = _spec_mismatch(declared, data)
        if axis is None:
            return None
        return Misfit(
            f"axis {axis} has size {data[axis - 1]}, the input declares {declared[axis - 1]}",
            same_rank=len(data) == len(declared),
        )
    if adjusted is None:
        return None
    return _sequential_misfit(node, adjusted, model, ctx)


def _spec_mismatch(declared: tuple[Dim, ...], data: tuple[Dim, ...]) -> int | None:
    """The axis (1-based, after the batch) where a functional model's input spec check fails.

    Keras drops a trailing 1 from both shapes, then compares them axis by axis; only
    axes compared whether or not a trailing dim is 1 can prove a mismatch.
    """
    compared = min(_shortest(declared), _shortest(data))
    for position in range(compared):
        if differ(declared[position], data[position]):
            return position + 1
    return None


def _shortest(dims: tuple[Dim, ...]) -> int:
    if dims and not (is_known(dims[-1]) and dims[-1] != 1):
        return len(dims) - 1  # the trailing axis is (or may be) a squeezed 1
    return len(dims)


def _adjust_rank(declared: tuple[Dim, ...], data: tuple[Dim, ...]) -> tuple[Dim, ...] | bool | None:
    """Keras's ``_adjust_input_rank``: the data as the model sees it, False if it raises,
    None when unknown."""
    if len(data) == len(declared):
        return data
    if len(data) == len(declared) + 1:
        last = data[-1]
        if not is_known(last):
            return None
        return data[:-1] if last == 1 else False
    if len(data) == len(declared) - 1:
        last = declared[-1]
        if not is_known(last):
            return None
        return (*data, 1) if last == 1 else False
    return False


def _sequential_misfit(
    start: Node, data: tuple[Dim, ...], model: Model, ctx: RuleContext
) -> Misfit | None:
    """A Sequential model runs its layers on the data's own shape (Keras only warns at the
    input): the first layer whose weights were sized for other features, or that cannot
    take the shape the data reaches it with, raises."""
    output = model.outputs
    if not isinstance(output, TensorRef):
        return None
    chain = chain_to(ctx.ir.node(output), ctx)
    if chain[0] is not start:
        return None
    shape = Shape((BATCH, *data))
    for node in chain[1:]:
        built = input_shape(node, ctx)  # what the layer was built for, from the declaration
        if shape == built:
            return None  # from here on the data runs as declared
        reaches = "" if node is chain[1] else f" (the data reaches it as {shape})"
        if _sized_by_features(node) and _last_differs(built, shape):
            return Misfit(
                f"{where(node)} was built for inputs of {built.dims[-1]} features and gets "
                f"{shape.dims[-1]}{reaches}"
            )
        try:
            outputs = output_shapes(Call(node.layer, (shape,)))
        except ShapeProblem as problem:
            return Misfit(f"{where(node)} cannot take the data{reaches}: {problem.message}")
        if outputs is None or len(outputs) != 1 or outputs[0].dims is None:
            return None
        shape = outputs[0]
    return None


def _sized_by_features(node: Node) -> bool:
    layer = node.layer
    if layer.kind in ("Bidirectional", "TimeDistributed"):
        inner = layer.get("layer")
        return isinstance(inner, Layer) and has_trait(inner, Trait.SIZED_BY_FEATURES)
    return has_trait(layer, Trait.SIZED_BY_FEATURES)


def _last_differs(a: Shape, b: Shape) -> bool:
    return bool(a.dims) and bool(b.dims) and differ(a.dims[-1], b.dims[-1])


def _fitting_order(nodes: list[Node], arrays: list[Array], ctx: RuleContext) -> list[int] | None:
    """An order of ``arrays`` that fits every input, when exactly one (other) order does."""
    if len(nodes) > MAX_INPUTS_TO_REORDER:
        return None
    fitting = []
    for order in permutations(range(len(arrays))):
        if all(_fits(nodes[i], arrays[j], ctx) for i, j in enumerate(order)):
            fitting.append(list(order))
    return fitting[0] if len(fitting) == 1 else None


def _fits(node: Node, x: Array, ctx: RuleContext) -> bool:
    """``x`` provably fits the Input ``node``: every declared size known and equal."""
    declared = ctx.shapes.at(node).output(0).dims
    if declared is None or x.shape is None or len(x.shape) != len(declared):
        return False
    return all(is_known(d) and d == s for d, s in zip(declared[1:], x.shape[1:], strict=True))

"""SL233: an op turns the batch axis into a fixed size, and the model is fit on other batches."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.dims import BATCH, Shape, is_known
from seqlint.ir import Node, ShapeTuple, TensorRef, TrainingCall, tensor_refs
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.batches import other_batches
from seqlint.rulekit.evidence import chain_to, trace
from seqlint.shapes.ops.registry import op_spec

# The data calls that run the model (with the parameter that would make the batches
# something else), and those whose loss meets the outputs (predict computes none).
RUNS = {"fit": "steps_per_epoch", "evaluate": "steps", "predict": "steps"}
CHECKED = {"fit", "evaluate"}


class BatchAxisLost(Rule):
    code = "SL233"
    name = "batch-axis-lost"
    summary = "An op turns the batch axis into a fixed size (K.sum(x, axis=0)), then fit fails."
    severity = Severity.ERROR
    explanation = """\
Inside a `Lambda` or a custom layer, axis 0 is the batch: one row per sample.
An op that reduces over it (`K.sum(x, axis=0)`, `tf.reduce_mean(x, 0)`), or
that broadcasts it against a weight or constant of a fixed size, leaves a
tensor whose axis 0 is something else, a number of steps or of units. Keras
builds the model anyway (a symbolic batch size is None and broadcasts) and
takes that axis for the batch from then on: the model's output has, say, 50
rows whatever the batch size. When it is fit (or evaluated) on batches of
another size, the loss meets targets of one number of rows and predictions of
another, and Keras raises (`Arguments target and output must have the same
shape`, `logits and labels must be broadcastable`, `Incompatible shapes`), or
the op itself does, when it broadcasts the batch against a weight (`Dimensions
must be equal`). The model only runs on batches of exactly that size (or of
one sample, which broadcasts), and then it mixes the samples.

seqlint follows the shapes through the ops of the layer and reports the op
when the data is cut into batches of another size: an elementwise op that
broadcasts the batch axis against a fixed size (it fails itself, whatever
follows), or an op after which axis 0 is no longer the batch, when the model's
output still lacks the batch axis (the loss fails; a result broadcast back onto
the batch, `x - K.mean(x, axis=0)`, is fine).
Reduce over the axis you mean (the steps are axis 1), or keep the batch
axis (`keepdims=True`, or broadcast the result back onto the batch)."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import backend as K
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(20, 8))
        h = layers.LSTM(16, return_sequences=True)(inputs)
        pooled = layers.Lambda(lambda t: K.sum(t, axis=0))(h)  # expect: SL233
        outputs = layers.Dense(3, activation="softmax")(pooled)
        model = keras.Model(inputs, outputs)
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        model.fit(np.zeros((64, 20, 8)), np.zeros((64, 3)), epochs=1, verbose=0)
        """
    )
    keras_error = r"must have the same shape|must be broadcastable|Incompatible shapes"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import backend as K
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(20, 8))
        h = layers.LSTM(16, return_sequences=True)(inputs)
        pooled = layers.Lambda(lambda t: K.sum(t, axis=1))(h)
        outputs = layers.Dense(3, activation="softmax")(pooled)
        model = keras.Model(inputs, outputs)
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        model.fit(np.zeros((64, 20, 8)), np.zeros((64, 3)), epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        reported: set[int] = set()
        for call in ctx.ir.training:
            if call.method not in RUNS or RUNS[call.method] in call.args:
                continue
            for op in _ops_of(call, ctx):
                finding = self._check_broadcast(call, op, ctx, reported)
                if finding is not None:
                    yield finding
            if call.method not in CHECKED:
                continue
            for ref in tensor_refs(call.model.outputs):
                finding = self._check_output(call, ref, ctx, reported)
                if finding is not None:
                    yield finding

    def _check_broadcast(
        self, call: TrainingCall, op: Node, ctx: RuleContext, reported: set[int]
    ) -> Finding | None:
        """An elementwise op that lines the batch axis up with a fixed size: it runs only on
        batches of that size (or of one sample)."""
        found = _broadcast(op, ctx)
        if found is None or op.id in reported or not _sound(TensorRef(op.id, None), ctx):
            return None
        batched, other, axis, size = found
        batches = other_batches(call, frozenset({size, 1}), samples_known=True)
        if batches is None:
            return None
        reported.add(op.id)
        out = ctx.shapes.at(op).output(0)
        message = (
            f"{op.layer.label} broadcasts the batch axis of {batched} against axis {axis} of "
            f"{other}, of size {size}: it gives {out}, and {call.method} gives it {batches}: "
            f"their rows cannot broadcast against {size}, and TensorFlow raises"
        )
        hint = (
            "line the weight up with the features, not the batch (e.g. "
            "tf.expand_dims(x, -1) * w, then reduce over the input axis)"
        )
        rows = trace(chain_to(op, ctx, _batched_input(op, ctx)), ctx)
        return Finding(op.loc, message, hint, rows)

    def _check_output(
        self, call: TrainingCall, ref: TensorRef, ctx: RuleContext, reported: set[int]
    ) -> Finding | None:
        """The model's output has a fixed first axis, left by an op that reduced the batch
        axis: the loss meets batches of another size."""
        shape = ctx.shapes.of(ref)
        if not shape.dims:
            return None
        rows = shape.dims[0]
        if not is_known(rows) or rows < 2:
            return None  # the batch axis, an unknown size, or one row (which broadcasts)
        found = _where_lost(ref, ctx)
        if found is None or found[0].id in reported or not _sound(ref, ctx):
            return None
        op, before, after = found
        batches = other_batches(call, frozenset({rows, 1}), samples_known=True)
        if batches is None:
            return None
        reported.add(op.id)
        message = (
            f"{op.layer.label} {_how(op)}: it gives {after} from {before}, so the model's "
            f"output {shape} has {rows} rows whatever the batch size, and {call.method} gives "
            f"it {batches}: the loss meets their targets with {rows} predictions, and Keras "
            "raises"
        )
        hint = (
            "reduce over the axis you mean (the steps are axis 1), or keep the batch axis "
            "(keepdims=True, or broadcast the result back onto the batch)"
        )
        rows_trace = trace(chain_to(op, ctx, _batched_input(op, ctx)), ctx)
        return Finding(op.loc, message, hint, rows_trace)


def _ops_of(call: TrainingCall, ctx: RuleContext) -> list[Node]:
    """The op nodes of the model ``call`` runs, in graph order."""
    ids = ctx.ir.graph_of(call.model)
    return [ctx.ir.nodes[i] for i in sorted(ids) if ctx.ir.nodes[i].layer.kind.startswith("ops.")]


def _broadcast(op: Node, ctx: RuleContext) -> tuple[Shape, Shape, int, int] | None:
    """(the input with the batch axis, the other input, its axis, its size) when an
    elementwise op lines the batch axis of one input up with a known size above 1 of
    another (NumPy broadcasting aligns the trailing axes)."""
    if _family(op) != "elementwise":
        return None
    out = ctx.shapes.at(op).output(0)
    if not out.dims or out.dims[0] is BATCH:
        return None
    inputs = [s for s in ctx.shapes.at(op).inputs if s.dims is not None]
    rank = len(out.dims)
    for batched in inputs:
        if not batched.dims or batched.dims[0] is not BATCH:
            continue
        position = rank - len(batched.dims)
        for other in inputs:
            if other is batched:
                continue
            axis = position - (rank - len(other.dims))  # type: ignore[arg-type]
            if 0 <= axis < len(other.dims):  # type: ignore[arg-type]
                size = other.dims[axis]  # type: ignore[index]
                if is_known(size) and size > 1:
                    return batched, other, axis, size
    return None


def _where_lost(ref: TensorRef, ctx: RuleContext) -> tuple[Node, Shape, Shape] | None:
    """The op after which axis 0 is no longer the batch, on the way to ``ref``: the first op
    (walking back from ``ref`` through tensors without the batch axis) one of whose inputs
    has it; with that input's shape and the op's output shape."""
    stack, seen = [ref], set()
    while stack:
        current = stack.pop()
        if current.node_id in seen:
            continue
        seen.add(current.node_id)
        node = ctx.ir.node(current)
        inputs = ctx.shapes.at(node).inputs
        index = _batched_input(node, ctx)
        if index is not None:
            if not node.layer.kind.startswith("ops."):
                return None  # a layer dropped it: not an op of a Lambda or custom layer
            return node, inputs[index], ctx.shapes.of(current)
        for given, shape in zip(node.inputs, inputs, strict=False):
            if shape.dims and shape.dims[0] is not BATCH:
                stack.append(given)
    return None


def _batched_input(node: Node, ctx: RuleContext) -> int | None:
    """The first input of ``node`` whose axis 0 is the batch."""
    for index, shape in enumerate(ctx.shapes.at(node).inputs):
        if shape.dims and shape.dims[0] is BATCH:
            return index
    return None


def _family(op: Node) -> str:
    spec = op_spec(op.layer.kind.removeprefix("ops."))
    return spec.family if spec is not None else ""


def _how(op: Node) -> str:
    """What the op did to the batch axis."""
    if _family(op) == "reduction":
        return "reduces over the batch axis"
    return "replaces the batch axis"


def _sound(ref: TensorRef, ctx: RuleContext) -> bool:
    """No node up to ``ref`` has a shape problem (Keras would raise there first) or an input
    declared as ``X.shape``."""
    for node_id in ctx.ir.upstream([ref]):
        node = ctx.ir.nodes[node_id]
        if ctx.shapes.at(node).problem is not None:
            return False
        if isinstance(node.layer.get("shape"), ShapeTuple):
            return False
    return True

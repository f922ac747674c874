"""SL114: a layer whose input does not fit it: a rank it does not take, or a configuration that
cannot apply to that input."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import Node
from seqlint.rulekit.base import Finding, Rule, RuleContext, problem_nodes
from seqlint.rulekit.evidence import (
    chain_to,
    declaration_of,
    input_shape,
    lacks_time_axis,
    made,
    trace,
    where,
)
from seqlint.shapes.problems import ProblemKind, ShapeProblem


class LayerInputMismatch(Rule):
    code = "SL114"
    name = "layer-input-mismatch"
    summary = "A layer gets input it cannot take: a rank it refuses, or sizes it cannot fit."
    severity = Severity.ERROR
    explanation = """\
Every Keras layer states which inputs it takes (its `InputSpec`) and checks its
configuration against them when it is built: `Conv2D` needs images
`(batch, rows, cols, channels)`, `ConvLSTM2D` sequences of images,
`RepeatVector` a `(batch, features)` vector, `EinsumDense` an input that fits
its equation, `Dot` two tensors whose axes have the same size. Given anything
else, Keras raises when the model is built (`expected ndim=2, found ndim=3`,
`Input 0 of layer ... is incompatible with the layer`).

The attention layers also check their masks, when the model runs:
`MultiHeadAttention` ANDs the `attention_mask` it is given with the Keras masks
of its query and value (`Embedding(mask_zero=True)` makes them) as
`(batch, T, 1) & (batch, 1, S)`, then applies the result to its scores
`(batch, heads, T, S)`. A padding mask shaped `(batch, 1, 1, S)` for those
scores lands its batch axis on the heads (`Dimensions must be equal, but are 2
and 4`), and the masks of rank-4 inputs do not fit their scores at all.

The layers that need a time axis have rules of their own (SL101, SL103), and an
input declared with the wrong rank is SL102's: this rule reports the other
layers, where the tensor that reaches them has the wrong rank or sizes."""
    bad_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(20,))
        x = layers.Embedding(1000, 16)(inputs)
        x = layers.RepeatVector(3)(x)  # expect: SL114
        """
    )
    keras_error = r"expected ndim=2, found ndim=3"
    good_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(20,))
        x = layers.Embedding(1000, 16)(inputs)
        x = layers.LSTM(16)(x)
        x = layers.RepeatVector(3)(x)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for node, problem in problem_nodes(ctx):
            if problem.kind is ProblemKind.LAYER_CONFIG or (
                problem.kind is ProblemKind.RANK and not _claimed_elsewhere(node, problem, ctx)
            ):
                yield self._finding(node, problem, ctx)

    def _finding(self, node: Node, problem: ShapeProblem, ctx: RuleContext) -> Finding:
        index = problem.input_index or 0
        if problem.keyword:
            return self._keyword_finding(node, problem, ctx)
        message = problem.message
        if not message.startswith(node.layer.label):
            message = f"{node.layer.label} cannot take its input: {message}"
        if problem.hint:
            hint = problem.hint
        elif problem.kind is ProblemKind.RANK:
            hint = f"give {where(node)} input of shape {problem.expected}"
        elif problem.expected.startswith("a list of"):
            hint = f"call {where(node)} on {problem.expected}"
        else:
            hint = f"make the configuration of {made(node)} fit {input_shape(node, ctx, index)}"
        rows = trace(chain_to(node, ctx, index), ctx, expected=problem.expected)
        return Finding(node.loc, message, hint, rows)

    def _keyword_finding(self, node: Node, problem: ShapeProblem, ctx: RuleContext) -> Finding:
        """A tensor the layer gets by keyword (an attention mask) that does not fit: the
        trace leads to that tensor."""
        kind = node.layer.kind
        text = problem.message
        message = node.layer.label + (
            text[len(kind) :] if text.startswith(f"{kind} ") else f": {text}"
        )
        ref = next((r for name, r in node.keywords if name == problem.keyword and r), None)
        chain = [*chain_to(ctx.ir.node(ref), ctx), node] if ref is not None else [node]
        hint = problem.hint or f"make the configuration of {made(node)} fit its inputs"
        return Finding(node.loc, message, hint, trace(chain, ctx, expected=problem.expected))


def _claimed_elsewhere(node: Node, problem: ShapeProblem, ctx: RuleContext) -> bool:
    """A rank problem another rule reports: a missing time axis (SL101, SL103), an input
    declaration of the wrong rank (SL102), or a model built from the data (SL209)."""
    index = problem.input_index or 0
    got = input_shape(node, ctx, index)
    if got.rank is None or declaration_of(node, ctx, index, problem.expected_rank) is not None:
        return True
    if node.layer.kind == "TimeDistributed":
        return got.rank < 3
    return lacks_time_axis(node, problem, got)

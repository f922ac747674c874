"""SL111: a tensor op (``keras.ops``, ``tf``, ``keras.backend``, an operator on tensors) that
cannot work on the shapes it is given."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import Node
from seqlint.rulekit.base import Finding, Rule, RuleContext, problem_nodes
from seqlint.rulekit.evidence import chain_to, trace
from seqlint.shapes.problems import ProblemKind, ShapeProblem


class OpShapeMismatch(Rule):
    code = "SL111"
    name = "op-shape-mismatch"
    summary = "A tensor op cannot work on its operands' shapes (matmul, concat, reshape...)."
    severity = Severity.ERROR
    explanation = """\
Custom layers, `Lambda` layers and functional models apply tensor ops directly:
`keras.ops.matmul`, `tf.concat`, `K.dot`, `tf.reshape`, `x * w`, `x[:, -1]`. Each
op has rules of its own: the inner sizes of a matrix product must be equal, the
tensors joined by a concatenation must agree on every other axis, elementwise
operands must broadcast (equal sizes, or 1), a reshape must keep the number of
values, an axis must exist. Keras (or TensorFlow) raises when the model is
built, inside the layer's `call()`: `Inner dimensions ... must be equal`,
`Dimensions must be equal`, `ConcatOp : Dimensions of inputs should match`,
`Cannot reshape a tensor`.

seqlint follows the shapes through the ops (their shapes are those Keras and
TensorFlow compute, checked against both) and reports the op that cannot work,
with the shapes that reach it."""
    bad_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(20, 8))
        h = layers.LSTM(16, return_sequences=True)(inputs)
        scores = keras.ops.matmul(h, h)  # expect: SL111
        """
    )
    keras_error = r"Inner dimensions"
    good_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(20, 8))
        h = layers.LSTM(16, return_sequences=True)(inputs)
        scores = keras.ops.matmul(h, keras.ops.transpose(h, (0, 2, 1)))
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for node, problem in problem_nodes(ctx):
            if problem.kind is ProblemKind.OP:
                yield self._finding(node, problem, ctx)

    def _finding(self, node: Node, problem: ShapeProblem, ctx: RuleContext) -> Finding:
        message = f"{node.layer.label} cannot work: {problem.message}"
        hint = "make the operands' shapes fit the op (the trace shows where each comes from)"
        rows = trace(chain_to(node, ctx), ctx, expected=problem.expected or "operands that fit")
        return Finding(node.loc, message, hint, rows)

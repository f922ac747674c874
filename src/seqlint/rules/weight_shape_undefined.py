"""SL112: ``add_weight`` given a shape that holds None (the batch axis, an undefined length)."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.rulekit.base import Finding, Rule, RuleContext, problem_nodes
from seqlint.rulekit.evidence import trace
from seqlint.shapes.problems import ProblemKind


class WeightShapeUndefined(Rule):
    code = "SL112"
    name = "weight-shape-undefined"
    summary = "add_weight is given a shape that holds None: the batch axis or an undefined length."
    severity = Severity.ERROR
    explanation = """\
A custom layer makes its weights in `build(input_shape)` with
`self.add_weight(shape=...)`. Keras creates a variable only of a fully defined
shape, but `input_shape` starts with the batch axis, which is `None` (and a
length declared as `None` stays `None`): `add_weight(shape=input_shape)` or
`shape=(input_shape[0], units)` raises `Shapes used to initialize variables
must be fully-defined (no None dimensions)` when the layer is built.

Size the weight by the axes a sample has: `input_shape[1:]` for one weight per
position and feature, `(input_shape[-1], units)` for a projection of the
features."""
    bad_example = dedent(
        """\
        import keras
        from keras import layers

        class Scale(layers.Layer):
            def build(self, input_shape):
                self.w = self.add_weight(shape=input_shape)  # expect: SL112

            def call(self, x):
                return x * self.w

        inputs = keras.Input(shape=(10, 4))
        outputs = Scale()(inputs)
        """
    )
    keras_error = r"Shapes used to initialize variables must be fully-defined"
    good_example = dedent(
        """\
        import keras
        from keras import layers

        class Scale(layers.Layer):
            def build(self, input_shape):
                self.w = self.add_weight(shape=input_shape[1:])

            def call(self, x):
                return x * self.w

        inputs = keras.Input(shape=(10, 4))
        outputs = Scale()(inputs)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for node, problem in problem_nodes(ctx):
            if problem.kind is not ProblemKind.WEIGHT_SHAPE:
                continue
            message = f"{node.layer.label} makes a weight of shape {problem.got}: {problem.message}"
            hint = (
                "size the weight by the axes of one sample: input_shape[1:], or "
                "(input_shape[-1], units); an axis declared None cannot size a weight"
            )
            yield Finding(node.loc, message, hint, trace([node], ctx, expected=problem.expected))

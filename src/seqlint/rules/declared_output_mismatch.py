"""SL113: a custom layer's ``compute_output_shape`` disagrees with what its ``call`` returns."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import LayerCall
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.declared import (
    Disagreement,
    declaration_hint,
    disagreements,
    over_cell,
    show_declared,
)
from seqlint.rulekit.evidence import trace


class DeclaredOutputMismatch(Rule):
    code = "SL113"
    name = "declared-output-mismatch"
    summary = "A custom layer's compute_output_shape disagrees with what its call returns."
    severity = Severity.WARNING
    explanation = """\
A custom layer that defines `compute_output_shape` tells Keras the shape of its
output, and Keras believes it: the symbolic tensors of a functional or
Sequential model, and the layers built after it, follow that declaration
without running `call`. When `call` really returns another shape, the model is
built for one shape and runs on another: the next layers may fail when the
model is fit, or compute on the wrong axes without a word (a `Dense` built for
`(batch, 4)` applied to `(batch, 10, 4)` returns one prediction per step).

Return the shape `call` produces (or drop `compute_output_shape`: Keras 3
infers it by tracing `call`).

tf.keras 2 (TensorFlow 2.4 to 2.15, tf-keras) runs `call` on the symbolic
tensors instead, for custom layers and for a `Lambda`'s `output_shape` alike:
there the declaration shapes nothing that follows, and under
`--target-keras 2` this rule stays silent."""
    bad_example = dedent(
        """\
        import keras
        from keras import layers

        class LastStep(layers.Layer):
            def call(self, x):
                return x * 2.0

            def compute_output_shape(self, input_shape):
                return (input_shape[0], input_shape[-1])

        inputs = keras.Input(shape=(10, 4))
        h = LastStep()(inputs)  # expect: SL113
        outputs = layers.Dense(1)(h)
        """
    )
    good_example = dedent(
        """\
        import keras
        from keras import layers

        class LastStep(layers.Layer):
            def call(self, x):
                return x[:, -1, :] * 2.0

            def compute_output_shape(self, input_shape):
                return (input_shape[0], input_shape[-1])

        inputs = keras.Input(shape=(10, 4))
        h = LastStep()(inputs)
        outputs = layers.Dense(1)(h)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for call in ctx.ir.layer_calls:
            for output in disagreements(call, ctx):
                yield self._finding(call, output, ctx)

    def _finding(self, call: LayerCall, output: Disagreement, ctx: RuleContext) -> Finding:
        returned = output.returned
        declared = show_declared(output.declared)
        if output.output is not None:
            declared = f"{declared} for output {output.output}"
        what = "output_shape" if call.kind == "Lambda" else "compute_output_shape"
        says = "declares" if call.kind == "Lambda" else "gives"
        hint = f"make {what} the shape it produces, {returned}"
        if over_cell(call):
            what, says = "output, from its cell's output_size or state_size,", "is"
            hint = declaration_hint(call, returned)
        message = (
            f"{call.label}'s {what} {says} {declared}, but it returns {returned}: Keras builds "
            f"what follows for {declared} and the model then runs on another shape"
        )
        rows = trace([ctx.ir.node(output.returned_ref)], ctx)
        return Finding(call.loc, message, hint, rows)

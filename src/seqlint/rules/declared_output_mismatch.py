"""SL113: a custom layer's ``compute_output_shape`` disagrees with what its ``call`` returns."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.dims import Shape, is_known
from seqlint.ir import LayerCall, TensorRef, Value
from seqlint.rulekit.base import Finding, Rule, RuleContext
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
infers it by tracing `call`)."""
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
            if not isinstance(call.declared, tuple) or not isinstance(call.outputs, TensorRef):
                continue
            node = ctx.ir.node(call.outputs)
            if node.layer.kind == "Declared":
                continue  # the call could not be followed: the declaration stands in
            returned = ctx.shapes.of(call.outputs)
            if _disagree(call.declared, returned):
                yield self._finding(call, returned, ctx)

    def _finding(self, call: LayerCall, returned: Shape, ctx: RuleContext) -> Finding:
        declared = _show(call.declared)
        message = (
            f"{call.label}'s compute_output_shape gives {declared}, but its call returns "
            f"{returned}: Keras builds what follows for {declared} and the model then runs "
            "on another shape"
        )
        hint = f"make compute_output_shape return the shape call produces, {returned}"
        rows = trace([ctx.ir.node(call.outputs)], ctx)  # type: ignore[arg-type]
        return Finding(call.loc, message, hint, rows)


def _disagree(declared: tuple, returned: Shape) -> bool:
    """Provably different: another rank, or two known sizes that differ."""
    if returned.dims is None:
        return False
    if len(declared) != len(returned.dims):
        return True
    return any(
        is_known(a) and is_known(b) and a != b for a, b in zip(declared, returned.dims, strict=True)
    )


def _show(declared: Value) -> str:
    items = ", ".join("None" if d is None else str(d) for d in declared)
    return f"({items},)" if len(declared) == 1 else f"({items})"

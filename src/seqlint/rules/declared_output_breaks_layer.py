"""SL118: a custom layer's or Lambda's declared output makes a later layer fail, built for the
declaration and run on what ``call`` returns."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import Loc
from seqlint.rulekit.base import Finding, Rule, RuleContext, calls_run
from seqlint.rulekit.batches import CHECKED, other_batches
from seqlint.rulekit.declared import declaration_hint, over_cell, show_declared
from seqlint.rulekit.evidence import trace, where
from seqlint.rulekit.runs_as import Break, declaration_breaks


class DeclaredOutputBreaksLayer(Rule):
    code = "SL118"
    name = "declared-output-breaks-layer"
    summary = "A layer built for a custom layer's declared output fails on what it returns."
    severity = Severity.ERROR
    keras3_only = True  # tf.keras 2 builds what follows from what call returns
    explanation = """\
Keras builds a model from what a custom layer's `compute_output_shape` (a
Lambda's `output_shape`) declares: the layers after it create their weights
for the declared shape. When the model runs (`fit`, `predict`), `call` runs and
its real output flows through those layers: a `Dense`, `LSTM` or `Conv1D` built
for the declared features gets another number of them, a `Concatenate`, `Add`
or `Reshape` gets sizes that do not fit, and Keras raises there
(`expected axis -1 of input shape to have value 3`, `Dimensions must be
equal`). A declaration that does not fit the layers after it fails even
earlier, when Keras builds the model, although what `call` returns would fit.

SL113 warns at every such declaration; this rule reports the ones that make
Keras raise, at the declaration, naming the layer that fails. A returned tensor
that holds the batch size on a second axis (`K.dot` of `(batch, T)` by
`(batch, T, k)` is `(batch, batch, k)`) fits a `Reshape` to one batch axis for
one batch size only (one sample): it is reported at the line that makes it, when
a `fit`, `evaluate` or `predict` of a known number of samples gives the model
batches of another size. The fix is the
declaration: return the shape `call` produces (or drop `compute_output_shape`:
Keras 3 infers it by tracing `call`)."""
    bad_example = dedent(
        """\
        import keras
        import numpy as np
        from keras import layers

        class Widen(layers.Layer):
            def call(self, x):
                return keras.ops.concatenate([x, x], axis=-1)

            def compute_output_shape(self, input_shape):
                return input_shape  # expect: SL118

        inputs = keras.Input(shape=(5, 3))
        h = Widen()(inputs)  # expect: SL113
        h = layers.GlobalAveragePooling1D()(h)
        outputs = layers.Dense(1)(h)
        model = keras.Model(inputs, outputs)
        model.predict(np.zeros((4, 5, 3)), verbose=0)
        """
    )
    keras_error = r"expected axis -1 of input shape to have value 3"
    good_example = dedent(
        """\
        import keras
        import numpy as np
        from keras import layers

        class Widen(layers.Layer):
            def call(self, x):
                return keras.ops.concatenate([x, x], axis=-1)

            def compute_output_shape(self, input_shape):
                return (*input_shape[:-1], 2 * input_shape[-1])

        inputs = keras.Input(shape=(5, 3))
        h = Widen()(inputs)
        h = layers.GlobalAveragePooling1D()(h)
        outputs = layers.Dense(1)(h)
        model = keras.Model(inputs, outputs)
        model.predict(np.zeros((4, 5, 3)), verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        breaks = declaration_breaks(ctx)
        run = calls_run(ctx, [b.call for b in breaks if b.at_fit])
        for hit in breaks:
            if hit.batches is not None:
                batches = _other_batches(hit, ctx)
                if batches is not None:
                    yield self._finding(hit, ctx, f"; {batches.method} gives it {batches.text}")
            elif not hit.at_fit or hit.call.id in run:
                yield self._finding(hit, ctx)

    def _finding(self, hit: Break, ctx: RuleContext, batches: str = "") -> Finding:
        call, output = hit.call, hit.output
        what = "output_shape" if call.kind == "Lambda" else "compute_output_shape"
        declared = show_declared(output.declared)
        if output.output is not None:
            declared = f"{declared} for output {output.output}"
        subject = f"{call.label}'s {what} declares {declared}"
        hint = f"make {what} the shape call produces, {hit.returned}"
        if over_cell(call):
            subject = (
                f"{call.label}'s output is declared {declared}, from its cell's output_size "
                "or state_size,"
            )
            hint = declaration_hint(call, hit.returned)
        if hit.at_fit:
            message = (
                f"{subject} and Keras builds {where(hit.node)} for it, but call returns "
                f"{hit.returned}: when the model runs, {hit.node.layer.label} fails: "
                f"{hit.reason}{batches}"
            )
        else:
            message = (
                f"{subject}, on which {where(hit.node)} fails when Keras builds the model "
                f"({hit.reason}); call returns {hit.returned}, which it would take"
            )
        made = ctx.ir.node(output.returned_ref)
        rows = trace([made, hit.node], ctx)
        if hit.batches is not None:  # what call returns is at fault, whatever the declaration
            hint = (
                "keep one batch axis in what call returns: a product of two batched tensors "
                "(K.dot) pairs every sample with every other; take it per sample (K.batch_dot, "
                "keras.ops.einsum)"
            )
            return Finding(made.loc, message, hint, rows)
        return Finding(_declaration(hit), message, hint, rows)


@dataclass(frozen=True)
class _Batches:
    method: str
    text: str


def _other_batches(hit: Break, ctx: RuleContext) -> _Batches | None:
    """The first data call (fit, evaluate, predict) of a model holding the node that breaks
    whose batches include a size the node does not run on (the number of samples known)."""
    allowed = hit.batches or frozenset()
    for call in ctx.ir.training:
        if call.method not in CHECKED or CHECKED[call.method] in call.args:
            continue
        if hit.node.id not in ctx.ir.graph_of(call.model):
            continue
        text = other_batches(call, allowed, samples_known=True)
        if text is not None:
            return _Batches(call.method, text)
    return None


def _declaration(hit: Break) -> Loc:
    """Where the declaration of the output at fault is: the item of a returned list of
    shapes, the return statement of compute_output_shape, or the call."""
    call, index = hit.call, hit.output.output
    if index is not None and index < len(call.declared_items):
        return call.declared_items[index]
    return call.declared_at or call.loc

"""SL215: ``batch_input_shape=`` on a layer, which Keras 3 layers no longer take."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Applicability, Severity
from seqlint.fixes import Fix, InsertLayer, RemoveKeyword
from seqlint.ir import LegacyUse
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.evidence import primary_input
from seqlint.rulekit.legacy import lacks_of, target_label


class BatchInputShape(Rule):
    code = "SL215"
    name = "batch-input-shape"
    summary = "batch_input_shape= on a layer: Keras 3 layers reject it."
    severity = Severity.ERROR
    keras3_only = True
    fixable = (
        "safe: on the first layer of a Sequential model, inserts Input(batch_shape=...) before "
        "it and removes batch_input_shape="
    )
    explanation = """\
Keras 2 let any layer declare the model's input with
`batch_input_shape=(batch, steps, features)`, the usual way to give a stateful
RNN its fixed batch size. Keras 3's base `Layer` takes only `input_shape=` and
`input_dim=` (with a warning) and rejects everything else:
`ValueError: Unrecognized keyword arguments passed to LSTM:
{'batch_input_shape': (4, 10, 3)}`, raised when the layer is constructed.

Declare the input instead: `keras.Input(batch_shape=(4, 10, 3))` as the
first entry of a Sequential model (or `model.add(keras.Input(...))`), or as
the input of a functional model. (`InputLayer(batch_input_shape=...)` is still
accepted and not reported.)"""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(8, 10, 3)
        y = np.random.rand(8, 1)
        model = keras.Sequential([
            layers.LSTM(16, stateful=True, batch_input_shape=(4, 10, 3)),  # expect: SL215
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, batch_size=4, epochs=1, shuffle=False, verbose=0)
        """
    )
    keras_error = r"Unrecognized keyword arguments passed to LSTM: \{'batch_input_shape'"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(8, 10, 3)
        y = np.random.rand(8, 1)
        model = keras.Sequential([
            keras.Input(batch_shape=(4, 10, 3)),
            layers.LSTM(16, stateful=True),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, batch_size=4, epochs=1, shuffle=False, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for lack in lacks_of(ctx, self.code):
            use = lack.use
            message = (
                f"{use.owner} does not take {use.name} in {target_label(ctx)}: constructing it "
                f"raises ValueError (Unrecognized keyword arguments passed to {use.owner})"
            )
            fix = _declaration_fix(use, ctx)
            hint = (
                f"declare the input instead: keras.Input(batch_shape={use.value}) "
                f"as the model's first entry (or its functional input), and remove {use.name}"
            )
            yield Finding(use.loc, message, fix.message if fix else hint, fix=fix)


def _declaration_fix(use: LegacyUse, ctx: RuleContext) -> Fix | None:
    """On the first layer of a Sequential model: an Input of that batch shape inserted before
    it (spelled like the layer: ``layers.Input``), the keyword removed."""
    if use.call is None or "**" in use.arguments:
        return None
    nodes = [n for n in ctx.ir.nodes if n.layer.loc.key is use.call.key]
    if len(nodes) != 1 or not nodes[0].sequential:
        return None
    node = nodes[0]
    declaration = primary_input(node, ctx)
    if declaration is None or declaration.declared_by != use.name:
        return None
    declare = InsertLayer(
        node.added_by or node.loc, node.layer.loc, "Input", f"batch_shape={use.value}", True
    )
    remove = RemoveKeyword(use.call, use.name)
    message = (
        f"insert Input(batch_shape={use.value}) as the model's first entry and remove "
        f"{use.name}= from {node.layer.kind} at {node.loc.place}"
    )
    return Fix(Applicability.SAFE, message, (declare, remove))

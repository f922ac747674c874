"""SL225: ``add_weight("name", shape)``: a Keras 2 call whose first argument is the name."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint import keras_api_table as api
from seqlint.diagnostic import Applicability, Severity
from seqlint.fixes import Fix, ReplaceCall
from seqlint.ir import LegacyUse
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.legacy import special_uses, target_label

_ADD_WEIGHT = "layers.Layer.add_weight"


class AddWeightPositionalName(Rule):
    code = "SL225"
    name = "add-weight-positional-name"
    summary = "add_weight('name', shape): Keras 3 takes the shape first, the name by keyword."
    severity = Severity.ERROR
    keras3_only = True
    fixable = (
        "safe: the positional arguments are passed by the names Keras 2 gave them "
        '(add_weight(name="w", shape=...)), which every Keras accepts'
    )
    explanation = """\
Keras 2's `Layer.add_weight(name, shape, dtype, initializer, ...)` took the
weight's name first, and custom layers written for it call
`self.add_weight("kernel", (input_dim, units))`. Keras 3's `add_weight`
takes the shape first and the name only by keyword: Keras 3.14 and later
raise `ValueError: name must be passed as a keyword argument`, earlier
Keras 3 releases take the name for the shape and fail while creating the
variable. The API table says which releases take the name first. Pass the
arguments by keyword: `self.add_weight(name="kernel", shape=(input_dim,
units))` works under Keras 2 and 3."""
    bad_example = dedent(
        """\
        import numpy as np
        import tensorflow as tf
        from tensorflow import keras
        from tensorflow.keras import layers


        class Scale(layers.Layer):
            def build(self, input_shape):
                self.w = self.add_weight("w", (input_shape[-1],))  # expect: SL225

            def call(self, x):
                return x * self.w


        model = keras.Sequential([keras.Input(shape=(10, 3)), Scale(), layers.LSTM(4)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.random.rand(8, 10, 3), np.random.rand(8, 4), epochs=1, verbose=0)
        """
    )
    keras_error = r"`name` must be passed as a keyword argument"
    good_example = dedent(
        """\
        import numpy as np
        import tensorflow as tf
        from tensorflow import keras
        from tensorflow.keras import layers


        class Scale(layers.Layer):
            def build(self, input_shape):
                self.w = self.add_weight(name="w", shape=(input_shape[-1],))

            def call(self, x):
                return x * self.w


        model = keras.Sequential([keras.Input(shape=(10, 3)), Scale(), layers.LSTM(4)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.random.rand(8, 10, 3), np.random.rand(8, 4), epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        release = ctx.release
        if release is None:
            return
        signature = api.signature(_ADD_WEIGHT, release)
        if signature is None or signature.positional[:1] == ("name",):
            return  # the release takes the name first
        for use in special_uses(ctx, "add-weight-name", ("ValueError", "TypeError")):
            message = (
                f"add_weight({use.name!r}, ...) in {use.owner}: {target_label(ctx)} takes the "
                "shape first and the name only by keyword; the call raises ValueError"
            )
            hint = f'pass the name by keyword: add_weight(name="{use.name}", shape=...)'
            yield Finding(use.loc, message, hint, fix=_fix(use))


def _fix(use: LegacyUse) -> Fix | None:
    """Every positional argument passed by its Keras 2 name (the newest Keras 2's order)."""
    keras2 = api.signature(_ADD_WEIGHT, "2")
    span = use.loc.span
    if keras2 is None or not use.value or span.end_line != span.line:
        return None
    names = keras2.positional
    parts = []
    position = 0
    for kind, text in use.literals:
        if not text or kind in ("*", "**"):
            return None
        if kind:
            parts.append(f"{kind}={text}")
            continue
        if position >= len(names):
            return None
        parts.append(f"{names[position]}={text}")
        position += 1
    code = f"{use.value}.add_weight({', '.join(parts)})"
    return Fix(Applicability.SAFE, "pass the arguments by keyword", (ReplaceCall(use.loc, code),))

"""SL204: targets and outputs that Keras silently broadcasts, or a loss that cannot measure them."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.training import target_finding, target_verdicts
from seqlint.shapes.losses import Verdict


class SilentTargetMismatch(Rule):
    code = "SL204"
    name = "silent-target-mismatch"
    summary = "Keras trains without error, but targets and outputs do not line up."
    severity = Severity.WARNING
    explanation = """\
Losses broadcast. Targets `(samples, steps, 1)` against a many-to-one output
`(batch, 1)` do not fail: Keras squeezes the targets to `(samples, steps)`
and broadcasts the single prediction against every step, so the model
trains without a word and learns the mean of the sequence instead of what
you meant. Likewise a crossentropy over a single softmax unit is always 0,
and binary crossentropy on labels beyond 0/1 computes nonsense.

Give the targets exactly the output's shape: per-step targets need a
per-step model (`return_sequences=True`), one target per sequence needs
`(samples, 1)`."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 3)
        y = np.random.rand(32, 10, 1)
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(16),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)  # expect: SL204
        """
    )
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 3)
        y = np.random.rand(32, 10, 1)
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(16, return_sequences=True),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for verdict in target_verdicts(ctx):
            if verdict.check.verdict not in (Verdict.BROADCASTS, Verdict.MEANINGLESS):
                continue
            message = f"fit runs, but {verdict.check.reason}"
            hint = f"give the targets the output's shape {verdict.use.shape}"
            yield target_finding(verdict, ctx, message, hint)

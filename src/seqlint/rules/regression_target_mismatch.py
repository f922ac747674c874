"""SL203: a regression loss given targets whose shape cannot meet the output."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.training import raising_verdicts, target_finding

FAMILIES = frozenset({"regression", "other"})


class RegressionTargetMismatch(Rule):
    code = "SL203"
    name = "regression-target-mismatch"
    summary = "A regression loss receives targets whose shape cannot meet the output's."
    severity = Severity.ERROR
    explanation = """\
Regression losses (`mse`, `mae`, `huber`, ...) compare targets and outputs
element by element; Keras adjusts a rank difference of one when the extra
axis has size 1, and otherwise broadcasts. When the sizes cannot broadcast,
e.g. 3 target values per sample against a `Dense(2)` output, `fit` raises
`Dimensions must be equal`."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 4)
        y = np.random.rand(32, 3)
        model = keras.Sequential([
            keras.Input(shape=(10, 4)),
            layers.LSTM(16),
            layers.Dense(2),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)  # expect: SL203
        """
    )
    keras_error = r"Dimensions must be equal"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 4)
        y = np.random.rand(32, 3)
        model = keras.Sequential([
            keras.Input(shape=(10, 4)),
            layers.LSTM(16),
            layers.Dense(3),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for verdict in raising_verdicts(ctx, FAMILIES):
            loss = verdict.use.loss
            assert loss is not None
            message = f"{loss.label} cannot train {verdict.use.node.layer.label}: "
            message += verdict.check.reason
            hint = f"make the targets match the output shape {verdict.use.shape}"
            yield target_finding(verdict, ctx, message, hint)

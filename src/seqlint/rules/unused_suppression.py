"""SL001: a suppression comment that suppresses nothing (opt-in, like ruff's RUF100)."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.suppress import UNUSED_CODE, UNUSED_NAME


class UnusedSuppression(Rule):
    code = UNUSED_CODE
    name = UNUSED_NAME
    summary = "A `# noqa` or `# seqlint: ignore` comment that suppresses nothing."
    severity = Severity.WARNING
    opt_in = True
    explanation = """\
A suppression comment outlives the problem it silenced: the model was fixed,
the line moved, or the code was never reported. Left in place, it will
silence the next real problem on that line. This rule reports every
`# noqa`, `# noqa: SL...` and `# seqlint: ignore[...]` that suppressed
nothing, and the seqlint codes of a directive that suppressed nothing (the
codes of other tools in the same `# noqa` are left alone), including codes
whose rule is not enabled.

It is off unless selected: `extend-select = ["SL001"]` in the configuration,
or `--extend-select SL001`."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 3)
        y = np.random.rand(32, 1)
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(8),  # noqa: SL101  # expect: SL001
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
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
            layers.LSTM(8),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)  # noqa: SL204
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Nothing here: the suppression stage (:func:`seqlint.suppress.suppress`) reports
        SL001, because it needs every other rule's findings and the file's comments."""
        return iter(())

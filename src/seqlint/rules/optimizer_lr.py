"""SL217: ``lr=`` on an optimizer, which Keras 3 optimizers no longer take."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.legacy import legacy_uses, rename_keyword_fix


class OptimizerLr(Rule):
    code = "SL217"
    name = "optimizer-lr"
    summary = "lr= on a Keras optimizer: Keras 3 takes only learning_rate=."
    severity = Severity.ERROR
    keras3_only = True
    fixable = "safe: lr= becomes learning_rate= when the call passes no learning rate otherwise"
    explanation = """\
Keras 2 optimizers accepted `lr` as an alias of `learning_rate` (with a
deprecation warning from 2.3 on); published code is full of
`Adam(lr=0.001)`. Keras 3 optimizers reject every unknown keyword:
`ValueError: Argument(s) not recognized: {'lr': 0.001}`, raised when the
optimizer is constructed, for `Adam`, `SGD`, `RMSprop`, `Adagrad`, `Nadam`
and every other optimizer of `keras.optimizers`. Write
`learning_rate=0.001` (or pass it positionally: `Adam(0.001)`)."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(16, 10, 3)
        y = np.random.rand(16, 1)
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.GRU(8),
            layers.Dense(1),
        ])
        model.compile(optimizer=keras.optimizers.Adam(lr=0.001), loss="mse")  # expect: SL217
        model.fit(X, y, epochs=1, verbose=0)
        """
    )
    keras_error = r"Argument\(s\) not recognized: \{'lr': 0\.001\}"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(16, 10, 3)
        y = np.random.rand(16, 1)
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.GRU(8),
            layers.Dense(1),
        ])
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for use in legacy_uses(ctx, "optimizer-keyword", "ValueError"):
            message = (
                f"{use.owner} does not take {use.name} in Keras 3: constructing it raises "
                f"ValueError (Argument(s) not recognized: {{'{use.name}': {use.value}}})"
            )
            hint = f"write {use.replacement}={use.value} instead of {use.name}={use.value}"
            yield Finding(use.loc, message, hint, fix=rename_keyword_fix(use))

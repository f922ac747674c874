"""SL217: ``lr=`` on an optimizer, which Keras 3 optimizers no longer take."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Applicability, Severity
from seqlint.fixes import Fix, RenameAttribute, ReplaceCall
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.legacy import Lack, lacks_of, rename_keyword_fix, target_label


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
        for lack in lacks_of(ctx, self.code):
            use = lack.use
            if use.what == "member":
                yield _member_finding(lack, ctx)
                continue
            message = (
                f"{use.owner} does not take {use.name} in {target_label(ctx)}: constructing it "
                f"raises ValueError (Argument(s) not recognized: {{'{use.name}': {use.value}}})"
            )
            hint = f"write learning_rate={use.value} instead of {use.name}={use.value}"
            yield Finding(use.loc, message, hint, fix=rename_keyword_fix(lack))


def _member_finding(lack: Lack, ctx: RuleContext) -> Finding:
    """``<optimizer>.lr`` read: Keras 3 optimizers have only ``learning_rate``; tf.keras's
    ``K.set_value`` does not take their variables either."""
    use = lack.use
    receiver = use.owner
    message = (
        f"{receiver}.lr: {target_label(ctx)} optimizers have no lr attribute; reading it raises "
        "AttributeError (use learning_rate)"
    )
    if use.qualname == "backend.set_value" and use.call is not None:
        if not use.value or receiver.endswith("..."):
            hint = f"set {receiver}.learning_rate = <value> instead of K.set_value"
            return Finding(use.loc, message, hint)
        code = f"{receiver}.learning_rate.assign({use.value})"
        hint = (
            f"write {code}: Keras 3 names the rate learning_rate, and tf.keras's "
            "K.set_value does not take Keras 3 variables"
        )
        fix = Fix(Applicability.SAFE, f"write {code}", (ReplaceCall(use.call, code),))
        return Finding(use.loc, message, hint, fix=fix)
    hint = f"use {receiver}.learning_rate instead"
    fix = Fix(Applicability.SAFE, "use learning_rate", (RenameAttribute(use.loc, "learning_rate"),))
    return Finding(use.loc, message, hint, fix=fix)

"""SL224: ``super().__init__(self)`` in the script's own Keras model or layer class."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Applicability, Severity
from seqlint.fixes import Fix, ReplaceCall
from seqlint.ir import LegacyUse
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.legacy import special_uses


class SuperInitSelf(Rule):
    code = "SL224"
    name = "super-init-self"
    summary = "super().__init__(self) passes the model itself to Keras's constructor."
    severity = Severity.ERROR
    keras3_only = True
    fixable = "safe: super().__init__(self, ...) becomes super().__init__(...)"
    explanation = """\
`super().__init__()` already binds `self`; `super().__init__(self)` passes
the object a second time, as the first positional argument of Keras's
constructor. Keras 2's `Model.__init__(*args, **kwargs)` swallowed it, so
code written that way trained. Keras 3's `Layer.__init__` takes keyword
arguments only, and a subclassed model or layer raises `TypeError:
Layer.__init__() takes 1 positional argument but 2 were given` when it is
constructed. (tf-keras 2.21 refuses it in a layer too: the object lands in
`trainable`.) Remove the argument: `super().__init__()`, passing on
`**kwargs` if the class takes them."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers


        class Forecaster(keras.Model):
            def __init__(self):
                super().__init__(self)  # expect: SL224
                self.rnn = layers.LSTM(8)
                self.head = layers.Dense(1)

            def call(self, x):
                return self.head(self.rnn(x))


        model = Forecaster()
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.random.rand(16, 10, 3), np.random.rand(16, 1), epochs=1, verbose=0)
        """
    )
    keras_error = r"__init__\(\) takes 1 positional argument but 2 were given"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers


        class Forecaster(keras.Model):
            def __init__(self):
                super().__init__()
                self.rnn = layers.LSTM(8)
                self.head = layers.Dense(1)

            def call(self, x):
                return self.head(self.rnn(x))


        model = Forecaster()
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.random.rand(16, 10, 3), np.random.rand(16, 1), epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for use in special_uses(ctx, "super-init-self", ("TypeError",)):
            message = (
                f"super().__init__(self) in {use.owner} passes the {use.name} itself to "
                "Keras's constructor: Keras 3's Layer.__init__ takes no positional argument "
                "and raises TypeError when the class is constructed"
            )
            yield Finding(use.loc, message, "call super().__init__() without self", fix=_fix(use))


def _fix(use: LegacyUse) -> Fix | None:
    """The call written again without its first argument, when every argument's code is
    known and the call is on one line (its comments would not survive)."""
    texts = use.literals[1:]
    span = use.loc.span
    if not use.value or span.end_line != span.line or any(not text for _, text in texts):
        return None
    arguments = ", ".join(
        f"{'*' if kind == '*' else '**' if kind == '**' else f'{kind}=' if kind else ''}{text}"
        for kind, text in texts
    )
    code = f"{use.value}.__init__({arguments})"
    return Fix(Applicability.SAFE, "remove self from the call", (ReplaceCall(use.loc, code),))

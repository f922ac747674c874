"""SL207: one regression loss shared by outputs of different kinds."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import KerasName, KerasObject, UserFunction
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.heads import (
    BINARY,
    DISTRIBUTION,
    KIND_WORDS,
    CompiledHeads,
    Head,
    compiled_heads,
)

# The loss each kind of output wants.
PROPER_LOSS = {
    BINARY: "binary_crossentropy",
    DISTRIBUTION: "categorical_crossentropy",
}


class SharedLossMixedOutputs(Rule):
    code = "SL207"
    name = "shared-loss-mixed-outputs"
    summary = "One regression loss is shared by outputs of different kinds (values, probabilities)."
    severity = Severity.WARNING
    explanation = """\
`compile(loss="mse")` on a model with several outputs gives *every*
output the same loss. When one head predicts a value (linear or relu
activation) and another a probability (sigmoid) or a class distribution
(softmax), the probability head is trained as a regression: fit runs
without a word, the history even shows a `churn_loss` next to `price_loss`,
but it is the mean squared error of the probabilities, not their
crossentropy; and the two losses live on different scales, so the larger
one drives the shared layers.

Give each output its own loss, as a list in output order or a dict keyed
by output name, and balance them with `loss_weights`:
`loss={"price": "mse", "churn": "binary_crossentropy"},
loss_weights={"price": 1.0, "churn": 1.0}`. (Keras 3 rejects per-output
`loss_weights` with a single shared loss.)

Crossentropies shared by heads they do not fit are reported by SL205."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 3)
        price = np.random.rand(32, 1)
        churn = np.random.randint(0, 2, size=(32, 1))
        inputs = keras.Input(shape=(10, 3))
        h = layers.LSTM(16)(inputs)
        price_out = layers.Dense(1, name="price")(h)
        churn_out = layers.Dense(1, activation="sigmoid", name="churn")(h)
        model = keras.Model(inputs, [price_out, churn_out])
        model.compile(optimizer="adam", loss="mse")  # expect: SL207
        model.fit(X, [price, churn], epochs=1, verbose=0)
        """
    )
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 3)
        price = np.random.rand(32, 1)
        churn = np.random.randint(0, 2, size=(32, 1))
        inputs = keras.Input(shape=(10, 3))
        h = layers.LSTM(16)(inputs)
        price_out = layers.Dense(1, name="price")(h)
        churn_out = layers.Dense(1, activation="sigmoid", name="churn")(h)
        model = keras.Model(inputs, [price_out, churn_out])
        model.compile(
            optimizer="adam",
            loss={"price": "mse", "churn": "binary_crossentropy"},
            loss_weights={"price": 1.0, "churn": 1.0},
        )
        model.fit(X, [price, churn], epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for compiled in compiled_heads(ctx):
            found = _mixed(compiled)
            if found is not None:
                yield Finding(compiled.call.loc, *found)


def _mixed(compiled: CompiledHeads) -> tuple[str, str] | None:
    heads = compiled.heads
    if len(heads) < 2:
        return None
    value = compiled.call.args.get("loss")
    if not isinstance(value, (str, KerasObject, KerasName, UserFunction)):
        return None  # not one shared loss
    loss = heads[0].loss
    if loss is None or loss.family != "regression":
        return None
    kinds = {h.kind for h in heads if h.kind is not None}
    if len(kinds) < 2:
        return None
    described = ", ".join(
        f"{h.called} ({h.where}) predicts {KIND_WORDS[h.kind]}" for h in heads if h.kind
    )
    message = (
        f"one regression loss {loss.label} is shared by outputs of different kinds: {described}"
    )
    return message, _hint(compiled, heads, loss.label)


def _hint(compiled: CompiledHeads, heads: tuple[Head, ...], shared: str) -> str:
    losses = [repr(PROPER_LOSS[h.kind]) if h.kind in PROPER_LOSS else shared for h in heads]
    if compiled.names_known:
        pairs = ", ".join(f"{h.name!r}: {loss}" for h, loss in zip(heads, losses, strict=True))
        weights = ", ".join(f"{h.name!r}: 1.0" for h in heads)
        return f"give each output its own loss: loss={{{pairs}}}, loss_weights={{{weights}}}"
    weights = ", ".join("1.0" for _ in heads)
    return (
        f"give each output its own loss, in output order: loss=[{', '.join(losses)}], "
        f"loss_weights=[{weights}]"
    )

"""SL208: a custom loss indexes y_true/y_pred as if they held every output."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import UserFunction
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.heads import CompiledHeads, compiled_heads


class CustomLossIndexesOutputs(Rule):
    code = "SL208"
    name = "custom-loss-indexes-outputs"
    summary = "A custom loss shared by several outputs indexes y_true[0] as if it held each output."
    severity = Severity.WARNING
    explanation = """\
With `compile(loss=my_loss)` on a model with several outputs, Keras calls
`my_loss(y_true, y_pred)` once *per output*, with that output's targets and
predictions, and adds the results. Inside, `y_true[0]` is therefore the
first *sample* of the batch, not the first output, and `y_pred[1]` the
second sample: the loss sees one or two samples per batch and ignores the
rest, and fit runs without an error.

Let Keras route the outputs: one loss per output, weighted with
`loss_weights`, e.g. `loss=["mse", "binary_crossentropy"],
loss_weights=[0.7, 0.3]` (or dicts keyed by output name).

A single-output model is not reported: there is no output to mistake
`y_true[0]` for, and `[0]` may deliberately drop a batch axis of 1."""
    bad_example = dedent(
        """\
        import numpy as np
        import tensorflow as tf
        from tensorflow import keras
        from tensorflow.keras import layers


        def weighted_loss(y_true, y_pred):
            mse = tf.reduce_mean(tf.square(y_true[0] - y_pred[0]))  # expect: SL208
            bce = tf.reduce_mean(keras.losses.binary_crossentropy(y_true[1], y_pred[1]))
            return 0.7 * mse + 0.3 * bce


        X = np.random.rand(32, 10, 3)
        price = np.random.rand(32, 1)
        churn = np.random.randint(0, 2, size=(32, 1))
        inputs = keras.Input(shape=(10, 3))
        h = layers.LSTM(16)(inputs)
        price_out = layers.Dense(1, name="price")(h)
        churn_out = layers.Dense(1, activation="sigmoid", name="churn")(h)
        model = keras.Model(inputs, [price_out, churn_out])
        model.compile(optimizer="adam", loss=weighted_loss)
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
            loss_weights={"price": 0.7, "churn": 0.3},
        )
        model.fit(X, [price, churn], epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for compiled in compiled_heads(ctx):
            loss = compiled.call.args.get("loss")
            count = len(compiled.heads)
            if not isinstance(loss, UserFunction) or count < 2:
                continue
            # Keras calls loss(y_true, y_pred): the first two parameters.
            params = loss.params[:2]
            indexed = [(p, i, loc) for p, i, loc in loss.subscripts if p in params]
            if not indexed:
                continue
            param, index, loc = indexed[0]
            role = "targets" if params.index(param) == 0 else "predictions"
            message = (
                f"{loss.name} indexes {param}[{index}] as if it held one entry per output, but "
                f"compile at {compiled.call.loc.place} shares it among the {count} outputs: "
                f"Keras calls it once per output with that output's {role}, so "
                f"{param}[{index}] is {_ordinal(index)} sample of the batch"
            )
            hint = _hint(compiled, loss.name)
            yield Finding(loc, message, hint)


def _ordinal(index: int) -> str:
    if index < 0:
        return "the last" if index == -1 else f"the {-index}th from last"
    return {0: "the first", 1: "the second", 2: "the third"}.get(index, f"the {index + 1}th")


def _hint(compiled: CompiledHeads, name: str) -> str:
    count = len(compiled.heads)
    if compiled.names_known:
        losses = ", ".join(f"{h.name!r}: ..." for h in compiled.heads)
        weights = ", ".join(f"{h.name!r}: 1.0" for h in compiled.heads)
        per_output = f"loss={{{losses}}}, loss_weights={{{weights}}}"
    else:
        per_output = f"loss=[...] and loss_weights=[...] with {count} entries each"
    return (
        f"do not index outputs inside {name}: compile with one loss per output and weight "
        f"them, {per_output}"
    )

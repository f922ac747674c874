"""SL228: an error metric and an accuracy swapped between a regression and a class output."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.metrics import MetricSwap, metric_swaps, metrics_per_output
from seqlint.rulekit.repairs import swap_items
from seqlint.rulekit.training import FitSite, fit_sites
from seqlint.shapes.keras2 import tf_keras2


class SwappedMetrics(Rule):
    code = "SL228"
    name = "swapped-metrics"
    summary = "An error metric and an accuracy swapped between a regression and a class output."
    severity = Severity.ERROR
    keras3_only = True  # Keras 2 broadcasts the regression loss against the labels
    fixable = "safe: exchanges the two outputs' metrics, when each output is given only that one"
    explanation = """\
`compile(metrics=[...])` gives a multi-output model's outputs their metrics by
position (a dict, by output name), like the losses. Listed in the wrong order,
the class output gets the regression metric and the regression output the
accuracy: `fit` raises when the error metric meets the class labels (`mae`
subtracts one class index per sample from 10 probabilities: `Dimensions must be
equal`); had it not, the regression output's accuracy would count exact hits of
a real value, close to 0 whatever the model learns.

seqlint reports it once, at the call that fits the targets, when each output's
loss fits its own targets, the class output's error metric fails its labels and
fits the regression output's targets, and the regression output has the
accuracy."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 4)
        prices = np.random.rand(32, 1)
        labels = np.random.randint(0, 10, size=(32,))
        inputs = keras.Input(shape=(10, 4))
        h = layers.LSTM(16)(inputs)
        price = layers.Dense(1, name="price")(h)
        label = layers.Dense(10, activation="softmax", name="label")(h)
        model = keras.Model(inputs, [price, label])
        model.compile(
            optimizer="adam",
            loss=["mse", "sparse_categorical_crossentropy"],
            metrics=["accuracy", "mae"],
        )
        model.fit(X, [prices, labels], epochs=1, verbose=0)  # expect: SL228
        """
    )
    keras_error = r"Dimensions must be equal"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 4)
        prices = np.random.rand(32, 1)
        labels = np.random.randint(0, 10, size=(32,))
        inputs = keras.Input(shape=(10, 4))
        h = layers.LSTM(16)(inputs)
        price = layers.Dense(1, name="price")(h)
        label = layers.Dense(10, activation="softmax", name="label")(h)
        model = keras.Model(inputs, [price, label])
        model.compile(
            optimizer="adam",
            loss=["mse", "sparse_categorical_crossentropy"],
            metrics=["mae", "accuracy"],
        )
        model.fit(X, [prices, labels], epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        keras2 = tf_keras2(ctx.target)
        for site in fit_sites(ctx):
            metrics = metrics_per_output(site)
            if metrics is None:
                continue
            for swap in metric_swaps(site, metrics, keras2):
                yield _finding(swap, site)


def _finding(swap: MetricSwap, site: FitSite) -> Finding:
    classes, values = swap.classes.name, swap.values.name
    message = (
        f"the metrics of {values} and {classes} are swapped: compile at "
        f"{site.compile.loc.place} gives '{swap.accuracy}' to {values} ({swap.values.head.where}), "
        f"a regression output, and {swap.error.label} to {classes} "
        f"({swap.classes.head.where}), a class output; Keras raises for {classes}: "
        f"{swap.check.reason}"
    )
    hint = f"give {swap.error.label} to {values} and '{swap.accuracy}' to {classes}"
    fix = swap_items(site, "metrics", swap.values, swap.classes, hint) if swap.single else None
    return Finding(site.call.loc, message, hint, fix=fix)


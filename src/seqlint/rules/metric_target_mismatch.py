"""SL251: a metric that cannot line up an output's targets, where the output's loss can."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.metrics import metric_loss, metric_swaps, metrics_per_output
from seqlint.rulekit.training import FitSite, OutputUse, fit_sites, fits, loss_check
from seqlint.shapes.losses import Verdict


class MetricTargetMismatch(Rule):
    code = "SL251"
    name = "metric-target-mismatch"
    summary = "A metric that cannot line up an output's targets, though the loss can."
    severity = Severity.ERROR
    keras3_only = True  # tf.keras 2's metric wrapper expands the targets and broadcasts
    explanation = """\
A metric named by a loss (`"mae"`, `"mse"`, `"mape"`, `"binary_crossentropy"`...) is
computed by that loss function on each batch's targets and outputs. Keras 3 gives it
the targets as they come, so a metric that does not suit the output raises at the
first batch of `fit` even though the loss trains: `metrics=["mae"]` on a softmax
over 10 classes fitted with class indices subtracts one index per sample from 10
probabilities (`Dimensions must be equal, but are 32 and 10`).

seqlint reports it at the call that fits the targets, when the output's own loss
fits them and the metric's loss function raises on them. Metrics swapped between
a class and a regression output are SL228's."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 4)
        labels = np.random.randint(0, 10, size=(32,))
        inputs = keras.Input(shape=(10, 4))
        h = layers.LSTM(16)(inputs)
        outputs = layers.Dense(10, activation="softmax")(h)
        model = keras.Model(inputs, outputs)
        model.compile(
            optimizer="adam",
            loss="sparse_categorical_crossentropy",
            metrics=["accuracy", "mae"],
        )
        model.fit(X, labels, epochs=1, verbose=0)  # expect: SL251
        """
    )
    keras_error = r"Dimensions must be equal"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 4)
        labels = np.random.randint(0, 10, size=(32,))
        inputs = keras.Input(shape=(10, 4))
        h = layers.LSTM(16)(inputs)
        outputs = layers.Dense(10, activation="softmax")(h)
        model = keras.Model(inputs, outputs)
        model.compile(
            optimizer="adam",
            loss="sparse_categorical_crossentropy",
            metrics=["accuracy"],
        )
        model.fit(X, labels, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for site in fit_sites(ctx):
            metrics = metrics_per_output(site)
            if metrics is None:
                continue
            swapped = {s.classes.head.position for s in metric_swaps(site, metrics, False)}
            for use in site.outputs:
                position = use.head.position
                if position in swapped or not fits(loss_check(use.loss, use, site, False)):
                    continue
                raising = []
                for metric in metrics[position]:
                    loss = metric_loss(metric)
                    check = loss_check(loss, use, site, False)
                    if loss is not None and check is not None and check.verdict is Verdict.RAISES:
                        raising.append((loss.label, check.reason))
                if raising:
                    yield _finding(site, use, raising)


def _finding(site: FitSite, use: OutputUse, raising: list[tuple[str, str]]) -> Finding:
    """One finding per output, naming each metric that raises and Keras's error for the
    first."""
    names = " and ".join(dict.fromkeys(label for label, _ in raising))
    output = use.name if len(site.outputs) > 1 else "the output"
    loss = use.loss.label if use.loss is not None else "loss"
    message = (
        f"{'metrics' if len(raising) > 1 else 'metric'} {names} cannot line up the targets of "
        f"{output} ({use.head.where}), which its loss {loss} fits: Keras raises at the first "
        f"batch: {raising[0][1]}"
    )
    return Finding(site.call.loc, message, f"remove {names} from the metrics")

"""SL228: an error metric and an accuracy swapped between a regression and a class output."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import Value
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.repairs import swap_items
from seqlint.rulekit.training import FitSite, OutputUse, fit_sites, fits, loss_check
from seqlint.shapes.keras2 import tf_keras2
from seqlint.shapes.losses import Loss, TargetCheck, Verdict, resolve_loss

ACCURACIES = frozenset({"accuracy", "acc", "sparse_categorical_accuracy", "categorical_accuracy"})
CLASS_FAMILIES = frozenset({"sparse_categorical", "categorical"})


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
            metrics = _per_output(site)
            if metrics is None:
                continue
            for swap in _swaps(site, metrics, keras2):
                yield _finding(swap, site)


@dataclass(frozen=True)
class _Swap:
    """The class output whose error metric fails its labels (``check``), and the regression
    output given an accuracy."""

    classes: OutputUse
    error: Loss
    check: TargetCheck
    values: OutputUse
    accuracy: str
    single: bool  # each of the two outputs is given only that metric


def _per_output(site: FitSite) -> list[list[Value]] | None:
    """Each output's metrics as compile lists them (a list by position, a dict by output
    name); None when they are not given one entry per output."""
    given = site.compile.args.get("metrics")
    heads = [use.head for use in site.outputs]
    if isinstance(given, (list, tuple)) and len(given) == len(heads) > 1:
        entries = list(given)
    elif isinstance(given, dict) and all(head.name in given for head in heads):
        entries = [given[head.name] for head in heads]
    else:
        return None
    return [list(entry) if isinstance(entry, (list, tuple)) else [entry] for entry in entries]


def _swaps(site: FitSite, metrics: list[list[Value]], keras2: bool) -> Iterator[_Swap]:
    own_fits = {
        use.head.position: fits(loss_check(use.loss, use, site, keras2)) for use in site.outputs
    }
    for classes in site.outputs:
        if classes.loss is None or classes.loss.family not in CLASS_FAMILIES:
            continue
        for values in site.outputs:
            if values.loss is None or values.loss.family != "regression":
                continue
            if not (own_fits[classes.head.position] and own_fits[values.head.position]):
                continue
            accuracies = [m for m in metrics[values.head.position] if m in ACCURACIES]
            for metric in metrics[classes.head.position]:
                error = resolve_loss(metric) if isinstance(metric, str) else None
                if error is None or error.family != "regression" or not accuracies:
                    continue
                check = loss_check(error, classes, site, keras2)
                if check is None or check.verdict is not Verdict.RAISES:
                    continue
                if not fits(loss_check(error, values, site, keras2)):
                    continue
                single = (
                    len(metrics[classes.head.position]) == 1 == len(metrics[values.head.position])
                )
                yield _Swap(classes, error, check, values, str(accuracies[0]), single)


def _finding(swap: _Swap, site: FitSite) -> Finding:
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


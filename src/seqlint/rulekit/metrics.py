"""Evidence for the metric rules: each output's metrics at a fit site, and metrics swapped
between a class output and a regression output."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seqlint.ir import Value
from seqlint.rulekit.training import FitSite, OutputUse, fits, loss_check
from seqlint.shapes.losses import Loss, TargetCheck, Verdict, resolve_loss

ACCURACIES = frozenset({"accuracy", "acc", "sparse_categorical_accuracy", "categorical_accuracy"})
CLASS_FAMILIES = frozenset({"sparse_categorical", "categorical"})


def metrics_per_output(site: FitSite) -> list[list[Value]] | None:
    """Each output's metrics as compile gives them (a list by position, a dict by output
    name; one output's list or name); None when they are not given one entry per output."""
    given = site.compile.args.get("metrics")
    heads = [use.head for use in site.outputs]
    if len(heads) == 1 and isinstance(given, (str, list, tuple)):
        one = [given] if isinstance(given, str) else list(given)
        return None if any(isinstance(m, (list, tuple, dict)) for m in one) else [one]
    if isinstance(given, (list, tuple)) and len(given) == len(heads) > 1:
        entries = list(given)
    elif isinstance(given, dict) and all(head.name in given for head in heads):
        entries = [given[head.name] for head in heads]
    else:
        return None
    return [list(entry) if isinstance(entry, (list, tuple)) else [entry] for entry in entries]


# Metric names whose Keras 3 metric is a MeanMetricWrapper of the loss function of that name
# (keras.metrics.get); other strings name other metrics, or none.
LOSS_METRICS = frozenset(
    {
        "mae",
        "mse",
        "mape",
        "msle",
        "mean_absolute_error",
        "mean_squared_error",
        "mean_absolute_percentage_error",
        "mean_squared_logarithmic_error",
        "kl_divergence",
        "cosine_similarity",
        "hinge",
        "squared_hinge",
        "categorical_hinge",
        "poisson",
        "binary_crossentropy",
        "categorical_crossentropy",
        "sparse_categorical_crossentropy",
    }
)


def metric_loss(metric: Value) -> Loss | None:
    """The Keras loss function a metric named by a string computes (``"mae"``); None for
    accuracies and other metrics."""
    loss = resolve_loss(metric) if isinstance(metric, str) and metric in LOSS_METRICS else None
    return loss if loss is not None and loss.valid else None


@dataclass(frozen=True)
class MetricSwap:
    """The class output whose error metric fails its labels (``check``), and the regression
    output given an accuracy."""

    classes: OutputUse
    error: Loss
    check: TargetCheck
    values: OutputUse
    accuracy: str
    single: bool  # each of the two outputs is given only that metric


def metric_swaps(site: FitSite, metrics: list[list[Value]], keras2: bool) -> Iterator[MetricSwap]:
    """An error metric given to a class output, where it raises, and an accuracy to a
    regression output, where the error metric fits: each output's loss fits its own."""
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
                error = metric_loss(metric)
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
                yield MetricSwap(classes, error, check, values, str(accuracies[0]), single)

"""SL201: a classification loss given targets it cannot line up with the output."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from textwrap import dedent

from seqlint.diagnostic import Applicability, Severity
from seqlint.fixes import Fix
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.repairs import loss_swap_fix, return_sequences_fix
from seqlint.rulekit.training import (
    TargetVerdict,
    classes_disagree,
    raising_verdicts,
    steps_dropper,
    target_finding,
)
from seqlint.shapes.keras2 import tf_keras2

FAMILIES = frozenset({"sparse_categorical", "categorical", "binary", "auto"})


class ClassificationTargetMismatch(Rule):
    code = "SL201"
    name = "classification-target-mismatch"
    summary = "A classification loss receives targets of the wrong rank or encoding."
    severity = Severity.ERROR
    fixable = (
        "safe: categorical_crossentropy with integer class labels becomes "
        "sparse_categorical_crossentropy, and the reverse for one-hot targets; unsafe: "
        "per-step targets for a model that drops the time axis set return_sequences=True on "
        "that layer"
    )
    explanation = """\
Each crossentropy wants its own kind of target:

- `sparse_categorical_crossentropy`: class indices, one axis less than the
  output: `(samples,)` for an output `(batch, classes)`, `(samples, steps)` for
  `(batch, steps, classes)` (a trailing axis of 1 is fine).
- `categorical_crossentropy`: one-hot targets of exactly the output's shape.
- `binary_crossentropy`: one probability per output unit, the output's shape.

Per-step targets `(samples, steps)` given to a model whose recurrent layer
drops the time axis (no `return_sequences=True`) are the classic: the model
predicts one class per sequence, the data has one per step, and `fit` raises
``Argument `output` must have rank (ndim) `target.ndim - 1` ``. One-hot
targets with the sparse loss, and integer labels with the categorical loss,
fail the same way."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.randint(0, 1000, size=(32, 20))
        y = np.random.randint(0, 5, size=(32, 20))
        model = keras.Sequential([
            keras.Input(shape=(20,)),
            layers.Embedding(1000, 16),
            layers.LSTM(32),
            layers.Dense(5, activation="softmax"),
        ])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)  # expect: SL201
        """
    )
    keras_error = r"must have rank \(ndim\) `target.ndim - 1`"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.randint(0, 1000, size=(32, 20))
        y = np.random.randint(0, 5, size=(32, 20))
        model = keras.Sequential([
            keras.Input(shape=(20,)),
            layers.Embedding(1000, 16),
            layers.LSTM(32, return_sequences=True),
            layers.Dense(5, activation="softmax"),
        ])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for verdict in raising_verdicts(ctx, FAMILIES):
            if classes_disagree(verdict):
                continue  # SL202's
            loss = verdict.use.loss
            assert loss is not None
            message = f"{loss.label} cannot train {verdict.use.node.layer.label}: "
            message += verdict.check.reason
            finding = target_finding(verdict, ctx, message, _hint(loss.family))
            yield replace(finding, fix=_fix(verdict, ctx))


def _fix(verdict: TargetVerdict, ctx: RuleContext) -> Fix | None:
    swap = loss_swap_fix(verdict, tf_keras2(ctx.target))
    if swap is not None:
        return swap
    dropper = steps_dropper(verdict, ctx)
    return None if dropper is None else return_sequences_fix(dropper, ctx, Applicability.UNSAFE)


def _hint(family: str) -> str:
    return {
        "sparse_categorical": (
            "sparse_categorical_crossentropy wants class indices with one axis less than the "
            "output: (samples,) for (batch, classes), (samples, steps) for "
            "(batch, steps, classes)"
        ),
        "categorical": (
            "categorical_crossentropy wants one-hot targets of the output's shape: "
            "keras.utils.to_categorical(labels, num_classes), or use "
            "sparse_categorical_crossentropy with class indices"
        ),
        "binary": "binary_crossentropy wants targets of the output's shape, one 0/1 per unit",
    }.get(family, "give the loss targets that match the output")

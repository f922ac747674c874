"""SL202: the output layer has a different number of units than the labels have classes."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.evidence import chain_to, trace
from seqlint.rulekit.training import classes_disagree, target_verdicts
from seqlint.shapes.losses import Verdict


class OutputUnitsVsClasses(Rule):
    code = "SL202"
    name = "output-units-vs-classes"
    summary = "The output layer's units differ from the number of classes in the labels."
    severity = Severity.ERROR
    explanation = """\
A classifier's last layer needs one unit per class. When the labels come
from `np.random.randint(0, 10, ...)`, `to_categorical(labels, 10)` or
`tf.one_hot(labels, depth=10)`, the code says there are 10 classes; a
`Dense(5)` output cannot score them. With
`sparse_categorical_crossentropy`, TensorFlow raises at `fit` (`Received a
label value of 9 which is outside the valid range of [0, 5)`); with one-hot
targets and `categorical_crossentropy`, ``Arguments `target` and `output`
must have the same shape``."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 12, 4)
        y = np.random.randint(0, 10, size=(32,))
        model = keras.Sequential([
            keras.Input(shape=(12, 4)),
            layers.GRU(16),
            layers.Dense(5, activation="softmax"),  # expect: SL202
        ])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )
    keras_error = r"outside the valid range of \[0, 5\)"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 12, 4)
        y = np.random.randint(0, 10, size=(32,))
        model = keras.Sequential([
            keras.Input(shape=(12, 4)),
            layers.GRU(16),
            layers.Dense(10, activation="softmax"),
        ])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for verdict in target_verdicts(ctx):
            if verdict.check.verdict is not Verdict.RAISES or not classes_disagree(verdict):
                continue
            assert verdict.classes is not None
            labels, units = verdict.classes.labels, verdict.classes.units
            node = verdict.use.node
            fitted = verdict.site.call.loc.place
            message = (
                f"{node.layer.label} has {units} units, but the targets fitted at "
                f"{fitted} hold {labels} classes: {verdict.check.reason}"
            )
            hint = f"give the output layer {labels} units, or check how the labels are made"
            rows = trace(chain_to(node, ctx), ctx)
            yield Finding(node.loc, message, hint, rows)

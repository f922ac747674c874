"""SL245: to_categorical is given fewer classes than its labels need."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import LabelsBeyondClasses
from seqlint.rulekit.base import Finding, Rule, RuleContext


class LabelsBeyondClassesRule(Rule):
    code = "SL245"
    name = "labels-beyond-classes"
    summary = "to_categorical is given fewer classes than its labels need."
    severity = Severity.ERROR
    explanation = """\
`to_categorical(labels, num_classes)` makes one column per class, numbered 0
to `num_classes - 1`, and sets the column of each label: a label of
`num_classes` or more has no column, and numpy raises `IndexError: index 8 is
out of bounds for axis 1 with size 8` before the model sees the data. It
typically means `num_classes` counts the classes (`len(set(labels))`,
`len(labels)`) while the labels are not numbered from 0 without gaps: classes
1 to 3 need 4 columns. seqlint reports it when the largest label is known to
occur: the script lists the labels, or they are a LabelEncoder's codes.
Renumber the labels from 0 (LabelEncoder, `labels - 1`), or leave
`num_classes` out (Keras then counts the largest label + 1) and give the
output layer as many units."""
    bad_example = dedent(
        """\
        import numpy as np
        import keras

        labels = [8, 4, 6, 3, 5, 9, 7, 2]
        y = keras.utils.to_categorical(labels, num_classes=len(labels))  # expect: SL245
        model = keras.Sequential([
            keras.Input(shape=(5, 3)),
            keras.layers.LSTM(8),
            keras.layers.Dense(len(labels), activation="softmax"),
        ])
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        model.fit(np.random.rand(8, 5, 3), y, epochs=1, verbose=0)
        """
    )
    keras_error = r"index 8 is out of bounds for axis 1 with size 8"
    good_example = dedent(
        """\
        import numpy as np
        import keras

        labels = [8, 4, 6, 3, 5, 9, 7, 2]
        y = keras.utils.to_categorical(labels)
        model = keras.Sequential([
            keras.Input(shape=(5, 3)),
            keras.layers.LSTM(8),
            keras.layers.Dense(max(labels) + 1, activation="softmax"),
        ])
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        model.fit(np.random.rand(8, 5, 3), y, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for found in ctx.ir.labels_beyond_classes:
            yield _finding(found)


def _finding(found: LabelsBeyondClasses) -> Finding:
    made = f" (line {found.labels_loc.line})" if found.labels_loc is not None else ""
    message = (
        f"to_categorical({found.origin}, num_classes={found.classes}): {found.origin}{made} "
        f"holds the label {found.top}, which needs {found.top + 1} classes (0 to {found.top}): "
        f"numpy raises IndexError (out of bounds for axis 1 with size {found.classes})"
    )
    hint = "number the labels from 0 without gaps (LabelEncoder), or leave num_classes out "
    hint += "and give the output layer max(labels) + 1 units"
    return Finding(found.loc, message, hint)

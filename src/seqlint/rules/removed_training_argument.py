"""SL218: keyword arguments of Keras 2's fit/evaluate/predict/compile that Keras 3 removed."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.legacy import Lack, lacks_of, rename_keyword_fix, target_label

# What to do about a removed argument that has no Keras 3 namesake.
_ADVICE = {
    "show_accuracy": "remove it and pass metrics=['accuracy'] to compile",
    "workers": "remove it: in Keras 3 a keras.utils.PyDataset takes workers, "
    "use_multiprocessing and max_queue_size in its constructor",
    "sample_weight_mode": "remove it: Keras 3 takes per-step sample weights of shape "
    "(samples, steps) without it",
    "target_tensors": "remove it and pass the targets to fit",
}
_ADVICE["use_multiprocessing"] = _ADVICE["max_queue_size"] = _ADVICE["workers"]
# Keras 2 arguments counted samples where their replacements count batches.
_COUNTS_BATCHES = frozenset({"steps_per_epoch", "validation_steps"})


class RemovedTrainingArgument(Rule):
    code = "SL218"
    name = "removed-training-argument"
    summary = "A Keras 1/2 keyword argument of fit/evaluate/predict/compile the target refuses."
    severity = Severity.ERROR
    fixable = "safe: nb_epoch= becomes epochs= when the call does not pass epochs otherwise"
    explanation = """\
Keras 3's `fit`, `evaluate`, `predict` and `compile` have fixed signatures
without Keras 2's leftovers, so the call fails before anything runs:
`fit`/`predict`/`compile` raise `TypeError: ... got an unexpected keyword
argument 'nb_epoch'`, `evaluate` raises `ValueError: Arguments not
recognized`. The removed arguments and their replacements:

- `nb_epoch` (Keras 1): `epochs`.
- `samples_per_epoch`, `nb_val_samples` (Keras 1 generators): `steps_per_epoch`,
  `validation_steps`, which count batches, not samples.
- `show_accuracy` (Keras 0.x): `compile(metrics=["accuracy"])`.
- `workers`, `use_multiprocessing`, `max_queue_size` (Keras 2): arguments of a
  `keras.utils.PyDataset` constructor now.
- `compile(sample_weight_mode="temporal")`, `compile(target_tensors=...)`:
  gone; per-step sample weights of shape `(samples, steps)` work without them.

The signatures of each release come from the generated API table
(docs/keras-versions.md): `nb_epoch` is refused by tf.keras since 2.6 too, so
it is reported under tf-keras 2.21; `workers=` is not (Keras 2 takes it)."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(16, 10, 3)
        y = np.random.rand(16, 1)
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(8),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, batch_size=8, nb_epoch=2, verbose=0)  # expect: SL218
        """
    )
    keras_error = r"unexpected keyword argument 'nb_epoch'"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(16, 10, 3)
        y = np.random.rand(16, 1)
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(8),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, batch_size=8, epochs=2, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for lack in lacks_of(ctx, self.code):
            use = lack.use
            raises = "ValueError" if use.owner == "evaluate" and ctx.major == "3" else "TypeError"
            message = (
                f"{use.owner}() has no argument {use.name} in {target_label(ctx)}: the call "
                f"raises {raises} before anything runs"
            )
            hint = _hint(lack)
            yield Finding(use.loc, message, hint, fix=rename_keyword_fix(lack))


def _hint(lack: Lack) -> str:
    name, value = lack.use.name, lack.use.value
    if lack.replacement is None:
        return _ADVICE.get(name, "remove it")
    replacement = lack.replacement.name
    hint = f"write {replacement}={value} instead of {name}={value}"
    if replacement in _COUNTS_BATCHES:
        hint += f" ({replacement} counts batches: samples // batch_size)"
    return hint

"""SL214: fit_generator and its kin, which Keras 3 removed."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Applicability, Severity
from seqlint.fixes import Fix, RenameCallee, RenameKeyword
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.legacy import Lack, lacks_of, target_label

# Arguments of the generator methods that the replacement takes by keyword with the same
# meaning ("generator" becomes "x"); any other (workers, use_multiprocessing, max_queue_size)
# would make the replacement raise TypeError, so the call is not fixed.
CARRIED_OVER = frozenset(
    {
        "generator", "x", "steps_per_epoch", "steps", "epochs", "verbose", "callbacks",
        "validation_data", "validation_steps", "validation_freq", "class_weight",
        "initial_epoch", "shuffle",
    }
)  # fmt: skip


class RemovedGeneratorMethod(Rule):
    code = "SL214"
    name = "removed-generator-method"
    summary = "fit_generator / evaluate_generator / predict_generator do not exist in Keras 3."
    severity = Severity.ERROR
    keras3_only = True
    fixable = (
        "safe: fit_generator/evaluate_generator/predict_generator become fit/evaluate/predict "
        "when the call passes only the generator by position and arguments the new method takes"
    )
    explanation = """\
Keras 2 deprecated `fit_generator`, `evaluate_generator` and
`predict_generator` when `fit`, `evaluate` and `predict` learned to take
generators; Keras 3 removed them. The call fails before any training:
`AttributeError: 'Sequential' object has no attribute 'fit_generator'`.

`fit(generator, steps_per_epoch=..., epochs=...)` takes the same arguments
(a Python generator, a `keras.utils.PyDataset`, a legacy
`TimeseriesGenerator` or a `tf.data.Dataset`). Off when the code targets
Keras 2 (`target-keras = "2"`), where these methods still train.

Reported on names and attributes that provably hold a Keras model (a
`Sequential`/`Model`/`load_model` result, an instance of the script's own
`keras.Model` subclass, also `self.model` set in a class,
or a model passed to a function); other objects with a method of that name
are not judged."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(64, 10, 3)
        y = np.random.rand(64, 1)


        def batches():
            while True:
                for start in range(0, 64, 16):
                    yield X[start:start + 16], y[start:start + 16]


        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(8),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit_generator(batches(), steps_per_epoch=4, epochs=1, verbose=0)  # expect: SL214
        """
    )
    keras_error = r"object has no attribute 'fit_generator'"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(64, 10, 3)
        y = np.random.rand(64, 1)


        def batches():
            while True:
                for start in range(0, 64, 16):
                    yield X[start:start + 16], y[start:start + 16]


        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(8),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(batches(), steps_per_epoch=4, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for lack in lacks_of(ctx, self.code):
            use = lack.use
            method = _method(lack)
            step = "training" if method == "fit" else "step"
            gone = lack.since or target_label(ctx)
            message = (
                f"{use.name} was removed in {gone}: calling it raises AttributeError "
                f"before any {step} runs"
            )
            hint = (
                f"call {method}(...) with the same generator: Keras 3's "
                f"{method} takes generators, PyDataset and tf.data directly"
            )
            yield Finding(use.loc, message, hint, fix=_fix(lack, method))


def _method(lack: Lack) -> str:
    """The replacing method (the table's ``models.Model.fit``), else the name without
    ``_generator``."""
    if lack.replacement is not None:
        return lack.replacement.name.rsplit(".", 1)[-1]
    return lack.use.name.removesuffix("_generator")


def _fix(lack: Lack, method: str) -> Fix | None:
    use = lack.use
    exact = lack.replacement is not None and lack.replacement.exact
    if not exact or not set(use.arguments) <= CARRIED_OVER:
        return None
    edits = (
        RenameCallee(use.loc, method, max_positional=1),
        RenameKeyword(use.loc, "generator", "x"),
    )
    return Fix(Applicability.SAFE, f"call {method}(...) instead", edits)

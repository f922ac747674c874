"""SL219: predict_classes / predict_proba, which Keras 3 removed."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Applicability, Severity
from seqlint.fixes import Fix, RenameCallee
from seqlint.rules.base import Finding, Rule, RuleContext
from seqlint.rules.legacy import legacy_uses

_METHODS = frozenset({"predict_classes", "predict_proba"})


class RemovedPredictMethod(Rule):
    code = "SL219"
    name = "removed-predict-method"
    summary = "predict_classes / predict_proba do not exist in Keras 3."
    severity = Severity.ERROR
    keras3_only = True
    fixable = "safe: predict_proba(...) becomes predict(...)"
    explanation = """\
Keras 2's Sequential models had `predict_classes` and `predict_proba`
(deprecated in TensorFlow 2.3, removed in 2.6); Keras 3 models have neither:
`AttributeError: 'Sequential' object has no attribute 'predict_classes'`.

- `predict_proba(x)` was `predict(x)`: the probabilities are what the output
  activation gives.
- `predict_classes(x)` was `np.argmax(model.predict(x), axis=-1)` for a
  softmax output, and `(model.predict(x) > 0.5).astype("int32")` for a single
  sigmoid unit.

Reported on names and attributes that provably hold a Keras model (a
`Sequential`/`Model`/`load_model` result, an instance of the script's own
`keras.Model` subclass, also `self.model` set in a class);
other objects with a method of that name (scikit-learn wrappers) are not
judged."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(16, 10, 3)
        y = np.random.randint(0, 3, size=(16,))
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(8),
            layers.Dense(3, activation="softmax"),
        ])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)
        classes = model.predict_classes(X)  # expect: SL219
        """
    )
    keras_error = r"object has no attribute 'predict_classes'"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(16, 10, 3)
        y = np.random.randint(0, 3, size=(16,))
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(8),
            layers.Dense(3, activation="softmax"),
        ])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)
        classes = np.argmax(model.predict(X, verbose=0), axis=-1)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for use in legacy_uses(ctx, "method", "AttributeError"):
            if use.name not in _METHODS:
                continue
            message = f"{use.name} was removed in Keras 3: calling it raises AttributeError"
            if use.name == "predict_classes":
                hint = (
                    f"use np.argmax({use.owner}.predict(x), axis=-1) for a softmax output, "
                    f"({use.owner}.predict(x) > 0.5).astype('int32') for one sigmoid unit"
                )
                yield Finding(use.loc, message, hint)
                continue
            hint = f"use {use.owner}.predict(x): it returns the output's probabilities"
            fix = Fix(
                Applicability.SAFE,
                "call predict(...) instead",
                (RenameCallee(use.loc, use.replacement),),
            )
            yield Finding(use.loc, message, hint, fix=fix)

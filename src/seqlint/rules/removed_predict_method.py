"""SL219: predict_classes / predict_proba, which Keras 3 removed."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Applicability, Severity
from seqlint.dims import is_known
from seqlint.fixes import Fix, RenameCallee
from seqlint.ir import LegacyUse, TensorRef
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.legacy import lacks_of, target_label


class RemovedPredictMethod(Rule):
    code = "SL219"
    name = "removed-predict-method"
    summary = "predict_classes / predict_proba: gone since Keras 2.6 (and in Keras 3)."
    severity = Severity.ERROR
    fixable = (
        "safe: predict_proba(...) becomes predict(...); unsafe: predict_classes(...) becomes "
        'predict(...).argmax(axis=-1), or (predict(...) > 0.5).astype("int32") for one output '
        "unit, when the model's output units are known"
    )
    explanation = """\
Keras 2's Sequential models had `predict_classes` and `predict_proba`
(deprecated in TensorFlow 2.3, removed in 2.6, as the API table records);
tf-keras 2.21 and Keras 3 models have neither:
`AttributeError: 'Sequential' object has no attribute 'predict_classes'`.

- `predict_proba(x)` was `predict(x)`: the probabilities are what the output
  activation gives.
- `predict_classes(x)` was `model.predict(x).argmax(axis=-1)` for an output
  of several units, and `(model.predict(x) > 0.5).astype("int32")` for a
  single (sigmoid) unit.

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
        for lack in lacks_of(ctx, self.code):
            use = lack.use
            gone = lack.since or target_label(ctx)
            message = f"{use.name} was removed in {gone}: calling it raises AttributeError"
            if use.name == "predict_classes":
                yield self._predict_classes(use, message, ctx)
                continue
            hint = f"use {use.owner}.predict(x): it returns the output's probabilities"
            fix = Fix(
                Applicability.SAFE,
                "call predict(...) instead",
                (RenameCallee(use.loc, "predict"),),
            )
            yield Finding(use.loc, message, hint, fix=fix)

    def _predict_classes(self, use: LegacyUse, message: str, ctx: RuleContext) -> Finding:
        """Keras 2's predict_classes took the argmax of several outputs, thresholded one."""
        units = _output_units(use, ctx)
        if units is None:
            hint = (
                f"use {use.owner}.predict(x).argmax(axis=-1) for a softmax output, "
                f'({use.owner}.predict(x) > 0.5).astype("int32") for one sigmoid unit'
            )
            return Finding(use.loc, message, hint)
        template = "{}.argmax(axis=-1)" if units > 1 else '({} > 0.5).astype("int32")'
        edit = RenameCallee(use.loc, "predict", template=template)
        written = template.format(f"{use.owner}.predict(...)")
        note = f"{units} output units" if units > 1 else "one output unit"
        hint = f"use {written}: what predict_classes did for {note}"
        return Finding(
            use.loc, message, hint, fix=Fix(Applicability.UNSAFE, f"use {written}", (edit,))
        )


def _output_units(use: LegacyUse, ctx: RuleContext) -> int | None:
    """The known size of the last axis of the one output of the model called."""
    for call in ctx.ir.training:
        if call.loc.key is use.loc.key and isinstance(call.model.outputs, TensorRef):
            units = ctx.shapes.of(call.model.outputs).dims
            last = units[-1] if units else None
            return last if is_known(last) and last > 0 else None
    return None

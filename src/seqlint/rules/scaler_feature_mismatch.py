"""SL241: a scikit-learn scaler given another number of features than it was fitted on."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import ScalerFeatures
from seqlint.rulekit.base import Finding, Rule, RuleContext


class ScalerFeatureMismatch(Rule):
    code = "SL241"
    name = "scaler-feature-mismatch"
    summary = "A scaler is given another number of features than it was fitted on."
    severity = Severity.ERROR
    explanation = """\
`MinMaxScaler`, `StandardScaler`, `RobustScaler` and `MaxAbsScaler` learn one
statistic per column at `fit`/`fit_transform`. `transform` refuses data with
another number of columns (`X has 1 features, but MinMaxScaler is expecting 3
features as input`), and `inverse_transform` fails to broadcast its statistics
over it (`non-broadcastable output operand with shape (n,1) doesn't match the
broadcast shape (n,3)`; only a scaler of a single feature broadcasts). The
classic case is a forecaster: the scaler is fitted on all the input columns,
the model predicts one column, and `scaler.inverse_transform(model.predict(X))`
fails after training. seqlint follows `predict`'s output, `(samples, *model
output shape)`, to the scaler."""
    bad_example = dedent(
        """\
        import numpy as np
        import keras
        from sklearn.preprocessing import MinMaxScaler

        data = np.random.rand(120, 3)
        scaler = MinMaxScaler()
        scaled = scaler.fit_transform(data)
        X = np.stack([scaled[i:i + 10] for i in range(100)])
        y = scaled[10:110, :1]
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            keras.layers.LSTM(8),
            keras.layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
        forecast = scaler.inverse_transform(model.predict(X, verbose=0))  # expect: SL241
        """
    )
    keras_error = r"non-broadcastable output operand with shape \(100,1\)"
    good_example = dedent(
        """\
        import numpy as np
        import keras
        from sklearn.preprocessing import MinMaxScaler

        data = np.random.rand(120, 3)
        scaler = MinMaxScaler()
        scaled = scaler.fit_transform(data)
        target_scaler = MinMaxScaler().fit(data[:, :1])
        X = np.stack([scaled[i:i + 10] for i in range(100)])
        y = scaled[10:110, :1]
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            keras.layers.LSTM(8),
            keras.layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
        forecast = target_scaler.inverse_transform(model.predict(X, verbose=0))
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for call in ctx.ir.scaler_features:
            yield _finding(call)


def _finding(call: ScalerFeatures) -> Finding:
    data = call.data
    made = f" (line {data.loc.line})" if data.loc is not None else ""
    message = (
        f"{call.method}({call.origin}): {call.origin}{made} has {call.given} "
        f"feature{'s' if call.given != 1 else ''}, but the {call.kind} was fitted on "
        f"{call.fitted} (line {call.fit_loc.line}): scikit-learn raises ValueError"
    )
    if call.method == "inverse_transform":
        hint = (
            f"fit a second {call.kind} on the target column(s) alone and invert the "
            "predictions with it, or pad them to the fitted columns before inverting"
        )
    else:
        hint = f"give {call.method} the {call.fitted} columns the scaler was fitted on"
    return Finding(call.loc, message, hint)

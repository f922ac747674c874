"""SL220: one flat metrics list for a model with several outputs, which Keras 3 rejects."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import Model, TensorRef, TrainingCall, Value
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.heads import keras_outputs
from seqlint.rulekit.training import DATA_METHODS

_ARGUMENTS = ("metrics", "weighted_metrics")


class MetricsListOutputs(Rule):
    code = "SL220"
    name = "metrics-list-outputs"
    summary = "A metrics list whose length differs from a multi-output model's output count."
    severity = Severity.ERROR
    keras3_only = True
    explanation = """\
Keras 2 applied `compile(metrics=["mae"])` to every output of a multi-output
model. Keras 3 reads a list given to a model with several outputs as one
entry per output: a list of another length fails at the first `fit`,
`evaluate` or `train_on_batch` with `ValueError: ... Invalid `metrics`.
`metrics` should contain metrics objects and either be a dict or a list
matching the output names of the functional model ['level', 'trend'] or match
the output structure of the model` (`weighted_metrics` likewise).

Give each output its own list, `metrics=[["mae"], ["mae"]]`, or a dict by
output name, `metrics={"level": ["mae"], "trend": ["mae"]}` (outputs left out
get none). A list with exactly one entry per output is accepted and is not
reported."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(16, 10, 3)
        y_level = np.random.rand(16, 1)
        y_trend = np.random.rand(16, 1)
        inputs = keras.Input(shape=(10, 3))
        features = layers.LSTM(16)(inputs)
        level = layers.Dense(1, name="level")(features)
        trend = layers.Dense(1, name="trend")(features)
        model = keras.Model(inputs, [level, trend])
        model.compile(optimizer="adam", loss="mse", metrics=["mae"])  # expect: SL220
        model.fit(X, [y_level, y_trend], epochs=1, verbose=0)
        """
    )
    keras_error = r"Invalid `metrics`"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(16, 10, 3)
        y_level = np.random.rand(16, 1)
        y_trend = np.random.rand(16, 1)
        inputs = keras.Input(shape=(10, 3))
        features = layers.LSTM(16)(inputs)
        level = layers.Dense(1, name="level")(features)
        trend = layers.Dense(1, name="trend")(features)
        model = keras.Model(inputs, [level, trend])
        model.compile(optimizer="adam", loss="mse", metrics=[["mae"], ["mae"]])
        model.fit(X, [y_level, y_trend], epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        latest: dict[int, TrainingCall] = {}
        reported: set[int] = set()
        for call in ctx.ir.training:
            if call.method == "compile":
                latest[id(call.model)] = call
                continue
            compile_call = latest.get(id(call.model))
            if call.method not in DATA_METHODS or compile_call is None:
                continue
            if id(compile_call) in reported:
                continue
            count = _output_count(call.model, ctx)
            if count is None or count < 2:
                continue
            for argument in _ARGUMENTS:
                metrics = compile_call.args.get(argument)
                if isinstance(metrics, (list, tuple)) and 0 < len(metrics) != count:
                    reported.add(id(compile_call))
                    yield _finding(compile_call, call, argument, metrics, count)
                    break


def _output_count(model: Model, ctx: RuleContext) -> int | None:
    """How many outputs Keras sees, when each is one known tensor (a flat structure)."""
    found = keras_outputs(model)
    if found is None:
        return None
    for _name, ref in found[1]:
        if not _single(ref, ctx):
            return None
    return len(found[1])


def _single(ref: TensorRef, ctx: RuleContext) -> bool:
    if ref.index is not None:
        return True
    outputs = ctx.shapes.at(ctx.ir.node(ref)).outputs
    return outputs is not None and len(outputs) == 1


def _finding(
    compile_call: TrainingCall, data_call: TrainingCall, argument: str, metrics: Value, count: int
) -> Finding:
    message = (
        f"{argument} is a list of {len(metrics)} for a model with {count} outputs: Keras 3 "
        f"reads a list as one entry per output and raises at {data_call.method} "
        f"({data_call.loc.place}): Invalid `{argument}`"
    )
    items = [repr(item) for item in metrics if isinstance(item, str)]
    each = f"[{', '.join(items)}]" if len(items) == len(metrics) else "[...]"
    hint = (
        f"give each output its own list, {argument}=[{', '.join([each] * count)}], "
        f"or a dict by output name"
    )
    return Finding(compile_call.loc, message, hint)

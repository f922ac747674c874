"""SL116: a layer called with arguments Keras refuses before the layer runs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import CallArguments
from seqlint.rulekit.base import Finding, Rule, RuleContext, calls_run, models_run

_ONLY_TENSORS = (
    "Keras 3 raises ValueError: Only input tensors may be passed as positional arguments"
)


class LayerCallArguments(Rule):
    code = "SL116"
    name = "layer-call-arguments"
    summary = "A layer is called with arguments its call() cannot take, or non-tensors by position."
    severity = Severity.ERROR
    explanation = """\
Calling a layer hands its arguments to the layer's `call()` method, and Keras
binds them to `call()`'s parameters the way Python does: an argument `call()`
does not name, one too many, or a required parameter left out raises
`TypeError` before the layer runs (a `training=` that `call()` does not take is
dropped).

Keras 3 is stricter than Keras 2 in three ways:

- Only tensors (or None, or arrays) may be passed by position. A number, a
  string, a bool, a layer or a model in the positional arguments, or in the
  list given as the input, raises `ValueError: Only input tensors may be passed
  as positional arguments`. Pass such values by keyword: `layer(x, size=h)`,
  `dropout(x, training=training)`. A `training` flag passed on by position in a
  `call()` is None while Keras builds the model, so the error comes when `fit`
  or `predict` runs it.
- `training` and `mask` are given to `call()` only when Keras has a value for
  them. A custom layer whose `call(self, inputs, training)` has no default
  raises `TypeError: missing a required argument: 'training'` when the model
  is built: give it one (`training=None`).
- The recurrent layers name their input `sequences`: `LSTM(8)(inputs=x)` raises
  `TypeError: missing a required argument: 'sequences'`. Pass it by position.

A recurrent cell (`LSTMCell`, `GRUCell`, `SimpleRNNCell`, `StackedRNNCells`)
computes one time step and requires its `states`; `MultiHeadAttention` and
`GroupQueryAttention` require their `value`. Called on one tensor they raise
`TypeError`, and Keras 3 refuses them as layers of a Sequential model
(`ValueError: Layers added to a Sequential model can only have a single
required positional argument`). Wrap a cell in `keras.layers.RNN(cell)`.

The parameters of every `keras.layers` class's `call()` come from Keras 3.15
itself (`src/seqlint/data/layer_calls.json`)."""
    bad_example = dedent(
        """\
        import keras
        from keras import layers, ops

        class Fold(layers.Layer):
            def call(self, tokens, height, width):
                return ops.reshape(tokens, (-1, height, width, ops.shape(tokens)[-1]))

        inputs = keras.Input(shape=(8, 8, 3))
        tokens = layers.Reshape((64, 3))(inputs)
        shape = ops.shape(inputs)
        grid = Fold()(tokens, shape[1], shape[2])  # expect: SL116

        steps = keras.Input(shape=(20, 4))
        states = layers.LSTM(8)(inputs=steps)  # expect: SL116

        class Gate(layers.Layer):
            def call(self, x):
                return x

        gated = Gate()(states, scale=2.0)  # expect: SL116
        """
    )
    keras_error = r"Only input tensors may be passed as positional arguments"
    good_example = dedent(
        """\
        import keras
        from keras import layers, ops

        class Fold(layers.Layer):
            def call(self, tokens, height, width):
                return ops.reshape(tokens, (-1, height, width, ops.shape(tokens)[-1]))

        inputs = keras.Input(shape=(8, 8, 3))
        tokens = layers.Reshape((64, 3))(inputs)
        shape = ops.shape(inputs)
        grid = Fold()(tokens, height=shape[1], width=shape[2])

        steps = keras.Input(shape=(20, 4))
        states = layers.LSTM(8)(steps)

        class Gate(layers.Layer):
            def call(self, x, scale=1.0):
                return x * scale

        gated = Gate()(states, scale=2.0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        keras2 = ctx.major == "2"
        running = _running(ctx)
        reported: set[object] = set()
        for found in ctx.ir.call_arguments:
            if (keras2 and found.keras3) or found.loc.key in reported:
                continue
            if found.on_run and not running(found):
                continue
            reported.add(found.loc.key)
            yield Finding(found.loc, _message(found), _hint(found))


def _running(ctx: RuleContext) -> Callable[[CallArguments], bool]:
    """Whether a model holding the call the arguments are given in runs in the script."""
    run_models = {id(m) for m in models_run(ctx)}
    run_calls = calls_run(ctx, ctx.ir.layer_calls)

    def running(found: CallArguments) -> bool:
        if found.call is not None:
            return found.call in run_calls
        return found.model is not None and id(found.model) in run_models

    return running


def _message(found: CallArguments) -> str:
    label, argument = found.label, found.argument
    if found.problem == "not-a-tensor" and found.on_run:
        return (
            f"{label} is given `training` by position: it is None while Keras builds the "
            "model, but a bool once fit or predict runs it, and then "
            f"{_ONLY_TENSORS}"
        )
    if found.problem == "not-a-tensor":
        return f"{label} is given {argument} by position: {_ONLY_TENSORS}"
    if found.problem == "missing" and found.sequential:
        return (
            f"{label} cannot be a layer of a Sequential model: its call() requires "
            f"`{argument}` besides its input, and Keras 3 raises ValueError: Layers added to a "
            "Sequential model can only have a single required positional argument"
        )
    if found.problem == "missing" and found.keras3 and not found.built_in:
        return (
            f"{label}'s call() requires `{argument}`, which Keras 3 passes only when it has a "
            f"value for it (Keras 2 always did): building the model raises TypeError: missing "
            f"a required argument: '{argument}'"
        )
    if found.problem == "missing":
        return (
            f"{label}'s call() requires `{argument}`, which this call does not give: Keras "
            f"raises TypeError: missing a required argument: '{argument}'"
        )
    if found.problem == "unexpected" and found.expected:
        return (
            f"`{argument}=` is not a parameter of {label}'s call(), which takes its input as "
            f"`{found.expected}`: Keras raises TypeError: missing a required argument: "
            f"'{found.expected}'"
        )
    if found.problem == "unexpected":
        return (
            f"`{argument}=` is not a parameter of {label}'s call(): Keras raises TypeError: "
            f"got an unexpected keyword argument '{argument}'"
        )
    if found.problem == "twice" and found.keras3:
        return (
            f"{label} is given mask=None by position: Keras 3 then passes the input's mask as "
            "mask= too, and raises TypeError: multiple values for argument 'mask'"
        )
    if found.problem == "twice":
        return (
            f"{label} is given `{argument}` both by position and by keyword: Keras raises "
            f"TypeError: multiple values for argument '{argument}'"
        )
    return (
        f"{label}'s call() takes {argument} positional argument(s) after self, and this call "
        "passes more: Keras raises TypeError: too many positional arguments"
    )


def _hint(found: CallArguments) -> str:
    argument = found.argument
    if found.problem == "not-a-tensor" and found.on_run:
        return "pass it by keyword: `training=training`"
    if found.problem == "not-a-tensor" and argument.startswith(("the layer", "the model")):
        return "call it on a tensor and pass its output, not the object"
    if found.problem == "not-a-tensor":
        name = found.expected or "its parameter's name"
        return f"pass it by keyword: `{name}=...`"
    if found.problem == "missing" and _is_cell(found.built_in):
        return (
            "a cell computes one time step from its states: wrap it in an RNN layer, "
            "`keras.layers.RNN(cell)`, which loops it over the steps"
        )
    if found.problem == "missing" and found.built_in:
        return f"call it in a functional model and pass `{argument}`"
    if found.problem == "missing" and found.keras3:
        return f"give it a default in call(): `{argument}=None`"
    if found.problem == "missing":
        return f"pass `{argument}`, or give it a default in call()"
    if found.problem == "unexpected" and found.expected:
        return f"pass the input by position (or as `{found.expected}=`)"
    if found.problem == "unexpected":
        return f"remove `{argument}=`, or add the parameter to call()"
    if found.problem == "twice" and found.keras3:
        return "leave the mask out: Keras passes the input's mask itself"
    if found.problem == "twice":
        return f"pass `{argument}` once"
    return "pass the extra values by keyword, or remove them"


def _is_cell(kind: str) -> bool:
    """A built-in recurrent cell (LSTMCell, StackedRNNCells...): one step of an RNN."""
    return kind.endswith("Cell") or kind == "StackedRNNCells"

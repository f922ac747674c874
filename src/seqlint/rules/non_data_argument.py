"""SL242: fit/evaluate/predict given something that is not data: Python values, a layer,
a dict that misses an input."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.dims import is_known, product
from seqlint.ir import Layer, Model, PyNumbers, TensorRef, TrainingCall, Value
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.feeding import input_nodes
from seqlint.shapes.catalogue import spec

# Methods whose data goes through Keras 3's data adapters (array-likes, datasets,
# generators): anything else is "Unrecognized data type".
_ADAPTED = frozenset({"fit", "evaluate", "predict"})
# Methods that call the model on ``x`` directly.
_ON_BATCH = frozenset({"train_on_batch", "test_on_batch", "predict_on_batch"})
_TARGETS = frozenset({"fit", "evaluate", "train_on_batch", "test_on_batch"})


class NonDataArgument(Rule):
    code = "SL242"
    name = "non-data-argument"
    summary = "fit/predict given what is not data: Python values, a layer, a dict missing an input."
    severity = Severity.ERROR
    keras3_only = True
    explanation = """\
Keras 3 reads `x` and `y` through its data adapters: NumPy arrays, tensors, a
`tf.data.Dataset`, a generator or a `PyDataset`, or a list/dict of arrays for a
model of several inputs. A Python list of plain values (`model.predict(["some
text"])`, `model.fit([[1, 2, 3]], [0])`) is a structure of scalars, not an
array: Keras 3 raises `ValueError: Unrecognized data type` (Keras 2 converted
such lists), also for the lists a script builds of `array.tolist()` rows in a loop or
a comprehension. So does a layer or a model object given as data, and
`train_on_batch`/`predict_on_batch` refuse them as well. For strings, a NumPy
array of str is refused too (`Invalid dtype`): give `tf.constant(texts)` to a
model whose input is `dtype="string"`.

A dict of arrays is matched to the model's inputs by their names (the Input
layers' `name=`, or the keys of a dict of Inputs): Keras raises `Missing data
for input "..."` when an input's name is not a key. seqlint checks the names
only when every input is named in the script."""
    bad_example = dedent(
        """\
        import numpy as np
        import tensorflow as tf
        import keras

        vectorize = keras.layers.TextVectorization(max_tokens=50, output_sequence_length=6)
        vectorize.adapt(["the film was good", "a bad film", "good acting"])
        inputs = keras.Input(shape=(1,), dtype="string")
        hidden = keras.layers.LSTM(4)(keras.layers.Embedding(50, 8)(vectorize(inputs)))
        model = keras.Model(inputs, keras.layers.Dense(1, activation="sigmoid")(hidden))
        model.predict(["what a good film", "so bad"], verbose=0)  # expect: SL242
        """
    )
    keras_error = r"Unrecognized data type"
    good_example = dedent(
        """\
        import numpy as np
        import tensorflow as tf
        import keras

        vectorize = keras.layers.TextVectorization(max_tokens=50, output_sequence_length=6)
        vectorize.adapt(["the film was good", "a bad film", "good acting"])
        inputs = keras.Input(shape=(1,), dtype="string")
        hidden = keras.layers.LSTM(4)(keras.layers.Embedding(50, 8)(vectorize(inputs)))
        model = keras.Model(inputs, keras.layers.Dense(1, activation="sigmoid")(hidden))
        model.predict(tf.constant(["what a good film", "so bad"]), verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for call in ctx.ir.training:
            if call.method not in _ADAPTED | _ON_BATCH:
                continue
            for name in ("x", "y") if call.method in _TARGETS else ("x",):
                finding = _judge(call, name, call.args.get(name), ctx)
                if finding is not None:
                    yield finding
                    break


def _judge(call: TrainingCall, name: str, value: Value, ctx: RuleContext) -> Finding | None:
    owner = f"{call.model.name or 'model'}.{call.method}"
    if isinstance(value, Layer) and spec(value.kind) is not None:
        what = "a model" if value.kind in ("Sequential", "Functional") else "a layer"
        return Finding(
            call.loc,
            f"{owner} gets {name} = {value.label} (line {value.loc.line}), {what} object, "
            "not data: Keras raises ValueError",
            "pass arrays or tensors; to run one model on another's output, call it on a "
            "tensor (model(other.output)) or predict in two steps",
        )
    values = _python_values(value)
    if values and (call.method in _ADAPTED or all(isinstance(v, str) for v in values)):
        kind = "string" if all(isinstance(v, str) for v in values) else "number"
        count = _count(values)
        plural = "s" if count != 1 else ""
        reason = " (Unrecognized data type)" if call.method in _ADAPTED else ""
        return Finding(
            call.loc,
            f"{owner} gets {name} = a Python list of {f'{count} ' if count else ''}{kind}{plural}"
            f"{_built(values)}: Keras 3 takes arrays or tensors, and raises ValueError{reason}",
            "give tf.constant(texts) to a model whose input has dtype='string' (a NumPy "
            "array of str is refused too)"
            if kind == "string"
            else "convert it first: np.array(values)",
        )
    if name == "x" and isinstance(value, dict):
        return _missing_input(call, owner, value, ctx)
    return None


def _python_values(value: Value) -> list[Value]:
    """The leaves of a (nested) list of plain Python values, :class:`PyNumbers` (a list the
    script built of ``row.tolist()``) among them; empty when it is anything else (a single
    string counts as one)."""
    if isinstance(value, (str, PyNumbers)):
        return [value]
    if not isinstance(value, (list, tuple)) or not value:
        return []
    leaves: list[Value] = []
    stack = [value]
    while stack and len(leaves) < 10_000:
        item = stack.pop()
        if isinstance(item, (list, tuple)) and item:
            stack.extend(item)
        elif isinstance(item, (str, int, float, PyNumbers)) and not isinstance(item, bool):
            leaves.append(item)
        else:
            return []
    return leaves if not stack else []


def _count(values: list[Value]) -> int | None:
    """How many numbers or strings the leaves hold; None when a built list's size is not
    known."""
    sizes = [product(v.shape) if isinstance(v, PyNumbers) and v.shape else 1 for v in values]
    if any(isinstance(v, PyNumbers) and v.shape is None for v in values):
        return None
    return sum(sizes) if all(map(is_known, sizes)) else None


def _built(values: list[Value]) -> str:
    """Where the numbers of a list the script built come from."""
    shapes = {v.shape for v in values if isinstance(v, PyNumbers)}
    if not shapes:
        return ""
    nested = f", nested {shapes.pop()}" if len(shapes) == 1 and None not in shapes else ""
    return f" (made with .tolist(){nested})"


def _missing_input(call: TrainingCall, owner: str, data: dict, ctx: RuleContext) -> Finding | None:
    """A dict of data that has no key for a named input of a functional model."""
    names = _input_names(call.model, ctx)
    if names is None or not all(isinstance(k, str) for k in data):
        return None
    missing = [n for n in names if n not in data]
    if not missing:
        return None
    return Finding(
        call.loc,
        f"{owner} gets x as a dict with keys {sorted(data)}, but the model's inputs are "
        f"named {names}: Keras raises ValueError (Missing data for input {missing[0]!r})",
        "key the data by the model's input names (Input(name=...)), or pass a list in the "
        "order of the model's inputs",
    )


def _input_names(model: Model, ctx: RuleContext) -> list[str] | None:
    """What Keras matches a dict of data against: the keys of a dict of Inputs, or the
    names every Input is given; None when the script does not name them all."""
    if model.kind != "functional":
        return None
    inputs = model.inputs
    if isinstance(inputs, dict):
        keys = list(inputs)
        refs = list(inputs.values())
        ok = all(isinstance(k, str) for k in keys) and all(isinstance(r, TensorRef) for r in refs)
        return sorted(keys) if ok and keys else None
    nodes = input_nodes(model, ctx)
    if not nodes:
        return None
    names = [node.layer.get("name") for node in nodes]
    if not all(isinstance(n, str) and n for n in names) or len(set(names)) != len(names):
        return None
    return names

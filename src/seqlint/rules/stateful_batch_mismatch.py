"""SL230: a stateful recurrent layer fed batches of another size than its fixed batch."""

from __future__ import annotations

import math
from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import Array, Model, Node, TrainingCall
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.evidence import where
from seqlint.rulekit.feeding import MISSING, data_name, input_nodes, model_node_ids
from seqlint.rulekit.stateful import declared_batch, is_stateful, positive_int

# Calls checked, with the parameter that would make the batch count something else.
CHECKED = {"fit": "steps_per_epoch", "evaluate": "steps", "predict": "steps"}
DEFAULT_BATCH = 32


class StatefulBatchMismatch(Rule):
    code = "SL230"
    name = "stateful-batch-mismatch"
    summary = "A stateful RNN gets batches of another size than its fixed batch size."
    severity = Severity.ERROR
    explanation = """\
A recurrent layer with `stateful=True` keeps its states from one batch to the
next, one row per sample, so its batch size is fixed by the input declaration
(`keras.Input(batch_shape=(4, ...))` or `keras.Input(shape=..., batch_size=4)`).
Every batch `fit`, `evaluate` and `predict` give it must have exactly that many
samples. They cut the data into batches of `batch_size` (32 when not given) and
a last, smaller batch of the remaining samples; data with fewer samples than
`batch_size` is one batch of all of them. Keras 3 raises as soon as one batch
of another size arrives: `If an RNN is stateful, the batch size of the input
sequences must be the same as the batch size of the initial state` from the
layer, or an `InvalidArgumentError` where the loss meets targets of the other
batch size (a last partial batch, validation batches).

Pass `batch_size=` equal to the fixed batch and give each call a multiple of it
in samples (drop the rest: `X[: len(X) // 4 * 4]`)."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.zeros((64, 10, 3))
        y = np.zeros((64, 1))
        inputs = keras.Input(batch_shape=(4, 10, 3))
        x = layers.LSTM(8, stateful=True)(inputs)
        model = keras.Model(inputs, layers.Dense(1)(x))
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, batch_size=8, epochs=1, verbose=0)  # expect: SL230
        """
    )
    keras_error = r"If an RNN is stateful, the batch size of the input sequences must be the same"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.zeros((64, 10, 3))
        y = np.zeros((64, 1))
        inputs = keras.Input(batch_shape=(4, 10, 3))
        x = layers.LSTM(8, stateful=True)(inputs)
        model = keras.Model(inputs, layers.Dense(1)(x))
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, batch_size=4, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        fixed: dict[int, tuple[int, Node, Node] | None] = {}
        for call in ctx.ir.training:
            if call.method not in CHECKED or CHECKED[call.method] in call.args:
                continue
            key = id(call.model)
            if key not in fixed:
                fixed[key] = _fixed_batch(call.model, ctx)
            found = fixed[key]
            if found is None:
                continue
            batch, entry, layer = found
            reason = _mismatch(call, batch)
            if reason is None:
                continue
            message = (
                f"{where(layer)} is stateful with a fixed batch of {batch} samples "
                f"({where(entry)}), but {call.method} gives it {reason}"
            )
            hint = (
                f"pass batch_size={batch} and a multiple of {batch} samples "
                f"(e.g. X[: len(X) // {batch} * {batch}])"
            )
            yield Finding(call.loc, message, hint)


def _fixed_batch(model: Model, ctx: RuleContext) -> tuple[int, Node, Node] | None:
    """(batch size, Input node, stateful layer node) when every input of the model fixes
    the same batch size and the model holds a stateful recurrent layer."""
    entries = input_nodes(model, ctx)
    if not entries:
        return None
    sizes = [declared_batch(node.layer) for node in entries]
    batch = sizes[0]
    if not positive_int(batch) or any(size != batch for size in sizes):
        return None
    for node_id in sorted(model_node_ids(model, ctx)):
        node = ctx.ir.nodes[node_id]
        if is_stateful(node.layer):
            return batch, entries[0], node
    return None


def _mismatch(call: TrainingCall, batch: int) -> str | None:
    """How the batches of ``call`` differ from ``batch``; None when they provably do not
    or when it is not known."""
    size = call.args.get("batch_size", None)
    label = "batch_size=32, the default" if size is None else f"batch_size={size}"
    size = DEFAULT_BATCH if size is None else size
    if not positive_int(size):
        return None
    x = call.args.get("x", MISSING)
    if not isinstance(x, Array):
        return None
    samples = _samples(x)
    split = call.args.get("validation_split", 0.0) if call.method == "fit" else 0.0
    if not isinstance(split, (int, float)) or isinstance(split, bool) or not 0 <= split < 1:
        return None
    if samples is not None and split:
        train = math.floor(samples * (1.0 - split))
        found = _batches(train, size, batch, f"the first {train} samples of {data_name(x)}", label)
        if found is not None:
            return found
        validation_size = call.args.get("validation_batch_size", None) or size
        if not positive_int(validation_size):
            return None
        rest = f"the last {samples - train} samples of {data_name(x)} (validation_split)"
        return _batches(
            samples - train, validation_size, batch, rest, f"batch_size={validation_size}"
        )
    found = _batches(samples, size, batch, data_name(x), label)
    if found is not None or call.method != "fit":
        return found
    return _validation_data(call, size, batch)


def _validation_data(call: TrainingCall, size: int, batch: int) -> str | None:
    data = call.args.get("validation_data", None)
    if not isinstance(data, (tuple, list)) or not data or not isinstance(data[0], Array):
        return None
    validation_size = call.args.get("validation_batch_size", None) or size
    if not positive_int(validation_size):
        return None
    x = data[0]
    return _batches(
        _samples(x),
        validation_size,
        batch,
        f"{data_name(x)} (validation_data)",
        f"batch_size={validation_size}",
    )


def _batches(samples: int | None, size: int, batch: int, what: str, label: str) -> str | None:
    """The first batch size other than ``batch`` that ``samples`` cut into ``size`` give
    (``label`` says where ``size`` comes from)."""
    if samples is None:
        if size < batch:  # every batch holds at most `size` samples
            return f"batches of at most {size} samples ({label}) of {what}"
        return None
    if samples < size:
        if samples != batch:
            return f"one batch of {samples} samples ({what}, fewer than {label})"
        return None
    if size != batch:
        return f"batches of {size} samples ({label}) of {what}"
    rest = samples % size
    if rest:
        return f"a last batch of {rest} samples ({samples} samples of {what} in batches of {size})"
    return None


def _samples(x: Array) -> int | None:
    if not x.shape:
        return None
    first = x.shape[0]
    return first if positive_int(first) else None

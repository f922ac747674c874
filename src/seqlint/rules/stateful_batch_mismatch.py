"""SL230: a stateful recurrent layer fed batches of another size than its fixed batch."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import Model, Node
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.batches import CHECKED, other_batches
from seqlint.rulekit.evidence import where
from seqlint.rulekit.feeding import input_nodes, model_node_ids
from seqlint.rulekit.stateful import declared_batch, is_stateful, positive_int


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
            reason = other_batches(call, frozenset({batch}))
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

"""SL231: a stateful recurrent layer on an input declared without a fixed batch size."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import Node, TensorRef
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.evidence import output_shape, trace, where
from seqlint.rulekit.stateful import declared_batch, is_stateful
from seqlint.shapes.catalogue import Trait, has_trait

KERAS2_BATCH = ("batch_size", "batch_input_shape")  # layer keywords Keras 3 rejects


class StatefulWithoutBatch(Rule):
    code = "SL231"
    name = "stateful-without-batch-size"
    summary = "A stateful RNN on an input declared without a fixed batch size."
    severity = Severity.ERROR
    explanation = """\
A recurrent layer with `stateful=True` keeps one row of state per sample from
one batch to the next, so it needs to know the batch size when it is built.
An input declared as `keras.Input(shape=(10, 3))`, `input_shape=(10, 3)` or
`build((None, 10, 3))` leaves the batch size open, and Keras 3 refuses to build
the layer on it: `When using stateful=True in a RNN, the batch size must be
static. Found dynamic batch size: sequence.shape=(None, 10, 3)`.

Declare the batch size the model will be fed: `keras.Input(batch_shape=(32, 10,
3))` or `keras.Input(shape=(10, 3), batch_size=32)`, and pass the same
`batch_size` to `fit`, `evaluate` and `predict` (SL230)."""
    bad_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(10, 3))
        x = layers.LSTM(8, stateful=True)(inputs)  # expect: SL231
        model = keras.Model(inputs, layers.Dense(1)(x))
        """
    )
    keras_error = r"When using `stateful=True` in a RNN, the batch size must be static"
    good_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(10, 3), batch_size=4)
        x = layers.LSTM(8, stateful=True)(inputs)
        model = keras.Model(inputs, layers.Dense(1)(x))
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        built_later = _subclassed_inputs(ctx)
        for node in ctx.ir.nodes:
            if not is_stateful(node.layer) or not node.inputs:
                continue
            chain = _chain_to_input(node, ctx)
            if chain is None:
                continue
            entry = chain[0]
            if entry.id in built_later or declared_batch(entry.layer) is not None:
                continue
            if any(key in n.layer.config for n in chain[1:] for key in KERAS2_BATCH):
                continue  # a Keras 2 batch declaration: Keras 3 refuses the keyword itself
            message = (
                f"{where(node)} is stateful, but its input, {where(entry)}, declares no batch "
                f"size, {output_shape(entry, ctx)}: Keras 3 needs a static batch size to "
                f"build a stateful layer"
            )
            hint = (
                "declare the batch size the model is fed, e.g. keras.Input(shape=..., "
                "batch_size=32), and pass the same batch_size to fit/predict"
            )
            yield Finding(node.loc, message, hint, trace(chain, ctx))


def _chain_to_input(node: Node, ctx: RuleContext) -> list[Node] | None:
    """The nodes from the Input declaring ``node``'s batch down to ``node``; None when the
    chain starts elsewhere (an opaque tensor, an input Keras takes from the data)."""
    chain = [node]
    current = node
    while current.inputs:
        current = ctx.ir.node(current.inputs[0])
        chain.append(current)
        if len(chain) > 10_000:
            return None
    declared = current.declared_by
    if not has_trait(current.layer, Trait.DECLARES_INPUT) or not declared or declared == "data":
        return None
    return chain[::-1]


def _subclassed_inputs(ctx: RuleContext) -> set[int]:
    """Input nodes of subclassed models: Keras builds their layers from the data instead."""
    found: set[int] = set()
    for model in ctx.ir.models:
        if model.kind != "subclassed":
            continue
        inputs = model.inputs if isinstance(model.inputs, (list, tuple)) else [model.inputs]
        found.update(ref.node_id for ref in inputs if isinstance(ref, TensorRef))
    return found

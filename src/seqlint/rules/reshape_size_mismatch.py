"""SL106: a Reshape whose target cannot hold its input's elements."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import Node
from seqlint.rulekit.base import Finding, Rule, RuleContext, problem_nodes
from seqlint.rulekit.evidence import chain_to, inner_layer, primary_input, trace, where
from seqlint.shapes.problems import ProblemKind


class ReshapeSizeMismatch(Rule):
    code = "SL106"
    name = "reshape-size-mismatch"
    summary = "A Reshape target cannot hold the number of elements of its input."
    severity = Severity.ERROR
    explanation = """\
`Reshape(target_shape)` rearranges the elements of each sample; the target
must hold exactly as many elements as the input (one axis may be -1). A
frequent slip is forgetting that `Bidirectional` with the default
`merge_mode='concat'` doubles the features: `Bidirectional(LSTM(32,
return_sequences=True))` returns `(batch, T, 64)`, not `(batch, T, 32)`.
Keras raises `The total size of the tensor must be unchanged` when the
model is built."""
    bad_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape=(10, 4)),
            layers.Bidirectional(layers.LSTM(32, return_sequences=True)),
            layers.Reshape((10, 32, 1)),  # expect: SL106
        ])
        """
    )
    keras_error = r"total size of the tensor must be unchanged"
    good_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape=(10, 4)),
            layers.Bidirectional(layers.LSTM(32, return_sequences=True)),
            layers.Reshape((10, 64, 1)),
        ])
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for node, problem in problem_nodes(ctx):
            if problem.kind is not ProblemKind.RESHAPE_SIZE:
                continue
            hint = "make the target shape hold exactly the input's elements (or use -1 once)"
            notes = {}
            producer = _bidirectional_producer(node, ctx)
            if producer is not None:
                notes[producer.id] = "merge_mode='concat' doubles the features"
                hint = (
                    f"{where(producer)} concatenates forward and backward outputs, doubling "
                    f"the features: account for it in the target shape, or use -1"
                )
            rows = trace(chain_to(node, ctx), ctx, notes=notes, expected=problem.expected)
            yield Finding(node.loc, f"{node.layer.label}: {problem.message}", hint, rows)


def _bidirectional_producer(node: Node, ctx: RuleContext) -> Node | None:
    producer = primary_input(node, ctx)
    if producer is None or producer.layer.kind != "Bidirectional":
        return None
    concat = producer.layer.get("merge_mode", "concat") == "concat"
    return producer if concat and inner_layer(producer.layer) is not producer.layer else None

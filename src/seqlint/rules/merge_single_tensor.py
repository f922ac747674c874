"""SL105: a merge layer called on a single tensor, typically inside a Sequential."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.rulekit.base import Finding, Rule, RuleContext, problem_nodes
from seqlint.rulekit.evidence import chain_to, trace
from seqlint.shapes.problems import ProblemKind


class MergeSingleTensor(Rule):
    code = "SL105"
    name = "merge-single-tensor"
    summary = "A merge layer (Concatenate, Add...) receives one tensor instead of a list."
    severity = Severity.ERROR
    explanation = """\
Merge layers join several tensors: `Concatenate()([a, b])`. In a Sequential
model every layer receives exactly one tensor, the previous layer's output,
so a Concatenate there has nothing to join and Keras raises `A Concatenate
layer should be called on a list of at least 1 input` when the model is
built.

A Bidirectional layer already joins its forward and backward outputs
(`merge_mode='concat'` by default); to join different branches, build the
model with the functional API."""
    bad_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape=(20,)),
            layers.Embedding(1000, 64),
            layers.Bidirectional(layers.LSTM(32, return_sequences=True)),
            layers.Concatenate(axis=1),  # expect: SL105
            layers.Dense(5, activation="softmax"),
        ])
        """
    )
    keras_error = r"should be called on a list"
    good_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape=(20,)),
            layers.Embedding(1000, 64),
            layers.Bidirectional(layers.LSTM(32, return_sequences=True)),
            layers.Dense(5, activation="softmax"),
        ])
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for node, problem in problem_nodes(ctx):
            if problem.kind is not ProblemKind.MERGE_NOT_LIST:
                continue
            kind = node.layer.kind
            if node.sequential:
                message = (
                    f"{node.layer.label} inside a Sequential model receives a single tensor: "
                    f"{kind} joins a list of tensors, and a Sequential passes only one"
                )
                hint = (
                    "remove it (Bidirectional already concatenates forward and backward "
                    f"outputs), or build the model with the functional API: {kind}()([a, b])"
                )
            else:
                message = f"{node.layer.label} is called on a single tensor: {kind} needs a list"
                hint = f"pass the tensors to join as a list: {kind}()([a, b])"
            rows = trace(chain_to(node, ctx), ctx, expected="a list of tensors")
            yield Finding(node.loc, message, hint, rows)

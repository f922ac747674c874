"""SL103: TimeDistributed applied to input without a time axis."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Applicability, Severity
from seqlint.rulekit.base import Finding, Rule, RuleContext, problem_nodes
from seqlint.rulekit.evidence import (
    chain_to,
    declaration_of,
    input_shape,
    made,
    time_axis_dropper,
    trace,
    where,
)
from seqlint.rulekit.repairs import return_sequences_fix
from seqlint.shapes.problems import ProblemKind


class TimeDistributedRank(Rule):
    code = "SL103"
    name = "time-distributed-rank"
    summary = "TimeDistributed is applied to input without a time axis."
    severity = Severity.ERROR
    fixable = (
        "safe: sets return_sequences=True on the recurrent layer that drops the time axis, "
        "when nothing else uses it"
    )
    explanation = """\
`TimeDistributed(layer)` applies `layer` to every step of a sequence, so its
input must be at least `(batch, timesteps, ...)`. After a Flatten, or after a
recurrent layer without `return_sequences=True`, there are no steps left and
Keras raises `TimeDistributed Layer should be passed an input_shape with at
least 3 dimensions`.

For one prediction per step, keep the time axis (`return_sequences=True`,
no Flatten). For one prediction per sequence, drop the TimeDistributed
wrapper: a plain Dense already works on `(batch, features)`."""
    bad_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape=(20, 8)),
            layers.LSTM(32),
            layers.TimeDistributed(layers.Dense(4)),  # expect: SL103
        ])
        """
    )
    keras_error = r"should be passed an `input_shape` with at least 3 dimensions"
    good_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape=(20, 8)),
            layers.LSTM(32, return_sequences=True),
            layers.TimeDistributed(layers.Dense(4)),
        ])
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for node, problem in problem_nodes(ctx):
            if problem.kind is not ProblemKind.RANK or node.layer.kind != "TimeDistributed":
                continue
            got = input_shape(node, ctx)
            if (
                got.rank is None
                or got.rank >= 3
                or declaration_of(node, ctx, 0, problem.expected_rank)
            ):
                continue  # input declarations of the wrong rank are SL102's
            message = (
                f"{node.layer.label} needs a time axis: expected input of rank >= 3 "
                f"(batch, timesteps, ...), got {got}"
            )
            dropper = time_axis_dropper(node, ctx)
            notes = {}
            fix = (
                None if dropper is None else return_sequences_fix(dropper, ctx, Applicability.SAFE)
            )
            if dropper is None:
                hint = "remove TimeDistributed: the wrapped layer can take this input directly"
            else:
                message += f"; {where(dropper.node)} returns {got} because {dropper.reason}"
                notes[dropper.node.id] = f"drops the time axis: {dropper.reason}"
                keep = (
                    f"set return_sequences=True on {made(dropper.node)}"
                    if dropper.reason == "return_sequences is False"
                    else f"remove {where(dropper.node)}"
                )
                hint = (
                    f"for one output per step, {keep}; for one output per sequence, "
                    "drop the TimeDistributed wrapper"
                )
            rows = trace(chain_to(node, ctx), ctx, notes=notes, expected="(batch, timesteps, ...)")
            yield Finding(node.loc, message, hint, rows, fix)

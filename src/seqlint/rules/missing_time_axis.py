"""SL101: a layer that needs a time axis receives a vector."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Applicability, Severity
from seqlint.dims import UNKNOWN
from seqlint.ir import Node
from seqlint.rulekit.base import Finding, Rule, RuleContext, problem_nodes
from seqlint.rulekit.evidence import (
    Dropper,
    chain_to,
    declaration_of,
    input_shape,
    is_recurrent,
    lacks_time_axis,
    made,
    time_axis_dropper,
    trace,
    where,
)
from seqlint.rulekit.feeding import BATCH_THE_DATASET, unbatched_source
from seqlint.rulekit.repairs import repeat_vector_fix, return_sequences_fix, size_text
from seqlint.rulekit.training import EncoderDecoder, encoder_decoder
from seqlint.shapes.problems import ShapeProblem

SEQUENCE = "(batch, timesteps, features)"


class MissingTimeAxis(Rule):
    code = "SL101"
    name = "missing-time-axis"
    summary = "A layer that needs a time axis receives input without one."
    severity = Severity.ERROR
    fixable = (
        "safe: sets return_sequences=True on the recurrent layer that drops the time axis, "
        "when a recurrent layer follows it and nothing else uses it; unsafe: inserts "
        "RepeatVector(T) before the decoder where the code looks like an encoder-decoder "
        "(the decoder's steps reach the output, and the model is fit to give back its input "
        "or on targets of T steps, not as many as its input); T is written as the code "
        "holds it where the decoder is made, when one name does (`RepeatVector(n_out)` in "
        "a builder function taking `n_out`) or, in a function, one array's axis "
        "(`RepeatVector(y.shape[1])`), else as the number"
    )
    explanation = """\
Recurrent layers (LSTM, GRU, SimpleRNN, Bidirectional), Conv1D, the 1-D
pooling layers, SpatialDropout1D and UpSampling1D read input of shape
`(batch, timesteps, features)`. When an
earlier layer has already collapsed the time axis -- most often an LSTM
without `return_sequences=True`, or a Flatten -- the next one receives
`(batch, features)` and Keras raises `Input 0 of layer "lstm_1" is
incompatible with the layer: expected ndim=3, found ndim=2` when the model is
built.

Stacked recurrent layers need `return_sequences=True` on every layer but the
last. In an encoder-decoder, where the encoder is meant to summarise the
sequence into one vector, repeat that vector over the output steps with
`RepeatVector(timesteps)` before the decoder."""
    bad_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape=(20, 8)),
            layers.LSTM(64),
            layers.LSTM(32),  # expect: SL101
            layers.Dense(1),
        ])
        """
    )
    keras_error = r"expected ndim=3, found ndim=2"
    good_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape=(20, 8)),
            layers.LSTM(64, return_sequences=True),
            layers.LSTM(32),
            layers.Dense(1),
        ])
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for node, problem in problem_nodes(ctx):
            index = problem.input_index or 0
            got = input_shape(node, ctx, index)
            if not lacks_time_axis(node, problem, got) or declaration_of(
                node, ctx, index, problem.expected_rank
            ):
                continue  # input declarations of the wrong rank are SL102's
            yield self._finding(node, index, problem, ctx)

    def _finding(self, node: Node, index: int, problem: ShapeProblem, ctx: RuleContext) -> Finding:
        got = input_shape(node, ctx, index)
        receiver = node.layer.label
        needed = problem.expected_rank or 3
        layout = SEQUENCE if needed == 3 else problem.expected  # a sequence of images
        message = f"{receiver} needs a time axis: expected input of rank {needed} {layout}"
        message += f", got {got}"
        assert got.rank is not None
        dropper = time_axis_dropper(node, ctx, index, got.rank)
        notes = {}
        fix = None
        feeding = None
        if dropper is not None and dropper.reason == "return_sequences is False" and needed == 3:
            feeding = encoder_decoder(node, dropper.node, ctx)
        if feeding is not None:
            fix = repeat_vector_fix(node, feeding.steps, ctx)
        elif dropper is not None and is_recurrent(node.layer):
            fix = return_sequences_fix(dropper, ctx, Applicability.SAFE)
        chain = chain_to(node, ctx, index)
        if dropper is None:
            hint = f"feed this layer a sequence {layout}"
            if unbatched_source(chain[0], ctx) is not None:
                hint = BATCH_THE_DATASET
        else:
            message += f"; {where(dropper.node)} returns {got} because {dropper.reason}"
            notes[dropper.node.id] = f"drops the time axis: {dropper.reason}"
            hint = _hint(node, dropper, feeding)
        rows = trace(chain, ctx, notes=notes, expected=layout)
        return Finding(node.loc, message, hint, rows, fix)


def _hint(receiver: Node, dropper: Dropper, feeding: EncoderDecoder | None) -> str:
    if dropper.reason != "return_sequences is False":
        return f"keep the time axis: remove or replace {where(dropper.node)}"
    stack = f"set return_sequences=True on {made(dropper.node)}"
    if feeding is None:
        return f"{stack} to stack the recurrent layers" if is_recurrent(receiver.layer) else stack
    steps = (
        size_text(feeding.steps, receiver.layer) if feeding.steps is not UNKNOWN else "output_steps"
    )
    repeat = f"insert RepeatVector({steps}) before {where(receiver)}"
    if not feeding.reconstructs:
        return f"{repeat} to repeat the encoder's vector over the targets' {steps} steps"
    return f"for an encoder-decoder, {repeat}; to stack the recurrent layers instead, {stack}"

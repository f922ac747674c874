"""SL108: a Conv1D kernel, a pooling window or an STFT frame longer than the sequence it
slides over."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.rulekit.base import Finding, Rule, RuleContext, problem_nodes
from seqlint.rulekit.evidence import chain_to, trace
from seqlint.shapes.problems import ProblemKind


class WindowLongerThanSequence(Rule):
    code = "SL108"
    name = "window-longer-than-sequence"
    summary = "A Conv1D kernel or pooling window is longer than the sequence it slides over."
    severity = Severity.ERROR
    explanation = """\
With `padding="valid"` (the default), `Conv1D`, `MaxPooling1D`,
`AveragePooling1D` and `STFTSpectrogram` only place their window where it fits
entirely inside the sequence: the output has `(steps - window) // strides + 1`
steps. When the window (`kernel_size`, widened by `dilation_rate`, `pool_size`,
or a spectrogram's `frame_length`) is longer than the sequence, no position
fits and Keras raises when the layer is built: `Computed output size would be
zero or negative`. It often
happens after earlier layers have already shortened the sequence (a
pooling halves it, each valid convolution removes `kernel_size - 1` steps).

`padding="same"` (and `"causal"` for `Conv1D`) pads the sequence instead
and works on any length; otherwise use a shorter window or longer
sequences. Unknown lengths (a `None` time axis, a size seqlint cannot
evaluate) are not reported."""
    bad_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape=(12, 3)),
            layers.Conv1D(16, 5, activation="relu"),
            layers.MaxPooling1D(2),
            layers.Conv1D(16, 5, activation="relu"),  # expect: SL108
            layers.GlobalMaxPooling1D(),
            layers.Dense(1),
        ])
        """
    )
    keras_error = r"Computed output size would be zero or negative"
    good_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape=(12, 3)),
            layers.Conv1D(16, 5, activation="relu"),
            layers.MaxPooling1D(2),
            layers.Conv1D(16, 5, activation="relu", padding="same"),
            layers.GlobalMaxPooling1D(),
            layers.Dense(1),
        ])
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for node, problem in problem_nodes(ctx):
            if problem.kind is not ProblemKind.LENGTH:
                continue
            message = (
                f"{node.layer.label}: {problem.message}; Keras raises when it builds the layer"
            )
            hint = (
                'use padding="same" to keep the length, or a shorter window '
                "(kernel_size, dilation_rate, pool_size, frame_length), or longer sequences"
            )
            rows = trace(chain_to(node, ctx), ctx, expected=problem.expected)
            yield Finding(node.loc, message, hint, rows)

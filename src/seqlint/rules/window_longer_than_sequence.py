"""SL108: a convolution kernel, pooling window, cropping or STFT frame longer than the axis it
covers (the steps of a sequence, the height or width of an image)."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import Layer
from seqlint.rulekit.base import Finding, Rule, RuleContext, problem_nodes
from seqlint.rulekit.evidence import chain_to, trace
from seqlint.shapes.catalogue import spec
from seqlint.shapes.problems import ProblemKind


class WindowLongerThanSequence(Rule):
    code = "SL108"
    name = "window-longer-than-sequence"
    summary = "A convolution, pooling or cropping window is longer than the axis it covers."
    severity = Severity.ERROR
    explanation = """\
With `padding="valid"` (the default), convolutions (`Conv1D`, `Conv2D`,
`Conv3D`, their depthwise and separable variants), pooling layers
(`MaxPooling1D/2D/3D`, `AveragePooling1D/2D/3D`) and `STFTSpectrogram` only
place their window where it fits entirely inside the input: along each axis the
output has `(size - window) // strides + 1` positions. When the window
(`kernel_size`, widened by `dilation_rate`, `pool_size`, or a spectrogram's
`frame_length`) is longer than an axis -- the steps of a sequence, the height or
width of an image -- no position fits and Keras raises when the layer is built:
`Computed output size would be zero or negative`. It often happens after
earlier layers have already shrunk the input (a pooling halves it, each valid
convolution removes `kernel_size - 1` positions), also inside
`TimeDistributed`. `Cropping1D/2D/3D` likewise refuses to crop a whole axis
away.

`padding="same"` (and `"causal"` for `Conv1D`) pads the input instead and
works on any size; otherwise use a smaller window or cropping, or a larger
input. Unknown sizes (a `None` axis, a size seqlint cannot evaluate) are not
reported."""
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
            if _crops(node.layer):
                hint = "crop less than the axis holds, or give the layer a larger input"
            else:
                hint = (
                    'use padding="same" to keep the size, or a smaller window '
                    "(kernel_size, dilation_rate, pool_size, frame_length), or a larger input"
                )
            rows = trace(chain_to(node, ctx), ctx, expected=problem.expected)
            yield Finding(node.loc, message, hint, rows)


def _crops(layer: Layer) -> bool:
    """A cropping layer (or one wrapped in TimeDistributed): its window is its ``cropping``."""
    inner = layer.get("layer")
    found = spec(inner.kind if isinstance(inner, Layer) else layer.kind)
    return found is not None and "cropping" in found.positional

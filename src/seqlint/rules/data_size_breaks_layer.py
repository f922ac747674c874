"""SL227: a layer fails on the sizes the data gives an Input's undefined (None) axes."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.dims import Shape
from seqlint.ir import Array
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.data_sizes import SizedBreak, data_sized_breaks, given_sizes
from seqlint.rulekit.evidence import trace
from seqlint.rulekit.feeding import Feed, data_name


class DataSizeBreaksLayer(Rule):
    code = "SL227"
    name = "data-size-breaks-layer"
    summary = "A layer fails on the size the fit or predict data gives an Input's None axis."
    severity = Severity.ERROR
    explanation = """\
An Input declared with an undefined size (`Input(shape=(None,))`, a decoder of
any length) builds a model for every size on that axis, so nothing fails when
Keras builds it. The data given to `fit` or `predict` fixes the size, and a
layer that joins that axis with a fixed one fails there: a `Concatenate` of a
7-step decoder output with a 30-step attention context, an `Add` of the data's
steps with a weight made for 30 (`Dimension 1 in both shapes must be equal`).

seqlint takes the sizes of the arrays the script gives the model, runs the model
again with them, and reports the first layer that cannot take them (a layer that
fails on the declared sizes already is another rule's). Make the two tensors
agree for every length the data may have (here, query the attention with the
decoder: `Attention()([decoder_outputs, encoder_outputs])`), or declare the
length the data has."""
    bad_example = dedent(
        """\
        import keras
        import numpy as np
        from keras import layers

        encoder_in = keras.Input(shape=(30, 4))
        decoder_in = keras.Input(shape=(None, 4))
        encoded = layers.LSTM(8, return_sequences=True)(encoder_in)
        decoded = layers.LSTM(8, return_sequences=True)(decoder_in)
        context = layers.Attention()([encoded, decoded])
        joined = layers.Concatenate()([decoded, context])  # expect: SL227
        outputs = layers.Dense(1)(joined)
        model = keras.Model([encoder_in, decoder_in], outputs)
        model.predict([np.zeros((2, 30, 4)), np.zeros((2, 7, 4))], verbose=0)
        """
    )
    keras_error = r"must be equal|Incompatible shapes|Dimension"
    good_example = dedent(
        """\
        import keras
        import numpy as np
        from keras import layers

        encoder_in = keras.Input(shape=(30, 4))
        decoder_in = keras.Input(shape=(None, 4))
        encoded = layers.LSTM(8, return_sequences=True)(encoder_in)
        decoded = layers.LSTM(8, return_sequences=True)(decoder_in)
        context = layers.Attention()([decoded, encoded])
        joined = layers.Concatenate()([decoded, context])
        outputs = layers.Dense(1)(joined)
        model = keras.Model([encoder_in, decoder_in], outputs)
        model.predict([np.zeros((2, 30, 4)), np.zeros((2, 7, 4))], verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for hit in data_sized_breaks(ctx):
            yield self._finding(hit, ctx)

    def _finding(self, hit: SizedBreak, ctx: RuleContext) -> Finding:
        sizes = "; ".join(_sizes(feed, ctx) for feed in hit.feeds)
        shown = ", ".join(str(s) for s in hit.inputs)
        message = (
            f"{hit.node.layer.label} fails when {hit.call.method} runs the model on its data: "
            f"{sizes}, so it gets {shown}: {hit.problem.message}"
        )
        hint = hit.problem.hint or "make the layer's inputs agree for every size the data may have"
        rows = trace([hit.node], ctx, expected=hit.problem.expected)
        return Finding(hit.node.loc, message, hint, rows)


def _sizes(feed: Feed, ctx: RuleContext) -> str:
    """``x_dec (line 9) of shape (2, 7) gives Input(shape=(None, 4)) 7 on axis 1``."""
    given = ", ".join(f"{size} on axis {axis}" for axis, size in given_sizes(feed, ctx))
    data = feed.data
    assert isinstance(data, Array) and data.shape is not None  # a feed that sized an Input
    return (
        f"{data_name(data, 'the data')} of shape {Shape(data.shape)} gives "
        f"{feed.input.layer.label} {given}"
    )

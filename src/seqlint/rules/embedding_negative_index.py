"""SL244: negative indices that an Embedding wraps onto the rows of real indices."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.dims import is_known
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.evidence import trace
from seqlint.rulekit.feeding import data_name, embedding_lookups


class EmbeddingNegativeIndex(Rule):
    code = "SL244"
    name = "embedding-negative-index"
    summary = "Negative indices reach an Embedding, which reads them as the rows of real indices."
    severity = Severity.WARNING
    explanation = """\
Keras 3's `Embedding` looks its indices up with `keras.ops.take`, which wraps
negative indices like numpy: in `Embedding(V, ...)` index -1 reads row `V - 1`,
index -2 row `V - 2`. Nothing fails -- not in `fit`, not in `predict` (only
indices below `-V` raise, SL210). A `-1` used as padding or as an "unknown
word" marker then shares its vector with the last word of the vocabulary: the
model cannot tell them apart, and every padded step trains that word's vector.

Reported when the wrapped rows are rows the data also uses for real indices.
Reserve a real index instead (0 for padding, with `mask_zero=True` if the
model should skip it; `len(vocabulary) + 1` for unknown words) and size
`input_dim` for it."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.randint(-1, 100, size=(64, 20))  # -1 marks padding
        y = np.random.randint(0, 2, size=(64, 1))
        model = keras.Sequential([
            keras.Input(shape=(20,)),
            layers.Embedding(100, 16),  # expect: SL244
            layers.LSTM(16),
            layers.Dense(1, activation="sigmoid"),
        ])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.randint(-1, 100, size=(64, 20)) + 1  # 0 marks padding
        y = np.random.randint(0, 2, size=(64, 1))
        model = keras.Sequential([
            keras.Input(shape=(20,)),
            layers.Embedding(101, 16, mask_zero=True),
            layers.LSTM(16),
            layers.Dense(1, activation="sigmoid"),
        ])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        reported: set[int] = set()
        for lookup in embedding_lookups(ctx):
            node, vocabulary, low, high = (
                lookup.embedding,
                lookup.vocabulary,
                lookup.low,
                lookup.high,
            )
            feed = lookup.feed
            if node.id in reported or feed is None or not (is_known(vocabulary) and is_known(high)):
                continue
            if not -vocabulary <= low < 0:
                continue
            if high > vocabulary or vocabulary + low >= high:
                continue  # SL210's, or the wrapped rows are rows no real index uses
            reported.add(node.id)
            row = vocabulary + low
            message = (
                f"{data_name(feed.data)} holds indices in [{low}, {lookup.high}) and "
                f"{feed.call.method} at line {feed.call.loc.line} feeds it to "
                f"{node.layer.label}: Keras wraps negative indices like numpy, so index {low} "
                f"reads row {row}, the vector of the real index {row}; nothing fails, and "
                "the model cannot tell them apart"
            )
            hint = (
                f"give negative markers indices of their own: shift the data by {-low} and "
                f"set input_dim to {vocabulary - low} (0 for padding, with mask_zero=True to "
                "skip it)"
            )
            yield Finding(node.loc, message, hint, trace([feed.input, node], ctx))

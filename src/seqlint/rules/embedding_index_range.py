"""SL210: data holding indices beyond an Embedding's vocabulary."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.evidence import trace
from seqlint.rulekit.feeding import data_name, embedding_lookups


class EmbeddingIndexRange(Rule):
    code = "SL210"
    name = "embedding-index-range"
    summary = "The data holds indices the Embedding cannot look up: >= input_dim or < -input_dim."
    severity = Severity.ERROR
    explanation = """\
`Embedding(input_dim=V, ...)` holds one vector per index in `[0, V)`:
`input_dim` is the vocabulary size, the largest index + 1. Data made by
`np.random.randint(0, 8000, ...)` holds indices up to 7999; fed straight into
`Embedding(4000, 64)` the lookup fails when `fit` runs the first batch
(TensorFlow on CPU: `InvalidArgumentError: indices[3,7] = 5012 is not in
[0, 4000)`, in `fit`, `evaluate` and `predict` alike; on GPU, TensorFlow's
gather documents zeros for out-of-range indices instead of an error: the model
trains on blank vectors). Negative indices are wrapped once, like numpy's
(`keras.ops.take`: index -1 reads row `V - 1`); only those below `-V` raise.
Negative indices that wrap silently are SL244's.

The fix is `input_dim` = largest index + 1 (e.g. `len(tokenizer.word_index) + 1`
when index 0 is padding), or data mapped into the vocabulary."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.randint(0, 8000, size=(64, 20))
        y = np.random.randint(0, 2, size=(64, 1))
        model = keras.Sequential([
            keras.Input(shape=(20,)),
            layers.Embedding(4000, 16),  # expect: SL210
            layers.LSTM(16),
            layers.Dense(1, activation="sigmoid"),
        ])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )
    keras_error = r"indices\[\d+,\d+\] = \d+ is not in \[0, 4000\)"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.randint(0, 8000, size=(64, 20))
        y = np.random.randint(0, 2, size=(64, 1))
        model = keras.Sequential([
            keras.Input(shape=(20,)),
            layers.Embedding(8000, 16),
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
            node, vocabulary = lookup.embedding, lookup.vocabulary
            too_high = lookup.high - 1 >= vocabulary
            if node.id in reported or not (too_high or lookup.low < -vocabulary):
                continue
            reported.add(node.id)
            feed = lookup.feed
            worst = lookup.high - 1 if too_high else lookup.low
            message = (
                f"{node.layer.label} holds vectors for indices [0, {vocabulary}), but "
                f"{data_name(feed.data)} holds indices in [{lookup.low}, {lookup.high}) and "
                f"{feed.call.method} at {feed.call.loc.place} feeds it to this layer: "
                f"index {worst} is out of range"
            )
            if too_high:
                message += ", and TensorFlow's lookup raises on CPU"
                hint = (
                    f"set input_dim to the largest index + 1 ({lookup.high}), or map the data "
                    f"into [0, {vocabulary})"
                )
            else:
                message += (
                    f" even after Keras wraps negative indices (index + {vocabulary}), "
                    "and TensorFlow's lookup raises on CPU"
                )
                hint = f"map the data into [0, {vocabulary}): indices below -{vocabulary} never fit"
            rows = trace([feed.input, node], ctx)
            yield Finding(node.loc, message, hint, rows)

"""SL210: data holding indices beyond an Embedding's vocabulary."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.dims import difference, is_known, shown
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.evidence import trace
from seqlint.rulekit.feeding import Lookup, data_name, embedding_lookups, last_index


class EmbeddingIndexRange(Rule):
    code = "SL210"
    name = "embedding-index-range"
    summary = (
        "An Embedding gets indices it cannot look up (>= input_dim or < -input_dim): data, "
        "a lookup layer's output."
    )
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

Where the indices come from, the largest is known:

- a lookup layer of the model whose vocabulary the source lists: `StringLookup`,
  `IntegerLookup` and `TextVectorization` give `[0, vocabulary_size())`, the
  vocabulary plus the mask index (when `mask_token` is set) and the
  `num_oov_indices` OOV indices (1 by default, index 0 or 1); `Hashing` gives
  `[0, num_bins)`, `Discretization` one bin more than its `bin_boundaries`.
  `Embedding(len(vocabulary))` after `StringLookup(vocabulary=vocabulary)` has no
  row for the last word;
- a vocabulary the script builds: a dict grown by `d.setdefault(w, len(d) + 1)`
  (or `d[w] = len(d) + 1` under `if w not in d:`) gives ids `[1, len(d) + 1)`,
  `{w: i + 1 for i, w in enumerate(words)}` ids up to `len(words)`, a
  `Tokenizer` without `num_words` ids `[1, len(tokenizer.word_index) + 1)`; the
  sequences made of them (`[[d[w] for w in s.split()] for s in texts]`,
  `pad_sequences`, `np.array`) keep that range, and `Embedding(len(d))` is
  compared with it as a size, whatever the number of words;
- pretrained weights: `Embedding(weights=[matrix])` holds one row per row of
  `matrix`, at most `len(d)` when the matrix keeps only the words with a vector.

A vocabulary that changes after its ids were made (a word added, a second
`fit_on_texts`, a helper seqlint does not follow) is no longer compared.

The fix is `input_dim` = largest index + 1 (e.g. `len(tokenizer.word_index) + 1`
when index 0 is padding, `lookup.vocabulary_size()` after a lookup), or data
mapped into the vocabulary."""
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
            beyond = lookup.beyond
            too_high = beyond is not None and beyond > 0
            too_low = is_known(vocabulary) and lookup.low < -vocabulary
            if node.id in reported or not (too_high or too_low):
                continue
            reported.add(node.id)
            yield self._finding(lookup, too_high, ctx)

    def _finding(self, lookup: Lookup, too_high: bool, ctx: RuleContext) -> Finding:
        node, vocabulary, call = lookup.embedding, shown(lookup.vocabulary), lookup.call
        worst = last_index(lookup.high) if too_high else str(lookup.low)
        indices = f"[{lookup.low}, {shown(lookup.high)})"
        holds = f"{node.layer.label} holds vectors for indices [0, {vocabulary})"
        rows = lookup.rows
        bounded = rows is not None and difference(lookup.high, lookup.vocabulary) is None
        if bounded:
            assert rows is not None
            holds = (
                f"{node.layer.label} holds one vector per row of "
                f"{data_name(rows.matrix, 'its weights')}, which has at most "
                f"{shown(rows.at_most)} rows (a comprehension that keeps some of "
                f"{shown(rows.at_most)} items)"
            )
        if lookup.source is not None:
            source = lookup.source
            detail = (
                f" ({lookup.indices.detail})" if lookup.indices and lookup.indices.detail else ""
            )
            message = (
                f"{holds}, but {source.layer.label} at {source.layer.loc.place} gives it "
                f"indices in {indices}{detail} and {call.method} at {call.loc.place} runs the "
                f"model: index {worst} is out of range, and TensorFlow's lookup raises on CPU"
            )
            hint = (
                f"set input_dim to {shown(lookup.high)}, the number of indices "
                f"{source.layer.label} gives"
            )
            if lookup.indices is not None and lookup.indices.vocabulary:
                hint += " (its vocabulary_size(), which counts the mask and OOV indices)"
            return Finding(node.loc, message, hint, trace([source, node], ctx))
        feed = lookup.feed
        assert feed is not None
        message = (
            f"{holds}, but {data_name(feed.data)} holds indices in {indices} and "
            f"{call.method} at {call.loc.place} feeds it to this layer: "
            f"index {worst} is out of range"
        )
        if bounded:
            message += ", and TensorFlow's lookup raises on CPU"
            hint = (
                f"give the weights one row per index ({shown(lookup.high)} rows, zeros where "
                "there is no vector) and size input_dim from them"
            )
        elif too_high:
            message += ", and TensorFlow's lookup raises on CPU"
            hint = (
                f"set input_dim to the largest index + 1 ({shown(lookup.high)}), or map the "
                f"data into [0, {vocabulary})"
            )
        else:
            message += (
                f" even after Keras wraps negative indices (index + {vocabulary}), "
                "and TensorFlow's lookup raises on CPU"
            )
            hint = f"map the data into [0, {vocabulary}): indices below -{vocabulary} never fit"
        return Finding(node.loc, message, hint, trace([feed.input, node], ctx))

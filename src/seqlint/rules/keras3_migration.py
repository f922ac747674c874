"""SL213: Keras 2 idioms that Keras 3 ignores or keeps only in its legacy namespace."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.dims import is_known, same
from seqlint.ir import Batches, Layer, Node
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rules.degenerate_window import degenerate_windows


class Keras3Migration(Rule):
    code = "SL213"
    name = "keras3-migration"
    summary = "A Keras 2 idiom that Keras 3 ignores or keeps only in the legacy tf.keras namespace."
    keras3_only = True
    severity = Severity.INFO
    explanation = """\
Code written for Keras 2 still runs under Keras 3 (TensorFlow >= 2.16) in
places, but not as it reads:

- `Embedding(..., input_length=20)`: Keras 3 accepts the argument with a
  warning ("Argument `input_length` is deprecated. Just remove it.") and
  ignores it. It no longer declares the sequence length: a Sequential model
  without an `Input` stays unbuilt (no `summary()`, no shapes) until it sees
  data. Declare the input instead: `keras.Input(shape=(20,))` as the first
  layer. (Not reported when the script fits the model on data whose length
  seqlint knows and equals `input_length`: Keras builds it from that data.)
- `TimeseriesGenerator` survives only in the legacy `tf.keras` namespace
  (`keras.src.legacy`): `keras.preprocessing.sequence` exports only
  `pad_sequences`, so with standalone Keras 3
  `from keras.preprocessing.sequence import TimeseriesGenerator` raises
  ImportError. Its replacement, `keras.utils.timeseries_dataset_from_array`,
  aligns targets differently: it pairs the window starting at `i` with
  `targets[i]`, where TimeseriesGenerator used `targets[i + length]`. Pass
  `targets=data[length:]` to keep the same pairs.

What Keras 3 removed altogether, so that the script raises, has rules of its
own: `fit_generator` and its kin (SL214), `batch_input_shape=` (SL215),
`CuDNNLSTM`/`CuDNNGRU` (SL216), optimizer `lr=` (SL217), removed arguments of
`fit` and friends (SL218), `predict_classes`/`predict_proba` (SL219), one
`metrics` list for several outputs (SL220). Off when the code targets Keras 2
(`target-keras = "2"`), where `input_length` declares the input."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.randint(1, 1000, size=(32, 30))
        y = np.random.randint(0, 2, size=(32, 1))
        model = keras.Sequential([
            layers.Embedding(1000, 16, input_length=20),  # expect: SL213
            layers.LSTM(16),
            layers.Dense(1, activation="sigmoid"),
        ])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)

        series = np.random.rand(100, 2)
        windows = keras.preprocessing.sequence.TimeseriesGenerator(  # expect: SL213
            series, series[:, 0], length=5, batch_size=16
        )
        forecaster = keras.Sequential([
            keras.Input(shape=(5, 2)),
            layers.LSTM(8),
            layers.Dense(1),
        ])
        forecaster.compile(optimizer="adam", loss="mse")
        forecaster.fit(windows, epochs=1, verbose=0)
        """
    )
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.randint(1, 1000, size=(32, 30))
        y = np.random.randint(0, 2, size=(32, 1))
        model = keras.Sequential([
            keras.Input(shape=(30,)),
            layers.Embedding(1000, 16),
            layers.LSTM(16),
            layers.Dense(1, activation="sigmoid"),
        ])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)

        series = np.random.rand(100, 2)
        windows = keras.utils.timeseries_dataset_from_array(
            series, series[5:, 0], sequence_length=5, batch_size=16
        )
        forecaster = keras.Sequential([
            keras.Input(shape=(5, 2)),
            layers.LSTM(8),
            layers.Dense(1),
        ])
        forecaster.compile(optimizer="adam", loss="mse")
        forecaster.fit(windows, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        seen: set[int] = set()
        for node in ctx.ir.nodes:
            layer = node.layer
            if id(layer) in seen or layer.kind != "Embedding" or "input_length" not in layer.config:
                continue
            seen.add(id(layer))
            if _data_gives_the_length(node, ctx):
                continue  # Keras builds the model from data of that very length: harmless
            yield _input_length_finding(layer)
        # A generator of one-step windows is SL212's, whose hint carries the migration.
        degenerate = {id(batches) for batches, _ in degenerate_windows(ctx)}
        for call in ctx.ir.training:
            batches = call.args.get("x")
            if not isinstance(batches, Batches) or batches.maker != "TimeseriesGenerator":
                continue
            if id(batches) in seen or id(batches) in degenerate:
                continue
            seen.add(id(batches))
            yield _generator_finding(batches)


def _data_gives_the_length(node: Node, ctx: RuleContext) -> bool:
    """The Embedding's input comes straight from fit data whose length is input_length."""
    if not node.inputs:
        return False
    source = ctx.ir.node(node.inputs[0])
    if source.declared_by != "data":
        return False
    dims = ctx.shapes.at(source).output(0).dims
    length = node.layer.get("input_length")
    return dims is not None and len(dims) == 2 and same(dims[1], length) is True


def _input_length_finding(layer: Layer) -> Finding:
    length = layer.get("input_length")
    steps = str(length) if is_known(length) else "maxlen"
    message = (
        f"{layer.label}: Keras 3 ignores input_length (it only warns that the argument is "
        f"deprecated); it no longer declares the sequence length, and a Sequential model "
        f"without an Input stays unbuilt until it sees data"
    )
    hint = f"remove input_length and declare the input: keras.Input(shape=({steps},))"
    return Finding(layer.loc, message, hint)


def _generator_finding(batches: Batches) -> Finding:
    window = str(batches.window) if is_known(batches.window) else "length"
    message = (
        "TimeseriesGenerator is legacy in Keras 3: only tf.keras keeps it, and "
        "keras.preprocessing.sequence exports only pad_sequences "
        "(`from keras.preprocessing.sequence import TimeseriesGenerator` raises ImportError)"
    )
    hint = (
        f"use keras.utils.timeseries_dataset_from_array(data, targets[{window}:], "
        f"sequence_length={window}): it pairs the window starting at i with targets[i], "
        f"so shift the targets by the window length to keep TimeseriesGenerator's pairs"
    )
    return Finding(batches.loc, message, hint)

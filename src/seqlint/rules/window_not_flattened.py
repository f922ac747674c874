"""SL247: the datasets ``window()`` makes used as tensors: indexed, or handed to fit/evaluate/
predict."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import Batches
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.feeding import data_calls


class WindowNotFlattened(Rule):
    code = "SL247"
    name = "window-not-flattened"
    summary = "The datasets window() makes are used as tensors: indexed, or handed to fit."
    severity = Severity.ERROR
    explanation = """\
`dataset.window(size, shift)` does not yield tensors: each element is a small
*dataset* holding the window's items (one per part of a `(x, y)` element).
`batch()` after it batches those datasets as they are. Keras cannot feed them
to a model: `fit`, `evaluate` and `predict` raise `ValueError: Only input
tensors may be passed as positional arguments` (the element is a
`_NestedVariant`), and a function that indexes or slices a window
(`map(lambda w: (w[:-1], w[-1]))`) raises `TypeError: '_VariantDataset' object
is not subscriptable`. The windows have to be turned back into tensors first, by
`flat_map(lambda w: w.batch(size))`, which yields each window as one tensor of
`size` items; then split it into inputs and targets and batch.

seqlint follows the pipeline from `window()` through `batch`, `shuffle`,
`prefetch`, `repeat` and the other methods that keep the elements, and into
the functions `map` runs on them (an index on a path that certainly runs is
reported); a `map` or `flat_map` that it cannot follow makes the elements
unknown, and nothing is reported."""
    bad_example = dedent(
        """\
        import numpy as np
        import tensorflow as tf
        import keras

        series = np.arange(200, dtype="float32")
        dataset = tf.data.Dataset.from_tensor_slices(series)
        dataset = dataset.window(6, shift=1, drop_remainder=True)
        dataset = dataset.batch(16, drop_remainder=True)
        model = keras.Sequential([keras.Input(shape=(6,)), keras.layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(dataset, epochs=1, verbose=0)  # expect: SL247
        """
    )
    keras_error = r"Only input tensors may be passed as positional arguments"
    good_example = dedent(
        """\
        import numpy as np
        import tensorflow as tf
        import keras

        series = np.arange(200, dtype="float32")
        dataset = tf.data.Dataset.from_tensor_slices(series)
        dataset = dataset.window(6, shift=1, drop_remainder=True)
        dataset = dataset.flat_map(lambda window: window.batch(6))
        dataset = dataset.map(lambda window: (window[:-1], window[-1:]))
        dataset = dataset.batch(16, drop_remainder=True)
        model = keras.Sequential([keras.Input(shape=(5,)), keras.layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(dataset, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        lines = {indexed.loc.line: indexed for indexed in reversed(ctx.ir.indexed_windows)}
        for indexed in sorted(lines.values(), key=lambda i: i.loc.line):  # one per line
            line = indexed.made.line
            message = (
                f"this indexes a window that window() makes at line {line}: each window is a "
                "dataset of the window's items, not a tensor, and a dataset cannot be indexed "
                "or sliced (TypeError: not subscriptable)"
            )
            hint = (
                f"turn each window into one tensor after the window() at line {line}: "
                ".flat_map(lambda w: w.batch(WINDOW_SIZE)), then index it"
            )
            yield Finding(indexed.loc, message, hint)
        for call in data_calls(ctx):
            given = call.args.get("x")
            if not isinstance(given, Batches) or given.windows is None:
                continue
            line = given.windows.line
            message = (
                f"the dataset given to {call.method} yields the windows window() makes at "
                f"line {line}: each element is a dataset of the window's items, not a tensor, "
                f"and Keras cannot feed it to the model"
            )
            hint = (
                f"turn each window into one tensor after the window() at line {line}: "
                ".flat_map(lambda w: w.batch(WINDOW_SIZE)), then split inputs and targets "
                "with .map and batch"
            )
            yield Finding(call.loc, message, hint)

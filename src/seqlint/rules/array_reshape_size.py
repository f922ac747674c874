"""SL240: a numpy reshape whose new shape cannot hold the array's elements."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.dims import Dim, is_known, product
from seqlint.ir import ArrayReshape
from seqlint.rulekit.base import Finding, Rule, RuleContext


class ArrayReshapeSize(Rule):
    code = "SL240"
    name = "array-reshape-size"
    summary = "A numpy reshape asks for a shape that cannot hold the array's elements."
    severity = Severity.ERROR
    explanation = """\
Sequence models want `(samples, timesteps, features)`, and data is usually
reshaped into it: `X.reshape((samples, timesteps, features))`. The new shape
must hold exactly as many elements as the array has; otherwise numpy raises
`ValueError: cannot reshape array of size N into shape (...)` before the model
ever sees the data. It typically means the features or timesteps asked for are
not the data's: one column reshaped as if it were several, windows of another
length, a `-1` that cannot divide the size. seqlint reports it when both
element counts are known, or when they share the same named sizes (the
samples, `X.shape[0]`) and differ in the rest: wrong for any non-empty data."""
    bad_example = dedent(
        """\
        import numpy as np
        import keras

        series = np.random.rand(200, 1)
        X = series.reshape((200, 10, 3))  # expect: SL240
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            keras.layers.LSTM(8),
            keras.layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, np.random.rand(200, 1), epochs=1, verbose=0)
        """
    )
    keras_error = r"cannot reshape array of size 200 into shape \(200,10,3\)"
    good_example = dedent(
        """\
        import numpy as np
        import keras

        series = np.random.rand(200, 1)
        X = series.reshape((20, 10, 1))
        model = keras.Sequential([
            keras.Input(shape=(10, 1)),
            keras.layers.LSTM(8),
            keras.layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, np.random.rand(20, 1), epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for reshape in ctx.ir.array_reshapes:
            yield _finding(reshape)


def _finding(reshape: ArrayReshape) -> Finding:
    array = reshape.array
    shape = array.shape or ()
    made = f" (line {array.loc.line})" if array.loc is not None else ""
    wanted = tuple(d for d in reshape.shape if d != -1)
    message = (
        f"{reshape.origin}{made} has shape {_text(shape)}, {_count(shape)} elements; "
        f"reshape to {_text(reshape.shape)} needs "
        + (f"a multiple of {_count(wanted)}" if -1 in reshape.shape else _count(wanted))
        + ": numpy raises ValueError (cannot reshape array)"
    )
    hint = "ask for a shape of as many elements as the array has: check the timesteps and "
    hint += "features against the data's columns, or let numpy infer one size with -1"
    return Finding(reshape.loc, message, hint)


def _count(dims: tuple[Dim, ...]) -> str:
    """``6000``, or ``W.shape[0] * 300`` with the sizes known only by name first."""
    known = product(tuple(d for d in dims if is_known(d)))
    names = [str(d) for d in dims if not is_known(d)]
    return " * ".join([*names, str(known)] if known != 1 or not names else names)


def _text(dims: tuple[Dim, ...]) -> str:
    inner = ", ".join(str(d) for d in dims)
    return f"({inner},)" if len(dims) == 1 else f"({inner})"

"""SL229: the losses of a multi-output model given in the wrong order."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.fixes import Fix
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.repairs import swap_items
from seqlint.rulekit.training import LossSwap, OutputUse, fit_sites, loss_swaps
from seqlint.shapes.keras2 import tf_keras2
from seqlint.shapes.losses import Verdict


class SwappedLosses(Rule):
    code = "SL229"
    name = "swapped-losses"
    summary = "Two outputs' losses are swapped: each fails its own targets and fits the other's."
    severity = Severity.ERROR
    keras3_only = True  # Keras 2 broadcasts the regression loss against the labels
    fixable = "safe: exchanges the two losses in the list or dict, when compile has no loss_weights"
    explanation = """\
`compile(loss=[...])` gives the losses to a multi-output model's outputs by
position (a dict, by output name). Listed in the wrong order, each output
gets a loss made for another one: `sparse_categorical_crossentropy` on the
regression output, `mse` on the 10-class output. `fit` raises for one of them
(here `mse` cannot line up 10 class probabilities with one class index per
sample: `Dimensions must be equal`); had it not, the other would train
silently wrong (a crossentropy over one unit is always 0).

seqlint reports the swap once, at the call that fits the targets, when two
outputs each fail their own targets, each loss fits the other output's
targets, and no third output could take either loss. The per-output findings
(SL201-SL205) stay silent for those outputs."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 4)
        prices = np.random.rand(32, 1)
        labels = np.random.randint(0, 10, size=(32,))
        inputs = keras.Input(shape=(10, 4))
        h = layers.LSTM(16)(inputs)
        price = layers.Dense(1, name="price")(h)
        label = layers.Dense(10, activation="softmax", name="label")(h)
        model = keras.Model(inputs, [price, label])
        model.compile(optimizer="adam", loss=["sparse_categorical_crossentropy", "mse"])
        model.fit(X, [prices, labels], epochs=1, verbose=0)  # expect: SL229
        """
    )
    keras_error = r"Dimensions must be equal"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 4)
        prices = np.random.rand(32, 1)
        labels = np.random.randint(0, 10, size=(32,))
        inputs = keras.Input(shape=(10, 4))
        h = layers.LSTM(16)(inputs)
        price = layers.Dense(1, name="price")(h)
        label = layers.Dense(10, activation="softmax", name="label")(h)
        model = keras.Model(inputs, [price, label])
        model.compile(optimizer="adam", loss=["mse", "sparse_categorical_crossentropy"])
        model.fit(X, [prices, labels], epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        keras2 = tf_keras2(ctx.target)
        for site in fit_sites(ctx):
            for swap in loss_swaps(site, keras2):
                yield _finding(swap)


def _finding(swap: LossSwap) -> Finding:
    a, b = swap.uses
    assert a.loss is not None and b.loss is not None
    compile_call = swap.site.compile
    raising = next(
        (use, check)
        for use, check in zip(swap.uses, swap.checks, strict=True)
        if check.verdict is Verdict.RAISES
    )
    message = (
        f"the losses of {a.name} and {b.name} are swapped: compile at "
        f"{compile_call.loc.place} gives {a.loss.label} to {_output(a)} and {b.loss.label} to "
        f"{_output(b)}, and each fits the other output's targets; Keras raises for "
        f"{raising[0].name}: {raising[1].reason}"
    )
    hint = f"give {b.loss.label} to {a.name} and {a.loss.label} to {b.name}"
    return Finding(swap.site.call.loc, message, hint, fix=_fix(swap, hint))


def _output(use: OutputUse) -> str:
    return f"{use.name} ({use.head.where})"


def _fix(swap: LossSwap, message: str) -> Fix | None:
    """Exchange the two losses where compile lists them; none when loss_weights (whose order
    may be swapped too, or not) weigh them."""
    if "loss_weights" in swap.site.compile.args:
        return None
    return swap_items(swap.site, "loss", *swap.uses, message)

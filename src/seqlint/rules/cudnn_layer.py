"""SL216: CuDNNLSTM / CuDNNGRU, which Keras 3 removed."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Applicability, Severity
from seqlint.fixes import Fix, RenameAttribute, RenameImported
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.legacy import Lack, lacks_of, target_label


class CudnnLayer(Rule):
    code = "SL216"
    name = "cudnn-layer"
    summary = "CuDNNLSTM / CuDNNGRU: gone from tf.keras since 2.6, and from Keras 3."
    severity = Severity.ERROR
    fixable = (
        "safe: `from keras.layers import CuDNNLSTM` becomes `import LSTM as CuDNNLSTM`, and "
        "`layers.CuDNNLSTM` becomes `layers.LSTM` (GRU alike)"
    )
    explanation = """\
Keras 2.0-2.3 had GPU-only `CuDNNLSTM` and `CuDNNGRU` layers. Keras 3 has
neither: `from keras.layers import CuDNNLSTM` (or `tensorflow.keras.layers`)
raises `ImportError: cannot import name 'CuDNNLSTM'`, and
`layers.CuDNNLSTM(...)` raises AttributeError.

`LSTM` and `GRU` replace them: on a GPU they run the same cuDNN kernel by
themselves as long as their arguments allow it (the default activations,
`recurrent_dropout=0`, `unroll=False`, `use_bias=True`, and for GRU
`reset_after=True`). An import guarded by `try: ... except ImportError:` is a
deliberate fallback and is not reported.

Which releases have them comes from the generated API table
(docs/keras-versions.md): `tensorflow.keras.layers` has had neither since
TensorFlow 2.6, so the import fails under tf-keras 2.21 too, while
`from keras.layers import CuDNNLSTM` works with the keras package up to
2.12 and is reported only for the releases without it."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers
        from tensorflow.keras.layers import CuDNNLSTM  # expect: SL216

        X = np.random.rand(16, 10, 3)
        y = np.random.rand(16, 1)
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            CuDNNLSTM(32),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )
    keras_error = r"cannot import name 'CuDNNLSTM'"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(16, 10, 3)
        y = np.random.rand(16, 1)
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(32),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for lack in lacks_of(ctx, self.code):
            use = lack.use
            replacement = _replacement(lack)
            gone = _gone(lack, ctx)
            fix = None
            if use.what == "import":
                message = (
                    f"{use.name} {gone}: this import raises ImportError "
                    f"(cannot import name '{use.name}')"
                )
                if lack.absent == use.path and _beside(lack):  # LSTM is in the same module
                    edit = RenameImported(use.loc, replacement)
                    fix = Fix(Applicability.SAFE, f"import {replacement} as {use.name}", (edit,))
            else:
                message = f"{use.name} {gone}: reaching it raises AttributeError"
                if lack.absent == use.path and _beside(lack):
                    edit = RenameAttribute(use.loc, replacement)
                    fix = Fix(Applicability.SAFE, f"use {replacement}", (edit,))
            yield Finding(use.loc, message, _hint(use.name, replacement), fix=fix)


def _replacement(lack: Lack) -> str:
    if lack.replacement is not None:
        return lack.replacement.name.rsplit(".", 1)[-1]
    return lack.use.name.removeprefix("CuDNN")


def _beside(lack: Lack) -> bool:
    """The replacement is an exact one in the module of the removed layer."""
    found = lack.replacement
    return (
        found is not None
        and found.exact
        and found.name.rpartition(".")[0] == lack.use.path.rpartition(".")[0]
    )


def _gone(lack: Lack, ctx: RuleContext) -> str:
    if lack.since:
        return f"was removed in {lack.since}"
    if lack.use.surface == "tf.keras":
        return f"is not in {target_label(ctx)}'s tensorflow.keras (nor in any since TensorFlow 2.6)"
    return f"is not in {target_label(ctx)}"


def _hint(name: str, replacement: str) -> str:
    return (
        f"use {replacement} instead of {name}: on a GPU, Keras 3's {replacement} runs the "
        f"cuDNN kernel by itself when its arguments allow it (default activations, "
        f"recurrent_dropout=0, unroll=False, use_bias=True)"
    )

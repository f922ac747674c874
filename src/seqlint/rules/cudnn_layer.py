"""SL216: CuDNNLSTM / CuDNNGRU, which Keras 3 removed."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Applicability, Severity
from seqlint.fixes import Fix, RenameAttribute, RenameImported
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.legacy import legacy_uses


class CudnnLayer(Rule):
    code = "SL216"
    name = "cudnn-layer"
    summary = "CuDNNLSTM / CuDNNGRU do not exist in Keras 3."
    severity = Severity.ERROR
    keras3_only = True
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
deliberate fallback and is not reported."""
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
        for use in legacy_uses(ctx, "import", "ImportError"):
            message = (
                f"{use.name} was removed in Keras 3: this import raises ImportError "
                f"(cannot import name '{use.name}')"
            )
            fix = None
            if use.owner == "layers":  # keras.layers, tf.keras.layers...: LSTM is there too
                edit = RenameImported(use.loc, use.replacement)
                fix = Fix(Applicability.SAFE, f"import {use.replacement} as {use.name}", (edit,))
            yield Finding(use.loc, message, _hint(use.name, use.replacement), fix=fix)
        for use in legacy_uses(ctx, "attribute", "AttributeError"):
            message = f"{use.name} was removed in Keras 3: reaching it raises AttributeError"
            fix = None
            if use.owner == f"layers.{use.name}":
                edit = RenameAttribute(use.loc, use.replacement)
                fix = Fix(Applicability.SAFE, f"use {use.replacement}", (edit,))
            yield Finding(use.loc, message, _hint(use.name, use.replacement), fix=fix)


def _hint(name: str, replacement: str) -> str:
    return (
        f"use {replacement} instead of {name}: on a GPU, Keras 3's {replacement} runs the "
        f"cuDNN kernel by itself when its arguments allow it (default activations, "
        f"recurrent_dropout=0, unroll=False, use_bias=True)"
    )

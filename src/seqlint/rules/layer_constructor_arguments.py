"""SL117: a Keras layer class constructed with a keyword no release takes, or without a
required argument."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint import keras_api_table as api
from seqlint.diagnostic import Applicability, Severity
from seqlint.fixes import Fix, RenameKeyword
from seqlint.ir import LegacyUse
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.legacy import (
    UNJUDGED,
    keras1_renames,
    keras1_value_converted,
    lacks_of,
    special_uses,
)

_RAISES = ("TypeError", "ValueError")


class LayerConstructorArguments(Rule):
    code = "SL117"
    name = "layer-constructor-arguments"
    summary = (
        "A Keras layer is constructed with a keyword it does not take, or without a "
        "required argument."
    )
    severity = Severity.ERROR
    fixable = (
        "safe: when every unknown keyword is a Keras 1 name Keras 2.2/2.3 renamed one to one "
        "(`dropout_W` -> `dropout`, `output_dim` -> `units`, `p` -> `rate`...)"
    )
    explanation = """\
A `keras.layers` class refuses a keyword its constructor does not take:
Keras 3 raises `ValueError: Unrecognized keyword arguments passed to LSTM`,
tf-keras 2 `TypeError: Keyword argument not understood`. A required argument
left out (`LSTM(output_dim=20)` has no `units`, `Bidirectional(cell_fw=...)`
no `layer`) raises `TypeError` first.

The usual causes are Keras 1 names (`LSTM(dropout_W=, dropout_U=,
consume_less=)`, `Embedding(init=)`, `Dense(output_dim=, W_regularizer=)`,
`Dropout(p=)`), TensorFlow 1 names (`LSTMCell(num_units=)`,
`Bidirectional(cell_fw=, cell_bw=)`) and typos (`return_sequence=True`).
The hint names the Keras 2 name of a Keras 1 keyword where Keras 2.2/2.3
renamed it (those releases accepted the old names with a warning, and a
target before Keras 2.6 is not reported for them).

What each class takes comes from the API table generated from every covered
release (docs/keras-versions.md); a keyword some release takes is SL221's
(removed-api). A call with `**kwargs` or `*args`, or a class the table does
not know, is not judged."""
    bad_example = dedent(
        """\
        import numpy as np
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(8, dropout_W=0.2, dropout_U=0.2),  # expect: SL117
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.random.rand(16, 10, 3), np.random.rand(16, 1), epochs=1, verbose=0)
        """
    )
    keras_error = r"(Unrecognized keyword arguments|Keyword argument not understood)"
    good_example = dedent(
        """\
        import numpy as np
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(8, dropout=0.2, recurrent_dropout=0.2),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.random.rand(16, 10, 3), np.random.rand(16, 1), epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        release = ctx.release
        if release is None:
            return
        unknown: dict[object, list[str]] = {}
        for lack in lacks_of(ctx, self.code):
            if lack.use.call is not None:
                unknown.setdefault(lack.use.call.key, []).append(lack.use.name)
        for use in special_uses(ctx, "layer-call", _RAISES):
            if use.path in UNJUDGED:
                continue
            signature = api.signature(use.path, release)
            if signature is None:
                continue
            names = unknown.get(use.loc.key, [])
            missing = _missing(use, signature, release)
            if names or missing:
                yield _finding(use, signature, names, missing)


def _missing(use: LegacyUse, signature: api.Signature, release: str) -> list[str]:
    """The required parameters the call leaves out (none when it unpacks or passes more
    positional arguments than the table names)."""
    given = set(use.arguments)
    if given & {"*", "**"}:
        return []
    renamed = keras1_renames(use.owner, release)
    given |= {renamed[name] for name in use.arguments if name in renamed}
    required = [
        token
        for token in signature.parameters
        if not token.startswith("*") and token != "/" and not token.endswith("=")
    ]
    return [name for name in required if name not in given]


def _finding(
    use: LegacyUse, signature: api.Signature, names: list[str], missing: list[str]
) -> Finding:
    renames = keras1_renames(use.owner)
    parts = []
    if names:
        listed = ", ".join(f"{name}=" for name in names)
        parts.append(f"takes no keyword {listed}")
    if missing:
        parts.append(f"lacks its required argument {', '.join(missing)}")
    raised = "TypeError" if missing else "ValueError (tf-keras 2: TypeError)"
    message = f"{use.owner}(...) {' and '.join(parts)}: Keras raises {raised}"
    renamed = {n: renames[n] for n in names if n in renames and signature.accepts(renames[n])}
    hints = [f"{old}= is Keras 1's {new}=" for old, new in renamed.items()]
    others = [n for n in names if n not in renamed]
    if others or set(missing) - set(renamed.values()):
        hints.append(f"give {use.owner} the arguments its constructor names")
    return Finding(use.loc, message, "; ".join(hints), fix=_fix(use, names, missing, renamed))


def _fix(
    use: LegacyUse, names: list[str], missing: list[str], renamed: dict[str, str]
) -> Fix | None:
    """Every unknown keyword renamed one to one, when that leaves nothing missing."""
    if not names or set(names) - set(renamed) or use.call is None:
        return None
    targets = list(renamed.values())
    if len(set(targets)) < len(targets) or set(targets) & set(use.arguments):
        return None
    if any(keras1_value_converted(name) for name in names):
        return None
    if set(missing) - set(targets):
        return None
    edits = tuple(RenameKeyword(use.call, old, new) for old, new in renamed.items())
    words = ", ".join(f"{new}= for {old}=" for old, new in renamed.items())
    return Fix(Applicability.SAFE, f"write {words}", edits)

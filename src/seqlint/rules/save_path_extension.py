"""SL223: a save path whose extension the target Keras refuses."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint import keras_api_table as api
from seqlint.diagnostic import Applicability, Severity
from seqlint.dims import UNKNOWN
from seqlint.fixes import Fix, ReplaceString
from seqlint.ir import LegacyUse
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.legacy import special_uses, target_label

_WEIGHTS = ".weights.h5"


class SavePathExtension(Rule):
    code = "SL223"
    name = "save-path-extension"
    summary = "A save path whose extension the target Keras refuses (.weights.h5, .keras, .h5)."
    severity = Severity.ERROR
    keras3_only = True
    fixable = (
        "unsafe: a string path gets the extension Keras wants (weights.h5 -> "
        "weights.weights.h5, saved_model_dir -> saved_model_dir.keras); code that loads the "
        "old name must follow"
    )
    explanation = """\
Keras 2 saved a TensorFlow SavedModel directory for `model.save("model_dir")`
and TensorFlow checkpoints or HDF5 for `model.save_weights(...)`. Keras 3
checks the file name instead (the rules come from each release's source,
docs/keras-versions.md):

- `model.save(path)` and `keras.models.save_model(model, path)` need
  `.keras` (the native format) or `.h5`/`.hdf5`: `model.save("model_dir")`
  raises `ValueError: Invalid filepath extension for saving` (use
  `model.export(path)` for a SavedModel); `save_format=` is refused too;
- `model.save_weights(path)` needs `.weights.h5`: `save_weights("w.h5")`
  raises `ValueError: The filename must end in .weights.h5`;
- `ModelCheckpoint(path, save_weights_only=True)` needs `.weights.h5`, and a
  full-model checkpoint `.keras` (Keras 3.0-3.7) or `.keras`/`.h5` (3.8 on).

Paths known by their end are checked: string literals, f-strings ending in
text (`f"ckpt/epoch_{epoch:02d}.h5"`), `os.path.join(..., "name")`. Loading
code (`load_weights`, `load_model`) must use the new name too."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(16, 10, 3)
        y = np.random.rand(16, 1)
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(8),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
        model.save_weights("forecaster.h5")  # expect: SL223
        """
    )
    keras_error = r"The filename must end in `\.weights\.h5`"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(16, 10, 3)
        y = np.random.rand(16, 1)
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(8),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
        model.save_weights("forecaster.weights.h5")
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        release = ctx.release
        if release is None or release.split(".")[0] != "3":
            return  # Keras 2's checks sit in format branches the table does not follow
        for use in special_uses(ctx, "save-path", ("ValueError",)):
            suffixes = _refused(use, release)
            if suffixes is not None:
                yield _finding(use, suffixes, ctx)


def _refused(use: LegacyUse, release: str) -> tuple[str, ...] | None:
    """The suffixes Keras wants where it refuses the path (None: it accepts it, or whether
    it does depends on what seqlint cannot read)."""
    for rule in api.path_rules(use.path, release):
        holds = _holds(rule.when, use)
        if holds is None:
            return None
        if holds and not use.name.endswith(rule.suffixes):
            return rule.suffixes
    return None


def _holds(when: str, use: LegacyUse) -> bool | None:
    """Whether the source's own condition of a path check holds for this call."""
    literals = dict(use.literals)
    if when == "":
        return True
    if when in ("save_weights_only", "not save_weights_only"):
        value = literals.get("save_weights_only", False)
        if value is UNKNOWN:
            return None
        return bool(value) if when == "save_weights_only" else not bool(value)
    if when == "save_format":
        value = literals.get("save_format")
        return None if value is UNKNOWN else bool(value)
    if when == "zipped":  # default: zipped unless the path is a Hugging Face one
        if "zipped" in literals:
            value = literals["zipped"]
            return None if value is UNKNOWN or value is None else bool(value)
        return not use.value.startswith("hf://")
    if when == "max_shard_size is None":
        value = literals.get("max_shard_size")
        return None if value is UNKNOWN else value is None
    return None


def _finding(use: LegacyUse, suffixes: tuple[str, ...], ctx: RuleContext) -> Finding:
    wanted = " or ".join(suffixes)
    shown = use.value if use.value == use.name else f"...{use.name}"
    message = (
        f"{use.owner}({shown!r}): {target_label(ctx)} wants a path ending in {wanted} here and "
        "raises ValueError"
    )
    new = _renamed(use.name, suffixes)
    if use.owner == "save" or use.path.endswith("save_model"):
        hint = (
            f"save to {new!r} (the native format), or model.export(path) for a TensorFlow "
            "SavedModel directory"
        )
    else:
        hint = f"name the file {new!r}, and load it under that name"
    fix = None
    if use.value == use.name and use.call is not None:  # the whole path is a string literal
        edit = ReplaceString(use.call, use.name, new)
        fix = Fix(Applicability.UNSAFE, f"save to {new!r}", (edit,))
    return Finding(use.loc, message, hint, fix=fix)


def _renamed(path: str, suffixes: tuple[str, ...]) -> str:
    """The path with the first wanted suffix: ``w.h5`` -> ``w.weights.h5``, ``dir`` ->
    ``dir.keras``."""
    wanted = suffixes[0]
    if wanted == _WEIGHTS and path.endswith(".h5"):
        return path[: -len(".h5")] + _WEIGHTS
    stem = path.rstrip("/\\")
    for old in (".hdf5", ".h5", ".tf", ".pb"):
        if stem.endswith(old) and wanted not in (".h5", ".hdf5"):
            stem = stem[: -len(old)]
            break
    return stem + wanted

"""SL221: an import, attribute, method or keyword argument the target Keras release lacks."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint import keras_api_table as api
from seqlint.diagnostic import Applicability, Severity
from seqlint.fixes import Edit, Fix, RenameAttribute, RenameCallee, RenameImported, RewriteDotted
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.legacy import Lack, lacks_of, rename_keyword_fix, since, target_label


class RemovedApi(Rule):
    code = "SL221"
    name = "removed-api"
    summary = "An import, attribute, method or keyword argument the target Keras release lacks."
    severity = Severity.ERROR
    fixable = (
        "safe: when the API table names a drop-in replacement the target has: the module of a "
        "from-import rewritten (`layers.recurrent` -> `layers`), an attribute chain shortened "
        "(`layers.experimental.preprocessing.X` -> `layers.X`), a keyword or member renamed"
    )
    explanation = """\
"Keras 2" is several APIs and Keras 3 another: names, methods and keyword
arguments came and went between releases. seqlint knows which release has
what from a table generated from the released packages (Keras 2.2.5, 2.3.1,
2.6-2.15, tf-keras 2.15-2.21 and Keras 3.0-3.15: docs/keras-versions.md),
and checks every use against the release the code targets
(`target-keras`, else the installed packages, else the project's pins):

- imports of modules Keras removed (`tensorflow.keras.utils.np_utils`,
  `tensorflow.keras.layers.recurrent`, `.core`, `.embeddings`, `.merge`,
  `tensorflow.keras.wrappers.scikit_learn`, `keras.engine.topology`, gone
  between tf.keras 2.6 and 2.13, or in Keras 3) raise ImportError /
  ModuleNotFoundError;
- attributes: `layers.experimental.preprocessing.TextVectorization` (Keras 3
  has no `layers.experimental`), `K.get_session()` (no tf.keras since 2.6 has
  it) raise AttributeError;
- keyword arguments a release refuses, for the constructors of `layers`,
  `optimizers` and `callbacks` classes and the model methods scripts call
  (`fit`, `compile`, `save`...): `LSTM(time_major=True)` under Keras 3,
  `Adam(decay=1e-6)` under tf.keras 2.11-2.21 (tf-keras raises "decay is
  deprecated in the new TF-Keras optimizer"; Keras 3 accepts it with a
  warning, and is not reported);
- model methods a release lacks: `model.reset_states()` under Keras 3 (its
  layers keep `reset_states()`).

The message names the release that removed it (or that added it, for code
written for a newer Keras) and the replacement the table gives. Names the
script imports inside `try: ... except ImportError:` are fallbacks and are
not reported. Every row of the table this rule can report for Keras 3.15 and
tf-keras 2.21 is proven to raise there (tests/keras/test_api_rows_keras.py);
the few the proof found wrong are left out. `fit_generator` (SL214),
`batch_input_shape` (SL215), `CuDNNLSTM` (SL216), optimizer `lr` (SL217),
training arguments (SL218) and `predict_classes` (SL219) keep their own
codes."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers
        from tensorflow.keras.utils import np_utils  # expect: SL221

        X = np.random.rand(16, 10, 3)
        y = np_utils.to_categorical(np.random.randint(0, 3, size=(16,)), 3)
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(8),
            layers.Dense(3, activation="softmax"),
        ])
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )
    keras_error = r"cannot import name 'np_utils'"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers
        from tensorflow.keras.utils import to_categorical

        X = np.random.rand(16, 10, 3)
        y = to_categorical(np.random.randint(0, 3, size=(16,)), 3)
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(8),
            layers.Dense(3, activation="softmax"),
        ])
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        missing_modules: set[object] = set()  # import statements reported for their module
        for lack in lacks_of(ctx, self.code):
            what = lack.use.what
            if what == "import":
                statement = lack.use.statement
                if lack.absent == lack.use.owner and statement is not None:
                    if statement.key in missing_modules:
                        continue  # the statement fails once, at its module
                    missing_modules.add(statement.key)
                yield _import_finding(lack, ctx)
            elif what == "attribute":
                yield _attribute_finding(lack, ctx)
            elif what == "method":
                yield _method_finding(lack, ctx)
            elif what == "member":
                yield _member_finding(lack, ctx)
            else:
                yield _keyword_finding(lack, ctx)


def _when(lack: Lack, ctx: RuleContext) -> str:
    """ " (removed in Keras 2.6)", " (added in Keras 3)", or "" when the table cannot say
    (or the target names it already: "in Keras 3")."""
    if lack.removed_in:
        gone = since(lack.removed_in)
        return "" if gone == target_label(ctx) else f" (removed in {gone})"
    if lack.added_in:
        return f" (added in {since(lack.added_in)})"
    if lack.use.surface == "tf.keras":
        return " (nor in any tensorflow.keras since TensorFlow 2.6)"
    return ""


def _spelled(lack: Lack, path: str) -> str:
    """``path`` (a table path) as the code names it: with its root
    (``tensorflow.keras.layers.recurrent``)."""
    use = lack.use
    root = use.qualname[: len(use.qualname) - len(use.path)] if use.qualname else ""
    if not use.qualname.endswith(use.path):
        root = ""
    return f"{root}{path}" if path else root.rstrip(".")


def _replacement_text(lack: Lack) -> str:
    """The replacement as the code would name it, and whether it is a drop-in one."""
    found = lack.replacement
    if found is None:
        return ""
    return _spelled(lack, found.name) if lack.use.what in ("import", "attribute") else found.name


def _hint(lack: Lack, ctx: RuleContext, what: str) -> str:
    found = lack.replacement
    if found is None:
        return f"{target_label(ctx)} has no replacement for it in the API table: remove {what}"
    text = _replacement_text(lack)
    if found.exact:
        return f"use {text}"
    return f"use {text} instead (not a drop-in replacement: check its arguments)"


def _import_finding(lack: Lack, ctx: RuleContext) -> Finding:
    use = lack.use
    module = _spelled(lack, use.owner)
    if lack.absent == use.owner:
        message = (
            f"{module} does not exist in {target_label(ctx)}{_when(lack, ctx)}: this import raises "
            "ModuleNotFoundError"
        )
    else:
        message = (
            f"{module} has no {use.name} in {target_label(ctx)}{_when(lack, ctx)}: this import "
            f"raises ImportError (cannot import name '{use.name}')"
        )
    return Finding(use.loc, message, _import_hint(lack, ctx), fix=_import_fix(lack))


def _import_hint(lack: Lack, ctx: RuleContext) -> str:
    use, found = lack.use, lack.replacement
    if found is None or not found.exact:
        return _hint(lack, ctx, "the import")
    module, _, name = _spelled(lack, found.name).rpartition(".")
    names = [f"{name} as {use.name}" if name != use.name else name]
    if lack.absent == use.owner:  # every name of the statement moves with its module
        surface = "tf.keras" if use.surface == "tf.keras" else "keras"
        for sibling in use.siblings:
            moved = api.replacement(f"{use.owner}.{sibling}", lack.release, surface)
            if sibling != use.name and moved is not None and moved.exact:
                new = moved.name.rsplit(".", 1)[-1]
                names.append(f"{new} as {sibling}" if new != sibling else new)
    target = target_label(ctx)
    return f"import from where {target} has it: from {module} import {', '.join(names)}"


def _import_fix(lack: Lack) -> Fix | None:
    """``from M.old import N`` -> ``from M.new import N`` when every name it imports moved
    there; ``from M import Old`` -> ``from M import New as Old`` within one module."""
    use, found = lack.use, lack.replacement
    if found is None or not found.exact or use.statement is None or not use.owner:
        return None
    new_module, _, new_name = found.name.rpartition(".")
    if new_module == use.owner and new_name != use.name and lack.absent == use.path:
        edit: Edit = RenameImported(use.loc, new_name)
        return Fix(Applicability.SAFE, f"import {new_name} as {use.name}", (edit,))
    if new_name != use.name or new_module == use.owner or not new_module:
        return None
    surface = "tf.keras" if use.surface == "tf.keras" else "keras"
    for sibling in use.siblings:
        moved = api.replacement(f"{use.owner}.{sibling}", lack.release, surface)
        if moved is None or not moved.exact or moved.name != f"{new_module}.{sibling}":
            return None
    edit = RewriteDotted(use.statement, use.owner, new_module)
    new = _spelled(lack, new_module)
    return Fix(Applicability.SAFE, f"import from {new}", (edit,))


def _attribute_finding(lack: Lack, ctx: RuleContext) -> Finding:
    use = lack.use
    absent = _spelled(lack, lack.absent)
    message = (
        f"{absent} does not exist in {target_label(ctx)}{_when(lack, ctx)}: reaching it raises "
        "AttributeError"
    )
    return Finding(use.loc, message, _hint(lack, ctx, "it"), fix=_attribute_fix(lack))


def _attribute_fix(lack: Lack) -> Fix | None:
    """The chain's end rewritten to the replacement's, when the name the code starts from
    stays (``layers.experimental.preprocessing.TextVectorization`` -> ``layers.X``)."""
    use, found = lack.use, lack.replacement
    if found is None or not found.exact or not use.value:
        return None
    old, new = use.path.split("."), found.name.split(".")
    common = 0
    while common < min(len(old), len(new)) - 1 and old[common] == new[common]:
        common += 1
    old_tail, new_tail = ".".join(old[common:]), ".".join(new[common:])
    chain = use.value.split(".")
    if len(old) - common >= len(chain):
        return None  # the name the code starts from would change
    if len(old) - common == 1 and len(new) - common == 1:
        edit: Edit = RenameAttribute(use.loc, new_tail)
    else:
        edit = RewriteDotted(use.loc, old_tail, new_tail)
    return Fix(Applicability.SAFE, f"use {_spelled(lack, found.name)}", (edit,))


def _method_finding(lack: Lack, ctx: RuleContext) -> Finding:
    use = lack.use
    method = use.name
    message = (
        f"Keras models have no {method}() in {target_label(ctx)}{_when(lack, ctx)}: calling it "
        "raises AttributeError"
    )
    found = lack.replacement
    fix = None
    if found is not None and found.exact:
        new = found.name.rsplit(".", 1)[-1]
        fix = Fix(Applicability.SAFE, f"call {new}(...)", (RenameCallee(use.loc, new),))
    if method == "reset_states":
        hint = "call reset_states() on the stateful layers themselves (layer.reset_states())"
    else:
        hint = _hint(lack, ctx, "the call")
    return Finding(use.loc, message, hint, fix=fix)


def _member_finding(lack: Lack, ctx: RuleContext) -> Finding:
    use = lack.use
    message = (
        f"{use.owner}.{use.name}: optimizers have no {use.name} in {target_label(ctx)}"
        f"{_when(lack, ctx)}; reaching it raises AttributeError"
    )
    found = lack.replacement
    fix = None
    if found is not None and found.exact:
        new = found.name.rsplit(".", 1)[-1]
        fix = Fix(Applicability.SAFE, f"use {new}", (RenameAttribute(use.loc, new),))
    return Finding(use.loc, message, _hint(lack, ctx, "it"), fix=fix)


def _keyword_finding(lack: Lack, ctx: RuleContext) -> Finding:
    use = lack.use
    message = (
        f"{use.owner} does not take {use.name}= in {target_label(ctx)}{_when(lack, ctx)}: the call "
        "raises before anything runs"
    )
    found = lack.replacement
    if found is None:
        hint = f"remove {use.name}={use.value}"
    elif use.name == "decay" and found.name == "learning_rate":
        hint = (
            "remove decay= and pass a schedule as learning_rate, e.g. "
            "keras.optimizers.schedules.InverseTimeDecay(initial_rate, 1, decay)"
        )
    elif found.exact:
        hint = f"write {found.name}={use.value} instead of {use.name}={use.value}"
    else:
        hint = f"remove {use.name}= (its nearest counterpart is {found.name}=, not a drop-in one)"
    return Finding(use.loc, message, hint, fix=rename_keyword_fix(lack))

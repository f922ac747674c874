"""Evidence for the removed-API rules: uses of Keras API that the target release lacks.

The frontend records every use of API that some covered release lacks
(:class:`~seqlint.ir.LegacyUse`); :func:`lacks` judges them against the release the code
targets with the generated API table (:mod:`seqlint.keras_api_table`), the one home of what
each release has, since when it is gone and what replaces it. The rules SL214-SL219 and
SL221 each report a part of these (:func:`claimed_by`). A use whose exception the script
handles itself (``try: from keras.layers import CuDNNLSTM`` / ``except ImportError:``) is a
deliberate fallback, not a breakage.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from seqlint import keras_api_table as api
from seqlint.diagnostic import Applicability
from seqlint.fixes import Fix, RenameKeyword
from seqlint.ir import LegacyUse
from seqlint.rulekit.base import RuleContext

# ``except`` clauses that catch every exception Keras raises here (all derive from Exception).
_CATCH_ALL = frozenset({"Exception", "BaseException", "*"})
_KEYWORDS = frozenset({"layer-keyword", "optimizer-keyword", "keyword", "method-keyword"})
# What Python or Keras raises for each kind of use (a keyword: TypeError from the signature,
# or ValueError from Keras's own check of **kwargs).
_RAISES = {
    "import": ("ImportError", "ModuleNotFoundError"),
    "attribute": ("AttributeError",),
    "method": ("AttributeError",),
    "member": ("AttributeError",),
}
_KEYWORD_RAISES = ("TypeError", "ValueError")
TRAINING_METHODS = frozenset({"fit", "evaluate", "predict", "compile"})
# Rows of the table the rules leave out, each with its reason: the proof
# (tests/keras/test_api_rows_keras.py) showed them wrong for Keras 3.15 or tf-keras 2.21, or
# cannot run them. A callable stands for all its keyword rows, ``callable(keyword)`` for one.
_UNJUDGED_REASONS = {
    "optimizers.LossScaleOptimizer": "Keras 3.15 accepts the keywords the table says it "
    "refuses (clipnorm, weight_decay...): they go to the inner optimizer's base class",
    "optimizers.Optimizer": "the base class; constructing it needs a learning rate",
    "callbacks.TensorBoard(batch_size)": "tf-keras 2.21 pops it with a warning",
    "callbacks.TensorBoard(embeddings_data)": "tf-keras 2.21 pops it with a warning",
    "callbacks.TensorBoard(embeddings_layer_names)": "tf-keras 2.21 pops it with a warning",
    "callbacks.TensorBoard(write_grads)": "tf-keras 2.21 pops it with a warning",
    "layers.ActivityRegularization(activity_regularizer)": "Keras 3.15 accepts it (the "
    "base Layer takes it), though the table says its **kwargs refuses it",
    "layers.StringLookup(vocabulary_dtype)": "Keras 3.15 accepts it (IndexLookup's "
    "parameter), though the table says its **kwargs refuses it",
    "layers.GRUCell(seed)": "tf-keras 2.21 takes it through **kwargs",
    "layers.LSTMCell(seed)": "tf-keras 2.21 takes it through **kwargs",
    "layers.SimpleRNNCell(seed)": "tf-keras 2.21 takes it through **kwargs",
    "models.Model.loss": "Keras 2's compile sets model.loss (the table does not see it)",
    "models.Sequential.loss": "Keras 2's compile sets model.loss (the table does not see it)",
}
UNJUDGED: frozenset[str] = frozenset(_UNJUDGED_REASONS)


@dataclass(frozen=True)
class Lack:
    """A use of Keras API the target release lacks.

    ``absent`` is the path the release lacks: the module of an import from a module it
    does not have, the first missing part of an attribute chain
    (``layers.experimental``), ``callable(keyword)`` for a keyword. ``removed_in`` is the
    first release without it after the last one (up to the target) that had it; ``added_in``
    the first release after the target that has it, when the target predates it.
    ``replacement`` replaces the whole use and exists in the target release. ``raises``
    names the exceptions an ``except`` clause may name to handle the use.
    """

    use: LegacyUse
    release: str
    absent: str
    removed_in: str | None
    added_in: str | None
    replacement: api.Replacement | None
    raises: tuple[str, ...]

    @property
    def since(self) -> str:
        """When it went: "Keras 3" for what Keras 3.0 dropped, else "Keras 2.6"-like."""
        return since(self.removed_in) if self.removed_in else ""


def since(release: str) -> str:
    """A release as messages name it: the first covered Keras 3 release is "Keras 3"; a
    tf-keras release is "tf-keras 2.16"; else "Keras 2.6"."""
    if release == _first_of_major("3"):
        return "Keras 3"
    minor = ".".join(release.split(".")[:2])
    return f"tf-keras {minor}" if api.distribution(release) == "tf-keras" else f"Keras {minor}"


def target_label(ctx: RuleContext) -> str:
    """The target as messages name it: "Keras 3" for a bare major, else the release."""
    if "." not in ctx.target:
        return f"Keras {ctx.target}"
    release = ctx.release or ctx.target
    minor = ".".join(release.split(".")[:2])
    return f"tf-keras {minor}" if api.distribution(release) == "tf-keras" else f"Keras {minor}"


@cache
def _first_of_major(major: str) -> str | None:
    return next((v for v in api.versions() if v.split(".")[0] == major), None)


def lacks(ctx: RuleContext) -> Iterator[Lack]:
    """Every recorded use the target release lacks and the script does not guard (in source
    order); none when the table does not cover the target. An attribute of a name whose
    import already fails is left out (the import is the error)."""
    release = ctx.release
    if release is None:
        return
    found = [lack for use in ctx.ir.legacy if (lack := _judge(use, release)) is not None]
    failing = tuple(
        lack.use.qualname + "." for lack in found if lack.use.what == "import" and lack.use.qualname
    )
    for lack in found:
        use = lack.use
        if use.caught & (_CATCH_ALL | set(lack.raises)):
            continue
        if use.what == "attribute" and failing and use.qualname.startswith(failing):
            continue
        yield lack


def _table_surface(use: LegacyUse, release: str) -> str | None:
    """The table surface a name use is judged on; None when the table cannot judge it
    (another root, or ``import tf_keras`` under a target that is not tf-keras)."""
    if use.surface == "tf.keras":
        return "tf.keras"
    if use.surface == "keras":
        return "keras"
    if use.surface == "tf_keras" and api.distribution(release) == "tf-keras":
        return "keras"
    return None


def _judge(use: LegacyUse, release: str) -> Lack | None:
    if use.what != "import" and use.what != "attribute" and use.path in UNJUDGED:
        return None
    if use.what in _KEYWORDS and f"{use.path}({use.name})" in UNJUDGED:
        return None
    if use.what in ("import", "attribute"):
        return _judge_name(use, release)
    if use.what in _KEYWORDS:
        return _judge_keyword(use, release)
    if use.what == "method":
        return _judge_member(use, release, use.path)
    if use.what == "member":
        return _judge_optimizer_member(use, release)
    return None


def _judge_name(use: LegacyUse, release: str) -> Lack | None:
    surface = _table_surface(use, release)
    if surface is None:
        return None
    if use.what == "import":
        candidates = [use.owner, use.path] if use.owner else [use.path]
    else:
        parts = use.path.split(".")
        candidates = [".".join(parts[: i + 1]) for i in range(len(parts))]
    for candidate in candidates:
        present = api.has(candidate, release, surface)
        if present is None:
            return None  # the table cannot say: nothing is claimed
        if present:
            continue
        if api.kind(candidate) is None:
            return None  # a name the table never saw: not judged
        if use.what == "import":
            # what an ``except`` naming it catches: ImportError catches ModuleNotFoundError
            raises = (
                ("ModuleNotFoundError", "ImportError")
                if candidate == use.owner
                else ("ImportError",)
            )
        else:
            raises = ("AttributeError",)
        replacement = api.replacement(use.path, release, surface)
        return Lack(
            use,
            release,
            candidate,
            api.removed_in(candidate, release, surface),
            api.added_in(candidate, release, surface),
            replacement,
            raises,
        )
    return None


def _judge_keyword(use: LegacyUse, release: str) -> Lack | None:
    if use.surface == "tf_keras" and api.distribution(release) != "tf-keras":
        return None
    if use.what == "layer-keyword" and use.name in keras1_renames(use.owner, release):
        return None  # Keras 2.2/2.3 renamed it, with a warning
    signature = api.signature(use.path, release)
    if signature is None or signature.accepts(use.name) is not False:
        return None
    keyword = f"{use.path}({use.name})"
    return Lack(
        use,
        release,
        keyword,
        api.keyword_removed_in(use.path, use.name, release),
        None,
        api.replacement(keyword, release),
        _KEYWORD_RAISES,
    )


def _judge_member(use: LegacyUse, release: str, path: str) -> Lack | None:
    if not path or api.has(path, release) is not False or api.kind(path) is None:
        return None
    return Lack(
        use,
        release,
        path,
        api.removed_in(path, release),
        api.added_in(path, release),
        api.replacement(path, release),
        ("AttributeError",),
    )


def _judge_optimizer_member(use: LegacyUse, release: str) -> Lack | None:
    """An optimizer member the release lacks on every optimizer class it records."""
    if any(api.has(f"{cls}.{use.name}", release) for cls in _optimizer_classes(release)):
        return None
    return _judge_member(use, release, use.path)


@cache
def _optimizer_classes(release: str) -> tuple[str, ...]:
    """The optimizer classes (``optimizers.Adam``...) whose members the table records."""
    table = api._table()["members"]
    classes = {name.rsplit(".", 1)[0] for name in table if name.startswith("optimizers.")}
    return tuple(sorted(c for c in classes if c.count(".") == 1 and api.has(c, release)))


@cache
def _renames() -> dict[str, object]:
    text = resources.files("seqlint").joinpath("data/keras1_renames.json").read_text("utf-8")
    return json.loads(text)


def keras1_renames(layer: str, release: str | None = None) -> dict[str, str]:
    """The Keras 1 keywords of ``layer`` Keras 2.2.5/2.3.1 renamed (``dropout_W`` ->
    ``dropout``: data/keras1_renames.json, tools/keras1_renames.py); with ``release``, none
    unless that release still does (it predates 2.6)."""
    if release is not None and not _renaming(release):
        return {}
    found = _renames().get(layer)
    return dict(found) if isinstance(found, dict) else {}


def keras1_value_converted(keyword: str) -> bool:
    """Whether Keras 2.2/2.3 converted the value of ``keyword`` too (no drop-in rename)."""
    values = _renames()["values"]
    return isinstance(values, list) and keyword in values


def _renaming(release: str) -> bool:
    index = api.versions().index(release) if release in api.versions() else None
    first = api.resolve_version("2.6")
    return index is not None and first is not None and index < api.versions().index(first)


# -- which rule reports a lack --------------------------------------------------------------

_GENERATORS = frozenset({"fit_generator", "evaluate_generator", "predict_generator"})
_PREDICT = frozenset({"predict_classes", "predict_proba"})
_CUDNN = frozenset({"CuDNNLSTM", "CuDNNGRU"})


def claimed_by(lack: Lack) -> str:
    """The code of the rule that reports ``lack``: the named Keras 2 breakages keep their
    rules (SL214-SL219), every other lack is SL221's."""
    use = lack.use
    if use.what == "method":
        if use.name in _GENERATORS:
            return "SL214"
        if use.name in _PREDICT:
            return "SL219"
    if use.what == "layer-keyword" and use.name == "batch_input_shape":
        return "SL215"
    if (
        use.what == "layer-keyword"
        and lack.removed_in is None
        and lack.replacement is None
        and api.keyword_never_accepted(use.path, use.name)
    ):
        return "SL117"  # no release has it: not removed, a wrong constructor argument
    if use.what in ("import", "attribute") and use.name in _CUDNN and lack.absent == use.path:
        return "SL216"  # (a module that does not exist is SL221's, once per import)
    if (use.what == "optimizer-keyword" or use.what == "member") and use.name == "lr":
        return "SL217"
    if use.what == "method-keyword" and use.owner in TRAINING_METHODS:
        return "SL218"
    return "SL221"


def lacks_of(ctx: RuleContext, code: str) -> Iterator[Lack]:
    """The lacks rule ``code`` reports."""
    for lack in lacks(ctx):
        if claimed_by(lack) == code:
            yield lack


def rename_keyword_fix(lack: Lack) -> Fix | None:
    """A keyword use's fix: the keyword renamed to its drop-in replacement, unless the call
    may pass the replacement too (by name, by position or through an unpacking)."""
    use, replacement = lack.use, lack.replacement
    if use.call is None or replacement is None or not replacement.exact:
        return None
    if set(use.arguments) & {replacement.name, "*", "**"}:
        return None
    edit = RenameKeyword(use.call, use.name, replacement.name)
    return Fix(Applicability.SAFE, f"write {replacement.name}= instead of {use.name}=", (edit,))


def special_uses(ctx: RuleContext, what: str, raises: tuple[str, ...]) -> Iterator[LegacyUse]:
    """The recorded uses of kind ``what`` (a save path, ``super().__init__(self)``...) whose
    exception the script does not handle."""
    for use in ctx.ir.legacy:
        if use.what == what and not use.caught & (_CATCH_ALL | set(raises)):
            yield use

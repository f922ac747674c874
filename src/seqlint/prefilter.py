"""Which sources may build, train or define a Keras model: the only ones worth a parse.

Every finding of seqlint starts from a model, its input, a training call, a subclassed
model or layer, or a windows generator; the frontend recognises Keras only through names
containing ``keras``. A source with none of these cannot produce a diagnostic, so it is
not parsed. The bodies of unittest-style test classes (``class T(...TestCase):``) are left
out of the scan: the analysis never reads the methods of a class that is not a Keras model
or layer (a test there fails if that changes). The scan is otherwise plain text, strings
and comments included: it may let a file through needlessly, never keep one out that the
analysis would report on (``tests/cli/test_prefilter.py`` checks that on every example the
project has).
"""

from __future__ import annotations

import re
import sys

KERAS_MARKER = "keras"
"""Every way the frontend recognises Keras contains this substring (keras, tf.keras,
tensorflow.keras, keras imported from tensorflow, tf_keras)."""

# Each pattern starts with a literal, which lets ``re`` skip ahead fast (a leading ``\b`` or
# lookbehind makes it 6x slower): the word boundary before a match is checked by hand.
_MODEL_CODE = (
    # a model or its input being built
    re.compile(r"(?:Sequential|Model|Input|InputLayer)\s*\("),
    # a training or prediction call, including the Keras 2 methods Keras 3 removed
    re.compile(
        r"\.(?:compile|fit|fit_generator|evaluate_generator|predict_generator|train_on_batch"
        r"|predict_classes|predict_proba)\s*\("
    ),
    # a subclassed model or layer (its bases checked below)
    re.compile(r"class\s+\w+\s*\(([^)]*)\)"),
    # windows generators
    re.compile(r"(?:TimeseriesGenerator|timeseries_dataset_from_array)"),
    # a recurrent layer returning its states (unpacked, even outside a model: SL232)
    re.compile(r"return_state\s*=\s*True"),
    # a recurrent layer or cell, which may be called eagerly on arrays outside any model
    re.compile(r"(?:RNN|LSTM|GRU|SimpleRNN|LSTMCell|GRUCell|SimpleRNNCell|StackedRNNCells)\s*\("),
)


_MODEL_BASE = re.compile(r"\b(?:Model|Layer)\b")


def has_model_code(source: str) -> bool:
    """Whether ``source`` builds, trains or defines a model itself (Keras named or not)."""
    for pattern in _MODEL_CODE:
        for match in pattern.finditer(source):
            start = match.start()
            if start and source[start] != "." and _is_word(source[start - 1]):
                continue  # inside a longer word: not the name
            if match.lastindex is None or _MODEL_BASE.search(match[1]):
                return True
    return False


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


# A top-level class and its body: the indented, blank and comment lines after its header.
# A line at column 0 inside a multi-line string ends the body early, which only lets more
# text through the scan.
_TOP_LEVEL_CLASS = re.compile(
    r"^class[ \t]+\w+[ \t]*\(([^()]*)\)[ \t]*:[^\n]*\n(?:(?:[ \t]+[^\n]*|[ \t]*#[^\n]*|[ \t]*)\n)*",
    re.MULTILINE,
)
_TEST_BASE = re.compile(r"\s*[\w.]*TestCase\s*")


def may_define_model(source: str) -> bool:
    """False only when ``source`` certainly holds no Keras model code the analysis reads,
    from Keras itself (see :func:`imported_modules` for models made by other modules)."""
    if KERAS_MARKER not in source or not has_model_code(source):
        return False
    if "TestCase" not in source:
        return True
    return has_model_code(_TOP_LEVEL_CLASS.sub(_without_test_bodies, source))


_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import\b|import[ \t]+([\w.]+(?:[ \t]*,[ \t]*[\w.]+)*))",
    re.MULTILINE,
)


_TRAINING = re.compile(r"\.(?:fit|fit_generator|train_on_batch)\s*\(")
# What a script that trains may import without its model being a Keras one: other frameworks
# with a ``fit`` (then it is not Keras's), and the data and plotting libraries of any script.
_OTHER_FRAMEWORKS = frozenset(
    {"sklearn", "torch", "lightning", "pytorch_lightning", "xgboost", "lightgbm", "catboost"}
    | {"statsmodels", "jax", "flax", "fastai", "mxnet", "paddle", "prophet", "pmdarima"}
)
_ANY_SCRIPT = frozenset({"numpy", "pandas", "matplotlib", "scipy", "seaborn", "tqdm"})


def imported_modules(source: str) -> list[str]:
    """The modules ``source`` imports (``.layers`` for a relative import): a model it trains
    without building it may come from one of its project's."""
    names: list[str] = []
    for match in _IMPORT.finditer(source):
        if match[1] is not None:
            names.append(match[1])
        else:
            names.extend(name.strip() for name in match[2].split(","))
    return names


def trains_unknown_model(source: str, modules: list[str]) -> bool:
    """Whether a source that trains a model without naming Keras (see
    :func:`imported_modules`) may train one made elsewhere: it imports a module that is
    neither the standard library, a data or plotting library, nor another framework (whose
    ``fit`` it then calls); seqlint then says which import it could not follow."""
    roots = {module.lstrip(".").split(".", 1)[0] for module in modules}
    if not _TRAINING.search(source) or roots & _OTHER_FRAMEWORKS:
        return False
    return bool(roots - sys.stdlib_module_names - _ANY_SCRIPT - {""})


def _without_test_bodies(match: re.Match[str]) -> str:
    bases = [base for base in match[1].split(",") if base.strip() and "=" not in base]
    if bases and all(_TEST_BASE.fullmatch(base) for base in bases):
        return ""
    return match[0]

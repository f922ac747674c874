"""Across files: a script is analysed with the modules of its project it imports (its model
builder, layers, constants, data loader), found from its place on disk, never imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from seqlint.analysis import Analysis, analyse
from seqlint.engine import check_text
from seqlint.frontend.modules import MAX_IMPORT_DEPTH
from seqlint.sources import Source
from tests.crossfile_projects import (
    ATTENTION_BUGGY,
    ATTENTION_FIXED,
    BUILDER_BUGGY,
    BUILDER_FIXED,
    MODEL_BUGGY,
    TRAIN,
    package,
    write,
)


def check(root: Path, files: dict[str, str]) -> Analysis:
    script = write(root, files)
    return analyse(script.read_text(encoding="utf-8"), str(script))


def found(analysis: Analysis) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in analysis.diagnostics]


def test_a_bug_in_the_imported_builder_is_reported_at_the_line_that_calls_it(tmp_path):
    analysis = check(tmp_path, BUILDER_BUGGY)
    (diagnostic,) = analysis.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("SL103", 7)  # model = build_model(100, 5)
    assert diagnostic.message.endswith(
        "LSTM(UNITS) at model.py:10 returns (batch, 32) because return_sequences is False"
        " (in model.py:11, run from here)"
    )
    assert diagnostic.origin is not None
    assert (Path(diagnostic.origin.path), diagnostic.origin.line) == (tmp_path / "model.py", 11)
    assert [row.place for row in diagnostic.trace][-2:] == ["model.py:10", "model.py:11"]
    assert diagnostic.fix is None and analysis.fixes == [None]  # never an edit of model.py
    assert analysis.models == 1


def test_the_fixed_builder_is_silent_and_its_model_analysed(tmp_path):
    analysis = check(tmp_path, BUILDER_FIXED)
    assert found(analysis) == []
    assert (analysis.models, analysis.unanalysed) == (1, ())


def test_a_custom_layer_of_another_module_runs_where_the_script_applies_it(tmp_path):
    """Attention(64) on 32 features: its call's matmul cannot work (layers.py:16)."""
    analysis = check(tmp_path, ATTENTION_BUGGY)
    (diagnostic,) = analysis.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("SL111", 9)
    assert "the inner sizes differ (32 and 64)" in diagnostic.message
    assert diagnostic.message.endswith("(in layers.py:16, run from here)")
    fixed = check(tmp_path, ATTENTION_FIXED)
    assert found(fixed) == [] and fixed.models == 1


def test_relative_imports_in_a_package_are_followed(tmp_path):
    """train.py -> project/model.py (``from .layers import Attention``, ``from . import
    config``) -> project/layers.py: reported at the script's call, through model.py."""
    analysis = check(tmp_path, package(64))
    (diagnostic,) = analysis.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("SL111", 7)
    assert diagnostic.message.endswith(
        "(in project/layers.py:16, run from here through project/model.py:11)"
    )
    assert diagnostic.origin is not None
    assert diagnostic.origin.through == (str(tmp_path / "project" / "model.py"),)
    assert found(check(tmp_path, package(32))) == []


CONFIG_TRAIN = """\
import keras
import numpy as np

import config
from config import VOCAB

X = np.random.randint(0, VOCAB, size=(32, config.MAXLEN))
y = np.random.randint(0, 2, size=(32, 1))
inputs = keras.Input(shape=(LENGTH,))
x = keras.layers.Embedding(VOCAB, 16)(inputs)
x = keras.layers.LSTM(8)(x)
outputs = keras.layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(X, y, epochs=1, verbose=0)
"""
CONFIG = "MAXLEN = 16\nMAXLEN = MAXLEN * 2 + 36  # Python's order: 68\nVOCAB = 5000\n"


def test_module_level_constants_are_known(tmp_path):
    analysis = check(
        tmp_path, {"config.py": CONFIG, "train.py": CONFIG_TRAIN.replace("LENGTH", "50")}
    )
    (diagnostic,) = analysis.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("SL209", 15)
    assert diagnostic.message.startswith(
        "X (line 7) has shape (32, 68), but Input(shape=(50,)) at line 9 declares samples of"
    )
    fixed = {"config.py": CONFIG, "train.py": CONFIG_TRAIN.replace("LENGTH", "config.MAXLEN")}
    assert found(check(tmp_path, fixed)) == []


DATA = """\
import numpy as np


def load(steps=20):
    X = np.zeros((100, steps, 3))
    y = np.zeros((100, 1))
    return X, y
"""
DATA_TRAIN = """\
import keras

from data import load

X, y = load()
inputs = keras.Input(shape=(20, FEATURES))
x = keras.layers.LSTM(8)(inputs)
model = keras.Model(inputs, keras.layers.Dense(1)(x))
model.compile(loss="mse", optimizer="adam")
model.fit(X, y, epochs=1, verbose=0)
"""


def test_a_data_loader_gives_arrays_of_known_shape(tmp_path):
    analysis = check(tmp_path, {"data.py": DATA, "train.py": DATA_TRAIN.replace("FEATURES", "4")})
    (diagnostic,) = analysis.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("SL209", 10)
    assert diagnostic.message.startswith("X (data.py:5) has shape (100, 20, 3)")
    assert diagnostic.origin is None  # the fit is the script's own line
    fixed = check(tmp_path, {"data.py": DATA, "train.py": DATA_TRAIN.replace("FEATURES", "3")})
    assert (found(fixed), fixed.unanalysed) == ([], ())


UTILS = """\
import keras
import numpy as np


def load():
    return np.zeros((8, 10, 3)), np.zeros((8, 1))


broken = keras.Sequential([keras.Input((5,)), keras.layers.LSTM(4)])
"""


def test_only_what_the_script_uses_runs(tmp_path):
    """``from utils import load`` runs the ``def``: the broken model of the module's top
    level (an LSTM on rank 2) is not the script's."""
    train = (
        "from utils import load\nimport keras\n\nX, y = load()\n"
        "model = keras.Sequential([keras.Input((10, 3)), keras.layers.LSTM(1)])\n"
        "model.compile(loss='mse')\nmodel.fit(X, y)\n"
    )
    analysis = check(tmp_path, {"utils.py": UTILS, "train.py": train})
    assert (found(analysis), analysis.models, analysis.unanalysed) == ([], 1, ())


def test_a_modules_main_block_does_not_run(tmp_path):
    model = MODEL_BUGGY.replace("layers.LSTM(UNITS)", "layers.LSTM(UNITS, return_sequences=True)")
    model += (
        '\n\nif __name__ == "__main__":\n    m = build_model(10, 2)\n    m.add(layers.LSTM(4))\n'
    )
    analysis = check(tmp_path, {"model.py": model, "train.py": TRAIN})
    assert (found(analysis), analysis.models) == ([], 1)


def test_a_noqa_on_the_modules_line_suppresses_the_finding(tmp_path):
    model = MODEL_BUGGY.replace('activation="softmax")))', 'activation="softmax")))  # noqa: SL103')
    assert found(check(tmp_path, {"model.py": model, "train.py": TRAIN})) == []


TRAIN_FROM = """\
import numpy as np
from {module} import {name}

X = np.zeros((8, 10, 3))
model = {name}(10, 3)
model.compile(loss="mse")
model.fit(X, np.zeros((8, 1)))
"""
SEQUENTIAL = (
    "import keras\n\n\ndef build_model(t, f):\n"
    "    return keras.Sequential([keras.Input((t, f)), keras.layers.LSTM(4)])\n"
)


@pytest.mark.parametrize(
    ("files", "module", "reason"),
    [
        ({}, "models", "no module `models` in the project"),
        (
            {"models.py": "def build_model(:\n    pass\n"},
            "models",
            "models.py does not parse (line 1: invalid syntax)",
        ),
        (
            {"models.py": "# padding\n" * 7000 + SEQUENTIAL},
            "models",
            "models.py is over the 64 KB limit for imported modules",
        ),
        (
            {
                "a.py": "from b import helper\n\ndef build_model(t, f):\n    return helper(t, f)\n",
                "b.py": "from a import build_model\n\nhelper = build_model\n",
            },
            "a",
            "a circular import: b.py imports `build_model` from a.py before a.py defines it",
        ),
        (
            {f"m{i}.py": f"from m{i + 1} import build_model\n" for i in range(1, 4)}
            | {"m4.py": SEQUENTIAL},
            "m1",
            f"its imports go more than {MAX_IMPORT_DEPTH} modules deep",
        ),
        ({}, "train", "a circular import (it imports the script itself)"),
        ({}, "transformers", "no module `transformers` in the project"),
    ],
    ids=["missing", "syntax-error", "too-large", "circular", "too-deep", "itself", "third-party"],
)
def test_an_import_that_cannot_be_followed_is_the_reason_given(tmp_path, files, module, reason):
    train = TRAIN_FROM.format(module=module, name="build_model")
    analysis = check(tmp_path, {**files, "train.py": train})
    assert found(analysis) == [] and analysis.models == 0
    ((line, what, why),) = [(u.line, u.what, u.reason) for u in analysis.unanalysed]
    assert (line, what) == (6, "model `model`")  # its first training call
    assert why == (
        f"`build_model` is imported from `{module}` (line 2), which seqlint could not follow: "
        + reason
    )


def test_a_name_the_module_does_not_define(tmp_path):
    train = TRAIN_FROM.format(module="models", name="build_modle")
    analysis = check(tmp_path, {"models.py": SEQUENTIAL, "train.py": train})
    assert analysis.unanalysed[0].reason.endswith(
        "could not follow: `models` defines no `build_modle`"
    )


def test_unknown_data_and_layers_name_their_import(tmp_path):
    train = """\
import keras
from data import load_data
from layers import Attention

X, y = load_data()
inputs = keras.Input(shape=(10, 3))
h = keras.layers.LSTM(8, return_sequences=True)(inputs)
x = Attention()(h)
model = keras.Model(inputs, keras.layers.Dense(1)(x))
model.compile(loss="mse")
model.fit(X, y)
"""
    analysis = check(tmp_path, {"train.py": train})
    assert [(u.line, u.what, u.reason) for u in analysis.unanalysed] == [
        (
            9,
            "model `model`",
            "code seqlint does not follow: x (line 9); `Attention` is imported from `layers` "
            "(line 3), which seqlint could not follow: no module `layers` in the project",
        ),
        (
            11,
            "fit call of model `model`",
            "data of unknown shape: `load_data` is imported from `data` (line 2), which seqlint "
            "could not follow: no module `data` in the project",
        ),
    ]


def test_the_dependencies_are_the_lookups_made(tmp_path):
    analysis = check(tmp_path, package(32))
    assert [(d.importer, d.name, d.level, d.found) for d in analysis.ir.dependencies] == [
        ("", "project.model", 0, "project/model.py"),
        ("project/model.py", "", 1, "project/__init__.py"),
        ("project/model.py", "layers", 1, "project/layers.py"),
        ("project/__init__.py", "config", 1, "project/config.py"),  # a submodule of the package
    ]


def test_standard_input_follows_no_import(tmp_path):
    write(tmp_path, BUILDER_BUGGY)
    assert analyse(TRAIN, "-").diagnostics == []


def test_the_editor_buffer_is_analysed_with_the_modules_on_disk(tmp_path):
    script = write(tmp_path, BUILDER_BUGGY)
    edited = TRAIN.replace("build_model(100, 5)", "build_model(\n    100, 5\n)")
    check_result = check_text(Source(str(script), edited))
    assert [(d.code, d.line) for d in check_result.diagnostics] == [("SL103", 7)]
    assert not any(a.imported is False and a.span.line == 7 for a in check_result.applications)


def test_no_fix_edits_an_imported_module(tmp_path):
    """The script stacks an LSTM on the builder's last LSTM: SL101 is the script's own line,
    but its fix would set return_sequences on model.py's LSTM: not offered."""
    model = (
        "import keras\n\n\ndef encoder():\n"
        "    return keras.Sequential([keras.Input((20, 8)), keras.layers.LSTM(32)])\n"
    )
    train = (
        "import keras\nfrom model import encoder\n\n"
        "model = encoder()\nmodel.add(keras.layers.LSTM(16))\n"
    )
    analysis = check(tmp_path, {"model.py": model, "train.py": train})
    (diagnostic,) = analysis.diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.origin) == ("SL101", 5, None)
    assert "LSTM(32) at model.py:5 returns (batch, 32)" in diagnostic.message
    assert (diagnostic.fix, analysis.fixes) == (None, [None])


def test_imported_modules_have_a_budget(tmp_path):
    """Two 50 KB modules fit in the 128 KB a script may import; a third does not."""
    padding = "# padding\n" * 5000
    files = {f"{name}.py": padding + f"{name.upper()} = 1\n" for name in ("first", "second")}
    train = "from first import FIRST\nfrom second import SECOND\n" + TRAIN_FROM.format(
        module="third", name="build_model"
    )
    analysis = check(tmp_path, {**files, "third.py": padding + SEQUENTIAL, "train.py": train})
    assert [u.reason for u in analysis.unanalysed] == [
        "`build_model` is imported from `third` (line 4), which seqlint could not follow: "
        "the budget for imported modules is spent"
    ]


def test_a_function_of_an_unresolved_module_is_no_model(tmp_path):
    """``re.compile(...)`` is the module's own function; ``models.build()`` gives a value that
    is trained: only that is named."""
    train = (
        "import re\nimport models\n\nPATTERN = re.compile('[a-z]+')\n"
        "model = models.build()\nmodel.fit(X, y)\n"
    )
    analysis = check(tmp_path, {"train.py": train})
    assert [(u.line, u.what, u.reason) for u in analysis.unanalysed] == [
        (
            6,
            "model `model`",
            "`models` is the module `models` imported (line 2), which seqlint could not follow: "
            "no module `models` in the project",
        )
    ]


HELPER_BUILT = """\
import keras


def add_layers(model):
    model.add(keras.Input((10, 3)))
    model.add(keras.layers.LSTM(8))
    model.add(keras.layers.Dense(1))


model = keras.Sequential()
add_layers(model)
model.compile(loss="mse", optimizer="adam")
"""


def test_a_statement_that_passes_the_name_on_runs_with_it(tmp_path):
    """``add_layers(model)`` at the module's top level builds the model the script imports:
    it runs when ``model`` is needed (without it, an empty model would meet the data)."""
    train = (
        "import numpy as np\nfrom model import model\n\n"
        "model.fit(np.zeros((8, 10, 3)), np.zeros((8, 1)))\n"
    )
    analysis = check(tmp_path, {"model.py": HELPER_BUILT, "train.py": train})
    assert (found(analysis), analysis.models, analysis.unanalysed) == ([], 1, ())
    bad = train.replace("np.zeros((8, 1))", "np.zeros((8, 10, 2))")
    assert found(check(tmp_path, {"model.py": HELPER_BUILT, "train.py": bad})) == [("SL203", 4)]

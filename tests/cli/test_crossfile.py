"""Across files in a run: a finding in imported code is shown once (by the module's own check
when it is among the files checked), the cache follows the imported modules' content, and
``--verbose`` names the import that kept a model from being analysed."""

from __future__ import annotations

import json
import os

import pytest

from seqlint.engine import CacheSettings, check_paths
from tests.crossfile_projects import BUILDER_BUGGY, MODEL_BUGGY, MODEL_FIXED, package, write


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def where(result) -> list[tuple[str, int, str]]:
    return [(d.path, d.line, d.code) for d in result.diagnostics]


def test_the_script_alone_reports_the_builders_bug_at_its_call(project):
    write(project, BUILDER_BUGGY)
    result = check_paths(["train.py"], cache=CacheSettings(enabled=False))
    assert where(result) == [("train.py", 7, "SL103")]
    origin = result.diagnostics[0].origin
    assert origin is not None and (origin.path, origin.line) == ("model.py", 11)
    assert result.exit_code == 1


def test_a_bug_the_module_reports_itself_is_shown_once_there(project):
    write(project, BUILDER_BUGGY)
    result = check_paths(["."], cache=CacheSettings(enabled=False))
    assert where(result) == [("model.py", 11, "SL103")]


def test_a_bug_only_the_scripts_arguments_make_stays_with_the_script(project):
    """``build_model(10, 3, 64)``: model.py's own check does not know the units (a parameter),
    so only train.py's check sees the matmul fail in layers.py, through model.py."""
    write(project, package(64))
    result = check_paths(["."], cache=CacheSettings(enabled=False))
    assert where(result) == [("train.py", 7, "SL111")]
    origin = result.diagnostics[0].origin
    assert origin is not None
    assert (origin.path, origin.line) == (os.path.join("project", "layers.py"), 16)
    assert origin.through == (os.path.join("project", "model.py"),)


def test_a_changed_module_rechecks_the_script_despite_the_cache(project):
    write(project, BUILDER_BUGGY)
    settings = CacheSettings(directory="cache")
    first = check_paths(["train.py"], cache=settings)
    assert (first.files_parsed, where(first)) == (1, [("train.py", 7, "SL103")])
    again = check_paths(["train.py"], cache=settings)
    assert (again.files_cached, again.diagnostics) == (1, first.diagnostics)
    (project / "model.py").write_text(MODEL_FIXED, encoding="utf-8")
    fixed = check_paths(["train.py"], cache=settings)
    assert (fixed.files_parsed, fixed.files_cached, where(fixed)) == (1, 0, [])
    (project / "model.py").write_text(MODEL_BUGGY, encoding="utf-8")
    back = check_paths(["train.py"], cache=settings)
    assert (back.files_cached, back.diagnostics) == (1, first.diagnostics)  # its entry holds


def test_a_module_that_appears_rechecks_the_script(project):
    write(project, {"train.py": BUILDER_BUGGY["train.py"]})
    settings = CacheSettings(directory="cache")
    missing = check_paths(["train.py"], cache=settings)
    assert where(missing) == [] and missing.unanalysed[0].reason.endswith(
        "no module `model` in the project"
    )
    write(project, {"model.py": MODEL_BUGGY})
    found = check_paths(["train.py"], cache=settings)
    assert (found.files_cached, where(found)) == (0, [("train.py", 7, "SL103")])


def test_the_origin_is_kept_relative_in_the_cache(project):
    write(project / "app", BUILDER_BUGGY)
    settings = CacheSettings(directory="cache")
    check_paths(["app/train.py"], cache=settings)
    cached = check_paths(["app/train.py"], cache=settings)
    assert cached.files_cached == 1
    origin = cached.diagnostics[0].origin
    assert origin is not None and origin.path == os.path.join("app", "model.py")


def test_verbose_names_the_import_that_was_not_followed(run, project):
    write(project, {"train.py": BUILDER_BUGGY["train.py"]})
    result = run("check", "--verbose", "train.py")
    assert result.exit_code == 0
    assert result.stdout.strip() == (
        "All checks passed (1 file, 0 models analysed; 1 not analysed (--verbose says why))."
    )
    assert (
        "seqlint: train.py:8: not analysed: model `model`: `build_model` is imported from "
        "`model` (line 3), which seqlint could not follow: no module `model` in the project"
    ) in result.stderr.splitlines()


def test_json_gives_the_origin(run, project):
    write(project, BUILDER_BUGGY)
    document = json.loads(run("check", "--format", "json", "train.py").stdout)
    (diagnostic,) = document["diagnostics"]
    assert diagnostic["origin"] == {"path": "model.py", "line": 11, "column": 15, "through": []}
    assert [row["place"] for row in diagnostic["trace"]] == [
        None,
        "model.py:9",
        "model.py:10",
        "model.py:11",
    ]


@pytest.mark.parametrize(
    ("files", "analysed"),
    [
        ({"model.py": MODEL_BUGGY}, True),  # the script's model comes from its project
        ({}, True),  # from a module seqlint cannot find: it says so
        ({"sklearn_script": ""}, False),  # scikit-learn's fit
        ({"plain_script": ""}, False),  # only numpy, pandas, the standard library
    ],
    ids=["project-module", "missing-module", "scikit-learn", "data-libraries"],
)
def test_a_script_without_keras_is_analysed_when_its_model_may_be_imported(
    project, files, analysed
):
    train = BUILDER_BUGGY["train.py"]
    if "sklearn_script" in files:
        train = train.replace("from model import build_model", "from sklearn.svm import SVC")
    if "plain_script" in files:
        train = train.replace("from model import build_model", "import os\nimport pandas as pd")
    write(project, {"train.py": train, **{k: v for k, v in files.items() if k.endswith(".py")}})
    result = check_paths(["train.py"], cache=CacheSettings(enabled=False))
    assert (result.files_parsed == 1) is analysed


TRAINER = """\
def train(model, X, y):
    model.fit(X, y, epochs=1, verbose=0)
"""

CALLS_ONLY = """\
import numpy as np

from model import build_model
from trainer import train

X = np.random.randint(0, 100, size=(64, 20))
y = np.random.randint(0, 5, size=(64, 20))
model = build_model(100, 5)
train(model, X, y)
"""


def test_a_script_that_only_calls_its_projects_builder_and_trainer_is_analysed(project):
    """No model code of its own, nor the name Keras: the modules it imports have them."""
    write(project, {"model.py": MODEL_BUGGY, "trainer.py": TRAINER, "train.py": CALLS_ONLY})
    result = check_paths(["train.py"], cache=CacheSettings(enabled=False))
    assert (result.files_parsed, where(result)) == (1, [("train.py", 8, "SL103")])


def test_a_script_importing_only_modules_without_model_code_is_not_parsed(project):
    helpers = "def load(path):\n    return path\n"
    script = "from helpers import load\n\nrows = load('data.csv')\n"
    write(project, {"helpers.py": helpers, "train.py": script})
    result = check_paths(["train.py"], cache=CacheSettings(enabled=False))
    assert (result.files_parsed, result.diagnostics) == (0, [])

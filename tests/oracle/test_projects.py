"""The Keras runner's project jobs (a directory whose ``train.py`` imports its modules), without
Keras: what a job runs, what its verdict is cached by, and that one project's modules never
reach the next."""

from __future__ import annotations

import importlib
import sys

from tests.oracle.keras_runner import entry_of, job_text, project_imports, script_key


def _project(root, value: int, package_value: int):
    """A project with a top-level module and a namespace package's module, as repros have."""
    root.mkdir()
    (root / "train.py").write_text("import model\n", encoding="utf-8")
    (root / "model.py").write_text(f"VALUE = {value}\n", encoding="utf-8")
    (root / "utils").mkdir()
    (root / "utils" / "loader.py").write_text(f"VALUE = {package_value}\n", encoding="utf-8")
    return root


def test_each_project_imports_its_own_modules_and_leaves_none_behind(tmp_path):
    first = _project(tmp_path / "first_bad", 1, 10)
    second = _project(tmp_path / "first_good", 2, 20)
    seen = []
    for project in (first, second):
        with project_imports(str(project)):
            seen.append(
                (
                    importlib.import_module("model").VALUE,
                    importlib.import_module("utils.loader").VALUE,
                )
            )
        assert "model" not in sys.modules and "utils.loader" not in sys.modules
        assert str(project) not in sys.path
    assert seen == [(1, 10), (2, 20)]


def test_a_script_job_changes_nothing(tmp_path):
    script = tmp_path / "one_bad.py"
    script.write_text("x = 1\n", encoding="utf-8")
    before = list(sys.path)
    with project_imports(str(script)):
        assert sys.path == before
    assert entry_of(str(script)) == str(script)


def test_a_project_runs_its_train_py_and_is_cached_by_every_module(tmp_path):
    project = _project(tmp_path / "p_bad", 1, 10)
    assert entry_of(str(project)) == str(project / "train.py")
    key = script_key(job_text(str(project)))
    (project / "utils" / "loader.py").write_text("VALUE = 11\n", encoding="utf-8")
    assert script_key(job_text(str(project))) != key

"""The pre-commit hook, run the way users run it: ``pre-commit try-repo`` installs seqlint from
a git repository holding this checkout (pyproject, README, src, .pre-commit-hooks.yaml) into a
fresh virtualenv and runs the ``seqlint`` hook in another repository.

The hook repository is a copy committed in a temporary directory, so the test runs the same in
a fresh clone, a worktree or with uncommitted changes. seqlint's dependencies are downloaded
once (from PyPI or the configured index) into a wheelhouse that every ``try-repo`` of this
module installs from, offline: try-repo builds a fresh hook environment each time.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: pytest depends on tomli there
    import tomli as tomllib

from tests.cli.support import write
from tests.helpers import notebook_from_script

pytestmark = pytest.mark.precommit

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
HOOK_REPO_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "src")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=seqlint tests", "-c", "user.email=tests@example.invalid", *args],
        cwd=cwd,
        env=_env(),
        check=True,
        capture_output=True,
    )


def _env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("hook") / "seqlint"
    repo.mkdir()
    for name in HOOK_REPO_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, repo / name)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "seqlint")
    _git(repo, "tag", f"v{_version()}")  # the release tag README's snippet names
    return repo


def _version() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return project["project"]["version"]


def _documented_config(doc: str) -> str:
    """The ``.pre-commit-config.yaml`` snippet of ``doc`` (README.md or docs/ci.md)."""
    text = (ROOT / doc).read_text(encoding="utf-8")
    (config,) = [
        body for body in re.findall(r"^```yaml\n(.*?)^```", text, re.M | re.S) if "repos:" in body
    ]
    return config


@pytest.mark.parametrize("doc", ["README.md", "docs/ci.md"])
def test_documented_config_validates_without_a_warning(doc, tmp_path):
    path = tmp_path / ".pre-commit-config.yaml"
    path.write_text(_documented_config(doc), encoding="utf-8")
    command = [sys.executable, "-m", "pre_commit", "validate-config", str(path)]
    result = subprocess.run(command, capture_output=True, text=True, env=_env())
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_hook_manifest_validates():
    command = [sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=_env())
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_readme_snippet_runs_one_process_with_one_summary(tmp_path, hook_repo, wheelhouse):
    """README's snippet as written, its repository URL pointed at the hook repository (tagged
    as the snippet's rev): one seqlint process for all files, so one summary."""
    from seqlint.report.shared import REPOSITORY_URL

    config = _documented_config("README.md").replace(REPOSITORY_URL, str(hook_repo))
    files = {**PROJECTS["buggy"], **{f"more{i}.py": _example(GOOD) for i in range(8)}}
    project = _project(tmp_path / "project", {**files, ".pre-commit-config.yaml": config})
    _git(project, "add", ".")
    env = _env(
        PRE_COMMIT_HOME=str(tmp_path / "home"),
        PIP_NO_INDEX="1",
        PIP_FIND_LINKS=str(wheelhouse),
        PRE_COMMIT_COLOR="never",
    )
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    result = subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "[WARNING]" not in result.stdout + result.stderr
    summaries = re.findall(r"^(?:Found|All checks passed).*$", result.stdout, re.M)
    assert summaries == [
        "Found 2 problems (2 errors, 0 warnings) in 2 of 12 files; 12 models analysed."
    ]


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory) -> Path:
    """Wheels of seqlint's dependencies and build requirements."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requirements = [*project["project"]["dependencies"], *project["build-system"]["requires"]]
    target = tmp_path_factory.mktemp("wheelhouse")
    command = [sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:"]
    subprocess.run([*command, "--dest", str(target), *requirements], check=True, timeout=600)
    return target


def _project(directory: Path, files: dict[str, str]) -> Path:
    directory.mkdir()
    for name, text in files.items():
        write(directory / name, text)
    _git(directory, "init", "-q")
    _git(directory, "add", ".")
    return directory


def _example(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def _notebook(name: str) -> str:
    return json.dumps(notebook_from_script(_example(name))[0], indent=1)


GOOD, BAD = (f"stacked_lstm_missing_return_sequences_{kind}.py" for kind in ("good", "bad"))
PROJECTS = {
    "clean": {
        "train.py": _example(GOOD),
        "explore.ipynb": _notebook(GOOD),
        "notes.txt": _example(BAD),  # not a Python file: the hook must not pass it to seqlint
    },
    "buggy": {
        "good.py": _example(GOOD),
        "good.ipynb": _notebook(GOOD),
        "train.py": _example(BAD),
        "explore.ipynb": _notebook(BAD),
    },
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory, hook_repo, wheelhouse) -> dict[str, subprocess.CompletedProcess[str]]:
    """``pre-commit try-repo HOOK_REPO seqlint --all-files`` in each project, run side by side
    (each builds its own hook environment)."""
    base = tmp_path_factory.mktemp("projects")
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "seqlint"]
    running = {}
    for name, files in PROJECTS.items():
        project = _project(base / name, files)
        env = _env(
            PRE_COMMIT_HOME=str(base / f"{name}-home"),
            PIP_NO_INDEX="1",
            PIP_FIND_LINKS=str(wheelhouse),
            PRE_COMMIT_COLOR="never",
        )
        running[name] = subprocess.Popen(
            [*command, "--all-files"],
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    results = {}
    for name, process in running.items():
        stdout, stderr = process.communicate(timeout=600)
        results[name] = subprocess.CompletedProcess(
            process.args, process.returncode, stdout, stderr
        )
    return results


def test_hook_passes_on_good_files_and_skips_other_files(runs):
    result = runs["clean"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^seqlint\.+Passed$", result.stdout, re.M), result.stdout


def test_hook_fails_on_a_bad_script_and_a_bad_notebook(runs):
    result = runs["buggy"]
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"^seqlint\.+Failed$", result.stdout, re.M), result.stdout
    found = re.findall(r"^(.*?): (SL\d{3}) ", result.stdout, re.M)
    assert sorted(found) == [("explore.ipynb:cell 6:4:11", "SL101"), ("train.py:15:11", "SL101")]

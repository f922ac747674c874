"""Which files a directory walk checks, and in which order."""

from __future__ import annotations

import os

import pytest

from seqlint.discover import discover
from tests.cli.support import write


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def _tree(root, names):
    for name in names:
        write(root / name, "import keras\n")


def test_walk_skips_hidden_virtualenv_and_build_folders(tmp_path):
    _tree(
        tmp_path,
        [
            "train.py",
            "pkg/model.py",
            "pkg/sub/layers.py",
            "pkg/notes.txt",
            "pkg/stub.pyi",
            ".hidden/a.py",
            "pkg/.cache/b.py",
            ".venv/lib/c.py",
            "venv/d.py",
            "env/e.py",
            "myenv/f.py",
            "lib/site-packages/g.py",
            "pkg/__pycache__/h.py",
            "node_modules/i.py",
            "build/j.py",
            "dist/k.py",
            "seqlint.egg-info/l.py",
            ".tox/m.py",
            ".nox/n.py",
            ".#lock.py",
        ],
    )
    write(tmp_path / "myenv" / "pyvenv.cfg", "home = /usr/bin\n")
    assert discover(["."]).files == ["pkg/model.py", "pkg/sub/layers.py", "train.py"]


def test_explicit_files_are_kept_whatever_their_suffix(tmp_path):
    _tree(tmp_path, ["script", "notes.txt", "build/gen.py"])
    found = discover(["notes.txt", "script", "build/gen.py"])
    assert found.files == ["build/gen.py", "notes.txt", "script"]


def test_explicit_directories_are_walked_even_if_they_would_be_skipped(tmp_path):
    _tree(tmp_path, [".venv/a.py", ".venv/.git/b.py"])
    assert discover([".venv"]).files == [".venv/a.py"]


def test_order_is_sorted_and_duplicates_are_dropped(tmp_path):
    _tree(tmp_path, ["b/z.py", "b/a.py", "a.py", "b.py", "a-b/x.py"])
    found = discover(["b", "a.py", ".", "b/a.py", "./a.py"])
    assert found.files == ["a-b/x.py", "a.py", "b/a.py", "b/z.py", "b.py"]
    assert len(set(map(os.path.realpath, found.files))) == len(found.files)


def test_order_does_not_depend_on_argument_order(tmp_path):
    _tree(tmp_path, ["x/1.py", "y/2.py", "z.py"])
    assert discover(["z.py", "y", "x"]).files == discover(["x", "y", "z.py"]).files


def test_walked_paths_keep_the_given_prefix(tmp_path):
    _tree(tmp_path, ["src/pkg/m.py"])
    assert discover(["src"]).files == ["src/pkg/m.py"]
    assert discover(["./src/"]).files == ["src/pkg/m.py"]


def test_absolute_paths_below_the_working_directory_become_relative(tmp_path, monkeypatch):
    _tree(tmp_path, ["repo/src/pkg/m.py", "elsewhere/n.py"])
    monkeypatch.chdir(tmp_path / "repo")
    assert discover([str(tmp_path / "repo" / "src")]).files == ["src/pkg/m.py"]
    assert discover([str(tmp_path / "repo/src/pkg/m.py")]).files == ["src/pkg/m.py"]
    outside = str(tmp_path / "elsewhere" / "n.py")
    assert discover([outside]).files == [outside]


def test_symlinked_directories_are_not_followed(tmp_path):
    _tree(tmp_path, ["real/m.py"])
    os.symlink(tmp_path / "real", tmp_path / "loop")
    os.symlink(tmp_path, tmp_path / "real" / "up")
    assert discover(["."]).files == ["real/m.py"]


def test_missing_paths_are_collected(tmp_path):
    _tree(tmp_path, ["a.py"])
    found = discover(["nope", "a.py", "gone/x.py"])
    assert found.files == ["a.py"]
    assert found.missing == ["nope", "gone/x.py"]


def test_unreadable_directory_is_reported_and_the_walk_goes_on(tmp_path, monkeypatch):
    _tree(tmp_path, ["locked/a.py", "open/b.py"])
    real_scandir = os.scandir

    def scandir(path):
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = discover(["."])
    assert found.files == ["open/b.py"]
    assert found.errors == ["seqlint: error: cannot read directory locked: Permission denied"]
    assert found.unreadable == ["locked"]

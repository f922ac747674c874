"""``seqlint check --fix / --diff / --unsafe-fixes`` on files: what is written, what is not."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from click.testing import CliRunner

from seqlint.cli import main
from seqlint.fixing import FixRun, _write

BAD = """\
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(20, 8)),
    layers.LSTM(64),
    layers.LSTM(32),
    layers.Dense(1),
])
"""
FIXED = BAD.replace("layers.LSTM(64),", "layers.LSTM(64, return_sequences=True),")
UNSAFE_ONLY = """\
from tensorflow import keras

a = keras.Input(shape=(20, 3))
b = keras.Input(shape=(10, 3))
x = keras.layers.Concatenate(axis=-1)([a, b])
"""


def run(*args: str):
    return CliRunner().invoke(main, ["check", "--no-color", *args])


def test_diff_prints_the_change_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "model.py"
    path.write_text(BAD)
    result = run("--diff", str(path))
    assert result.exit_code == 1
    assert f"--- {path}\n+++ {path}\n" in result.stdout
    assert "-    layers.LSTM(64),\n+    layers.LSTM(64, return_sequences=True),\n" in result.stdout
    assert "Would apply 1 fix in 1 file(s)." in result.stderr
    assert path.read_text() == BAD
    path.write_text(FIXED)
    assert run("--diff", str(path)).exit_code == 0


def test_fix_writes_keeps_permissions_and_exits_0_when_nothing_remains(tmp_path: Path) -> None:
    path = tmp_path / "model.py"
    path.write_text(BAD)
    path.chmod(0o640)
    result = run("--fix", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_text() == FIXED
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert "Fixed 1 problem, 0 remaining." in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["model.py"]  # no temporary file left


def test_unsafe_fixes_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "model.py"
    path.write_text(UNSAFE_ONLY)
    result = run("--fix", str(path))
    assert result.exit_code == 1
    assert "1 more fixable with --fix --unsafe-fixes." in result.stdout
    assert path.read_text() == UNSAFE_ONLY
    result = run("--fix", "--unsafe-fixes", str(path))
    assert result.exit_code == 0
    assert "Concatenate(axis=-2)" in path.read_text()


def test_a_file_changed_since_it_was_read_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "model.py"
    path.write_text(BAD + "# edited meanwhile\n")
    run_ = FixRun()
    assert not _write(str(path), BAD.encode(), FIXED.encode(), run_)
    assert path.read_text() == BAD + "# edited meanwhile\n"
    assert run_.errors == [f"seqlint: error: {path} changed while fixing; left as it was"]


def test_a_failed_write_is_reported_and_leaves_the_file_whole(tmp_path, monkeypatch) -> None:
    path = tmp_path / "model.py"
    path.write_text(BAD)

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    result = run("--fix", str(path))
    assert (
        f"seqlint: error: cannot write {path}: Permission denied; left as it was" in result.stderr
    )
    assert path.read_text() == BAD
    assert [p.name for p in tmp_path.iterdir()] == ["model.py"]  # the temporary file is gone
    assert result.exit_code == 1  # the problem remains


def test_fix_keeps_the_files_encoding(tmp_path: Path) -> None:
    """Read and written through ``sources``: a BOM stays, a coding cookie's encoding is used."""
    bom = tmp_path / "bom.py"
    bom.write_bytes(b"\xef\xbb\xbf" + BAD.encode())
    latin = tmp_path / "latin.py"
    cookie = "# -*- coding: latin-1 -*-\n# caf\xe9\n"
    latin.write_bytes((cookie + BAD).encode("latin-1"))
    result = run("--fix", str(bom), str(latin))
    assert "Fixed 2 problems, 0 remaining." in result.stderr
    assert bom.read_bytes() == b"\xef\xbb\xbf" + FIXED.encode()
    assert latin.read_bytes() == (cookie + FIXED).encode("latin-1")


def test_fix_on_the_examples_leaves_no_fixable_finding_behind(tmp_path: Path, monkeypatch) -> None:
    """The issue's bar: ``seqlint check --fix examples/`` leaves nothing --fix could still fix,
    and ``--unsafe-fixes`` nothing any fix could (each fixed file runs in Keras 3:
    tests/keras/test_fixes_keras.py)."""
    import json
    import shutil

    shutil.copytree(Path(__file__).resolve().parents[2] / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)

    def fixes_left() -> list[tuple[str, str]]:
        report = json.loads(run("--no-cache", "--format", "json", "examples").stdout)
        return [(d["code"], d["fix"]["applicability"]) for d in report["diagnostics"] if d["fix"]]

    assert ("SL101", "safe") in fixes_left()
    assert "Fixed" in run("--no-cache", "--fix", "examples").stderr
    left = fixes_left()
    assert left and all(applicability == "unsafe" for _, applicability in left)
    run("--no-cache", "--fix", "--unsafe-fixes", "examples")
    assert fixes_left() == []

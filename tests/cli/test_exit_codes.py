"""Exit codes 0 / 1 / 2 and what is printed around them."""

from __future__ import annotations

import pytest

from seqlint import __version__
from tests.cli.support import KERAS_BUGGY, KERAS_CLEAN, write


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_clean_file_exits_0(stub, run, tmp_path):
    write(tmp_path / "model.py", KERAS_CLEAN)
    result = run("check", "model.py")
    assert result.exit_code == 0
    assert result.stdout.strip() == "All checks passed (1 file)."
    assert result.stderr == ""


def test_diagnostic_exits_1(stub, run, tmp_path):
    write(tmp_path / "model.py", KERAS_BUGGY)
    result = run("check", "model.py")
    assert result.exit_code == 1
    assert "model.py:3:5: SL101 " in result.stdout


def test_unknown_option_exits_2(stub, run, tmp_path):
    write(tmp_path / "model.py", KERAS_CLEAN)
    result = run("check", "--frobnicate", "model.py")
    assert result.exit_code == 2
    assert "No such option" in result.stderr


def test_unknown_format_exits_2(stub, run, tmp_path):
    write(tmp_path / "model.py", KERAS_CLEAN)
    assert run("check", "--format", "xml", "model.py").exit_code == 2


def test_no_path_exits_2(stub, run):
    assert run("check").exit_code == 2


def test_missing_path_exits_2_after_checking_the_others(stub, run, tmp_path):
    write(tmp_path / "model.py", KERAS_BUGGY)
    result = run("check", "foo/", "model.py")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["seqlint: error: path not found: foo/"]
    assert "model.py:3:5: SL101 " in result.stdout  # the other path is still reported
    assert stub.calls == ["model.py"]


def test_missing_path_exits_2_even_if_the_rest_is_clean(stub, run, tmp_path):
    write(tmp_path / "model.py", KERAS_CLEAN)
    result = run("check", "model.py", "nope.py")
    assert result.exit_code == 2
    assert result.stdout == "No problems found in 1 file; 1 path not found.\n"
    assert result.stderr == "seqlint: error: path not found: nope.py\n"


def test_a_missing_path_alone_is_one_error_line(stub, run, tmp_path):
    for options in ((), ("-q",), ("--format", "concise")):
        result = run("check", *options, "nope.py")
        assert (result.exit_code, result.stdout) == (2, ""), options
        assert result.stderr == "seqlint: error: path not found: nope.py\n"


def test_nothing_readable_exits_2(stub, run, tmp_path):
    write(tmp_path / "bad.py", b"import keras\nx = '\xff'\n")
    result = run("check", "bad.py")
    assert result.exit_code == 2
    assert "cannot decode bad.py" in result.stderr


def test_one_readable_file_is_enough_to_not_exit_2(stub, run, tmp_path):
    write(tmp_path / "bad.py", b"import keras\nx = '\xff'\n")
    write(tmp_path / "good.py", KERAS_CLEAN)
    result = run("check", ".")
    assert result.exit_code == 0
    assert "All checks passed (1 file)." in result.stdout


def test_empty_directory_warns_and_exits_0(stub, run, tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("check", "empty")
    assert result.exit_code == 0
    assert result.stderr.strip() == "seqlint: warning: no Python files found in empty"
    assert "All checks passed (0 files)." in result.stdout


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"seqlint {__version__}"


def test_help_documents_exit_codes(run):
    result = run("check", "--help")
    assert result.exit_code == 0
    assert "Exit status" in result.stdout
    assert "does not exist" in result.stdout


def test_python_dash_m(tmp_path):
    import subprocess
    import sys

    write(tmp_path / "plain.py", "print('no model here')\n")
    proc = subprocess.run(
        [sys.executable, "-m", "seqlint", "check", str(tmp_path / "plain.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "All checks passed (1 file)."
    version = subprocess.run(
        [sys.executable, "-m", "seqlint", "--version"], capture_output=True, text=True, check=False
    )
    assert version.stdout.strip() == f"seqlint {__version__}"

"""``seqlint check -``: standard input, named by --stdin-filename."""

from __future__ import annotations

import pytest

from tests.cli.support import KERAS_BUGGY, KERAS_CLEAN, write


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_stdin_is_checked_and_named_dash(stub, run_with_input):
    result = run_with_input(KERAS_BUGGY, "check", "-")
    assert result.exit_code == 1
    assert "-:3:5: SL101 " in result.stdout
    assert stub.calls == ["-"]


def test_stdin_filename_names_it_and_chooses_its_configuration(stub, run_with_input, tmp_path):
    write(tmp_path / "pkg" / "seqlint.toml", 'ignore = ["SL101"]\n')
    result = run_with_input(KERAS_BUGGY, "check", "-", "--stdin-filename", "other/model.py")
    assert result.exit_code == 1
    assert "other/model.py:3:5: SL101 " in result.stdout
    result = run_with_input(KERAS_BUGGY, "check", "-", "--stdin-filename", "pkg/model.py")
    assert result.exit_code == 0
    assert result.stdout.strip() == "All checks passed (1 file)."


def test_stdin_with_other_paths(stub, run_with_input, tmp_path):
    write(tmp_path / "a.py", KERAS_BUGGY)
    result = run_with_input(KERAS_CLEAN, "check", "a.py", "-")
    assert sorted(stub.calls) == ["-", "a.py"]
    assert "All checks passed" not in result.stdout


def test_undecodable_stdin_is_one_line_exit_2(stub, run_with_input):
    result = run_with_input(b"import keras\n\xff\n", "check", "-")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "seqlint: error: cannot decode -: not valid UTF-8 (byte 0xff at offset 13)"
    ]

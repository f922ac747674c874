"""Summaries that say what happened: files checked, skipped (by comment, configuration, size),
models not analysed and findings in the baseline, counted exactly in every format that has a
summary (text, ``-q``, concise, junit, json); ``--fix`` on standard input as ruff does it."""

from __future__ import annotations

import json

import pytest

from seqlint import engine, sources
from seqlint.diagnostic import FileResult, Unanalysed
from tests.cli.support import KERAS_BUGGY, KERAS_CLEAN, make_diagnostic, write


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


SKIPPED = "import keras\n# seqlint: skip-file\nmodel = keras.Sequential()  # BUG\n"


@pytest.fixture
def tree(stub, tmp_path):
    """Two checked files (one buggy), one skipped by comment, one excluded by the
    configuration, one too large."""
    write(tmp_path / "a.py", KERAS_BUGGY)
    write(tmp_path / "b.py", KERAS_CLEAN)
    write(tmp_path / "skipped.py", SKIPPED)
    write(tmp_path / "gen" / "made.py", KERAS_BUGGY)
    write(tmp_path / "big.py", KERAS_CLEAN + "#" * 200 + "\n")
    write(tmp_path / "seqlint.toml", 'exclude = ["gen"]\n')
    return stub


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 150)


def test_text_summary_counts_checked_and_skipped_files(tree, small_limit, run):
    result = run("check", "--no-cache", ".")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == (
        "Found 1 problem (1 error, 0 warnings) in 1 of 2 files; "
        "skipped: 1 by comment, 1 by configuration, 1 by size."
    )
    assert tree.calls == ["a.py", "b.py"]


def test_concise_junit_and_quiet_say_the_same(tree, small_limit, run):
    concise = run("check", "--no-cache", "--format", "concise", ".").stdout.splitlines()
    assert concise[-1] == (
        "Found 1 problem (1 error, 0 warnings) in 1 of 2 files; "
        "skipped: 1 by comment, 1 by configuration, 1 by size."
    )
    quiet = run("check", "--no-cache", "-q", ".")
    assert quiet.stdout.splitlines()[-1] == "Found 1 problem in 2 files; 3 skipped."
    assert quiet.stderr == ""  # -q: no warning about the large file


def test_clean_run_summaries(tree, small_limit, run, tmp_path):
    write(tmp_path / "a.py", KERAS_CLEAN)
    expected = "All checks passed (2 files; skipped: 1 by comment, 1 by configuration, 1 by size)."
    assert run("check", "--no-cache", ".").stdout == expected + "\n"
    assert run("check", "--no-cache", "--format", "concise", ".").stdout == expected + "\n"
    assert (
        run("check", "--no-cache", "-q", ".").stdout == "All checks passed (2 files; 3 skipped).\n"
    )
    junit = run("check", "--no-cache", "--format", "junit", ".").stdout
    assert f'<testcase name="{expected}" />' in junit


def test_json_counts_skipped_files(tree, small_limit, run):
    document = json.loads(run("check", "--no-cache", "--format", "json", ".").stdout)
    assert document["files_checked"] == 2
    assert document["skipped_files"] == ["skipped.py"]
    assert document["files_skipped"] == {"comment": 1, "configuration": 1, "size": 1}
    assert (document["baselined"], document["paths_not_found"]) == (0, [])


def test_a_file_skipped_by_comment_alone_is_not_checked(stub, run, tmp_path):
    write(tmp_path / "skipped.py", SKIPPED)
    result = run("check", "--no-cache", "skipped.py")
    assert (result.exit_code, result.stdout) == (
        0,
        "All checks passed (0 files; skipped: 1 by comment).\n",
    )
    assert stub.calls == []


def test_not_analysed_is_counted_in_concise_and_quiet(stub, run, tmp_path, monkeypatch):
    def analyse(source, path, target="3"):
        return FileResult(
            (make_diagnostic(path, line=3),),
            models=1,
            unanalysed=(Unanalysed(path, 2, "model `m`", "unknown layer"),),
        )

    monkeypatch.setattr(engine, "load_analysis", lambda: (analyse, Exception))
    write(tmp_path / "m.py", KERAS_BUGGY)
    concise = run("check", "--no-cache", "--format", "concise", "m.py").stdout.splitlines()
    assert concise[-1] == (
        "Found 1 problem (1 error, 0 warnings) in 1 file; 1 model analysed; "
        "1 not analysed (--verbose says why)."
    )
    quiet = run("check", "--no-cache", "-q", "m.py").stdout.splitlines()
    assert quiet[-1] == "Found 1 problem in 1 file; 1 not analysed."


def test_a_missing_path_with_problems_says_so(stub, run, tmp_path):
    write(tmp_path / "a.py", KERAS_BUGGY)
    result = run("check", "--no-cache", "--format", "concise", "a.py", "nope")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[-1] == (
        "Found 1 problem (1 error, 0 warnings) in 1 file; 1 path not found."
    )
    assert run("check", "--no-cache", "-q", "a.py", "nope").stdout.splitlines()[-1] == (
        "Found 1 problem in 1 file; 1 path not found."
    )


FIXABLE = """\
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential(
    [keras.Input(shape=(20, 8)), layers.LSTM(32), layers.TimeDistributed(layers.Dense(1))]
)
"""


def test_fix_on_standard_input_prints_the_fixed_source(run_with_input):
    result = run_with_input(FIXABLE, "check", "--no-cache", "--fix", "-")
    assert result.exit_code == 0
    assert result.stdout == FIXABLE.replace("LSTM(32)", "LSTM(32, return_sequences=True)")
    assert result.stderr.splitlines() == [
        "All checks passed (1 file, 1 model analysed).",
        "Fixed 1 problem, 0 remaining.",
    ]


def test_fix_on_standard_input_prints_unfixable_source_as_it_came(run_with_input):
    source = FIXABLE.replace(", layers.TimeDistributed(layers.Dense(1))", "")
    assert source != FIXABLE
    source += "model.predict_classes(None)\n"
    result = run_with_input(source, "check", "--no-cache", "--fix", "--format", "concise", "-")
    assert result.exit_code == 1
    assert result.stdout == source
    assert result.stderr.splitlines()[0].startswith("-:7:1: SL219 ")
    assert result.stderr.splitlines()[-1] == "Fixed 0 problems, 1 remaining."


def test_diff_on_standard_input_prints_the_diff(run_with_input):
    result = run_with_input(FIXABLE, "check", "--no-cache", "--diff", "-")
    assert result.exit_code == 1
    fixed = FIXABLE.replace("LSTM(32)", "LSTM(32, return_sequences=True)").splitlines()
    assert result.stdout.splitlines()[2:] == [
        "@@ -2,5 +2,5 @@",
        " " + fixed[1],
        " ",
        " " + fixed[3],
        "-" + FIXABLE.splitlines()[4],
        "+" + fixed[4],
        " )",
    ]
    assert result.stderr == "Would apply 1 fix.\n"


def test_fix_on_standard_input_takes_no_other_path(run_with_input, tmp_path):
    write(tmp_path / "a.py", KERAS_CLEAN)
    result = run_with_input(FIXABLE, "check", "--fix", "-", "a.py")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "seqlint: error: --fix and --diff read standard input (PATH -) alone: give no other PATH\n"
    )


def test_verbose_names_the_skipped_files(tree, small_limit, run):
    lines = run("check", "--no-cache", "--verbose", ".").stderr.splitlines()
    assert "seqlint: skipped.py: skipped (# seqlint: skip-file)" in lines
    assert "seqlint: 1 file skipped by the configuration's exclude patterns" in lines
    assert "seqlint: warning: skipping big.py: file too large (241 bytes, limit 150 bytes)" in lines

"""Syntax errors, crashes of the pipeline on one file, and the worker processes."""

from __future__ import annotations

import os
import pickle
import re

import pytest

from seqlint.engine import check_paths
from tests.cli.support import KERAS_BUGGY, KERAS_CLEAN, FakeParseFailure, make_diagnostic, write


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_parse_failure_becomes_sl900_at_its_position(stub, run, tmp_path):
    write(tmp_path / "broken.py", "import keras\nx = keras.Input(\n")
    stub.raise_on("broken.py", FakeParseFailure("'(' was never closed", line=2, column=5))
    result = run("check", "--format", "json", "broken.py")
    assert result.exit_code == 1
    import json

    (diagnostic,) = json.loads(result.stdout)["diagnostics"]
    assert diagnostic["code"] == "SL900"
    assert diagnostic["name"] == "syntax-error"
    assert diagnostic["severity"] == "error"
    assert (diagnostic["line"], diagnostic["column"]) == (2, 5)
    assert diagnostic["message"] == "syntax error: '(' was never closed"


def test_parse_failure_text_line(stub, run, tmp_path):
    write(tmp_path / "broken.py", "import keras\nx = keras.Input(\n")
    stub.raise_on("broken.py", FakeParseFailure("invalid syntax", line=2, column=5))
    result = run("check", "--no-color", "broken.py")
    assert result.stdout.splitlines()[0] == "broken.py:2:5: SL900 invalid syntax"


def test_internal_error_is_sl901_and_the_others_go_on(stub, run, tmp_path):
    write(tmp_path / "a.py", KERAS_BUGGY)
    write(tmp_path / "b.py", KERAS_CLEAN)
    write(tmp_path / "c.py", KERAS_BUGGY)
    stub.raise_on("b.py", KeyError("units"))
    result = run("check", "--no-color", ".")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if re.match(r"\w\.py:", line)]
    assert lines == [
        "a.py:3:5: SL101 TimeDistributed needs an input of rank >= 3, got (batch, 64)",
        "b.py:1:1: SL901 internal error while analysing this file: KeyError: 'units'; "
        "please report it",
        "c.py:3:5: SL101 TimeDistributed needs an input of rank >= 3, got (batch, 64)",
    ]
    assert "Traceback" not in result.output
    assert stub.calls == ["a.py", "b.py", "c.py"]


def test_debug_prints_the_traceback_on_stderr_only(stub, run, tmp_path):
    write(tmp_path / "b.py", KERAS_CLEAN)
    stub.raise_on("b.py", ValueError("boom"))
    result = run("check", "--debug", "b.py")
    assert result.exit_code == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert "ValueError: boom" in result.stderr
    assert "Traceback" not in result.stdout


@pytest.mark.parametrize(
    "exc, shown",
    [
        (RecursionError("maximum recursion depth exceeded"), "RecursionError: maximum recursion"),
        (MemoryError(), "MemoryError; please report it"),
    ],
)
def test_recursion_and_memory_errors_do_not_kill_the_run(stub, tmp_path, exc, shown):
    write(tmp_path / "a.py", KERAS_CLEAN)
    write(tmp_path / "b.py", KERAS_BUGGY)
    stub.raise_on("a.py", exc)
    result = check_paths(["."])
    assert [d.code for d in result.diagnostics] == ["SL901", "SL101"]
    assert shown in result.diagnostics[0].message
    assert "a.py" in result.tracebacks


def test_real_recursion_in_the_pipeline(stub, tmp_path):
    def recurse(source, path):
        return recurse(source, path)

    write(tmp_path / "a.py", KERAS_CLEAN)
    stub.on("a.py", recurse)
    (diagnostic,) = check_paths(["a.py"]).diagnostics
    assert diagnostic.code == "SL901"
    assert "RecursionError" in diagnostic.message


def test_multiline_exception_message_stays_on_one_line(stub, tmp_path):
    write(tmp_path / "a.py", KERAS_CLEAN)
    stub.raise_on("a.py", RuntimeError("first\nsecond\n\nthird"))
    (diagnostic,) = check_paths(["a.py"]).diagnostics
    assert "RuntimeError: first second third;" in diagnostic.message


def test_pipeline_that_cannot_be_imported_is_an_internal_error(monkeypatch, tmp_path):
    from seqlint import engine

    def broken():
        raise ImportError("cannot import name 'extract'")

    monkeypatch.setattr(engine, "load_analysis", broken)
    write(tmp_path / "a.py", KERAS_CLEAN)
    (diagnostic,) = check_paths(["a.py"]).diagnostics
    assert diagnostic.code == "SL901"


def test_diagnostics_pickle():
    diagnostic = make_diagnostic("a.py")
    assert pickle.loads(pickle.dumps(diagnostic)) == diagnostic


def _many_files(tmp_path, count=20):
    for i in range(count):
        write(tmp_path / f"m{i:02d}.py", KERAS_BUGGY if i % 3 else KERAS_CLEAN)


def test_parallel_results_match_in_process_in_path_order(stub, tmp_path):
    _many_files(tmp_path)
    serial = check_paths(["."], jobs=1)
    parallel = check_paths(["."], jobs=2)
    assert parallel.diagnostics == serial.diagnostics
    assert [d.path for d in parallel.diagnostics] == sorted(d.path for d in serial.diagnostics)
    assert len(serial.diagnostics) == 13


def test_default_uses_workers_only_for_enough_work_and_free_cores(stub, monkeypatch):
    from seqlint import engine

    monkeypatch.setattr(engine, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (1.0, 1.0, 1.0))  # idle but for us
    assert engine.worker_count(engine.PARALLEL_MIN_BYTES, 100) == 1
    assert engine.worker_count(engine.PARALLEL_MIN_BYTES + 1, 100) == 2
    assert engine.worker_count(10**9, 1) == 1
    assert engine.worker_count(10, 3, jobs=8) == 3
    assert engine.worker_count(10**9, 100, jobs=1) == 1
    monkeypatch.setattr(os, "getloadavg", lambda: (7.5, 7.0, 6.0))  # cores already busy
    assert engine.worker_count(10**9, 100) == 1
    assert engine.worker_count(10**9, 100, jobs=2) == 2
    monkeypatch.setattr(engine, "cpu_count", lambda: 1)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert engine.worker_count(10**9, 500) == 1


def test_internal_error_inside_a_worker(stub, tmp_path):
    _many_files(tmp_path)
    stub.raise_on("m05.py", ZeroDivisionError("division by zero"))
    result = check_paths(["."], jobs=2)
    codes = {d.path: d.code for d in result.diagnostics}
    assert codes["m05.py"] == "SL901"
    assert "ZeroDivisionError" in result.tracebacks["m05.py"]


def test_a_dying_worker_falls_back_to_in_process(stub, tmp_path):
    parent = os.getpid()

    def die_in_worker(source, path):
        if os.getpid() != parent:
            os._exit(3)
        return [make_diagnostic(path)]

    _many_files(tmp_path)
    stub.on("m07.py", die_in_worker)
    result = check_paths(["."], jobs=2)
    assert [d.path for d in result.diagnostics if d.path == "m07.py"] == ["m07.py"]
    assert len({d.path for d in result.diagnostics}) == 13

"""The text report and the JSON document."""

from __future__ import annotations

import io
import json
import re
from dataclasses import fields
from pathlib import Path

import pytest

from seqlint.diagnostic import Diagnostic, Severity
from seqlint.report.text import render_text, wants_color
from tests.cli.support import KERAS_BUGGY, KERAS_CLEAN, make_diagnostic, write

ANSI = re.compile(r"\x1b\[")
ANSI_SEQUENCE = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_text_report_has_location_trace_and_hint(stub, run, tmp_path):
    write(tmp_path / "model.py", KERAS_BUGGY)
    result = run("check", "--no-color", "model.py")
    out = result.stdout
    lines = out.splitlines()
    assert lines[0] == (
        "model.py:3:5: SL101 TimeDistributed needs an input of rank >= 3, got (batch, 64)"
    )
    assert re.search(r"layer\s+line\s+output shape", out)
    assert re.search(r"^\s+Input\(shape=\(20, 8\)\)\s+1\s+\(batch, 20, 8\)\s*$", out, re.M)
    assert re.search(r"LSTM\(64\)\s+2\s+\(batch, 64\)\s+return_sequences is False", out)
    marked = r"^  > TimeDistributed\(Dense\(1\)\)\s+3  expects rank >= 3  gets rank 2$"
    assert re.search(marked, out, re.M)
    assert not re.search(r" +$", out, re.M)  # no trailing blanks
    assert "  hint: pass return_sequences=True to LSTM(64)" in lines
    assert lines[-1] == "Found 1 problem (1 error, 0 warnings) in 1 file."
    assert not ANSI.search(out)


class _Terminal(io.StringIO):
    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


def test_color_decision(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert wants_color(_Terminal())
    assert not wants_color(_Terminal(), no_color=True)
    assert not wants_color(io.StringIO())
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert wants_color(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_color(_Terminal())


def test_no_color_flag_on_a_terminal(stub, run, tmp_path, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")  # what a terminal would get
    write(tmp_path / "model.py", KERAS_BUGGY)
    assert ANSI.search(run("check", "model.py").stdout)
    assert not ANSI.search(run("check", "--no-color", "model.py").stdout)


def test_color_output_keeps_the_layout(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    plain, colored = io.StringIO(), _Terminal()
    render_text([make_diagnostic("m.py")], 1, plain, color=False)
    render_text([make_diagnostic("m.py")], 1, colored, color=True)
    assert ANSI.search(colored.getvalue())
    assert ANSI_SEQUENCE.sub("", colored.getvalue()) == plain.getvalue()


def test_plain_output_does_not_import_rich():
    import subprocess
    import sys

    code = (
        "import io, sys\n"
        "from tests.cli.support import make_diagnostic\n"
        "from seqlint.report.text import render_text\n"
        "render_text([make_diagnostic('m.py')], 1, io.StringIO())\n"
        "assert 'rich' not in sys.modules\n"
    )
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
    assert proc.returncode == 0, proc.stderr


def test_non_tty_output_has_no_color_codes_by_default(stub, run, tmp_path):
    write(tmp_path / "model.py", KERAS_BUGGY)
    assert not ANSI.search(run("check", "model.py").stdout)


def test_long_location_line_is_not_wrapped():
    buffer = io.StringIO()
    long_path = "very/deep/" * 20 + "model.py"
    message = "a message with [brackets] and [bold]markup[/bold] " * 4
    render_text([make_diagnostic(long_path, message=message.strip(), trace=())], 1, buffer)
    first = buffer.getvalue().splitlines()[0]
    assert first == f"{long_path}:3:5: SL101 {message.strip()}"


def test_summary_counts_and_plurals(stub, run, tmp_path):
    write(tmp_path / "a.py", KERAS_BUGGY + "z = 3  # BUG\n")
    write(tmp_path / "b.py", KERAS_CLEAN)
    write(tmp_path / "c.py", "print('no model')\n")

    def mixed(source, path):
        return [
            make_diagnostic(path, 3),
            make_diagnostic(path, 4, severity=Severity.WARNING, code="SL201"),
            make_diagnostic(path, 5, severity=Severity.INFO, code="SL213"),
        ]

    stub.on("a.py", mixed)
    result = run("check", ".")
    assert result.stdout.splitlines()[-1] == (
        "Found 3 problems (1 error, 1 warning, 1 info) in 1 of 3 files."
    )


def test_clean_summary(stub, run, tmp_path):
    write(tmp_path / "a.py", KERAS_CLEAN)
    write(tmp_path / "b.py", KERAS_CLEAN)
    assert run("check", ".").stdout == "All checks passed (2 files).\n"


def test_diagnostic_without_trace_or_hint():
    buffer = io.StringIO()
    render_text([make_diagnostic("m.py", trace=(), hint="")], 1, buffer)
    assert buffer.getvalue() == (
        "m.py:3:5: SL101 TimeDistributed needs an input of rank >= 3, got (batch, 64)\n"
        "\nFound 1 problem (1 error, 0 warnings) in 1 file.\n"
    )


EXPECTED_KEYS = {
    "path": str,
    "line": int,
    "column": int,
    "end_line": int,
    "end_column": int,
    "code": str,
    "name": str,
    "severity": str,
    "message": str,
    "hint": str,
    "trace": list,
    "fix": type(None),  # {"applicability": "safe" | "unsafe", "message": ...} when fixable
    "cell": type(None),  # a notebook's cell; tests/cli/test_notebooks.py
    "origin": type(None),  # in an imported module; tests/frontend/test_crossfile.py
    "url": str,
}
TRACE_KEYS = {
    "layer": str,
    "line": int,
    "shape": str,
    "note": str,
    "marked": bool,
    "cell": type(None),
    "place": type(None),  # a layer of an imported module: "model.py:12"
}


def test_json_document_schema(stub, run, tmp_path):
    write(tmp_path / "a.py", KERAS_BUGGY)
    write(tmp_path / "b.py", KERAS_CLEAN)
    result = run("check", "--format", "json", ".")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert set(document) == {
        "diagnostics",
        "files_checked",
        "keras_target",
        "models_analysed",
        "not_analysed",
        "skipped_files",
        "files_skipped",
        "baselined",
        "paths_not_found",
    }
    assert document["files_checked"] == 2
    assert document["files_skipped"] == {"comment": 0, "configuration": 0, "size": 0}
    (diagnostic,) = document["diagnostics"]
    assert set(diagnostic) == set(EXPECTED_KEYS)
    for key, kind in EXPECTED_KEYS.items():
        assert type(diagnostic[key]) is kind, key
    assert diagnostic["severity"] in {"error", "warning", "info"}
    assert diagnostic["line"] >= 1 and diagnostic["column"] >= 1
    assert diagnostic["path"] == "a.py"
    assert diagnostic["url"].endswith("/docs/rules/SL101.md")
    for row in diagnostic["trace"]:
        assert set(row) == set(TRACE_KEYS)
        for key, kind in TRACE_KEYS.items():
            assert type(row[key]) is kind, key
    assert [row["marked"] for row in diagnostic["trace"]] == [False, False, True]


def test_json_clean_run_and_errors_on_stderr(stub, run, tmp_path):
    write(tmp_path / "a.py", KERAS_CLEAN)
    write(tmp_path / "bad.py", b"import keras\n\xff\n")
    result = run("check", "--format", "json", ".", "missing.py")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert (document["diagnostics"], document["files_checked"]) == ([], 1)
    assert result.stderr.splitlines() == [
        "seqlint: error: path not found: missing.py",
        "seqlint: error: cannot decode bad.py: not valid UTF-8 (byte 0xff at offset 13)",
    ]


def test_json_severities(stub, run, tmp_path):
    write(tmp_path / "a.py", KERAS_CLEAN)
    stub.on(
        "a.py",
        lambda source, path: [
            make_diagnostic(path, 1, severity=Severity.WARNING),
            make_diagnostic(path, 2, severity=Severity.INFO),
        ],
    )
    document = json.loads(run("check", "--format", "json", "a.py").stdout)
    assert [d["severity"] for d in document["diagnostics"]] == ["warning", "info"]


def test_ascii_only_stream_gets_ascii_rule_and_no_crash():
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    render_text(
        [make_diagnostic("m.py", message="shape (batch, 64) \u2192 needs rank 3")], 1, stream
    )
    text = raw.getvalue().decode("ascii")
    assert "shape (batch, 64) ? needs rank 3" in text
    assert "  ------" in text


def _documented_fields(heading: str, table: int) -> set[str]:
    """The field names in the first column of the ``table``-th table under ``heading`` of
    docs/api.md."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    tables = re.findall(r"(?:^\|.*\|\n)+", section, re.M)
    rows = tables[table].splitlines()[2:]
    return {name for row in rows for name in re.findall(r"`(\w+)`", row.split("|")[1])}


def test_api_docs_list_every_json_field(stub, run, tmp_path):
    """docs/api.md's JSON report tables name exactly the report's fields."""
    write(tmp_path / "a.py", KERAS_BUGGY)
    document = json.loads(run("check", "--format", "json", str(tmp_path / "a.py")).stdout)
    assert _documented_fields("The JSON report", 0) == set(document)
    assert _documented_fields("The JSON report", 1) == set(document["diagnostics"][0])
    assert _documented_fields("`seqlint.Diagnostic`", 0) == {f.name for f in fields(Diagnostic)}

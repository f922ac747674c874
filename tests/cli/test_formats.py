"""Output formats: concise, json-lines, sarif (validated against the official schema), gitlab,
junit; every format reachable from ``--format``."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from seqlint.diagnostic import Severity
from seqlint.report import FORMATS, renderer
from seqlint.report.shared import all_rules, rule_url
from seqlint.rules import ALL_RULES
from tests.cli.support import KERAS_BUGGY, KERAS_CLEAN, make_diagnostic, write

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json").read_text()
)
NOTEBOOK = json.dumps(
    {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# notes\n"]},
            {"cell_type": "code", "metadata": {}, "source": [KERAS_CLEAN]},
            {"cell_type": "code", "metadata": {}, "source": ["%time fit()\n", "z = 1  # BUG\n"]},
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def project(tmp_path):
    write(tmp_path / "a.py", KERAS_BUGGY)
    write(tmp_path / "b.py", KERAS_CLEAN)
    write(tmp_path / "my nb.ipynb", NOTEBOOK)
    return tmp_path


def test_every_format_is_a_choice_and_renders(stub, run, project):
    assert FORMATS == (
        "text",
        "concise",
        "json",
        "json-lines",
        "sarif",
        "github",
        "gitlab",
        "junit",
    )
    for name in FORMATS:
        result = run("check", "--format", name, "--no-color", ".")
        assert result.exit_code == 1, name
        assert "a.py" in result.stdout and "nb.ipynb" in result.stdout, name


def test_concise_is_one_line_per_diagnostic(stub, run, project):
    result = run("check", "--format", "concise", ".")
    assert result.stdout.splitlines() == [
        "a.py:3:5: SL101 [rank-mismatch] TimeDistributed needs an input of rank >= 3, got "
        "(batch, 64)",
        "my nb.ipynb:cell 3:2:5: SL101 [rank-mismatch] TimeDistributed needs an input of rank "
        ">= 3, got (batch, 64)",
        "Found 2 problems (2 errors, 0 warnings) in 2 of 3 files.",
    ]


def test_json_lines_is_one_object_per_line_and_nothing_when_clean(stub, run, project):
    lines = run("check", "--format", "json-lines", ".").stdout.splitlines()
    objects = [json.loads(line) for line in lines]
    assert [(o["path"], o["cell"], o["line"], o["code"]) for o in objects] == [
        ("a.py", None, 3, "SL101"),
        ("my nb.ipynb", 3, 2, "SL101"),
    ]
    document = json.loads(run("check", "--format", "json", ".").stdout)
    assert objects == document["diagnostics"]
    assert run("check", "--format", "json-lines", "b.py").stdout == ""


# -- SARIF ---------------------------------------------------------------------------------


def _sarif(run, *args: str) -> dict:
    log = json.loads(run("check", "--format", "sarif", *args).stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    return log


def test_sarif_validates_against_the_official_schema(stub, run, project):
    log = _sarif(run, ".")
    (result_a, result_nb) = log["runs"][0]["results"]
    assert result_a["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "a.py"},
        "region": {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 30},
    }
    assert result_a["level"] == "error"
    assert result_a["message"]["text"].endswith(
        "got (batch, 64)\nhint: pass return_sequences=True to LSTM(64)"
    )


def test_sarif_notebook_result_points_at_the_notebook_and_names_the_cell(stub, run, project):
    (result,) = _sarif(run, "my nb.ipynb")["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "my%20nb.ipynb"
    assert location["region"]["startLine"] == 1
    assert result["message"]["text"].startswith("cell 3, line 2, column 5: TimeDistributed")
    assert result["properties"] == {"cell": 3, "cellLine": 2, "cellColumn": 5}


def test_sarif_clean_run_and_absolute_paths_validate(stub, run, project, monkeypatch):
    assert _sarif(run, "b.py")["runs"][0]["results"] == []
    (project / "elsewhere").mkdir()
    monkeypatch.chdir(project / "elsewhere")  # a path outside the working directory stays absolute
    (result,) = _sarif(run, str(project / "a.py"))["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == (project / "a.py").as_uri()


def test_sarif_rules_carry_full_metadata(stub, run, project):
    log = _sarif(run, ".")
    driver = log["runs"][0]["tool"]["driver"]
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == [r.code for r in ALL_RULES] + [
        "SL900",
        "SL901",
        "SL902",
    ]
    for rule, source in zip(rules, ALL_RULES, strict=False):
        assert rule["name"] == source.name
        assert rule["shortDescription"]["text"] == source.summary
        assert rule["fullDescription"]["text"].split()[:5] == source.explanation.split()[:5]
        assert rule["help"]["text"].startswith(source.summary)
        assert rule["helpUri"] == rule_url(source.code)
        level = {"error": "error", "warning": "warning", "info": "note"}[source.severity.value]
        assert rule["defaultConfiguration"]["level"] == level
    (result, _) = log["runs"][0]["results"]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "SL101"


def test_sarif_severity_levels(stub, run, tmp_path):
    write(tmp_path / "a.py", KERAS_CLEAN)
    stub.on(
        "a.py",
        lambda source, path: [
            make_diagnostic(path, 1, severity=Severity.WARNING, code="SL204"),
            make_diagnostic(path, 2, severity=Severity.INFO, code="SL213"),
            make_diagnostic(path, 2, code="SL900", name="syntax-error"),
        ],
    )
    results = _sarif(run, "a.py")["runs"][0]["results"]
    assert [r["level"] for r in results] == ["warning", "note", "error"]


def test_sarif_of_the_real_pipeline_on_a_script_and_a_notebook_validates(run, tmp_path):
    from tests.helpers import notebook_from_script

    root = Path(__file__).resolve().parents[2] / "examples"
    script = (root / "stacked_lstm_missing_return_sequences_bad.py").read_text()
    write(tmp_path / "train.py", script)
    write(tmp_path / "train.ipynb", json.dumps(notebook_from_script(script)[0]))
    write(tmp_path / "broken.py", KERAS_CLEAN + "x = (\n")
    results = _sarif(run, ".")["runs"][0]["results"]
    where = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert list(zip([r["ruleId"] for r in results], where, strict=True)) == [
        ("SL900", "broken.py"),
        ("SL101", "train.ipynb"),
        ("SL101", "train.py"),
    ]


def test_every_code_has_a_rule_page(run):
    pages = Path(__file__).resolve().parents[2] / "docs" / "rules"
    for rule in all_rules():
        assert rule.url.startswith("https://")
        assert (pages / rule.url.rsplit("/", 1)[1]).exists(), rule.code


# -- GitLab --------------------------------------------------------------------------------


def test_gitlab_code_quality_report(stub, run, project):
    issues = json.loads(run("check", "--format", "gitlab", ".").stdout)
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("SL101 rank-mismatch", "major", {"path": "a.py", "lines": {"begin": 3, "end": 3}}),
        ("SL101 rank-mismatch", "major", {"path": "my nb.ipynb", "lines": {"begin": 1, "end": 1}}),
    ]
    assert issues[0]["description"].startswith("SL101 TimeDistributed needs")
    assert issues[1]["description"].startswith("SL101 cell 3, line 2, column 5: ")
    assert all(len(i["fingerprint"]) == 64 for i in issues)
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]
    again = json.loads(run("check", "--format", "gitlab", ".").stdout)
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in issues]
    assert json.loads(run("check", "--format", "gitlab", "b.py").stdout) == []


def test_gitlab_fingerprint_survives_a_line_shift_and_tells_twins_apart():
    render = renderer("gitlab")
    first = json.loads(render([make_diagnostic("m.py", 3), make_diagnostic("m.py", 9)], 1))
    shifted = json.loads(render([make_diagnostic("m.py", 5), make_diagnostic("m.py", 11)], 1))
    assert [i["fingerprint"] for i in first] == [i["fingerprint"] for i in shifted]
    assert first[0]["fingerprint"] != first[1]["fingerprint"]
    levels = json.loads(
        render(
            [
                make_diagnostic("m.py", severity=Severity.WARNING),
                make_diagnostic("m.py", severity=Severity.INFO),
            ],
            1,
        )
    )
    assert [i["severity"] for i in levels] == ["minor", "info"]


# -- JUnit ---------------------------------------------------------------------------------


def test_junit_has_a_failing_case_per_diagnostic(stub, run, project):
    root = ET.fromstring(run("check", "--format", "junit", ".").stdout)
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "2", "2")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a.py", "my nb.ipynb"]
    cases = root.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == [
        "SL101 rank-mismatch at 3:5",
        "SL101 rank-mismatch at cell 3:2:5",
    ]
    failure = cases[0].find("failure")
    assert failure.get("type") == "SL101"
    assert failure.text.startswith("a.py:3:5: SL101 TimeDistributed")


def test_junit_clean_run_is_one_passing_case(stub, run, project):
    root = ET.fromstring(run("check", "--format", "junit", "b.py").stdout)
    (case,) = root.iter("testcase")
    assert case.get("name") == "All checks passed (1 file)."
    assert case.find("failure") is None
    assert root.get("failures") == "0"

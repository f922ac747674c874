"""``--format github`` annotations and the ``seqlint rule`` command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from seqlint.cli import main
from seqlint.diagnostic import Severity
from seqlint.report.github import render as render_github
from seqlint.report.ruledoc import _plain
from seqlint.report.shared import rule_url
from seqlint.rules import ALL_RULES
from tests.cli.support import make_diagnostic


def test_github_annotation_carries_location_level_and_escaped_text():
    diagnostic = make_diagnostic("a,b.py", line=7, severity=Severity.WARNING, hint="do x")
    line = render_github([diagnostic])
    assert line.startswith("::warning file=a%2Cb.py,line=7,col=5,endLine=7,endColumn=30,")
    assert "title=seqlint SL101 rank-mismatch::SL101 " in line
    assert line.endswith("%0Ahint: do x%0A" + rule_url("SL101"))
    assert "\n" not in line


def test_github_annotation_of_a_notebook_names_the_file_and_the_cell():
    line = render_github([make_diagnostic("nb.ipynb", line=2, cell=4)])
    assert line.startswith("::error file=nb.ipynb,title=seqlint SL101 rank-mismatch::")
    assert "::SL101 cell 4, line 2, column 5: TimeDistributed needs" in line


def test_check_with_github_format_prints_one_annotation_per_diagnostic(tmp_path):
    source = tmp_path / "model.py"
    source.write_text(
        "from tensorflow import keras\n"
        "from tensorflow.keras import layers\n"
        "model = keras.Sequential([\n"
        "    keras.Input(shape=(20, 8)),\n"
        "    layers.LSTM(64),\n"
        "    layers.LSTM(32),\n"
        "])\n"
    )
    result = CliRunner().invoke(main, ["check", "--format", "github", str(source)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"::error file={source},line=6,col=5,")
    assert "SL101 missing-time-axis" in lines[0]


def test_rule_prints_the_rule_page_by_code_or_name():
    by_code = CliRunner().invoke(main, ["rule", "sl105"])
    by_name = CliRunner().invoke(main, ["rule", "merge-single-tensor"])
    assert by_code.exit_code == 0 and by_code.output.startswith(
        "SL105 merge-single-tensor\nSeverity: error    Fixable: no\n" + rule_url("SL105") + "\n"
    )
    fixable = CliRunner().invoke(main, ["rule", "SL101"]).output
    assert "Fixable: yes" in fixable
    assert "\nFix (seqlint check --fix)\n  safe: sets return_sequences=True" in fixable
    assert by_name.output == by_code.output


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_rule_page_in_a_terminal_has_no_markdown_and_no_test_regex(rule):
    page = CliRunner().invoke(main, ["rule", rule.code]).output
    for markdown in ("](", "```", "**", "`", "# expect:", "\n#"):
        assert markdown not in page, markdown
    assert "Real Keras raises" not in page
    if "\\" in rule.keras_error:  # a regular expression for the Keras proof tests
        assert rule.keras_error not in page
    assert f"# <- seqlint reports {rule.code} here" in page
    assert "\nWhat it does\n  " in page and "\nUse instead\n    " in page


def test_rule_page_turns_links_into_text():
    assert _plain("see [the docs](https://x.org/a) and `code`") == (
        "see the docs (https://x.org/a) and code"
    )


def test_rules_lists_every_code_with_severity_and_fixable():
    listing = CliRunner().invoke(main, ["rules"])
    assert listing.exit_code == 0
    lines = listing.output.splitlines()
    assert lines[0].split() == ["code", "name", "severity", "fixable", "summary"]
    assert [line.split()[0] for line in lines[1:]] == [r.code for r in ALL_RULES] + [
        "SL900",
        "SL901",
        "SL902",
    ]
    assert lines[1].split()[:4] == ["SL101", "missing-time-axis", "error", "safe"]
    by_code = {line.split()[0]: line.split()[3] for line in lines[1:]}
    assert by_code["SL104"] == "unsafe" and by_code["SL105"] == "no"
    assert CliRunner().invoke(main, ["rule"]).output == listing.output


def test_rules_as_json():
    listing = json.loads(CliRunner().invoke(main, ["rules", "--format", "json"]).output)
    assert listing[0] == {
        "code": "SL101",
        "name": "missing-time-axis",
        "severity": "error",
        "fixable": True,
        "fix": " ".join(ALL_RULES[0].fixable.split()),
        "summary": ALL_RULES[0].summary,
        "url": rule_url("SL101"),
    }
    by_code = {entry["code"]: entry for entry in listing}
    assert by_code["SL204"]["severity"] == "warning"
    assert by_code["SL213"]["severity"] == "info"
    for rule in ALL_RULES:
        assert by_code[rule.code]["fixable"] is bool(rule.fixable)
    assert by_code["SL105"]["fix"] is None


def test_unknown_rule_is_a_usage_error():
    unknown = CliRunner().invoke(main, ["rule", "SL999"])
    assert unknown.exit_code == 2
    assert "no rule 'SL999'; `seqlint rules` lists them" in unknown.output

"""``--format github`` annotations and the ``seqlint rule`` command."""

from __future__ import annotations

from click.testing import CliRunner

from seqlint.cli import main
from seqlint.diagnostic import Severity
from seqlint.report.github import render as render_github
from seqlint.report.shared import rule_url
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
    assert by_code.exit_code == 0 and by_code.output.startswith("# SL105 merge-single-tensor")
    assert by_name.output == by_code.output


def test_rule_without_code_lists_rules_and_unknown_code_is_a_usage_error():
    listing = CliRunner().invoke(main, ["rule"])
    assert "| [SL101](SL101.md) | missing-time-axis |" in listing.output
    unknown = CliRunner().invoke(main, ["rule", "SL999"])
    assert unknown.exit_code == 2
    assert "no rule 'SL999'" in unknown.output

"""Inline suppressions: # noqa, # seqlint: ignore[...], # seqlint: skip-file, and SL001."""

from __future__ import annotations

import json

import pytest

from seqlint.suppress import scan, suppress
from tests.cli.support import make_diagnostic, write

BAD = """\
from tensorflow import keras
from tensorflow.keras import layers
model = keras.Sequential([
    keras.Input(shape=(20, 8)),
    layers.LSTM(64),
    layers.LSTM(32),{comment}
])
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def kept(source: str, *codes_at: tuple[str, int], enabled=("SL101", "SL204")) -> list:
    diagnostics = [make_diagnostic("m.py", line, code=code) for code, line in codes_at]
    return [(d.code, d.line) for d in suppress("m.py", scan(source), diagnostics, enabled)]


@pytest.mark.parametrize(
    "comment",
    [
        "  # noqa: SL101",
        "  # noqa:SL101,SL204",
        "  # noqa",
        "  # seqlint: ignore[SL101]",
        "  # NOQA: sl101",
        "  # type: ignore  # noqa: E501, SL101",
    ],
)
def test_directives_on_the_reported_line_silence_it(run, tmp_path, comment):
    write(tmp_path / "m.py", BAD.format(comment=""))
    assert run("check", "m.py").exit_code == 1
    write(tmp_path / "m.py", BAD.format(comment=comment))
    result = run("check", "m.py")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("All checks passed (1 file")


@pytest.mark.parametrize(
    "comment", ["  # noqa: SL204", "  # noqa: E501", "  # seqlint: ignore[SL2]"]
)
def test_directives_for_other_codes_do_not(run, tmp_path, comment):
    write(tmp_path / "m.py", BAD.format(comment=comment))
    result = run("check", "m.py")
    assert result.exit_code == 1
    assert "m.py:6:5: SL101 " in result.stdout


def test_only_the_reported_line_counts():
    source = "x = 1  # noqa: SL101\ny = 2\n"
    assert kept(source, ("SL101", 1), ("SL101", 2)) == [("SL101", 2)]


def test_directive_inside_a_string_is_not_a_comment():
    source = 'x = "# noqa: SL101"\ny = """\n# seqlint: skip-file\n"""\n'
    assert kept(source, ("SL101", 1)) == [("SL101", 1)]
    assert not scan(source).skip_file


def test_skip_file_anywhere_skips_the_file(stub, run, tmp_path):
    write(
        tmp_path / "m.py", "import keras\nm = keras.Sequential()  # BUG\n\n# seqlint: skip-file\n"
    )
    result = run("check", "--verbose", "m.py")
    assert result.exit_code == 0
    assert stub.calls == []  # never parsed
    assert "seqlint: m.py: skipped (# seqlint: skip-file)" in result.stderr


def test_source_that_does_not_tokenize_keeps_earlier_directives():
    source = "x = 1  # noqa: SL101\ny = (\n"
    assert kept(source, ("SL101", 1)) == []


def test_works_on_any_joined_text():
    """A notebook's cells are joined into one text: lines are those of the joined text."""
    joined = "import keras\n\nx = keras.layers.LSTM(4)  # noqa\n\ny = 1\n"
    assert kept(joined, ("SL101", 3), ("SL204", 5)) == [("SL204", 5)]


def test_syntax_errors_cannot_be_suppressed():
    assert kept("x = (  # noqa\n", ("SL900", 1), enabled=("SL900",)) == [("SL900", 1)]


def test_unused_suppression_is_off_unless_selected(stub, run, tmp_path):
    write(tmp_path / "m.py", "import keras\nm = keras.Sequential()\nx = 1  # noqa: SL101\n")
    assert run("check", "m.py").exit_code == 0
    result = run("check", "--extend-select", "SL001", "--format", "json", "m.py")
    assert result.exit_code == 1
    (found,) = json.loads(result.stdout)["diagnostics"]
    assert (found["code"], found["line"], found["column"]) == ("SL001", 3, 8)
    assert found["message"] == (
        "unused suppression of SL101 in `# noqa: SL101`: not reported on this line"
    )


def test_unused_suppression_details():
    source = (
        "a = 1  # noqa: SL101, E501\n"  # SL101 used, E501 is another tool's
        "b = 2  # noqa\n"  # bare, nothing reported
        "c = 3  # seqlint: ignore[SL101, SL204]\n"  # SL204 unused
        "d = 4  # noqa: SL102\n"  # SL102 is not enabled
    )
    on = ("SL001", "SL101", "SL204")
    diagnostics = [make_diagnostic("m.py", 1), make_diagnostic("m.py", 3)]
    found = suppress("m.py", scan(source), diagnostics, on)
    assert [(d.code, d.line, d.message) for d in found] == [
        ("SL001", 2, "unused suppression `# noqa`: nothing is reported on this line"),
        (
            "SL001",
            3,
            "unused suppression of SL204 in `# seqlint: ignore[SL101, SL204]`: "
            "not reported on this line",
        ),
        ("SL001", 4, "unused suppression of SL102 in `# noqa: SL102`: not enabled"),
    ]


@pytest.mark.parametrize(
    ("comment", "options"),
    [("  # noqa: SL101", ()), ("", ("--ignore", "SL1")), ("", ("--select", "SL2"))],
)
def test_fix_leaves_suppressed_and_unselected_findings_alone(run, tmp_path, comment, options):
    source = BAD.format(comment=comment)
    write(tmp_path / "m.py", source)
    result = run("check", "--fix", *options, "m.py")
    assert result.exit_code == 0
    assert (tmp_path / "m.py").read_text() == source
    write(tmp_path / "m.py", BAD.format(comment=""))
    run("check", "--fix", "m.py")  # without them, the fix applies
    assert "LSTM(64, return_sequences=True)" in (tmp_path / "m.py").read_text()

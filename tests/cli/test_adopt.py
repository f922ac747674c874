"""Adopting seqlint on an existing code base: ``--write-baseline`` / ``--baseline`` and
``--add-noqa``, through the real pipeline (docs/ci.md, "Adopting on an existing code base")."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from seqlint.cli import main
from tests.corpus.corpus import REAL
from tests.helpers import notebook_from_script

SCRIPT = """\
from tensorflow import keras
from tensorflow.keras.optimizers import Adam

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
first = Adam(lr=0.1)
second = Adam(lr=0.1)
"""


def _check(*args: str, cache: Path | None = None) -> tuple[int, str, str]:
    options = ["--cache-dir", str(cache)] if cache else ["--no-cache"]
    result = CliRunner().invoke(main, ["check", *options, *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


def _concise(*args: str, cache: Path | None = None) -> tuple[int, list[str]]:
    code, out, _ = _check("--format", "concise", *args, cache=cache)
    return code, out.splitlines()


def _move_down(path: Path, lines: int) -> None:
    """Insert ``lines`` comment lines at the top (after a coding line, which must stay first)."""
    data = path.read_bytes()
    head = data.split(b"\n", 2)
    keep = 0
    for index, line in enumerate(head[:2]):
        if b"coding" in line and line.lstrip().startswith(b"#"):
            keep = index + 1
    parts = data.split(b"\n")
    inserted = [b"# moved down by the baseline test"] * lines
    path.write_bytes(b"\n".join([*parts[:keep], *inserted, *parts[keep:]]))


def test_baseline_round_trips_on_the_published_corpus(tmp_path):
    repo, cache = tmp_path / "repo", tmp_path / "cache"
    shutil.copytree(REAL, repo)
    baseline = repo / "seqlint-baseline.json"
    code, before = _concise(str(repo), cache=cache)
    assert code == 1 and len(before) > 100  # the corpus reports over a hundred findings

    found = len(before) - 1
    coverage = before[-1].split("; ", 1)[1].removesuffix(".")  # models analysed and not
    clean = f"All checks passed (93 files, {coverage}; {found} findings in the baseline)."

    code, _, err = _check(str(repo), "--write-baseline", str(baseline), cache=cache)
    assert code == 0
    assert err.splitlines()[-1] == f"Wrote {found} findings to {baseline}."
    assert _concise(str(repo), "--baseline", str(baseline), cache=cache) == (0, [clean])

    # code moved down, unchanged: still matched
    reported = {line.split(":", 1)[0] for line in before[:-1]}
    for path in reported:
        _move_down(Path(path), 7)
    assert _concise(str(repo), "--baseline", str(baseline), cache=cache) == (0, [clean])

    # one new bug: exactly that bug is reported
    target = repo / "textgenrnn-2.0.0/textgenrnn/textgenrnn.py"
    lines = target.read_text(encoding="utf-8").count("\n")
    with target.open("a", encoding="utf-8") as fh:
        fh.write("\nprobe = Adam(lr=0.5)\n")
    code, after = _concise(str(repo), "--baseline", str(baseline), cache=cache)
    assert code == 1
    assert after[:-1] == [
        f"{target}:{lines + 2}:14: SL217 [optimizer-lr] Adam does not take lr in Keras 3.15: "
        "constructing it raises ValueError (Argument(s) not recognized: {'lr': 0.5})"
    ]


def test_baseline_counts_identical_lines_by_occurrence(tmp_path):
    script = tmp_path / "train.py"
    script.write_text(SCRIPT, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert _check(str(script), "--write-baseline", str(baseline))[0] == 0
    entries = json.loads(baseline.read_text(encoding="utf-8"))
    assert entries == {
        "seqlint_baseline": 1,
        "findings": [
            {"path": "train.py", "code": "SL217", "line": "first = Adam(lr=0.1)", "occurrence": 1},
            {"path": "train.py", "code": "SL217", "line": "second = Adam(lr=0.1)", "occurrence": 1},
        ],
    }
    # the same text again is a new finding; its line, not the earlier ones, is reported
    script.write_text("\n\n" + SCRIPT + "first = Adam(lr=0.1)\n", encoding="utf-8")
    code, lines = _concise(str(script), "--baseline", str(baseline))
    assert code == 1
    assert [line.split(" ", 1)[0] for line in lines[:-1]] == [f"{script}:9:14:"]


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path, monkeypatch):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "train.py").write_text(SCRIPT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _check("src", "--write-baseline", "baseline.json")[0] == 0
    monkeypatch.chdir(tmp_path / "src")
    assert _concise(".", "--baseline", "../baseline.json")[0] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--baseline", "missing.json"], "seqlint: error: baseline file not found: missing.json"),
        (
            ["--baseline", "b.json", "--write-baseline", "c.json"],
            "seqlint: error: --baseline and --write-baseline cannot be used together",
        ),
        (["--add-noqa", "--fix"], "seqlint: error: --add-noqa and --fix cannot be used together"),
        (
            ["--add-noqa", "--write-baseline", "b.json"],
            "seqlint: error: --add-noqa and --write-baseline cannot be used together",
        ),
    ],
)
def test_baseline_usage_errors_are_one_line(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "train.py").write_text(SCRIPT, encoding="utf-8")
    code, out, err = _check("train.py", *args)
    assert (code, out, err) == (2, "", message + "\n")


def test_a_file_that_is_not_a_baseline_is_a_usage_error(tmp_path):
    (tmp_path / "train.py").write_text(SCRIPT, encoding="utf-8")
    (tmp_path / "b.json").write_text('{"findings": []}', encoding="utf-8")
    code, out, err = _check(str(tmp_path / "train.py"), "--baseline", str(tmp_path / "b.json"))
    assert (code, out) == (2, "")
    assert err.startswith(f"seqlint: error: {tmp_path / 'b.json'} is not a seqlint baseline")


def test_add_noqa_merges_keeps_comments_and_silences_the_check(tmp_path):
    script = tmp_path / "train.py"
    script.write_text(
        SCRIPT.replace("first = Adam(lr=0.1)", "first = Adam(lr=0.1)  # noqa: E501").replace(
            "second = Adam(lr=0.1)", "second = Adam(lr=0.1)  # tuned by hand"
        )
        + 'doc = """text\n'
        + '""" + str(Adam(lr=0.1))\n',
        encoding="utf-8",
    )
    code, out, err = _check(str(script), "--add-noqa")
    assert (code, out) == (0, "")
    assert err == "Added 3 noqa directives.\n"
    assert script.read_text(encoding="utf-8") == (
        "from tensorflow import keras\n"
        "from tensorflow.keras.optimizers import Adam\n"
        "\n"
        "model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])\n"
        "first = Adam(lr=0.1)  # noqa: E501, SL217\n"
        "second = Adam(lr=0.1)  # tuned by hand  # noqa: SL217\n"
        'doc = """text\n'
        '""" + str(Adam(lr=0.1))  # noqa: SL217\n'
    )
    assert _concise(str(script)) == (0, ["All checks passed (1 file, 1 model analysed)."])
    assert _check(str(script), "--add-noqa")[2] == "Added 0 noqa directives.\n"


def test_add_noqa_leaves_a_line_a_string_continues(tmp_path):
    script = tmp_path / "train.py"
    text = SCRIPT + 'doc = str(Adam(lr=0.1)) + """\ntext"""\n'
    script.write_text(text, encoding="utf-8")
    code, _, err = _check(str(script), "--add-noqa")
    assert code == 0
    assert err.splitlines() == [
        f"seqlint: warning: {script}:7: no comment can end this line (a string or a "
        "backslash continues it); SL217 left reported",
        "Added 2 noqa directives.",
    ]
    assert _concise(str(script))[1][0].startswith(f"{script}:7:")


def test_add_noqa_in_a_notebook_writes_only_the_reported_cell_lines(tmp_path):
    notebook, _ = notebook_from_script(SCRIPT.replace("\nsecond", "\n\nsecond"))
    path = tmp_path / "explore.ipynb"
    original = json.dumps(notebook, indent=1)
    path.write_text(original, encoding="utf-8")
    code, _, err = _check(str(path), "--add-noqa")
    assert (code, err) == (0, "Added 2 noqa directives.\n")
    written = path.read_text(encoding="utf-8")
    expected = original.replace(
        '"first = Adam(lr=0.1)"', '"first = Adam(lr=0.1)  # noqa: SL217"'
    ).replace('"second = Adam(lr=0.1)"', '"second = Adam(lr=0.1)  # noqa: SL217"')
    assert written == expected and written != original
    assert _concise(str(path)) == (0, ["All checks passed (1 file, 1 model analysed)."])


def test_add_noqa_leaves_a_file_changed_since_it_was_read(tmp_path, monkeypatch):
    script = tmp_path / "train.py"
    script.write_text(SCRIPT, encoding="utf-8")
    from seqlint import baseline

    real = baseline._with_noqa

    def edit_first(path, text, codes, run):
        script.write_text(SCRIPT + "# edited meanwhile\n", encoding="utf-8")
        return real(path, text, codes, run)

    monkeypatch.setattr(baseline, "_with_noqa", edit_first)
    code, _, err = _check(str(script), "--add-noqa")
    assert code == 0
    assert err.splitlines() == [
        f"seqlint: error: {script} changed while fixing; left as it was",
        "Added 0 noqa directives.",
    ]
    assert script.read_text(encoding="utf-8") == SCRIPT + "# edited meanwhile\n"
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".seqlint-")]


def test_add_noqa_leaves_syntax_errors_alone(tmp_path):
    script = tmp_path / "broken.py"
    script.write_text("from tensorflow import keras\nmodel = keras.Sequential(\n", encoding="utf-8")
    code, _, err = _check(str(script), "--add-noqa")
    assert (code, err) == (0, "Added 0 noqa directives.\n")
    assert script.read_text(encoding="utf-8").endswith("Sequential(\n")


def test_add_noqa_leaves_standard_input_as_it_is(tmp_path):
    result = CliRunner().invoke(main, ["check", "--no-cache", "--add-noqa", "-"], input=SCRIPT)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.splitlines() == [
        "seqlint: warning: --add-noqa leaves standard input as it is",
        "Added 0 noqa directives.",
    ]


def test_verbose_counts_what_the_baseline_left_out(tmp_path):
    script = tmp_path / "train.py"
    script.write_text(SCRIPT, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert _check(str(script), "--write-baseline", str(baseline))[0] == 0
    code, out, err = _check(str(script), "--baseline", str(baseline), "--verbose")
    assert (code, out) == (
        0,
        "All checks passed (1 file, 1 model analysed; 2 findings in the baseline).\n",
    )
    assert "seqlint: 2 findings left out: the baseline holds them" in err.splitlines()

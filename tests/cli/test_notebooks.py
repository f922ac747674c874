"""Notebooks: code cells joined with a map back to (cell, line), IPython syntax blanked,
diagnostics reported at their cell; files that are neither Python nor notebooks refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seqlint.diagnostic import TraceRow
from seqlint.discover import discover
from seqlint.engine import CacheSettings, check_paths
from seqlint.notebooks import NotebookError, locate, python_lines, read_notebook
from tests.cli.support import KERAS_BUGGY, KERAS_CLEAN, make_diagnostic, write
from tests.helpers import notebook_from_script

ROOT = Path(__file__).resolve().parents[2]
STACKED_LSTM = ROOT / "examples" / "stacked_lstm_missing_return_sequences_bad.py"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def _notebook(*cells: tuple[str, str], metadata: dict | None = None) -> str:
    return json.dumps(
        {
            "cells": [
                {"cell_type": kind, "metadata": {}, "source": source.splitlines(keepends=True)}
                for kind, source in cells
            ],
            "metadata": metadata or {},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )


# -- joining cells -------------------------------------------------------------------------


def test_code_cells_are_joined_with_their_cell_and_line():
    notebook = read_notebook(
        _notebook(
            ("markdown", "# Title\ntext\n"),
            ("code", "import keras\nx = 1\n"),
            ("raw", "raw text"),
            ("code", "y = 2"),  # no trailing newline
        )
    )
    assert notebook.text == "import keras\nx = 1\ny = 2\n"
    assert notebook.cells == ((2, 1), (2, 2), (4, 1))


def test_source_may_be_one_string():
    document = json.dumps(
        {"cells": [{"cell_type": "code", "source": "a = 1\nb = 2\n"}], "nbformat": 4}
    )
    assert read_notebook(document).text == "a = 1\nb = 2\n"


@pytest.mark.parametrize(
    "line",
    [
        "%matplotlib inline",
        "%time model.fit(x, y)",
        "!pip install keras",
        "files = !ls data",
        "a, b = %sx echo 1",
        "?keras.layers.LSTM",
        "keras.layers.LSTM??",
        "model.fit?",
        "pip install tensorflow",
    ],
)
def test_ipython_lines_become_blank(line):
    assert python_lines(f"x = 1\n{line}\ny = 2") == ["x = 1", "", "y = 2"]


@pytest.mark.parametrize(
    "line", ["x = y % 2", "print('is it?')", "flag = x != y", "pip = 3", "z = a  # really?"]
)
def test_python_lines_stay(line):
    assert python_lines(line) == [line]


def test_indented_magic_keeps_the_block_valid():
    assert python_lines("if fast:\n    %time run()\nz = 1") == ["if fast:", "    pass", "z = 1"]


def test_magic_like_text_inside_a_statement_is_python():
    cell = "x = (a\n     % b)\ns = '''\n!important\n'''"
    assert python_lines(cell) == cell.splitlines()


def test_continued_magic_is_blanked_to_its_end():
    assert python_lines("%time a = \\\n    f(x)\nb = 1") == ["", "", "b = 1"]


def test_non_python_cell_magic_blanks_the_cell():
    assert python_lines("%%bash\npip install keras\nls") == ["", "", ""]
    assert python_lines("%%writefile model.py\nimport keras") == ["", ""]


def test_python_cell_magic_keeps_the_body():
    assert python_lines("%%time\nmodel.fit(x, y)") == ["", "model.fit(x, y)"]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{not json", "not valid JSON (line 1, column 2: Expecting property name"),
        ("[1, 2]", "not a Jupyter notebook (no list of cells)"),
        ('{"cells": {}}', "not a Jupyter notebook (no list of cells)"),
        ('{"nbformat": 3, "worksheets": []}', "nbformat 3 is not supported (only 4)"),
        ('{"cells": [{"cell_type": "code", "source": 3}]}', "cell 1 has no text source"),
        ('{"cells": [1]}', "cell 1 is not an object"),
    ],
)
def test_what_is_not_a_notebook(document, message):
    with pytest.raises(NotebookError) as error:
        read_notebook(document)
    assert str(error.value).startswith(message)


def test_a_notebook_in_another_language_is_refused():
    document = _notebook(("code", "x <- 1"), metadata={"language_info": {"name": "R"}})
    with pytest.raises(NotebookError, match=r"^not a Python notebook \(language: r\)$"):
        read_notebook(document)


# -- mapping back --------------------------------------------------------------------------


def test_locate_maps_position_trace_and_line_references():
    cells = ((2, 1), (2, 2), (4, 1), (4, 2), (4, 3))
    diagnostic = make_diagnostic(
        "nb.ipynb",
        line=4,
        end_line=4,
        message="LSTM(32) at line 3 returns (batch, 32)",
        hint="set return_sequences=True on LSTM(32) at line 3",
        trace=(TraceRow("Input(shape=(20, 8))", 1, "(batch, 20, 8)"), TraceRow("LSTM", 5, "?")),
    )
    placed = locate(diagnostic, cells)
    assert (placed.cell, placed.line, placed.end_line, placed.column) == (4, 2, 2, 5)
    assert placed.message == "LSTM(32) at cell 4, line 1 returns (batch, 32)"
    assert placed.hint == "set return_sequences=True on LSTM(32) at cell 4, line 1"
    assert [(row.cell, row.line) for row in placed.trace] == [(2, 1), (4, 3)]
    assert placed.location == "nb.ipynb:cell 4:2:5"


# -- through the engine (stub pipeline) ----------------------------------------------------


def test_directory_walk_finds_notebooks_but_not_checkpoints(tmp_path):
    for name in ["a.py", "b.ipynb", "notes.txt", ".ipynb_checkpoints/b-checkpoint.ipynb"]:
        write(tmp_path / name, "{}")
    assert discover(["."]).files == ["a.py", "b.ipynb"]


def test_text_and_json_name_the_cell(stub, run, tmp_path):
    write(
        tmp_path / "nb.ipynb",
        _notebook(
            ("markdown", "# x"), ("code", KERAS_CLEAN), ("code", "%time fit()\nz = 1  # BUG")
        ),
    )
    result = run("check", "--no-color", "nb.ipynb")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("nb.ipynb:cell 3:2:5: SL101 ")
    assert "cell:line" in result.stdout
    assert stub.sources["nb.ipynb"] == KERAS_CLEAN + "\nz = 1  # BUG\n"
    (diagnostic,) = json.loads(run("check", "--format", "json", "nb.ipynb").stdout)["diagnostics"]
    assert (diagnostic["path"], diagnostic["cell"], diagnostic["line"]) == ("nb.ipynb", 3, 2)
    assert [row["cell"] for row in diagnostic["trace"]] == [2, 2, 3]


def test_python_files_have_no_cell(stub, run, tmp_path):
    write(tmp_path / "m.py", KERAS_BUGGY)
    (diagnostic,) = json.loads(run("check", "--format", "json", "m.py").stdout)["diagnostics"]
    assert diagnostic["cell"] is None


def test_broken_notebook_is_one_line_and_the_others_go_on(stub, run, tmp_path):
    write(tmp_path / "broken.ipynb", '{"cells": [')
    write(tmp_path / "other.ipynb", '{"not": "a notebook"}')
    write(tmp_path / "m.py", KERAS_BUGGY)
    result = run("check", ".")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "seqlint: error: cannot read broken.ipynb as a notebook: "
        "not valid JSON (line 1, column 12: Expecting value)",
        "seqlint: error: cannot read other.ipynb as a notebook: "
        "not a Jupyter notebook (no list of cells)",
    ]
    assert "Found 1 problem (1 error, 0 warnings) in 1 file." in result.stdout
    assert stub.calls == ["m.py"]


def test_named_file_that_is_not_python_is_reported_not_checked(stub, run, tmp_path):
    write(tmp_path / "notes.txt", KERAS_BUGGY)
    write(tmp_path / "train", "#!/usr/bin/env python3\n" + KERAS_BUGGY)
    write(tmp_path / "stub.pyi", KERAS_CLEAN)
    result = run("check", "notes.txt", "train", "stub.pyi")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "seqlint: error: skipping notes.txt: not Python source or a notebook "
        "(expected .py, .pyi, .ipynb, or a python shebang line)"
    ]
    assert stub.calls == ["stub.pyi", "train"]
    assert (
        result.stdout.splitlines()[-1] == "Found 1 problem (1 error, 0 warnings) in 1 of 2 files."
    )


def test_only_files_that_are_not_python_exit_2(stub, run, tmp_path):
    write(tmp_path / "notes.txt", KERAS_BUGGY)
    result = run("check", "notes.txt")
    assert result.exit_code == 2
    assert check_paths(["notes.txt"]).files_checked == 0
    assert stub.calls == []


# -- through the real pipeline -------------------------------------------------------------


def test_stacked_lstm_bug_is_reported_at_its_cell_and_line(tmp_path):
    notebook, markers = notebook_from_script(STACKED_LSTM.read_text(encoding="utf-8"))
    path = write(tmp_path / "tagger.ipynb", json.dumps(notebook, indent=1))
    result = check_paths([str(path)])
    assert [(d.code, d.cell, d.line) for d in result.diagnostics] == [
        ("SL101", cell, line) for cell, line in markers
    ]
    assert markers == [(6, 4)]  # after a markdown and a %%bash cell, a line magic on top
    (diagnostic,) = result.diagnostics
    assert diagnostic.column == 11
    assert "LSTM(32) at cell 6, line 3 returns (batch, 32)" in diagnostic.message


def test_worker_processes_analyse_a_notebooks_code_not_its_json(tmp_path):
    notebook = json.dumps(notebook_from_script(STACKED_LSTM.read_text(encoding="utf-8"))[0])
    paths = ["nb1.ipynb", "nb2.ipynb"]
    for path in paths:
        write(tmp_path / path, notebook)
    parallel = check_paths(paths, jobs=2, cache=CacheSettings(enabled=False))
    assert [(d.path, d.code, d.cell, d.line) for d in parallel.diagnostics] == [
        (path, "SL101", 6, 4) for path in paths
    ]


@pytest.mark.parametrize("kind", ["bad", "good"])
def test_example_notebooks_hold_the_example_scripts(kind):
    name = f"stacked_lstm_missing_return_sequences_{kind}"
    script = (ROOT / "examples" / f"{name}.py").read_text(encoding="utf-8")
    notebook = ROOT / "examples" / "notebooks" / f"{name}.ipynb"
    expected, markers = notebook_from_script(script)
    assert json.loads(notebook.read_text(encoding="utf-8")) == expected
    found = check_paths([str(notebook)]).diagnostics
    assert [(d.code, d.cell, d.line) for d in found] == [("SL101", c, n) for c, n in markers]


def test_syntax_error_in_a_notebook_is_placed_in_its_cell(tmp_path):
    path = write(
        tmp_path / "nb.ipynb",
        _notebook(("markdown", "# x"), ("code", KERAS_CLEAN), ("code", "!ls\nx = (\n")),
    )
    (diagnostic,) = check_paths([str(path)]).diagnostics
    assert (diagnostic.code, diagnostic.cell, diagnostic.line) == ("SL900", 3, 2)


def test_notebook_size_limit_counts_its_code_not_its_outputs(stub, run, tmp_path, monkeypatch):
    from seqlint import sources

    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1024)
    plots = json.loads(_notebook(("code", KERAS_BUGGY)))
    plots["cells"][0]["outputs"] = [
        {"output_type": "display_data", "data": {"image/png": "A" * 4000}}
    ]
    write(tmp_path / "plots.ipynb", json.dumps(plots))
    write(tmp_path / "long.ipynb", _notebook(("code", KERAS_CLEAN + "x = 1\n" * 200)))
    result = run("check", ".")
    assert result.exit_code == 1
    assert stub.calls == ["plots.ipynb"]
    assert result.stderr.splitlines() == [
        "seqlint: warning: skipping long.ipynb: file too large (1.2 KB of code, limit 1 KB)"
    ]
    monkeypatch.setattr(sources, "MAX_NOTEBOOK_BYTES", 2048)
    assert "skipping plots.ipynb: file too large (4.2 KB, limit 2 KB)" in run("check", ".").stderr


def test_fix_rewrites_a_notebook_but_never_a_file_that_is_not_python(run, tmp_path):
    script = STACKED_LSTM.read_text(encoding="utf-8")  # SL101 has a safe fix here
    data = notebook_from_script(script)[0]
    notebook = json.dumps(data, indent=1)
    write(tmp_path / "nb.ipynb", notebook)
    write(tmp_path / "notes.txt", script)
    write(tmp_path / "train.py", script)
    assert run("check", "--no-color", "nb.ipynb").stdout.startswith(
        "nb.ipynb:cell 6:4:11: SL101 [*] LSTM(16"  # the fix is offered
    )
    result = run("check", "--fix", "--no-color", "nb.ipynb", "notes.txt", "train.py")
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == script
    assert (tmp_path / "train.py").read_text(encoding="utf-8") != script  # fixed
    assert data["cells"][5]["source"][2] == "model.add(LSTM(32))\n"
    data["cells"][5]["source"][2] = "model.add(LSTM(32, return_sequences=True))\n"
    assert (tmp_path / "nb.ipynb").read_text(encoding="utf-8") == json.dumps(data, indent=1)
    assert "Fixed 2 problems, 0 remaining." in result.stderr


def test_shapes_reads_notebooks_but_not_files_that_are_not_python(run, tmp_path):
    script = STACKED_LSTM.read_text(encoding="utf-8")
    write(tmp_path / "nb.ipynb", json.dumps(notebook_from_script(script)[0]))
    write(tmp_path / "notes.txt", script)
    result = run("shapes", "--no-color", "nb.ipynb", "notes.txt")
    assert result.stderr.splitlines() == [
        "seqlint: error: skipping notes.txt: not Python source or a notebook "
        "(expected .py, .pyi, .ipynb, or a python shebang line)",
    ]
    assert result.stdout.startswith("nb.ipynb:cell 6:1: model (sequential)\n")


def _stacked_lstm_notebook(tmp_path, script: str) -> str:
    return str(write(tmp_path / "nb.ipynb", json.dumps(notebook_from_script(script)[0])))


def test_suppression_comments_work_in_notebook_cells(tmp_path):
    """Suppressions read the analysed text, a notebook's joined cells: a ``# noqa`` silences
    the finding on its own line of its own cell, and the same line number in another cell
    does not. Runs once inline suppression (seqlint.suppress) is part of seqlint."""
    pytest.importorskip("seqlint.suppress")
    script = STACKED_LSTM.read_text(encoding="utf-8")
    silenced = script.replace("# expect: SL101", "# noqa: SL101")
    assert check_paths([_stacked_lstm_notebook(tmp_path, silenced)]).diagnostics == []
    # line 4 of cell 2 (the imports cell) is not line 4 of cell 6
    elsewhere = script.replace(
        "from tensorflow.keras.layers import LSTM, Dense, Input",
        "from tensorflow.keras.layers import LSTM, Dense, Input  # noqa: SL101",
    )
    found = check_paths([_stacked_lstm_notebook(tmp_path, elsewhere)]).diagnostics
    assert [(d.code, d.cell, d.line) for d in found] == [("SL101", 6, 4)]
    skipped = "# seqlint: skip-file\n" + script
    assert check_paths([_stacked_lstm_notebook(tmp_path, skipped)]).diagnostics == []

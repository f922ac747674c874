"""``seqlint check --fix / --diff`` on Jupyter notebooks: the fixed lines go back into their
cells, and nothing else of the file changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from seqlint import fixing
from seqlint.cli import main
from seqlint.notebook_write import NotWritable, write_back
from seqlint.notebooks import read_notebook
from tests.fixes.test_fix_encoder_decoder import ADDED, SEQUENTIAL_LIST
from tests.helpers import notebook_from_script

ROOT = Path(__file__).resolve().parents[2]

IMPORTS = """\
%matplotlib inline
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
"""
MODEL = """\
model = keras.Sequential([
    keras.Input(shape=(12, 4)),
    layers.LSTM(32),
    layers.LSTM(16, return_sequences=True),
    layers.Dense(3, activation="softmax"),
])"""
TRAIN = """\
X = np.random.rand(8, 12, 4)
y = np.random.randint(0, 3, size=(8, 12))
%env TF_CPP_MIN_LOG_LEVEL=3
model.compile(optimizer=keras.optimizers.Adam(lr=0.01), loss="sparse_categorical_crossentropy")
!echo compiled
model.fit(X, y, epochs=1, batch_size=8, verbose=0)"""
FIXED_MODEL = MODEL.replace("layers.LSTM(32),", "layers.LSTM(32, return_sequences=True),")
FIXED_TRAIN = TRAIN.replace("Adam(lr=0.01)", "Adam(learning_rate=0.01)")
OUTPUTS = [{"name": "stdout", "output_type": "stream", "text": ["compiled\n"]}]


def cell(kind: str, text: str, form: str, **extra: object) -> dict:
    source = text.splitlines(keepends=True) if form == "lines" else text
    return {"cell_type": kind, "metadata": extra.pop("metadata", {}), "source": source, **extra}


def notebook(form: str, model: str = MODEL, train: str = TRAIN) -> dict:
    return {
        "cells": [
            cell("markdown", "# A tagger\n", form),
            cell("code", IMPORTS, form, execution_count=1, outputs=[]),
            cell("code", model, form, execution_count=2, outputs=[]),
            cell(
                "code",
                train,
                form,
                execution_count=3,
                outputs=OUTPUTS,
                metadata={"scrolled": True, "tags": ["train"]},
            ),
        ],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python", "version": "3.11.7"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def nbformat_text(data: dict) -> str:
    """A notebook file as Jupyter (nbformat) writes it."""
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def run(*args: str):
    return CliRunner().invoke(main, ["check", "--no-color", *args])


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("form", ["lines", "string"])
def test_fix_writes_the_changed_lines_into_their_cells_and_nothing_else(form):
    path = Path("nb.ipynb")
    original = nbformat_text(notebook(form))
    path.write_text(original, encoding="utf-8")
    result = run("--fix", "nb.ipynb")
    assert result.exit_code == 0, result.output
    assert "Fixed 2 problems, 0 remaining." in result.stderr
    written = path.read_text(encoding="utf-8")
    assert json.loads(written) == notebook(form, FIXED_MODEL, FIXED_TRAIN)
    # byte for byte: only the two changed lines (or the two cells' strings) differ
    expected = original
    for before, after in [(MODEL, FIXED_MODEL), (TRAIN, FIXED_TRAIN)]:
        old, new = (json.dumps(t, ensure_ascii=False) for t in (before, after))
        if form == "lines":
            ((old, new),) = [
                (json.dumps(a), json.dumps(b))
                for a, b in zip(
                    before.splitlines(keepends=True), after.splitlines(keepends=True), strict=True
                )
                if a != b
            ]
        assert expected.count(old) == 1
        expected = expected.replace(old, new)
    assert written == expected
    # idempotent: a second --fix finds nothing and leaves the file as it is
    again = run("--fix", "nb.ipynb")
    assert again.exit_code == 0 and "Fixed 0 problems, 0 remaining." in again.stderr
    assert path.read_text(encoding="utf-8") == written


def test_diff_shows_each_changed_cell_and_writes_nothing():
    path = Path("nb.ipynb")
    original = nbformat_text(notebook("lines"))
    path.write_text(original, encoding="utf-8")
    result = run("--diff", "nb.ipynb")
    assert result.exit_code == 1
    assert result.stdout == (
        "--- nb.ipynb:cell 3\n"
        "+++ nb.ipynb:cell 3\n"
        "@@ -1,6 +1,6 @@\n"
        " model = keras.Sequential([\n"
        "     keras.Input(shape=(12, 4)),\n"
        "-    layers.LSTM(32),\n"
        "+    layers.LSTM(32, return_sequences=True),\n"
        "     layers.LSTM(16, return_sequences=True),\n"
        '     layers.Dense(3, activation="softmax"),\n'
        " ])\n"
        "--- nb.ipynb:cell 4\n"
        "+++ nb.ipynb:cell 4\n"
        "@@ -1,6 +1,6 @@\n"
        " X = np.random.rand(8, 12, 4)\n"
        " y = np.random.randint(0, 3, size=(8, 12))\n"
        " %env TF_CPP_MIN_LOG_LEVEL=3\n"
        "-model.compile(optimizer=keras.optimizers.Adam(lr=0.01), "
        'loss="sparse_categorical_crossentropy")\n'
        "+model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), "
        'loss="sparse_categorical_crossentropy")\n'
        " !echo compiled\n"
        " model.fit(X, y, epochs=1, batch_size=8, verbose=0)\n"
    )
    assert "Would apply 2 fixes in 1 file(s)." in result.stderr
    assert path.read_text(encoding="utf-8") == original
    path.write_text(nbformat_text(notebook("lines", FIXED_MODEL, FIXED_TRAIN)), encoding="utf-8")
    clean = run("--diff", "nb.ipynb")
    assert (clean.exit_code, clean.stdout) == (0, "")


def test_findings_in_a_notebook_offer_their_fix():
    Path("nb.ipynb").write_text(nbformat_text(notebook("lines")), encoding="utf-8")
    lines = run("nb.ipynb").stdout.splitlines()
    assert lines[0].startswith("nb.ipynb:cell 3:4:5: SL101 [*] LSTM(16, return_sequences=True)")
    found = json.loads(run("--format", "json", "nb.ipynb").stdout)["diagnostics"]
    assert [(d["code"], d["cell"], d["line"], d["fix"]["applicability"]) for d in found] == [
        ("SL101", 3, 4, "safe"),
        ("SL217", 4, 4, "safe"),
    ]
    assert found[0]["fix"]["message"] == (
        "set return_sequences=True on LSTM(32) at cell 3, line 3"  # not the joined line 8
    )
    assert "[*] 2 fixable with the --fix option." in lines


def test_cell_magics_and_indented_magics_around_fixed_lines_stay():
    train = (
        "%%time\n"
        "if True:\n"
        "    %time X = np.random.rand(8, 12, 4)\n"
        "    opt = keras.optimizers.Adam(lr=0.01)\n"
        "    !echo compiled\n"
        "model.compile(optimizer=opt, loss='mse')\n"
    )
    Path("nb.ipynb").write_text(nbformat_text(notebook("lines", train=train)), encoding="utf-8")
    result = run("--fix", "nb.ipynb")
    assert "Fixed 2 problems, 0 remaining." in result.stderr
    cells = json.loads(Path("nb.ipynb").read_text(encoding="utf-8"))["cells"]
    assert cells[3]["source"] == [
        "%%time\n",
        "if True:\n",
        "    %time X = np.random.rand(8, 12, 4)\n",
        "    opt = keras.optimizers.Adam(learning_rate=0.01)\n",
        "    !echo compiled\n",
        "model.compile(optimizer=opt, loss='mse')\n",
    ]


def test_a_notebook_changed_on_disk_while_fixing_is_left_alone(monkeypatch):
    path = Path("nb.ipynb")
    path.write_text(nbformat_text(notebook("lines")), encoding="utf-8")
    edited = nbformat_text(notebook("lines", train=TRAIN + "\nprint('edited')"))
    real_fix_source = fixing.fix_source

    def fix_while_someone_saves(*args, **kwargs):
        path.write_text(edited, encoding="utf-8")
        return real_fix_source(*args, **kwargs)

    monkeypatch.setattr(fixing, "fix_source", fix_while_someone_saves)
    result = run("--fix", "nb.ipynb")
    assert "seqlint: error: nb.ipynb changed while fixing; left as it was" in result.stderr
    assert path.read_text(encoding="utf-8") == edited


def test_a_fix_that_cannot_go_back_into_the_cells_leaves_the_notebook(monkeypatch):
    """A fix that would rewrite a blanked IPython line is refused with one line."""
    path = Path("nb.ipynb")
    original = nbformat_text(notebook("lines"))
    path.write_text(original, encoding="utf-8")
    real_fix_source = fixing.fix_source

    def fix_into_a_magic(source: str, *args, **kwargs):
        fixed = real_fix_source(source, *args, **kwargs)
        return fixing.FixedSource(fixed.source.replace("\n\n", "\nx = 1\n", 1), fixed.fixed)

    monkeypatch.setattr(fixing, "fix_source", fix_into_a_magic)
    result = run("--fix", "nb.ipynb")
    assert (
        "seqlint: error: cannot fix nb.ipynb: a fix changes a line blanked as IPython syntax; "
        "left as it was" in result.stderr
    )
    assert path.read_text(encoding="utf-8") == original


# -- writing back, on its own ------------------------------------------------------------------


def _read(document: str):
    source = read_notebook(document)
    return source.text, source.cells


@pytest.mark.parametrize(
    "document",
    [
        nbformat_text(notebook("lines")),
        nbformat_text(notebook("string")),
        json.dumps(notebook("lines"), indent=2),  # another indent, no trailing newline
        json.dumps(notebook("lines")),  # one line
        json.dumps(notebook("lines"), indent=1).replace("\n", "\r\n") + "\r\n",
        nbformat_text(notebook("lines", train=TRAIN + "\nprint('déjà vu')")),
        *(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("**/*.ipynb"))),
    ],
    ids=lambda d: str(len(d)),
)
def test_an_unchanged_round_trip_is_byte_identical(document):
    text, cells = _read(document)
    fixed = write_back(document, cells, text, text)
    assert fixed.document == document
    assert fixed.cells == ()


@pytest.mark.parametrize("indent", [1, 2, None])
def test_a_changed_line_keeps_the_layout_of_its_list(indent):
    document = json.dumps(notebook("lines"), indent=indent)
    text, cells = _read(document)
    after = text.replace("layers.LSTM(32),", "layers.LSTM(32, return_sequences=True),")
    fixed = write_back(document, cells, text, after)
    expected = document.replace(
        '"    layers.LSTM(32),\\n"', '"    layers.LSTM(32, return_sequences=True),\\n"'
    )
    assert fixed.document == expected
    assert [(c.cell, c.before, c.after) for c in fixed.cells] == [(3, MODEL, FIXED_MODEL)]


@pytest.mark.parametrize("form", ["lines", "string"])
def test_an_inserted_line_lands_in_the_cell_of_the_line_it_follows(form):
    """As a RepeatVector insertion does: after a list item, and after a cell's last line."""
    document = nbformat_text(notebook(form))
    text, cells = _read(document)
    after = text.replace(
        "    layers.LSTM(32),\n", "    layers.LSTM(32),\n    layers.RepeatVector(12),\n"
    ).replace("verbose=0)\n", "verbose=0)\nmodel.summary()\n")
    fixed = write_back(document, cells, text, after)
    model = MODEL.replace("LSTM(32),\n", "LSTM(32),\n    layers.RepeatVector(12),\n")
    train = TRAIN + "\nmodel.summary()"  # the cell still ends without a newline
    assert json.loads(fixed.document) == notebook(form, model, train)
    assert read_notebook(fixed.document).text == after


def test_a_line_inserted_after_a_cells_last_line_with_a_newline():
    document = nbformat_text(notebook("lines", train=TRAIN + "\n"))
    text, cells = _read(document)
    after = text.replace("verbose=0)\n", "verbose=0)\nmodel.summary()\n")
    fixed = write_back(document, cells, text, after)
    assert json.loads(fixed.document)["cells"][3]["source"][-2:] == [
        "model.fit(X, y, epochs=1, batch_size=8, verbose=0)\n",
        "model.summary()\n",
    ]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        # the %matplotlib line (blanked) would become code
        (lambda t: "x = 1" + t, "a fix changes a line blanked as IPython syntax"),
        # one line less, taken from the end of one cell and the start of the next
        (
            lambda t: t.replace("    layers.Dense", "#").replace("])\nX = np", "])  # X = np"),
            "a fix changes the number of lines across two cells",
        ),
        # a line inserted after the blanked `%env` line
        (
            lambda t: t.replace("\n\nmodel.compile", "\n\ny = 2\nmodel.compile"),
            "a fix inserts lines after a line blanked as IPython syntax",
        ),
        # a line that reads as IPython once back in its cell
        (
            lambda t: t.replace("model.fit(", "!model.fit("),
            "a fix changes IPython syntax in a cell",
        ),
    ],
)
def test_what_cannot_go_back_into_the_cells(change, reason):
    document = nbformat_text(notebook("lines"))
    text, cells = _read(document)
    with pytest.raises(NotWritable, match=f"^{reason}$"):
        write_back(document, cells, text, change(text))


@pytest.mark.parametrize(
    "script",
    [
        SEQUENTIAL_LIST,  # lines inserted in a multi-line import and in a Sequential list
        ADDED.replace("\n# decoder", "\n\n# decoder"),  # a statement after a cell's last line
    ],
    ids=["list", "add"],
)
def test_repeat_vector_lines_land_in_the_cells_of_the_lines_they_follow(script):
    """The unsafe encoder-decoder fix inserts lines: the notebook gets them where the script
    does, cell by cell (``notebook_from_script`` splits both at the same blank lines)."""
    Path("nb.ipynb").write_text(json.dumps(notebook_from_script(script)[0], indent=1))
    diff = run("--diff", "--unsafe-fixes", "nb.ipynb").stdout.splitlines()
    changed = [d for d in diff if d.startswith(("+", "-")) and not d.startswith(("+++", "---"))]
    assert changed == (  # only the inserted lines: a cell's missing last newline is not shown
        ["+    RepeatVector,", "+    RepeatVector(3),"]
        if script is SEQUENTIAL_LIST
        else ["+model.add(keras.layers.RepeatVector(4))"]
    )
    result = run("--fix", "--unsafe-fixes", "nb.ipynb")
    assert "Fixed 1 problem, 0 remaining." in result.stderr
    fixed = fixing.fix_source(script, "<test>", unsafe=True).source
    assert fixed.count("RepeatVector") in (1, 2)  # the script's own fix inserts them
    written = Path("nb.ipynb").read_text()
    assert written == json.dumps(notebook_from_script(fixed)[0], indent=1)

"""``seqlint shapes``: a static model.summary() of every model in the files given."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from seqlint.cli import main

SCRIPT = """\
from tensorflow import keras
from tensorflow.keras import layers

maxlen = 20
model = keras.Sequential([
    keras.Input(shape=(maxlen, 4)),
    layers.LSTM(32, return_sequences=True),
    layers.TimeDistributed(layers.Dense(3)),
])

def build(units):
    inputs = keras.Input(shape=(None, 4))
    x = layers.GRU(units)(inputs)
    return keras.Model(inputs, layers.Lambda(lambda t: t)(x))

other = build(8)
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["shapes", *args])
    return result.exit_code, result.stdout, result.stderr


def test_text_table_per_model(tmp_path: Path) -> None:
    path = tmp_path / "train.py"
    path.write_text(SCRIPT)
    code, out, _ = run("--no-color", str(path))
    assert code == 0
    assert f"{path}:5: model (sequential)" in out
    assert "    LSTM(32, return_sequences=True)     7  (batch, 20, 32)   4,736\n" in out
    assert "    TimeDistributed(Dense(3))           8  (batch, 20, 3)       99\n" in out
    assert "  total params: 4,835\n\n" in out  # a blank line between models
    # a model built by a function; undefined steps are None; the Lambda is followed
    assert f"{path}:14: other (functional)" in out
    assert "    GRU(units)                13  (batch, 8)           336\n" in out
    assert "    Lambda(lambda t: t)       14  (batch, 8)             0\n" in out
    assert out.endswith("  total params: 336\n")  # none after the last


def test_json(tmp_path: Path) -> None:
    path = tmp_path / "train.py"
    path.write_text(SCRIPT)
    code, out, _ = run("--format", "json", str(path))
    assert code == 0
    models = json.loads(out)["models"]
    assert [(m["name"], m["kind"], m["cell"], m["total_params"]) for m in models] == [
        ("model", "sequential", None, 4835),
        ("other", "functional", None, 336),
    ]
    lstm = models[0]["layers"][1]
    assert lstm == {
        "layer": "LSTM(32, return_sequences=True)",
        "kind": "LSTM",
        "line": 7,
        "cell": None,
        "output_shape": "(batch, 20, 32)",
        "params": 4736,
    }


def test_syntax_error_and_missing_path(tmp_path: Path) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("import keras\nx = (\n")
    code, out, err = run(str(broken), str(tmp_path / "nope.py"))
    assert code == 2
    assert "path not found" in err and f"{broken}:" in err
    assert "No models found." in out


NOTEBOOK = {
    "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Shapes\n"]},
        {
            "cell_type": "code",
            "execution_count": None,
            "metadata": {},
            "outputs": [],
            "source": "%matplotlib inline\n" + SCRIPT.split("\n\n")[0],
        },
        {
            "cell_type": "code",
            "execution_count": None,
            "metadata": {},
            "outputs": [],
            "source": ["!nvidia-smi\n", *SCRIPT.split("\n\n")[1].splitlines(True)],
        },
    ],
    "metadata": {},
    "nbformat": 4,
    "nbformat_minor": 5,
}


def test_notebook_rows_name_their_cell_and_line(tmp_path: Path) -> None:
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(NOTEBOOK, indent=1))
    code, out, err = run("--no-color", str(path))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == [
        f"{path}:cell 3:3: model (sequential)",
        "    layer                            cell:line  output shape     params",
    ]
    assert lines[3:] == [
        "    Input(shape=(maxlen, 4))               3:4  (batch, 20, 4)        0",
        "    LSTM(32, return_sequences=True)        3:5  (batch, 20, 32)   4,736",
        "    TimeDistributed(Dense(3))              3:6  (batch, 20, 3)       99",
        "  total params: 4,835",
    ]
    code, out, _ = run("--format", "json", str(path))
    (model,) = json.loads(out)["models"]
    assert (model["path"], model["cell"], model["line"], model["total_params"]) == (
        str(path),
        3,
        3,
        4835,
    )
    assert [(layer["cell"], layer["line"], layer["output_shape"]) for layer in model["layers"]] == [
        (3, 4, "(batch, 20, 4)"),
        (3, 5, "(batch, 20, 32)"),
        (3, 6, "(batch, 20, 3)"),
    ]


def test_syntax_error_in_a_notebook_names_its_cell(tmp_path: Path) -> None:
    path = tmp_path / "nb.ipynb"
    broken = json.loads(json.dumps(NOTEBOOK))
    broken["cells"][2]["source"].insert(2, "x = (\n")
    path.write_text(json.dumps(broken))
    code, _, err = run(str(path))
    assert code == 2
    assert err.startswith(f"seqlint: error: {path}:cell 3:3:")

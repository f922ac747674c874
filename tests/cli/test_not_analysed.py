"""What was not analysed: a clean run must not hide a model seqlint could not read."""

from __future__ import annotations

import json
from textwrap import dedent

import pytest

from seqlint.analysis import analyse
from tests.cli.support import write

SOURCE = dedent(
    """\
    import numpy as np
    from tensorflow import keras
    from tensorflow.keras import layers


    class Forecaster(keras.Model):
        def __init__(self):
            super().__init__()
            self.head = layers.Dense(1)

        def call(self, x):
            return self.head(x)


    X = np.random.rand(32, 10, 3)
    y = np.random.rand(32, 1)
    model = keras.Sequential([keras.Input(shape=(10, 3)), layers.LSTM(8), layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    model.fit(X, y, epochs=1)
    other = keras.Sequential([keras.Input(shape=(10, 3)), layers.TFSMLayer("exported")])
    other.compile(optimizer="adam", loss="mse")
    other.fit(load_data(), epochs=1)
    undeclared = keras.Sequential([layers.Flatten(), layers.Dense(1)])
    forecaster = Forecaster()
    """
)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_each_unread_model_and_fit_call_has_a_reason():
    result = analyse(SOURCE, "m.py")
    assert result.models == 1  # `model`
    undeclared = "its input shape is not declared (no Input, input_shape, build() or fit data)"
    assert [(u.line, u.what, u.reason) for u in result.unanalysed] == [
        (20, "model `other`", 'unknown layer TFSMLayer("exported") (line 20)'),
        (22, "fit call of model `other`", "data of unknown shape"),
        (23, "model `undeclared`", undeclared),
        (24, "model `forecaster`", undeclared),  # subclassed, never built nor fitted
    ]


def test_a_model_with_a_reported_problem_counts_as_analysed():
    source = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers
        m = keras.Sequential([keras.Input((20, 8)), layers.LSTM(4), layers.LSTM(4)])
        """
    )
    result = analyse(source, "m.py")
    assert (result.models, result.unanalysed) == (1, ())
    assert [d.code for d in result.diagnostics] == ["SL101"]


def test_summary_counts_models_and_verbose_lists_what_was_not_analysed(run, tmp_path):
    write(tmp_path / "m.py", SOURCE)
    result = run("check", "m.py")
    assert result.exit_code == 0
    assert result.stdout.strip() == (
        "All checks passed (1 file, 1 model analysed; 4 not analysed (--verbose says why))."
    )
    verbose = run("check", "--verbose", "m.py").stderr.splitlines()
    assert "seqlint: m.py: 1 model analysed, 4 not analysed" in verbose
    assert (
        'seqlint: m.py:20: not analysed: model `other`: unknown layer TFSMLayer("exported") '
        "(line 20)" in verbose
    )
    assert (
        "seqlint: m.py:22: not analysed: fit call of model `other`: data of unknown shape"
        in verbose
    )


def test_json_lists_what_was_not_analysed(run, tmp_path):
    write(tmp_path / "m.py", SOURCE)
    document = json.loads(run("check", "--format", "json", "m.py").stdout)
    assert document["models_analysed"] == {"m.py": 1}
    assert document["not_analysed"][1] == {
        "path": "m.py",
        "line": 22,
        "what": "fit call of model `other`",
        "reason": "data of unknown shape",
        "cell": None,
    }


def test_in_a_notebook_what_was_not_analysed_is_placed_in_its_cell(run, tmp_path):
    cells = [
        "import numpy as np\nfrom tensorflow import keras\nfrom tensorflow.keras import layers\n",
        "%time\nother = keras.Sequential(\n"
        "    [keras.Input(shape=(10, 3)), layers.TFSMLayer('exported')]\n)\n",
        "other.compile(optimizer='adam', loss='mse')\nother.fit(load_data(), epochs=1)\n",
    ]
    notebook = {
        "cells": [{"cell_type": "code", "metadata": {}, "source": c, "outputs": []} for c in cells],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    write(tmp_path / "nb.ipynb", json.dumps(notebook))
    verbose = run("check", "--verbose", "nb.ipynb").stderr.splitlines()
    assert (
        "seqlint: nb.ipynb:cell 2:2: not analysed: model `other`: unknown layer "
        "TFSMLayer('exported') (cell 2, line 3)" in verbose
    ), verbose
    assert (
        "seqlint: nb.ipynb:cell 3:2: not analysed: fit call of model `other`: "
        "data of unknown shape" in verbose
    ), verbose
    document = json.loads(run("check", "--format", "json", "nb.ipynb").stdout)
    assert [(item["cell"], item["line"]) for item in document["not_analysed"]] == [(2, 2), (3, 2)]


def test_a_cached_result_keeps_what_was_not_analysed(run, tmp_path):
    write(tmp_path / "m.py", SOURCE)
    first = run("check", "--format", "json", "m.py").stdout
    second = json.loads(run("check", "--format", "json", "m.py").stdout)
    assert second == json.loads(first)
    assert second["models_analysed"] == {"m.py": 1} and len(second["not_analysed"]) == 4
    from seqlint.engine import check_paths

    assert check_paths(["m.py"]).files_cached == 1  # the second run read the cache too

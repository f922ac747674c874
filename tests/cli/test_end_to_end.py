"""End to end through the real pipeline (frontend, shapes, rules): no stubs here.

These tests need the whole pipeline; they pass once ``seqlint.analysis.lint_source`` works.
They never import TensorFlow.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from seqlint.cli import main
from seqlint.engine import check_paths

GOOD = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(20, 8))
x = layers.LSTM(32, return_sequences=True)(inputs)
outputs = layers.TimeDistributed(layers.Dense(1))(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
"""

# LSTM without return_sequences drops the time axis; TimeDistributed then gets rank 2 and
# Keras raises while building the model.
BAD = GOOD.replace("layers.LSTM(32, return_sequences=True)", "layers.LSTM(32)")
BAD_LINES = {6, 7}  # the LSTM that drops the axis, the TimeDistributed that needs it

SYNTAX_ERROR = "import keras\nmodel = keras.Sequential(\n"


def _write(directory: Path, name: str, text: str) -> str:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _json(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout)


def test_clean_model_passes(tmp_path):
    path = _write(tmp_path, "good.py", GOOD)
    result = CliRunner().invoke(main, ["check", path])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "All checks passed (1 file)."


def test_dropped_time_axis_is_an_error_with_trace_and_hint(tmp_path):
    path = _write(tmp_path, "bad.py", BAD)
    code, document = _json(path)
    assert code == 1
    assert document["files_checked"] == 1
    errors = [d for d in document["diagnostics"] if d["severity"] == "error"]
    assert errors, document
    first = errors[0]
    assert first["path"] == path
    assert first["line"] in BAD_LINES
    assert re.fullmatch(r"SL\d{3}", first["code"]) and first["code"] not in {"SL900", "SL901"}
    assert first["hint"]
    assert first["trace"] and any(row["marked"] for row in first["trace"])


def test_text_report_through_python_dash_m(tmp_path):
    path = _write(tmp_path, "bad.py", BAD)
    proc = subprocess.run(
        [sys.executable, "-m", "seqlint", "check", path], capture_output=True, text=True
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert "SL900" not in proc.stdout and "SL901" not in proc.stdout
    assert re.match(rf"{re.escape(path)}:\d+:\d+: SL\d{{3}} \S", proc.stdout)
    assert "hint: " in proc.stdout
    summary, fixable = proc.stdout.splitlines()[-2:]
    assert summary.startswith("Found ")
    assert fixable == "[*] 1 fixable with the --fix option."


def test_syntax_error_is_sl900_at_its_line(tmp_path):
    path = _write(tmp_path, "broken.py", SYNTAX_ERROR)
    code, document = _json(path)
    assert code == 1
    (diagnostic,) = document["diagnostics"]
    assert diagnostic["code"] == "SL900"
    assert diagnostic["name"] == "syntax-error"
    assert diagnostic["line"] == 2
    assert diagnostic["column"] >= 1
    assert diagnostic["message"]


def test_file_without_keras_is_not_parsed(tmp_path):
    path = _write(tmp_path, "plain.py", "def broken(:\n")
    code, document = _json(path)
    assert (code, document) == (0, {"diagnostics": [], "files_checked": 1})


def test_workers_report_the_same_as_in_process(tmp_path):
    for i in range(10):
        _write(tmp_path, f"bad_{i}.py", BAD)
        _write(tmp_path, f"good_{i}.py", GOOD)
    _write(tmp_path, "broken.py", SYNTAX_ERROR)
    serial = check_paths([str(tmp_path)], jobs=1)
    parallel = check_paths([str(tmp_path)], jobs=2)
    assert parallel.diagnostics == serial.diagnostics
    assert serial.files_checked == parallel.files_checked == 21
    codes = {d.code for d in serial.diagnostics}
    assert "SL901" not in codes
    assert "SL900" in codes
    assert {Path(d.path).name for d in serial.diagnostics if d.code != "SL900"} == {
        f"bad_{i}.py" for i in range(10)
    }

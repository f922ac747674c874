"""The Python API: seqlint.check_source and seqlint.check_paths."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import seqlint
from seqlint.diagnostic import Diagnostic, Severity

BAD = """\
from tensorflow import keras
from tensorflow.keras import layers
model = keras.Sequential([
    keras.Input(shape=(20, 8)),
    layers.LSTM(64),
    layers.LSTM(32),
])
"""


def test_check_source_returns_typed_diagnostics():
    (found,) = seqlint.check_source(BAD, path="train.py", config={})
    assert isinstance(found, Diagnostic) and found.severity is Severity.ERROR
    assert (found.path, found.line, found.column, found.code) == ("train.py", 6, 5, "SL101")
    assert seqlint.Diagnostic is Diagnostic


def test_check_source_applies_settings_and_suppressions():
    assert seqlint.check_source(BAD, config={"ignore": ["SL1"]}) == []
    assert seqlint.check_source(BAD.replace("(32),", "(32),  # noqa"), config={}) == []


def test_check_source_finds_the_configuration_of_its_path(tmp_path):
    (tmp_path / "seqlint.toml").write_text('ignore = ["SL101"]\n')
    assert seqlint.check_source(BAD, path=str(tmp_path / "m.py")) == []
    assert len(seqlint.check_source(BAD, path=str(tmp_path / "m.py"), config={})) == 1


def test_check_paths_and_config_file(tmp_path):
    (tmp_path / "a.py").write_text(BAD)
    (tmp_path / "b.py").write_text("print('no model')\n")
    (found,) = seqlint.check_paths([tmp_path], config={})
    assert Path(found.path).name == "a.py"
    config = tmp_path / "strict.toml"
    config.write_text('select = ["SL2"]\n')
    assert seqlint.check_paths([tmp_path / "a.py"], config=config) == []


def test_api_errors_are_exceptions(tmp_path):
    with pytest.raises(seqlint.ConfigError, match=r"<config>: selct: unknown key"):
        seqlint.check_source(BAD, config={"selct": []})
    with pytest.raises(FileNotFoundError, match="nope.py"):
        seqlint.check_paths([tmp_path / "nope.py"])


def test_import_seqlint_is_light():
    code = (
        "import sys, seqlint\n"
        "heavy = [m for m in ('libcst', 'seqlint.engine', 'seqlint.config', 'rich', 'click')"
        " if m in sys.modules]\nprint(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr


def test_package_is_typed():
    assert (Path(seqlint.__file__).parent / "py.typed").exists()
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text()
    assert 'seqlint = ["py.typed", "data/*.json"]' in pyproject

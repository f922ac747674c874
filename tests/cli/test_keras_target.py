"""Which Keras: target-keras, --target-keras, or the installed packages' metadata."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from seqlint.keras_target import detect
from tests.cli.support import KERAS_CLEAN, write


def versions(**installed: str):
    table = {name.replace("_", "-"): version for name, version in installed.items()}
    return lambda name: table.get(name)


@pytest.mark.parametrize(
    ("installed", "environ", "expected"),
    [
        ({"keras": "3.15.1", "tensorflow_cpu": "2.21.0"}, {}, ("3", "keras 3.15.1 is installed")),
        (
            {"tensorflow": "2.16.1"},
            {},
            ("3", "tensorflow 2.16.1 is installed (tf.keras is Keras 3)"),
        ),
        (
            {"tensorflow": "2.15.0", "keras": "2.15.0"},
            {},
            ("2", "tensorflow 2.15.0 is installed (tf.keras is Keras 2)"),
        ),
        ({"keras": "2.12.0"}, {}, ("2", "keras 2.12.0 is installed")),
        ({"tf_keras": "2.21.0"}, {}, ("2", "tf-keras 2.21.0 is installed")),
        (
            {"keras": "3.15.1", "tensorflow": "2.21.0", "tf_keras": "2.21.0"},
            {"TF_USE_LEGACY_KERAS": "1"},
            ("2", "TF_USE_LEGACY_KERAS is set and tf-keras 2.21.0 is installed"),
        ),
        (
            {"keras": "3.15.1", "tensorflow": "2.21.0"},
            {"TF_USE_LEGACY_KERAS": "1"},
            ("3", "keras 3.15.1 is installed"),
        ),  # no tf-keras: the variable changes nothing
        ({}, {}, ("3", "no keras or tensorflow installed: Keras 3 is the default")),
    ],
)
def test_detection_from_metadata(installed, environ, expected):
    target = detect(versions(**installed), environ)
    assert (target.version, target.reason) == expected


def test_detection_imports_nothing():
    code = (
        "import sys\nfrom seqlint.keras_target import detect\nt = detect()\n"
        "print(t.version, [m for m in ('tensorflow', 'keras', 'tf_keras') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.split(" ", 1)[1].strip() == "[]"


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_target_from_config_reaches_the_analysis_and_the_json_header(stub, run, in_tmp):
    write(in_tmp / "m.py", KERAS_CLEAN)
    write(in_tmp / "seqlint.toml", 'target-keras = "2"\n')
    document = json.loads(run("check", "--format", "json", "m.py").stdout)
    assert stub.targets == {"m.py": "2"}
    assert document["keras_target"] == {
        "version": "2",
        "reason": f'target-keras = "2" in {in_tmp / "seqlint.toml"}',
    }


def test_target_flag_wins_and_verbose_says_why(stub, run, in_tmp):
    write(in_tmp / "m.py", KERAS_CLEAN)
    write(in_tmp / "seqlint.toml", 'target-keras = "2"\n')
    result = run("check", "--verbose", "--target-keras", "3", "m.py")
    assert stub.targets == {"m.py": "3"}
    assert result.stderr.splitlines()[0] == "seqlint: Keras 3 (--target-keras 3)"


def test_detected_target_is_used_without_configuration(stub, run, in_tmp, monkeypatch):
    from seqlint import engine
    from seqlint.keras_target import KerasTarget

    monkeypatch.setattr(engine, "detected_target", lambda: KerasTarget("2", "tf-keras"))
    write(in_tmp / "m.py", KERAS_CLEAN)
    result = run("check", "--verbose", "m.py")
    assert stub.targets == {"m.py": "2"}
    assert "seqlint: Keras 2 (tf-keras)" in result.stderr


KERAS2_SCRIPT = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

X = np.random.randint(1, 1000, size=(64, 20))
y = np.random.randint(0, 2, size=(64, 1))


def batches():
    while True:
        yield X[:16], y[:16]


model = keras.Sequential([
    layers.Embedding(1000, 16, input_length=20),
    layers.LSTM(16),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit_generator(batches(), steps_per_epoch=4, epochs=1)
"""


def test_keras2_code_under_target_2_gets_no_migration_finding(run, in_tmp):
    write(in_tmp / "train.py", KERAS2_SCRIPT)
    result = run("check", "--isolated", "--target-keras", "3", "train.py")
    assert result.exit_code == 1
    assert "train.py:15:5: SL213 " in result.stdout and "train.py:20:1: SL214 " in result.stdout
    write(in_tmp / "pyproject.toml", '[tool.seqlint]\ntarget-keras = "2"\n')
    result = run("check", "train.py")
    assert result.exit_code == 0
    assert result.stdout.startswith("All checks passed (1 file, 1 model analysed")


def test_cache_is_keyed_by_the_target(stub, run, in_tmp):
    write(in_tmp / "m.py", KERAS_CLEAN)
    run("check", "--target-keras", "3", "m.py")
    run("check", "--target-keras", "3", "m.py")  # from the cache
    run("check", "--target-keras", "2", "m.py")  # another target: analysed again
    assert stub.calls == ["m.py", "m.py"]

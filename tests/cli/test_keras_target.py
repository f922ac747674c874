"""Which Keras: target-keras, --target-keras, or the installed packages' metadata."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from seqlint import keras_target
from seqlint.keras_target import detect
from tests.cli.support import KERAS_CLEAN, write


def versions(**installed: str):
    table = {name.replace("_", "-"): version for name, version in installed.items()}
    return lambda name: table.get(name)


@pytest.mark.parametrize(
    ("installed", "environ", "expected"),
    [
        (
            {"keras": "3.15.1", "tensorflow_cpu": "2.21.0"},
            {},
            ("3.15.1", "tensorflow-cpu 2.21.0 is installed (tf.keras is keras 3.15.1)"),
        ),
        (
            {"tensorflow": "2.16.1"},
            {},
            ("3", "tensorflow 2.16.1 is installed (tf.keras is Keras 3)"),
        ),
        (
            {"tensorflow": "2.15.0", "keras": "2.15.0"},
            {},
            ("2.15.0", "tensorflow 2.15.0 is installed (tf.keras is keras 2.15.0)"),
        ),
        (
            {"tensorflow": "2.12.1"},
            {},
            ("2.12", "tensorflow 2.12.1 is installed (tf.keras is Keras 2.12)"),
        ),
        ({"keras": "2.12.0"}, {}, ("2.12.0", "keras 2.12.0 is installed")),
        ({"tf_keras": "2.21.0"}, {}, ("2.21.0", "tf-keras 2.21.0 is installed")),
        (
            {"keras": "3.15.1", "tensorflow": "2.21.0", "tf_keras": "2.21.0"},
            {"TF_USE_LEGACY_KERAS": "1"},
            ("2.21.0", "TF_USE_LEGACY_KERAS is set and tf-keras 2.21.0 is installed"),
        ),
        (
            {"keras": "3.15.1", "tensorflow": "2.21.0"},
            {"TF_USE_LEGACY_KERAS": "1"},
            ("3.15.1", "tensorflow 2.21.0 is installed (tf.keras is keras 3.15.1)"),
        ),  # no tf-keras: the variable changes nothing
        ({}, {}, ("3", "no keras or tensorflow installed: Keras 3 is the default")),
    ],
)
def test_detection_from_metadata(installed, environ, expected):
    target = detect(versions(**installed), environ)
    assert (target.version, target.reason) == expected


LEGACY = {"keras": "3.15.1", "tensorflow": "2.21.0", "tf_keras": "2.21.0"}


@pytest.mark.parametrize(
    ("source", "version", "reason"),
    [
        ("import tensorflow as tf\nm = tf.keras.Sequential()\n", "2.21.0", "TF_USE_LEGACY"),
        ("from tensorflow import keras\n", "2.21.0", "TF_USE_LEGACY"),
        ("from tensorflow.keras import layers\n", "2.21.0", "TF_USE_LEGACY"),
        ("import keras\nfrom keras import layers\n", "3.15.1", "keras 3.15.1 is installed"),
        ("from keras.layers import LSTM\n", "3.15.1", "keras 3.15.1 is installed"),
        ("import tf_keras\n", "2.21.0", "tf-keras 2.21.0 is installed"),
        ("import numpy as np\n", "2.21.0", "TF_USE_LEGACY"),  # no Keras import: the overall
    ],
)
def test_legacy_variable_decides_only_for_tensorflow_keras(source, version, reason):
    """With TensorFlow 2.21, keras 3.15.1, tf-keras and TF_USE_LEGACY_KERAS=1, a file that
    imports ``keras`` gets Keras 3 (it runs under it), one that uses ``tf.keras`` Keras 2."""
    target = detect(versions(**LEGACY), {"TF_USE_LEGACY_KERAS": "1"}).for_source(source)
    assert target.version == version and target.reason.startswith(reason)


def test_a_file_spelling_both_takes_tensorflow_keras_and_says_so():
    source = "import keras\nfrom tensorflow.keras import layers\n"
    target = detect(versions(**LEGACY), {"TF_USE_LEGACY_KERAS": "1"}).for_source(source)
    assert target.version == "2.21.0"
    assert "the file also imports Keras otherwise: keras is 3.15.1" in target.reason


def test_detection_imports_nothing():
    code = (
        "import sys\nfrom seqlint.keras_target import detect\nt = detect()\n"
        "print(t.version, [m for m in ('tensorflow', 'keras', 'tf_keras') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.split(" ", 1)[1].strip() == "[]"


def test_detection_needs_no_importlib_metadata():
    code = (
        "import sys\nfrom seqlint.keras_target import detect\nt = detect()\n"
        "print('importlib.metadata' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.strip() == "False"


def test_installed_versions_read_as_importlib_metadata_reads_them():
    from importlib import metadata

    names = sorted({d.metadata["Name"] for d in metadata.distributions()})
    assert names  # pytest itself is installed
    variants = ["Keras", "TF_Keras", "tensorflow.cpu", "no-such-distribution-here"]
    for name in names + variants:
        try:
            expected = metadata.version(name)
        except metadata.PackageNotFoundError:
            expected = None
        assert keras_target.installed_version(name) == expected, name


def test_what_the_fast_reading_leaves_to_importlib_metadata(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "fast_pkg-1.2.dist-info").mkdir(parents=True)
    (site / "fast_pkg-1.2.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: fast-pkg\nVersion: 1.2.3\n\nVersion: 9 (the body)\n"
    )
    (site / "old_pkg-0.1.egg-info").mkdir()
    (site / "bare_pkg-2.0.dist-info").mkdir()  # no METADATA
    monkeypatch.setattr(sys, "path", [str(site)])
    keras_target._children.cache_clear()
    try:
        ask = keras_target._ASK_METADATA
        assert keras_target._dist_info_version("Fast.Pkg") == "1.2.3"
        assert keras_target._dist_info_version("old-pkg") is ask
        assert keras_target._dist_info_version("bare-pkg") is ask
        assert keras_target._dist_info_version("absent") is None
        monkeypatch.setattr(sys, "path", [str(site / "x.egg")])
        assert keras_target._dist_info_version("absent") is ask
    finally:
        keras_target._children.cache_clear()


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


# -- the project's pins ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "version", "says"),
    [
        ("requirements.txt", "numpy\ntensorflow==2.12.0\n", "2.12", "tensorflow==2.12.0 pinned in"),
        (
            "requirements-dev.txt",
            "tensorflow-cpu>=2.10,<2.16  # CPU only\n",
            "2.15",
            "(the newest release it allows: 2.15)",
        ),
        ("requirements.txt", "tensorflow~=2.13.0\n", "2.13", "tensorflow~=2.13.0 pinned in"),
        ("requirements.txt", "tensorflow>=2.16\n", "3", "tf.keras is Keras 3"),
        (
            "requirements.txt",
            "tensorflow==2.17.*\nkeras==3.8.0\n",
            "3.8.0",
            "tf.keras is Keras 3.8.0",
        ),
        (
            "pyproject.toml",
            '[project]\nname = "x"\ndependencies = ["numpy"]\n'
            '[project.optional-dependencies]\ntrain = ["tensorflow[and-cuda]==2.11.1"]\n',
            "2.11",
            "tensorflow==2.11.1 pinned in",
        ),
        (
            "pyproject.toml",
            '[tool.poetry.dependencies]\npython = "^3.10"\ntensorflow = "^2.9"\n',
            "3",
            "(the newest release it allows: 2.21)",
        ),
        (
            "setup.cfg",
            "[options]\ninstall_requires =\n    numpy\n    keras>=2.6,<3\n",
            "2.15.0",
            "(the newest release it allows: 2.15.0)",
        ),
        (
            "environment.yml",
            "name: x\ndependencies:\n  - python=3.9\n  - tensorflow=2.10\n"
            "  - pip:\n    - keras==2.10.0\n",
            "2.10",
            "tensorflow==2.10 pinned in",
        ),
    ],
)
def test_pins_of_the_project_give_the_target(tmp_path, name, text, version, says):
    from seqlint.keras_target import pinned_target

    write(tmp_path / name, text)
    (tmp_path / "src").mkdir()
    target = pinned_target(str(tmp_path / "src"))
    assert target is not None and target.version == version
    assert says in target.reason and str(tmp_path / name) in target.reason
    assert target.source == "pins"


def test_no_pin_gives_nothing(tmp_path):
    from seqlint.keras_target import pinned_target

    write(tmp_path / "requirements.txt", "numpy\ntorch==2.3\n")
    assert pinned_target(str(tmp_path)) is None


def test_pins_decide_when_nothing_is_installed_and_verbose_says_which(
    stub, run, in_tmp, monkeypatch
):
    from seqlint import engine
    from seqlint.keras_target import KerasTarget

    default = KerasTarget("3", "no keras or tensorflow installed", source="default")
    monkeypatch.setattr(engine, "detected_target", lambda: default)
    write(in_tmp / "requirements.txt", "tensorflow==2.12.0\n")
    write(in_tmp / "m.py", KERAS_CLEAN)
    result = run("check", "--verbose", "m.py")
    assert stub.targets == {"m.py": "2.12"}
    assert result.stderr.splitlines()[0] == (
        f"seqlint: Keras 2.12 (tensorflow==2.12.0 pinned in {in_tmp / 'requirements.txt'}: "
        "tf.keras is Keras 2.12)"
    )


def test_installed_packages_win_over_pins(stub, run, in_tmp, monkeypatch):
    from seqlint import engine
    from seqlint.keras_target import KerasTarget

    monkeypatch.setattr(engine, "detected_target", lambda: KerasTarget("3.15.1", "keras 3.15.1"))
    write(in_tmp / "requirements.txt", "tensorflow==2.12.0\n")
    write(in_tmp / "m.py", KERAS_CLEAN)
    run("check", "m.py")
    assert stub.targets == {"m.py": "3.15.1"}


@pytest.mark.parametrize("given", ["2.12", "3.8", "2.21.0"])
def test_a_release_is_a_target(stub, run, in_tmp, given):
    write(in_tmp / "m.py", KERAS_CLEAN)
    write(in_tmp / "seqlint.toml", f'target-keras = "{given}"\n')
    result = run("check", "--verbose", "m.py")
    assert stub.targets == {"m.py": given}
    assert result.stderr.splitlines()[0].startswith(f"seqlint: Keras {given} (target-keras")


def test_a_bad_release_on_the_command_line_is_a_usage_error(run, in_tmp):
    write(in_tmp / "m.py", KERAS_CLEAN)
    result = run("check", "--target-keras", "4.1", "m.py")
    assert result.exit_code == 2 and "expected 2, 3 or a release" in result.stderr


def test_each_file_gets_the_keras_it_imports_and_verbose_says_so(stub, run, in_tmp, monkeypatch):
    from seqlint import engine

    detected = detect(versions(**LEGACY), {"TF_USE_LEGACY_KERAS": "1"})
    monkeypatch.setattr(engine, "detected_target", lambda: detected)
    write(in_tmp / "legacy.py", KERAS_CLEAN.replace("import keras", "from tensorflow import keras"))
    write(in_tmp / "modern.py", KERAS_CLEAN)  # import keras
    result = run("check", "--verbose", "legacy.py", "modern.py")
    assert stub.targets == {"legacy.py": "2.21.0", "modern.py": "3.15.1"}
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "seqlint: Keras mixed (2.21.0: TF_USE_LEGACY_KERAS is set and tf-keras 2.21.0 is "
        "installed; 3.15.1: keras 3.15.1 is installed)"
    )
    assert any(
        line.startswith("seqlint: legacy.py:") and "for Keras 2.21.0" in line for line in lines
    )
    assert any(
        line.startswith("seqlint: modern.py:") and "for Keras 3.15.1" in line for line in lines
    )

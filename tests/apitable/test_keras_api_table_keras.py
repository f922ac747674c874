"""The generated table against the installed Keras 3.15 and tf-keras 2.21.

Every name the table knows is imported the way users write it (``from keras.a import B``,
``from tensorflow.keras.a import B``, with and without ``TF_USE_LEGACY_KERAS``); every
recorded member of the model, layer and optimizer classes is looked up; every recorded
signature of layers, optimizers, callbacks and Model methods is compared with
``inspect.signature``; and calls show that what a signature accepts is what Keras accepts.
Each Keras runs in a subprocess of its own (tests/apitable/probe.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from seqlint import keras_api_table as api

pytestmark = pytest.mark.keras

PROBE = Path(__file__).with_name("probe.py")
# (import root, table version, surface, TF_USE_LEGACY_KERAS)
SETUPS = {
    "keras 3.15": ("keras", "3.15.1", "keras", False),
    "tf.keras 3.15": ("tensorflow.keras", "3.15.1", "tf.keras", False),
    "tf_keras 2.21": ("tf_keras", "2.21.0", "keras", False),
    "tf.keras 2.21 (legacy)": ("tensorflow.keras", "2.21.0", "tf.keras", True),
}
_SIGNED = ("layers.", "optimizers.", "callbacks.", "models.Model.")
# Attributes a Keras 2 Model sets outside __init__ (in _reset_compile_cache): not read.
KNOWN_MISSED_MEMBERS = {
    f"models.{cls}.{name}"
    for cls in ("Model", "Sequential")
    for name in ("predict_function", "test_function", "train_function")
}
# Calls whose outcome the table predicts: label -> (code, callable, keyword or None).
CALLS = {
    "Adam(lr=)": ("K.optimizers.Adam(lr=0.01)", "optimizers.Adam", "lr"),
    "Adam(decay=)": ("K.optimizers.Adam(decay=0.01)", "optimizers.Adam", "decay"),
    "SGD(lr=)": ("K.optimizers.SGD(lr=0.01)", "optimizers.SGD", "lr"),
    "LSTM(time_major=)": ("K.layers.LSTM(2, time_major=True)", "layers.LSTM", "time_major"),
    "LSTM(batch_input_shape=)": (
        "K.layers.LSTM(2, batch_input_shape=(4, 3, 2))",
        "layers.LSTM",
        "batch_input_shape",
    ),
    "Dense(input_shape=)": ("K.layers.Dense(2, input_shape=(3,))", "layers.Dense", "input_shape"),
    "Dense(nonsense=)": ("K.layers.Dense(2, nonsense=1)", "layers.Dense", "nonsense"),
    "Embedding(input_length=)": (
        "K.layers.Embedding(10, 4, input_length=5)",
        "layers.Embedding",
        "input_length",
    ),
}
_MODEL = "m = K.Sequential([K.Input((3,)), K.layers.Dense(1)])\n"
# save-path calls, judged by the table's path rules
SAVES = {
    "save_weights('w.h5')": (_MODEL + "m.save_weights(PATH + '/w.h5')", "save_weights", "w.h5"),
    "save_weights('w.weights.h5')": (
        _MODEL + "m.save_weights(PATH + '/w.weights.h5')",
        "save_weights",
        "w.weights.h5",
    ),
    "save('m.keras')": (_MODEL + "m.save(PATH + '/m.keras')", "save", "m.keras"),
    "save('m.h5')": (_MODEL + "m.save(PATH + '/m.h5')", "save", "m.h5"),
    "save('saved_model_dir')": (_MODEL + "m.save(PATH + '/saved')", "save", "saved"),
    "ModelCheckpoint('best.h5')": ("K.callbacks.ModelCheckpoint('best.h5')", None, "best.h5"),
    "ModelCheckpoint('best.h5', save_weights_only=True)": (
        "K.callbacks.ModelCheckpoint('best.h5', save_weights_only=True)",
        None,
        "best.h5",
    ),
}


def _request(version: str, surface: str, tmp: Path) -> dict:
    table = api._table()
    members: dict[str, list[str]] = {}
    for key in table["members"]:
        cls, _, member = key.rpartition(".")
        if api.has(cls, version, surface):
            members.setdefault(cls, []).append(member)
    signatures = [
        name
        for name in table["signatures"]
        if name.startswith(_SIGNED) and api.signature(name, version) is not None
    ]
    calls = {label: code for label, (code, _, _) in CALLS.items()}
    calls |= {label: f"PATH = {str(tmp)!r}\n{code}" for label, (code, _, _) in SAVES.items()}
    return {
        "root": "",
        "names": list(table["names"]),
        "members": members,
        "signatures": signatures,
        "calls": calls,
    }


@pytest.fixture(scope="module", params=list(SETUPS))
def probed(request, tmp_path_factory) -> tuple[str, str, dict]:
    pytest.importorskip("tensorflow")
    root, version, surface, legacy = SETUPS[request.param]
    if root == "tf_keras" or legacy:
        pytest.importorskip("tf_keras")
    payload = _request(version, surface, tmp_path_factory.mktemp("saves"))
    payload["root"] = root
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    env.pop("TF_USE_LEGACY_KERAS", None)
    if legacy:
        env["TF_USE_LEGACY_KERAS"] = "1"
    done = subprocess.run(
        [sys.executable, str(PROBE)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    marker = "@@PROBE@@"
    assert marker in done.stdout, done.stderr[-3000:]
    return version, surface, json.loads(done.stdout.split(marker, 1)[1])


def test_names_import_as_the_table_says(probed) -> None:
    version, surface, found = probed
    wrong = {
        name: (api.has(name, version, surface), imports)
        for name, imports in found["names"].items()
        if api.has(name, version, surface) != imports
    }
    assert wrong == {}
    assert len(found["names"]) > 5000


def test_members_are_where_the_table_says(probed) -> None:
    version, _, found = probed
    wrong = {
        name
        for name, present in found["members"].items()
        if present is not None and api.has(name, version) != present
    }
    assert wrong <= KNOWN_MISSED_MEMBERS
    assert len(found["members"]) > 1000


def test_signatures_match_inspect(probed) -> None:
    version, _, found = probed
    compared = {name: tokens for name, tokens in found["signatures"].items() if tokens}
    wrong = {
        name: (api.signature(name, version).parameters, tuple(tokens))
        for name, tokens in compared.items()
        if api.signature(name, version).parameters != tuple(tokens)
    }
    assert wrong == {}
    assert len(compared) > 200


@pytest.mark.parametrize("label", list(CALLS))
def test_keywords_accepted_as_the_table_says(probed, label: str) -> None:
    version, _, found = probed
    _, callable_name, keyword = CALLS[label]
    accepts = api.signature(callable_name, version).accepts(keyword)
    assert (found["calls"][label] is None) is accepts, found["calls"][label]


@pytest.mark.parametrize("label", list(SAVES))
def test_save_paths_checked_as_the_table_says(probed, label: str) -> None:
    version, _, found = probed
    code, method, path = SAVES[label]
    name = f"models.Model.{method}" if method else "callbacks.ModelCheckpoint"
    weights_only = "save_weights_only=True" in code
    rules = [
        rule
        for rule in api.path_rules(name, version)
        if rule.when in ("", "zipped", "max_shard_size is None")
        or rule.when == ("save_weights_only" if weights_only else "not save_weights_only")
    ]
    rejected = any(not path.endswith(rule.suffixes) for rule in rules)
    assert (found["calls"][label] is not None) is rejected, found["calls"][label]

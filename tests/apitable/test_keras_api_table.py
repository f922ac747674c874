"""The API table's queries, on facts checked against the wheels' source and, for 3.15 and
tf-keras 2.21, against the installed Keras (test_keras_api_table_keras.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from seqlint import keras_api_table as api


def test_versions_cover_the_issue_releases() -> None:
    found = api.versions()
    assert found[:2] == ("2.2.5", "2.3.1")
    assert [v for v, d in zip(found, map(api.distribution, found), strict=True) if d == "tf-keras"]
    assert len(found) == 35
    assert found[-1] == "3.15.1"


@pytest.mark.parametrize(
    ("asked", "meant"),
    [
        ("2.12", "2.12.0"),
        ("2.12.0", "2.12.0"),
        ("2.15", "2.15.0"),  # keras 2.15.0 before tf-keras 2.15.1
        ("2.13.0", "2.13.1"),  # a patch not in the table: its minor's covered patch
        ("2", "2.21.0"),
        ("3", "3.15.1"),
        ("3.8", "3.8.0"),
        ("2.4", None),
        ("3.99", None),
        ("x", None),
    ],
)
def test_resolve_version(asked: str, meant: str | None) -> None:
    assert api.resolve_version(asked) == meant


@pytest.mark.parametrize(
    ("name", "version", "surface", "expected"),
    [
        # fit_generator: on Model through tf-keras 2.21, gone in Keras 3
        ("models.Model.fit_generator", "2.21", "keras", True),
        ("models.Model.fit_generator", "3.0", "keras", False),
        ("models.Model.fit_generator", "3.15", "keras", False),
        # predict_classes: standalone Keras's Sequential only, gone from tf.keras 2.6
        ("models.Sequential.predict_classes", "2.3.1", "keras", True),
        ("models.Model.predict_classes", "2.3.1", "keras", False),
        ("models.Sequential.predict_classes", "2.6", "keras", False),
        # CuDNNLSTM: keras 2.6-2.12's own tree still exports it, tf.keras never does
        ("layers.CuDNNLSTM", "2.3.1", "keras", True),
        ("layers.CuDNNLSTM", "2.12", "keras", True),
        ("layers.CuDNNLSTM", "2.6", "tf.keras", False),
        ("layers.CuDNNLSTM", "2.13", "keras", False),
        ("layers.CuDNNLSTM", "2.21", "tf.keras", False),
        ("layers.CuDNNLSTM", "2.2.5", "tf.keras", None),  # no tensorflow.keras surface
        # layers.experimental.preprocessing: tf.keras 2.6-2.15 and tf-keras, not Keras 3
        ("layers.experimental.preprocessing.TextVectorization", "2.6", "tf.keras", True),
        ("layers.experimental.preprocessing.TextVectorization", "2.21", "tf.keras", True),
        ("layers.experimental.preprocessing.TextVectorization", "3.0", "keras", False),
        ("layers.experimental.preprocessing.TextVectorization", "3.15", "tf.keras", False),
        # Model.reset_states: Keras 2 only
        ("models.Model.reset_states", "2.21", "keras", True),
        ("models.Model.reset_states", "3.0", "keras", False),
        # submodules users import
        ("layers.recurrent", "2.3.1", "keras", True),
        ("layers.recurrent", "2.8", "keras", True),
        ("layers.recurrent", "2.9", "keras", False),
        ("layers.recurrent", "2.6", "tf.keras", False),
        ("utils.np_utils", "2.12", "keras", True),
        ("utils.np_utils", "2.6", "tf.keras", False),
        ("engine.topology", "2.3.1", "keras", True),
        ("engine.topology", "2.6", "keras", False),
        ("wrappers.scikit_learn", "2.12", "tf.keras", True),
        ("wrappers.scikit_learn", "2.13", "tf.keras", False),
        ("backend.get_session", "2.3.1", "keras", True),
        ("backend.get_session", "2.21", "tf.keras", False),
        ("layers.core", "2.12", "keras", True),
        ("layers.core", "2.12", "tf.keras", False),
        ("layers.embeddings", "2.8", "keras", True),
        ("layers.merge", "2.9", "keras", False),
        ("preprocessing.text.Tokenizer", "2.3.1", "keras", True),  # keras_preprocessing's
        ("preprocessing.text.Tokenizer", "3.15", "tf.keras", True),
        ("preprocessing.text.Tokenizer", "3.15", "keras", False),
        # keras 2.9-2.12 under `import keras`: pad_sequences moved to keras.utils
        ("preprocessing.sequence.pad_sequences", "2.8", "keras", True),
        ("preprocessing.sequence.pad_sequences", "2.9", "keras", False),
        ("preprocessing.sequence.pad_sequences", "2.9", "tf.keras", True),
        # keras 2.6-2.8 under `import keras`: keras.optimizers has no Adam
        ("optimizers.Adam", "2.7", "keras", False),
        ("optimizers.Adam", "2.7", "tf.keras", True),
        ("optimizers.Adam", "2.9", "keras", True),
        # TimeseriesGenerator: only tf.keras keeps it in Keras 3
        ("preprocessing.sequence.TimeseriesGenerator", "3.15", "keras", False),
        ("preprocessing.sequence.TimeseriesGenerator", "3.15", "tf.keras", True),
        # optimizer lr attribute
        ("optimizers.Adam.lr", "2.3.1", "keras", True),
        ("optimizers.Adam.lr", "2.21", "keras", True),
        ("optimizers.Adam.lr", "3.0", "keras", False),
        # a name never seen: absent where its parent exists, unknown elsewhere
        ("layers.NoSuchLayer", "3.15", "keras", False),
        ("no_such_module.Thing", "3.15", "keras", None),
        ("layers.LSTM", "2.4", "keras", None),
    ],
)
def test_has(name: str, version: str, surface: str, expected: bool | None) -> None:
    assert api.has(name, version, surface) is expected


def test_removed_in() -> None:
    assert api.removed_in("models.Model.fit_generator") == "3.0.5"
    assert api.removed_in("models.Sequential.predict_classes") == "2.6.0"
    assert api.removed_in("layers.CuDNNLSTM") == "2.13.1"
    assert api.removed_in("layers.experimental.preprocessing.TextVectorization") == "3.0.5"
    assert api.removed_in("models.Model.fit_generator", version="2.21") is None
    assert api.removed_in("layers.LSTM") is None


@pytest.mark.parametrize(
    ("name", "replacement", "exact"),
    [
        ("layers.CuDNNLSTM", "layers.LSTM", True),
        ("models.Model.fit_generator", "models.Model.fit", True),
        ("models.Sequential.predict_classes", "models.Sequential.predict", False),
        ("optimizers.Adam(lr)", "learning_rate", True),
        ("optimizers.RMSprop(lr)", "learning_rate", True),
        ("optimizers.SGD.lr", "optimizers.SGD.learning_rate", True),
        ("utils.np_utils.to_categorical", "utils.to_categorical", True),
        ("layers.recurrent.LSTM", "layers.LSTM", True),
        ("layers.experimental.preprocessing.TextVectorization", "layers.TextVectorization", True),
        ("preprocessing.sequence.TimeseriesGenerator", "utils.timeseries_dataset_from_array", 0),
        ("models.Model.fit(nb_epoch)", "epochs", True),
    ],
)
def test_replacement(name: str, replacement: str, exact: bool) -> None:
    assert api.replacement(name) == api.Replacement(replacement, bool(exact))


def test_no_replacement() -> None:
    assert api.replacement("layers.LSTM") is None
    assert api.replacement("models.Model.fit(workers)") is None
    # a pattern's path that Keras never had is no replacement
    assert api.replacement("layers.recurrent.PeepholeLSTMCell") is not None
    assert api.replacement("layers.convolutional.conv1d") is None


def test_replacement_in_a_release() -> None:
    assert api.replacement("layers.CuDNNLSTM", "3.15") == api.Replacement("layers.LSTM", True)
    assert api.replacement("optimizers.Adam(lr)", "3.15") == api.Replacement("learning_rate", True)
    assert api.replacement("optimizers.Adam(lr)", "2.2.5") is None  # no learning_rate yet
    # Keras 3.8 brought wrappers.SKLearnClassifier
    assert api.replacement("wrappers.scikit_learn.KerasClassifier", "3.7") is None
    assert api.replacement("wrappers.scikit_learn.KerasClassifier", "3.8") is not None
    assert api.replacement("layers.recurrent.PeepholeLSTMCell", "3.15") is None


def test_every_replacement_given_for_a_release_exists_there() -> None:
    table = api._table()
    checked = 0
    for name in [*table["names"], *table["members"]]:
        for surface in ("keras", "tf.keras"):
            removed = api.removed_in(name, surface=surface)
            found = api.replacement(name, removed, surface) if removed else None
            if found is not None:
                checked += 1
                assert api.has(found.name, removed, surface), (name, removed, found)
    assert checked > 200


@pytest.mark.parametrize(
    ("version", "lr", "decay"),
    [
        ("2.2.5", True, True),  # a named parameter
        ("2.3.1", True, True),  # popped from **kwargs
        ("2.10", True, True),  # OptimizerV2's allowed kwargs
        ("2.11", True, False),  # the new optimizer: lr popped, decay raises
        ("2.21", True, False),
        ("3.0", False, True),  # decay popped with a warning, lr unrecognized
        ("3.15", False, True),
    ],
)
def test_optimizer_keywords(version: str, lr: bool, decay: bool) -> None:
    adam = api.signature("optimizers.Adam", version)
    assert adam is not None
    assert adam.accepts("lr") is lr
    assert adam.accepts("decay") is decay
    assert adam.accepts("learning_rate") is (version != "2.2.5")
    assert adam.accepts("no_such_keyword") is False


def test_layer_keywords() -> None:
    lstm_2 = api.signature("layers.LSTM", "2.21")
    lstm_3 = api.signature("layers.LSTM", "3.15")
    assert lstm_2 is not None and lstm_3 is not None
    assert lstm_2.accepts("time_major") and not lstm_3.accepts("time_major")
    assert lstm_2.accepts("batch_input_shape") and not lstm_3.accepts("batch_input_shape")
    assert lstm_3.accepts("input_shape")  # Keras 3's Layer pops it (with a warning)
    assert lstm_3.positional[:2] == ("units", "activation")
    assert lstm_3.unknown == "raise"
    assert "use_cudnn" in (api.keywords("layers.LSTM", "3.15") or ())


def test_training_keywords() -> None:
    fit_225 = api.signature("models.Model.fit", "2.2.5")
    assert fit_225 is not None and fit_225.accepts("nb_epoch")
    assert api.signature("models.Model.fit", "2.21").accepts("workers")
    assert not api.signature("models.Model.fit", "3.15").accepts("workers")
    assert not api.signature("models.Model.fit", "3.15").accepts("nb_epoch")
    assert api.signature("models.Model.compile", "2.3.1").accepts("sample_weight_mode")
    assert not api.signature("models.Model.compile", "3.15").accepts("sample_weight_mode")
    assert api.signature("no.such.callable", "3.15") is None
    assert api.signature("models.Model.fit", "2.4") is None


def test_path_rules() -> None:
    assert api.path_rules("models.Model.save_weights", "2.21") == ()
    assert api.path_rules("models.Model.save_weights", "3.0") == (
        api.PathRule((".weights.h5",), ""),
    )
    assert api.path_rules("models.Model.save_weights", "3.15") == (
        api.PathRule((".weights.h5",), "max_shard_size is None"),
    )
    save = api.path_rules("models.Model.save", "3.15")
    assert api.PathRule((".keras", ".h5", ".hdf5"), "zipped") in save
    assert api.path_rules("models.Model.save", "2.21") == ()
    checkpoint = api.path_rules("callbacks.ModelCheckpoint", "3.15")
    assert api.PathRule((".weights.h5",), "save_weights_only") in checkpoint
    assert api.PathRule((".keras", ".h5"), "not save_weights_only") in checkpoint
    # 3.0 wanted .keras only for full-model checkpoints
    assert api.PathRule((".keras",), "not save_weights_only") in api.path_rules(
        "callbacks.ModelCheckpoint", "3.0"
    )


def test_loads_lazily_and_fast() -> None:
    api._table.cache_clear()
    start = time.perf_counter()
    api.versions()
    assert time.perf_counter() - start < 0.5  # about 0.02-0.05 s here


def test_queries_import_neither_tensorflow_nor_libcst() -> None:
    code = (
        "import sys; from seqlint import keras_api_table as api; "
        "api.has('layers.LSTM', '3'); api.signature('layers.LSTM', '2.21'); "
        "print(sorted(m for m in ('tensorflow', 'keras', 'libcst') if m in sys.modules))"
    )
    src = str(Path(api.__file__).parents[1])
    env = {**os.environ, "PYTHONPATH": src}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "[]", out.stderr

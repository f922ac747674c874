"""Keras 3 breakages (SL214-SL220): the API table's entries these rules report, checked in real
Keras 3.

The rules take what Keras 3 removed from the generated API table (seqlint.keras_api_table);
each case here is shown to be what the table says for Keras 3.15 and to raise as the rule says.
Whole scripts are linted and run too, for the verdicts that need more than one call (a class
holding its model in ``self.model``, a guarded import). tests/keras/test_api_rows_keras.py
proves every row of the table these rules can report, in Keras 3.15 and tf-keras 2.21.
"""

from __future__ import annotations

import os
import textwrap

import numpy as np
import pytest

from seqlint import keras_api_table as api
from tests.helpers import codes_and_lines

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = pytest.mark.keras

# The exception each training method raises for a keyword it does not take (SL218's messages).
RAISES = {"fit": TypeError, "predict": TypeError, "compile": TypeError, "evaluate": ValueError}
KERAS3 = "3.15"
# Optimizer classes of Keras 3 that the table says refuse lr= (SL217).
OPTIMIZERS = sorted(
    name.split(".", 1)[1]
    for name in api._table()["signatures"]
    if name.count(".") == 1
    and name.startswith("optimizers.")
    and (found := api.signature(name, KERAS3)) is not None
    and found.accepts("lr") is False
    and found.accepts("learning_rate")
    and not [p for p in found.parameters if not p.endswith("=") and not p.startswith("*")]
)
# Keras 2 arguments of the training methods (SL218), each refused by Keras 3's signature.
_DATA_LOADING = {"workers": "", "use_multiprocessing": "", "max_queue_size": ""}
REMOVED_TRAINING_KEYWORDS: dict[str, dict[str, str]] = {
    "fit": {
        "nb_epoch": "epochs",
        "samples_per_epoch": "steps_per_epoch",
        "nb_val_samples": "validation_steps",
        "show_accuracy": "",
        **_DATA_LOADING,
    },
    "evaluate": {"show_accuracy": "", **_DATA_LOADING},
    "predict": dict(_DATA_LOADING),
    "compile": {"sample_weight_mode": "", "target_tensors": ""},
}
# Model methods Keras 3 lacks (SL214, SL219) and what the table gives instead.
REMOVED_MODEL_METHODS = {
    "fit_generator": "fit",
    "evaluate_generator": "evaluate",
    "predict_generator": "predict",
    "predict_classes": "predict",
    "predict_proba": "predict",
}
REMOVED_LAYERS = {"CuDNNLSTM": "LSTM", "CuDNNGRU": "GRU"}  # SL216


def test_the_table_says_what_these_cases_say():
    assert len(OPTIMIZERS) >= 13
    for method, table in REMOVED_TRAINING_KEYWORDS.items():
        signature = api.signature(f"models.Model.{method}", KERAS3)
        assert signature is not None
        for keyword, replacement in table.items():
            assert signature.accepts(keyword) is False, (method, keyword)
            assert api.keyword_ever_rejected(f"models.Model.{method}", keyword)
            found = api.replacement(f"models.Model.{method}({keyword})", KERAS3)
            assert (found.name if found else "") == replacement, (method, keyword)
    for method, replacement in REMOVED_MODEL_METHODS.items():
        path = f"models.Sequential.{method}"
        assert api.has(path, KERAS3) is False and api.kind(path) == "method"
        assert api.replacement(path, KERAS3).name == f"models.Sequential.{replacement}"
    for name, replacement in REMOVED_LAYERS.items():
        for surface in ("keras", "tf.keras"):
            assert api.has(f"layers.{name}", KERAS3, surface) is False
        assert api.replacement(f"layers.{name}", KERAS3).name == f"layers.{replacement}"


@pytest.fixture(scope="module")
def keras():
    pytest.importorskip("tensorflow")
    return pytest.importorskip("keras")


def _tiny_model(keras, outputs: int = 1):
    inputs = keras.Input((5, 3))
    features = keras.layers.LSTM(2)(inputs)
    heads = [keras.layers.Dense(1, name=f"out{i}")(features) for i in range(outputs)]
    return keras.Model(inputs, heads if outputs > 1 else heads[0])


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_every_optimizer_rejects_lr(keras, name):
    optimizer = getattr(keras.optimizers, name)
    with pytest.raises(ValueError, match=r"Argument\(s\) not recognized: \{'lr': 0\.01\}"):
        optimizer(lr=0.01)
    assert optimizer(learning_rate=0.01).learning_rate is not None


@pytest.mark.parametrize(
    "method, keyword",
    [(m, k) for m, table in sorted(REMOVED_TRAINING_KEYWORDS.items()) for k in sorted(table)],
)
def test_every_removed_training_keyword_raises(keras, method, keyword):
    model = _tiny_model(keras)
    model.compile(optimizer="adam", loss="mse")
    x, y = np.zeros((4, 5, 3)), np.zeros((4, 1))
    calls = {
        "fit": lambda **kw: model.fit(x, y, verbose=0, **kw),
        "evaluate": lambda **kw: model.evaluate(x, y, verbose=0, **kw),
        "predict": lambda **kw: model.predict(x, verbose=0, **kw),
        "compile": lambda **kw: model.compile(optimizer="adam", loss="mse", **kw),
    }
    with pytest.raises(RAISES[method], match=keyword):
        calls[method](**{keyword: 1})


def test_each_replacement_keyword_exists(keras):
    import inspect

    for method, table in REMOVED_TRAINING_KEYWORDS.items():
        accepted = inspect.signature(getattr(keras.Model, method)).parameters
        for replacement in filter(None, table.values()):
            assert replacement in accepted, (method, replacement)
    loading = inspect.signature(keras.utils.PyDataset.__init__).parameters
    assert {"workers", "use_multiprocessing", "max_queue_size"} <= set(loading)


@pytest.mark.parametrize("method", sorted(REMOVED_MODEL_METHODS))
def test_every_removed_model_method_is_gone(keras, method):
    functional = _tiny_model(keras)
    sequential = keras.Sequential([keras.Input((5, 3)), keras.layers.LSTM(2)])
    for model in (functional, sequential):
        with pytest.raises(AttributeError, match=f"has no attribute '{method}'"):
            getattr(model, method)
        assert hasattr(model, REMOVED_MODEL_METHODS[method])


@pytest.mark.parametrize("name", sorted(REMOVED_LAYERS))
@pytest.mark.parametrize("module", ["keras.layers", "tensorflow.keras.layers"])
def test_every_removed_layer_fails_to_import_and_as_an_attribute(keras, module, name):
    import importlib

    with pytest.raises(ImportError, match=f"cannot import name '{name}'"):
        exec(f"from {module} import {name}", {})
    with pytest.raises(AttributeError, match=name):
        getattr(importlib.import_module(module), name)
    assert hasattr(keras.layers, REMOVED_LAYERS[name])


@pytest.mark.parametrize(
    "make",
    [
        "layers.LSTM(4, stateful=True, batch_input_shape=(2, 5, 3))",
        "layers.GRU(4, batch_input_shape=(2, 5, 3))",
        "layers.Dense(4, batch_input_shape=(2, 3))",
        "layers.Embedding(10, 4, batch_input_shape=(2, 5))",
        "layers.Conv1D(4, 3, batch_input_shape=(2, 5, 3))",
        "layers.Bidirectional(layers.LSTM(4), batch_input_shape=(2, 5, 3))",
        "layers.TimeDistributed(layers.Dense(1), batch_input_shape=(2, 5, 3))",
    ],
)
def test_layers_reject_batch_input_shape(keras, make):
    with pytest.raises(ValueError, match=r"Unrecognized keyword arguments .*'batch_input_shape'"):
        eval(make, {"layers": keras.layers})


def test_input_layer_and_input_declare_a_batch_shape(keras):
    a = keras.Sequential(
        [keras.layers.InputLayer(batch_input_shape=(2, 5, 3)), keras.layers.LSTM(4)]
    )
    b = keras.Sequential([keras.Input(batch_shape=(2, 5, 3)), keras.layers.LSTM(4, stateful=True)])
    assert a.input_shape == b.input_shape == (2, 5, 3)


@pytest.mark.parametrize(
    "metrics, raises",
    [
        (["mae"], True),
        (["mae", "mse", "mape"], True),
        (["mae", "mse"], False),  # one entry per output
        ([["mae"], ["mse"]], False),
        ({"out0": "mae"}, False),
        ([], False),
    ],
)
@pytest.mark.parametrize("argument", ["metrics", "weighted_metrics"])
def test_metrics_list_on_two_outputs(keras, argument, metrics, raises):
    model = _tiny_model(keras, outputs=2)
    model.compile(optimizer="adam", loss="mse", **{argument: metrics})
    x, y = np.zeros((4, 5, 3)), [np.zeros((4, 1)), np.zeros((4, 1))]
    model.predict(x, verbose=0)  # predicting builds no metrics: never raises
    if raises:
        with pytest.raises(ValueError, match=f"Invalid `{argument}`"):
            model.fit(x, y, epochs=1, verbose=0)
    else:
        model.fit(x, y, epochs=1, verbose=0)


def test_per_step_sample_weights_need_no_sample_weight_mode(keras):
    inputs = keras.Input((5, 3))
    outputs = keras.layers.Dense(1)(keras.layers.LSTM(2, return_sequences=True)(inputs))
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss="mse")
    weights = np.ones((4, 5))
    weights[:, 3:] = 0.0
    model.fit(np.zeros((4, 5, 3)), np.zeros((4, 5, 1)), sample_weight=weights, verbose=0)


# (source, the (code, line) seqlint reports, regex of what Keras raises or None if it runs)
SCRIPTS = {
    "self.model built in a method, fit_generator in another": (
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers


        class Forecaster:
            def __init__(self):
                self.model = self._build()

            def _build(self):
                model = keras.Sequential([keras.Input((5, 3)), layers.LSTM(4), layers.Dense(1)])
                model.compile(optimizer="adam", loss="mse")
                return model

            def train(self, x, y):
                self.model.fit_generator(iter([(x, y)]), steps_per_epoch=1)


        Forecaster().train(np.zeros((4, 5, 3)), np.zeros((4, 1)))
        """,
        {("SL214", 16)},
        r"has no attribute 'fit_generator'",
    ),
    "predict_proba on an instance of the script's keras.Model subclass": (
        """\
        import numpy as np
        from tensorflow import keras


        class Classifier(keras.Model):
            def __init__(self):
                super().__init__()
                self.rnn = keras.layers.GRU(4)
                self.out = keras.layers.Dense(2, activation="softmax")

            def call(self, x):
                return self.out(self.rnn(x))


        model = Classifier()
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(np.zeros((4, 5, 3)), np.zeros((4,)), verbose=0)
        probabilities = model.predict_proba(np.zeros((2, 5, 3)))
        """,
        {("SL219", 18)},
        r"has no attribute 'predict_proba'",
    ),
    "guarded CuDNN import falls back to LSTM": (
        """\
        import numpy as np
        from tensorflow import keras
        try:
            from tensorflow.keras.layers import CuDNNLSTM as RNN
        except ImportError:
            from tensorflow.keras.layers import LSTM as RNN

        model = keras.Sequential([keras.Input((5, 3)), RNN(4), keras.layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((4, 5, 3)), np.zeros((4, 1)), verbose=0)
        """,
        set(),
        None,
    ),
    "predict_classes on a model loaded from disk": (
        """\
        import os
        import tempfile
        import numpy as np
        from tensorflow import keras

        path = os.path.join(tempfile.mkdtemp(), "m.keras")
        keras.Sequential([keras.Input((5, 3)), keras.layers.LSTM(4)]).save(path)
        model = keras.models.load_model(path)
        labels = model.predict_classes(np.zeros((2, 5, 3)))
        """,
        {("SL219", 9)},
        r"has no attribute 'predict_classes'",
    ),
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_seqlint_and_keras_agree_on_scripts(keras, name):
    source, expected, error = SCRIPTS[name]
    source = textwrap.dedent(source)
    assert codes_and_lines(source) == expected
    run = lambda: exec(compile(source, "<script>", "exec"), {"__name__": "__main__"})  # noqa: E731
    if error is None:
        run()
    else:
        with pytest.raises(Exception, match=error):
            run()


def test_predict_proba_fixed_to_predict_runs(keras):
    from seqlint.fixing import fix_source

    source = textwrap.dedent(
        """\
        import numpy as np
        from tensorflow import keras

        model = keras.Sequential([keras.Input((5, 3)), keras.layers.LSTM(4),
                                  keras.layers.Dense(2, activation="softmax")])
        probabilities = model.predict_proba(np.zeros((3, 5, 3)), 2)
        assert probabilities.shape == (3, 2)
        """
    )
    assert codes_and_lines(source) == {("SL219", 6)}
    fixed = fix_source(source, "<script>").source
    assert "model.predict(np.zeros((3, 5, 3)), 2)" in fixed
    assert codes_and_lines(fixed) == set()
    exec(compile(fixed, "<fixed>", "exec"), {"__name__": "__main__"})

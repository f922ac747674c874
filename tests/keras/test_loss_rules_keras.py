"""Proofs for the loss rules SL205-SL208 against real Keras (3.15, TensorFlow backend).

The warning rules (SL205, SL207, SL208) each come with the silent behaviour they warn
about, shown on the rule's own bad example (or a bundled example file) so the proof
cannot drift from the docs.  Every SL206 error message is shown to be what Keras
raises, and the look-alikes it does not report are shown to run.
"""

from __future__ import annotations

import os
import re
import runpy
import textwrap
import warnings
from pathlib import Path

import numpy as np
import pytest

from seqlint.rules.custom_loss_indexes_outputs import CustomLossIndexesOutputs
from seqlint.rules.loss_activation_mismatch import LossActivationMismatch
from seqlint.rules.shared_loss_mixed_outputs import SharedLossMixedOutputs
from tests.helpers import codes_and_lines, expected_markers, lint

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = [
    pytest.mark.keras,
    pytest.mark.filterwarnings("ignore:You are using a softmax over axis -1:UserWarning"),
    pytest.mark.filterwarnings("ignore:.*received `from_logits=True`:UserWarning"),
]

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EPS = 1e-7


@pytest.fixture(scope="module")
def keras():
    pytest.importorskip("tensorflow")
    return pytest.importorskip("keras")


@pytest.fixture(autouse=True)
def _fresh_session(request):
    yield
    if "keras" in request.fixturenames:
        request.getfixturevalue("keras").backend.clear_session()


def _exec(source: str) -> dict:
    namespace: dict = {"__name__": "__main__"}
    exec(compile(source, "<example>", "exec"), namespace)
    return namespace


def _marked(source: str, code: str) -> str:
    """The snippet, once seqlint is shown to report exactly its markers (the rule's case)."""
    source = textwrap.dedent(source)
    assert codes_and_lines(source) == expected_markers(source)
    assert {c for c, _ in expected_markers(source)} == {code}
    return source


def _logits(keras, model, X) -> np.ndarray:
    """The output Dense's pre-activation values: what Keras's crossentropies really read."""
    features = keras.Model(model.inputs, model.layers[-2].output).predict(X, verbose=0)
    kernel, bias = model.layers[-1].get_weights()
    return features @ kernel + bias


def _shift_logits(model, shift: float) -> None:
    """Add ``shift`` to every logit of the output layer (a softmax does not notice)."""
    kernel, bias = model.layers[-1].get_weights()
    model.layers[-1].set_weights([kernel, bias + np.float32(shift)])


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _softmax(z):
    e = np.exp(z - z.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def _bce(y, p):
    p = np.clip(p, EPS, 1 - EPS)
    return float(np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p))))


def _cce(y, p):
    """Categorical crossentropy of probabilities p (Keras renormalises, then clips)."""
    p = np.clip(p / p.sum(-1, keepdims=True), EPS, 1 - EPS)
    return float(np.mean(-(y * np.log(p)).sum(-1)))


# -- SL205 loss-activation-mismatch -------------------------------------------------------


def test_softmax_over_one_unit_predicts_1_while_the_loss_goes_down(keras):
    ns = _exec(LossActivationMismatch.bad_example)  # fit runs
    model, X, y = ns["model"], ns["X"], ns["y"].astype("float32")
    before = model.evaluate(X, y, batch_size=32, verbose=0)
    model.fit(X, y, epochs=3, batch_size=32, verbose=0)
    after = model.evaluate(X, y, batch_size=32, verbose=0)
    prediction = model.predict(X, verbose=0)

    assert np.allclose(prediction, 1.0, atol=1e-6)  # whatever the input
    assert after < before  # the loss goes down: Keras trains the logit behind the softmax...
    assert after == pytest.approx(_bce(y, _sigmoid(_logits(keras, model, X))), rel=1e-4)
    assert _bce(y, prediction) > 5 * after  # ...not the constant prediction the model makes


BCE_ON_SOFTMAX = """\
    import numpy as np
    from tensorflow import keras
    from tensorflow.keras import layers

    X = np.random.rand(32, 10, 3)
    y = np.eye(3)[np.random.randint(0, 3, size=32)]
    model = keras.Sequential([
        keras.Input(shape=(10, 3)),
        layers.LSTM(8),
        layers.Dense(3, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="binary_crossentropy")  # expect: SL205
    model.fit(X, y, epochs=1, verbose=0)
"""


def test_binary_crossentropy_on_a_softmax_scores_sigmoids_of_the_logits(keras):
    ns = _exec(_marked(BCE_ON_SOFTMAX, "SL205"))
    model, X, y = ns["model"], ns["X"], ns["y"]
    before = model.evaluate(X, y, batch_size=32, verbose=0)
    predicted = model.predict(X, verbose=0)
    _shift_logits(model, 3.0)  # same softmax, so the same predictions...
    after = model.evaluate(X, y, batch_size=32, verbose=0)

    assert np.allclose(model.predict(X, verbose=0), predicted, atol=1e-6)
    assert after - before > 0.5  # ...but another loss: Keras scores sigmoids of the logits
    assert after == pytest.approx(_bce(y, _sigmoid(_logits(keras, model, X))), rel=1e-4)
    assert abs(after - _bce(y, predicted)) > 0.5  # not the loss of the predictions


CCE_ON_SIGMOID = """\
    import numpy as np
    from tensorflow import keras
    from tensorflow.keras import layers

    labels = np.random.randint(0, 3, size=32)
    X = np.random.rand(32, 10, 3)
    y = LABELS
    model = keras.Sequential([
        keras.Input(shape=(10, 3)),
        layers.LSTM(8),
        layers.Dense(3, activation="sigmoid"),
    ])
    model.compile(optimizer="adam", loss="LOSS")  # expect: SL205
    model.fit(X, y, epochs=1, verbose=0)
"""


@pytest.mark.parametrize(
    ("loss", "labels"),
    [
        ("categorical_crossentropy", "np.eye(3)[labels]"),
        ("sparse_categorical_crossentropy", "labels"),
    ],
)
def test_categorical_crossentropy_on_a_sigmoid_trains_a_softmax_it_never_predicts(
    keras, loss, labels
):
    source = CCE_ON_SIGMOID.replace("LOSS", loss).replace("LABELS", labels)
    ns = _exec(_marked(source, "SL205"))
    model, X, y, classes = ns["model"], ns["X"], ns["y"], ns["labels"]
    before = model.evaluate(X, y, batch_size=32, verbose=0)
    predicted = model.predict(X, verbose=0)
    _shift_logits(model, 3.0)  # every sigmoid moves towards 1...
    after = model.evaluate(X, y, batch_size=32, verbose=0)
    shifted = model.predict(X, verbose=0)

    assert np.all(shifted > predicted + 0.2)
    assert not np.allclose(shifted.sum(-1), 1.0, atol=0.5)  # not a distribution
    assert after == pytest.approx(before, rel=1e-5)  # ...and the loss does not notice:
    onehot = np.eye(3)[classes]  # it is the softmax crossentropy of the logits
    assert after == pytest.approx(_cce(onehot, _softmax(_logits(keras, model, X))), rel=1e-4)


def test_crossentropy_on_a_linear_output_clips_it_and_kills_gradients(keras):
    import tensorflow as tf

    path = EXAMPLES / "tagger_logits_without_from_logits_bad.py"
    source = path.read_text(encoding="utf-8")
    assert {c for c, _ in expected_markers(source)} == {"SL205"}
    ns = runpy.run_path(str(path), run_name="__main__")  # fit runs
    model, X, y = ns["model"], ns["X"], ns["y"]
    reported = model.evaluate(X, y, batch_size=32, verbose=0)
    raw = model.predict(X, verbose=0)  # (32, 12, 5) raw scores, many of them negative

    onehot = np.eye(raw.shape[-1])[y]
    clipped = np.clip(raw, EPS, 1 - EPS)
    as_probabilities = float(np.mean(-np.log((onehot * clipped).sum(-1) / clipped.sum(-1))))
    as_logits = float(np.mean(-np.log((onehot * _softmax(raw)).sum(-1))))
    assert reported == pytest.approx(as_probabilities, rel=1e-4)
    assert abs(reported - as_logits) > 0.05

    outputs = tf.Variable(raw)
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(keras.losses.sparse_categorical_crossentropy(y, outputs))
    gradient = tape.gradient(loss, outputs).numpy()
    outside = (raw < EPS) | (raw > 1 - EPS)
    assert outside.any() and np.all(gradient[outside] == 0)  # clipped outputs never learn


TANH_UNDER_BCE = """\
    import numpy as np
    from tensorflow import keras
    from tensorflow.keras import layers

    X = np.random.rand(32, 10, 3)
    y = np.random.randint(0, 2, size=(32, 1)).astype("float32")
    model = keras.Sequential([
        keras.Input(shape=(10, 3)),
        OUTPUT,
    ])
    model.compile(optimizer="adam", loss="binary_crossentropy")  # expect: SL205
    model.fit(X, y, epochs=1, verbose=0)
"""


@pytest.mark.parametrize(
    "output",
    ['layers.LSTM(8),\n        layers.Dense(1, activation="tanh")', "layers.LSTM(1)"],
    ids=["dense_tanh", "lstm_output"],
)
def test_binary_crossentropy_on_tanh_values_clips_the_negative_ones_and_stops(keras, output):
    ns = _exec(_marked(TANH_UNDER_BCE.replace("OUTPUT", output), "SL205"))  # fit runs
    model, X, y = ns["model"], ns["X"], ns["y"]
    last = model.layers[-1]
    weights = last.get_weights()
    if len(weights) == 2:  # Dense: a bias of -3 makes every tanh output negative
        weights[1][:] = -3.0
    else:  # LSTM(1): so does a cell-candidate bias of -3 (h = o * tanh(c), c < 0)
        weights[2][2] = -3.0
    last.set_weights(weights)
    raw = model.predict(X, verbose=0)
    assert raw.max() < 0  # tanh values: all negative

    # Keras takes them for probabilities, clipped to 1e-7: a loss of 16.1 on every target 1.
    reported = model.evaluate(X, y, batch_size=32, verbose=0)
    assert reported == pytest.approx(_bce(y, raw), rel=1e-4)
    assert reported == pytest.approx(-np.log(EPS) * y.mean(), rel=1e-3)

    # No gradient reaches any weight: training changes nothing, the loss never moves.
    import tensorflow as tf

    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(keras.losses.binary_crossentropy(y, model(X)))
    gradients = tape.gradient(loss, model.trainable_weights)
    assert all(not np.any(g.numpy()) for g in gradients)
    model.compile(optimizer="adam", loss="binary_crossentropy")  # no momentum from before
    before = [w.copy() for w in model.get_weights()]
    model.fit(X, y, epochs=3, batch_size=8, verbose=0)
    for old, new in zip(before, model.get_weights(), strict=True):
        np.testing.assert_array_equal(old, new)
    assert model.evaluate(X, y, batch_size=32, verbose=0) == pytest.approx(reported)


def test_from_logits_on_a_sigmoid_output_is_handled_by_keras(keras):
    """Why SL205 does not report it: Keras warns and uses the sigmoid's logits."""
    source = textwrap.dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 3)
        y = np.random.randint(0, 2, size=(32, 1)).astype("float32")
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(8),
            layers.Dense(1, activation="sigmoid"),
        ])
        model.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(from_logits=True))
        """
    )
    assert lint(source) == []
    ns = _exec(source)
    model, X, y = ns["model"], ns["X"], ns["y"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reported = model.evaluate(X, y, batch_size=32, verbose=0)
    assert any("received `from_logits=True`" in str(w.message) for w in caught)
    assert reported == pytest.approx(_bce(y, _sigmoid(_logits(keras, model, X))), rel=1e-4)


# -- SL207 shared-loss-mixed-outputs -------------------------------------------------------


def test_shared_mse_trains_the_probability_head_as_a_regression(keras):
    ns = _exec(SharedLossMixedOutputs.bad_example)  # fit runs
    model, X, price, churn = ns["model"], ns["X"], ns["price"], ns["churn"]
    losses = model.evaluate(X, [price, churn], batch_size=32, verbose=0, return_dict=True)
    p_price, p_churn = model.predict(X, verbose=0)

    assert set(losses) == {"loss", "price_loss", "churn_loss"}
    assert losses["churn_loss"] == pytest.approx(np.mean((churn - p_churn) ** 2), rel=1e-4)
    assert abs(losses["churn_loss"] - _bce(churn, p_churn)) > 0.05
    assert losses["price_loss"] == pytest.approx(np.mean((price - p_price) ** 2), rel=1e-4)


# -- SL208 custom-loss-indexes-outputs -----------------------------------------------------


def test_custom_loss_indexing_y_true_reads_one_sample_per_output(keras):
    ns = _exec(CustomLossIndexesOutputs.bad_example)  # fit runs
    model, X, price, churn = ns["model"], ns["X"], ns["price"], ns["churn"]
    reported = model.evaluate(X, [price, churn], batch_size=32, verbose=0)[0]  # one batch
    p_price, p_churn = model.predict(X, verbose=0)

    def weighted_loss(y, p):  # what Keras computes: called once per output, on that output
        return 0.7 * float(np.mean((y[0] - p[0]) ** 2)) + 0.3 * _bce(y[1], p[1])

    per_output = weighted_loss(price, p_price) + weighted_loss(churn, p_churn)
    assert reported == pytest.approx(per_output, rel=1e-4)
    intended = 0.7 * float(np.mean((price - p_price) ** 2)) + 0.3 * _bce(churn, p_churn)
    assert abs(reported - intended) > 0.05


# -- SL206 loss-outputs-mismatch -----------------------------------------------------------

SL206_MODEL = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

X = np.random.rand(8, 4)
y = np.random.rand(8, 1)
inputs = keras.Input(shape=(4,))
h = layers.Dense(8)(inputs)
a = layers.Dense(1, name="a")(h)
b = layers.Dense(1, name="b")(h)
model = keras.Model(inputs, OUTPUTS)
model.compile(optimizer="sgd", COMPILE)
model.fit(X, TARGETS, epochs=1, verbose=0)
"""
LIST = ("[a, b]", "[y, y]")
DICT = ('{"a": a, "b": b}', '{"a": y, "b": y}')

KEYS = r"Expected keys \['a', 'b'\] in loss dict"
RAISES = [
    ("list", 'loss={"a": "mse", "c": "mse"}', ValueError, KEYS),
    ("list", 'loss={"a": "mse"}', ValueError, KEYS),
    ("dict", 'loss={"a": "mse", "c": "mse"}', KeyError, r"The path: \('c',\) in the `loss`"),
    ("list", 'loss=["mse", "mse", "mse"]', KeyError, r"The path: \(2,\) in the `loss` argument"),
    ("dict", 'loss=["mse"]', TypeError, r"Expected any non-tensor type"),
    (
        "list",
        'loss="mse", loss_weights=[1.0, 0.5]',
        ValueError,
        r"`loss_weights` must match the number of losses, got 1 losses and 2 weights",
    ),
    (
        "list",
        'loss=["mse", "mse"], loss_weights=[1.0]',
        ValueError,
        r"`loss_weights` must match the number of losses, got 2 losses and 1 weights",
    ),
    (
        "dict",
        'loss="mse", loss_weights={"a": 1.0, "b": 2.0}',
        ValueError,
        r"`loss_weights` must match the number of losses, got 1 losses and 2 weights",
    ),
    ("list", 'loss={"a": "mse", "b": "mse"}, loss_weights={"a": 1.0}', KeyError, r"'b'"),
]

RUNS = [
    ("list", 'loss=["mse"]'),  # too short: output b gets no loss, Keras only warns
    ("dict", 'loss={"a": "mse"}'),  # dict outputs: b gets no loss
    ("list", 'loss=("mse", "mse", "mse")'),  # a tuple for list outputs: each loss on each output
    ("list", 'loss={"a": "mse", "b": "mse"}, loss_weights={"a": 1.0, "b": 1.0, "c": 2.0}'),
    ("dict", 'loss={"a": "mse", "b": "mse"}, loss_weights={"a": 1.0, "c": 2.0}'),
    ("list", 'loss="mse", loss_weights=[2.0]'),
]


def _sl206_source(outputs: str, compile_args: str) -> tuple[str, int]:
    model, targets = LIST if outputs == "list" else DICT
    source = (
        SL206_MODEL.replace("OUTPUTS", model)
        .replace("TARGETS", targets)
        .replace("COMPILE", compile_args)
    )
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "compile(" in text)
    return source, line


@pytest.mark.parametrize(("outputs", "compile_args", "exception", "message"), RAISES)
def test_sl206_reports_what_keras_raises(keras, outputs, compile_args, exception, message):
    source, line = _sl206_source(outputs, compile_args)
    found = [d for d in lint(source) if d.code == "SL206"]
    assert [d.line for d in found] == [line]
    assert re.search(message, found[0].message), found[0].message  # quotes Keras
    with pytest.raises(exception, match=message):
        _exec(source)


@pytest.mark.parametrize(("outputs", "compile_args"), RUNS)
def test_sl206_is_silent_where_keras_runs(keras, outputs, compile_args):
    source, _line = _sl206_source(outputs, compile_args)
    assert "SL206" not in {d.code for d in lint(source)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _exec(source)

"""SL233's verdicts in real Keras 3: every case of tests/rules/test_batch_axis_lost.py that it
reports raises when the model is fit or evaluated, every case it passes runs."""

import os

import pytest

from tests.rules.test_batch_axis_lost import (
    CASES,
    HEAD,
    LOSS_ERROR,
    MODEL,
    WEIGHTED_CASES,
    _source,
    weighted_source,
)

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = pytest.mark.keras

RUNNABLE = sorted(name for name, (_, _, reported, error) in CASES.items() if error or not reported)
RUNNABLE.remove("unknown number of samples")


def _run(source: str) -> None:
    exec(compile(source, "<SL233 case>", "exec"), {"__name__": "__main__"})


@pytest.mark.parametrize("name", RUNNABLE)
def test_keras_raises_exactly_where_sl233_reports(name):
    _, _, reported, error = CASES[name]
    if reported:
        with pytest.raises(Exception, match=error):
            _run(_source(name))
    else:
        _run(_source(name))


@pytest.mark.parametrize("name", sorted(WEIGHTED_CASES))
def test_a_batch_broadcast_against_a_weight_raises_where_sl233_reports(name):
    _, reported, error = WEIGHTED_CASES[name]
    if reported:
        with pytest.raises(Exception, match=error):
            _run(weighted_source(name))
    else:
        _run(weighted_source(name))


@pytest.mark.parametrize(
    "loss, targets",
    [
        ("categorical_crossentropy", "np.zeros((n, 3))"),
        ("mse", "np.zeros((n, 3))"),
        ("sparse_categorical_crossentropy", "np.zeros((n,))"),
    ],
)
@pytest.mark.parametrize("samples, batch_size", [(4, 32), (50, 20), (30, 7)])
def test_any_loss_fails_on_batches_of_another_size(loss, targets, samples, batch_size):
    """The loss, whichever it is, meets targets of the batch's rows and 20 predictions."""
    source = (
        HEAD
        + "pooled = layers.Lambda(lambda t: K.sum(t, axis=0))(h)\n"
        + MODEL.replace("categorical_crossentropy", loss, 1)
        + f"n = {samples}\n"
        + f"model.fit(np.zeros((n, 20, 8)), {targets}, batch_size={batch_size}, epochs=1, "
        "verbose=0)\n"
    )
    with pytest.raises(Exception, match=LOSS_ERROR):
        _run(source)


def test_predict_raises_on_the_broadcast():
    from tests.rules.test_batch_axis_lost import weighted_source

    source = weighted_source("x * w added back onto the batch").replace(
        "model.fit(np.zeros((32, 4)), np.zeros((32, 1)), epochs=1, verbose=0)",
        "model.predict(np.zeros((10, 4)), verbose=0)",
    )
    with pytest.raises(Exception, match=r"Dimensions must be equal, but are 10 and 4"):
        _run(source)


@pytest.mark.parametrize("name", ["inputs * W", "tf.expand_dims(inputs, -1) * W"])
def test_a_tf_variable_weight_broadcast_raises_where_sl233_reports(name):
    from tests.rules.test_batch_axis_lost import IN_INIT_CASES, in_init_source

    _, reported, error = IN_INIT_CASES[name]
    if reported:
        with pytest.raises(Exception, match=error):
            _run(in_init_source(name))
    else:
        _run(in_init_source(name))

"""The verdicts of tests/rules/test_subclassed_models.py in real Keras 3: each case seqlint
reports an error on raises, each case it passes runs."""

import os

import pytest

from tests.rules.test_return_state_unpacking import CASES as UNPACKING
from tests.rules.test_subclassed_models import CASES, source_of

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = pytest.mark.keras


@pytest.mark.parametrize("name", sorted(CASES))
def test_keras_agrees(name):
    source = source_of(name)
    error = CASES[name][2]
    namespace = {"__name__": "__main__"}
    if error is None:
        exec(compile(source, "<case>", "exec"), namespace)
    else:
        with pytest.raises(Exception, match=error):
            exec(compile(source, "<case>", "exec"), namespace)


def _bug_free_wrapped(count: int) -> list[tuple[int, str]]:
    from tests.oracle.test_subclass_wrapping import wrapped_scripts

    return [(seed, text) for seed, bug, _o, text in wrapped_scripts() if not bug][:count]


@pytest.mark.parametrize("seed, text", _bug_free_wrapped(4), ids=lambda v: str(v)[:6])
def test_wrapped_bug_free_generated_scripts_train(seed, text):
    exec(compile(text, f"<wrapped {seed}>", "exec"), {"__name__": "__main__"})


def test_the_silent_broadcast_on_a_subclassed_model_trains_on_mismatched_targets():
    import numpy as np

    name = "subclassed model: one target per sequence for a per-step output (silent broadcast)"
    namespace = {"__name__": "__main__"}
    exec(compile(source_of(name), "<case>", "exec"), namespace)
    model = namespace["model"]
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(8, 10, 3)), rng.normal(size=(8, 1))
    reported = model.evaluate(X, y, batch_size=8, verbose=0)
    prediction = model.predict(X, batch_size=8, verbose=0)  # (8, 10, 1): one value per step
    assert prediction.shape == (8, 10, 1)
    broadcast = np.mean((y - prediction[..., 0]) ** 2)  # every step against the one target
    assert reported == pytest.approx(broadcast, rel=1e-4)


@pytest.mark.parametrize("name", sorted(UNPACKING))
def test_python_raises_exactly_where_sl232_reports(name):
    from tests.rules.test_return_state_unpacking import HEADER

    line, reported, error = UNPACKING[name]
    namespace = {"__name__": "__main__"}
    if reported:
        with pytest.raises(ValueError, match=error):
            exec(compile(HEADER + line, "<case>", "exec"), namespace)
    else:
        exec(compile(HEADER + line, "<case>", "exec"), namespace)

"""SL230's and SL231's verdicts in real Keras 3: every case of
tests/rules/test_stateful_batch_mismatch.py and test_stateful_without_batch.py that they report
raises, every case they pass runs."""

import os

import pytest

from tests.rules.test_stateful_batch_mismatch import CASES, MODEL
from tests.rules.test_stateful_without_batch import CASES as WITHOUT_BATCH

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = pytest.mark.keras

RUNNABLE = sorted(name for name, (_, reported, error) in CASES.items() if error or not reported)


def _run(source: str) -> None:
    exec(compile(source, "<SL230 case>", "exec"), {"__name__": "__main__"})


@pytest.mark.parametrize("name", RUNNABLE)
def test_keras_raises_exactly_where_sl230_reports(name):
    call, reported, error = CASES[name]
    if reported:
        with pytest.raises(Exception, match=error):
            _run(MODEL + call)
    else:
        _run(MODEL + call)


@pytest.mark.parametrize("samples", [1, 5, 16])
def test_a_batch_size_below_the_fixed_batch_fails_for_any_sample_count(samples):
    call = f"model.predict(np.zeros(({samples}, 10, 3)), batch_size=2, verbose=0)"
    with pytest.raises(Exception, match=r"Expected batch size: 4"):
        _run(MODEL + call)


@pytest.mark.parametrize("name", sorted(WITHOUT_BATCH))
def test_keras_refuses_a_stateful_layer_exactly_where_sl231_reports(name):
    source, expected = WITHOUT_BATCH[name]
    if expected:
        with pytest.raises(ValueError, match=r"the batch size must be static"):
            _run(source)
    else:
        _run(source)

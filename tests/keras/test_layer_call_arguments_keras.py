"""The sources of tests/rules/test_layer_call_arguments.py in real Keras: what SL116 reports
raises in Keras 3 with the message it names; what it leaves silent runs; under Keras 2
(tf-keras) the Keras-3-only cases run and the rest raise."""

from __future__ import annotations

import os
import re

import pytest

from tests.keras.keras2 import run_under_keras2
from tests.rules.test_layer_call_arguments import RAISES, RUNS, source

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = [pytest.mark.keras, pytest.mark.filterwarnings("ignore::UserWarning")]


def _run(text: str) -> None:
    exec(compile(text, "<case>", "exec"), {"__name__": "__main__"})


@pytest.fixture(autouse=True)
def _in_a_scratch_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("name", sorted(RAISES))
def test_keras3_raises(name):
    body, _, keras_error, _ = RAISES[name]
    with pytest.raises(Exception, match=keras_error):
        _run(source(body))


@pytest.mark.parametrize("name", sorted(RUNS))
def test_keras3_runs(name):
    _run(source(RUNS[name]))


def test_keras2_verdicts():
    """One tf-keras subprocess: a case Keras 2 runs runs, the others raise as stated."""
    results = run_under_keras2({name: source(case[0]) for name, case in RAISES.items()})
    wrong = {}
    for name, (_, _, _, keras2) in RAISES.items():
        outcome = results[name]
        if keras2 is None and outcome is not None:
            wrong[name] = outcome
        elif keras2 is not None and (outcome is None or not re.search(keras2[1], outcome)):
            wrong[name] = outcome or "ran"
    assert not wrong, wrong

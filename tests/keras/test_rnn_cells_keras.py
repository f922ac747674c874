"""The sources of tests/rules/test_rnn_cells.py in real Keras: where seqlint reports a
problem Keras raises, where it is silent Keras runs."""

from __future__ import annotations

import os

import pytest

from tests.rules.test_rnn_cells import RAISES, RUNS, source

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = [pytest.mark.keras, pytest.mark.filterwarnings("ignore::UserWarning")]


def _run(text: str) -> None:
    exec(compile(text, "<case>", "exec"), {"__name__": "__main__"})


@pytest.mark.parametrize("name", sorted(RAISES))
def test_keras_raises(name):
    body, _, keras_error = RAISES[name]
    with pytest.raises(Exception, match=keras_error):
        _run(source(body))


@pytest.mark.parametrize("name", sorted(RUNS))
def test_keras_runs(name):
    _run(source(RUNS[name]))

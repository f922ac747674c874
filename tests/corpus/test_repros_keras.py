"""Real Keras 3 on the repros: every ``*_bad.py`` raises the exception its header names and
every ``*_good.py`` runs (build, compile, one epoch on tiny data).  A silent bad repro
(``# keras: silent``) runs too, and its ``silent_check()`` returns True after it; the good
twin's returns False.

The scripts run in the oracle's long-lived Keras workers (tests/oracle/keras_runner.py); the
verdicts are cached by script text and Keras version in tests/corpus/.cache (git-ignored), so
a rerun only pays for changed files.
"""

from __future__ import annotations

import pytest

from tests.corpus.corpus import HERE, repros
from tests.oracle.keras_runner import run_scripts

pytestmark = pytest.mark.keras

CACHE = HERE / ".cache" / "keras"


def test_keras_agrees_with_every_repro_header():
    pytest.importorskip("tensorflow")
    all_repros = repros()
    verdicts = run_scripts([(str(r.path), str(r.path)) for r in all_repros], cache_dir=CACHE)
    wrong = []
    for r in all_repros:
        v = verdicts[str(r.path)]
        got = v.get("exc_type") if v.get("status") == "error" else None
        if v.get("status") not in ("ok", "error") or got != r.keras_raises:
            wrong.append(
                (r.path.name, r.keras_raises, v.get("status"), got, v.get("message", "")[:300])
            )
        elif r.checks_silence and v.get("silent") is not r.bad:
            wrong.append((r.path.name, "silent_check() returned", v.get("silent"), "not", r.bad))
        elif r.bad and not r.keras_silent and not v.get("line"):
            wrong.append((r.path.name, "raised outside the script", v.get("message", "")[:300]))
    assert not wrong, wrong


def test_keras3_rejects_batch_size_on_a_layer():
    """Backs docs/accuracy.md: keras-2.*/examples/lstm_stateful.py cannot run in Keras 3."""
    keras = pytest.importorskip("keras")
    with pytest.raises(ValueError, match=r"Unrecognized keyword arguments passed to LSTM"):
        keras.layers.LSTM(20, input_shape=(1, 1), batch_size=1, stateful=True)

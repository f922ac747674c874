"""The crossentropy family under tf.keras 2, proven in tf-keras 2.21: generated fits
(``keras2_crossentropy.cases``) of every crossentropy x output layer x targets' shape.

tf.keras 2's binary crossentropy wants equal shapes only when it reads logits (an output that is
a sigmoid's or softmax's own tensor, or ``from_logits=True``) and else broadcasts; its sparse
crossentropy flattens targets of the wrong rank. seqlint ``--target-keras 2`` must report an
error exactly where tf-keras raises (at the fit), warn (SL204) exactly where the loss runs on
targets broadcast against the output, and say nothing else about the targets.

``SEQLINT_K2_CE_N`` sets the sample size (default 26: 18 s measured at a load average of 1.5,
162 s at 11).
"""

from __future__ import annotations

import os

import pytest

from seqlint.diagnostic import Severity
from tests.helpers import lint
from tests.keras.keras2 import run_under_keras2
from tests.keras.keras2_crossentropy import Case, cases
from tests.oracle.keras_runner import _broadcast
from tests.oracle.test_compare import BCE_BROADCAST

pytestmark = pytest.mark.keras

SAMPLE = cases(int(os.environ.get("SEQLINT_K2_CE_N", "26")), seed=16)


def _disagreement(case: Case, outcome: str | None) -> str | None:
    """What seqlint says wrongly about ``case``, given tf-keras's ``outcome``; None if right."""
    found = lint(case.script, target="2")
    errors = sorted({(d.code, d.line) for d in found if d.severity is Severity.ERROR})
    warned = any(d.code == "SL204" for d in found)
    if outcome is not None:
        if [line for _, line in errors] != [case.fit_line]:
            return f"tf-keras raised ({outcome[-160:]}); seqlint errors {errors}"
        return None
    if errors:
        return f"tf-keras trained; seqlint errors {errors}"
    broadcasts = case.family != "sparse" and _broadcast(case.target, case.output, "2")
    if warned != bool(broadcasts):
        return f"tf-keras trained, broadcast={broadcasts}; seqlint SL204={warned}"
    return None


# Seed 721 of the oracle's Keras 2 arm: tf-keras trains, its loss the mean over the targets
# broadcast against the (4, 16, 1) predictions.
SEED_721_BROADCASTS = (
    BCE_BROADCAST
    + """
p = np.clip(model.predict(X, verbose=0), 1e-7, 1 - 1e-7)
assert p.shape == (4, 16, 1), p.shape
expected = -(y * np.log(p + 1e-7) + (1 - y) * np.log(1 - p + 1e-7)).mean()
got = model.evaluate(X, y, batch_size=4, verbose=0)
assert abs(got - expected) < 1e-4, (got, expected)
"""
)


@pytest.fixture(scope="module")
def outcomes() -> dict[str, str | None]:
    scripts = {case.name: case.script for case in SAMPLE}
    return run_under_keras2({**scripts, "seed_721": SEED_721_BROADCASTS})


def test_seed_721_trains_on_broadcast_targets_in_tf_keras(outcomes):
    assert outcomes["seed_721"] is None


def test_the_sample_covers_the_family():
    losses = {case.name.split("-")[0] for case in SAMPLE}
    producers = {case.name.split("-")[1] for case in SAMPLE}
    assert len(losses) == 7 and len(producers) == 9
    assert cases(len(SAMPLE), seed=16) == SAMPLE  # a fixed seed draws the same cases


def test_seqlint_agrees_with_tf_keras_on_the_crossentropy_family(outcomes):
    raised = [case for case in SAMPLE if outcomes[case.name] is not None]
    assert 0 < len(raised) < len(SAMPLE)  # the sample exercises both sides
    wrong = {
        case.name: problem
        for case in SAMPLE
        if (problem := _disagreement(case, outcomes[case.name])) is not None
    }
    assert wrong == {}

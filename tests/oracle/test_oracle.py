"""The CI sample of the differential test: seqlint against real Keras on generated scripts.

A fixed-seed sample of generated scripts runs in real Keras (two worker processes, one
training step each, verdicts cached under tests/oracle/.cache) and through seqlint, in two
arms: Keras 3, and Keras 2 (the scripts written for Keras 2, run in tf-keras with
``TF_USE_LEGACY_KERAS=1``, seqlint with ``--target-keras 2``).  Each arm fails on any false
error (seqlint reports an error, Keras builds and fits the model) and when seqlint flags fewer
than its floor of the scripts where Keras raises on a bug seqlint models (95% under Keras 3,
99% under Keras 2).

The full benchmark is ``python -m tests.oracle --n 2000`` (``--keras 2`` for the Keras 2
arm; see docs/accuracy.md).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

from tests.oracle.generate import SCRIPT_KINDS, generate
from tests.oracle.pipeline import describe, evaluate, write_scripts

pytestmark = pytest.mark.keras

CI_SEED = 100_000


@dataclass(frozen=True)
class Arm:
    """One Keras the sample runs on: its scripts and its recall floor."""

    keras: str
    scripts: int
    min_recall: float


ARMS = (
    Arm("3", int(os.environ.get("SEQLINT_ORACLE_N", "120")), 0.95),
    Arm("2", int(os.environ.get("SEQLINT_ORACLE_N2", "48")), 0.99),
)


@pytest.fixture(scope="module", params=ARMS, ids=lambda a: f"keras{a.keras}")
def arm(request) -> Arm:
    return request.param


@pytest.fixture(scope="module")
def summary(arm, tmp_path_factory):
    out = tmp_path_factory.mktemp(f"oracle-keras{arm.keras}")
    made = write_scripts(arm.scripts, CI_SEED, out, keras=arm.keras)
    return evaluate(made, workers=2, progress=False, keras=arm.keras)


def test_generator_is_deterministic_and_mixed(arm):
    n = arm.scripts
    scripts = [generate(CI_SEED + i, keras=arm.keras) for i in range(n)]
    again = [generate(CI_SEED + i, keras=arm.keras).text for i in range(5)]
    assert [s.text for s in scripts[:5]] == again
    planted = sum(s.meta.bug is not None for s in scripts)
    assert 0.3 * n <= planted <= 0.7 * n
    # custom layers and Lambdas with ops, and the new layer families, take a share of the sample
    assert {s.meta.kind for s in scripts} == set(SCRIPT_KINDS)


def test_every_script_has_a_keras_verdict(summary):
    missing = [(r.name, r.verdict) for r in summary.rows if not r.valid]
    assert not missing, missing


def test_no_false_errors(summary):
    false = summary.false_errors()
    assert not false, "\n\n".join(describe(r) + "\n" + r.text for r in false)


def test_recall_on_modelled_bugs(summary, arm):
    t = summary.overall()
    missed = [r for r in summary.rows if r.klass == "missed-modelled"]
    assert t.recall is None or t.recall >= arm.min_recall, (
        f"recall {t.recall:.1%} < {arm.min_recall:.0%}\n\n"
        + "\n\n".join(describe(r) + "\n" + r.text for r in missed)
    )


def test_the_sample_exercises_keras_failures(summary):
    t = summary.overall()
    assert t.raised >= 0.25 * t.n
    assert t.tp >= 0.2 * t.n

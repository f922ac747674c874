"""The CI sample of the differential test: seqlint against real Keras on generated scripts.

A fixed-seed sample of generated scripts runs in real Keras (two worker processes, one
training step each, verdicts cached under tests/oracle/.cache) and through seqlint.  It fails
on any false error (seqlint reports an error, Keras builds and fits the model) and when
seqlint flags fewer than 95% of the scripts where Keras raises on a bug seqlint models.

The full benchmark is ``python -m tests.oracle --n 2000`` (see docs/accuracy.md).
"""

from __future__ import annotations

import os

import pytest

from tests.oracle.generate import SCRIPT_KINDS, generate
from tests.oracle.pipeline import describe, evaluate, write_scripts

pytestmark = pytest.mark.keras

CI_SEED = 100_000
CI_SCRIPTS = int(os.environ.get("SEQLINT_ORACLE_N", "160"))
MIN_RECALL = 0.95


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    out = tmp_path_factory.mktemp("oracle")
    made = write_scripts(CI_SCRIPTS, CI_SEED, out)
    return evaluate(made, workers=2, progress=False)


def test_generator_is_deterministic_and_mixed():
    scripts = [generate(CI_SEED + i) for i in range(CI_SCRIPTS)]
    assert [s.text for s in scripts[:5]] == [generate(CI_SEED + i).text for i in range(5)]
    planted = sum(s.meta.bug is not None for s in scripts)
    assert 0.3 * CI_SCRIPTS <= planted <= 0.7 * CI_SCRIPTS
    # custom layers and Lambdas with ops, and the new layer families, take a share of the sample
    assert {s.meta.kind for s in scripts} == set(SCRIPT_KINDS)


def test_every_script_has_a_keras_verdict(summary):
    missing = [(r.name, r.verdict) for r in summary.rows if not r.valid]
    assert not missing, missing


def test_no_false_errors(summary):
    false = summary.false_errors()
    assert not false, "\n\n".join(describe(r) + "\n" + r.text for r in false)


def test_recall_on_modelled_bugs(summary):
    t = summary.overall()
    missed = [r for r in summary.rows if r.klass == "missed-modelled"]
    assert t.recall is None or t.recall >= MIN_RECALL, (
        f"recall {t.recall:.1%} < {MIN_RECALL:.0%}\n\n"
        + "\n\n".join(describe(r) + "\n" + r.text for r in missed)
    )


def test_the_sample_exercises_keras_failures(summary):
    t = summary.overall()
    assert t.raised >= 0.25 * t.n
    assert t.tp >= 0.2 * t.n

"""SL251 against real Keras 3: each compile/fit case of tests/rules/test_metric_target_mismatch
raises at fit exactly where seqlint reports SL251, and a metric object, which seqlint does
not judge, raises as its string does (the documented miss)."""

from __future__ import annotations

import pytest

from tests.oracle.keras_runner import run_scripts
from tests.rules.test_metric_target_mismatch import CASES, SCE, SOFTMAX, SPARSE, source_of

pytestmark = pytest.mark.keras


def test_keras_raises_exactly_in_the_reported_cases(tmp_path):
    pytest.importorskip("tensorflow")
    jobs = []
    for index, (*parts, _raises) in enumerate(CASES):
        path = tmp_path / f"case_{index}.py"
        path.write_text(source_of(*parts))
        jobs.append((str(index), str(path)))
    miss = tmp_path / "metric_object.py"
    miss.write_text(source_of(SPARSE, 10, SOFTMAX, SCE, "keras.metrics.MeanAbsoluteError()"))
    jobs.append(("object", str(miss)))
    verdicts = run_scripts(jobs)
    got = [verdicts[str(i)]["status"] for i in range(len(CASES))]
    assert got == ["error" if case[-1] else "ok" for case in CASES]
    raised = [verdicts[str(i)] for i, case in enumerate(CASES) if case[-1]]
    assert all(v["exc_type"] in ("ValueError", "InvalidArgumentError") for v in raised), raised
    assert verdicts["object"]["status"] == "error"

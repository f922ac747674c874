"""The data-path programs of ``cases.py`` in real Keras 3: each bad version raises what its
case names, each fixed version trains."""

from __future__ import annotations

import os

import pytest

from tests.datapath.cases import CASES, Case

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
pytestmark = pytest.mark.keras


def _run(source: str) -> None:
    pytest.importorskip("tensorflow")
    exec(compile(source, "<case>", "exec"), {"__name__": "__main__"})  # noqa: S102


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_version_raises(case: Case):
    with pytest.raises(Exception, match=case.raises):
        _run(case.bad)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_fixed_version_runs(case: Case):
    _run(case.good)

"""seqlint on the data-path programs of ``cases.py``: exactly the marked codes and lines on
the bad versions, nothing on the fixed ones."""

from __future__ import annotations

import pytest

from tests.datapath.cases import CASES, Case
from tests.helpers import codes_and_lines, expected_markers, lint


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_version_is_reported_at_its_markers(case: Case):
    assert expected_markers(case.bad)
    assert codes_and_lines(case.bad) == expected_markers(case.bad)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_fixed_version_is_clean(case: Case):
    found = [(d.code, d.line, d.message) for d in lint(case.good) if d.severity == "error"]
    assert not found

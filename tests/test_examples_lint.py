"""seqlint on examples/: bad files reported exactly at their markers, good files clean."""

from pathlib import Path

import pytest

from seqlint.analysis import lint_source
from tests.helpers import expected_markers

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.py"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_diagnostics_match_markers(path):
    source = path.read_text(encoding="utf-8")
    found = {(d.code, d.line) for d in lint_source(source, str(path))}
    assert found == expected_markers(source)


def test_every_bad_example_has_a_marker():
    bad = [p for p in EXAMPLES if p.name.endswith("_bad.py")]
    assert bad
    for path in bad:
        assert expected_markers(path.read_text(encoding="utf-8")), path.name

"""Each rule's own examples: the bad one is reported exactly where marked, the good one is clean."""

import pytest

from seqlint.rules import ALL_RULES
from tests.helpers import codes_and_lines, expected_markers

RULES = {rule.code: rule for rule in ALL_RULES}


@pytest.mark.parametrize("code", sorted(RULES))
def test_bad_example_is_reported_where_marked(code):
    rule = RULES[code]
    expected = expected_markers(rule.bad_example)
    assert expected, f"{code}'s bad example has no '# expect:' marker"
    assert codes_and_lines(rule.bad_example) == expected


@pytest.mark.parametrize("code", sorted(RULES))
def test_good_example_is_clean(code):
    assert codes_and_lines(RULES[code].good_example) == set()


def test_codes_and_names_are_unique():
    assert len({r.code for r in ALL_RULES}) == len(ALL_RULES)
    assert len({r.name for r in ALL_RULES}) == len(ALL_RULES)

"""The loss of a model whose output a custom layer declares narrower than it returns meets
what ``call`` returns, as in Keras 3 (tests/keras/test_declared_output_loss_keras.py runs the
same sources)."""

from __future__ import annotations

import pytest

from tests.helpers import codes_and_lines
from tests.rules.declared_cases import loss_cases

TRAINING_CODES = frozenset({"SL201", "SL203", "SL204"})


@pytest.mark.parametrize(
    ("name", "source", "line", "code", "raises"), loss_cases(), ids=lambda v: v
)
def test_the_loss_rules_read_what_call_returns(
    name: str, source: str, line: int, code: str | None, raises: bool
):
    found = {(c, at) for c, at in codes_and_lines(source) if c in TRAINING_CODES}
    assert found == ({(code, line)} if code else set())
    assert ("SL113", 13) in codes_and_lines(source)  # the declaration is still named

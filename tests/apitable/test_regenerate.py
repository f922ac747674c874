"""The committed table is what the pinned wheels give (downloads them on a cold cache)."""

from __future__ import annotations

import pytest

from tools.keras_api.generate import TABLE, generate

pytestmark = pytest.mark.apitable


def test_committed_table_matches_the_wheels() -> None:
    generated = generate()
    committed = TABLE.read_text(encoding="utf-8")
    assert generated == committed, "the Keras API table is stale: run python -m tools.keras_api"

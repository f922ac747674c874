"""Proof in real Keras of SL119's generated cases (tests/rules/builtin_cases.py): building the
model raises TypeError exactly where seqlint reports SL119, and runs elsewhere."""

from __future__ import annotations

import os

import pytest

from tests.rules.builtin_cases import sources

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
pytestmark = [pytest.mark.keras, pytest.mark.filterwarnings("ignore::UserWarning")]


def _run(source: str) -> None:
    exec(compile(source, "<builtin case>", "exec"), {"__name__": "__main__"})  # noqa: S102


@pytest.mark.parametrize(("name", "source", "line"), sources(), ids=lambda v: v)
def test_building_the_model_raises_type_error_where_seqlint_says(
    name: str, source: str, line: int | None
):
    pytest.importorskip("keras")
    if line is None:
        _run(source)
    else:
        with pytest.raises(TypeError) as raised:
            _run(source)
        frames = [f for f in _frames(raised.value.__traceback__) if f[0] == "<builtin case>"]
        assert frames and frames[-1][1] == line


def _frames(tb) -> list[tuple[str, int]]:  # noqa: ANN001  (a traceback)
    found = []
    while tb is not None:
        found.append((tb.tb_frame.f_code.co_filename, tb.tb_lineno))
        tb = tb.tb_next
    return found

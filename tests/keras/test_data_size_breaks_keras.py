"""Proof in real Keras of SL227's generated cases (tests/rules/data_size_cases.py): the model
builds for any length on the None axis, and predicting on the data raises exactly where
seqlint reports SL227."""

from __future__ import annotations

import os

import pytest

from tests.rules.data_size_cases import sources

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
pytestmark = [pytest.mark.keras, pytest.mark.filterwarnings("ignore::UserWarning")]


def _run(source: str) -> None:
    exec(compile(source, "<data size case>", "exec"), {"__name__": "__main__"})  # noqa: S102


@pytest.mark.parametrize(("name", "source", "raises"), sources(), ids=lambda v: v)
def test_the_model_builds_and_the_data_length_decides(name: str, source: str, raises: bool):
    pytest.importorskip("keras")
    _run(source.split("\nmodel.predict(")[0])  # builds for any length
    if raises:
        with pytest.raises(Exception, match=r"must be equal|Incompatible shapes|Dimension"):
            _run(source)
    else:
        _run(source)

"""Proof in real Keras of tests/rules/test_declared_output_loss.py: the model's output_shape
is the declared one, and fit raises exactly where the loss meets a target that does not fit
what ``call`` returns (a broadcasting target trains)."""

from __future__ import annotations

import os

import pytest

from tests.rules.declared_cases import loss_cases

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
pytestmark = [pytest.mark.keras, pytest.mark.filterwarnings("ignore::UserWarning")]


@pytest.mark.parametrize(
    ("name", "source", "line", "code", "raises"), loss_cases(), ids=lambda v: v
)
def test_fit_meets_what_call_returns(
    name: str, source: str, line: int, code: str | None, raises: bool
):
    pytest.importorskip("keras")
    namespace = {"__name__": "__main__"}
    built = source.split("\nmodel.compile(")[0]
    exec(compile(built, "<declared loss>", "exec"), namespace)  # noqa: S102
    assert namespace["model"].output_shape == (None, 4)  # built for the declaration
    if raises:
        with pytest.raises(ValueError):
            exec(compile(source, "<declared loss>", "exec"), {"__name__": "__main__"})  # noqa: S102
    else:
        exec(compile(source, "<declared loss>", "exec"), {"__name__": "__main__"})  # noqa: S102

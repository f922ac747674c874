"""Proof in real Keras of SL118's generated cases (tests/rules/declared_cases.py): the model
builds on the declaration, and running it raises exactly where seqlint reports SL118."""

from __future__ import annotations

import os

import pytest

from tests.rules.declared_cases import batch_twice, build_breaks, chains, sources, two_outputs

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
pytestmark = [pytest.mark.keras, pytest.mark.filterwarnings("ignore::UserWarning")]


def _run(source: str) -> None:
    exec(compile(source, "<declared case>", "exec"), {"__name__": "__main__"})  # noqa: S102


@pytest.mark.parametrize(
    ("name", "source", "line", "raises"), sources() + two_outputs() + chains(), ids=lambda v: v
)
def test_the_model_builds_and_running_it_raises_as_seqlint_says(
    name: str, source: str, line: int, raises: bool
):
    pytest.importorskip("keras")
    _run(source.split("\nmodel.predict(")[0])  # builds on the declaration
    if raises:
        with pytest.raises(ValueError):
            _run(source)
    else:
        _run(source)


@pytest.mark.parametrize(("name", "source", "line"), build_breaks(), ids=lambda v: v)
def test_the_declaration_breaks_the_build_and_what_call_returns_would_fit(
    name: str, source: str, line: int
):
    pytest.importorskip("keras")
    with pytest.raises(ValueError):
        _run(source)
    _run(source.replace("return (*input_shape[:-1], 2 * input_shape[-1])", "return input_shape"))


@pytest.mark.parametrize(("name", "source", "line", "raises"), batch_twice(), ids=lambda v: v)
def test_a_batch_axis_returned_twice_fails_the_reshape_only_on_batches_of_more_than_one(
    name: str, source: str, line: int, raises: bool
):
    pytest.importorskip("keras")
    if raises:
        with pytest.raises(Exception, match="(?i)reshape"):
            _run(source)
    else:
        _run(source)

"""Proof: each error rule's bad example makes real Keras raise; its good example builds."""

import os

import pytest

from seqlint.diagnostic import Severity
from seqlint.rules import ALL_RULES

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

ERROR_RULES = [r for r in ALL_RULES if r.severity is Severity.ERROR]

pytestmark = pytest.mark.keras


def _run(source: str) -> None:
    exec(compile(source, "<rule example>", "exec"), {"__name__": "__main__"})


@pytest.fixture(autouse=True)
def _in_a_scratch_directory(tmp_path, monkeypatch):
    """Examples save models (SL223): their files go to a scratch directory."""
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("rule", ERROR_RULES, ids=lambda r: r.code)
def test_bad_example_raises_in_keras(rule):
    assert rule.keras_error, f"{rule.code} claims an error but names no Keras message"
    with pytest.raises(Exception, match=rule.keras_error):
        _run(rule.bad_example)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_good_example_builds_in_keras(rule):
    _run(rule.good_example)

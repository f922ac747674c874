"""The verdicts of tests/rules/test_subclassed_models.py in real Keras 3: each case seqlint
reports an error on raises, each case it passes runs."""

import os

import pytest

from tests.rules.test_subclassed_models import CASES, source_of

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = pytest.mark.keras


@pytest.mark.parametrize("name", sorted(CASES))
def test_keras_agrees(name):
    source = source_of(name)
    error = CASES[name][2]
    namespace = {"__name__": "__main__"}
    if error is None:
        exec(compile(source, "<case>", "exec"), namespace)
    else:
        with pytest.raises(Exception, match=error):
            exec(compile(source, "<case>", "exec"), namespace)


def _bug_free_wrapped(count: int) -> list[tuple[int, str]]:
    from tests.oracle.test_subclass_wrapping import wrapped_scripts

    return [(seed, text) for seed, bug, _o, text in wrapped_scripts() if not bug][:count]


@pytest.mark.parametrize("seed, text", _bug_free_wrapped(4), ids=lambda v: str(v)[:6])
def test_wrapped_bug_free_generated_scripts_train(seed, text):
    exec(compile(text, f"<wrapped {seed}>", "exec"), {"__name__": "__main__"})

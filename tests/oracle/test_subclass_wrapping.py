"""The oracle's generated scripts with their model wrapped in a subclassed model.

``model = Wrapped(model)`` (a ``keras.Model`` subclass whose ``call`` runs the generated
model) is inserted before ``compile``: Keras then trains the same layers on the same data.
seqlint reads the wrapped model through the class (``__init__``, ``call``, the fit data).
Precision: no error on a wrapped script whose original has no planted bug (Keras trains
those: the oracle's premise, checked in Keras for a sample below); recall: most scripts
seqlint flags are still flagged through the class.
"""

from __future__ import annotations

import pytest

from seqlint.analysis import lint_source
from tests.oracle.generate import generate

SEED = 300_000
SCRIPTS = 150

WRAPPER = """\
import keras as wrapper_keras


class Wrapped(wrapper_keras.Model):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def call(self, inputs):
        return self.net(inputs)


model = Wrapped(model)
"""


def wrapped(text: str, compile_line: int) -> str | None:
    lines = text.splitlines(keepends=True)
    if lines[compile_line - 1][:1].isspace():
        return None  # compiled inside a function
    return "".join([*lines[: compile_line - 1], WRAPPER, *lines[compile_line - 1 :]])


def has_error(text: str) -> bool:
    return any(d.severity.value == "error" for d in lint_source(text, "<generated>"))


def wrapped_scripts() -> list[tuple[int, bool, str, str]]:
    """(seed, bug planted?, original text, wrapped text) of the sample's module-level models."""
    found = []
    for seed in range(SEED, SEED + SCRIPTS):
        script = generate(seed)
        if not script.meta.compile or script.meta.compile_line is None:
            continue
        text = wrapped(script.text, script.meta.compile_line)
        if text is not None:
            found.append((seed, script.meta.bug is not None, script.text, text))
    return found


@pytest.fixture(scope="module")
def verdicts() -> list[tuple[int, bool, bool, bool]]:
    """(seed, bug planted?, error on the original?, error on the wrapped script?)."""
    return [
        (seed, bug, has_error(original), has_error(text))
        for seed, bug, original, text in wrapped_scripts()
    ]


def test_no_error_on_a_wrapped_script_without_a_planted_bug(verdicts):
    false = [seed for seed, bug, _original, error in verdicts if error and not bug]
    assert not false, f"errors on bug-free scripts through the class, seeds {false}"


def test_most_errors_are_still_found_through_the_class(verdicts):
    assert len(verdicts) >= SCRIPTS // 2
    flagged = [error for _seed, _bug, original, error in verdicts if original]
    assert len(flagged) >= 20
    assert sum(flagged) >= 0.8 * len(flagged), f"{sum(flagged)} of {len(flagged)}"

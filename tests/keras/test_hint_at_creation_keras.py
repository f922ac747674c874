"""The sources of tests/rules/test_hint_at_creation.py in real Keras 3: each error rule's
source raises that rule's Keras error; the SL204 one trains without an error (the silent
broadcast). Their fixed versions train in tests/keras/test_fixes_keras.py."""

from __future__ import annotations

import os
import re

import pytest

from seqlint.rules import ALL_RULES
from tests.rules.test_hint_at_creation import CASES

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = [pytest.mark.keras, pytest.mark.filterwarnings("ignore::UserWarning")]

KERAS_ERROR = {rule.code: rule.keras_error for rule in ALL_RULES}
KERAS_ERROR["SL114"] = r"All dimensions of `value` and `key`, except the last one, must be equal"
RAISING = [name for name, case in CASES.items() if case[1] != "SL204"]


@pytest.mark.parametrize("name", RAISING)
def test_keras_raises(name):
    source, code = CASES[name][:2]
    with pytest.raises(Exception, match=re.compile(KERAS_ERROR[code], re.S)):
        exec(compile(source, name, "exec"), {"__name__": "__main__"})


def test_per_step_regression_targets_train_silently():
    namespace = {"__name__": "__main__"}
    exec(compile(CASES["per-step regression targets"][0], "sl204", "exec"), namespace)
    assert namespace["model"].output_shape == (None, 1)
    assert namespace["model"].optimizer.iterations.numpy() == 1

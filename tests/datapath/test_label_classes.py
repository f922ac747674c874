"""Class counts of labels the script lists (generated, fixed seed) against real
``keras.utils.to_categorical``: seqlint reports SL245 exactly where it raises IndexError
(a label with no column), and the classes it counts without ``num_classes`` (the largest
label + 1) are the columns Keras makes.  Labels seqlint cannot see (drawn at random,
computed) are left unknown and never reported."""

from __future__ import annotations

import os
import random

import pytest

from tests.datapath.test_generated_keras import ours, shapes
from tests.helpers import lint

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
pytestmark = pytest.mark.keras

HEADER = "import numpy as np\nimport keras\nfrom sklearn.preprocessing import LabelEncoder\n"


def _program(rng: random.Random) -> str:
    """Labels (a literal list, its array, or LabelEncoder codes) one-hot encoded with a
    ``num_classes`` that may count them wrong."""
    first = rng.choice([0, 1, 2])
    labels = [rng.randint(first, first + 9) for _ in range(rng.randint(3, 10))]
    source = rng.choice(["list", "array", "encoder"])
    if source == "encoder":
        words = [chr(ord("a") + v) for v in labels]
        lines = [f"words = {words!r}", "labels = LabelEncoder().fit_transform(words)"]
    else:
        spelled = f"np.array({labels!r})" if source == "array" else repr(labels)
        lines = [f"labels = {spelled}"]
    if source == "array" and rng.random() < 0.5:
        lines.append(f"labels = labels {rng.choice(['-', '+'])} {first}")  # renumbered
    classes = rng.choice(
        [
            "",
            "len(labels)",
            "len(set(labels))",
            "np.max(labels)",
            "np.max(labels) + 1",
            str(rng.randint(1, 12)),
        ]
    )
    argument = f", num_classes={classes}" if classes else ""
    return "\n".join([*lines, f"result = keras.utils.to_categorical(labels{argument})"]) + "\n"


PROGRAMS = [_program(random.Random(seed)) for seed in range(120)]


@pytest.fixture(scope="module")
def keras_module():
    return pytest.importorskip("keras")


def test_sl245_exactly_where_to_categorical_raises(keras_module):
    wrong, raised = [], 0
    for program in PROGRAMS:
        raises = _raises(HEADER + program)
        flagged = any(d.code == "SL245" for d in lint(HEADER + program))
        raised += raises
        if flagged != raises:
            wrong.append((program, raises, flagged))
    assert not wrong, wrong[:3]
    assert raised >= len(PROGRAMS) // 5, f"only {raised} programs raise: the test proves little"


def test_counted_classes_are_the_columns_keras_makes(keras_module):
    compared = 0
    for program in PROGRAMS:
        if "num_classes" in program or _raises(HEADER + program):
            continue
        mine = ours(program)
        theirs = shapes(_run(HEADER + program))
        assert mine.shape == theirs, (program, mine)
        compared += 1
    assert compared >= 10


def _run(source: str) -> object:
    namespace: dict = {}
    exec(compile(source, "<generated>", "exec"), namespace)  # noqa: S102
    return namespace["result"]


def _raises(source: str) -> bool:
    try:
        _run(source)
    except IndexError:
        return True
    return False

"""Arrays built one row per step of a loop (``rows.append(row)`` then ``np.array(rows)``),
and the numpy scalars the rows are made of."""

from __future__ import annotations

import numpy as np
import pytest

from seqlint.dims import UNKNOWN
from tests.frontend.test_data_preparation import shape_of
from tests.frontend.test_values import evaluate

LOOP = """
rows = []
for i in range({steps}):
    a = np.random.randint(1000)
    b = np.random.uniform(0, 1)
    rows.append({row})
"""


@pytest.mark.parametrize(
    ("expression", "shape"),
    [
        ("np.random.randint(1000)", ()),
        ("np.random.randint(1, 10)", ()),
        ("np.random.uniform(0, 1)", ()),
        ("np.random.normal()", ()),
        ("np.random.random()", ()),
        ("np.float32(3)", ()),
        ("np.int64(np.random.randint(5))", ()),
        ("np.array([np.float32(1), np.float32(2)])", (2,)),
        ("np.float32(np.zeros((3, 4)))", (3, 4)),
    ],
)
def test_numpy_scalars_and_what_they_make(expression: str, shape: tuple):
    assert np.asarray(eval(expression)).shape == shape  # numpy agrees  # noqa: S307
    assert shape_of("", expression) == shape


def test_a_distribution_with_parameters_of_unknown_shape_draws_an_unknown_value():
    assert evaluate("mu = load()", "np.random.normal(mu, 1)") is UNKNOWN
    assert evaluate("mu = load()", "np.random.randint(mu)") is UNKNOWN


@pytest.mark.parametrize("steps", [8, 1000])  # unrolled, and run once as a branch
@pytest.mark.parametrize(
    ("row", "shape"),
    [
        ("np.array([np.float32(a), np.float32(b)])", (2,)),
        ("[a, b, a]", (3,)),
        ("np.zeros((4, 5))", (4, 5)),
        ("a * b", ()),
    ],
)
def test_one_row_per_step(steps: int, row: str, shape: tuple):
    assert shape_of(LOOP.format(steps=steps, row=row), "np.array(rows)") == (steps, *shape)


@pytest.mark.parametrize(
    "change",
    [
        ("    rows.append(", "    if a > 5:\n        rows.append("),  # not every step
        ("    b = ", "    rows.append(a)\n    b = "),  # two rows a step
        ("    b = ", "    if a > 900:\n        break\n    b = "),  # may stop early
        ("rows = []", "rows = [1]"),  # not empty before the loop
    ],
)
def test_rows_not_certainly_one_per_step_are_not_counted(change: tuple[str, str]):
    source = LOOP.format(steps=1000, row="[a, b]").replace(*change)
    shape = shape_of(source, "np.array(rows)")
    assert shape is None or shape[0] is UNKNOWN


def test_a_loop_of_unknown_length_counts_nothing():
    source = LOOP.format(steps="n", row="[a, b]").replace("range(n)", "load()")
    shape = shape_of(source, "np.array(rows)")
    assert shape is None or shape[0] is UNKNOWN

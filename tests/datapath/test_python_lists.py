"""Python lists of numbers a script builds from arrays (``generate.python_lists``, fixed
seed): ``np.array``/``np.asarray`` of them has numpy's shape in seqlint, and the list itself,
given to ``fit``, is reported (SL242) exactly where Keras 3 refuses it."""

from __future__ import annotations

import pytest

from seqlint.ir import Array
from tests.datapath.generate import python_lists
from tests.datapath.results import seqlint_result
from tests.helpers import lint

HEADER = "import numpy as np\n"
PROGRAMS = python_lists(60)


def ours(program: str) -> object:
    return seqlint_result(HEADER + program)


def numpy_shape(program: str) -> tuple[int, ...]:
    namespace: dict = {}
    exec(compile(HEADER + program, "<generated>", "exec"), namespace)  # noqa: S102
    return tuple(namespace["result"].shape)


@pytest.mark.parametrize(("rows", "convert"), PROGRAMS, ids=str)
def test_arrays_of_built_lists_have_numpys_shape(rows: str, convert: str):
    program = f"{rows}\nresult = {convert}"
    mine = ours(program)
    assert isinstance(mine, Array)
    assert mine.shape == numpy_shape(program)


def test_the_programs_cover_every_way_of_building():
    text = "\n".join(rows for rows, _ in PROGRAMS)
    for made in ("rows = []\nfor i in range(", "for day in base:", "base.tolist()"):
        assert made in text
    assert any("rows = [" in rows and "rows = []" not in rows for rows, _ in PROGRAMS)
    loops = [rows for rows, _ in PROGRAMS if "rows = []\nfor i in range(" in rows]
    counts = {int(rows.split("range(")[1].split(")")[0]) for rows in loops}
    assert min(counts) <= 16 < max(counts)  # loops run one by one, and loops too long for that
    assert {convert.split("(")[0] for _, convert in PROGRAMS} == {"np.array", "np.asarray"}
    assert any("rows.append(base[i])" in rows for rows, _ in PROGRAMS)  # arrays, not lists


FIT = """\
import numpy as np
import keras

{rows}
labels = np.random.rand(len(rows), 1)
model = keras.Sequential(
    [keras.Input(np.asarray(rows).shape[1:]), keras.layers.LSTM(2), keras.layers.Dense(1)]
)
model.compile(loss="mse", optimizer="adam")
model.fit({x}, labels, epochs=1, verbose=0)
"""


def of_numbers(rows: str) -> bool:
    """Whether the program's list holds Python numbers (not rows left as arrays)."""
    return ".tolist()" in rows


def errors(rows: str, x: str) -> set[str]:
    return {d.code for d in lint(FIT.format(rows=rows, x=x)) if d.severity.value == "error"}


def test_unconverted_lists_of_numbers_are_reported_and_arrays_are_not():
    assert {of_numbers(rows) for rows, _ in PROGRAMS[:30]} == {True, False}
    for rows, convert in PROGRAMS[:30]:
        assert errors(rows, "rows") == ({"SL242"} if of_numbers(rows) else set()), rows
        assert errors(rows, convert) == set(), rows


@pytest.mark.keras
def test_keras_refuses_exactly_the_reported_lists():
    """A sample run in Keras 3: ``fit`` on the list raises "Unrecognized data type" where
    SL242 reports it; on the converted array it trains."""
    keras = pytest.importorskip("keras")
    assert keras  # imported before the programs run
    sample = PROGRAMS[:4] + [p for p in PROGRAMS if not of_numbers(p[0])][:2]
    for rows, convert in sample:
        for x in ("rows", convert):
            program = FIT.format(rows=rows, x=x)
            refused = "SL242" in errors(rows, x)
            try:
                exec(compile(program, "<generated>", "exec"), {})  # noqa: S102
                raised = ""
            except ValueError as error:
                raised = str(error)
            assert ("Unrecognized data type" in raised) is refused, (program, raised[:200])
            if x == convert:
                assert not raised, (program, raised[:200])

"""Generated data-preparation programs (``generate.py``, fixed seed): the shape seqlint gives
``result`` is the one numpy, pandas, tf.data (``element_spec``), a generator's first batch,
scikit-learn and a model's ``predict`` give on the same code.  A size seqlint leaves
unknown matches any size (also TensorFlow's None), never another rank; most results must be
known, or the test proves nothing."""

from __future__ import annotations

import numbers
import os

import pytest

from seqlint.dims import UNKNOWN
from seqlint.frontend.tfdata_api import Dataset
from seqlint.ir import Array, ShapeTuple
from tests.datapath.generate import HEADER, nested_lists, programs
from tests.datapath.results import seqlint_result

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
pytestmark = pytest.mark.keras

PROGRAMS = programs(100)


def ours(program: str) -> object:
    return seqlint_result(HEADER + program)


def real(program: str) -> object:
    namespace: dict = {}
    exec(compile(HEADER + program, "<generated>", "exec"), namespace)  # noqa: S102
    result = namespace["result"]
    if hasattr(result, "__next__"):  # a generator: its first batch
        return next(result)
    return result


def shapes(value: object) -> object:
    """The real value as nested shapes (tuples of ints and None), or an int."""
    if isinstance(value, numbers.Integral):  # numpy's ints too
        return int(value)
    if isinstance(value, (tuple, list)):
        return tuple(shapes(v) for v in value)
    if isinstance(value, dict):
        return {k: shapes(v) for k, v in value.items()}
    if hasattr(value, "shape"):
        return tuple(None if d is None else int(d) for d in value.shape)
    return int(value)


def our_shapes(value: object) -> object:
    if isinstance(value, Dataset):
        value = value.element
    if isinstance(value, (tuple, list)):
        return tuple(our_shapes(v) for v in value)
    if isinstance(value, dict):
        return {k: our_shapes(v) for k, v in value.items()}
    if isinstance(value, Array):
        return value.shape
    if isinstance(value, ShapeTuple):
        return value.items
    return value


def agree(mine: object, theirs: object) -> bool:
    if mine is UNKNOWN or mine is None:
        return True  # not known: no claim
    if isinstance(theirs, dict):
        return (
            isinstance(mine, dict)
            and mine.keys() == theirs.keys()
            and all(agree(mine[k], theirs[k]) for k in theirs)
        )
    if isinstance(theirs, tuple) and all(isinstance(t, int) or t is None for t in theirs):
        if not isinstance(mine, tuple) or len(mine) != len(theirs):
            return False
        pairs = zip(mine, theirs, strict=True)
        return all(m is UNKNOWN or (t is not None and m == t) for m, t in pairs)
    if isinstance(theirs, tuple):
        return (
            isinstance(mine, tuple)
            and len(mine) == len(theirs)
            and all(agree(m, t) for m, t in zip(mine, theirs, strict=True))
        )
    return mine == theirs


def known(value: object) -> bool:
    return value is not UNKNOWN and value is not None


@pytest.fixture(scope="module")
def tensorflow():
    return pytest.importorskip("tensorflow")


def test_generated_data_paths_agree_with_the_libraries(tensorflow):
    disagreements = []
    unknown = 0
    for program in PROGRAMS:
        mine = our_shapes(ours(program))
        theirs = shapes(real(program))
        if not known(mine):
            unknown += 1
        elif not agree(mine, theirs):
            disagreements.append((program, mine, theirs))
    assert not disagreements, disagreements[:3]
    assert unknown <= len(PROGRAMS) // 10, f"{unknown} of {len(PROGRAMS)} results unknown"


def test_arrays_of_nested_lists_agree_with_numpy(tensorflow):
    """Rows of arrays (a loop's appends, a list literal, a comprehension) stacked by
    ``np.array``: every shape is known and numpy's."""
    wrong = []
    for program in nested_lists(40):
        mine, theirs = our_shapes(ours(program)), shapes(real(program))
        if not known(mine) or not agree(mine, theirs):
            wrong.append((program, mine, theirs))
    assert not wrong, wrong[:3]

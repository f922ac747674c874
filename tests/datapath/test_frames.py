"""pandas frames in the value layer: the column count is known where pandas fixes it, and
becomes unknown as soon as the script may change the frame in place."""

from __future__ import annotations

import pytest

from seqlint.dims import UNKNOWN
from seqlint.frontend.interpreter import Interpreter
from seqlint.frontend.models import Graph
from seqlint.frontend.parsing import parse
from seqlint.frontend.positions import Positions

SETUP = """\
import numpy as np
import pandas as pd
df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6], "c": [7, 8, 9]})
csv = pd.read_csv("data.csv")
"""


def shape_of(code: str) -> object:
    source = SETUP + code
    module = parse(source)
    interpreter = Interpreter(Graph(Positions(module, source), "3"))
    interpreter.run(module)
    value = interpreter.scope.vars["result"]
    return getattr(value, "shape", value)


@pytest.mark.parametrize(
    ("code", "shape"),
    [
        ("result = df.values", (3, 3)),
        ('result = df[["a", "c"]].to_numpy()', (3, 2)),
        ('result = df["a"].values', (3,)),
        ("result = df.iloc[:, 1:].values", (3, 2)),
        ("result = df.iloc[:2, 0].values", (2,)),
        ('result = df.drop(columns=["b"]).values', (3, 2)),
        ('result = df.drop("b", axis=1).values', (3, 2)),
        ('result = csv[["x", "y"]].values', (UNKNOWN, 2)),
        ('result = csv["x"].values', (UNKNOWN,)),
        ("result = df[1:].values", (2, 3)),
        ("result = csv[10:].values", (UNKNOWN, UNKNOWN)),
        ('result = pd.read_csv("f.csv", usecols=["x", "y", "z"]).values', (UNKNOWN, 3)),
        ('result = pd.DataFrame(np.zeros((5, 2)), columns=["p", "q"]).values', (5, 2)),
        # unknown: pandas decides at run time, or the frame may have changed
        ("result = csv.values", (UNKNOWN, UNKNOWN)),
        ("result = csv.iloc[:, 1:].values", None),
        ('result = df.drop(columns=["z"]).values', (UNKNOWN, UNKNOWN)),  # pandas: KeyError
        ('df["d"] = df["a"] * 2\nresult = df.values', (3, UNKNOWN)),
        ('del df["a"]\nresult = df.values', (3, UNKNOWN)),
        ('df.drop(columns=["a"], inplace=True)\nresult = df.values', (3, UNKNOWN)),
        ('df.columns = ["x", "x", "z"]\nresult = df[["x"]].values', None),  # may repeat
        ("from helpers import add_features\nadd_features(df)\nresult = df.values", (3, UNKNOWN)),
    ],
)
def test_frame_shapes(code: str, shape: object) -> None:
    found = shape_of(code)
    assert found == shape or (shape is None and found in (None, UNKNOWN))

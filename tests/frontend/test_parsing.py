"""Syntax errors become ParseFailure at the right place; hostile inputs never crash."""

import time

import pytest

from seqlint.frontend import ParseFailure, extract
from seqlint.frontend.nesting import too_deep


@pytest.mark.parametrize(
    ("source", "line", "column"),
    [
        ("x = 1\ny = = 2\n", 2, 5),
        ("import keras\nif x\n    pass\n", 2, 5),
        ("x = (\n  1,\n  2 +\n", 1, 5),
        ("model = Sequential()\n  model.add(LSTM(3))\n", 2, 2),  # as CPython reports it
        ("print 'hi'\n", 1, 1),
    ],
)
def test_syntax_error_position(source: str, line: int, column: int) -> None:
    with pytest.raises(ParseFailure) as failure:
        extract(source)
    assert (failure.value.line, failure.value.column) == (line, column)
    assert failure.value.message


@pytest.mark.parametrize(
    "source",
    [
        "x = " + "(" * 5000 + "1" + ")" * 5000 + "\n",
        "x = " + "[" * 3000 + "]" * 3000 + "\n",
        "x = " + "+".join(["1"] * 50_000) + "\n",
        "x = " + "f(" * 2000 + ")" * 2000 + "\n",
        "x = a" + ".b" * 5000 + "\n",
        "x = " + "not " * 5000 + "1\n",
        "x = " + "1 if c else " * 3000 + "1\n",
        "x = (" + "\n".join(['"s"'] * 3000) + ")\n",
    ],
    ids=["parens", "lists", "sum", "calls", "attributes", "nots", "ternaries", "strings"],
)
def test_too_deep_inputs_fail_cleanly_and_fast(source: str) -> None:
    start = time.perf_counter()
    with pytest.raises(ParseFailure) as failure:
        extract(source)
    assert (failure.value.line, failure.value.column) == (1, 1)
    assert failure.value.message == "too deeply nested to analyse"
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    "source",
    [
        "x = [" + ", ".join(["-1.5"] * 5000) + "]\n",
        "x = " + "f(" * 90 + ")" * 90 + "\n",
        "x = " + "+".join(["1"] * 150) + "\n",
        "x = (" + " ".join(['"s"'] * 150) + ")\n",
        "s = '" + "(" * 5000 + "'\n# " + "[" * 5000 + "\n",
        '"""' + "{" * 5000 + '"""\n',
    ],
    ids=["flat list", "nested calls", "long sum", "string concatenation", "brackets in strings",
         "brackets in docstring"],
)
def test_large_but_shallow_inputs_are_analysed(source: str) -> None:
    extract(source)


def test_a_long_file_is_fine() -> None:
    body = "from keras import layers\n" + "x = layers.Dense(4)(x)\n" * 3000
    ir = extract(body)
    assert len(ir.nodes) == 3001
    assert ir.nodes[-1].loc.span.line == 3001


def test_values_cannot_grow_without_bound() -> None:
    source = "s = 'a'\n" + "s = s + s\n" * 60 + "x = [1]\n" + "x = x * 1000\n" * 10
    source += "n = 2\n" + "n = n ** n\n" * 12 + "d = [0]\n" + "d = [d]\n" * 3000
    extract(source)


def test_weird_but_valid_code_does_not_crash() -> None:
    source = '''
import keras
from keras import layers as L
async def f():
    await g()
    async with a as (b, c):
        yield b
lambda: L.Dense(3)
x: int
del x, y[0], z.w
a = b = c = L.Dense(1)
a[0], b.c, *d = 1, 2, 3, 4
print(*[1], **{})
e = {**{}, 1: 2}
f = {1, 2}
g = [i for i in range(3)]
h = (yield)
k = -(~3) @ 2
m = 1j + 1e5 + 0x10 + 0o7 + 0b1 + 1_000
L.Dense(*[4])(L.Input((3,)))
L.Dense(m)(*xs)
L.LSTM()
L.Concatenate()()
keras.Sequential(*layers)
keras.Sequential(1)
keras.Model()
keras.Model(inputs=[L.Input((3,))])
class C(keras.Model, metaclass=M):
    pass
C()(L.Input((2,)))
for (i, j) in pairs:
    continue
else:
    pass
while x := next(it):
    break
with open(p) as (f, g):
    pass
try:
    pass
except* ValueError:
    pass
global q
nonlocal_ = 1
if (n := 10) > 5:
    pass
'''
    extract(source)


def test_nesting_estimate_ignores_brackets_in_strings_and_comments() -> None:
    assert not too_deep("x = '" + "(" * 500 + "'  # " + "[" * 500)
    assert too_deep("x = " + "(" * 150 + ")" * 150)

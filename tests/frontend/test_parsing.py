"""Syntax errors become ParseFailure at the right place; hostile inputs never crash."""

import ast
import os
import subprocess
import sys
import threading
import time

import pytest

from seqlint.frontend import NotAnalysable, ParseFailure, extract, parsing
from seqlint.frontend.nesting import nesting_depth, too_deep
from seqlint.frontend.parsing import run_with_large_stack


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


def _cpython_error(source: str) -> BaseException | None:
    """What CPython's own parser says about ``source`` (None: it parses)."""
    try:
        ast.parse(source)
    except (SyntaxError, RecursionError, MemoryError) as error:
        return error
    return None


DEEP = [
    "x = " + "(" * 5000 + "1" + ")" * 5000 + "\n",
    "x = " + "[" * 3000 + "]" * 3000 + "\n",
    "x = " + "+".join(["1"] * 50_000) + "\n",
    "x = " + "f(" * 2000 + ")" * 2000 + "\n",
    "x = a" + ".b" * 5000 + "\n",
    "x = " + "not " * 5000 + "1\n",
    "x = " + "1 if c else " * 3000 + "1\n",
    "x = (" + "\n".join(['"s"'] * 3000) + ")\n",
    "x = " + " and ".join(["a"] * 30_000) + "\n",
    # brackets inside an f-string, and after a backslash-newline inside a string: both
    # once slipped past the pre-check and overflowed libcst's stack (a segfault)
    "x = f'{" + "(" * 1500 + "1" + ")" * 1500 + "}'\n",
    "x = 'a\\\nb' + " + "(" * 1500 + "1" + ")" * 1500 + "\n",
    "x = f'{" + " and ".join(["a"] * 3000) + "}'\n",
]
DEEP_IDS = [
    "parens",
    "lists",
    "sum",
    "calls",
    "attributes",
    "nots",
    "ternaries",
    "strings",
    "and-chain",
    "f-string brackets",
    "brackets after backslash-newline",
    "f-string chain",
]


@pytest.mark.parametrize("source", DEEP, ids=DEEP_IDS)
def test_too_deep_inputs_fail_cleanly_and_fast(source: str) -> None:
    """A syntax error only where CPython says so; valid code too deep to analyse is
    NotAnalysable at 1:1; never a crash, and fast."""
    start = time.perf_counter()
    with pytest.raises(ParseFailure) as failure:
        extract(source)
    elapsed = time.perf_counter() - start
    cpython = _cpython_error(source)
    assert failure.value.syntax is isinstance(cpython, SyntaxError)
    if isinstance(cpython, SyntaxError):
        assert failure.value.message == cpython.msg
    else:
        assert isinstance(failure.value, NotAnalysable)
        assert (failure.value.line, failure.value.column) == (1, 1)
        assert "too deeply nested" in failure.value.message or "nested too deeply" in (
            failure.value.message
        )
    assert elapsed < 10.0  # seconds: a slow machine, never a hang


@pytest.mark.parametrize(
    "source",
    [
        "x = [1,\n" + "# a comment\n" * 200 + "2]\n",
        "x = (" + "\n".join(['"s"'] * 200) + ")\n",
        "x = " + " + ".join(["a"] * 250) + "\n",
        "x = 'a\\\n" + "(" * 1500 + "'\n",
        "x = f'{a}" + "(" * 1500 + "'\n",
    ],
    ids=[
        "200 comment lines in a list",
        "200 joined strings",
        "250-term sum",
        "brackets after backslash-newline in a string",
        "brackets in f-string text",
    ],
)
def test_valid_code_the_old_check_refused_is_analysed(source: str) -> None:
    assert _cpython_error(source) is None
    extract("from tensorflow import keras\nmodel = keras.Sequential()\n" + source)


def test_valid_python_libcst_refuses_is_not_a_syntax_error() -> None:
    source = "x = (" + "\n".join(['"s"'] * 100_000) + ")\n"  # libcst gives up, CPython not
    assert _cpython_error(source) is None
    with pytest.raises(NotAnalysable) as failure:
        extract(source)
    assert failure.value.syntax is False


def test_the_parser_thread_survives_what_overflows_a_normal_stack() -> None:
    """libcst on a 20,000-term ``and`` chain: a segfault on the main thread's stack,
    a clean parse on the parsing thread's (run in subprocesses: a crash ends them)."""
    setup = "import libcst\nsource = 'x = ' + ' and '.join(['a'] * 20_000)\n"
    plain = subprocess.run([sys.executable, "-c", setup + "libcst.parse_module(source)"])
    assert plain.returncode < 0  # killed by a signal: the stack overflowed
    guarded = subprocess.run(
        [
            sys.executable,
            "-c",
            setup + "from seqlint.frontend.parsing import run_with_large_stack\n"
            "run_with_large_stack(libcst.parse_module, source)\n",
        ],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert guarded.returncode == 0


def test_errors_in_the_parser_thread_reach_the_caller() -> None:
    with pytest.raises(ZeroDivisionError):
        run_with_large_stack(lambda _: 1 / 0, "")
    assert threading.stack_size() == 0  # the large stack is for the parsing thread only


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
    ids=[
        "flat list",
        "nested calls",
        "long sum",
        "string concatenation",
        "brackets in strings",
        "brackets in docstring",
    ],
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
    source = """
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
"""
    extract(source)


def test_nesting_estimate_ignores_brackets_in_strings_and_comments() -> None:
    assert not too_deep("x = '" + "(" * 1000 + "'  # " + "[" * 1000)
    assert not too_deep("x = '''" + "(" * 1000 + "'''\ny = b'\\\n" + "(" * 1000 + "'")
    assert too_deep("x = " + "(" * 300 + ")" * 300)


def test_nesting_estimate_reads_f_string_fields_as_code() -> None:
    assert nesting_depth("x = f'{a[b]}(((('") == 5
    assert nesting_depth("x = f'{{((((}}'") == 1
    assert too_deep("x = rf'{" + "(" * 300 + ")" * 300 + "}'")
    assert not too_deep("x = f'{d[\"(((\"]}'")


def test_without_room_for_a_large_stack_the_parse_runs_here(monkeypatch) -> None:
    def refuse(*args: object) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(parsing, "_PARSER", parsing._ParserThread())  # none started yet
    monkeypatch.setattr(threading.Thread, "start", refuse)
    assert run_with_large_stack(lambda text: threading.current_thread().name + text, "!") == (
        "MainThread!"
    )


def test_one_parser_thread_serves_every_call() -> None:
    def where(text: str) -> tuple[str, int]:
        return threading.current_thread().name + text, threading.get_ident()

    first = run_with_large_stack(where, "!")
    assert first[0] == "seqlint-parse!"
    assert run_with_large_stack(where, "!") == first  # the same thread, not a new one
    # a call made on the parser thread itself runs there, in place (no deadlock)
    assert run_with_large_stack(lambda text: run_with_large_stack(where, text), "?") == (
        "seqlint-parse?",
        first[1],
    )
    assert threading.stack_size() == 0


def test_calls_from_several_threads_get_their_own_results() -> None:
    results: dict[int, object] = {}

    def caller(n: int) -> None:
        results[n] = run_with_large_stack(lambda text: text * 2, str(n))

    threads = [threading.Thread(target=caller, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {n: str(n) * 2 for n in range(8)}

"""SL119 on the generated builtin-call cases (proven in real Keras by
tests/keras/test_builtin_call_raises_keras.py)."""

from __future__ import annotations

import pytest

from seqlint.frontend.builtin_checks import builtin_misuse
from seqlint.frontend.objects import Args
from tests.helpers import codes_and_lines, lint
from tests.rules.builtin_cases import OUTPUT_SHAPE, sources


@pytest.mark.parametrize(("name", "source", "line"), sources(), ids=lambda v: v)
def test_reported_exactly_where_python_raises(name: str, source: str, line: int | None):
    assert codes_and_lines(source) == (set() if line is None else {("SL119", line)})


def test_the_message_gives_python_s_reason_and_the_layer_that_runs_it():
    source = OUTPUT_SHAPE.format(statement="n = tuple(input_shape[0], 1, input_shape[2])")
    (finding,) = lint(source)
    assert finding.message == (
        "tuple() takes at most 1 argument, got 3: Python raises TypeError when Keras runs "
        "Lambda(lambda t: keras.ops.mean(t, axis=1), output_shape=..."
    )


def test_module_level_code_is_not_checked():
    source = OUTPUT_SHAPE.format(statement="pass") + "n = len(3)\n"
    assert codes_and_lines(source) == set()


@pytest.mark.parametrize(
    ("name", "positional", "keywords"),
    [
        ("tuple", [(1, 2)], {}),
        ("len", ["abc"], {}),
        ("range", [True], {}),
        ("max", [(1, 2)], {"default": 0}),
        ("enumerate", [(1,)], {"start": 1}),
        ("zip", [(1,), (2,)], {"strict": True}),
        ("int", ["7", 8], {}),
        ("print", [1, 2, 3], {"sep": ""}),
    ],
)
def test_calls_python_accepts_are_not_misuses(name: str, positional: list, keywords: dict):
    eval(name)(*positional, **keywords)  # Python accepts it  # noqa: S307
    assert builtin_misuse(name, Args(list(positional), dict(keywords))) is None


def test_arguments_seqlint_cannot_expand_make_no_verdict():
    assert builtin_misuse("tuple", Args([1, 2, 3], complete=False)) is None

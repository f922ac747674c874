"""Every tensor op of seqlint's vocabulary against the real function, through every spelling.

For each op, :data:`CALLS_PER_OP` calls drawn from a fixed seed (valid and failing, with
undefined sizes; ``tests/catalogue/op_cases/``) are made through each of its spellings that
can express them (``keras.ops`` on Keras tensors, the Python operators, TensorFlow and Keras
2's backend traced on placeholders) and answered by seqlint through the same alias: the
output shapes and whether the call fails must agree exactly (``benchmarks/compare_ops.py``
runs a larger sample and writes docs/ops.md). Every alias must name a real function whose
parameters, in order, are the alias's.
"""

from __future__ import annotations

import inspect
import os

import pytest

from seqlint.shapes.ops.aliases import IGNORED, every_spelling, resolve
from seqlint.shapes.ops.registry import op_specs
from tests.catalogue.op_cases import generated_ops, op_cases_for
from tests.catalogue.ops_harness import compare_op, real_function

pytestmark = [
    pytest.mark.keras,
    pytest.mark.filterwarnings("ignore::UserWarning"),
]
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

CALLS_PER_OP = 30
SEED = 0


def spellings(op: str) -> list[str]:
    return [name for name in every_spelling() if resolve(name).op.name == op]  # type: ignore[union-attr]


@pytest.mark.parametrize("op", [spec.name for spec in op_specs()])
def test_op_agrees_with_keras_and_tensorflow(op: str) -> None:
    pytest.importorskip("tensorflow")
    assert op in generated_ops(), f"{op} has a shape function but no generated calls"
    assert spellings(op), f"{op} has no spelling"
    failures = []
    for case in op_cases_for(op, CALLS_PER_OP, SEED):
        for spelling in spellings(op):
            comparison = compare_op(case, spelling)
            if comparison is not None and not comparison.agrees:
                failures.append(str(comparison))
    assert not failures, "\n".join(failures[:10])


def test_every_spelling_is_a_real_function_with_the_alias_s_parameters() -> None:
    pytest.importorskip("tensorflow")
    wrong = []
    for name in every_spelling():
        alias = resolve(name)
        assert alias is not None
        try:
            function = real_function(name)
        except AttributeError:
            wrong.append((name, "no such function"))
            continue
        params = list(inspect.signature(function).parameters.values())
        kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
        positional = [p.name for p in params if p.kind in kinds]
        variadic = [p.name for p in params if p.kind is p.VAR_POSITIONAL]
        keywords = {p.name for p in params if p.kind is not p.VAR_POSITIONAL}
        for index, param in enumerate(alias.params):
            if param.variadic:
                ok = variadic == [param.name]
            elif index < len(positional):
                ok = positional[index] == param.name
            else:
                ok = param.name in keywords
            if not ok:
                wrong.append((name, param.name, [p.name for p in params]))
        assert all(p.target == IGNORED or alias.op.param(p.target) for p in alias.params)
    assert not wrong, wrong

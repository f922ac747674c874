"""No rule (nor the shapes summary) may crash on unknown or ill-typed values in the IR.

Each rule example's IR is perturbed one slot at a time (see ``ir_junk``); the shapes are
recomputed and every rule runs, its findings rendered (message, position, trace).  CI
tries a fixed sample of the perturbations of each example; ``benchmarks/fuzz.py --ir``
tries them all.
"""

from __future__ import annotations

import random
import textwrap

import pytest

from seqlint.frontend import extract
from seqlint.rulekit.base import RuleContext
from seqlint.rules import ALL_RULES
from seqlint.shapes.propagate import GraphShapes
from seqlint.summary import summarize
from tests.fuzz.ir_junk import perturbations

SOURCES = {
    f"{rule.code}.{which}": textwrap.dedent(getattr(rule, f"{which}_example"))
    for rule in ALL_RULES
    for which in ("bad", "good")
}
SAMPLE = 250  # perturbations tried per example in CI


def run_rules(ir) -> None:
    """Every rule on ``ir``, each finding rendered as a report would; then the summary
    ``seqlint shapes`` prints."""
    ctx = RuleContext(ir, GraphShapes(ir))
    summarize(ir, ctx.shapes)
    for rule in ALL_RULES:
        for finding in rule.check(ctx):
            assert finding.loc.span.line >= 1
            assert isinstance(finding.message, str) and isinstance(finding.hint, str)
            for row in finding.trace:
                assert isinstance(row.shape, str)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_rules_accept_unknown_values_everywhere(name):
    ir = extract(SOURCES[name])
    tried = perturbations(ir)
    tried = random.Random(name).sample(tried, min(SAMPLE, len(tried)))
    failures = []
    for description, value, put in tried:
        with put(value):
            try:
                run_rules(ir)
            except Exception as exc:  # noqa: BLE001 - collected and reported below
                failures.append(f"{description} = {value!r}: {type(exc).__name__}: {exc}")
    assert not failures, f"{len(failures)} crashes, e.g.:\n" + "\n".join(failures[:15])

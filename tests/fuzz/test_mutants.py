"""No internal error on mutants of the examples: a fixed, seeded sample every CI run.

``benchmarks/fuzz.py --n N --seed S`` runs a larger campaign.
"""

from __future__ import annotations

import pytest

from seqlint.shapes.layers import common
from tests.fuzz.mutator import Mutant, check, describe, mutants, mutate_once, seed_sources

SEED = 20261201
COUNT = 600


@pytest.fixture(autouse=True)
def _strict(monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash inside a shape function fails too, instead of becoming an unknown shape."""
    monkeypatch.setattr(common, "STRICT", True)


def test_no_internal_error_on_mutants():
    failures = [outcome for outcome in map(check, mutants(COUNT, SEED)) if outcome.traceback]
    assert not failures, f"{len(failures)} of {COUNT} mutants crash seqlint; the first:\n" + (
        describe(failures[0])
    )


def test_mutants_are_seeded_and_varied():
    first = [m.source for m in mutants(20, SEED)]
    assert first == [m.source for m in mutants(20, SEED)]
    assert first != [m.source for m in mutants(20, SEED + 1)]
    kinds = {step.split()[0] for m in mutants(300, SEED) for step in m.steps}
    assert kinds >= {
        "delete",
        "duplicate",
        "swap",
        "number",
        "layer",
        "keyword",
        "name",
        "put",
        "graft",
    }


def test_seeds_cover_examples_repros_and_every_rule():
    from seqlint.rules import ALL_RULES

    origins = {origin for origin, _ in seed_sources()}
    assert any(o.startswith("examples/") for o in origins)
    assert any(o.startswith("tests/corpus/repros/") for o in origins)
    for rule in ALL_RULES:
        assert {f"{rule.code}.bad_example", f"{rule.code}.good_example"} <= origins


def test_a_crash_is_reported_with_the_mutant_source(monkeypatch):
    def explode(source, path):
        raise TypeError("boom")

    monkeypatch.setattr("seqlint.analysis.analyse", explode)
    outcome = check(Mutant("examples/x.py", ("delete line 3",), "import keras\nx = 1\n"))
    assert outcome.traceback is not None and "TypeError: boom" in outcome.traceback
    text = describe(outcome)
    assert "examples/x.py (delete line 3)" in text
    assert "   2 | x = 1" in text


def test_keyword_mutation_replaces_the_whole_value():
    import random

    source = "layers.LSTM(8, return_sequences=(1, 2), name='a')\n"
    for seed in range(40):
        new, step = mutate_once(source, random.Random(seed))
        if step.startswith("keyword value '(1, 2)'"):
            assert "(1, 2)" not in new and new.endswith(", name='a')\n")
            return
    pytest.fail("no keyword mutation of return_sequences in 40 seeds")

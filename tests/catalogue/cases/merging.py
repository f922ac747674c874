"""Cases for Concatenate and the elementwise merges."""

from __future__ import annotations

import random

from tests.catalogue.cases import generates
from tests.catalogue.cases.draw import maybe, shape, size
from tests.catalogue.harness import Case


def _related(rng: random.Random, base: tuple, *, differ: float) -> tuple:
    """A shape like ``base``: the same, one axis changed, one axis 1, or another rank."""
    roll = rng.random()
    if roll < differ and base:
        axis = rng.randrange(len(base))
        changed = list(base)
        changed[axis] = rng.choice([1, size(rng, 1, 8), size(rng, 1, 8)])
        return tuple(changed)
    if roll < differ + 0.08:
        return base[1:] if len(base) > 1 else (*base, 1)
    return base


@generates("Concatenate")
def concatenate(rng: random.Random, kind: str) -> Case:
    base = shape(rng, rng.choice([1, 2, 3]))
    inputs = (base, *(_related(rng, base, differ=0.4) for _ in range(rng.choice([1, 1, 2]))))
    config: dict = {}
    maybe(rng, config, "axis", -1, 1, 2, -2, 3)
    return Case(kind, config, inputs, as_list=len(inputs) > 1 or rng.random() > 0.3)


@generates("Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum")
def elementwise(rng: random.Random, kind: str) -> Case:
    base = shape(rng, rng.choice([1, 2, 3]))
    count = 2 if kind == "Subtract" else rng.choice([2, 2, 3])
    inputs = (base, *(_related(rng, base, differ=0.3) for _ in range(count - 1)))
    if rng.random() < 0.1:  # one tensor, as a list of one or on its own
        return Case(kind, {}, inputs[:1], as_list=rng.random() < 0.5)
    return Case(kind, {}, inputs, as_list=True)

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


@generates("Dot")
def dot(rng: random.Random, kind: str) -> Case:
    """Two inputs of rank 1 to 3 (without the batch axis) multiplied along one axis of each:
    usually of the same size, now and then not, or along an axis one lacks, or the batch."""
    first = shape(rng, rng.choice([1, 2, 2, 3]), low=1, high=6)
    second = list(shape(rng, rng.choice([1, 2, 2, 3]), low=1, high=6))
    roll = rng.random()
    if roll < 0.4:
        axes: object = rng.choice([-1, -1, 1, -2])
    elif roll < 0.85:  # one axis of each
        axes = (rng.randint(1, len(first)), rng.choice([-1, rng.randint(1, len(second))]))
    elif roll < 0.95:  # now and then one an input lacks
        axes = (rng.choice([1, 2, -1, -2, 3]), rng.choice([1, 2, -1, -2, 3]))
    else:
        axes = rng.choice([0, (0, 1)])
    ranks = (len(first) + 1, len(second) + 1)
    pair = axes if isinstance(axes, tuple) else (axes, axes)
    picked = [a % r if a < 0 else a for a, r in zip(pair, ranks, strict=True)]
    if all(0 < a < r for a, r in zip(picked, ranks, strict=True)) and rng.random() < 0.8:
        second[picked[1] - 1] = first[picked[0] - 1]  # the sizes agree
    config: dict = {"axes": axes}
    maybe(rng, config, "normalize", True)
    if rng.random() < 0.1:
        return Case(kind, config, (first,), as_list=rng.random() < 0.5)
    # batch_dot's reshapes give the output when it runs: compare with a real run now and then
    return Case(kind, config, (first, tuple(second)), as_list=True, runtime=rng.random() < 0.3)

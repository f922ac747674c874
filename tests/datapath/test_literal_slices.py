"""Slices of labels the script lists (generated, fixed seed) against numpy: a slice with
constant bounds of a literal array keeps its items, so a train/validation split of listed
labels keeps the classes ``to_categorical`` counts.  A bound seqlint cannot see leaves the
items unknown."""

from __future__ import annotations

import random

import numpy as np

from tests.datapath.test_generated_keras import ours

BOUNDS = (None, -7, -3, -1, 0, 1, 2, 4, 9, 20)


def _program(rng: random.Random) -> tuple[list[int], str]:
    labels = [rng.randint(0, 9) for _ in range(rng.randint(1, 12))]
    lower, upper = rng.choice(BOUNDS), rng.choice(BOUNDS)
    step = rng.choice([None, None, 1, 2, 3, -1, -2])
    parts = ["" if b is None else str(b) for b in (lower, upper)]
    index = ":".join(parts) + ("" if step is None else f":{step}")
    return labels, f"labels = np.array({labels!r})\nresult = labels[{index}]\n"


PROGRAMS = [_program(random.Random(seed)) for seed in range(200)]


def test_a_constant_slice_of_listed_labels_keeps_the_items_numpy_gives():
    for labels, program in PROGRAMS:
        real = eval(program.splitlines()[1].split(" = ", 1)[1], {"labels": np.array(labels)})  # noqa: S307
        mine = ours(program)
        expected = tuple(int(v) for v in real)
        assert mine.shape == (len(expected),), program
        assert mine.literal == expected, program
        assert mine.value_range == ((min(expected), max(expected) + 1) if expected else None)


def test_the_split_labels_give_to_categorical_its_classes():
    program = "labels = np.array([1, 2, 3, 4, 5, 1, 2])\n"
    mine = ours(program + "result = keras.utils.to_categorical(labels[:5])\n")
    assert mine.shape == (5, 6)


def test_a_bound_seqlint_cannot_see_leaves_the_items_unknown():
    mine = ours("labels = np.array([1, 2, 3])\nn = len(input())\nresult = labels[:n]\n")
    assert mine.literal is None

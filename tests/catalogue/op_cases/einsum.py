"""Calls of einsum: the equations people write (matrix and batched products, attention
scores, transposes, reductions, ellipses), with sizes that match, differ, or are None."""

from __future__ import annotations

import random
from typing import Any

from tests.catalogue.cases.draw import shape, size
from tests.catalogue.op_cases import generates_op
from tests.catalogue.ops_harness import T

EQUATIONS = (
    "ij,jk->ik",
    "bij,bjk->bik",
    "bqd,bkd->bqk",
    "bhqk,bhkd->bhqd",
    "btf,fu->btu",
    "...ij,...jk->...ik",
    "...i,...i->...",
    "...d,de->...e",
    "ij,jk",
    "ij->ji",
    "ii->i",
    "ij->i",
    "i,j->ij",
    "ij,jk,kl->il",
    "bi,bi->b",
    "ij->k",
    "i...,i...",
    "...ij,jk->ik",
    "ij,jk->ik,",
)


@generates_op("einsum")
def einsum(rng: random.Random, op: str) -> dict[str, Any]:
    equation = rng.choice(EQUATIONS)
    inputs = equation.partition("->")[0].split(",")
    letter_sizes = {c: size(rng, 1, 5, unknown=0.2) for c in equation if c.isalpha()}
    ellipsis = shape(rng, rng.randint(0, 2), high=4)
    operands = []
    for spec in inputs:
        before, dots, after = spec.partition("...")
        dims: list[Any] = [letter_sizes[c] for c in before]
        if dots:
            dims += list(ellipsis[rng.randint(0, len(ellipsis)) :])
        dims += [letter_sizes[c] for c in after]
        if dims and rng.random() < 0.15:
            dims[rng.randrange(len(dims))] = size(rng, 1, 5)
        if rng.random() < 0.05:
            dims = dims[1:]
        operands.append(T(tuple(dims)))
    if rng.random() < 0.05:
        operands = operands[:-1] or operands
    return {"subscripts": equation, "operands": operands}

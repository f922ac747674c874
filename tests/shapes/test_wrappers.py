"""TimeDistributed."""

from __future__ import annotations

import pytest

from seqlint.dims import UNKNOWN, Shape
from seqlint.shapes.problems import ProblemKind, ShapeProblem

U = Shape.unknown()


def td(layer, inner):
    return layer("TimeDistributed", layer=inner)


def test_dense_inside(layer, shape, run):
    t = td(layer, layer("Dense", units=5))
    assert run(t, shape(20, 8)) == [shape(20, 5)]
    assert run(t, shape(None, 4, 8)) == [shape(None, 4, 5)]


def test_conv_inside(layer, shape, run):
    t = td(layer, layer("Conv1D", filters=3, kernel_size=2))
    assert run(t, shape(5, 10, 8)) == [shape(5, 9, 3)]


def test_rank_problem(layer, shape, run):
    t = td(layer, layer("Dense", units=5))
    with pytest.raises(ShapeProblem) as info:
        run(t, shape(64))
    p = info.value
    assert p.kind is ProblemKind.RANK
    assert p.expected_rank == 3
    assert p.expected == "(batch, timesteps, ...)"
    assert p.got == shape(64)


def test_inner_problem_is_restated(layer, shape, run):
    t = td(layer, layer("Conv1D", filters=3, kernel_size=2))
    with pytest.raises(ShapeProblem) as info:
        run(t, shape(10, 8))
    p = info.value
    assert p.kind is ProblemKind.RANK
    assert p.expected_rank == 4
    assert p.expected == "(batch, timesteps, steps, channels)"
    assert p.got == shape(10, 8)
    assert p.message.startswith("expected input of rank 4")
    t = td(layer, layer("Conv1D", filters=3, kernel_size=5))
    with pytest.raises(ShapeProblem) as info:
        run(t, shape(7, 3, 8))
    assert info.value.kind is ProblemKind.LENGTH


def test_unknowns(layer, shape, run):
    assert run(td(layer, layer("Lambda")), shape(10, 8)) == [U]
    assert run(layer("TimeDistributed", layer=UNKNOWN), shape(10, 8)) == [U]
    assert run(td(layer, layer("Dense", units=3)), U) == [U]
    assert run(td(layer, layer("Reshape", target_shape="x")), shape(10, 8)) == [U]

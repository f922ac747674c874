"""Concatenate, the elementwise merges and Dot."""

from __future__ import annotations

import pytest

from seqlint.dims import BATCH, NONE, UNKNOWN, Shape, Sym
from seqlint.shapes.problems import ProblemKind, ShapeProblem

U = Shape.unknown()
T = Sym("maxlen")
ELEMENTWISE = ["Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"]


def cat(layer, run, shapes, **config):
    return run(layer("Concatenate", **config), *shapes, as_list=True)


def test_concatenate_outputs(layer, shape, run):
    assert cat(layer, run, [shape(10, 8), shape(10, 4)]) == [shape(10, 12)]
    assert cat(layer, run, [shape(10, 8), shape(5, 8)], axis=1) == [shape(15, 8)]  # time axis
    assert cat(layer, run, [shape(10, 8), shape(5, 8)], axis=-2) == [shape(15, 8)]
    assert cat(layer, run, [shape(10, 8), shape(10, 8), shape(10, 1)]) == [shape(10, 17)]
    assert cat(layer, run, [shape(10, 8)]) == [shape(10, 8)]
    assert cat(layer, run, [shape(10, 8)], axis=5) == [shape(10, 8)]
    assert cat(layer, run, [shape(None, 8), shape(5, 8)]) == [shape(None, 16)]
    assert cat(layer, run, [shape(T, 8), shape(T, 8)]) == [shape(T, 16)]
    assert cat(layer, run, [shape(10, None), shape(10, 4)]) == [shape(10, None)]
    assert cat(layer, run, [shape(T, 8), shape(T, 8)], axis=1) == [shape(Sym("maxlen+maxlen"), 8)]
    assert cat(layer, run, [shape(10, 8), shape(10, 8)], axis=0) == [Shape((UNKNOWN, 10, 8))]


def test_concatenate_unknowns(layer, shape, run):
    assert cat(layer, run, [U, shape(10, 4)]) == [shape(10, None)]
    assert cat(layer, run, [U, U]) == [U]
    assert cat(layer, run, []) == [U]
    assert cat(layer, run, [shape(10, 8), shape(10, 4)], axis=UNKNOWN) == [
        Shape((UNKNOWN, UNKNOWN, UNKNOWN))
    ]
    # Sym sizes on other axes are never provably different
    assert cat(layer, run, [shape(T, 8), shape(Sym("n"), 8)]) == [shape(T, 16)]


def test_concatenate_not_list(layer, shape, run):
    c = layer("Concatenate")
    with pytest.raises(ShapeProblem) as info:
        run(c, shape(10, 8))
    p = info.value
    assert p.kind is ProblemKind.MERGE_NOT_LIST
    assert "should be called on a list" in p.message
    assert p.got == shape(10, 8)
    # one tensor of unknown rank may be a list from an unmodelled layer
    assert run(c, U) == [U]
    assert run(c) == [U]


def test_concatenate_rank(layer, shape, run):
    with pytest.raises(ShapeProblem) as info:
        cat(layer, run, [shape(10, 8), shape(8)])
    assert info.value.kind is ProblemKind.MERGE_RANK
    assert info.value.input_index == 1
    with pytest.raises(ShapeProblem) as info:
        cat(layer, run, [U, shape(10, 8), shape(8)], axis=UNKNOWN)
    assert info.value.input_index == 2


@pytest.mark.parametrize("axis", [3, -4, 7])
def test_concatenate_axis(layer, shape, run, axis):
    with pytest.raises(ShapeProblem) as info:
        cat(layer, run, [shape(10, 8), shape(10, 8)], axis=axis)
    assert info.value.kind is ProblemKind.MERGE_AXIS
    assert f"axis={axis}" in info.value.message


@pytest.mark.parametrize(
    ("shapes", "axis", "index", "fragment"),
    [
        ([(10, 8), (5, 8)], -1, 1, "input 1 has size 5 on axis 1 where input 0 has 10"),
        ([(1, 8), (5, 8)], -1, 1, "size 5 on axis 1"),  # 1 is not special
        ([(None, 8), (10, 8), (5, 8)], -1, 2, "input 2 has size 5 on axis 1 where input 1"),
        ([(10, 8), (10, 4)], 1, 1, "axis 2"),
    ],
)
def test_concatenate_dims(layer, shape, run, shapes, axis, index, fragment):
    with pytest.raises(ShapeProblem) as info:
        cat(layer, run, [shape(*s) for s in shapes], axis=axis)
    p = info.value
    assert p.kind is ProblemKind.MERGE_DIMS
    assert p.input_index == index
    assert fragment in p.message


@pytest.mark.parametrize("kind", ELEMENTWISE)
def test_elementwise_outputs(layer, shape, run, kind):
    m = layer(kind)
    assert run(m, shape(10, 8), shape(10, 8), as_list=True) == [shape(10, 8)]
    assert run(m, shape(10, 8), shape(1, 8), as_list=True) == [shape(10, 8)]
    assert run(m, shape(10, 8), shape(10, 1), as_list=True) == [shape(10, 8)]
    assert run(m, shape(10, 8), shape(8), as_list=True) == [shape(10, 8)]  # right-aligned
    assert run(m, shape(10, 8), shape(1), as_list=True) == [shape(10, 8)]
    assert run(m, shape(None, 8), shape(10, 8), as_list=True) == [shape(None, 8)]
    assert run(m, shape(T, 8), shape(T, 8), as_list=True) == [shape(T, 8)]
    assert run(m, shape(T, 8), shape(1, 8), as_list=True) == [shape(T, 8)]
    assert run(m, shape(10, 8), U, as_list=True) == [U]


@pytest.mark.parametrize("kind", ELEMENTWISE)
def test_elementwise_dims(layer, shape, run, kind):
    m = layer(kind)
    with pytest.raises(ShapeProblem) as info:
        run(m, shape(10, 8), shape(10, 4), as_list=True)
    p = info.value
    assert p.kind is ProblemKind.MERGE_DIMS
    assert p.input_index == 1
    assert "size 4 on axis -1 where input 0 has 8" in p.message
    with pytest.raises(ShapeProblem):
        run(m, shape(10, 8), shape(10), as_list=True)


def test_elementwise_three_inputs(layer, shape, run):
    add = layer("Add")
    assert run(add, shape(10, 8), shape(10, 8), shape(1, 8), as_list=True) == [shape(10, 8)]
    with pytest.raises(ShapeProblem) as info:
        run(add, shape(10, 8), shape(10, 8), shape(10, 4), as_list=True)
    assert info.value.input_index == 2
    # known sizes clash even through an unknown dim or an unknown-rank input
    with pytest.raises(ShapeProblem):
        run(add, shape(10, None), shape(10, 8), shape(10, 4), as_list=True)
    with pytest.raises(ShapeProblem):
        run(add, shape(10, 8), U, shape(10, 4), as_list=True)
    assert run(add, shape(10, 8), as_list=True) == [shape(10, 8)]
    assert run(add, as_list=True) == [U]


@pytest.mark.parametrize("kind", ELEMENTWISE)
def test_elementwise_not_list(layer, shape, run, kind):
    with pytest.raises(ShapeProblem) as info:
        run(layer(kind), shape(8))
    assert info.value.kind is ProblemKind.MERGE_NOT_LIST
    assert "should be called on a list" in info.value.message
    assert run(layer(kind), U) == [U]


def test_subtract_needs_two(layer, shape, run):
    sub = layer("Subtract")
    for inputs in ((shape(8), shape(8), shape(8)), (shape(8),)):
        with pytest.raises(ShapeProblem) as info:
            run(sub, *inputs, as_list=True)
        assert info.value.kind is ProblemKind.LAYER_CONFIG
        assert f"called on {len(inputs)} tensors" in info.value.message
    assert run(sub, shape(8), shape(8), as_list=True) == [Shape((BATCH, 8))]


def test_dot(layer, shape, run):
    assert run(layer("Dot", axes=-1), shape(5, 8), shape(7, 8), as_list=True) == [shape(5, 7)]
    assert run(layer("Dot", axes=(1, 2)), shape(8), shape(7, 8), as_list=True) == [shape(7)]
    assert run(layer("Dot", axes=1), shape(8), shape(8), as_list=True) == [shape(1)]
    assert run(layer("Dot", axes=[2, 1]), shape(5, 8), shape(8, 3, 2), as_list=True) == [
        shape(5, 3, 2)
    ]
    assert run(layer("Dot", axes=UNKNOWN), shape(5, 8), shape(7, 8), as_list=True) == [U]


@pytest.mark.parametrize(
    ("axes", "second", "kind"),
    [
        (-1, (7, 6), ProblemKind.MERGE_DIMS),  # 8 against 6
        (-1, (7, NONE), ProblemKind.MERGE_DIMS),  # Keras: None differs from 8
        ((2, 3), (7, 8), ProblemKind.MERGE_AXIS),  # the second input has no axis 3
        ((0, 0), (7, 8), ProblemKind.MERGE_AXIS),  # the batch axis fails when it runs
    ],
)
def test_dot_problems(layer, shape, run, axes, second, kind):
    with pytest.raises(ShapeProblem) as info:
        run(layer("Dot", axes=axes), shape(5, 8), shape(*second), as_list=True)
    assert info.value.kind is kind


def test_dot_takes_a_list_of_two(layer, shape, run):
    with pytest.raises(ShapeProblem) as info:
        run(layer("Dot", axes=-1), shape(5, 8))
    assert info.value.kind is ProblemKind.MERGE_NOT_LIST
    with pytest.raises(ShapeProblem) as info:
        run(layer("Dot", axes=-1), shape(5, 8), shape(5, 8), shape(5, 8), as_list=True)
    assert info.value.kind is ProblemKind.LAYER_CONFIG

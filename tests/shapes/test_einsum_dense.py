"""EinsumDense (proven against Keras in tests/catalogue)."""

from __future__ import annotations

import pytest

from seqlint.dims import NONE, Shape
from seqlint.shapes.catalogue import count_params
from seqlint.shapes.problems import ProblemKind, ShapeProblem


def einsum(layer, equation, output_shape, **config):
    return layer("EinsumDense", equation=equation, output_shape=output_shape, **config)


def test_usual_equations(layer, shape, run):
    dense = einsum(layer, "ab,bc->ac", 4, bias_axes="c")
    assert run(dense, shape(8)) == [shape(4)]
    assert count_params(dense, (shape(8),)) == 8 * 4 + 4
    heads = einsum(layer, "abc,cde->abde", (None, 2, 3), bias_axes="d")
    # the None output size stays undefined, as in Keras, although the input has it
    assert run(heads, shape(10, 8)) == [shape(NONE, 2, 3)]
    assert count_params(heads, (shape(10, 8),)) == 8 * 2 * 3 + 2  # bias (2, 1)
    summed = einsum(layer, "abc,cd->ad", 5, bias_axes="d")
    assert run(summed, shape(10, 8)) == [shape(5)]
    lora = einsum(layer, "abc,cde->abde", (None, 2, 3), lora_rank=2)
    assert count_params(lora, (shape(10, 8),)) == 48 + 8 * 2 * 2 + 2 * 3


def test_ellipsis(layer, shape, run):
    left = einsum(layer, "...b,bc->...c", 4)
    # the real order of the elided axes (Keras's symbolic shape reverses them)
    assert run(left, shape(5, 6, 8)) == [shape(5, 6, 4)]
    assert run(left, shape(8)) == [shape(4)]
    right = einsum(layer, "ab...,bc->ac...", 4)
    assert run(right, shape(8, 5, 6)) == [shape(4, 5, 6)]


@pytest.mark.parametrize(
    ("equation", "output_shape", "dims", "kind"),
    [
        ("ab->b", 4, (8,), ProblemKind.LAYER_CONFIG),  # not an EinsumDense equation
        ("abc,cd->abd", (9, 4), (10, 8), ProblemKind.LAYER_CONFIG),  # 9 steps given, 10 come
        ("abc,cd->abd", (10, 4), (NONE, 8), ProblemKind.LAYER_CONFIG),  # None is not 10
        ("abc,cd->abd", (None, 4), (8,), ProblemKind.LAYER_CONFIG),  # too few axes
        ("ab,bc->ad", 4, (8,), ProblemKind.LAYER_CONFIG),  # 'd' comes from nowhere
        ("ab,bc->ac", (None,), (8,), ProblemKind.LAYER_CONFIG),  # kernel (8, None)
        ("ab,bc->ac", 4, (NONE,), ProblemKind.UNDEFINED_AXIS),  # kernel (None, 4)
    ],
)
def test_problems(layer, shape, run, equation, output_shape, dims, kind):
    with pytest.raises(ShapeProblem) as info:
        run(einsum(layer, equation, output_shape), shape(*dims))
    assert info.value.kind is kind


def test_bias_on_the_batch_axis_and_unknowns(layer, shape, run):
    with pytest.raises(ShapeProblem) as info:
        run(einsum(layer, "ab,bc->ac", 4, bias_axes="a"), shape(8))
    assert "batch axis" in info.value.message
    assert run(einsum(layer, "ab,bc->ac", 4), Shape.unknown()) == [Shape.unknown()]
    assert run(layer("EinsumDense", equation=None, output_shape=4), shape(8)) == [Shape.unknown()]

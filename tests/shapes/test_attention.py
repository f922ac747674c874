"""Attention, AdditiveAttention, MultiHeadAttention."""

from __future__ import annotations

import pytest

from seqlint.dims import Shape
from seqlint.shapes.problems import ProblemKind, ShapeProblem

U = Shape.unknown()


@pytest.mark.parametrize("kind", ["Attention", "AdditiveAttention"])
def test_attention(layer, shape, run, kind):
    att = layer(kind)
    q, v, k = shape(10, 8), shape(6, 5), shape(6, 8)
    assert run(att, q, shape(6, 8), as_list=True) == [shape(10, 8)]
    assert run(att, q, v, k, as_list=True) == [shape(10, 5)]
    scored = layer(kind, return_attention_scores=True)
    assert run(scored, q, v, k, as_list=True) == [shape(10, 5), shape(10, 6)]
    assert run(scored, U, v, as_list=True) == [U, U]
    assert run(att, q, U, as_list=True) == [shape(10, None)]
    assert run(att, q, as_list=True) == [U]
    with pytest.raises(ShapeProblem) as info:
        run(att, q)
    assert info.value.kind is ProblemKind.MERGE_NOT_LIST
    assert "must be called on a list" in info.value.message


def test_multi_head_attention(layer, shape, run):
    mha = layer("MultiHeadAttention", num_heads=2, key_dim=4)
    q, v = shape(10, 8), shape(6, 5)
    assert run(mha, q, v) == [shape(10, 8)]
    assert run(mha, q, v, shape(6, 3)) == [shape(10, 8)]
    assert run(layer("MultiHeadAttention", num_heads=2, key_dim=4, output_shape=7), q, v) == [
        shape(10, 7)
    ]
    mha2 = layer("MultiHeadAttention", num_heads=2, key_dim=4, output_shape=(3, 7))
    assert run(mha2, q, v) == [shape(10, 3, 7)]
    scored = layer("MultiHeadAttention", num_heads=2, key_dim=4, return_attention_scores=True)
    assert run(scored, q, v) == [shape(10, 8), Shape((*shape(2, 10, 6).dims,))]
    assert run(scored, U, v) == [U, U]
    assert run(mha, q) == [U]
    assert run(mha, q, v, as_list=True) == [U]
    assert run(mha, U, v) == [U]

"""Attention, AdditiveAttention, MultiHeadAttention, GroupQueryAttention."""

from __future__ import annotations

import pytest

from seqlint.dims import NONE, Shape
from seqlint.shapes.catalogue import Trait, count_params, spec
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
    with pytest.raises(ShapeProblem, match="separate arguments"):  # mha([q, v]): TypeError
        run(mha, q, v, as_list=True)
    assert run(mha, U, v) == [U]


def test_multi_head_attention_weights(layer, shape):
    q, v = shape(10, 8), shape(6, 5)
    mha = layer("MultiHeadAttention", num_heads=2, key_dim=4)
    # query 8*2*4+8, key 5*2*4+8, value 5*2*4+8, output 2*4*8+8
    assert count_params(mha, (q, v)) == 72 + 48 + 48 + 72
    gated = layer("MultiHeadAttention", num_heads=2, key_dim=4, value_dim=3, use_gate=True)
    assert count_params(gated, (q, v)) == 72 + 48 + 36 + (48 + 8) + (8 * 6 + 6)
    images = layer(
        "MultiHeadAttention", num_heads=2, key_dim=4, attention_axes=(1, 2), output_shape=(2, 3)
    )
    assert count_params(images, (shape(5, 6, 8), shape(7, 4, 8))) == 72 + 72 + 72 + (48 + 6)


def test_multi_head_attention_value_and_key_agree(layer, shape, run):
    mha = layer("MultiHeadAttention", num_heads=2, key_dim=4)
    for key in (shape(7, 3), shape(NONE, 3)):  # None differs from a size for Keras
        with pytest.raises(ShapeProblem) as info:
            run(mha, shape(10, 8), shape(6, 5), key)
        assert info.value.kind is ProblemKind.LAYER_CONFIG and info.value.input_index == 2
    assert run(mha, shape(10, 8), shape(NONE, 5), shape(NONE, 3)) == [shape(10, 8)]


def test_multi_head_attention_axes(layer, shape, run):
    rows = layer(
        "MultiHeadAttention",
        num_heads=2,
        key_dim=4,
        attention_axes=(2,),
        return_attention_scores=True,
    )
    q, v = shape(5, 6, 8), shape(5, 4, 8)
    # the real scores (Keras's symbolic spec says (batch, 2, 5, 5))
    assert run(rows, q, v) == [q, shape(5, 2, 6, 4)]
    both = layer("MultiHeadAttention", num_heads=2, key_dim=4, attention_axes=(-3, -2))
    assert run(layer(both.kind, **both.config, return_attention_scores=True), q, v)[1] == shape(
        2, 5, 6, 5, 4
    )
    with pytest.raises(ShapeProblem) as info:  # axis 1 is not attended: it must agree
        run(rows, q, shape(3, 4, 8))
    assert info.value.kind is ProblemKind.LAYER_CONFIG


def test_group_query_attention(layer, shape, run):
    gqa = layer("GroupQueryAttention", head_dim=4, num_query_heads=4, num_key_value_heads=2)
    q, v = shape(10, 8), shape(6, 8)
    assert run(gqa, q, v) == [q]
    scored = layer(gqa.kind, **gqa.config, return_attention_scores=True)
    assert run(scored, q, v, shape(6, 3)) == [q, shape(4, 10, 6)]
    # query 8*16+16, key 3*8+8, value 8*8+8, output 16*8+8
    assert count_params(gqa, (q, v, shape(6, 3))) == 144 + 32 + 72 + 136
    gated = layer(gqa.kind, **gqa.config, use_gate=True, use_bias=False)
    assert count_params(gated, (q, v)) == 128 + 64 + 64 + 128 + 128
    entry = spec("GroupQueryAttention")
    assert entry is not None and entry.has(Trait.QUERY_VALUE)
    assert entry.call_options == ("return_attention_scores", "use_causal_mask")


@pytest.mark.parametrize(
    ("inputs", "kind", "index"),
    [
        (((8,), (6, 8)), ProblemKind.RANK, 0),  # IndexError when Keras builds it
        (((10, 2, 8), (6, 8)), ProblemKind.RANK, 0),  # its einsums fail when it runs
        (((10, 8), (6, 5)), ProblemKind.LAYER_CONFIG, 1),  # features of query and value
        (((10, 8), (6, 8), (7, 8)), ProblemKind.LAYER_CONFIG, 2),  # steps of value and key
        (((10, NONE), (6, 8)), ProblemKind.UNDEFINED_AXIS, 0),
    ],
)
def test_group_query_attention_problems(layer, shape, run, inputs, kind, index):
    gqa = layer("GroupQueryAttention", head_dim=4, num_query_heads=4, num_key_value_heads=2)
    with pytest.raises(ShapeProblem) as info:
        run(gqa, *(shape(*s) for s in inputs))
    assert info.value.kind is kind and info.value.input_index == index

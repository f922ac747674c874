"""Input/InputLayer, Embedding, Dense and the shape-preserving layers."""

from __future__ import annotations

import pytest

from seqlint.dims import BATCH, NONE, UNKNOWN, Shape, Sym
from seqlint.ir import ShapeTuple
from seqlint.shapes.problems import ProblemKind, ShapeProblem

U = Shape.unknown()


@pytest.mark.parametrize(
    ("kind", "config", "expected"),
    [
        ("Input", {"shape": (20, 8)}, (BATCH, 20, 8)),
        ("Input", {"shape": (None, 8)}, (BATCH, NONE, 8)),  # None: undefined in Keras too
        ("Input", {"shape": ()}, (BATCH,)),
        ("Input", {"shape": [Sym("maxlen")]}, (BATCH, Sym("maxlen"))),
        ("Input", {"batch_shape": (32, 20, 8)}, (32, 20, 8)),  # a fixed batch size
        ("Input", {"batch_shape": (None, 20)}, (BATCH, 20)),
        ("InputLayer", {"input_shape": (20, 8)}, (BATCH, 20, 8)),
        ("InputLayer", {"batch_input_shape": (None, 5)}, (BATCH, 5)),
        ("InputLayer", {"shape": (7,)}, (BATCH, 7)),
        ("Input", {"shape": ShapeTuple((100, 20), "X.shape")}, (BATCH, 100, 20)),
        ("Input", {"shape": (UNKNOWN, 3.5, "x")}, (BATCH, UNKNOWN, UNKNOWN, UNKNOWN)),
    ],
)
def test_input_shapes(layer, run, kind, config, expected):
    assert run(layer(kind, **config)) == [Shape(expected)]


@pytest.mark.parametrize(
    "config",
    [{}, {"shape": None}, {"shape": UNKNOWN}, {"shape": (3,), "batch_shape": (None, 3)}],
)
def test_input_unknown(layer, run, config):
    assert run(layer("Input", **config)) == [U]


def test_embedding(layer, shape, run):
    emb = layer("Embedding", input_dim=1000, output_dim=64)
    assert run(emb, shape(20)) == [shape(20, 64)]
    assert run(emb, shape(None)) == [shape(None, 64)]
    assert run(emb, shape(5, 3)) == [shape(5, 3, 64)]
    assert run(emb, U) == [U]
    # input_length is ignored by Keras 3; mask_zero changes no shape
    emb2 = layer("Embedding", input_dim=10, output_dim=Sym("dim"), input_length=99, mask_zero=True)
    assert run(emb2, shape(20)) == [shape(20, Sym("dim"))]
    assert run(layer("Embedding", input_dim=10, output_dim="x"), shape(4)) == [shape(4, None)]


def test_dense(layer, shape, run):
    dense = layer("Dense", units=10)
    assert run(dense, shape(64)) == [shape(10)]
    assert run(dense, shape(20, 64)) == [shape(20, 10)]  # last axis, per step
    assert run(dense, shape(None, None)) == [shape(None, 10)]
    assert run(dense, U) == [U]
    assert run(layer("Dense", units=Sym("n")), shape(3)) == [shape(Sym("n"))]
    assert run(layer("Dense", units=UNKNOWN), shape(3)) == [shape(None)]
    assert run(layer("Dense"), shape(3)) == [shape(None)]


def test_dense_rank_one(layer, shape, run):
    with pytest.raises(ShapeProblem) as info:
        run(layer("Dense", units=3), shape())
    problem = info.value
    assert problem.kind is ProblemKind.RANK
    assert problem.expected_rank == 2
    assert problem.got == Shape((BATCH,))
    assert problem.input_index == 0
    assert "rank >= 2" in problem.message


@pytest.mark.parametrize(
    "kind",
    [
        "Dropout",
        "GaussianNoise",
        "GaussianDropout",
        "AlphaDropout",
        "Activation",
        "ReLU",
        "LeakyReLU",
        "Softmax",
        "BatchNormalization",
        "LayerNormalization",
        "UnitNormalization",
        "Masking",
    ],
)
def test_identity(layer, shape, run, kind):
    assert run(layer(kind), shape(20, 8)) == [shape(20, 8)]
    assert run(layer(kind), U) == [U]


def test_spatial_dropout(layer, shape, run):
    sd = layer("SpatialDropout1D", rate=0.2)
    assert run(sd, shape(20, 8)) == [shape(20, 8)]
    assert run(sd, U) == [U]
    with pytest.raises(ShapeProblem) as info:
        run(sd, shape(8))
    assert info.value.kind is ProblemKind.RANK
    assert info.value.expected_rank == 3

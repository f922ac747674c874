"""Conv1D, 1D pooling and global 1D pooling."""

from __future__ import annotations

import pytest

from seqlint.dims import UNKNOWN, Shape, Sym
from seqlint.shapes.problems import ProblemKind, ShapeProblem

U = Shape.unknown()
T = Sym("maxlen")


@pytest.mark.parametrize(
    ("config", "steps", "out"),
    [
        ({"kernel_size": 3}, 10, 8),
        ({"kernel_size": 3, "padding": "same"}, 10, 10),
        ({"kernel_size": 3, "padding": "causal"}, 10, 10),
        ({"kernel_size": 3, "padding": "SAME"}, 10, 10),
        ({"kernel_size": 3, "strides": 2}, 10, 4),
        ({"kernel_size": (3,), "strides": (3,), "padding": "same"}, 10, 4),
        ({"kernel_size": 3, "dilation_rate": 2}, 10, 6),
        ({"kernel_size": 3, "padding": "causal", "strides": 2}, 9, 5),
        ({"kernel_size": 3}, 3, 1),
        ({"kernel_size": 3}, None, None),
        ({"kernel_size": 5}, T, Sym("maxlen-4")),
        ({"kernel_size": 5, "padding": "same"}, T, T),
        ({"kernel_size": 5, "strides": 2}, T, None),
        ({"kernel_size": Sym("k")}, 10, None),
    ],
)
def test_conv1d(layer, shape, run, config, steps, out):
    conv = layer("Conv1D", filters=16, **config)
    assert run(conv, shape(steps, 8)) == [shape(out, 16)]


def test_conv1d_channels_first(layer, shape, run):
    conv = layer("Conv1D", filters=3, kernel_size=3, data_format="channels_first")
    assert run(conv, shape(8, 10)) == [shape(3, 8)]
    assert run(conv, U) == [shape(3, None)]


def test_conv1d_unknowns(layer, shape, run):
    assert run(layer("Conv1D", filters=4, kernel_size=3), U) == [shape(None, 4)]
    assert run(layer("Conv1D", filters=4, kernel_size=3, padding="full"), shape(5, 2)) == [U]
    conv = layer("Conv1D", filters=4, kernel_size=3, padding=UNKNOWN)
    assert run(conv, shape(5, 2)) == [shape(None, 4)]
    assert run(layer("Conv1D", filters=4, kernel_size=3, data_format=3), shape(5, 2)) == [U]
    # strides > 1 with dilation_rate > 1: Keras refuses the layer itself
    conv = layer("Conv1D", filters=4, kernel_size=3, strides=2, dilation_rate=2)
    assert run(conv, shape(5, 2)) == [U]


@pytest.mark.parametrize("dims", [(10,), (10, 8, 4)])
def test_conv1d_rank(layer, shape, run, dims):
    with pytest.raises(ShapeProblem) as info:
        run(layer("Conv1D", filters=4, kernel_size=3), shape(*dims))
    assert info.value.kind is ProblemKind.RANK
    assert info.value.expected_rank == 3
    assert info.value.expected == "(batch, steps, channels)"


@pytest.mark.parametrize(
    ("config", "steps"),
    [({"kernel_size": 5}, 3), ({"kernel_size": 3, "dilation_rate": 2}, 4)],
)
def test_conv1d_length(layer, shape, run, config, steps):
    with pytest.raises(ShapeProblem) as info:
        run(layer("Conv1D", filters=4, **config), shape(steps, 8))
    p = info.value
    assert p.kind is ProblemKind.LENGTH
    assert p.got == shape(steps, 8)
    assert f"has {steps} steps" in p.message


@pytest.mark.parametrize("kind", ["MaxPooling1D", "MaxPool1D", "AveragePooling1D", "AvgPool1D"])
@pytest.mark.parametrize(
    ("config", "steps", "out"),
    [
        ({}, 10, 5),
        ({}, 11, 5),
        ({"pool_size": 3}, 10, 3),
        ({"pool_size": 2, "strides": 1}, 10, 9),
        ({"pool_size": 2, "strides": 3}, 10, 3),
        ({"pool_size": 4, "padding": "same"}, 3, 1),
        ({"pool_size": 2, "padding": "same"}, 11, 6),
        ({"pool_size": 2, "strides": None}, 10, 5),
        ({}, None, None),
        ({"pool_size": 2, "strides": 1}, T, Sym("maxlen-1")),
        ({"padding": "same", "strides": 1}, T, T),
        ({}, T, None),
    ],
)
def test_pooling(layer, shape, run, kind, config, steps, out):
    if "Avg" in kind or "Average" in kind:
        config = {"pool_size": 2, **config}
    assert run(layer(kind, **config), shape(steps, 8)) == [shape(out, 8)]


def test_average_pooling_needs_pool_size(layer, shape, run):
    assert run(layer("AveragePooling1D"), shape(10, 8)) == [shape(None, 8)]
    assert run(layer("MaxPooling1D"), shape(10, 8)) == [shape(5, 8)]


def test_pooling_other(layer, shape, run):
    pool = layer("MaxPooling1D", pool_size=2, data_format="channels_first")
    assert run(pool, shape(8, 10)) == [shape(8, 5)]
    assert run(layer("MaxPooling1D"), U) == [shape(None, None)]
    with pytest.raises(ShapeProblem) as info:  # Keras 3 pooling takes lowercase only
        run(layer("MaxPooling1D", padding="VALID"), shape(4, 2))
    assert info.value.kind is ProblemKind.LAYER_CONFIG
    assert run(layer("MaxPooling1D", padding=Sym("p")), shape(4, 2)) == [shape(None, 2)]
    with pytest.raises(ShapeProblem) as info:
        run(layer("MaxPooling1D", pool_size=4), shape(3, 8))
    assert info.value.kind is ProblemKind.LENGTH
    for dims in [(8,), (8, 3, 3)]:
        with pytest.raises(ShapeProblem) as info:
            run(layer("AveragePooling1D", pool_size=2), shape(*dims))
        assert info.value.kind is ProblemKind.RANK


@pytest.mark.parametrize(
    "kind",
    ["GlobalAveragePooling1D", "GlobalAvgPool1D", "GlobalMaxPooling1D", "GlobalMaxPool1D"],
)
def test_global_pooling(layer, shape, run, kind):
    assert run(layer(kind), shape(20, 8)) == [shape(8)]
    assert run(layer(kind, keepdims=True), shape(20, 8)) == [shape(1, 8)]
    assert run(layer(kind, data_format="channels_first"), shape(8, 20)) == [shape(8)]
    cf = layer(kind, data_format="channels_first", keepdims=True)
    assert run(cf, shape(8, 20)) == [shape(8, 1)]
    assert run(layer(kind), U) == [shape(None)]
    assert run(layer(kind, keepdims=Sym("k")), shape(20, 8)) == [U]
    for dims in [(8,), (8, 3, 3)]:
        with pytest.raises(ShapeProblem) as info:
            run(layer(kind), shape(*dims))
        assert info.value.kind is ProblemKind.RANK
        assert info.value.expected_rank == 3

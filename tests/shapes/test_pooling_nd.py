"""2D/3D pooling, global pooling and adaptive pooling (proven against Keras in
tests/catalogue)."""

from __future__ import annotations

import pytest

from seqlint.dims import NONE, Shape, Sym
from seqlint.shapes.catalogue import spec
from seqlint.shapes.problems import ProblemKind, ShapeProblem

U = Shape.unknown()


def _problem(run, layer, shape) -> ShapeProblem:
    with pytest.raises(ShapeProblem) as info:
        run(layer, shape)
    return info.value


@pytest.mark.parametrize(
    ("kind", "config", "dims", "out"),
    [
        ("MaxPooling2D", {}, (10, 7, 3), (5, 3, 3)),
        ("MaxPool2D", {"pool_size": (3, 1), "strides": 1}, (10, 7, 3), (8, 7, 3)),
        ("AveragePooling2D", {"pool_size": 2, "padding": "same"}, (5, 7, 3), (3, 4, 3)),
        ("AvgPool2D", {"pool_size": 2, "data_format": "channels_first"}, (3, 10, 7), (3, 5, 3)),
        ("MaxPooling3D", {}, (4, NONE, 5, 2), (2, NONE, 2, 2)),
        ("AveragePooling3D", {"pool_size": (1, 2, 3), "strides": None}, (4, 4, 6, 2), (4, 2, 2, 2)),
        ("MaxPooling2D", {"strides": 1}, (Sym("h"), 7, 3), (Sym("h-1"), 6, 3)),
    ],
)
def test_pooling(layer, shape, run, kind, config, dims, out):
    assert run(layer(kind, **config), shape(*dims)) == [shape(*out)]


def test_pooling_problems(layer, shape, run):
    problem = _problem(run, layer("MaxPooling2D", pool_size=(2, 4)), shape(8, 3, 5))
    assert problem.kind is ProblemKind.LENGTH
    assert problem.message.startswith("the width of the input (batch, 8, 3, 5) is 3, less than")
    assert "the 4 that pool_size=(2, 4) spans" in problem.message
    padding = _problem(run, layer("MaxPooling2D", padding="SAME"), shape(8, 8, 5))
    assert padding.kind is ProblemKind.LAYER_CONFIG
    assert "padding='SAME'" in padding.message
    rank = _problem(run, layer("AveragePooling3D", pool_size=2), shape(8, 8, 5))
    assert rank.kind is ProblemKind.RANK
    assert rank.expected == "(batch, depth, height, width, channels)"


@pytest.mark.parametrize("kind", ["GlobalMaxPooling2D", "GlobalAvgPool2D"])
def test_global_pooling_2d(layer, shape, run, kind):
    assert run(layer(kind), shape(8, 6, 4)) == [shape(4)]
    assert run(layer(kind, keepdims=True), shape(8, 6, 4)) == [shape(1, 1, 4)]
    first = layer(kind, keepdims=True, data_format="channels_first")
    assert run(first, shape(4, 8, 6)) == [shape(4, 1, 1)]
    assert _problem(run, layer(kind), shape(8, 4)).kind is ProblemKind.RANK


def test_global_pooling_3d_drops_every_spatial_axis(layer, shape, run):
    assert run(layer("GlobalAveragePooling3D"), shape(3, 8, 6, 4)) == [shape(4)]
    entry = spec("GlobalMaxPool3D")
    assert entry is not None and "spatial" in entry.drops_time_axis


@pytest.mark.parametrize(
    ("kind", "config", "dims", "out"),
    [
        ("AdaptiveAveragePooling1D", {"output_size": 4}, (NONE, 3), (4, 3)),
        ("AdaptiveMaxPooling1D", {"output_size": (4,)}, (3, 10), (4, 10)),
        ("AdaptiveMaxPooling2D", {"output_size": (2, 3)}, (9, 9, 5), (2, 3, 5)),
        (
            "AdaptiveAveragePooling3D",
            {"output_size": 2, "data_format": "channels_first"},
            (5, 9, 9, 9),
            (5, 2, 2, 2),
        ),
        # a sequence comes out a sequence, pooled to output_size[0]
        ("AdaptiveAveragePooling2D", {"output_size": (3, 7)}, (10, 5), (3, 5)),
        (
            "AdaptiveMaxPooling3D",
            {"output_size": 2, "data_format": "channels_first"},
            (5, 9),
            (5, 2),
        ),
    ],
)
def test_adaptive_pooling(layer, shape, run, kind, config, dims, out):
    assert run(layer(kind, **config), shape(*dims)) == [shape(*out)]


def test_adaptive_pooling_unknowns_and_ranks(layer, shape, run):
    assert run(layer("AdaptiveMaxPooling1D", output_size=3), U) == [shape(3, None)]
    assert run(layer("AdaptiveMaxPooling2D", output_size=3), U) == [U]  # rank 3 or 4
    assert run(layer("AdaptiveMaxPooling2D", output_size=(1, 2, 3)), shape(4, 4, 2)) == [U]
    cased = layer("AdaptiveMaxPooling2D", output_size=3, data_format="Channels_First")
    assert run(cased, shape(4, 4, 2)) == [U]  # refused at construction
    for kind, dims in [("AdaptiveMaxPooling1D", (4, 4, 2)), ("AdaptiveAveragePooling2D", (4,))]:
        problem = _problem(run, layer(kind, output_size=2), shape(*dims))
        assert problem.kind is ProblemKind.RANK

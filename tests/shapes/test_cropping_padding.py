"""Cropping, ZeroPadding, UpSampling2D/3D and SpatialDropout2D/3D (proven against Keras in
tests/catalogue)."""

from __future__ import annotations

import pytest

from seqlint.dims import NONE, Shape, Sym
from seqlint.shapes.catalogue import Trait, spec
from seqlint.shapes.problems import ProblemKind, ShapeProblem

U = Shape.unknown()
T = Sym("maxlen")


def _problem(run, layer, shape) -> ShapeProblem:
    with pytest.raises(ShapeProblem) as info:
        run(layer, shape)
    return info.value


@pytest.mark.parametrize(
    ("kind", "config", "dims", "out"),
    [
        ("Cropping1D", {}, (10, 4), (8, 4)),
        ("Cropping1D", {"cropping": (0, 3)}, (T, 4), (Sym("maxlen-3"), 4)),
        ("Cropping2D", {}, (10, 8, 4), (10, 8, 4)),
        ("Cropping2D", {"cropping": 1}, (10, 8, 4), (8, 6, 4)),
        ("Cropping2D", {"cropping": (1, 2)}, (10, 8, 4), (8, 4, 4)),
        (
            "Cropping2D",
            {"cropping": ((1, 0), 2), "data_format": "channels_first"},
            (4, 10, 8),
            (4, 9, 4),
        ),
        ("Cropping3D", {}, (4, NONE, 5, 2), (2, NONE, 3, 2)),
        ("ZeroPadding1D", {}, (10, 4), (12, 4)),
        ("ZeroPadding1D", {"padding": (0, 3), "data_format": "channels_first"}, (4, 10), (4, 13)),
        ("ZeroPadding2D", {"padding": ((1, 0), (2, 3))}, (10, 8, 4), (11, 13, 4)),
        ("ZeroPadding2D", {"padding": -1}, (10, 8, 4), (8, 6, 4)),  # an int may be negative
        ("ZeroPadding3D", {"padding": 2}, (T, NONE, 1, 2), (Sym("maxlen+4"), NONE, 5, 2)),
        ("UpSampling2D", {}, (5, NONE, 3), (10, NONE, 3)),
        ("UpSampling2D", {"size": (1, 3), "data_format": "channels_first"}, (3, 5, 4), (3, 5, 12)),
        ("UpSampling3D", {"size": (2, 1, 3)}, (2, 3, 4, 1), (4, 3, 12, 1)),
        ("SpatialDropout2D", {"rate": 0.2}, (5, 4, 3), (5, 4, 3)),
        ("SpatialDropout3D", {"rate": 0.2}, (2, 5, 4, 3), (2, 5, 4, 3)),
    ],
)
def test_shapes(layer, shape, run, kind, config, dims, out):
    assert run(layer(kind, **config), shape(*dims)) == [shape(*out)]


def test_cropping_that_empties_an_axis(layer, shape, run):
    problem = _problem(run, layer("Cropping1D", cropping=(2, 1)), shape(3, 4))
    assert problem.kind is ProblemKind.LENGTH
    assert problem.message == (
        "the input has 3 steps, and cropping=(2, 1) removes 3: the output length would be 0"
    )
    assert problem.expected == "more than 3 steps"
    problem = _problem(run, layer("Cropping2D", cropping=(0, 2)), shape(8, 4, 3))
    assert problem.message == (
        "the width of the input (batch, 8, 4, 3) is 4, and cropping=(2, 2) on that axis "
        "removes 4: the output width would be 0"
    )
    assert problem.expected == "a width of more than 4"


def test_refused_or_unreadable_values(layer, shape, run):
    assert run(layer("Cropping1D", cropping=-1), shape(8, 4)) == [U]
    assert run(layer("Cropping2D", cropping=(1, 2, 3)), shape(8, 8, 4)) == [U]
    assert run(layer("ZeroPadding1D", padding=-1), shape(8, 4)) == [U]
    assert run(layer("ZeroPadding2D", padding=((-1, 0), 1)), shape(8, 8, 4)) == [U]
    assert run(layer("Cropping1D", cropping=Sym("c")), shape(8, 4)) == [shape(None, 4)]
    scaled = Sym("s*5")
    assert run(layer("UpSampling2D", size=Sym("s")), shape(5, 5, 3)) == [shape(scaled, scaled, 3)]


@pytest.mark.parametrize(
    ("kind", "dims"),
    [
        ("Cropping1D", (8,)),
        ("Cropping2D", (8, 4)),
        ("ZeroPadding3D", (8, 8, 4)),
        ("UpSampling2D", (8, 8, 8, 4)),
        ("SpatialDropout2D", (8, 4)),
        ("SpatialDropout3D", (8, 8, 4)),
    ],
)
def test_rank(layer, shape, run, kind, dims):
    assert _problem(run, layer(kind, rate=0.1), shape(*dims)).kind is ProblemKind.RANK


def test_sequence_layers_have_the_sequence_traits():
    for kind in ("Cropping1D", "ZeroPadding1D"):
        entry = spec(kind)
        assert entry is not None
        assert entry.has(Trait.NEEDS_TIME_AXIS) and entry.has(Trait.KEEPS_STEPS)
    dropout = spec("SpatialDropout2D")
    assert dropout is not None and dropout.has(Trait.KEEPS_SHAPE)

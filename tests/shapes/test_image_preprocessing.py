"""Image preprocessing and augmentation layers (tests/catalogue compares them with Keras)."""

from __future__ import annotations

import pytest

from seqlint.dims import BATCH, NONE, Shape
from seqlint.shapes.catalogue import Trait, count_params, spec
from seqlint.shapes.problems import ProblemKind, ShapeProblem

SAME_SHAPE = ["RandomFlip", "RandomRotation", "RandomGrayscale", "AugMix", "MaxNumBoundingBoxes"]


@pytest.mark.parametrize("kind", SAME_SHAPE)
def test_augmentations_keep_the_images(layer, run, kind) -> None:
    for images in (Shape((BATCH, 32, 32, 3)), Shape((BATCH, NONE, NONE, 1)), Shape((32, 32, 3))):
        assert run(layer(kind), images) == [images]
    assert spec(kind).has(Trait.KEEPS_SHAPE)
    assert count_params(layer(kind), (Shape((BATCH, 32, 32, 3)),)) == 0


@pytest.mark.parametrize("kind", [*SAME_SHAPE, "Resizing", "CenterCrop", "RandomCrop"])
@pytest.mark.parametrize("dims", [(BATCH, 784), (BATCH, 2, 8, 8, 3)])
def test_other_ranks_are_refused(layer, run, kind, dims) -> None:
    with pytest.raises(ShapeProblem) as raised:
        run(layer(kind, height=4, width=4), Shape(dims))
    problem = raised.value
    assert problem.kind is ProblemKind.RANK and problem.expected_rank == 4
    assert problem.message.startswith("expected images of rank 4 (batch, height, width, channels)")


@pytest.mark.parametrize("kind", ["Resizing", "CenterCrop", "RandomCrop"])
@pytest.mark.parametrize(
    ("data_format", "dims", "expected"),
    [
        (None, (BATCH, 32, 48, 3), (BATCH, 4, 5, 3)),
        ("channels_first", (BATCH, 3, 32, 48), (BATCH, 3, 4, 5)),
        (None, (32, 48, 3), (4, 5, 3)),  # one image: its height is Keras's batch axis
    ],
)
def test_resizing_and_crops_set_height_and_width(layer, run, kind, data_format, dims, expected):
    config = {"height": 4, "width": 5, "data_format": data_format}
    assert run(layer(kind, **config), Shape(dims)) == [Shape(expected)]


def test_random_crop_needs_a_defined_height_and_width(layer, run) -> None:
    with pytest.raises(ShapeProblem) as raised:
        run(layer("RandomCrop", height=4, width=4), Shape((BATCH, NONE, NONE, 3)))
    assert raised.value.kind is ProblemKind.LAYER_CONFIG
    assert "a defined height" in raised.value.message
    assert run(layer("Resizing", height=4, width=4), Shape((BATCH, NONE, NONE, 3))) == [
        Shape((BATCH, 4, 4, 3))
    ]


def test_color_degeneration_needs_rgb(layer, run) -> None:
    degeneration = layer("RandomColorDegeneration", factor=0.5)
    assert run(degeneration, Shape((BATCH, 8, 8, NONE))) == [Shape((BATCH, 8, 8, NONE))]
    with pytest.raises(ShapeProblem) as raised:
        run(degeneration, Shape((BATCH, 8, 8, 1)))
    assert raised.value.kind is ProblemKind.LAYER_CONFIG


@pytest.mark.parametrize(
    ("grid", "dims", "fits"),
    [
        ((8, 8), (BATCH, 4, 8, 3), True),  # padded by 4 rows: as many as it has
        ((8, 8), (BATCH, 3, 8, 3), False),  # padded by 5 rows, it has 3
        ((2, 3), (BATCH, 2, 1, 3), False),
        ((8, 8), (BATCH, NONE, NONE, 3), True),  # undefined: not known to fail
        ((8, 8), (BATCH, 2, 3), True),  # one image: its height is the batch size
    ],
)
def test_clahe_pads_by_reflection(layer, run, grid, dims, fits) -> None:
    clahe = layer("ContrastLimitedAdaptiveHistogramEqualization", tile_grid_size=grid)
    if fits:
        assert run(clahe, Shape(dims)) == [Shape(dims)]
        return
    with pytest.raises(ShapeProblem) as raised:
        run(clahe, Shape(dims))
    assert raised.value.kind is ProblemKind.LAYER_CONFIG


def test_equalization_hands_on_any_input(layer, run) -> None:
    assert run(layer("Equalization"), Shape((BATCH, 7))) == [Shape((BATCH, 7))]

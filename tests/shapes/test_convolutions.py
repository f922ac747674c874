"""Conv2D/3D (and Conv1D's groups), the transposed, depthwise and separable convolutions
(proven against Keras in tests/catalogue)."""

from __future__ import annotations

import pytest

from seqlint.dims import NONE, UNKNOWN, Shape, Sym
from seqlint.shapes.catalogue import count_params, spec
from seqlint.shapes.problems import ProblemKind, ShapeProblem

U = Shape.unknown()
H = Sym("h")


def _problem(run, layer, shape) -> ShapeProblem:
    with pytest.raises(ShapeProblem) as info:
        run(layer, shape)
    return info.value


@pytest.mark.parametrize(
    ("config", "dims", "out"),
    [
        ({"kernel_size": 3}, (10, 8, 3), (8, 6, 16)),
        ({"kernel_size": (3, 1), "padding": "same"}, (10, 8, 3), (10, 8, 16)),
        ({"kernel_size": 3, "strides": (2, 3)}, (10, 8, 3), (4, 2, 16)),
        ({"kernel_size": 3, "dilation_rate": 2}, (10, 8, 3), (6, 4, 16)),
        ({"kernel_size": 3, "data_format": "channels_first"}, (3, 10, 8), (16, 8, 6)),
        ({"kernel_size": 3}, (NONE, 8, 3), (NONE, 6, 16)),
        ({"kernel_size": 3}, (H, 8, 3), (Sym("h-2"), 6, 16)),
        ({"kernel_size": 3, "strides": 2}, (H, 8, 3), (None, 3, 16)),
    ],
)
def test_conv2d(layer, shape, run, config, dims, out):
    assert run(layer("Conv2D", filters=16, **config), shape(*dims)) == [shape(*out)]


def test_conv3d_and_unknowns(layer, shape, run):
    conv = layer("Conv3D", filters=4, kernel_size=(1, 2, 3))
    assert run(conv, shape(5, 5, 5, 2)) == [shape(5, 4, 3, 4)]
    assert run(conv, U) == [shape(None, None, None, 4)]
    # Keras refuses at construction: strides and dilation above 1, causal padding in 2D,
    # filters that groups does not divide
    for config in (
        {"strides": 2, "dilation_rate": (1, 2)},
        {"padding": "causal"},
        {"filters": 5, "groups": 2},
    ):
        bad = layer("Conv2D", **{"filters": 4, "kernel_size": 3, **config})
        assert run(bad, shape(8, 8, 4)) == [U]


@pytest.mark.parametrize(
    ("kind", "dims", "expected"),
    [
        ("Conv2D", (8, 8), "(batch, height, width, channels)"),
        ("Conv2D", (4, 8, 8, 3), "(batch, height, width, channels)"),
        ("Conv3D", (8, 8, 3), "(batch, depth, height, width, channels)"),
        ("Conv2DTranspose", (4, 8, 8, 3), "(batch, height, width, channels)"),
        ("DepthwiseConv1D", (8, 8, 3), "(batch, steps, channels)"),
    ],
)
def test_rank_is_exact(layer, shape, run, kind, dims, expected):
    problem = _problem(run, layer(kind, filters=2, kernel_size=1), shape(*dims))
    assert problem.kind is ProblemKind.RANK
    assert problem.expected == expected


def test_window_longer_than_an_image_axis(layer, shape, run):
    problem = _problem(run, layer("Conv2D", filters=2, kernel_size=(3, 5)), shape(8, 4, 3))
    assert problem.kind is ProblemKind.LENGTH
    assert problem.message == (
        "the width of the input (batch, 8, 4, 3) is 4, less than the 5 that "
        "kernel_size=(3, 5) spans with padding='valid': the output width would be 0"
    )
    assert problem.expected == "a width of at least 5"
    dilated = layer("Conv3D", filters=2, kernel_size=2, dilation_rate=3)
    assert "the 4 that kernel_size=(2, 2, 2) with dilation_rate=(3, 3, 3) spans" in (
        _problem(run, dilated, shape(3, 9, 9, 1)).message
    )


def test_groups(layer, shape, run):
    conv = layer("Conv1D", filters=6, kernel_size=3, groups=3)
    assert run(conv, shape(10, 6)) == [shape(8, 6)]
    assert count_params(conv, (shape(10, 6),)) == 3 * 2 * 6 + 6
    problem = _problem(run, conv, shape(10, 4))
    assert problem.kind is ProblemKind.LAYER_CONFIG
    assert "has 4 channels, which 3 does not divide" in problem.message
    assert problem.expected == "a number of channels divisible by groups=3"


@pytest.mark.parametrize(
    "kind", ["Conv2D", "Conv2DTranspose", "DepthwiseConv2D", "SeparableConv2D"]
)
def test_undefined_channels(layer, shape, run, kind):
    problem = _problem(run, layer(kind, filters=2, kernel_size=1), shape(8, 8, NONE))
    assert problem.kind is ProblemKind.UNDEFINED_AXIS
    assert problem.axis == 3


@pytest.mark.parametrize(
    ("config", "dims", "out"),
    [
        ({"kernel_size": 3}, (5, 2), (7, 4)),
        ({"kernel_size": 3, "strides": 2}, (5, 2), (11, 4)),
        ({"kernel_size": 2, "strides": 3}, (5, 2), (15, 4)),  # max(span, strides)
        ({"kernel_size": 3, "strides": 2, "padding": "same"}, (5, 2), (10, 4)),
        ({"kernel_size": 3, "strides": 2, "output_padding": 1}, (5, 2), (12, 4)),
        ({"kernel_size": 4, "strides": 2, "padding": "same", "output_padding": 0}, (5, 2), (8, 4)),
        ({"kernel_size": 3, "dilation_rate": 2}, (5, 2), (9, 4)),
        ({"kernel_size": 3}, (NONE, 2), (NONE, 4)),
        ({"kernel_size": 3}, (H, 2), (Sym("h+2"), 4)),
        ({"kernel_size": 3, "strides": 2, "padding": "same"}, (H, 2), (Sym("2*h"), 4)),
        ({"kernel_size": 3, "data_format": "channels_first"}, (2, 5), (4, 7)),
    ],
)
def test_conv1d_transpose(layer, shape, run, config, dims, out):
    assert run(layer("Conv1DTranspose", filters=4, **config), shape(*dims)) == [shape(*out)]


def test_conv_transpose(layer, shape, run):
    conv = layer("Conv2DTranspose", filters=3, kernel_size=(2, 3), strides=(2, 3))
    conv.config["output_padding"] = (1, 2)
    conv.config["padding"] = "same"
    assert run(conv, shape(4, 5, 2)) == [shape(7, 15, 3)]
    assert count_params(conv, (shape(4, 5, 2),)) == 2 * 3 * 3 * 2 + 3
    conv3d = layer("Conv3DTranspose", filters=2, kernel_size=2, data_format="channels_first")
    assert run(conv3d, shape(3, 4, 5, 6)) == [shape(2, 5, 6, 7)]
    # output_padding must stay below the strides
    bad = layer("Conv2DTranspose", filters=3, kernel_size=2, strides=2, output_padding=2)
    assert run(bad, shape(4, 5, 2)) == [U]


def test_depthwise(layer, shape, run):
    conv = layer("DepthwiseConv2D", kernel_size=3, depth_multiplier=2)
    assert run(conv, shape(10, 8, 3)) == [shape(8, 6, 6)]
    assert count_params(conv, (shape(10, 8, 3),)) == 9 * 3 * 2 + 6
    # unlike Conv, strides and dilation together are accepted
    strided = layer("DepthwiseConv1D", kernel_size=2, strides=2, dilation_rate=2)
    assert run(strided, shape(8, Sym("c"))) == [shape(3, Sym("c"))]
    assert run(layer("DepthwiseConv1D", kernel_size=2, padding="causal"), shape(8, 3)) == [U]
    problem = _problem(run, layer("DepthwiseConv1D", kernel_size=9), shape(8, 3))
    assert problem.kind is ProblemKind.LENGTH
    assert "the input has 8 steps, fewer than the 9" in problem.message


def test_separable(layer, shape, run):
    conv = layer("SeparableConv2D", filters=4, kernel_size=2, depth_multiplier=2)
    assert run(conv, shape(8, 8, 3)) == [shape(7, 7, 4)]
    assert count_params(conv, (shape(8, 8, 3),)) == 4 * 3 * 2 + 6 * 4 + 4
    sep1d = layer("SeparableConv1D", filters=4, kernel_size=3, use_bias=False)
    assert run(sep1d, shape(UNKNOWN, 5)) == [shape(None, 4)]
    assert count_params(sep1d, (shape(10, 5),)) == 3 * 5 + 5 * 4


@pytest.mark.parametrize(
    "kind", ["Conv1D", "Conv1DTranspose", "SeparableConv1D", "DepthwiseConv1D"]
)
def test_sequence_convolutions_have_the_sequence_traits(kind):
    entry = spec(kind)
    assert entry is not None
    assert {t.name for t in entry.traits} >= {"NEEDS_TIME_AXIS", "KEEPS_STEPS"}
    image = spec(kind.replace("1D", "2D"))
    assert image is not None and not {t.name for t in image.traits} & {"NEEDS_TIME_AXIS"}


def test_aliases():
    assert spec("Convolution2D") is spec("Conv2D")
    assert spec("Convolution3DTranspose") is spec("Conv3DTranspose")
    assert spec("SeparableConvolution1D") is spec("SeparableConv1D")

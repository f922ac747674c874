"""ConvLSTM1D/2D/3D (proven against Keras in tests/catalogue)."""

from __future__ import annotations

import pytest

from seqlint.dims import NONE, Shape
from seqlint.frontend.keras_api import state_count
from seqlint.shapes.catalogue import Trait, count_params, spec
from seqlint.shapes.problems import ProblemKind, ShapeProblem

U = Shape.unknown()


def test_conv_lstm_2d(layer, shape, run):
    x = shape(5, 10, 12, 3)
    assert run(layer("ConvLSTM2D", filters=4, kernel_size=3), x) == [shape(8, 10, 4)]
    same = layer("ConvLSTM2D", filters=4, kernel_size=3, padding="same", strides=2)
    assert run(same, shape(5, 10, 11, 3)) == [shape(5, 6, 4)]
    dilated = layer("ConvLSTM2D", filters=4, kernel_size=3, dilation_rate=2)
    assert run(dilated, shape(5, 10, 11, 3)) == [shape(6, 7, 4)]
    first = layer(
        "ConvLSTM2D",
        filters=4,
        kernel_size=(3, 2),
        data_format="channels_first",
        return_sequences=True,
        return_state=True,
    )
    assert run(first, shape(NONE, 3, 10, 12)) == [
        shape(NONE, 4, 8, 11),
        shape(4, 8, 11),
        shape(4, 8, 11),
    ]
    # kernel 3*3*3*16 + recurrent kernel 3*3*4*16 + bias 16
    assert count_params(layer("ConvLSTM2D", filters=4, kernel_size=3), (x,)) == 1024


def test_conv_lstm_1d_and_3d(layer, shape, run):
    assert run(layer("ConvLSTM1D", filters=2, kernel_size=3), shape(5, 10, 3)) == [shape(8, 2)]
    cube = layer("ConvLSTM3D", filters=2, kernel_size=3, return_sequences=True)
    assert run(cube, shape(5, 6, 7, 8, 3)) == [shape(5, 4, 5, 6, 2)]
    assert (
        count_params(
            layer("ConvLSTM1D", filters=4, kernel_size=3, use_bias=False), (shape(5, 10, 3),)
        )
        == 3 * 3 * 16 + 3 * 4 * 16
    )


def test_traits_and_states():
    for kind in ("ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D"):
        entry = spec(kind)
        assert entry is not None and entry.states == ("h", "c") and state_count(kind) == 2
        assert entry.has(Trait.RECURRENT) and entry.has(Trait.NEEDS_TIME_AXIS)


@pytest.mark.parametrize(
    ("dims", "kind", "axis"),
    [
        ((10, 12, 3), ProblemKind.RANK, None),  # an image, no time axis
        ((5, 10, 12, 3, 2), ProblemKind.RANK, None),
        ((5, 2, 12, 3), ProblemKind.LENGTH, None),  # 2 rows, kernel 3
        ((5, NONE, 12, 3), ProblemKind.LAYER_CONFIG, None),  # states sized by the image
        ((5, 10, 12, NONE), ProblemKind.UNDEFINED_AXIS, 4),  # the kernel by the channels
    ],
)
def test_conv_lstm_problems(layer, shape, run, dims, kind, axis):
    with pytest.raises(ShapeProblem) as info:
        run(layer("ConvLSTM2D", filters=4, kernel_size=3), shape(*dims))
    assert info.value.kind is kind
    assert info.value.axis == axis
    if kind is ProblemKind.RANK:
        assert info.value.expected_rank == 5
        assert info.value.expected == "(batch, time, rows, cols, channels)"
    if kind is ProblemKind.LENGTH:
        assert info.value.message.startswith("axis 2 (rows) of the input (batch, 5, 2, 12, 3)")


def test_conv_lstm_unreadable_or_refused(layer, shape, run):
    x = shape(5, 10, 12, 3)
    assert run(layer("ConvLSTM2D", filters=4, kernel_size=3, padding="causal"), x) == [U]
    refused = layer("ConvLSTM2D", filters=4, kernel_size=3, strides=2, dilation_rate=2)
    assert run(refused, x) == [U]
    assert run(layer("ConvLSTM2D", filters=4, kernel_size=3, data_format="nhwc"), x) == [U]
    assert run(layer("ConvLSTM2D", filters=4, kernel_size=3), U) == [shape(None, None, 4)]


def test_conv_lstm_initial_state(layer, shape, run):
    conv = layer("ConvLSTM2D", filters=4, kernel_size=3)
    x = shape(5, 10, 11, 3)
    state = shape(8, 9, 4)
    assert run(conv, x, states=(state, state)) == [state]
    with pytest.raises(ShapeProblem) as info:
        run(conv, x, states=(state,))
    assert info.value.kind is ProblemKind.STATE_COUNT
    with pytest.raises(ShapeProblem) as info:
        run(conv, x, states=(state, shape(8, 9, 5)))
    assert info.value.kind is ProblemKind.STATE_SIZE and info.value.input_index == 1


def test_bidirectional_over_conv_lstm(layer, shape, run):
    conv = layer("ConvLSTM2D", filters=4, kernel_size=3, return_state=True)
    x = shape(5, 10, 11, 3)
    assert run(layer("Bidirectional", layer=conv), x) == [shape(8, 9, 8)] + [shape(8, 9, 4)] * 4
    first = layer("ConvLSTM2D", filters=4, kernel_size=3, data_format="channels_first")
    # concat joins the last axis, the columns here, as Keras does
    assert run(layer("Bidirectional", layer=first), shape(5, 3, 10, 11)) == [shape(4, 8, 18)]
    with pytest.raises(ShapeProblem) as info:
        run(layer("Bidirectional", layer=conv), shape(10, 11, 3))
    assert info.value.kind is ProblemKind.RANK and info.value.expected_rank == 5
    assert count_params(layer("Bidirectional", layer=conv), (x,)) == 2 * 1024

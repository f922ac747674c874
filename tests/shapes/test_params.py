"""Parameter counts per layer family (Keras's ``count_params``; proven against Keras in
tests/keras/test_summary_keras.py)."""

from __future__ import annotations

import pytest

from seqlint.dims import UNKNOWN, Shape, Sym
from seqlint.ir import Layer
from seqlint.shapes.catalogue import count_params
from tests.shapes.conftest import make_layer, make_shape


@pytest.mark.parametrize(
    ("layer", "shape", "expected"),
    [
        (make_layer("Dense", units=8), make_shape(4), 4 * 8 + 8),
        (make_layer("Dense", units=8, use_bias=False), make_shape(20, 4), 32),
        (make_layer("Embedding", input_dim=100, output_dim=16), make_shape(20), 1600),
        (make_layer("LSTM", units=32), make_shape(12, 4), 4 * (32 * (4 + 32) + 32)),
        (make_layer("GRU", units=16), make_shape(60, 32), 3 * 16 * (32 + 16) + 2 * 3 * 16),
        (make_layer("GRU", units=16, reset_after=False), make_shape(60, 32), 3 * 16 * 49),
        (make_layer("SimpleRNN", units=8), make_shape(5, 2), 8 * 10 + 8),
        (make_layer("Conv1D", filters=6, kernel_size=3), make_shape(20, 4), 3 * 4 * 6 + 6),
        # each of the 2 groups sees 4 // 2 channels
        (make_layer("Conv1D", filters=6, kernel_size=3, groups=2), make_shape(20, 4), 42),
        (make_layer("BatchNormalization"), make_shape(20, 4), 16),
        (make_layer("LayerNormalization", center=False), make_shape(20, 4), 4),
        (make_layer("Dropout", rate=0.5), make_shape(4), 0),
        (make_layer("Flatten"), make_shape(20, 4), 0),
    ],
)
def test_known_counts(layer: Layer, shape: Shape, expected: int) -> None:
    assert count_params(layer, (shape,)) == expected


def test_wrappers_count_their_inner_layer() -> None:
    lstm = make_layer("LSTM", units=8)
    assert count_params(make_layer("Bidirectional", layer=lstm), (make_shape(10, 4),)) == 2 * (
        4 * (8 * 12 + 8)
    )
    dense = make_layer("Dense", units=3)
    assert count_params(make_layer("TimeDistributed", layer=dense), (make_shape(10, 4),)) == 15
    # a backward layer of its own: both directions' weights (680 in Keras)
    back = make_layer("LSTM", units=6, go_backwards=True)
    bidirectional = make_layer("Bidirectional", layer=lstm, backward_layer=back)
    assert count_params(bidirectional, (make_shape(3, 4),)) == 4 * 8 * 13 + 4 * 6 * 11


@pytest.mark.parametrize(
    ("layer", "shape"),
    [
        (make_layer("Dense", units=8), make_shape(None)),  # unknown input features
        (make_layer("Dense", units=Sym("n")), make_shape(4)),  # units known by name only
        (make_layer("Dense", units=8, use_bias=UNKNOWN), make_shape(4)),
        (make_layer("LSTM", units=8), Shape.unknown()),
        (make_layer("MyCustom"), make_shape(4)),  # a layer seqlint does not know
        (
            make_layer(
                "Bidirectional",
                layer=make_layer("LSTM", units=8),
                backward_layer=make_layer("MyCustom"),
            ),
            make_shape(3, 4),
        ),
        (make_layer("Conv1D", filters=6, kernel_size=3, groups=UNKNOWN), make_shape(20, 4)),
    ],
)
def test_unknown_counts(layer: Layer, shape: Shape) -> None:
    assert count_params(layer, (shape,)) is None

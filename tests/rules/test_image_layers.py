"""The problems of the layers with spatial axes, each reported by its rule at its line: a rank
(SL101 for the sequence layers, SL102 for a declaration, SL114 otherwise), a configuration
that cannot fit (SL114), weights sized by an undefined axis (SL110). Keras proofs in
tests/keras/test_spatial_keras.py."""

from __future__ import annotations

import pytest

from tests.helpers import codes_and_lines, lint


def _model(layer: str, shape: str) -> str:
    return f"""\
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape={shape}),
            {layer},
        ])
        """


@pytest.mark.parametrize(
    "layer",
    [
        "layers.SeparableConv1D(4, 3)",
        "layers.DepthwiseConv1D(3)",
        "layers.Conv1DTranspose(4, 3)",
        "layers.Cropping1D()",
        "layers.ZeroPadding1D()",
        "layers.AdaptiveMaxPooling1D(4)",
    ],
)
def test_sequence_layers_after_the_time_axis_is_gone(layer):
    source = _model(f"layers.LSTM(8),\n            {layer}", "(10, 2)")
    (diagnostic,) = lint(source)
    assert (diagnostic.code, diagnostic.line) == ("SL101", 7)
    assert "LSTM(8) at line 6 returns (batch, 8) because return_sequences is False" in (
        diagnostic.message
    )


def test_images_declared_without_channels():
    (diagnostic,) = lint(_model("layers.Conv2D(32, 3)", "(28, 28)"))
    assert (diagnostic.code, diagnostic.line) == ("SL102", 5)
    assert diagnostic.hint == (
        "declare the channels axis, shape=(28, 28, 1) for one channel, and feed data of shape "
        "(samples, 28, 28, 1)"
    )
    first = _model("layers.MaxPooling2D(data_format='channels_first')", "(28, 28)")
    assert "shape=(1, 28, 28)" in lint(first)[0].hint


def test_a_conv_between_the_declaration_and_the_lstm_is_not_the_declaration_s_fault():
    source = _model("layers.Conv2D(8, 3),\n            layers.LSTM(8)", "(10, 10, 3)")
    (diagnostic,) = lint(source)
    assert (diagnostic.code, diagnostic.line) == ("SL114", 7)
    assert diagnostic.message == (
        "LSTM(8) cannot take its input: expected input of rank 3 (batch, timesteps, features), "
        "got (batch, 8, 8, 8)"
    )
    # a layer that takes any rank leaves the blame with the declaration
    source = _model("layers.Dense(8),\n            layers.LSTM(8)", "(10, 10, 3)")
    assert codes_and_lines(source) == {("SL102", 5)}


@pytest.mark.parametrize(
    ("layer", "shape", "words"),
    [
        ("layers.Conv2D(8, 3, groups=2)", "(9, 9, 3)", "has 3 channels, which 2 does not divide"),
        ("layers.MaxPooling2D(padding='SAME')", "(9, 9, 3)", "not padding='SAME'"),
        ("layers.AveragePooling1D(2, padding='Valid')", "(9, 3)", "not padding='Valid'"),
    ],
)
def test_configurations_that_cannot_apply(layer, shape, words):
    (diagnostic,) = lint(_model(layer, shape))
    assert (diagnostic.code, diagnostic.line) == ("SL114", 6)
    assert words in diagnostic.message


@pytest.mark.parametrize(
    "layer",
    ["layers.Conv2D(8, 3)", "layers.Conv2DTranspose(8, 3)", "layers.SeparableConv2D(8, 3)"],
)
def test_kernels_sized_by_undefined_channels(layer):
    (diagnostic,) = lint(_model(layer, "(9, 9, None)"))
    assert (diagnostic.code, diagnostic.line) == ("SL110", 6)
    assert "last axis" in diagnostic.message


@pytest.mark.parametrize(
    ("layer", "shape"),
    [
        ("layers.Conv2D(8, 3, groups=3)", "(9, 9, 6)"),
        ("layers.MaxPooling2D(padding='same')", "(9, 9, 3)"),
        ("layers.Conv2D(8, 3)", "(None, None, 3)"),  # any image size
        ("layers.GlobalAveragePooling2D()", "(None, None, 3)"),
        ("layers.AdaptiveAveragePooling2D(7)", "(None, None, 3)"),
    ],
)
def test_fitting_configurations_are_silent(layer, shape):
    assert codes_and_lines(_model(layer, shape)) == set()

"""SL108: a convolution, pooling or cropping window longer than the axis it covers (Keras proofs
in tests/keras/test_robust_keras.py, tests/keras/test_spatial_keras.py and the rule's own
examples)."""

import pytest

from tests.helpers import codes_and_lines, lint


def _model(layer: str, shape: str = "(3, 2)") -> str:
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
        "layers.Conv1D(4, 5)",
        "layers.Conv1D(4, kernel_size=(4,), padding='valid')",
        "layers.Conv1D(4, 2, dilation_rate=3)",
        "layers.MaxPooling1D(5)",
        "layers.MaxPool1D(pool_size=4)",
        "layers.AveragePooling1D(4)",
        "layers.AvgPool1D(4, strides=1)",
    ],
)
def test_window_longer_than_the_sequence_is_reported(layer):
    assert codes_and_lines(_model(layer)) == {("SL108", 6)}


@pytest.mark.parametrize(
    "layer, shape",
    [
        ("layers.Conv1D(4, 5, padding='same')", "(3, 2)"),
        ("layers.Conv1D(4, 5, padding='causal')", "(3, 2)"),
        ("layers.MaxPooling1D(5, padding='same')", "(3, 2)"),
        ("layers.Conv1D(4, 3)", "(3, 2)"),  # exactly the length: one output step
        ("layers.MaxPooling1D()", "(3, 2)"),  # pool_size 2
        ("layers.Conv1D(4, 5)", "(None, 2)"),  # undefined length
        ("layers.Conv1D(4, 5)", "(steps, 2)"),  # unknown length
        ("layers.Conv1D(4, kernel)", "(3, 2)"),  # unknown kernel
        ("layers.Conv1D(4, 5, padding=mode)", "(3, 2)"),  # unknown padding
        ("layers.Conv1D(4, 5, data_format='channels_first')", "(3, 8)"),  # 3 channels, 8 steps
    ],
)
def test_fitting_or_unknown_windows_are_silent(layer, shape):
    assert codes_and_lines(_model(layer, shape)) == set()


def test_message_names_the_window_and_the_length():
    (diagnostic,) = lint(_model("layers.MaxPooling1D(5)"))
    assert diagnostic.message.startswith(
        "MaxPooling1D(5): the input has 3 steps, fewer than the 5 that pool_size=5 spans "
        "with padding='valid'"
    )
    assert 'padding="same"' in diagnostic.hint
    assert [row.layer for row in diagnostic.trace] == ["Input(shape=(3, 2))", "MaxPooling1D(5)"]
    assert diagnostic.trace[-1].shape == "expects at least 5 steps"


def test_a_sequence_shortened_by_earlier_layers():
    source = """\
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(12, 3))
        x = layers.Conv1D(8, 5)(inputs)
        x = layers.MaxPooling1D(2)(x)
        x = layers.Conv1D(8, 5)(x)
        """
    (diagnostic,) = lint(source)
    assert (diagnostic.code, diagnostic.line) == ("SL108", 7)
    assert "the input has 4 steps, fewer than the 5" in diagnostic.message


@pytest.mark.parametrize(
    ("layer", "shape"),
    [
        ("layers.Conv2D(8, 5)", "(4, 9, 3)"),
        ("layers.Conv2D(8, (3, 5), data_format='channels_first')", "(3, 9, 4)"),
        ("layers.Conv2D(8, 3, dilation_rate=2)", "(9, 4, 3)"),
        ("layers.SeparableConv2D(8, 5)", "(4, 9, 3)"),
        ("layers.DepthwiseConv2D((1, 10))", "(4, 9, 3)"),
        ("layers.MaxPooling2D(pool_size=(2, 5))", "(9, 4, 3)"),
        ("layers.AveragePooling3D(3)", "(9, 9, 2, 3)"),
        ("layers.Conv3D(8, 3)", "(2, 9, 9, 3)"),
        ("layers.Cropping2D(((2, 2), (0, 0)))", "(4, 9, 3)"),
        ("layers.Cropping3D()", "(2, 9, 9, 3)"),
        ("layers.Cropping1D((2, 1))", "(3, 2)"),
        ("layers.SeparableConv1D(4, 5)", "(3, 2)"),
        ("layers.DepthwiseConv1D(5)", "(3, 2)"),
        ("layers.TimeDistributed(layers.Conv2D(8, 5))", "(10, 4, 9, 3)"),
    ],
)
def test_2d_and_3d_windows_longer_than_an_axis(layer, shape):
    assert codes_and_lines(_model(layer, shape)) == {("SL108", 6)}


@pytest.mark.parametrize(
    ("layer", "shape"),
    [
        ("layers.Conv2D(8, 5, padding='same')", "(4, 9, 3)"),
        ("layers.Conv2D(8, 4)", "(4, 9, 3)"),  # exactly the height: one output row
        ("layers.Conv2D(8, 5)", "(None, None, 3)"),
        ("layers.MaxPooling2D()", "(2, 2, 3)"),
        ("layers.Conv2DTranspose(8, 9)", "(2, 2, 3)"),  # transposes only grow
        ("layers.Cropping2D(((1, 2), (0, 0)))", "(4, 9, 3)"),  # one row left
        ("layers.ZeroPadding2D(3)", "(1, 1, 3)"),
        ("layers.TimeDistributed(layers.Conv2D(8, 5))", "(None, 5, 5, 3)"),
    ],
)
def test_2d_windows_that_fit_are_silent(layer, shape):
    assert codes_and_lines(_model(layer, shape)) == set()


def test_message_names_the_image_axis():
    (diagnostic,) = lint(_model("layers.Conv2D(8, (3, 5))", "(4, 4, 3)"))
    assert diagnostic.message == (
        "Conv2D(8, (3, 5)): the width of the input (batch, 4, 4, 3) is 4, less than the 5 "
        "that kernel_size=(3, 5) spans with padding='valid': the output width would be 0; "
        "Keras raises when it builds the layer"
    )
    assert diagnostic.trace[-1].shape == "expects a width of at least 5"
    (cropped,) = lint(_model("layers.Cropping2D(2)", "(4, 9, 3)"))
    assert "cropping=(2, 2) on that axis removes 4" in cropped.message
    assert cropped.hint == "crop less than the axis holds, or give the layer a larger input"


def test_an_image_shrunk_by_a_conv_stack():
    source = """\
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(32, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Conv2D(64, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Conv2D(64, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Conv2D(128, 3, activation="relu"),
            layers.Flatten(),
            layers.Dense(10, activation="softmax"),
        ])
        """
    (diagnostic,) = lint(source)
    assert (diagnostic.code, diagnostic.line) == ("SL108", 12)
    assert "the height of the input (batch, 1, 1, 64) is 1, less than the 3" in diagnostic.message

"""SL108: a Conv1D/pooling window longer than the sequence (Keras proofs in
tests/keras/test_robust_keras.py and the rule's own examples)."""

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

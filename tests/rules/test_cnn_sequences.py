"""CNN + recurrent chains people write: a per-frame CNN over video (TimeDistributed) feeding an
LSTM, and a CRNN (a Conv2D stack turned into a sequence by Permute/Reshape, then a GRU). The
shapes of ``seqlint shapes``, and the errors planted in them reported by the right rule at the
right line (each proven in Keras by tests/keras/test_spatial_keras.py)."""

from __future__ import annotations

import textwrap

import pytest

from seqlint.summary import show_shape, summarize_source
from tests.helpers import codes_and_lines, lint

VIDEO = """\
    from tensorflow import keras
    from tensorflow.keras import layers

    frames = keras.Input(shape=(10, 64, 64, 3))
    x = layers.TimeDistributed(layers.Conv2D(16, 3, activation="relu"))(frames)
    x = layers.TimeDistributed(layers.MaxPooling2D())(x)
    x = layers.TimeDistributed(layers.Conv2D(32, 3, activation="relu"))(x)
    x = layers.TimeDistributed(layers.GlobalAveragePooling2D())(x)
    x = layers.LSTM(64)(x)
    outputs = layers.Dense(5, activation="softmax")(x)
    model = keras.Model(frames, outputs)
    """

VIDEO_FLATTENED = """\
    from tensorflow import keras
    from tensorflow.keras import layers

    model = keras.Sequential([
        keras.Input(shape=(8, 32, 32, 1)),
        layers.TimeDistributed(layers.Conv2D(8, 3, padding="same", activation="relu")),
        layers.TimeDistributed(layers.MaxPooling2D(2)),
        layers.TimeDistributed(layers.Flatten()),
        layers.LSTM(16, return_sequences=True),
        layers.TimeDistributed(layers.Dense(3)),
    ])
    """

CRNN = """\
    from tensorflow import keras
    from tensorflow.keras import layers

    image = keras.Input(shape=(32, 128, 1))
    x = layers.Conv2D(32, 3, padding="same", activation="relu")(image)
    x = layers.MaxPooling2D((2, 2))(x)
    x = layers.Conv2D(64, 3, padding="same", activation="relu")(x)
    x = layers.MaxPooling2D((2, 2))(x)
    x = layers.Permute((2, 1, 3))(x)
    x = layers.Reshape((32, 8 * 64))(x)
    x = layers.Bidirectional(layers.GRU(64, return_sequences=True))(x)
    outputs = layers.Dense(20, activation="softmax")(x)
    model = keras.Model(image, outputs)
    """


def _edit(source: str, old: str, new: str) -> str:
    assert old in source, old
    return source.replace(old, new, 1)


IMAGES = _edit(VIDEO, "shape=(10, 64, 64, 3)", "shape=(64, 64, 3)")

# The same chains with one mistake each: (source, the (code, line) seqlint reports).
PLANTED = {
    # the frames declared without their time axis: TimeDistributed(Conv2D) gets rank 4
    "TimeDistributed(Conv2D) on images": (IMAGES, {("SL102", 4)}),
    # a plain Conv2D first: its rank-4 output has no time axis for TimeDistributed(Conv2D)
    "TimeDistributed(Conv2D) after a Conv2D": (
        _edit(
            IMAGES,
            '    x = layers.TimeDistributed(layers.Conv2D(16, 3, activation="relu"))(frames)\n',
            "    x = layers.Conv2D(8, 3)(frames)\n"
            '    x = layers.TimeDistributed(layers.Conv2D(16, 3, activation="relu"))(x)\n',
        ),
        {("SL114", 6)},
    ),
    # the conv features go to the GRU without Permute and Reshape
    "GRU fed the rank-4 conv output": (
        _edit(
            CRNN,
            "    x = layers.Permute((2, 1, 3))(x)\n    x = layers.Reshape((32, 8 * 64))(x)\n",
            "",
        ),
        {("SL114", 9)},
    ),
    # the per-frame features are still images: no Flatten or global pooling per frame
    "LSTM fed per-frame feature maps": (
        _edit(VIDEO, "    x = layers.TimeDistributed(layers.GlobalAveragePooling2D())(x)\n", ""),
        {("SL114", 8)},
    ),
    # a Reshape whose sizes do not multiply to the feature maps'
    "CRNN reshaped to the wrong size": (
        _edit(CRNN, "(32, 8 * 64)", "(32, 16 * 64)"),
        {("SL106", 10)},
    ),
}


def _shapes(source: str) -> list[tuple[str, str, int | None]]:
    (model,) = summarize_source(textwrap.dedent(source))
    return [(layer.kind, show_shape(layer.outputs), layer.params) for layer in model.layers]


def test_video_cnn_lstm_shapes():
    assert _shapes(VIDEO) == [
        ("Input", "(batch, 10, 64, 64, 3)", 0),
        ("TimeDistributed", "(batch, 10, 62, 62, 16)", 3 * 3 * 3 * 16 + 16),
        ("TimeDistributed", "(batch, 10, 31, 31, 16)", 0),
        ("TimeDistributed", "(batch, 10, 29, 29, 32)", 3 * 3 * 16 * 32 + 32),
        ("TimeDistributed", "(batch, 10, 32)", 0),
        ("LSTM", "(batch, 64)", 4 * (64 * (32 + 64) + 64)),
        ("Dense", "(batch, 5)", 64 * 5 + 5),
    ]


def test_flattened_frames_shapes():
    assert _shapes(VIDEO_FLATTENED) == [
        ("Input", "(batch, 8, 32, 32, 1)", 0),
        ("TimeDistributed", "(batch, 8, 32, 32, 8)", 80),
        ("TimeDistributed", "(batch, 8, 16, 16, 8)", 0),
        ("TimeDistributed", "(batch, 8, 2048)", 0),
        ("LSTM", "(batch, 8, 16)", 4 * (16 * (2048 + 16) + 16)),
        ("TimeDistributed", "(batch, 8, 3)", 51),
    ]


def test_crnn_shapes():
    assert _shapes(CRNN) == [
        ("Input", "(batch, 32, 128, 1)", 0),
        ("Conv2D", "(batch, 32, 128, 32)", 320),
        ("MaxPooling2D", "(batch, 16, 64, 32)", 0),
        ("Conv2D", "(batch, 16, 64, 64)", 18496),
        ("MaxPooling2D", "(batch, 8, 32, 64)", 0),
        ("Permute", "(batch, 32, 8, 64)", 0),
        ("Reshape", "(batch, 32, 512)", 0),
        ("Bidirectional", "(batch, 32, 128)", 2 * 3 * 64 * (512 + 64 + 2)),
        ("Dense", "(batch, 32, 20)", 128 * 20 + 20),
    ]


@pytest.mark.parametrize("source", [VIDEO, VIDEO_FLATTENED, CRNN])
def test_the_chains_are_clean(source):
    assert codes_and_lines(source) == set()


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_planted_errors_are_reported_where_they_are(name):
    source, expected = PLANTED[name]
    assert codes_and_lines(source) == expected


def test_messages_say_what_the_layer_needs():
    source, _ = PLANTED["GRU fed the rank-4 conv output"]
    (diagnostic,) = lint(source)
    assert diagnostic.message == (
        "Bidirectional(GRU(64, return_sequences=True)) cannot take its input: expected input "
        "of rank 3 (batch, timesteps, features), got (batch, 8, 32, 64)"
    )
    source, _ = PLANTED["TimeDistributed(Conv2D) on images"]
    (diagnostic,) = lint(source)
    assert "expects input of rank 5 (batch, timesteps, height, width, channels)" in (
        diagnostic.message
    )
    assert diagnostic.hint.startswith("declare a time axis, shape=(timesteps, 64, 64, 3)")

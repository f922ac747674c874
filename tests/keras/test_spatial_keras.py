"""Layers with spatial axes (convolutions, pooling, cropping) and the CNN + recurrent chains
built from them, linted and run in real Keras: where seqlint reports an error Keras raises,
and the chains seqlint finds clean build with the shapes and parameter counts it shows."""

from __future__ import annotations

import os
import textwrap

import pytest

from seqlint.summary import show_shape, summarize_source
from tests.helpers import codes_and_lines
from tests.rules.test_cnn_sequences import CRNN, PLANTED, VIDEO, VIDEO_FLATTENED

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = [pytest.mark.keras, pytest.mark.filterwarnings("ignore::UserWarning")]

WINDOW = r"Computed output size would be zero or negative"
# TimeDistributed builds its layer without that layer's InputSpec: Conv2D's own check speaks
_KERNEL_RANK = r"Kernel shape must have the same length as input"


def _images(layer: str, shape: str = "(28, 28, 1)") -> str:
    return f"""\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape={shape}),
            {layer},
            layers.Flatten(),
            layers.Dense(1),
        ])
        model.predict(np.zeros((2, *model.input_shape[1:])), verbose=0)
        """


CONV_STACK = """\
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

# (source, the (code, line) seqlint reports, regex of what Keras raises)
RAISES = {
    "a Conv2D stack that shrinks 28x28 images to nothing": (CONV_STACK, {("SL108", 12)}, WINDOW),
    "Conv2D(8, 5) over images 4 rows high": (
        _images("layers.Conv2D(8, 5)", "(4, 9, 3)"),
        {("SL108", 7)},
        WINDOW,
    ),
    "MaxPooling3D(3) over volumes 2 deep": (
        _images("layers.MaxPooling3D(3)", "(2, 9, 9, 3)"),
        {("SL108", 7)},
        WINDOW,
    ),
    "TimeDistributed(Conv2D(8, 5)) over 4x9 frames": (
        _images("layers.TimeDistributed(layers.Conv2D(8, 5))", "(10, 4, 9, 3)"),
        {("SL108", 7)},
        WINDOW,
    ),
    "Cropping2D that crops all 4 rows": (
        _images("layers.Cropping2D(((2, 2), (0, 0)))", "(4, 9, 3)"),
        {("SL108", 7)},
        r"Values in `cropping` argument should be smaller",
    ),
    "Cropping1D that crops all 3 steps": (
        _images("layers.Cropping1D((2, 1))", "(3, 2)"),
        {("SL108", 7)},
        r"must be smaller than the input length",
    ),
    "MaxPooling2D(padding='SAME'), accepted by Keras 2": (
        _images("layers.MaxPooling2D(padding='SAME')"),
        {("SL114", 7)},
        r"Argument `padding` must be either 'valid' or 'same'",
    ),
    "Conv2D(groups=2) over 3 channels": (
        _images("layers.Conv2D(8, 3, groups=2)", "(9, 9, 3)"),
        {("SL114", 7)},
        r"evenly divisible by the number of groups",
    ),
    "Conv2D on images declared without their channels axis": (
        _images("layers.Conv2D(8, 3)", "(28, 28)"),
        {("SL102", 6)},
        r"expected min_ndim=4, found ndim=3",
    ),
    "Conv2DTranspose on an undefined channels axis": (
        _images("layers.Conv2DTranspose(8, 3)", "(9, 9, None)"),
        {("SL110", 7)},
        r"Shapes used to initialize variables must be fully-defined",
    ),
    "SeparableConv1D after an LSTM without return_sequences": (
        _images("layers.LSTM(8), layers.SeparableConv1D(4, 3)", "(10, 2)"),
        {("SL101", 7)},
        r"expected min_ndim=3, found ndim=2",
    ),
    "AdaptiveAveragePooling1D over images, raising when the model runs": (
        _images("layers.AdaptiveAveragePooling1D(4)", "(9, 9, 3)"),
        {("SL102", 6)},
        r"not enough values to unpack",
    ),
    **{
        f"CNN + RNN: {name}": (source, expected, error)
        for name, (source, expected), error in (
            (name, PLANTED[name], error)
            for name, error in (
                ("TimeDistributed(Conv2D) on images", _KERNEL_RANK),
                ("TimeDistributed(Conv2D) after a Conv2D", _KERNEL_RANK),
                ("GRU fed the rank-4 conv output", r"expected ndim=3, found ndim=4"),
                ("LSTM fed per-frame feature maps", r"expected ndim=3, found ndim=5"),
                ("CRNN reshaped to the wrong size", r"[Tt]otal size"),
            )
        )
    },
}

# Sources seqlint leaves silent, and Keras runs.
RUNS = {
    "Conv2D(8, 5, padding='same') over 4x9 images": _images(
        "layers.Conv2D(8, 5, padding='same')", "(4, 9, 3)"
    ),
    "Conv2D(8, 4) over exactly 4 rows": _images("layers.Conv2D(8, 4)", "(4, 9, 3)"),
    "Conv2DTranspose(8, 9) over 2x2 images": _images("layers.Conv2DTranspose(8, 9)", "(2, 2, 3)"),
    "Cropping2D that leaves one row": _images("layers.Cropping2D(((1, 2), (0, 0)))", "(4, 9, 3)"),
    # TimeDistributed skips its layer's InputSpec: a global pooling runs on rank-3 steps
    "TimeDistributed(GlobalAveragePooling2D()) over (5, 8, 8)": """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(5, 8, 8))
        x = layers.TimeDistributed(layers.GlobalAveragePooling2D())(inputs)
        keras.Model(inputs, x).predict(np.zeros((2, 5, 8, 8)), verbose=0)
        """,
}


def test_adaptive_2d_pooling_runs_a_sequence_as_1d_pooling():
    """Keras computes (None, 4, 4, 3) for this model, and its output is (2, 4, 3): seqlint
    gives the shape the model runs with."""
    source = textwrap.dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([keras.Input(shape=(9, 3)), layers.AdaptiveAveragePooling2D(4)])
        output = model.predict(np.zeros((2, 9, 3)), verbose=0)
        """
    )
    assert codes_and_lines(source) == set()
    (summary,) = summarize_source(source)
    assert show_shape(summary.layers[-1].outputs) == "(batch, 4, 3)"
    namespace: dict = {"__name__": "__main__"}
    exec(compile(source, "<case>", "exec"), namespace)
    assert namespace["output"].shape == (2, 4, 3)


def _run(source: str) -> None:
    exec(compile(source, "<case>", "exec"), {"__name__": "__main__"})


@pytest.mark.parametrize("name", sorted(RAISES))
def test_reported_and_keras_raises(name):
    source, expected, keras_error = RAISES[name]
    source = textwrap.dedent(source)
    assert codes_and_lines(source) == expected
    with pytest.raises(Exception, match=keras_error):
        _run(source)


@pytest.mark.parametrize("name", sorted(RUNS))
def test_silent_and_keras_runs(name):
    source = textwrap.dedent(RUNS[name])
    assert codes_and_lines(source) == set()
    _run(source)


@pytest.mark.parametrize("source", [VIDEO, VIDEO_FLATTENED, CRNN], ids=["video", "flat", "crnn"])
def test_chains_have_keras_s_shapes_and_counts(source):
    source = textwrap.dedent(source)
    namespace: dict = {"__name__": "__main__"}
    exec(compile(source, "<case>", "exec"), namespace)
    model = namespace["model"]
    keras_rows = [(tuple(model.inputs[0].shape), 0)] if not _has_input_layer(model) else []
    keras_rows += [(tuple(layer.output.shape), layer.count_params()) for layer in model.layers]
    (summary,) = summarize_source(source)
    ours = [(show_shape(layer.outputs), layer.params) for layer in summary.layers]
    theirs = [(_batched(shape), params) for shape, params in keras_rows]
    assert ours == theirs


def _has_input_layer(model) -> bool:
    return type(model.layers[0]).__name__ == "InputLayer"


def _batched(shape: tuple) -> str:
    return "(" + ", ".join(["batch", *(str(d) for d in shape[1:])]) + ")"

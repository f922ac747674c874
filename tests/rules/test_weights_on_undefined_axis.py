"""SL110: a layer sizes its weights by an axis whose length is undefined (None)."""

import pytest

from tests.helpers import codes_and_lines, lint


def _functional(shape: str, *body: str) -> str:
    lines = "\n".join(f"        {line}" for line in body)
    return f"""\
        from tensorflow import keras
        from tensorflow.keras import layers

        x = inputs = keras.Input(shape={shape})
{lines}
        outputs = layers.Dense(1)(x)
        """


@pytest.mark.parametrize(
    "shape, body",
    [
        ("(None, 8)", ["x = layers.Flatten()(x)"]),
        ("(None,)", ["x = layers.Embedding(100, 8)(x)", "x = layers.Flatten()(x)"]),
        ("(None, 8)", ["x = layers.LSTM(4, return_sequences=True)(x)", "x = layers.Flatten()(x)"]),
        (
            "(None, 8)",
            [
                "x = layers.Bidirectional(layers.GRU(4, return_sequences=True))(x)",
                "x = layers.Flatten()(x)",
            ],
        ),
        (
            "(None, 8)",
            [
                "x = layers.Conv1D(4, 3)(x)",
                "x = layers.MaxPooling1D()(x)",
                "x = layers.Flatten()(x)",
            ],
        ),
        (
            "(None, 8)",
            ["x = layers.Dense(4)(x)", "x = layers.Flatten()(x)", "x = layers.Dropout(0.5)(x)"],
        ),
        ("(10, None)", []),
        # Keras 3 slices an undefined length to an undefined length: [:5] does not fix it
        ("(None, 8)", ["x = layers.Lambda(lambda t: t[:, :5])(x)", "x = layers.Flatten()(x)"]),
    ],
)
def test_undefined_axis_reaching_a_dense_is_reported(shape, body):
    source = _functional(shape, *body)
    line = 5 + max(1, len(body))  # an empty body leaves a blank line
    assert codes_and_lines(source) == {("SL110", line)}


@pytest.mark.parametrize(
    "shape, body",
    [
        ("(None, 8)", []),  # Dense on the defined feature axis, per step
        ("(None, 8)", ["x = layers.GlobalAveragePooling1D()(x)"]),
        ("(None, 8)", ["x = layers.LSTM(4)(x)"]),
        ("(None, 8)", ["x = layers.LSTM(4, return_sequences=True)(x)"]),
        ("(maxlen, 8)", ["x = layers.Flatten()(x)"]),  # unknown, not undefined
        ("(20, 8)", ["x = layers.Flatten()(x)"]),
        ("(None, 8)", ["x = layers.Reshape((-1,))(x)"]),
    ],
)
def test_defined_or_unknown_axes_are_silent(shape, body):
    assert codes_and_lines(_functional(shape, *body)) == set()


def test_sequential_declared_by_input_shape_on_the_first_layer():
    source = """\
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            layers.Embedding(100, 8, input_shape=(None,)),
            layers.Flatten(),
            layers.Dense(1),
        ])
        """
    assert codes_and_lines(source) == {("SL110", 7)}


def test_sequential_built_from_the_data_is_silent():
    """Keras builds it from the data's own length (proven in test_robust_keras.py)."""
    source = """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([layers.Embedding(50, 8), layers.Flatten(), layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((4, 5)), np.zeros((4, 1)), epochs=1, verbose=0)
        """
    assert codes_and_lines(source) == set()


def test_message_tells_the_story_and_the_trace_marks_it():
    (diagnostic,) = lint(
        _functional("(None,)", "x = layers.Embedding(100, 8)(x)", "x = layers.Flatten()(x)")
    )
    assert diagnostic.message == (
        "Dense(1) gets input (batch, None) whose last axis has no defined length: "
        "Input(shape=(None,)) at line 4 leaves the sequence length undefined (None) and "
        "Flatten() at line 6 merges it into the features; Keras cannot size the Dense weights "
        "and raises when it builds the model"
    )
    assert "GlobalAveragePooling1D()" in diagnostic.hint
    notes = {row.layer: row.note for row in diagnostic.trace}
    assert notes["Input(shape=(None,))"] == "declares None"
    assert notes["Flatten()"] == "merges the undefined axis into the features"
    assert diagnostic.trace[-1].shape == "expects a defined last axis"

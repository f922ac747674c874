"""SL244 embedding-negative-index: negative indices wrapped onto rows real indices use."""

from tests.helpers import codes_and_lines, lint

HEADER = """
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
y = np.random.randint(0, 2, size=(64, 1))
"""


def found(x: str, embedding: str = "layers.Embedding(100, 16)", call: str = "fit") -> list:
    body = f"""
X = {x}
model = keras.Sequential([
    keras.Input(shape=(20,)),
    {embedding},
    layers.LSTM(8),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.{call}(X{", y" if call == "fit" else ""})
"""
    return [d for d in lint(HEADER + body) if d.code in ("SL210", "SL244")]


def test_minus_one_padding_shares_the_last_row():
    (d,) = found("np.random.randint(-1, 100, size=(64, 20))")
    assert (d.code, d.line, d.severity.value) == ("SL244", 10, "warning")
    assert "X (line 7) holds indices in [-1, 100) and fit at line 15 feeds it" in d.message
    assert "index -1 reads row 99, the vector of the real index 99" in d.message
    assert "shift the data by 1 and set input_dim to 101" in d.hint


def test_predict_alone_is_reported_too():
    (d,) = found("np.random.randint(-3, 100, size=(64, 20))", call="predict")
    assert d.code == "SL244" and "index -3 reads row 97" in d.message


def test_wrapped_rows_no_real_index_uses_are_clean():
    # [-5, 5) in Embedding(100): rows 95-99 are the negatives' own.
    assert found("np.random.randint(-5, 5, size=(64, 20))") == []
    assert found("np.random.randint(-1, 99, size=(64, 20))") == []


def test_non_negative_or_unknown_ranges_are_clean():
    assert found("np.random.randint(0, 100, size=(64, 20))") == []
    assert found("np.random.randint(lo, 100, size=(64, 20))") == []
    assert found("np.random.randint(-1, 100, size=(64, 20))", "layers.Embedding(n, 16)") == []


def test_indices_keras_rejects_are_sl210_only():
    assert [d.code for d in found("np.random.randint(-1, 120, size=(64, 20))")] == ["SL210"]
    assert [d.code for d in found("np.random.randint(-150, 50, size=(64, 20))")] == ["SL210"]


def test_once_per_embedding():
    source = (
        HEADER
        + """
X = np.random.randint(-1, 100, size=(64, 20))
model = keras.Sequential([keras.Input((20,)), layers.Embedding(100, 4), layers.Flatten(),
                          layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y)
model.evaluate(X, y)
"""
    )
    assert codes_and_lines(source) == {("SL244", 8)}

"""SL210 embedding-index-range: indices the data can hold against the Embedding's input_dim."""

from tests.helpers import lint

HEADER = """
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
y = np.random.randint(0, 2, size=(64, 1))
"""


def sl210(body: str) -> list:
    return [d for d in lint(HEADER + body) if d.code == "SL210"]


def model(x: str, embedding: str = "layers.Embedding(4000, 16)", first: str = "") -> str:
    return f"""
X = {x}
model = keras.Sequential([
    keras.Input(shape=(20,)),{first}
    {embedding},
    layers.LSTM(8),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(X, y)
"""


def test_reported_at_the_embedding_naming_the_data_and_the_fit():
    (found,) = sl210(model("np.random.randint(0, 8000, size=(64, 20))"))
    assert found.line == 10  # the Embedding line
    assert "X (line 7) holds indices in [0, 8000)" in found.message
    assert "fit at line 15" in found.message and "index 7999" in found.message
    assert "input_dim to the largest index + 1 (8000)" in found.hint


def test_data_within_the_vocabulary_is_clean():
    assert sl210(model("np.random.randint(0, 4000, size=(64, 20))")) == []
    assert sl210(model("np.random.randint(1, 4000, size=(64, 20))")) == []
    assert sl210(model("np.arange(1280).reshape(64, 20)", "layers.Embedding(1280, 8)")) == []


def test_ranges_that_follow_arithmetic():
    assert len(sl210(model("np.random.randint(0, 4000, size=(64, 20)) + 1"))) == 1
    assert sl210(model("np.random.randint(1, 4001, size=(64, 20)) - 1")) == []
    # Keras wraps negative indices once: [-5, 5) reads rows 3995-3999 and 0-4, no error.
    assert sl210(model("np.random.randint(0, 10, size=(64, 20)) - 5")) == []
    (found,) = sl210(model("np.random.randint(0, 10, size=(64, 20)) - 4010"))
    assert "index -4010 is out of range even after Keras wraps" in found.message
    assert found.severity.value == "error" and "below -4000 never fit" in found.hint


def test_message_says_the_lookup_raises():
    (found,) = sl210(model("np.random.randint(0, 8000, size=(64, 20))"))
    assert found.message.endswith(
        "index 7999 is out of range, and TensorFlow's lookup raises on CPU"
    )


def test_unknown_ranges_or_vocabularies_stay_silent():
    assert sl210(model("np.load('ids.npy')")) == []
    assert sl210(model("np.random.randint(0, vocab, size=(64, 20))")) == []
    assert sl210(model("np.random.randint(0, 8000, size=(64, 20)) % 4000")) == []
    assert (
        sl210(
            model("np.random.randint(0, 8000, size=(64, 20))", "layers.Embedding(vocab_size, 16)")
        )
        == []
    )


def test_only_an_embedding_fed_straight_by_the_data():
    assert (
        sl210(model("np.random.randint(0, 8000, size=(64, 20))", first="\n    layers.Dense(20),"))
        == []
    )
    assert (
        len(
            sl210(
                model("np.random.randint(0, 8000, size=(64, 20))", first="\n    layers.Identity(),")
            )
        )
        == 1
    )


def test_functional_model_with_several_inputs():
    body = """
words, tags = keras.Input((20,)), keras.Input((20,))
w = layers.Embedding(4000, 16)(words)
t = layers.Embedding(50, 4)(tags)
joined = layers.Concatenate()([w, t])
model = keras.Model([words, tags], layers.Dense(1)(layers.LSTM(8)(joined)))
model.compile(optimizer="adam", loss="mse")
W = np.random.randint(0, 4000, size=(64, 20))
T = np.random.randint(0, 60, size=(64, 20))
model.fit([W, T], y)
model.evaluate([W, T], y)
"""
    (found,) = sl210(body)  # once, although two calls feed it
    assert found.line == 9 and "Embedding(50, 4)" in found.message


def test_undeclared_sequential_is_checked_from_its_data():
    body = """
X = np.random.randint(0, 8000, size=(64, 20))
model = keras.Sequential([layers.Embedding(4000, 16), layers.LSTM(8), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y)
"""
    assert len(sl210(body)) == 1

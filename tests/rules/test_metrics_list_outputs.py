"""SL220 metrics-list-outputs: one metrics list on a model with several outputs."""

from tests.helpers import lint

HEADER = """
from tensorflow import keras
from tensorflow.keras import layers
inputs = keras.Input((10, 3))
h = layers.LSTM(4)(inputs)
a = layers.Dense(1, name="a")(h)
b = layers.Dense(3, activation="softmax", name="b")(h)
model = keras.Model(inputs, [a, b])
"""


def findings(body: str) -> list:
    return [(d.line, d.message, d.hint) for d in lint(HEADER + body) if d.code == "SL220"]


def test_reported_at_the_compile_the_fit_uses():
    body = """
model.compile(optimizer="adam", loss=["mse", "categorical_crossentropy"], metrics=["accuracy"])
model.fit(X, [ya, yb], epochs=1)
"""
    assert findings(body) == [
        (
            10,
            "metrics is a list of 1 for a model with 2 outputs: Keras 3 reads a list as one entry "
            "per output and raises at fit (line 11): Invalid `metrics`",
            "give each output its own list, metrics=[['accuracy'], ['accuracy']], "
            "or a dict by output name",
        )
    ]


def test_weighted_metrics_and_evaluate():
    body = """
model.compile(loss="mse", weighted_metrics=["mae", "mse", "mape"])
model.evaluate(X, [ya, yb])
"""
    assert [line for line, _, _ in findings(body)] == [10]


def test_lists_keras_3_accepts_are_clean():
    for metrics in ('["mae", "accuracy"]', '[["mae"], ["accuracy"]]', '{"a": "mae"}', "[]"):
        body = f"model.compile(loss='mse', metrics={metrics})\nmodel.fit(X, [ya, yb])\n"
        assert findings(body) == [], metrics


def test_only_a_compile_that_is_trained_raises():
    body = """
model.compile(loss="mse", metrics=["mae"])
model.predict(X)
model.compile(loss="mse", metrics=[["mae"], ["mae"]])
model.fit(X, [ya, yb])
"""
    assert findings(body) == []


def test_single_output_and_unknown_outputs_are_clean():
    source = """
    from tensorflow import keras
    from tensorflow.keras import layers
    inputs = keras.Input((10, 3))
    one = keras.Model(inputs, [layers.Dense(1)(layers.LSTM(4)(inputs))])
    one.compile(loss="mse", metrics=["mae"])
    one.fit(X, y)
    states = keras.Model(inputs, layers.LSTM(4, return_state=True)(inputs))
    states.compile(loss="mse", metrics=["mae"])
    states.fit(X, y)
    mixed = keras.Model(inputs, [unknown_block(inputs), layers.Dense(1)(layers.LSTM(4)(inputs))])
    mixed.compile(loss="mse", metrics=["mae"])
    mixed.fit(X, y)
    """
    assert [d for d in lint(source) if d.code == "SL220"] == []

"""SL207 shared-loss-mixed-outputs."""

import pytest

from tests.helpers import lint

SOURCE = """\
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(10, 3))
h = layers.LSTM(8)(inputs)
a = layers.Dense(1, ACT_A, name="a")(h)
b = layers.Dense(3, ACT_B, name="b")(h)
model = keras.Model(inputs, [a, b])
model.compile(optimizer="adam", LOSS)
"""


def findings(act_a: str, act_b: str, loss: str) -> list[tuple[str, int]]:
    source = SOURCE.replace("ACT_A", act_a).replace("ACT_B", act_b).replace("LOSS", loss)
    return [(d.code, d.line) for d in lint(source) if d.code in ("SL205", "SL207")]


@pytest.mark.parametrize(
    ("act_a", "act_b", "loss"),
    [
        ("activation=None", 'activation="sigmoid"', 'loss="mse"'),
        ('activation="relu"', 'activation="softmax"', 'loss="mae"'),
        ('activation="linear"', 'activation="sigmoid"', "loss=keras.losses.Huber()"),
        ('activation="sigmoid"', 'activation="softmax"', 'loss="mean_squared_error"'),
    ],
)
def test_reported(act_a, act_b, loss):
    assert findings(act_a, act_b, loss) == [("SL207", 9)]


@pytest.mark.parametrize(
    ("act_a", "act_b", "loss"),
    [
        ("activation=None", 'activation="sigmoid"', 'loss=["mse", "binary_crossentropy"]'),
        ("activation=None", 'activation="sigmoid"', 'loss={"a": "mse", "b": "bce"}'),
        ("activation=None", 'activation="relu"', 'loss="mse"'),  # both regression heads
        ('activation="sigmoid"', 'activation="sigmoid"', 'loss="binary_crossentropy"'),
        ('activation="tanh"', "activation=None", 'loss="mse"'),  # tanh: kind unknown
        ("activation=ACT", 'activation="sigmoid"', 'loss="mse"'),
        ("activation=None", 'activation="sigmoid"', "loss=LOSS"),
        ("activation=None", 'activation="sigmoid"', "loss=my_loss"),
        ('activation="sigmoid"', 'activation="softmax"', 'loss="crossentropy"'),
    ],
)
def test_clean(act_a, act_b, loss):
    assert findings(act_a, act_b, loss) == []


def test_a_shared_crossentropy_is_left_to_sl205():
    # binary crossentropy shared by a linear and a sigmoid head: SL205 says what goes wrong
    assert findings("activation=None", 'activation="sigmoid"', 'loss="binary_crossentropy"') == [
        ("SL205", 9)
    ]


def test_hint_gives_each_output_its_loss():
    source = SOURCE.replace("ACT_A", "activation=None").replace("ACT_B", 'activation="sigmoid"')
    [diagnostic] = lint(source.replace("LOSS", 'loss="mse"'))
    assert diagnostic.message.endswith(
        ': "a" (Dense(1, activation=None, name="a") at line 6) predicts a value, '
        '"b" (Dense(3, activation="sigmoid", name="b") at line 7) predicts a probability '
        "(sigmoid)"
    )
    assert "loss={'a': 'mse', 'b': 'binary_crossentropy'}" in diagnostic.hint
    assert "loss_weights={'a': 1.0, 'b': 1.0}" in diagnostic.hint


def test_unnamed_outputs_get_a_list_hint():
    source = """\
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(10, 3))
h = layers.LSTM(8)(inputs)
model = keras.Model(inputs, [layers.Dense(1)(h), layers.Dense(1, activation="sigmoid")(h)])
model.compile(optimizer="adam", loss="mse")
"""
    [diagnostic] = lint(source)
    assert diagnostic.code == "SL207"
    assert "loss=['mse', 'binary_crossentropy'], loss_weights=[1.0, 1.0]" in diagnostic.hint


def test_single_output_is_clean():
    source = """\
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(10, 3))
out = layers.Dense(1, activation="sigmoid")(layers.LSTM(8)(inputs))
model = keras.Model(inputs, out)
model.compile(optimizer="adam", loss="mse")
"""
    assert lint(source) == []

"""SL229: two outputs' losses swapped is one finding naming the swap, with a fix that
exchanges them; the per-output findings (SL203, SL204, SL205) stay silent for those outputs.
tests/keras/test_swapped_losses_keras.py shows what Keras does with each source."""

from __future__ import annotations

from seqlint.analysis import lint_source
from seqlint.fixing import fix_source

MODEL = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

X = np.random.rand(32, 10, 4)
prices = np.random.rand(32, 1)
labels = np.random.randint(0, 10, size=(32,))
inputs = keras.Input(shape=(10, 4))
h = layers.LSTM(16)(inputs)
price = layers.Dense(1, name="price")(h)
label = layers.Dense(10, activation="softmax", name="label")(h)
"""

LIST = (
    MODEL
    + """\
model = keras.Model(inputs, [price, label])
model.compile(optimizer="adam", loss=["sparse_categorical_crossentropy", "mse"])
model.fit(X, [prices, labels], epochs=1, verbose=0)
"""
)

DICT = (
    MODEL
    + """\
model = keras.Model(inputs, {"price": price, "label": label})
model.compile(
    optimizer="adam",
    loss={"price": "sparse_categorical_crossentropy", "label": "mse"},
)
model.fit(X, {"price": prices, "label": labels}, epochs=1, verbose=0)
"""
)

WEIGHTED = LIST.replace('"mse"]', '"mse"], loss_weights=[1.0, 0.5]')

MESSAGE = (
    'the losses of "price" and "label" are swapped: compile at line 13 gives '
    """'sparse_categorical_crossentropy' to "price" (Dense(1, name="price") at line 10) and """
    """'mse' to "label" (Dense(10, activation="softmax", name="label") at line 11), and each """
    'fits the other output\'s targets; Keras raises for "label": mean_squared_error cannot '
    "line up targets (32,) with outputs (batch, 10): the targets (batch,) have fewer axes than "
    "the outputs (batch, 10), so broadcasting lines the batch axis (size 32) up with an axis "
    "of size 10"
)
HINT = """give 'mse' to "price" and 'sparse_categorical_crossentropy' to "label\""""
DICT_HINT = """give 'sparse_categorical_crossentropy' to "label" and 'mse' to "price\""""


def test_a_swapped_loss_list_is_one_finding_naming_the_swap():
    [found] = lint_source(LIST, "t.py")
    assert (found.code, found.line, found.column) == ("SL229", 14, 1)
    assert found.message == MESSAGE
    assert found.hint == HINT
    assert found.fix is not None and found.fix.message == HINT


def test_the_fix_exchanges_the_listed_losses():
    fixed = fix_source(LIST, "t.py").source
    assert fixed == LIST.replace(
        '["sparse_categorical_crossentropy", "mse"]', '["mse", "sparse_categorical_crossentropy"]'
    )
    assert lint_source(fixed, "t.py") == []


def test_the_fix_exchanges_losses_given_by_position():
    positional = LIST.replace('optimizer="adam", loss=[', '"adam", [')
    fixed = fix_source(positional, "t.py").source
    assert fixed == positional.replace(
        '["sparse_categorical_crossentropy", "mse"]', '["mse", "sparse_categorical_crossentropy"]'
    )
    assert lint_source(fixed, "t.py") == []


def test_a_swapped_loss_dict_is_fixed_by_name():
    [found] = lint_source(DICT, "t.py")
    assert (found.code, found.line) == ("SL229", 17)
    # Keras's order of a dict of outputs: its sorted keys
    assert found.hint == DICT_HINT
    fixed = fix_source(DICT, "t.py").source
    assert fixed == DICT.replace(
        '{"price": "sparse_categorical_crossentropy", "label": "mse"}',
        '{"price": "mse", "label": "sparse_categorical_crossentropy"}',
    )
    assert lint_source(fixed, "t.py") == []


def test_no_fix_when_loss_weights_weigh_the_losses():
    [found] = lint_source(WEIGHTED, "t.py")
    assert found.code == "SL229"
    assert found.fix is None


def test_one_wrong_loss_is_not_a_swap():
    """Only the label output's loss is wrong: SL203 as before, no swap."""
    source = LIST.replace('["sparse_categorical_crossentropy", "mse"]', '["mse", "mse"]')
    assert [(d.code, d.line) for d in lint_source(source, "t.py")] == [("SL203", 14)]


def test_a_loss_fitting_two_other_outputs_is_no_swap_one_can_name():
    """Two regression outputs could take the label output's loss: per-output findings."""
    source = (
        MODEL
        + """\
level = layers.Dense(1, name="level")(h)
model = keras.Model(inputs, [price, label, level])
model.compile(
    optimizer="adam",
    loss=["sparse_categorical_crossentropy", "mse", "sparse_categorical_crossentropy"],
)
model.fit(X, [prices, labels, prices], epochs=1, verbose=0)
"""
    )
    codes = sorted((d.code, d.line) for d in lint_source(source, "t.py"))
    assert codes == [("SL203", 18), ("SL204", 18)]

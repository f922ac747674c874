"""Fixes of the Keras 3 breakage rules (SL217 lr=, SL218 nb_epoch=, SL219 predict_proba and
predict_classes), proven in Keras by tests/keras/test_fixes_keras.py through the rules' own bad
examples."""

from __future__ import annotations

from textwrap import dedent

from seqlint.fixing import fix_source

HEADER = """\
from tensorflow import keras
from tensorflow.keras.optimizers import Adam
model = keras.Sequential([keras.Input((4, 3)), keras.layers.LSTM(2), keras.layers.Dense(1)])
"""


def fixed(body: str, *, unsafe: bool = False, header: str = HEADER) -> str:
    return fix_source(header + dedent(body), "<test>", unsafe=unsafe).source[len(header) :]


def test_lr_becomes_learning_rate_also_in_a_class_method() -> None:
    body = """\
    class Agent:
        def build(self):
            model.compile(optimizer=Adam(lr=self.rate, beta_1=0.8), loss="mse")
    """
    assert "Adam(learning_rate=self.rate, beta_1=0.8)" in fixed(body)


def test_lr_is_left_when_the_call_may_pass_a_learning_rate_otherwise() -> None:
    for call in ("Adam(0.01, lr=0.1)", "Adam(lr=0.1, learning_rate=0.1)", "Adam(lr=0.1, **extra)"):
        body = f"optimizer = {call}\n"
        assert fixed(body) == body, call


def test_nb_epoch_becomes_epochs_but_sample_counts_are_not_renamed() -> None:
    assert fixed("model.fit(x, y, nb_epoch=3)\n") == "model.fit(x, y, epochs=3)\n"
    assert fixed("model.fit(x, y, 32, 3, nb_epoch=3)\n") == "model.fit(x, y, 32, 3, nb_epoch=3)\n"
    body = "model.fit(gen, samples_per_epoch=640)\n"
    assert fixed(body) == body


def test_predict_proba_becomes_predict() -> None:
    assert fixed("p = model.predict_proba(x, batch_size=8)\n") == (
        "p = model.predict(x, batch_size=8)\n"
    )
    body = "c = model.predict_classes(x)\n"
    assert fixed(body) == body


def test_predict_classes_becomes_the_argmax_of_predict_with_unsafe_fixes() -> None:
    body = "c = model.predict_classes(x, verbose=0)[:3]\n"
    assert fixed(body) == body  # not a safe fix
    header = HEADER.replace("keras.layers.Dense(1)", "keras.layers.Dense(4)")
    assert fixed(body, unsafe=True, header=header) == (
        "c = model.predict(x, verbose=0).argmax(axis=-1)[:3]\n"
    )


def test_predict_classes_of_one_unit_is_thresholded_at_one_half() -> None:
    assert fixed("c = model.predict_classes(x)\n", unsafe=True) == (
        'c = (model.predict(x) > 0.5).astype("int32")\n'
    )


def test_predict_classes_is_left_when_the_output_units_are_unknown() -> None:
    header = HEADER.replace("keras.layers.Dense(1)", "keras.layers.Dense(n)")
    body = "c = model.predict_classes(x)\n"
    assert fixed(body, unsafe=True, header=header) == body
    loaded = "from keras.models import load_model\nmodel = load_model('m.keras')\n"
    assert fixed(body, unsafe=True, header=loaded) == body


SEQUENTIAL_BATCH = """\
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

X = np.random.rand(4, 1, 7)
model = Sequential()
model.add(LSTM(4, batch_input_shape=(1, X.shape[1], X.shape[2]), stateful=True))
model.add(Dense(1))
"""


def test_batch_input_shape_becomes_an_input_before_the_first_layer() -> None:
    result = fix_source(SEQUENTIAL_BATCH, "<test>").source
    assert result == SEQUENTIAL_BATCH.replace(
        "import LSTM, Dense\n", "import LSTM, Dense, Input\n"
    ).replace(
        "model.add(LSTM(4, batch_input_shape=(1, X.shape[1], X.shape[2]), stateful=True))\n",
        "model.add(Input(batch_shape=(1, X.shape[1], X.shape[2])))\n"
        "model.add(LSTM(4, stateful=True))\n",
    )


def test_batch_input_shape_in_a_list_keeps_the_layout_and_the_comments() -> None:
    source = dedent(
        """\
        from tensorflow import keras
        model = keras.Sequential([
            keras.layers.LSTM(16, stateful=True, batch_input_shape=(4, 10, 3)),  # stateful
            keras.layers.Dense(1),
        ])
        """
    )
    assert fix_source(source, "<test>").source == source.replace(
        "    keras.layers.LSTM(16, stateful=True, batch_input_shape=(4, 10, 3)),  # stateful\n",
        "    keras.layers.Input(batch_shape=(4, 10, 3)),\n"
        "    keras.layers.LSTM(16, stateful=True),  # stateful\n",
    )


def test_batch_input_shape_is_left_where_no_input_can_take_its_place() -> None:
    functional = "x = keras.layers.LSTM(4, batch_input_shape=(1, 5, 3))(inputs)\n"
    second = (
        "m = keras.Sequential([keras.layers.Dense(3), "
        "keras.layers.LSTM(4, batch_input_shape=(1, 5, 3))])\n"
    )
    unpacked = (
        "m = keras.Sequential([keras.layers.LSTM(4, batch_input_shape=(1, 5, 3), **extra)])\n"
    )
    header = "from tensorflow import keras\ninputs = keras.Input(shape=(5, 3))\nextra = {}\n"
    for body in (functional, second, unpacked):
        assert fixed(body, header=header) == body, body

"""A ``keras.losses.Loss`` subclass of the script whose ``call()`` returns a Keras loss on its
own arguments is judged as that loss as Keras calls it: without fitting the targets' rank to
the output's (``fitted`` False), unless the loss it returns is an object with its own wrapper;
any other class or body leaves its verdict unknown."""

from __future__ import annotations

import textwrap

import pytest

from seqlint.dims import Shape
from seqlint.frontend import extract
from seqlint.shapes.losses import Verdict, check_target, resolve_loss
from tests.helpers import lint

HEADER = """\
import tensorflow as tf
import keras
"""


def _loss_of(classes: str, made: str):
    source = (
        HEADER + textwrap.dedent(classes) + f"\nm = keras.Sequential()\nm.compile(loss={made})\n"
    )
    compiled = [c for c in extract(source).training if c.method == "compile"]
    return resolve_loss(compiled[0].args["loss"])


WRAPPER = """\
class Wrapped(keras.losses.Loss):
    def __init__(self, loss, from_logits=False):
        super().__init__()
        self.loss = loss
        self.from_logits = from_logits

    def call(self, y_true, y_pred):
        return self.loss(y_true, y_pred, from_logits=self.from_logits)
"""


@pytest.mark.parametrize(
    ("classes", "made", "known"),
    [
        (
            WRAPPER,
            'Wrapped(keras.losses.get("binary_crossentropy"))',
            ("binary_crossentropy", False, False),
        ),
        (
            WRAPPER,
            "Wrapped(keras.losses.categorical_crossentropy, from_logits=True)",
            ("categorical_crossentropy", True, False),
        ),
        (WRAPPER, 'Wrapped(keras.losses.get("bce"), True)', ("binary_crossentropy", True, False)),
        (
            "class L(tf.keras.losses.Loss):\n    def call(self, y, p):\n        '''doc'''\n"
            "        return keras.losses.sparse_categorical_crossentropy(y, p)\n",
            "L()",
            ("sparse_categorical_crossentropy", False, False),
        ),
        (
            "class L(keras.Loss):\n    def __init__(self):\n        super().__init__()\n"
            "        self.bce = keras.losses.BinaryCrossentropy(from_logits=True)\n"
            "    def call(self, y, p):\n        return self.bce(y, p)\n",
            "L()",
            ("binary_crossentropy", True, True),  # the object's own wrapper fits the ranks
        ),
        (
            "class Base(keras.losses.Loss):\n    pass\n"
            "class L(Base):\n    def call(self, y, p):\n"
            "        return keras.losses.mean_squared_error(y, p)\n",
            "L()",
            ("mean_squared_error", False, False),
        ),
        (
            "class L(keras.losses.Loss):\n    def call(self, y, p):\n"
            '        return keras.losses.get("BinaryCrossentropy")(y, p)\n',
            "L()",
            ("binary_crossentropy", False, True),  # get makes an instance of the class
        ),
    ],
)
def test_a_loss_class_is_the_loss_its_call_returns(classes: str, made: str, known):
    loss = _loss_of(classes, made)
    assert loss is not None
    assert (loss.name, loss.from_logits, loss.fitted) == known
    assert loss.label.split(" (returns ")[0] in ("Wrapped", "L")


@pytest.mark.parametrize(
    ("classes", "made"),
    [
        (WRAPPER, "Wrapped(my_loss)"),  # an unknown loss
        (WRAPPER, 'Wrapped(keras.losses.get("crossentropy"))'),  # not registered with get
        (WRAPPER, 'Wrapped(keras.losses.get("CategoricalGeneralizedCrossEntropy"))'),
        ("class L(keras.losses.Loss):\n    pass\n", "L()"),  # no call()
        (
            "class L(keras.losses.Loss):\n    def call(self, y, p):\n"
            "        return keras.losses.mean_squared_error(tf.reshape(y, (-1, 1)), p)\n",
            "L()",
        ),
        (
            "class L(keras.losses.Loss):\n    def call(self, y, p):\n"
            "        mask = tf.cast(y > 0, 'float32')\n"
            "        return keras.losses.mean_squared_error(y, p) * mask\n",
            "L()",
        ),
        (
            "class L(keras.losses.BinaryCrossentropy):\n    def call(self, y, p):\n"
            "        return keras.losses.binary_crossentropy(y, p)\n",
            "L()",
        ),
        (
            "class L:\n    def call(self, y, p):\n"
            "        return keras.losses.mean_squared_error(y, p)\n",
            "L()",
        ),
    ],
)
def test_other_classes_and_bodies_stay_unknown(classes: str, made: str):
    assert _loss_of(classes, made) is None


SCRIPT = """\
import keras
import numpy as np


class Wrapped(keras.losses.Loss):
    def __init__(self, loss):
        super().__init__()
        self.loss = loss

    def call(self, y_true, y_pred):
        return self.loss(y_true, y_pred)


x = np.random.rand(32, 1)
y = np.random.randint(0, 2, size={y})
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="sgd", loss=Wrapped({loss}))
model.fit(x, y, epochs=1, verbose=0)
"""


def test_flat_targets_of_a_wrapped_crossentropy_are_reported_at_fit():
    found = lint(SCRIPT.format(y="(32,)", loss="keras.losses.binary_crossentropy"))
    assert [(d.code, d.line) for d in found] == [("SL201", 18)]
    assert found[0].message.startswith(
        'Wrapped (returns binary_crossentropy) cannot train Dense(1, activation="sigmoid"): '
        "Wrapped (returns binary_crossentropy) is a Loss subclass: Keras runs its call() on the "
        "targets as they are, without fitting their rank to the output's; binary_crossentropy "
        "needs targets of the same rank as the output (batch, 1)"
    )


@pytest.mark.parametrize(
    ("y", "loss"),
    [
        ("(32, 1)", "keras.losses.binary_crossentropy"),  # the targets have the output's rank
        ("(32,)", "keras.losses.BinaryCrossentropy()"),  # the object fits the ranks itself
        ("(32,)", "keras.losses.mean_squared_error"),  # so does a regression loss function
    ],
)
def test_wrapped_losses_that_fit_are_clean(y: str, loss: str):
    assert lint(SCRIPT.format(y=y, loss=loss)) == []


def test_a_loss_class_under_tf_keras_2_stays_unknown():
    """tf.keras 2 expands the targets before any loss: not modelled for a Loss subclass."""
    loss = _loss_of(WRAPPER, "Wrapped(keras.losses.binary_crossentropy)")
    output = Shape.batched(1)
    assert check_target(loss, (32, 5), output).verdict is Verdict.RAISES
    assert check_target(loss, (32, 5), output, tf_keras2=True).verdict is Verdict.UNKNOWN

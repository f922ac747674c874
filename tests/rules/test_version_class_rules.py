"""SL224 super-init-self, SL225 add-weight-positional-name, SL226 initial-state-tensor,
SL223 save-path-extension and SL217's optimizer.lr: what the table cannot hold."""

import pytest

from seqlint.fixing import fix_source
from tests.helpers import lint

TF = """\
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K
"""


def codes(source: str, target: str = "3") -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in lint(TF + source, target=target)]


def test_super_init_self_in_models_and_layers_and_its_fix():
    source = """\
class Net(keras.Model):
    def __init__(self, **kwargs):
        super(Net, self).__init__(self, **kwargs)


class Block(layers.Layer):
    def __init__(self):
        super().__init__(self, name="block")


class Plain:
    def __init__(self):
        super().__init__(self)
"""
    assert codes(source) == [("SL224", 8), ("SL224", 13)]
    assert codes(source, "2") == []
    fixed = fix_source(TF + source, "<test>").source
    assert "super(Net, self).__init__(**kwargs)" in fixed
    assert 'super().__init__(name="block")' in fixed
    assert "        super().__init__(self)\n" in fixed  # not a Keras class


@pytest.mark.parametrize(
    ("call", "fixed"),
    [
        ('self.add_weight("w", (3,))', 'self.add_weight(name="w", shape=(3,))'),
        (
            'self.add_weight("w", shape=(3,), initializer="ones")',
            'self.add_weight(name="w", shape=(3,), initializer="ones")',
        ),
        (
            'self.add_weight("w", (3,), "float32")',
            'self.add_weight(name="w", shape=(3,), dtype="float32")',
        ),
    ],
)
def test_add_weight_with_the_name_first(call, fixed):
    source = (
        f"class Scale(layers.Layer):\n    def build(self, input_shape):\n        self.w = {call}\n"
    )
    assert codes(source) == [("SL225", 8)]
    assert codes(source, "2") == []
    assert fixed in fix_source(TF + source, "<test>").source


def test_add_weight_by_keyword_or_outside_keras_classes_is_clean():
    source = """\
class Scale(layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(name="w", shape=(3,))
        self.v = self.add_weight(shape=(3,))


class Store:
    def add_weight(self, name, shape):
        return None

    def build(self):
        self.w = self.add_weight("w", (3,))
"""
    assert codes(source) == []


def test_get_initial_state_given_a_tensor():
    source = """\
inputs = keras.Input((5, 3))
rnn = layers.GRU(4)
states = rnn.get_initial_state(inputs)
zeros = rnn.get_initial_state(8)
"""
    assert codes(source) == [("SL226", 8)]
    assert codes(source, "2") == []


@pytest.mark.parametrize(
    ("call", "reported"),
    [
        ('model.save_weights("w.h5")', True),
        ('model.save_weights("w.weights.h5")', False),
        ('model.save("export")', True),
        ('model.save("m.h5")', False),
        ('model.save("m", save_format="tf")', True),
        ("model.save(path)", False),
        ('model.save(f"{run}/model")', True),
        ('model.save(f"{run}/model.keras")', False),
        ('model.save(os.path.join(run, "model.keras"))', False),
        ('model.save(os.path.join(run, "model"))', True),
        ('keras.callbacks.ModelCheckpoint("best.h5", save_weights_only=True)', True),
        ('keras.callbacks.ModelCheckpoint("best.h5", save_weights_only=flag)', False),
        ('keras.callbacks.ModelCheckpoint("best.h5")', False),
        ('keras.callbacks.ModelCheckpoint("best_dir")', True),
    ],
)
def test_save_paths(call, reported):
    source = (
        "import os\npath = run = flag = None\n"
        "model = keras.Sequential([keras.Input((3,)), layers.Dense(1)])\n" + call + "\n"
    )
    assert codes(source) == ([("SL223", 9)] if reported else [])
    assert codes(source, "2") == []


def test_checkpoints_of_keras_3_0_to_3_7_want_keras_files():
    source = 'cb = keras.callbacks.ModelCheckpoint("best.h5")\n'
    assert codes(source, "3.5") == [("SL223", 6)]
    assert codes(source, "3.8") == []


def test_optimizer_lr_reads_and_their_fixes():
    source = """\
model = keras.Sequential([keras.Input((3,)), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
K.set_value(model.optimizer.lr, 0.01)
rate = K.get_value(model.optimizer.lr)
model.optimizer.lr = 0.001
opt = keras.optimizers.Adam()
print(opt.lr)


class Decay(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        print(self.model.optimizer.lr)
"""
    assert codes(source) == [("SL217", 8), ("SL217", 9), ("SL217", 12), ("SL217", 17)]
    assert codes(source, "2") == []
    fixed = fix_source(TF + source, "<test>").source
    assert "model.optimizer.learning_rate.assign(0.01)\n" in fixed
    assert "rate = K.get_value(model.optimizer.learning_rate)" in fixed
    assert "model.optimizer.lr = 0.001" in fixed  # setting it runs: not reported
    assert "print(opt.learning_rate)" in fixed

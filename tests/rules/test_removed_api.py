"""SL221 removed-api: what the target release lacks, from the generated API table."""

import pytest

from seqlint.fixing import fix_source
from tests.helpers import lint

HEADER = """\
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K
model = keras.Sequential([keras.Input((5, 3)), layers.LSTM(4), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
"""


def found(source: str, target: str = "3") -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in lint(source, target=target) if d.code == "SL221"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "from tensorflow.keras.utils import np_utils",
            "tensorflow.keras.utils has no np_utils in Keras {t} (nor in any tensorflow.keras "
            "since TensorFlow 2.6): this import raises ImportError (cannot import name "
            "'np_utils')",
        ),
        (
            "from tensorflow.keras.layers.recurrent import LSTM, GRU",
            "tensorflow.keras.layers.recurrent does not exist in Keras {t} (nor in any "
            "tensorflow.keras since TensorFlow 2.6): this import raises ModuleNotFoundError",
        ),
        (
            "from tensorflow.keras.engine.topology import Layer",
            "tensorflow.keras.engine.topology does not exist in Keras {t} (nor in any "
            "tensorflow.keras since TensorFlow 2.6): this import raises ModuleNotFoundError",
        ),
        (
            "from tensorflow.keras.wrappers.scikit_learn import KerasClassifier",
            "tensorflow.keras.wrappers.scikit_learn does not exist in Keras {t} (removed in "
            "Keras 2.13): this import raises ModuleNotFoundError",
        ),
        (
            "session = K.get_session()",
            "tensorflow.keras.backend.get_session does not exist in Keras {t} (nor in any "
            "tensorflow.keras since TensorFlow 2.6): reaching it raises AttributeError",
        ),
    ],
)
@pytest.mark.parametrize("target", ["2", "3"])
def test_keras2_era_names_gone_under_both(line, message, target):
    assert found(HEADER + line + "\n", target) == [(8, message.format(t=target))]


def test_keras3_removals_name_the_release_and_are_clean_under_keras2():
    body = (
        "v = layers.experimental.preprocessing.TextVectorization()\n"
        "rnn = layers.LSTM(4, time_major=True)\n"
        "model.reset_states()\n"
    )
    assert found(HEADER + body, "2") == []
    assert found(HEADER + body, "3.8") == [
        (
            8,
            "tensorflow.keras.layers.experimental does not exist in Keras 3.8 (removed in Keras "
            "3): reaching it raises AttributeError",
        ),
        (9, "LSTM does not take time_major= in Keras 3.8 (removed in Keras 3): the call raises "
         "before anything runs"),
        (10, "Keras models have no reset_states() in Keras 3.8 (removed in Keras 3): calling it "
         "raises AttributeError"),
    ]  # fmt: skip
    hints = [d.hint for d in lint(HEADER + body, target="3") if d.code == "SL221"]
    assert hints == [
        "use tensorflow.keras.layers.TextVectorization",
        "remove time_major=True",
        "call reset_states() on the stateful layers themselves (layer.reset_states())",
    ]


def test_decay_is_refused_by_tf_keras_only():
    body = "opt = keras.optimizers.Adam(learning_rate=0.01, decay=1e-6)\n"
    assert found(HEADER + body, "3") == []
    ((line, message),) = found(HEADER + body, "2")
    assert line == 8
    assert message == (
        "Adam does not take decay= in Keras 2 (removed in Keras 2.11): the call raises before "
        "anything runs"
    )
    assert found(HEADER + body, "2.10") == []  # tf.keras 2.10's Adam still took it


def test_code_written_for_a_newer_keras_names_the_release_that_added_it():
    body = "from keras import ops\ny = ops.mean(np.zeros((2, 3)))\n"
    ((line, message),) = found(HEADER + body, "2.12")
    assert (line, message) == (
        8,
        "keras has no ops in Keras 2.12 (added in Keras 3): this import raises ImportError "
        "(cannot import name 'ops')",
    )


def test_uses_of_a_name_whose_import_fails_are_not_reported_again():
    body = "from tensorflow.keras.utils import np_utils\ny = np_utils.to_categorical([1], 2)\n"
    assert [line for line, _ in found(HEADER + body)] == [8]


def test_an_import_guarded_by_its_exception_is_a_fallback():
    body = (
        "try:\n    from tensorflow.keras.layers.embeddings import Embedding\n"
        "except ImportError:\n    from tensorflow.keras.layers import Embedding\n"
    )
    assert found(HEADER + body) == []


def test_an_uncovered_release_gets_nothing():
    assert found(HEADER + "from tensorflow.keras.utils import np_utils\n", "2.4") == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "from tensorflow.keras.layers.core import Dense, Dropout\n",
            "from tensorflow.keras.layers import Dense, Dropout\n",
        ),
        (
            "from tensorflow.keras.utils.np_utils import to_categorical\n",
            "from tensorflow.keras.utils import to_categorical\n",
        ),
        (
            "v = layers.experimental.preprocessing.TextVectorization()\n",
            "v = layers.TextVectorization()\n",
        ),
        (
            "v = tf.keras.layers.experimental.preprocessing.Normalization()\n",
            "v = tf.keras.layers.Normalization()\n",
        ),
    ],
)
def test_fix_when_the_table_names_a_drop_in_replacement(before, after):
    fixed = fix_source(HEADER + before, "<test>").source
    assert fixed == HEADER + after
    assert found(fixed) == []


def test_no_fix_when_the_name_the_code_starts_from_would_change():
    source = (
        HEADER
        + "from tensorflow.keras.layers import experimental\n"
        + "v = experimental.preprocessing.TextVectorization()\n"
    )
    assert fix_source(source, "<test>").source == source

"""Keras is recognised however it is imported, and only Keras is."""

import textwrap

import pytest

from seqlint.frontend import extract
from seqlint.frontend.imports import keras_path
from seqlint.frontend.keras_api import role_of


def kinds(source: str) -> list[str]:
    """Kinds of the nodes of a snippet whose last line applies a layer to ``x``."""
    return [node.layer.kind for node in extract(textwrap.dedent(source)).nodes]


IMPORT_STYLES = {
    "import tensorflow as tf": "tf.keras.layers.LSTM(4)",
    "from tensorflow import keras": "keras.layers.LSTM(4)",
    "import keras": "keras.layers.LSTM(4)",
    "from keras import layers": "layers.LSTM(4)",
    "from tensorflow.keras.layers import LSTM as L": "L(4)",
    "import tensorflow.keras.layers as kl": "kl.LSTM(4)",
    "from tensorflow.keras import layers": "layers.LSTM(4)",
    "from keras.layers import *": "LSTM(4)",
    "from tensorflow.keras.layers import *": "LSTM(4)",
    "import tf_keras": "tf_keras.layers.LSTM(4)",
    "from tensorflow.python.keras.layers import LSTM": "LSTM(4)",
    "from keras.src.layers.rnn.lstm import LSTM": "LSTM(4)",
    "from keras.layers.recurrent import LSTM": "LSTM(4)",
    "import tensorflow.keras": "tensorflow.keras.layers.LSTM(4)",
}


@pytest.mark.parametrize(("imports", "constructor"), IMPORT_STYLES.items())
def test_layer_kind_resolves_for_every_import_style(imports: str, constructor: str) -> None:
    assert kinds(f"{imports}\nx = {constructor}(x)\n") == ["", "LSTM"]


@pytest.mark.parametrize(
    "source",
    [
        "import keras\nx = keras.Input(shape=(3,))\n",
        "import keras\nx = keras.layers.Input(shape=(3,))\n",
        "from tensorflow.keras import Input\nx = Input(shape=(3,))\n",
        "import tensorflow as tf\nx = tf.keras.Input(shape=(3,))\n",
        "from keras.layers import *\nx = Input(shape=(3,))\n",
    ],
)
def test_input_resolves(source: str) -> None:
    (node,) = extract(source).nodes
    assert node.layer.kind == "Input"
    assert node.layer.config == {"shape": (3,)}


@pytest.mark.parametrize(
    "source",
    [
        "from keras.models import Sequential\nm = Sequential()\n",
        "import keras\nm = keras.Sequential()\n",
        "import keras\nm = keras.models.Sequential()\n",
        "import tensorflow as tf\nm = tf.keras.Sequential()\n",
        "from keras.models import *\nm = Sequential()\n",
    ],
)
def test_sequential_resolves(source: str) -> None:
    (model,) = extract(source).models
    assert model.kind == "sequential"


@pytest.mark.parametrize(
    "model",
    ["keras.Model", "keras.models.Model", "Model", "tf.keras.Model", "tf.keras.models.Model"],
)
def test_functional_model_resolves(model: str) -> None:
    source = f"""
        import keras
        import tensorflow as tf
        from keras.models import Model
        i = keras.Input(shape=(3,))
        m = {model}(i, keras.layers.Dense(2)(i))
    """
    (found,) = extract(textwrap.dedent(source)).models
    assert found.kind == "functional"


def test_local_class_named_like_a_keras_layer_is_not_keras() -> None:
    source = """
        class LSTM:
            pass
        from mylib import GRU
        x = LSTM(4)(x)
        x = GRU(4)(x)
    """
    assert "LSTM" not in kinds(source)
    assert "GRU" not in kinds(source)


def test_local_keras_subclass_without_call_is_an_unmodelled_layer_named_after_the_class() -> None:
    source = """
        from tensorflow.keras import layers
        class Block(layers.Layer):
            def call(self, x):
                return x
        class Attention(layers.Layer):
            pass
        x = Block(units=3)(x)
        x = Attention()(x)
    """
    ir = extract(textwrap.dedent(source))
    assert len(ir.nodes) == 3  # Block's call returns its input: an Identity step of its own
    assert (ir.nodes[1].layer.kind, ir.nodes[1].layer.label) == ("Identity", "Block(units=3)")
    attention = ir.nodes[2]
    assert attention.layer.kind not in ("Attention", "")  # never passed off as keras's
    assert attention.layer.kind == "Attention (custom)"


def test_a_later_non_keras_star_import_disables_star_resolution() -> None:
    source = """
        from keras.layers import *
        from numpy import *
        x = concatenate([a, b])
    """
    assert kinds(source) == []


def test_aliases_normalise_to_the_canonical_kind() -> None:
    source = """
        from keras.layers import Convolution1D, MaxPool1D
        x = Convolution1D(8, 3)(x)
        x = MaxPool1D(2)(x)
    """
    assert kinds(source)[1:] == ["Conv1D", "MaxPooling1D"]


def test_merge_helpers_apply_a_merge_layer_at_once() -> None:
    source = """
        from keras import layers
        a = layers.Input(shape=(4,))
        b = layers.Input(shape=(4,))
        c = layers.concatenate([a, b], axis=-1)
        d = layers.add([a, b])
    """
    ir = extract(textwrap.dedent(source))
    concat, add = ir.nodes[2], ir.nodes[3]
    assert (concat.layer.kind, concat.layer.config, concat.as_list) == (
        "Concatenate",
        {"axis": -1},
        True,
    )
    assert [r.node_id for r in concat.inputs] == [0, 1]
    assert (add.layer.kind, add.as_list) == ("Add", True)


@pytest.mark.parametrize(
    ("qualname", "path"),
    [
        ("tensorflow.keras.layers.LSTM", "layers.LSTM"),
        ("tensorflow.python.keras.layers.LSTM", "layers.LSTM"),
        ("tf_keras.layers.LSTM", "layers.LSTM"),
        ("keras.src.layers.rnn.lstm.LSTM", "layers.rnn.lstm.LSTM"),
        ("keras.Sequential", "Sequential"),
        ("keras", ""),
        ("kerasx.layers.LSTM", None),
        ("tensorflow.nn.relu", None),
    ],
)
def test_keras_path(qualname: str, path: str | None) -> None:
    assert keras_path(qualname) == path


@pytest.mark.parametrize(
    ("path", "what", "kind"),
    [
        ("layers.LSTM", "layer", "LSTM"),
        ("layers.rnn.lstm.LSTM", "layer", "LSTM"),
        ("layers.GlobalAvgPool1D", "layer", "GlobalAveragePooling1D"),
        ("models.Sequential", "sequential", ""),
        ("Model", "model", ""),
        ("layers.Input", "input", ""),
        ("layers.concatenate", "merge", "Concatenate"),
        ("optimizers.Adam", "object", "optimizers.Adam"),
        ("losses.SparseCategoricalCrossentropy", "object", "losses.SparseCategoricalCrossentropy"),
        ("losses.mse", "other", ""),
        ("utils.to_categorical", "to_categorical", ""),
        ("preprocessing.sequence.pad_sequences", "pad_sequences", ""),
        ("preprocessing.sequence.TimeseriesGenerator", "timeseries", "TimeseriesGenerator"),
    ],
)
def test_role_of(path: str, what: str, kind: str) -> None:
    role = role_of(path)
    assert (role.what, role.kind) == (what, kind)

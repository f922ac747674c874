"""The data shapes seqlint follows, against the real libraries: numpy, TensorFlow, tf.data,
scikit-learn and TextVectorization compute the same shapes (an unknown dim matches any size,
never a different rank)."""

from __future__ import annotations

import os
import textwrap

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
tf = pytest.importorskip("tensorflow")
keras = pytest.importorskip("keras")
np = pytest.importorskip("numpy")

from seqlint.dims import UNKNOWN, Sym  # noqa: E402
from seqlint.ir import Array, Batches  # noqa: E402
from tests.frontend.test_training import training  # noqa: E402
from tests.frontend.test_values import evaluate  # noqa: E402

pytestmark = pytest.mark.keras


def run_real(setup: str, expression: str) -> object:
    namespace: dict[str, object] = {}
    source = f"""
import numpy as np
import tensorflow as tf
import keras
from keras.utils import to_categorical, pad_sequences
{setup}
__result__ = {expression}
"""
    exec(textwrap.dedent(source), namespace)  # noqa: S102 (the test's own snippets)
    return namespace["__result__"]


def agrees(ours: tuple | None, real: tuple) -> bool:
    """Our shape is the real one, with unknown dims standing for any size."""
    if ours is None:
        return False
    return len(ours) == len(real) and all(
        o is UNKNOWN or o == r for o, r in zip(ours, real, strict=True)
    )


def known_dims(shape: tuple) -> tuple:
    return tuple(None if d is UNKNOWN else d for d in shape)


CHAINS = [
    ("X = np.zeros((10, 6))", "np.array(X, dtype='float32')"),
    ("X = np.zeros((10, 6))", "np.reshape(X, (-1, 6, 1))"),
    ("import tensorflow as tf\nX = np.zeros((10, 6))", "tf.reshape(X, [-1, 3, 2])"),
    ("import tensorflow as tf\nX = np.zeros((10, 6))", "tf.expand_dims(X, axis=-1)"),
    ("import tensorflow as tf\nX = np.zeros((10, 6))", "tf.convert_to_tensor(X)"),
    ("import tensorflow as tf\ny = np.zeros((10,), 'int32')", "tf.one_hot(y, depth=4)"),
    ("X = np.zeros((10, 6))", "X.astype('float32')[:, :, None]"),
    ("X = np.zeros((10, 6))", "np.asarray(X)[..., np.newaxis]"),
    ("a = np.zeros((5, 3))", "np.stack([a, a, a])"),
    ("a = np.zeros((5, 3))", "np.stack((a, a), axis=-1)"),
    ("a = np.zeros((5, 3))\nb = np.zeros((2, 3))", "np.concatenate([a, b])"),
    ("a = np.zeros((5, 3))", "np.concatenate((a, a[:, :1]), axis=-1)"),
    ("a = np.zeros((5, 3))\nitems = range(4)", "np.stack([a for i in items], axis=1)"),
    ("rows = range(7)", "np.array([np.zeros((4, 2)) for row in rows])"),
    ("", "pad_sequences([[1, 2, 3], [4]])"),
    (
        "data = np.random.rand(500, 3)\nlook_back = 10",
        "np.array([data[i:(i + look_back)] for i in range(len(data) - look_back)])",
    ),
    (
        "data = np.random.rand(300, 4)\nrows, targets, labels = [], [], []\n"
        "for i in range(len(data) - 12):\n"
        "    rows.append(data[i:i + 12])\n"
        "    targets.append(data[i + 12:i + 13, 0])\n"
        "    labels.append(data[i + 12, 0])",
        "(np.array(rows), np.array(targets), np.array(labels), "
        "np.array([data[i + 12] for i in range(len(data) - 12)]))",
    ),
    ("X = np.zeros((40, 7), 'int32')", "pad_sequences([x[:3] for x in X], maxlen=5)"),
    ("X = np.zeros((40, 7, 2))", "pad_sequences([x for x in X], maxlen=5, dtype='float32')"),
    ("docs = range(6)", "pad_sequences([np.zeros(4) for s in docs], maxlen=9)"),
    (
        "from sklearn.model_selection import train_test_split\n"
        "X = np.zeros((100, 20, 3)); y = np.zeros(100)\n"
        "X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)",
        "(X_train, X_test, y_train, y_test)",
    ),
    (
        "from sklearn.model_selection import train_test_split\n"
        "X = np.zeros((33, 4)); y = np.zeros((33, 1))\n"
        "parts = train_test_split(X, y, train_size=0.7, test_size=5)",
        "tuple(parts)",
    ),
    (
        "from sklearn.preprocessing import MinMaxScaler, StandardScaler\n"
        "X = np.random.rand(50, 4)\nscaler = MinMaxScaler().fit(X)",
        "(scaler.transform(X), StandardScaler().fit_transform(X))",
    ),
    (
        "from sklearn.preprocessing import MaxAbsScaler, Normalizer, PowerTransformer, "
        "QuantileTransformer, RobustScaler\nX = np.random.rand(50, 4)",
        "(MaxAbsScaler().fit_transform(X), RobustScaler().fit_transform(X), "
        "Normalizer().fit_transform(X), PowerTransformer().fit_transform(X), "
        "QuantileTransformer(n_quantiles=10).fit_transform(X))",
    ),
    (
        "from sklearn.preprocessing import LabelEncoder, StandardScaler",
        "(StandardScaler().fit_transform([[1, 2], [3, 4], [5, 6]]), "
        "LabelEncoder().fit_transform(['b', 'a', 'b']))",
    ),
    (
        "from sklearn.preprocessing import LabelEncoder\ny = np.array([[3], [1], [3]])",
        "LabelEncoder().fit_transform(y)",
    ),
    (
        "from sklearn.datasets import make_classification, make_regression",
        "(*make_classification(n_samples=200, n_features=8, n_informative=4, n_classes=3), "
        "*make_regression(100, 5, n_targets=2), *make_regression())",
    ),
    (
        "vectorizer = keras.layers.TextVectorization(max_tokens=50, output_sequence_length=6)\n"
        "vectorizer.adapt(['a b c', 'd e'])",
        "(vectorizer(['a b', 'c', 'd e f']), vectorizer(np.array([['a b'], ['c']])).numpy())",
    ),
]


@pytest.mark.parametrize(("setup", "expression"), CHAINS)
def test_shapes_agree_with_the_real_libraries(setup: str, expression: str) -> None:
    real = run_real(setup, expression)
    ours = evaluate(setup, expression)
    reals = real if isinstance(real, tuple) else (real,)
    ourss = ours if isinstance(ours, tuple) else (ours,)
    assert len(ourss) == len(reals)
    for mine, theirs in zip(ourss, reals, strict=True):
        assert isinstance(mine, Array)
        assert agrees(mine.shape, tuple(theirs.shape)), (mine.shape, theirs.shape)


DATA = """
X = np.random.rand(100, 20, 3).astype("float32")
y = np.random.randint(0, 5, size=(100,))
ids = np.random.randint(0, 65, size=(1000,))
def split_input_target(chunk):
    return chunk[:-1], chunk[1:]
texts = ["good film", "bad film", "great", "awful plot"]
labels = np.array([1, 0, 1, 0])
vectorizer = keras.layers.TextVectorization(max_tokens=100, output_sequence_length=8)
vectorizer.adapt(texts)
"""

PIPELINES = [
    "tf.data.Dataset.from_tensor_slices((X, y))",
    "tf.data.Dataset.from_tensor_slices((X, y)).batch(32)",
    "tf.data.Dataset.from_tensor_slices((X, y)).shuffle(100).batch(16, drop_remainder=True)"
    ".cache().prefetch(tf.data.AUTOTUNE).repeat()",
    "tf.data.Dataset.zip((tf.data.Dataset.from_tensor_slices(X), "
    "tf.data.Dataset.from_tensor_slices(y))).batch(8)",
    "tf.data.Dataset.from_tensor_slices((X, y)).map(lambda a, b: (a[:, :2], tf.one_hot(b, 5)))"
    ".batch(4)",
    "tf.data.Dataset.from_tensors((X, y))",
    "tf.data.Dataset.from_tensor_slices((X, y)).batch(4).unbatch()",
    "tf.data.Dataset.from_tensor_slices(ids).batch(101, drop_remainder=True)"
    ".map(split_input_target).batch(8, drop_remainder=True)",
    "tf.data.Dataset.from_tensor_slices((X, y)).padded_batch(4, drop_remainder=True).take(2)",
    "tf.data.Dataset.from_tensor_slices((texts, labels)).batch(2)"
    ".map(lambda a, b: (vectorizer(tf.expand_dims(a, -1)), b))",
    "tf.data.Dataset.from_tensor_slices((texts, labels)).map(lambda a, b: (vectorizer(a), b))",
]


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_dataset_elements_agree_with_tf_data(pipeline: str) -> None:
    spec = run_real(DATA, pipeline).element_spec
    model = (
        "from tensorflow import keras\n"
        "model = keras.Sequential([keras.Input((20, 3)), keras.layers.LSTM(4)])\n"
    )
    (call,) = training(f"{model}{DATA}ds = {pipeline}\nmodel.fit(ds)")
    batches = call.args["x"]
    assert isinstance(batches, Batches)
    for mine, theirs in zip((batches.x, batches.y), spec, strict=True):
        assert known_dims(mine.shape) == tuple(theirs.shape), (mine.shape, theirs.shape)


def test_text_vectorization_symbolic_outputs_agree() -> None:
    for shape in ((), (1,)):
        for length in (7, None):
            layer = keras.layers.TextVectorization(output_sequence_length=length)
            output = layer(keras.Input(shape=shape, dtype="string"))
            assert tuple(output.shape) == (None, length)


UNBATCHED = """
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
X = np.random.rand(16, 10, 3).astype("float32")
y = np.random.rand(16, 1).astype("float32")
ds = tf.data.Dataset.from_tensor_slices((X, y)).shuffle(16)
"""


@pytest.mark.parametrize(
    ("model", "raised"),
    [
        ("model = keras.Sequential([layers.LSTM(4), layers.Dense(1)])", "expected ndim=3"),
        (
            "inputs = keras.Input((10, 3))\n"
            "model = keras.Model(inputs, layers.Dense(1)(layers.LSTM(4)(inputs)))",
            r"expected shape=\(None, 10, 3\), found shape=\(10, 3\)",
        ),
    ],
)
def test_an_unbatched_dataset_raises_where_seqlint_reports(model: str, raised: str) -> None:
    from seqlint.analysis import lint_source

    source = f"{UNBATCHED}{model}\nmodel.compile(optimizer='adam', loss='mse')\n"
    fit = "model.fit(ds, epochs=1, verbose=0)\n"
    found = [(d.code, d.line) for d in lint_source(source + fit, "unbatched.py")]
    assert found == [("SL209", len(source.splitlines()) + 1)]
    with pytest.raises(ValueError, match=raised):
        exec(source + fit, {})  # noqa: S102
    exec(source + fit.replace("ds,", "ds.batch(4),"), {})  # noqa: S102
    assert not lint_source(source + fit.replace("ds,", "ds.batch(4),"), "batched.py")


def test_keras2_tokenizer_shapes_agree() -> None:
    """Keras 3 has no ``Tokenizer``: its Keras 2 twin (tf_keras) makes the data."""
    pytest.importorskip("tf_keras")
    tokenizer_module = "tf_keras.preprocessing.text"
    setup = """
texts = ["a good movie", "bad", "not bad at all", "good good good fun"]
tokenizer = Tokenizer(num_words=6, oov_token="<unk>")
tokenizer.fit_on_texts(texts)
sequences = tokenizer.texts_to_sequences(texts)
grams = []
for line in texts:
    tokens = tokenizer.texts_to_sequences([line])[0]
    for i in range(1, len(tokens)):
        grams.append(tokens[:i + 1])
"""
    expressions = (
        "pad_sequences(sequences, maxlen=7)",
        "pad_sequences(sequences)",
        "tokenizer.texts_to_matrix(texts, mode='binary')",
        "pad_sequences([np.array(s) for s in sequences], maxlen=3)",
        "pad_sequences(grams, maxlen=5)",
    )
    for expression in expressions:
        real = run_real(f"from {tokenizer_module} import Tokenizer\n{setup}", expression)
        ours = evaluate(
            f"from tensorflow.keras.preprocessing.text import Tokenizer\n{setup}", expression
        )
        assert agrees(ours.shape, real.shape), (expression, ours.shape, real.shape)
    size = "len(tokenizer.word_index) + 1"  # the words found at run time, plus padding
    assert run_real(f"from {tokenizer_module} import Tokenizer\n{setup}", size) == 10
    ours = evaluate(f"from tensorflow.keras.preprocessing.text import Tokenizer\n{setup}", size)
    assert ours == Sym("(len(tokenizer.word_index))+1")


def test_scalers_and_label_encoders_reject_other_ranks() -> None:
    """Why a scaled frame is 2-D and encoded labels 1-D: scikit-learn raises otherwise."""
    preprocessing = pytest.importorskip("sklearn.preprocessing")
    for data in (np.zeros(5), np.zeros((5, 3, 2))):
        with pytest.raises(ValueError):
            preprocessing.StandardScaler().fit_transform(data)
    with pytest.raises(ValueError):
        preprocessing.LabelEncoder().fit_transform(np.zeros((5, 2)))

"""Data preparation the way users write it: scikit-learn, numpy/TF chains, text, tf.data."""

from __future__ import annotations

import pytest

from seqlint.dims import UNKNOWN, Sym
from seqlint.frontend.sklearn_api import _split_counts
from seqlint.ir import Array, Batches
from tests.frontend.test_training import training
from tests.frontend.test_values import evaluate


def fitted(body: str) -> Batches | Array:
    """The ``x`` the last ``model.fit`` of ``body`` receives."""
    return training(body)[-1].args["x"]


def shape_of(setup: str, expression: str) -> tuple | None:
    value = evaluate(setup, expression)
    assert isinstance(value, Array), value
    return value.shape


# -- scikit-learn ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "test_size", "train_size", "expected"),
    [
        (100, None, None, (75, 25)),  # test_size defaults to 0.25
        (10, None, None, (7, 3)),  # ceil(2.5) for the test part
        (100, 0.2, None, (80, 20)),
        (7, 0.3, None, (4, 3)),
        (100, 30, None, (70, 30)),
        (100, None, 0.67, (67, 33)),
        (10, None, 0.75, (7, 3)),  # floor(7.5) for the train part
        (100, 0.1, 0.5, (50, 10)),
        (100, 10, 20, (20, 10)),
        (100, 1.5, None, (UNKNOWN, UNKNOWN)),  # scikit-learn raises
        (100, 100, None, (UNKNOWN, UNKNOWN)),
        (100, 0.6, 0.6, (UNKNOWN, UNKNOWN)),
        (UNKNOWN, 0.2, None, (UNKNOWN, UNKNOWN)),
    ],
)
def test_split_counts_follow_scikit_learn(n, test_size, train_size, expected) -> None:
    assert _split_counts(n, test_size, train_size) == expected


def test_split_counts_match_the_real_scikit_learn() -> None:
    model_selection = pytest.importorskip("sklearn.model_selection")
    np = pytest.importorskip("numpy")
    sizes = [None, 0.1, 0.2, 0.25, 0.3, 0.33, 0.5, 0.7, 0.9, 1, 3, 10, 49]
    for n in (5, 7, 10, 33, 50, 99, 100, 1000):
        for test_size in sizes:
            for train_size in sizes:
                ours = _split_counts(n, test_size, train_size)
                try:
                    a, b = model_selection.train_test_split(
                        np.zeros(n), test_size=test_size, train_size=train_size
                    )
                except ValueError:
                    assert ours == (UNKNOWN, UNKNOWN), (n, test_size, train_size)
                    continue
                assert ours == (len(a), len(b)), (n, test_size, train_size)


@pytest.mark.parametrize(
    "imported",
    [
        "from sklearn.model_selection import train_test_split",
        "from sklearn.model_selection import train_test_split as tts\ntrain_test_split = tts",
        "import sklearn.model_selection as ms\ntrain_test_split = ms.train_test_split",
        "from sklearn import model_selection\ntrain_test_split = model_selection.train_test_split",
    ],
)
def test_train_test_split_keeps_every_rank(imported: str) -> None:
    setup = f"""{imported}
X = np.random.rand(100, 20, 3)
y = np.random.randint(0, 4, size=(100,))
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
"""
    shapes = "tuple(X_train.shape), tuple(X_test.shape), tuple(y_train.shape), tuple(y_test.shape)"
    assert evaluate(setup, shapes) == (
        (80, 20, 3),
        (20, 20, 3),
        (80,),
        (20,),
    )
    y_train = evaluate(setup, "y_train")
    assert (y_train.name, y_train.dtype, y_train.value_range) == ("y_train", "int", (0, 4))


def test_train_test_split_of_unknown_sample_count_keeps_the_rank() -> None:
    setup = """
from sklearn.model_selection import train_test_split
X = frame.values.reshape(-1, 10, 1)
a, b = train_test_split(X, shuffle=False)
"""
    assert shape_of(setup, "a") == (UNKNOWN, 10, 1)
    assert shape_of(setup, "b") == (UNKNOWN, 10, 1)
    assert evaluate(
        "from sklearn.model_selection import train_test_split\na, b = train_test_split(X)", "a"
    ) == Sym("a")


def test_scalers_keep_the_shape_of_2d_data_and_label_encoders_give_1d_labels() -> None:
    setup = """
from sklearn.preprocessing import MinMaxScaler, StandardScaler, LabelEncoder
X = np.random.rand(50, 4)
scaler = MinMaxScaler(feature_range=(0, 1))
scaler.fit(X)
A = scaler.transform(X)
B = StandardScaler().fit_transform(X)
C = scaler.fit(X).transform(X[:10])
D = StandardScaler().fit_transform(np.zeros((5, 3, 2)))
labels = LabelEncoder().fit_transform(np.zeros((50, 1)))
"""
    assert shape_of(setup, "A") == (50, 4)
    assert shape_of(setup, "B") == (50, 4)
    assert shape_of(setup, "C") == (10, 4)
    assert shape_of(setup, "D") is None  # scikit-learn raises on 3-D data
    frames = "from sklearn.preprocessing import StandardScaler, LabelEncoder"
    assert shape_of(frames, "StandardScaler().fit_transform(df[['a', 'b']])") == (UNKNOWN, UNKNOWN)
    assert shape_of(frames, "LabelEncoder().fit_transform(df['label'])") == (UNKNOWN,)
    scaled = f"{frames}\nX = StandardScaler().fit_transform(df)"
    assert evaluate(scaled, "X.shape[1], X.shape[-1]") == (Sym("X.shape[1]"), Sym("X.shape[-1]"))
    encoded = "from sklearn.preprocessing import OneHotEncoder\nX = np.zeros((50, 1))"
    assert evaluate(encoded, "OneHotEncoder().fit_transform(X)") is UNKNOWN  # not modelled
    for scaler in (
        "MaxAbsScaler()",
        "RobustScaler()",
        "Normalizer()",
        "PowerTransformer()",
        "QuantileTransformer(n_quantiles=10)",
    ):
        other = f"from sklearn.preprocessing import {scaler.split('(')[0]}\n{setup}"
        assert shape_of(other, f"{scaler}.fit_transform(X)") == (50, 4), scaler
    labels = evaluate(setup, "labels")
    assert (labels.shape, labels.dtype) == ((50,), "int")


def test_toy_data_sets() -> None:
    setup = """
from sklearn.datasets import make_classification, make_regression
X, y = make_classification(n_samples=200, n_features=8, n_classes=3)
R, t = make_regression(100, 5, n_targets=2)
D, d = make_regression()
"""
    shapes = [shape_of(setup, name) for name in ("X", "y", "R", "t", "D", "d")]
    assert shapes == [(200, 8), (200,), (100, 5), (100, 2), (100, 100), (100,)]
    assert evaluate(setup, "y").value_range == (0, 3)


# -- numpy and TensorFlow chains --------------------------------------------------------------


@pytest.mark.parametrize(
    ("setup", "expression", "shape"),
    [
        ("X = np.zeros((10, 6))", "np.array(X, dtype='float32')", (10, 6)),
        ("X = np.zeros((10, 6))", "np.asarray(X)", (10, 6)),
        ("X = np.zeros((10, 6))", "np.reshape(X, (-1, 6, 1))", (10, 6, 1)),
        ("import tensorflow as tf\nX = np.zeros((10, 6))", "tf.reshape(X, [-1, 3, 2])", (10, 3, 2)),
        (
            "import tensorflow as tf\nX = np.zeros((10, 6))",
            "tf.expand_dims(X, axis=-1)",
            (10, 6, 1),
        ),
        ("import tensorflow as tf\nX = np.zeros((10, 6))", "tf.convert_to_tensor(X)", (10, 6)),
        (
            "import tensorflow as tf\ny = np.zeros((10,), 'int32')",
            "tf.one_hot(y, depth=4)",
            (10, 4),
        ),
        ("X = np.zeros((10, 6))", "X.astype('float32')[:, :, None]", (10, 6, 1)),
        ("X = np.zeros((10, 6))", "np.asarray(X)[..., np.newaxis]", (10, 6, 1)),
        ("a = np.zeros((5, 3))", "np.stack([a, a, a])", (3, 5, 3)),
        ("a = np.zeros((5, 3))", "np.stack((a, a), axis=-1)", (5, 3, 2)),
        ("a = np.zeros((5, 3))", "np.stack([a for i in items], axis=1)", (5, UNKNOWN, 3)),
        ("", "np.array([np.zeros((4, 2)) for row in rows])", (UNKNOWN, 4, 2)),
        ("", "np.array([[0.5, 1.5], [2.0, 3.0]], dtype='float32')", (2, 2)),
        ("", "df.values", None),
        ("", "df.values.reshape(-1, 1)", (UNKNOWN, 1)),
        ("", "df['close'].to_numpy().reshape(-1, 30, 1)", (UNKNOWN, 30, 1)),
        ("", "np.array(df[cols]).reshape(-1, 5, 2)", (UNKNOWN, 5, 2)),
        ("", "np.stack([a, b])", None),
        ("", "np.sin(np.arange(300) / 10.0)", (300,)),
        ("a = np.zeros((5, 3))", "np.clip(np.log1p(a), 0, 1)", (5, 3)),
        ("a = np.zeros((5, 3))\nb = np.zeros((2, 3))", "np.concatenate([a, b])", (7, 3)),
        ("a = np.zeros((5, 3))", "np.concatenate((a, a[:, :1]), axis=-1)", (5, 4)),
        ("a = np.zeros((5, 3))", "np.concatenate([a, np.zeros((4, n))])", (9, UNKNOWN)),
        ("a = np.zeros((5, 3))", "np.concatenate([a, np.zeros(5)])", None),
    ],
)
def test_numpy_and_tensorflow_chains(setup: str, expression: str, shape: tuple | None) -> None:
    assert shape_of(setup, expression) == shape


def test_dtypes_follow_the_conversions() -> None:
    setup = "X = np.random.randint(0, 5, size=(10, 6))"
    assert evaluate(setup, "np.array(X, dtype='float32')").dtype == "float"
    assert evaluate(setup, "np.asarray(X, dtype=np.float32)").dtype == "float"
    assert evaluate(setup, "np.array(X)").dtype == "int"
    assert evaluate("import tensorflow as tf\n" + setup, "tf.cast(X, tf.float32)").dtype == "float"


# -- text ---------------------------------------------------------------------------------------

TEXT = """
from tensorflow.keras.preprocessing.text import Tokenizer
texts = ["a good movie", "bad", "not bad at all"]
tokenizer = Tokenizer(num_words=1000, oov_token="<unk>")
tokenizer.fit_on_texts(texts)
sequences = tokenizer.texts_to_sequences(texts)
"""


def test_tokenizer_sequences_padded_are_samples_by_maxlen() -> None:
    assert shape_of(TEXT, "pad_sequences(sequences, maxlen=20)") == (3, 20)
    assert shape_of(TEXT, "pad_sequences(sequences, 20, padding='post')") == (3, 20)
    assert shape_of(TEXT, "pad_sequences(sequences)") == (3, UNKNOWN)  # the longest
    assert shape_of(TEXT, "tokenizer.texts_to_matrix(texts, mode='binary')") == (3, 1000)
    padded = evaluate(TEXT, "pad_sequences(tokenizer.texts_to_sequences(unknown), maxlen=n)")
    assert (padded.shape, padded.dtype, padded.zero_padded) == ((UNKNOWN, Sym("n")), "int", True)


@pytest.mark.parametrize(
    ("setup", "expression", "shape"),
    [
        ("", "pad_sequences([[1, 2, 3], [4]])", (2, 3)),
        ("", "pad_sequences([[1, 2, 3], [4]], maxlen=2)", (2, 2)),
        ("", "pad_sequences([np.array(s) for s in enc], maxlen=5)", None),  # items unknown
        ("X = np.zeros((40, 7), 'int32')", "pad_sequences([x[:3] for x in X], maxlen=5)", (40, 5)),
        (
            "X = np.zeros((40, 7, 2))",
            "pad_sequences([x for x in X], maxlen=5, dtype='float32')",
            (40, 5, 2),
        ),
        ("", "pad_sequences([np.zeros(4) for s in docs], maxlen=9)", (UNKNOWN, 9)),
        ("", "pad_sequences([[1, 2], [np.zeros(2)]])", None),
        ("", "pad_sequences([[w for w in s] for s in docs], maxlen=9)", None),
        ("", "pad_sequences([[1 for w in s] for s in docs], maxlen=9)", (UNKNOWN, 9)),
    ],
)
def test_pad_sequences_of_lists_of_sequences(setup: str, expression: str, shape) -> None:
    assert shape_of(setup, expression) == shape


def test_vocabulary_sizes_are_named_symbols() -> None:
    assert evaluate(TEXT, "len(tokenizer.word_index) + 1") == Sym("(len(tokenizer.word_index))+1")
    assert evaluate("tok = load_tokenizer()", "len(tok.word_index)") == Sym("len(tok.word_index)")
    assert evaluate("chars = sorted(list(set(text)))", "len(chars)") == Sym("len(chars)")
    assert evaluate(TEXT, "tokenizer.num_words") == 1000


def test_text_vectorization_called_on_data() -> None:
    setup = """
vectorizer = keras.layers.TextVectorization(max_tokens=5000, output_sequence_length=64)
vectorizer.adapt(texts)
"""
    assert shape_of(setup, "vectorizer(['a b', 'c', 'd e f'])") == (3, 64)
    assert shape_of(setup, "vectorizer(np.zeros((10, 1)))") == (10, 64)
    assert shape_of(setup, "vectorizer(['a', 'b']).numpy()") == (2, 64)
    assert shape_of(setup, "vectorizer(texts)") is None  # rank of texts unknown
    ids = evaluate(setup, "vectorizer([s for s in texts])")
    assert (ids.shape, ids.dtype) == ((UNKNOWN, 64), "int")
    multi = "v = keras.layers.TextVectorization(output_mode='multi_hot')"
    assert shape_of(multi, "v(['a'])") is None


# -- tf.data ------------------------------------------------------------------------------------

DATA = """
X = np.random.rand(100, 20, 3)
y = np.random.randint(0, 5, size=(100,))
"""


@pytest.mark.parametrize(
    ("pipeline", "x", "y"),
    [
        ("tf.data.Dataset.from_tensor_slices((X, y))", (20, 3), (UNKNOWN,)[:0]),
        ("tf.data.Dataset.from_tensor_slices((X, y)).batch(32)", (UNKNOWN, 20, 3), (UNKNOWN,)),
        (
            "tf.data.Dataset.from_tensor_slices((X, y)).shuffle(100).batch(16, drop_remainder=True)"
            ".cache().prefetch(tf.data.AUTOTUNE).repeat()",
            (16, 20, 3),
            (16,),
        ),
        (
            "tf.data.Dataset.zip((tf.data.Dataset.from_tensor_slices(X), "
            "tf.data.Dataset.from_tensor_slices(y))).batch(8)",
            (UNKNOWN, 20, 3),
            (UNKNOWN,),
        ),
        (
            "tf.data.Dataset.from_tensor_slices((X, y)).map(lambda a, b: (a[:, :2], "
            "tf.one_hot(b, 5))).batch(4)",
            (UNKNOWN, 20, 2),
            (UNKNOWN, 5),
        ),
        ("tf.data.Dataset.from_tensors((X, y))", (100, 20, 3), (100,)),
        (
            "tf.data.Dataset.from_tensor_slices((X, y)).skip(10).filter(lambda a, b: b > 0)"
            ".take(50).padded_batch(5, drop_remainder=True)",
            (5, 20, 3),
            (5,),
        ),
        ("tf.data.Dataset.from_tensor_slices((X, y)).batch(4).unbatch()", (20, 3), ()),
    ],
)
def test_fit_reads_x_and_y_from_the_dataset(pipeline: str, x: tuple, y: tuple) -> None:
    batches = fitted(f"{DATA}ds = {pipeline}\nmodel.fit(ds, epochs=3)")
    assert isinstance(batches, Batches)
    assert batches.maker == "tf.data.Dataset"
    assert (batches.x.shape, batches.y.shape) == (x, y)


def test_map_with_a_local_function_returning_slices() -> None:
    batches = fitted("""
ids = np.random.randint(0, 65, size=(10000,))
chunks = tf.data.Dataset.from_tensor_slices(ids).batch(101, drop_remainder=True)
def split_input_target(chunk):
    input_text = chunk[:-1]
    target_text = chunk[1:]
    return input_text, target_text
dataset = chunks.map(split_input_target).shuffle(1000).batch(64, drop_remainder=True)
model.fit(dataset, epochs=1)
""")
    assert (batches.x.shape, batches.y.shape) == ((64, 100), (64, 100))
    assert batches.y.value_range == (0, 65)


def test_unknown_datasets_give_unknown_batches() -> None:
    for pipeline in (
        "tf.data.Dataset.from_tensor_slices(features)",
        "tf.data.Dataset.from_tensor_slices((X, y)).map(augment)",
        "tf.data.Dataset.from_tensor_slices((X, y)).window(5)",
        "tf.data.Dataset.from_tensor_slices({'a': X}).batch(2)",
        "tf.data.Dataset.from_tensor_slices((X, y)).flat_map(split).batch(2)",
        "tf.data.Dataset.from_tensor_slices((X, y)).interleave(read).batch(2)",
        "tf.data.Dataset.from_generator(gen, output_signature=spec).batch(2)",
    ):
        x = fitted(f"{DATA}ds = {pipeline}\nmodel.fit(ds)")
        shape = getattr(getattr(x, "x", None), "shape", None)
        assert shape is None, pipeline


def test_windows_cut_in_a_comprehension_over_a_range() -> None:
    setup = """
data = np.random.rand(500, 3)
look_back = 10
X = np.array([data[i:(i + look_back)] for i in range(len(data) - look_back)])
W = np.stack([data[i:i + steps] for i in range(n)])
"""
    assert shape_of(setup, "X") == (490, 10, 3)
    assert shape_of(setup, "W") == (Sym("n"), Sym("steps"), 3)
    assert shape_of(setup, "data[i:i + 600]") == (UNKNOWN, 3)  # longer than the data
    assert evaluate("", "len(range(3, 10, 2)), len(range(n))") == (4, Sym("n"))


def test_a_dataset_knows_whether_it_is_batched() -> None:
    pipelines = {
        "tf.data.Dataset.from_tensor_slices((X, y)).shuffle(8)": False,
        "tf.data.Dataset.from_tensor_slices((X, y)).batch(8).map(lambda a, b: (a, b))": True,
        "tf.data.Dataset.from_tensors((X, y))": True,
        "tf.data.Dataset.from_tensor_slices((X, y)).batch(8).unbatch()": False,
    }
    for pipeline, batched in pipelines.items():
        assert fitted(f"{DATA}ds = {pipeline}\nmodel.fit(ds)").batched is batched, pipeline


def test_a_list_a_loop_appends_to_holds_alike_items() -> None:
    setup = """
data = np.random.rand(300, 4)
rows, targets, mixed = [], [], []
for i in range(len(data) - 12):
    rows.append(data[i:i + 12])
    targets.append(data[i + 12:i + 13, 0])
    mixed.append(data[i:i + 12] if i % 2 else data[i])
X = np.array(rows)
"""
    assert shape_of(setup, "X") == (288, 12, 4)  # one row per step of a loop of 288 steps
    assert shape_of(setup, "np.array(targets)") == (288, 1)  # one step of feature 0
    assert shape_of(setup, "np.array(mixed)") is None
    assert shape_of(setup, "rows[0]") == (12, 4)
    assert evaluate("s = [1]\nfor i in range(n):\n    s.append(i)", "s") == Sym("s")
    assert evaluate("s = [1]\nfor i in range(3):\n    s.append(i)", "s") == [1, 0, 1, 2]
    grown = """
x = keras.Input((64, 8))
features = []
for i in range(levels):
    x = keras.layers.MaxPooling1D(2)(x)
    features.append(x)
"""
    assert evaluate(grown, "features") == Sym("features")  # each iteration's shape differs
    carried = """
data = np.random.rand(300, 4)
rows = []
for i in range(100):
    data = np.concatenate([data, data])
    rows.append(data)
"""
    assert shape_of(carried, "np.array(rows)")[0] is UNKNOWN  # rows that grow are not counted
    assert shape_of(setup.replace("range(len(data) - 12)", "open(f)"), "X") == (UNKNOWN, 12, 4)
    unrolled = evaluate(grown.replace("range(levels)", "range(3)"), "features")
    assert [ref.node_id for ref in unrolled] == [1, 2, 3]  # a short known loop runs 3 times


def test_n_gram_token_lists_built_in_a_loop_pad_to_rank_2() -> None:
    setup = f"""{TEXT}
grams = []
for line in texts:
    tokens = tokenizer.texts_to_sequences([line])[0]
    for i in range(1, len(tokens)):
        grams.append(tokens[:i + 1])
padded = pad_sequences(grams, maxlen=12)
"""
    assert shape_of(setup, "padded") == (UNKNOWN, 12)
    assert shape_of(setup, "padded[:, :-1]") == (UNKNOWN, 11)


def test_text_vectorization_mapped_over_a_dataset() -> None:
    setup = """
texts = ["good film", "bad film", "great", "awful plot"]
labels = np.array([1, 0, 1, 0])
vectorizer = layers.TextVectorization(max_tokens=100, output_sequence_length=8)
vectorizer.adapt(texts)
"""
    batched = fitted(
        setup
        + """
ds = tf.data.Dataset.from_tensor_slices((texts, labels)).batch(2)
model.fit(ds.map(lambda x, y: (vectorizer(tf.expand_dims(x, -1)), y)))
"""
    )
    assert (batched.x.shape, batched.x.dtype, batched.y.shape) == ((UNKNOWN, 8), "int", (UNKNOWN,))
    single = fitted(
        setup
        + """
ds = tf.data.Dataset.from_tensor_slices((texts, labels))
model.fit(ds.map(lambda x, y: (vectorizer(x), y)))
"""
    )
    assert (single.x.shape, single.y.shape, single.batched) == ((8,), (), False)


def test_a_comprehension_binds_only_its_walrus_targets_outside() -> None:
    assert evaluate("y = 5\nz = [i for i in range(3)]", "y") == 5
    assert evaluate("y = 5\nz = [(y := i) for i in range(3)]", "y") == Sym("y")
    assert evaluate("i = 7\nz = [i for i in range(3)]", "i") == 7


def test_loop_counters_index_one_sample() -> None:
    setup = """
data = np.random.rand(300, 4)
look_back = 12
rows, targets = [], []
for i in range(len(data) - look_back):
    rows.append(data[i:i + look_back])
    targets.append(data[i + look_back, 0])
X, y = np.array(rows), np.array(targets)
Y = np.array([data[i + look_back] for i in range(len(data) - look_back)])
"""
    assert shape_of(setup, "X") == (288, 12, 4)
    assert shape_of(setup, "y") == (288,)
    assert shape_of(setup, "Y") == (288, 4)
    # outside its loop, or combined with an unknown name, a name indexes as it may
    assert shape_of(setup, "data[i]") is None
    assert shape_of(setup, "np.array([data[i + k] for i in range(5)])") is None


# -- arrays changed in place ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "value_range", "literal"),
    [
        ("", (1, 10), (1, 2, 9)),
        ("y[2] = 0\n", (0, 10), None),  # the stored int widens the range
        ("y[y > 3] = 3\n", (1, 10), None),
        ("y[0] = z\n", None, None),  # what was stored is unknown
        ("y.fill(12)\n", (1, 13), None),
        ("y.sort()\n", (1, 10), None),  # the same values, in another order
        ("y -= 1\n", (0, 9), (0, 1, 8)),
        ("np.clip(y, 0, 3, out=y)\n", None, None),
        ("w = y\nw[0] = 20\n", (1, 21), None),  # the same array under another name
    ],
)
def test_an_array_changed_in_place_keeps_only_what_still_holds(
    changes: str, value_range: tuple | None, literal: tuple | None
) -> None:
    setup = "z = np.random.rand(1).item()\ny = np.array([1, 2, 9])\n" + changes
    value = evaluate(setup, "y")
    assert isinstance(value, Array) and value.shape == (3,)
    assert (value.value_range, value.literal) == (value_range, literal)


@pytest.mark.parametrize(
    ("loop", "value_range"),
    [
        # a loop too long to unroll writes into the array: its shape holds after it
        ("for i in range(n):\n    for t in range(20):\n        y[i % 4] = 1.5\n", None),
        ("for i in range(n):\n    y[i % 4] = 5\n", (1, 10)),  # a value inside the range
        ("for i in range(n):\n    y[i % 4] = 12\n", None),  # the paths' ranges differ
    ],
)
def test_an_array_written_into_in_a_loop_keeps_its_shape(loop: str, value_range) -> None:
    setup = "n = len(open('f').read())\ny = np.array([1, 2, 9, 4])\n" + loop
    value = evaluate(setup, "y")
    assert isinstance(value, Array) and value.shape == (4,)
    assert value.value_range == value_range


def test_paths_that_make_arrays_of_other_facts_join_to_unknown() -> None:
    setup = (
        "from tensorflow.keras.preprocessing.sequence import pad_sequences\n"
        "seqs = [[1, 2], [3]]\n"
        "if len(open('f').read()) > 3:\n"
        "    x = pad_sequences(seqs, maxlen=5, padding='post')\n"
        "else:\n"
        "    x = pad_sequences(seqs, maxlen=5, padding='pre')\n"
    )
    assert not isinstance(evaluate(setup, "x"), Array)

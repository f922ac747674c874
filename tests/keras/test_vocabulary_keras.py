"""SL210 against real Keras on vocabularies: indices a lookup layer outputs, ids of a dict the
script builds or of a Tokenizer, rows of pretrained weights. In each snippet seqlint reports
SL210 exactly when Keras raises the lookup error (TensorFlow on CPU: ``indices[...] = N is not
in [0, V)``); the snippets that run are the fixes (``+ 1``, ``vocabulary_size()``) and the
cases seqlint leaves alone.
"""

from __future__ import annotations

import os
import textwrap

import pytest

from seqlint.analysis import lint_source

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = pytest.mark.keras

OUT_OF_RANGE = r"indices\[[\d,]+\] = \d+ is not in \[0, \d+\)"

HEADER = """\
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras.preprocessing.text import Tokenizer

texts = ["the cat sat", "a dog ran far", "the dog sat down", "a cat ran"]
labels = np.array([[0.0], [1.0], [0.0], [1.0]])
vocab = ["Heat", "Fargo", "Babe", "Casino", "Toy Story"]
titles = tf.constant(["Heat", "Toy Story", "Fargo", "Babe"])
"""

LOOKUP_MODEL = """
inputs = keras.Input(shape=(), dtype="{dtype}")
x = layers.Embedding({rows}, 4)(lookup(inputs))
model = keras.Model(inputs, layers.Dense(1)(x))
model.compile(optimizer="adam", loss="mse")
model.fit({data}, np.zeros((4, 1)), epochs=1, verbose=0)
"""


def lookup_case(lookup: str, rows: str, dtype: str = "string", data: str = "titles") -> str:
    return f"lookup = {lookup}\n" + LOOKUP_MODEL.format(rows=rows, dtype=dtype, data=data)


SEQUENCE_MODEL = """
model = keras.Sequential([keras.Input(shape=(6,)), layers.Embedding({rows}, 4{extra}),
                          layers.GlobalAveragePooling1D(), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X, labels, epochs=1, verbose=0)
"""


def ids_case(prepare: str, rows: str, extra: str = "") -> str:
    return textwrap.dedent(prepare) + SEQUENCE_MODEL.format(rows=rows, extra=extra)


COUNTED = """
word_index = {}
for text in texts:
    for word in text.split():
        word_index.setdefault(word, len(word_index) + 1)
X = pad_sequences([[word_index[w] for w in t.split()] for t in texts], maxlen=6)
"""

GUARDED = """
word_index = {}
for text in texts:
    for word in text.split():
        if word not in word_index:
            word_index[word] = len(word_index) + 1
X = pad_sequences([[word_index[w] for w in t.split()] for t in texts], maxlen=6)
"""

ENUMERATED = """
words = sorted(set(" ".join(texts).split()))
w2i = {w: i + 1 for i, w in enumerate(words)}
X = pad_sequences([[w2i[w] for w in t.split()] for t in texts], maxlen=6)
"""

TOKENIZED = """
tokenizer = Tokenizer(oov_token="<unk>")
tokenizer.fit_on_texts(texts)
X = pad_sequences(tokenizer.texts_to_sequences(texts), maxlen=6)
"""

FILTERED_MATRIX = (
    COUNTED
    + """
vectors = {w: np.random.rand(4) for w in ["the", "cat", "sat", "dog", "ran"]}
matrix = np.array([vectors[w] for w in word_index if w in vectors])
"""
)

# case -> (script after HEADER, Keras raises the lookup error)
CASES = {
    "string_lookup_without_oov_row": (
        lookup_case("layers.StringLookup(vocabulary=vocab)", "len(vocab)"),
        True,
    ),
    "string_lookup_vocabulary_size": (
        lookup_case("layers.StringLookup(vocabulary=vocab)", "lookup.vocabulary_size()"),
        False,
    ),
    "string_lookup_array_vocabulary": (
        lookup_case("layers.StringLookup(vocabulary=np.array(vocab))", "len(vocab)"),
        True,
    ),
    "string_lookup_oov_buckets": (
        lookup_case("layers.StringLookup(vocabulary=vocab, num_oov_indices=3)", "len(vocab) + 1"),
        True,
    ),
    "string_lookup_oov_buckets_fit": (
        lookup_case("layers.StringLookup(vocabulary=vocab, num_oov_indices=3)", "len(vocab) + 3"),
        False,
    ),
    "string_lookup_mask_token": (
        lookup_case("layers.StringLookup(vocabulary=vocab, mask_token='')", "len(vocab) + 1"),
        True,
    ),
    "string_lookup_mask_token_fit": (
        lookup_case("layers.StringLookup(vocabulary=vocab, mask_token='')", "len(vocab) + 2"),
        False,
    ),
    "string_lookup_special_token_first": (
        lookup_case("layers.StringLookup(vocabulary=['[UNK]'] + vocab)", "len(vocab) + 1"),
        False,
    ),
    "integer_lookup_without_oov_row": (
        lookup_case(
            "layers.IntegerLookup(vocabulary=[3, 5, 7, 9])",
            "4",
            "int64",
            "tf.constant([3, 5, 7, 9], dtype='int64')",
        ),
        True,
    ),
    "hashing_bins": (
        lookup_case(
            "layers.Hashing(num_bins=4)", "3", data="tf.constant([str(i) for i in range(4)])"
        ),
        True,
    ),
    "hashing_bins_fit": (
        lookup_case(
            "layers.Hashing(num_bins=4)", "4", data="tf.constant([str(i) for i in range(4)])"
        ),
        False,
    ),
    "discretization_bins": (
        lookup_case(
            "layers.Discretization(bin_boundaries=[0.0, 1.0])",
            "2",
            "float32",
            "tf.constant([-1.0, 0.5, 2.0, 3.0])",
        ),
        True,
    ),
    "text_vectorization_vocabulary": (
        "lookup = layers.TextVectorization(vocabulary=vocab, split=None, standardize=None)\n"
        + LOOKUP_MODEL.format(rows="len(vocab) + 1", dtype="string", data="titles"),
        True,
    ),
    "counted_dict_without_padding_row": (ids_case(COUNTED, "len(word_index)"), True),
    "counted_dict_with_padding_row": (ids_case(COUNTED, "len(word_index) + 1"), False),
    "guarded_dict_without_padding_row": (ids_case(GUARDED, "len(word_index)"), True),
    "enumerated_words_without_padding_row": (ids_case(ENUMERATED, "len(words)"), True),
    "enumerated_words_with_padding_row": (ids_case(ENUMERATED, "len(words) + 1"), False),
    "tokenizer_without_padding_row": (ids_case(TOKENIZED, "len(tokenizer.word_index)"), True),
    "tokenizer_with_padding_row": (ids_case(TOKENIZED, "len(tokenizer.word_index) + 1"), False),
    "matrix_one_row_short": (
        ids_case(COUNTED + "matrix = np.random.rand(len(word_index), 4)\n", "matrix.shape[0]"),
        True,
    ),
    "matrix_of_the_words_with_vectors": (
        ids_case(FILTERED_MATRIX, "matrix.shape[0]", ", weights=[matrix]"),
        True,
    ),
}


@pytest.fixture(autouse=True)
def _fresh_session():
    yield
    import keras

    keras.backend.clear_session()


@pytest.mark.parametrize("case", sorted(CASES))
def test_sl210_reports_exactly_when_keras_raises(case):
    body, raises = CASES[case]
    source = HEADER + body
    found = {d.code for d in lint_source(source, "<case>") if d.severity.value == "error"}
    assert found == ({"SL210"} if raises else set()), found
    namespace: dict = {"__name__": "__main__"}
    if raises:
        with pytest.raises(Exception, match=OUT_OF_RANGE):
            exec(compile(source, "<case>", "exec"), namespace)
    else:
        exec(compile(source, "<case>", "exec"), namespace)

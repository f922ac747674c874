"""SL210 embedding-index-range: indices the data can hold against the Embedding's input_dim."""

import pytest

from tests.helpers import lint

HEADER = """
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
y = np.random.randint(0, 2, size=(64, 1))
"""


def sl210(body: str) -> list:
    return [d for d in lint(HEADER + body) if d.code == "SL210"]


def model(x: str, embedding: str = "layers.Embedding(4000, 16)", first: str = "") -> str:
    return f"""
X = {x}
model = keras.Sequential([
    keras.Input(shape=(20,)),{first}
    {embedding},
    layers.LSTM(8),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(X, y)
"""


def test_reported_at_the_embedding_naming_the_data_and_the_fit():
    (found,) = sl210(model("np.random.randint(0, 8000, size=(64, 20))"))
    assert found.line == 10  # the Embedding line
    assert "X (line 7) holds indices in [0, 8000)" in found.message
    assert "fit at line 15" in found.message and "index 7999" in found.message
    assert "input_dim to the largest index + 1 (8000)" in found.hint


def test_data_within_the_vocabulary_is_clean():
    assert sl210(model("np.random.randint(0, 4000, size=(64, 20))")) == []
    assert sl210(model("np.random.randint(1, 4000, size=(64, 20))")) == []
    assert sl210(model("np.arange(1280).reshape(64, 20)", "layers.Embedding(1280, 8)")) == []


def test_ranges_that_follow_arithmetic():
    assert len(sl210(model("np.random.randint(0, 4000, size=(64, 20)) + 1"))) == 1
    assert sl210(model("np.random.randint(1, 4001, size=(64, 20)) - 1")) == []
    # Keras wraps negative indices once: [-5, 5) reads rows 3995-3999 and 0-4, no error.
    assert sl210(model("np.random.randint(0, 10, size=(64, 20)) - 5")) == []
    (found,) = sl210(model("np.random.randint(0, 10, size=(64, 20)) - 4010"))
    assert "index -4010 is out of range even after Keras wraps" in found.message
    assert found.severity.value == "error" and "below -4000 never fit" in found.hint


def test_message_says_the_lookup_raises():
    (found,) = sl210(model("np.random.randint(0, 8000, size=(64, 20))"))
    assert found.message.endswith(
        "index 7999 is out of range, and TensorFlow's lookup raises on CPU"
    )


def test_unknown_ranges_or_vocabularies_stay_silent():
    assert sl210(model("np.load('ids.npy')")) == []
    assert sl210(model("np.random.randint(0, vocab, size=(64, 20))")) == []
    assert sl210(model("np.random.randint(0, 8000, size=(64, 20)) % 4000")) == []
    assert (
        sl210(
            model("np.random.randint(0, 8000, size=(64, 20))", "layers.Embedding(vocab_size, 16)")
        )
        == []
    )


def test_only_an_embedding_fed_straight_by_the_data():
    assert (
        sl210(model("np.random.randint(0, 8000, size=(64, 20))", first="\n    layers.Dense(20),"))
        == []
    )
    assert (
        len(
            sl210(
                model("np.random.randint(0, 8000, size=(64, 20))", first="\n    layers.Identity(),")
            )
        )
        == 1
    )


def test_functional_model_with_several_inputs():
    body = """
words, tags = keras.Input((20,)), keras.Input((20,))
w = layers.Embedding(4000, 16)(words)
t = layers.Embedding(50, 4)(tags)
joined = layers.Concatenate()([w, t])
model = keras.Model([words, tags], layers.Dense(1)(layers.LSTM(8)(joined)))
model.compile(optimizer="adam", loss="mse")
W = np.random.randint(0, 4000, size=(64, 20))
T = np.random.randint(0, 60, size=(64, 20))
model.fit([W, T], y)
model.evaluate([W, T], y)
"""
    (found,) = sl210(body)  # once, although two calls feed it
    assert found.line == 9 and "Embedding(50, 4)" in found.message


def test_undeclared_sequential_is_checked_from_its_data():
    body = """
X = np.random.randint(0, 8000, size=(64, 20))
model = keras.Sequential([layers.Embedding(4000, 16), layers.LSTM(8), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y)
"""
    assert len(sl210(body)) == 1


# -- indices from a layer of the model: the lookups, TextVectorization, Hashing -------------------

LOOKUP = """
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
vocab = ["a", "b", "c", "d", "e"]
lookup = {lookup}
inputs = keras.Input(shape=(), dtype="{dtype}")
x = layers.Embedding({rows}, 4)(lookup(inputs))
model = keras.Model(inputs, layers.Dense(1)(x))
model.compile(optimizer="adam", loss="mse")
{run}
"""


def lookup_model(
    lookup: str,
    rows: str,
    dtype: str = "string",
    run: str = "model.fit(tf.constant(['a', 'e']), np.zeros((2, 1)))",
) -> list:
    source = LOOKUP.format(lookup=lookup, rows=rows, dtype=dtype, run=run)
    return [d for d in lint(source) if d.code == "SL210"]


def test_string_lookup_counts_its_oov_index():
    (found,) = lookup_model("layers.StringLookup(vocabulary=vocab)", "len(vocab)")
    assert found.line == 9  # the Embedding
    assert "StringLookup(vocabulary=vocab) at line 7 gives it indices in [0, 6)" in found.message
    assert "(vocabulary_size() 6: 1 OOV index and 5 tokens)" in found.message
    assert "fit at line 12 runs the model: index 5 is out of range" in found.message
    assert found.hint.startswith("set input_dim to 6") and "vocabulary_size()" in found.hint
    assert lookup_model("layers.StringLookup(vocabulary=vocab)", "len(vocab) + 1") == []
    assert lookup_model("layers.StringLookup(vocabulary=vocab)", "lookup.vocabulary_size()") == []


@pytest.mark.parametrize(
    ("lookup", "rows", "reported"),
    [
        ("layers.StringLookup(vocabulary=vocab, num_oov_indices=10)", "len(vocab) + 1", True),
        ("layers.StringLookup(vocabulary=vocab, num_oov_indices=10)", "14", True),
        ("layers.StringLookup(vocabulary=vocab, num_oov_indices=10)", "15", False),
        ("layers.StringLookup(vocabulary=vocab, num_oov_indices=0)", "len(vocab)", False),
        ("layers.StringLookup(vocabulary=vocab, mask_token='')", "len(vocab) + 1", True),
        ("layers.StringLookup(vocabulary=vocab, mask_token='')", "len(vocab) + 2", False),
        # the special tokens opening the vocabulary are not counted twice
        ("layers.StringLookup(vocabulary=['[UNK]'] + vocab)", "6", False),
        ("layers.StringLookup(vocabulary=np.array(vocab))", "5", True),
        ("layers.StringLookup(vocabulary=np.array(vocab))", "6", False),
        ("layers.StringLookup(vocabulary=tf.constant(vocab))", "5", True),
        ("layers.StringLookup(vocabulary=vocab, output_mode='one_hot')", "2", False),
        ("layers.StringLookup(vocabulary=vocab, invert=True)", "2", False),
        ("layers.StringLookup(vocabulary=vocab, output_mode=mode)", "2", False),
        ("layers.StringLookup(vocabulary=load_vocab())", "2", False),  # size unknown
        ("layers.StringLookup(max_tokens=100)", "2", False),  # adapted: size unknown
        ("layers.TextVectorization(vocabulary=vocab, split=None)", "6", True),
        ("layers.TextVectorization(vocabulary=vocab, split=None)", "7", False),
        ("layers.Hashing(num_bins=8)", "7", True),
        ("layers.Hashing(num_bins=8)", "8", False),
        ("layers.Hashing(num_bins=8, output_mode='one_hot')", "2", False),
    ],
)
def test_lookup_indices_against_input_dim(lookup: str, rows: str, reported: bool):
    assert len(lookup_model(lookup, rows)) == int(reported)


def test_integer_lookup_and_discretization():
    ints = "model.fit(tf.constant([3, 7]), np.zeros((2, 1)))"
    integer = "layers.IntegerLookup(vocabulary=[3, 5, 7])"
    assert len(lookup_model(integer, "3", "int64", ints)) == 1
    assert lookup_model(integer, "4", "int64", ints) == []
    bins = "layers.Discretization(bin_boundaries=[0.0, 1.0, 2.0])"
    floats = "model.fit(tf.constant([0.5, 3.0]), np.zeros((2, 1)))"
    assert len(lookup_model(bins, "3", "float32", floats)) == 1
    assert lookup_model(bins, "4", "float32", floats) == []


def test_a_vocabulary_set_later_is_unknown():
    lookup = "layers.StringLookup(vocabulary=vocab)"
    run = "lookup.set_vocabulary(['x'] * 3)\nmodel.fit(tf.constant(['x']), np.zeros((1, 1)))"
    assert lookup_model(lookup, "len(vocab)", run=run) == []


def test_a_model_never_run_is_not_reported():
    assert lookup_model("layers.StringLookup(vocabulary=vocab)", "len(vocab)", run="") == []


def test_a_lookup_in_a_sequential_model():
    body = """
import tensorflow as tf
titles = np.array(["Heat", "Fargo", "Babe"])
model = keras.Sequential([
    keras.Input(shape=(), dtype="string"),
    layers.StringLookup(vocabulary=titles, mask_token=None),
    layers.Embedding(len(titles), 8),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(tf.constant(["Heat", "Babe"]), np.zeros((2, 1)))
"""
    (found,) = sl210(body)
    assert found.line == 12 and "indices in [0, 4)" in found.message


# -- ids of a vocabulary the script builds ------------------------------------------------------

TEXTS = """
from tensorflow.keras.preprocessing.sequence import pad_sequences
texts = open("reviews.txt").read().splitlines()
labels = np.random.randint(0, 2, size=(len(texts), 1))
"""


def text_model(prepare: str, rows: str, extra: str = "") -> list:
    return sl210(
        TEXTS
        + prepare
        + f"""
model = keras.Sequential([layers.Embedding({rows}, 8{extra}), layers.LSTM(4), layers.Dense(1)])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(X, labels)
"""
    )


COUNTED = """
word_index = {}
for text in texts:
    for word in text.split():
        word_index.setdefault(word, len(word_index) + 1)
X = pad_sequences([[word_index[w] for w in t.split()] for t in texts], maxlen=20)
"""


def test_word_ids_counted_from_one_need_a_padding_row():
    (found,) = text_model(COUNTED, "len(word_index)")
    assert "holds vectors for indices [0, len(word_index))" in found.message
    assert "X (line 15) holds indices in [0, len(word_index)+1)" in found.message
    assert "index len(word_index) is out of range" in found.message
    assert "input_dim to the largest index + 1 (len(word_index)+1)" in found.hint
    assert text_model(COUNTED, "len(word_index) + 1") == []
    assert text_model(COUNTED, "len(word_index) + 10") == []
    vocab_size = COUNTED + "config = {'vocab_size': len(word_index)}\nV = config['vocab_size']\n"
    assert len(text_model(vocab_size, "V")) == 1
    assert text_model(vocab_size, "V + 1") == []


def test_word_ids_of_an_unknown_dict_are_not_compared():
    prepare = "word_index = json.load(open('v.json'))\nX = pad_sequences(" + (
        "[[word_index[w] for w in t.split()] for t in texts], maxlen=20)\n"
    )
    assert text_model("import json\n" + prepare, "len(word_index)") == []


def test_enumerated_words_and_tokenizers():
    words = "words = sorted(set(' '.join(texts).split()))\n"
    enumerated = words + (
        "w2i = {w: i + 1 for i, w in enumerate(words)}\n"
        "X = pad_sequences([[w2i[w] for w in t.split()] for t in texts], maxlen=20)\n"
    )
    assert len(text_model(enumerated, "len(words)")) == 1
    assert text_model(enumerated, "len(words) + 1") == []
    assert text_model(enumerated, "len(w2i)") == []  # words may repeat: len(w2i) <= len(words)
    tokenized = (
        "from tensorflow.keras.preprocessing.text import Tokenizer\n"
        "tokenizer = Tokenizer()\ntokenizer.fit_on_texts(texts)\n"
        "X = pad_sequences(tokenizer.texts_to_sequences(texts), maxlen=20)\n"
    )
    assert len(text_model(tokenized, "len(tokenizer.word_index)")) == 1
    assert text_model(tokenized, "len(tokenizer.word_index) + 1") == []
    limited = tokenized.replace("Tokenizer()", "Tokenizer(num_words=1000)")
    assert text_model(limited, "len(tokenizer.word_index)") == []  # ids < min(1000, ...)


def test_pretrained_matrix_rows():
    zeros = COUNTED + "matrix = np.zeros((len(word_index), 8))\n"
    assert len(text_model(zeros, "matrix.shape[0]")) == 1
    assert (
        text_model(zeros.replace("len(word_index)", "len(word_index) + 1"), "matrix.shape[0]") == []
    )
    filtered = COUNTED + (
        "glove = load_glove()\n"
        "vectors = {w: np.random.rand(8) for w in ['the', 'a']}\n"
        "matrix = np.array([vectors[w] for w in word_index if w in vectors])\n"
    )
    (found,) = text_model(filtered, "matrix.shape[0]", ", weights=[matrix]")
    assert "one vector per row of matrix (line 18), which has at most len(word_index) rows" in (
        found.message
    )
    assert "one row per index (len(word_index)+1 rows" in found.hint
    assert text_model(filtered, "matrix.shape[0]") == []  # rows unknown without the weights

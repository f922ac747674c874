"""Vocabularies scripts build themselves (dicts of words to ids), the ids they give, and the
symbolic sizes those ids are compared with (frontend/vocabulary.py, dims.difference)."""

from __future__ import annotations

import textwrap

import pytest

from seqlint.dims import BATCH, UNKNOWN, Sym, difference, shown, sub_const
from seqlint.frontend import arith
from seqlint.frontend.interpreter import Interpreter
from seqlint.frontend.models import Graph
from seqlint.frontend.objects import WordIds
from seqlint.frontend.parsing import parse
from seqlint.frontend.positions import Positions
from seqlint.ir import Array

HEADER = """\
import numpy as np
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras.preprocessing.text import Tokenizer
texts = open("texts.txt").read().splitlines()
words = sorted(set(open("words.txt").read().split()))
"""


def values(body: str, *names: str) -> list[object]:
    """The values ``names`` are bound to after the module ``HEADER + body`` ran."""
    source = HEADER + textwrap.dedent(body)
    module = parse(source)
    interpreter = Interpreter(Graph(Positions(module, source), "3"))
    interpreter.exec_block(module.body)
    return [interpreter.scope.vars.get(name) for name in names]


def value(body: str, name: str) -> object:
    return values(body, name)[0]


LEN_W2I = Sym("len(w2i)")


def ids_range(found: object) -> tuple | None:
    assert isinstance(found, Array), found
    return found.value_range


# -- symbolic sizes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (5, 3, 2),
        (arith.binary("+", LEN_W2I, 1), LEN_W2I, 1),
        (arith.binary("+", 1, LEN_W2I), LEN_W2I, 1),
        (LEN_W2I, arith.binary("+", LEN_W2I, 1), -1),
        (arith.binary("-", arith.binary("+", LEN_W2I, 1), 1), LEN_W2I, 0),
        (arith.binary("+", arith.binary("+", LEN_W2I, 1), 2), arith.binary("+", 1, LEN_W2I), 2),
        (sub_const(Sym("n"), 3), Sym("n"), -3),
        (arith.binary("+", Sym("n*2"), 1), Sym("n*2"), 1),
        (Sym("n*2"), Sym("n"), None),  # n*2 is not n plus a constant
        (Sym("a-b"), Sym("a"), None),
        (LEN_W2I, 5, None),  # a symbol is never compared with a number
        (BATCH, 1, None),
        (UNKNOWN, UNKNOWN, None),
        (Sym("1e-5"), Sym("1e"), None),  # not an offset: a float's exponent
    ],
)
def test_difference_of_sizes(a, b, expected) -> None:
    assert difference(a, b) == expected


def test_sizes_are_shown_tidy() -> None:
    assert shown(arith.binary("+", LEN_W2I, 1)) == "len(w2i)+1"
    assert shown(sub_const(arith.binary("+", LEN_W2I, 1), 1)) == "len(w2i)"
    assert shown(arith.binary("+", Sym("n*2"), 3)) == "(n*2)+3"
    assert shown(Sym("n*2")) == "n*2"
    assert shown(7) == "7"


# -- dicts grown one word at a time -------------------------------------------------------------


COUNTED = """
w2i = {}
for t in texts:
    for w in t.split():
        w2i.setdefault(w, len(w2i) + 1)
"""


def test_setdefault_at_len_plus_one_counts_ids_from_one() -> None:
    w2i = value(COUNTED, "w2i")
    assert isinstance(w2i, WordIds) and (w2i.low, w2i.size) == (1, LEN_W2I)
    assert difference(w2i.high, LEN_W2I) == 1
    n, one = values(COUNTED + "n = len(w2i)\none = w2i[texts[0]]\n", "n", "one")
    assert n == LEN_W2I
    assert ids_range(one)[0] == 1 and difference(ids_range(one)[1], LEN_W2I) == 1


@pytest.mark.parametrize(
    "loop",
    [
        "for w in texts:\n    if w not in w2i:\n        w2i[w] = len(w2i) + 1\n",
        "for w in texts:\n    if w in w2i:\n        pass\n"
        "    else:\n        w2i[w] = len(w2i) + 1\n",
        "for w in texts:\n    w2i.setdefault(w, 1 + len(w2i))\n",
    ],
)
def test_guarded_stores_count_too(loop: str) -> None:
    w2i = value("w2i = {}\n" + loop, "w2i")
    assert isinstance(w2i, WordIds) and w2i.low == 1 and w2i.size == LEN_W2I


def test_counting_run_again_by_an_unrolled_outer_loop_keeps_the_vocabulary() -> None:
    """An outer loop over known texts runs the inner counting once per text: the ids stay
    every int of [1, len + 1), and a second, different counting still makes it opaque."""
    outer = (
        'w2i = {}\nfor line in ["the cat sat", "a dog ran"]:\n'
        "    for w in line.split() + texts:\n        w2i.setdefault(w, len(w2i) + 1)\n"
    )
    w2i = value(outer, "w2i")
    assert isinstance(w2i, WordIds) and w2i.low == 1 and w2i.size == LEN_W2I
    mixed = value(outer + "for w in texts:\n    w2i.setdefault(w, len(w2i))\n", "w2i")
    assert isinstance(mixed, WordIds) and not mixed.known


def test_special_tokens_first_keep_the_count() -> None:
    w2i = value(
        'w2i = {"<pad>": 0, "<unk>": 1}\nfor w in texts:\n    w2i.setdefault(w, len(w2i))\n',
        "w2i",
    )
    assert isinstance(w2i, WordIds) and w2i.low == 0 and difference(w2i.high, LEN_W2I) == 0


@pytest.mark.parametrize(
    "body",
    [
        # the ids of a dict that does not hold exactly 1..len are not counted
        'w2i = {"<pad>": 5}\nfor w in texts:\n    w2i.setdefault(w, len(w2i) + 1)\n',
        # grown twice: the size the first ids were counted against is gone
        COUNTED + "for w in words:\n    w2i.setdefault(w, len(w2i) + 1)\n",
        # changed afterwards
        COUNTED + 'w2i["<pad>"] = 0\n',
        COUNTED + "w2i.update(extra)\n",
        COUNTED + "del w2i[texts[0]]\n",
        COUNTED + "add_special_tokens(w2i)\n",
    ],
)
def test_vocabularies_changed_otherwise_are_opaque(body: str) -> None:
    w2i, n = values(body + "n = len(w2i)\n", "w2i", "n")
    assert not (isinstance(w2i, WordIds) and w2i.known), w2i
    assert n is UNKNOWN  # never the name the earlier ids were counted against


def test_an_unguarded_store_counts_nothing() -> None:
    """``d[w] = len(d) + 1`` without ``if w not in d`` may overwrite a word's id."""
    one = value(
        "w2i = {}\nfor w in texts:\n    w2i[w] = len(w2i) + 1\none = w2i[texts[0]]\n", "one"
    )
    assert not isinstance(one, Array)


def test_saving_a_vocabulary_keeps_it() -> None:
    w2i = value("import json\n" + COUNTED + "json.dump(w2i, open('v.json', 'w'))\n", "w2i")
    assert isinstance(w2i, WordIds) and w2i.known


# -- dicts made from enumerate ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "low", "offset"),
    [
        ("w2i = {w: i for i, w in enumerate(words)}", 0, 0),
        ("w2i = {w: i + 1 for i, w in enumerate(words)}", 1, 1),
        ("w2i = {w: i for i, w in enumerate(words, 2)}", 2, 2),
        ("w2i = dict((w, i + 1) for i, w in enumerate(words))", 1, 1),
        ("w2i = dict([(w, i) for i, w in enumerate(words, start=1)])", 1, 1),
        ("w2i = {}\nfor i, w in enumerate(words):\n    w2i[w] = i + 1", 1, 1),
    ],
)
def test_enumerated_words_give_ids_up_to_their_count(body: str, low: int, offset: int) -> None:
    w2i = value(body + "\n", "w2i")
    assert isinstance(w2i, WordIds) and w2i.low == low
    assert difference(w2i.high, Sym("len(words)")) == offset
    assert w2i.size is UNKNOWN  # words may repeat: len(w2i) is not len(words)


@pytest.mark.parametrize(
    "body",
    [
        "w2i = {}\nfor i, w in enumerate(words):\n    if i > 10:\n        break\n    w2i[w] = i",
        "w2i = {}\nfor i, w in enumerate(words):\n    if w:\n        w2i[w] = i",  # some skipped
        "w2i = {'<pad>': 0}\nfor i, w in enumerate(words):\n    w2i[w] = i + 1",
        "w2i = {w: i for i, w in enumerate(load())}",  # a call: evaluated once only
        "w2i = {i: w for i, w in enumerate(words)}",  # ids to words
    ],
)
def test_enumerations_that_may_skip_words_give_no_ids(body: str) -> None:
    w2i = value(body + "\n", "w2i")
    assert not (isinstance(w2i, WordIds) and w2i.known), w2i


def test_listed_words_make_a_plain_dict_whose_lookups_are_ids() -> None:
    found = values(
        """
w2i = dict([(w, i + 1) for i, w in enumerate(["go", "run", "stop"])])
one = w2i[texts[0]]
got = w2i.get(texts[1], 0)
either = w2i[texts[2]] if texts[2] in w2i else 0
""",
        "w2i",
        "one",
        "got",
        "either",
    )
    assert found[0] == {"go": 1, "run": 2, "stop": 3}
    assert [ids_range(v) for v in found[1:]] == [(1, 4), (0, 4), (0, 4)]


# -- ids into arrays ----------------------------------------------------------------------------


def test_token_ids_reach_padded_and_stacked_arrays() -> None:
    padded, stacked = values(
        COUNTED
        + "padded = pad_sequences([[w2i[w] for w in t.split()] for t in texts], maxlen=5)\n"
        + "stacked = np.array([[w2i.get(w, 0) for w in t.split()] for t in texts])\n",
        "padded",
        "stacked",
    )
    assert padded.shape == (UNKNOWN, 5)
    assert padded.value_range[0] == 0 and difference(padded.value_range[1], LEN_W2I) == 1
    assert stacked.shape == (UNKNOWN, UNKNOWN)
    assert stacked.value_range[0] == 0 and difference(stacked.value_range[1], LEN_W2I) == 1


def test_filtered_comprehension_of_a_vocabulary_has_at_most_its_rows() -> None:
    matrix = value(
        COUNTED
        + "vectors = {w: np.random.rand(8) for w in ['a', 'b']}\n"
        + "matrix = np.array([vectors[w] for w in w2i if w in vectors])\n",
        "matrix",
    )
    assert matrix.shape == (UNKNOWN, 8) and matrix.at_most == LEN_W2I


def test_literal_int_arrays_know_their_range() -> None:
    assert value("a = np.array([3, 1, 7])\n", "a").value_range == (1, 8)
    assert value("a = np.array(['x', 'y'])\n", "a").literal == ("x", "y")
    # a constant slice keeps the items (tests/datapath/test_literal_slices.py), others do not
    assert value("a = np.array(['x', 'y'])[::-1]\n", "a").literal == ("y", "x")
    assert value("a = np.array(['x', 'y'])[: len(sys.argv)]\n", "a").literal is None


# -- the Keras Tokenizer ------------------------------------------------------------------------


TOKENIZED = """
tokenizer = Tokenizer()
tokenizer.fit_on_texts(texts)
X = pad_sequences(tokenizer.texts_to_sequences(texts), maxlen=10)
"""
LEN_INDEX = Sym("len(tokenizer.word_index)")


def test_tokenizer_ids_run_up_to_its_vocabulary_size() -> None:
    X, n = values(TOKENIZED + "n = len(tokenizer.word_index)\n", "X", "n")
    assert n == LEN_INDEX
    assert X.value_range[0] == 0 and difference(X.value_range[1], LEN_INDEX) == 1


@pytest.mark.parametrize(
    ("body", "ranged", "named"),
    [
        (TOKENIZED.replace("Tokenizer()", "Tokenizer(num_words=500)"), False, True),
        (TOKENIZED + "tokenizer.fit_on_texts(more)\n", True, False),  # fit after converting
        (TOKENIZED + "word_index = tokenizer.word_index\nword_index['<pad>'] = 0\n", True, False),
        (TOKENIZED + "tokenizer.word_index.update(extra)\n", True, False),
        # fitting twice before converting is one vocabulary
        (TOKENIZED.replace("X =", "tokenizer.fit_on_texts(more)\nX ="), True, True),
    ],
)
def test_tokenizer_vocabulary_changes(body: str, ranged: bool, named: bool) -> None:
    X, n = values(body + "n = len(tokenizer.word_index)\n", "X", "n")
    assert (X.value_range is not None) == ranged
    assert (n == LEN_INDEX) == named


# -- TextVectorization called on listed texts ---------------------------------------------------


@pytest.mark.parametrize(
    ("options", "texts", "length"),
    [
        ("", "['This is a test!', 'one, two']", 4),
        ("", "['a-b c', '']", 2),  # punctuation is stripped, not split on
        ("standardize=None", "['a-b c', 'x']", 2),
        ("split='character'", "['ab']", UNKNOWN),
        ("ngrams=2", "['a b c']", UNKNOWN),
        ("", "['é à']", UNKNOWN),  # not ASCII
        ("", "[t for t in texts]", UNKNOWN),
        ("output_sequence_length=7", "['a b']", 7),
    ],
)
def test_text_vectorization_pads_to_the_longest_listed_text(options, texts, length) -> None:
    ids = value(
        f"import keras\nv = keras.layers.TextVectorization({options})\nids = v({texts})\n", "ids"
    )
    assert ids.shape[1] == length


def test_text_vectorization_with_a_vocabulary_gives_its_ids() -> None:
    ids = value(
        "import keras\n"
        "v = keras.layers.TextVectorization(vocabulary=['a', 'b', 'c'], "
        "output_sequence_length=4)\nids = v(['a b'])\n",
        "ids",
    )
    assert ids.value_range == (0, 5)  # padding 0, OOV 1, then the three tokens


# -- one vocabulary per name ----------------------------------------------------------------------


def test_a_helper_that_builds_two_vocabularies_names_neither_twice() -> None:
    """``len(word2idx)`` inside ``build`` names the first vocabulary it built only: the
    second is opaque, and a size read of it is never the first one's name."""
    src, tgt, n = values(
        """
def build(lines):
    word2idx = {}
    for line in lines:
        for w in line.split():
            word2idx.setdefault(w, len(word2idx) + 1)
    return word2idx
src = build(texts)
tgt = build(words)
n = len(tgt)
""",
        "src",
        "tgt",
        "n",
    )
    assert isinstance(src, WordIds) and src.known and src.size == Sym("len(word2idx)")
    assert isinstance(tgt, WordIds) and not tgt.known and n is UNKNOWN


def test_a_name_rebound_to_an_unknown_dict_does_not_take_the_size_name() -> None:
    n = value(COUNTED + "w2i = load_vocabulary()\nn = len(w2i)\n", "n")
    assert n is UNKNOWN


def test_a_tokenizer_name_reused_for_another_tokenizer() -> None:
    second_ids, n = values(
        TOKENIZED
        + "tokenizer = Tokenizer()\ntokenizer.fit_on_texts(words)\n"
        + "Y = pad_sequences(tokenizer.texts_to_sequences(words), maxlen=10)\n"
        + "n = len(tokenizer.word_index)\n",
        "Y",
        "n",
    )
    assert second_ids.value_range is None and n is UNKNOWN
    loaded = value(TOKENIZED + "tokenizer = load_tokenizer()\nn = len(tokenizer.word_index)\n", "n")
    assert loaded is UNKNOWN


def test_object_arrays_of_lists_have_no_known_shape() -> None:
    rows = "rows = [[w2i[w] for w in t.split()] for t in texts]\n"
    assert value(COUNTED + rows + "a = np.array(rows, dtype=object)\n", "a").shape is None
    assert value(COUNTED + rows + "a = np.array(rows)\n", "a").shape == (UNKNOWN, UNKNOWN)


def test_text_vectorization_of_a_listed_array() -> None:
    ids = value(
        "import keras\nv = keras.layers.TextVectorization()\n"
        "ids = v(np.array(['one two three', 'four']))\n",
        "ids",
    )
    assert ids.shape == (2, 3)


def test_setdefault_of_a_known_key_with_a_list_default_stays_unknown() -> None:
    """``d.setdefault(k, []).append(x)`` changes the list the dict holds."""
    d = value("d = {}\nd.setdefault('a', []).append(1)\n", "d")
    assert d is UNKNOWN or d == {"a": [1]}
    assert value("d = {'a': 1}\nd.setdefault('b', 2)\n", "d") == {"a": 1, "b": 2}


def test_settings_and_choices_are_not_ids() -> None:
    units, picked = values(
        "settings = {'units': 64, 'layers': 2}\nunits = settings[texts[0]]\n"
        "picked = 64 if texts else 32\n",
        "units",
        "picked",
    )
    assert units is UNKNOWN and picked is UNKNOWN

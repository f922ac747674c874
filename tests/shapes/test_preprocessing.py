"""Text and structured-data preprocessing layers: what they compute when Keras runs them
(tests/catalogue compares them with Keras)."""

from __future__ import annotations

import pytest

from seqlint.dims import BATCH, NONE, UNKNOWN, Shape, Sym
from seqlint.shapes.catalogue import count_params
from seqlint.shapes.problems import ProblemKind, ShapeProblem

WORDS = ["the", "cat", "sat"]


@pytest.mark.parametrize(
    ("config", "input_dims", "expected"),
    [
        ({"output_sequence_length": 20}, (BATCH,), (BATCH, 20)),
        ({"output_sequence_length": 20}, (BATCH, 1), (BATCH, 20)),
        ({"output_sequence_length": Sym("maxlen")}, (BATCH,), (BATCH, Sym("maxlen"))),
        ({}, (BATCH, 1), (BATCH, NONE)),  # as many tokens as the longest text
        ({"output_sequence_length": 4, "ragged": True}, (BATCH, 1), (BATCH, NONE)),
        ({"output_sequence_length": 4}, (BATCH, 3, 1), (BATCH, 3, 4)),
        ({"split": None}, (BATCH, 3), (BATCH, 3)),  # each string is one token
    ],
)
def test_text_vectorization_int_mode(layer, run, config, input_dims, expected) -> None:
    assert run(layer("TextVectorization", **config), Shape(input_dims)) == [Shape(expected)]


@pytest.mark.parametrize(
    ("config", "input_dims", "expected"),
    [
        # the vocabulary and its OOV index; the (batch, 1) strings are squeezed when split
        ({"output_mode": "multi_hot", "vocabulary": WORDS}, (BATCH, 1), (BATCH, 4)),
        ({"output_mode": "count", "vocabulary": ["[UNK]", *WORDS]}, (BATCH,), (BATCH, 4)),
        ({"output_mode": "tf_idf", "vocabulary": WORDS}, (BATCH, 2, 1), (BATCH, NONE, 4)),
        ({"output_mode": "one_hot", "vocabulary": WORDS}, (BATCH, 1), (BATCH, NONE, 4)),
        (
            {"output_mode": "multi_hot", "max_tokens": 9, "pad_to_max_tokens": True},
            (BATCH,),
            (BATCH, 9),
        ),
        ({"output_mode": "multi_hot"}, (BATCH, 1), (BATCH, UNKNOWN)),  # adapted at run time
        ({"output_mode": "one_hot", "split": None, "vocabulary": WORDS}, (BATCH, 1), (BATCH, 4)),
    ],
)
def test_text_vectorization_encodings(layer, run, config, input_dims, expected) -> None:
    assert run(layer("TextVectorization", **config), Shape(input_dims)) == [Shape(expected)]


def test_text_vectorization_splits_one_string_per_sample(layer, run) -> None:
    with pytest.raises(ShapeProblem) as raised:
        run(layer("TextVectorization"), Shape((BATCH, 3)))
    assert raised.value.kind is ProblemKind.LAYER_CONFIG
    assert "(batch,) or (batch, ..., 1)" in raised.value.message


def test_text_vectorization_follows_the_build_on_an_undefined_last_axis(layer, run) -> None:
    config = {"output_mode": "multi_hot", "vocabulary": WORDS}
    assert run(layer("TextVectorization", **config), Shape((BATCH, NONE))) == [
        Shape((BATCH, NONE, 4))
    ]


@pytest.mark.parametrize(
    ("kind", "config", "input_dims", "expected"),
    [
        ("StringLookup", {"vocabulary": WORDS}, (BATCH, 5), (BATCH, 5)),
        ("StringLookup", {"vocabulary": WORDS, "output_mode": "one_hot"}, (BATCH, 1), (BATCH, 4)),
        (  # the mask counts in int mode only; two OOV indices
            "StringLookup",
            {"vocabulary": WORDS, "mask_token": "", "num_oov_indices": 2, "output_mode": "count"},
            (BATCH, 5),
            (BATCH, 5),
        ),
        (  # special tokens listed first are not counted twice
            "IntegerLookup",
            {"vocabulary": [-1, 7, 8], "output_mode": "multi_hot"},
            (BATCH, 2),
            (BATCH, 3),
        ),
        # counting modes fold axis 1; a rank-1 batch is one sample
        (
            "IntegerLookup",
            {"vocabulary": [7, 8], "output_mode": "multi_hot"},
            (BATCH, 4, 2),
            (BATCH, 2, 3),
        ),
        ("IntegerLookup", {"vocabulary": [7, 8], "output_mode": "count"}, (BATCH,), (3,)),
        ("IntegerLookup", {"output_mode": "multi_hot"}, (BATCH, 4), (BATCH, UNKNOWN)),
        ("IntegerLookup", {"invert": True, "vocabulary": [7, 8]}, (BATCH, 4), (BATCH, 4)),
        ("CategoryEncoding", {"num_tokens": 6, "output_mode": "one_hot"}, (BATCH, 1), (BATCH, 6)),
        (
            "CategoryEncoding",
            {"num_tokens": 6, "output_mode": "one_hot"},
            (BATCH, NONE),
            (BATCH, NONE, 6),
        ),
        ("CategoryEncoding", {"num_tokens": 6}, (BATCH, 3), (BATCH, 6)),
        ("Hashing", {"num_bins": 4}, (BATCH, 3), (BATCH, 3)),
        # Hashing drops a last axis of 1 before one_hot does it once more
        ("Hashing", {"num_bins": 4, "output_mode": "one_hot"}, (BATCH, 3, 1, 1), (BATCH, 3, 4)),
        (
            "Discretization",
            {"bin_boundaries": [0.0, 1.0], "output_mode": "one_hot"},
            (BATCH, 2),
            (BATCH, 2, 3),
        ),
        ("Discretization", {"num_bins": 5, "output_mode": "count"}, (BATCH, 2), (BATCH, 5)),
    ],
)
def test_encodings(layer, run, kind, config, input_dims, expected) -> None:
    found = layer(kind, **config)
    assert run(found, Shape(input_dims)) == [Shape(expected)]
    assert count_params(found, (Shape(input_dims),)) == 0


def test_hashed_crossing(layer, run) -> None:
    crossing = layer("HashedCrossing", num_bins=5, output_mode="one_hot")
    feature = Shape((BATCH, 1))
    assert run(crossing, feature, feature, as_list=True) == [Shape((BATCH, 5))]
    assert run(layer("HashedCrossing", num_bins=5), feature, feature, as_list=True) == [feature]


@pytest.mark.parametrize(
    ("inputs", "as_list", "kind"),
    [
        ((Shape((BATCH, 1)),), False, ProblemKind.MERGE_NOT_LIST),
        ((Shape((BATCH, 1)),) * 3, True, ProblemKind.LAYER_CONFIG),
        ((Shape((BATCH, 2)), Shape((BATCH, 2))), True, ProblemKind.LAYER_CONFIG),
        ((Shape((BATCH, 2, 1)), Shape((BATCH, 2, 1))), True, ProblemKind.RANK),
        ((Shape((BATCH, 1)), Shape((BATCH,))), True, ProblemKind.MERGE_DIMS),
    ],
)
def test_hashed_crossing_problems(layer, run, inputs, as_list, kind) -> None:
    with pytest.raises(ShapeProblem) as raised:
        run(layer("HashedCrossing", num_bins=5), *inputs, as_list=as_list)
    assert raised.value.kind is kind


@pytest.mark.parametrize(
    ("config", "input_dims", "params"),
    [
        ({}, (BATCH, 5), 11),  # mean and variance per feature, and a count
        ({"axis": (1, 2)}, (BATCH, 3, 4, 2), 25),
        ({"axis": None}, (BATCH, 3), 3),
        ({"mean": [0.0] * 5, "variance": [1.0] * 5}, (BATCH, 5), 0),
    ],
)
def test_normalization(layer, run, config, input_dims, params) -> None:
    norm = layer("Normalization", **config)
    assert run(norm, Shape(input_dims)) == [Shape(input_dims)]
    assert count_params(norm, (Shape(input_dims),)) == params


@pytest.mark.parametrize(
    ("config", "input_dims", "kind"),
    [
        ({}, (BATCH, 3, NONE), ProblemKind.UNDEFINED_AXIS),
        ({"axis": 3}, (BATCH, 3, 4), ProblemKind.LAYER_CONFIG),
        ({"axis": 0}, (BATCH, 3), ProblemKind.LAYER_CONFIG),
        ({"mean": [0.0] * 3, "variance": [1.0] * 3}, (BATCH, 5), ProblemKind.LAYER_CONFIG),
    ],
)
def test_normalization_problems(layer, run, config, input_dims, kind) -> None:
    with pytest.raises(ShapeProblem) as raised:
        run(layer("Normalization", **config), Shape(input_dims))
    assert raised.value.kind is kind


def test_rescaling_broadcasts_a_vector_scale(layer, run) -> None:
    assert run(layer("Rescaling", scale=1 / 255), Shape((BATCH, 8, 3))) == [Shape((BATCH, 8, 3))]
    vector = layer("Rescaling", scale=[1.0, 2.0, 3.0])
    assert run(vector, Shape((BATCH, 8, 1))) == [Shape((BATCH, 8, 3))]
    with pytest.raises(ShapeProblem) as raised:
        run(vector, Shape((BATCH, 8, 4)))
    assert raised.value.kind is ProblemKind.LAYER_CONFIG


def test_pipeline_chains_its_layers(layer, run) -> None:
    stages = [layer("Resizing", height=4, width=5), layer("Dense", units=2)]
    chain = layer("Pipeline", layers=stages)
    images = Shape((BATCH, 8, 8, 3))
    assert run(chain, images) == [Shape((BATCH, 4, 5, 2))]
    assert count_params(chain, (images,)) == 3 * 2 + 2


def test_pipeline_reports_its_layers_problem(layer, run) -> None:
    chain = layer("Pipeline", layers=[layer("Rescaling", scale=0.5), layer("RandomFlip")])
    with pytest.raises(ShapeProblem) as raised:
        run(chain, Shape((BATCH, 8)))
    assert raised.value.kind is ProblemKind.LAYER_CONFIG  # a later layer's rank problem
    assert raised.value.message.startswith("its RandomFlip: expected images of rank 4")

"""TextVectorization: a batch of strings to token ids (its "int" output mode)."""

from __future__ import annotations

import pytest

from seqlint.dims import BATCH, UNKNOWN, Shape, Sym


@pytest.mark.parametrize(
    ("config", "input_dims", "expected"),
    [
        ({"output_sequence_length": 20}, (BATCH,), (BATCH, 20)),
        ({"output_sequence_length": 20}, (BATCH, 1), (BATCH, 20)),
        (
            {"output_sequence_length": Sym("maxlen"), "max_tokens": 100},
            (BATCH,),
            (BATCH, Sym("maxlen")),
        ),
        ({}, (BATCH, 1), (BATCH, UNKNOWN)),
        ({"output_mode": "int", "output_sequence_length": None}, (BATCH,), (BATCH, UNKNOWN)),
    ],
)
def test_text_vectorization_int_mode(layer, run, config, input_dims, expected) -> None:
    assert run(layer("TextVectorization", **config), Shape(input_dims)) == [Shape(expected)]


@pytest.mark.parametrize(
    ("config", "input_shape"),
    [
        ({"output_mode": "multi_hot", "max_tokens": 50}, Shape((BATCH,))),
        ({"output_sequence_length": 20}, Shape.unknown()),
    ],
)
def test_text_vectorization_unknown(layer, run, config, input_shape) -> None:
    assert run(layer("TextVectorization", **config), input_shape) == [Shape.unknown()]

"""ReversibleEmbedding (forward and ``reverse=True``) and Embedding's LoRA weights (proven
against Keras in tests/catalogue)."""

from __future__ import annotations

import pytest

from seqlint.dims import UNKNOWN, Shape
from seqlint.shapes.catalogue import count_params, spec
from seqlint.shapes.problems import ProblemKind, ShapeProblem


def test_reversible_embedding(layer, shape, run):
    tokens, vectors = shape(20), shape(20, 16)
    emb = layer("ReversibleEmbedding", input_dim=1000, output_dim=16)
    assert run(emb, tokens) == [vectors]
    assert run(layer(emb.kind, **emb.config, reverse=True), vectors) == [shape(20, 1000)]
    assert run(layer(emb.kind, **emb.config, reverse=UNKNOWN), vectors) == [Shape.unknown()]
    assert count_params(emb, (tokens,)) == 16000
    untied = layer("ReversibleEmbedding", input_dim=1000, output_dim=16, tie_weights=False)
    assert count_params(untied, (tokens,)) == 32000
    with pytest.raises(ShapeProblem) as info:  # the matmul fails when the model runs
        run(layer(emb.kind, **emb.config, reverse=True), shape(20, 8))
    assert info.value.kind is ProblemKind.LAYER_CONFIG
    entry = spec("ReversibleEmbedding")
    assert entry is not None and entry.call_options == ("reverse",)


def test_embedding_lora(layer, shape):
    emb = layer("Embedding", input_dim=100, output_dim=8, lora_rank=4)
    assert count_params(emb, (shape(20),)) == 800 + 4 * (100 + 8)

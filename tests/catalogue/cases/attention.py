"""Cases for Attention, AdditiveAttention and MultiHeadAttention."""

from __future__ import annotations

import random

from tests.catalogue.cases import generates
from tests.catalogue.cases.draw import maybe, size
from tests.catalogue.harness import Case


@generates("Attention", "AdditiveAttention")
def attention(rng: random.Random, kind: str) -> Case:
    dim = size(rng, 2, 8, unknown=0.05)
    query = (size(rng, 1, 9), dim)
    value = (size(rng, 1, 9), dim if rng.random() < 0.85 else size(rng, 2, 8))
    inputs = (query, value) if rng.random() < 0.7 else (query, value, value)
    config: dict = {}
    if kind == "Attention":
        maybe(rng, config, "score_mode", "dot", "concat")
    call = {"return_attention_scores": True} if rng.random() < 0.3 else {}
    return Case(kind, config, inputs, as_list=True, call=call)


@generates("MultiHeadAttention")
def multi_head_attention(rng: random.Random, kind: str) -> Case:
    config: dict = {"num_heads": rng.randint(1, 4), "key_dim": rng.randint(1, 6)}
    maybe(rng, config, "value_dim", rng.randint(1, 6))
    maybe(rng, config, "output_shape", rng.randint(1, 6))
    maybe(rng, config, "use_bias", False)
    query = (size(rng, 1, 9), size(rng, 2, 8, unknown=0.05))
    value = (size(rng, 1, 9), size(rng, 2, 8, unknown=0.05))
    inputs = (query, value) if rng.random() < 0.7 else (query, value, value)
    scores = rng.random() < 0.3
    call = {"return_attention_scores": True} if scores else {}
    # Keras's symbolic scores are (batch, heads, Tq, Tq); a real run gives Tv
    return Case(kind, config, inputs, call=call, runtime=scores)

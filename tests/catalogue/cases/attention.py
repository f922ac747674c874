"""Cases for Attention, AdditiveAttention, MultiHeadAttention and GroupQueryAttention."""

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
    maybe(rng, config, "output_shape", rng.randint(1, 6), (rng.randint(1, 3), rng.randint(1, 3)))
    maybe(rng, config, "use_bias", False)
    maybe(rng, config, "use_gate", True)
    if rng.random() < 0.3:  # images: attention over the rows, the columns, or both
        config["attention_axes"] = rng.choice([(1,), (2,), (1, 2), -2, (-3, -2)])
        query = (size(rng, 1, 5), size(rng, 1, 5), size(rng, 2, 8, unknown=0.05))
        value = (
            *(size(rng, 1, 5) if rng.random() < 0.4 else d for d in query[:2]),
            size(rng, 2, 8, unknown=0.05),
        )
    else:
        query = (size(rng, 1, 9), size(rng, 2, 8, unknown=0.05))
        value = (size(rng, 1, 9), size(rng, 2, 8, unknown=0.05))
        if rng.random() < 0.1:  # an input without steps, or of another rank than the other
            if rng.random() < 0.5:
                query = query[1:]
            else:
                value = (rng.randint(2, 3), *value)
    inputs: tuple = (query, value)
    if rng.random() < 0.3:  # a key of its own, now and then of other steps than the value
        key = (value[0] if rng.random() < 0.8 else size(rng, 1, 9), *value[1:-1], rng.randint(2, 8))
        inputs = (query, value, key)
    scores = rng.random() < 0.3
    call = {"return_attention_scores": True} if scores else {}
    # Keras's symbolic scores are (batch, heads, Tq, Tq); a real run gives the key's steps
    return Case(kind, config, inputs, call=call, runtime=scores)


@generates("GroupQueryAttention")
def group_query_attention(rng: random.Random, kind: str) -> Case:
    groups = rng.randint(1, 3)
    config: dict = {
        "head_dim": rng.randint(1, 4),
        "num_query_heads": groups * rng.randint(1, 3),
        "num_key_value_heads": groups,
    }
    maybe(rng, config, "use_bias", False)
    maybe(rng, config, "use_gate", True)
    features = size(rng, 2, 8, unknown=0.05)
    query = (size(rng, 1, 9), features)
    value = (size(rng, 1, 9), features if rng.random() < 0.85 else size(rng, 2, 8))
    if rng.random() < 0.1:  # GroupQueryAttention takes (batch, steps, features) only
        query = (*query, features) if rng.random() < 0.5 else query[1:]
    inputs: tuple = (query, value)
    if rng.random() < 0.3:
        key = (value[0] if rng.random() < 0.8 else size(rng, 1, 9), rng.randint(2, 8))
        inputs = (query, value, key)
    call = {"return_attention_scores": True} if rng.random() < 0.3 else {}
    return Case(kind, config, inputs, call=call)

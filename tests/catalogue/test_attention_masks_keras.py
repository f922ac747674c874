"""The masks of the attention layers against real Keras 3, on generated calls.

MultiHeadAttention, GroupQueryAttention, Attention and AdditiveAttention are called on inputs
of which some carry a Keras mask (a ``Masking`` layer: the input's shape without its last
axis), with an ``attention_mask`` of a shape drawn among the usual ones and the wrong ones,
with and without ``use_causal_mask``, dropout and returned scores. Keras checks masks only
when the model runs, so each call is run (``predict`` on a batch of 7, a size no axis here
has); seqlint must raise exactly where Keras does, and agree on the shapes. Steps are left
undefined (None) only without an ``attention_mask``: whether a mask of fixed steps fits then
depends on the data.
"""

from __future__ import annotations

import os
import random

import pytest

from tests.catalogue.cases.draw import size
from tests.catalogue.harness import AGREE, AGREE_ERROR, Case, compare

pytestmark = [pytest.mark.keras, pytest.mark.filterwarnings("ignore::UserWarning")]
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

CASES = 40
SEED = 0
BATCH = 7  # the batch of the real runs: no axis here has 7


def _steps(rng: random.Random, masked_only: bool) -> tuple[int | None, int | None]:
    unknown = 0.15 if masked_only else 0.0
    return size(rng, 2, 6, unknown=unknown), size(rng, 2, 6, unknown=unknown)


def _attention_mask(rng: random.Random, t: int, s: int, heads: int, lead: tuple) -> tuple:
    """A shape people give ``attention_mask`` (without the batch axis), right or wrong."""
    wrong = s + 1
    return rng.choice(
        [
            (*lead, t, s),
            (*lead, 1, s),
            (1, *lead, 1, s),
            (s,),
            (t,),
            (heads, *lead, t, s),
            (1, *lead, t, s),
            (*lead, t, wrong),
            (1, 1, 1, *lead, s),
            (BATCH, *lead, t, s),
        ]
    )


def multi_head(rng: random.Random) -> Case:
    heads = rng.randint(1, 4)
    given = rng.random() < 0.6
    t, s = _steps(rng, not given)
    lead: tuple = (rng.randint(2, 3),) if rng.random() < 0.2 else ()
    query, value = (*lead, t, 8), (*lead, s, 6)
    inputs: tuple = (query, value) if rng.random() < 0.7 else (query, value, (*lead, s, 4))
    masked = tuple(rng.random() < 0.5 for _ in inputs)
    keywords = {}
    if given or not any(masked):
        t, s = t or 3, s or 4
        inputs = tuple((*x[:-2], y, x[-1]) for x, y in zip(inputs, (t, s, s), strict=False))
        keywords["attention_mask"] = _attention_mask(rng, t, s, heads, lead)
    config: dict = {"num_heads": heads, "key_dim": 4}
    if rng.random() < 0.3:
        config["dropout"] = 0.1
    call: dict = {}
    if rng.random() < 0.3:
        call["use_causal_mask"] = True
    if rng.random() < 0.2:
        call["return_attention_scores"] = True
    return Case(
        "MultiHeadAttention",
        config,
        inputs,
        call=call,
        masked=masked,
        keywords=keywords,
        runtime=True,
        run_batch=BATCH,
    )


def group_query(rng: random.Random) -> Case:
    heads = rng.choice([2, 4])
    given = rng.random() < 0.6
    t, s = _steps(rng, not given)
    masked = (rng.random() < 0.5, rng.random() < 0.5)
    keywords = {}
    if given or not any(masked):
        t, s = t or 3, s or 4
        keywords["attention_mask"] = _attention_mask(rng, t, s, heads, ())
    inputs = ((t, 8), (s, 8))
    config = {"head_dim": 4, "num_query_heads": heads, "num_key_value_heads": 2}
    call = {"use_causal_mask": True} if rng.random() < 0.3 else {}
    return Case(
        "GroupQueryAttention",
        config,
        inputs,
        call=call,
        masked=masked,
        keywords=keywords,
        runtime=True,
        run_batch=BATCH,
    )


def dot_product(rng: random.Random) -> Case:
    kind = rng.choice(["Attention", "AdditiveAttention"])
    t, s = _steps(rng, True)
    lead: tuple = (rng.randint(2, 3),) if rng.random() < 0.3 else ()
    inputs = ((*lead, t, 4), (*lead, s, 4))
    masked = (rng.random() < 0.6, rng.random() < 0.6)
    call = {"use_causal_mask": True} if rng.random() < 0.3 else {}
    return Case(
        kind, {}, inputs, as_list=True, call=call, masked=masked, runtime=True, run_batch=BATCH
    )


GENERATORS = {
    "MultiHeadAttention": multi_head,
    "GroupQueryAttention": group_query,
    "Attention": dot_product,
}


@pytest.mark.parametrize("kind", sorted(GENERATORS))
def test_masks_agree_with_keras(kind: str) -> None:
    keras = pytest.importorskip("keras")
    rng = random.Random(f"{SEED}:masks:{kind}")
    results = [compare(GENERATORS[kind](rng)) for _ in range(CASES)]
    keras.backend.clear_session()
    failures = [c for c in results if not c.agrees]
    assert not failures, "\n".join(str(c) for c in failures[:10])
    raised = sum(c.verdict == AGREE_ERROR for c in results)
    assert raised and sum(c.verdict == AGREE for c in results), "both outcomes are drawn"

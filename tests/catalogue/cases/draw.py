"""Helpers to draw sizes and shapes for the case generators."""

from __future__ import annotations

import random
from typing import Any


def size(rng: random.Random, low: int = 1, high: int = 12, unknown: float = 0.15) -> int | None:
    """A size in ``[low, high]``, or None (unknown to Keras) with probability ``unknown``."""
    return None if rng.random() < unknown else rng.randint(low, high)


def shape(rng: random.Random, rank: int, **kwargs: Any) -> tuple[int | None, ...]:
    """A shape of ``rank`` axes (without the batch axis)."""
    return tuple(size(rng, **kwargs) for _ in range(rank))


def rank(rng: random.Random, usual: int, low: int = 1, high: int = 4, odd: float = 0.15) -> int:
    """Usually ``usual``; with probability ``odd`` another rank in ``[low, high]`` (often an
    invalid one)."""
    if rng.random() < odd:
        return rng.choice([r for r in range(low, high + 1) if r != usual] or [usual])
    return usual


def maybe(rng: random.Random, config: dict[str, Any], key: str, *choices: Any) -> None:
    """Set ``config[key]`` to one of ``choices`` half of the time (else Keras's default)."""
    if rng.random() < 0.5:
        config[key] = rng.choice(choices)

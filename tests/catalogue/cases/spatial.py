"""Helpers for the layers with spatial axes (convolutions, pooling, cropping...): per-axis
entries, inputs in either data format, sizes at the edge of a window."""

from __future__ import annotations

import random
import re
from typing import Any

from tests.catalogue.cases.draw import maybe, size


def spatial_rank(kind: str) -> int:
    """The number of spatial axes of a ``...1D``/``2D``/``3D`` class."""
    found = re.search(r"(\d)D", kind)
    assert found is not None, kind
    return int(found.group(1))


def per_axis(rng: random.Random, rank: int, low: int, high: int) -> int | tuple[int, ...]:
    """An int for every axis, or one per axis (as Keras takes ``kernel_size``)."""
    if rank == 1 or rng.random() < 0.5:
        value = rng.randint(low, high)
        return (value,) if rank == 1 and rng.random() < 0.2 else value
    return tuple(rng.randint(low, high) for _ in range(rank))


def axis_values(value: int | tuple[int, ...], rank: int) -> tuple[int, ...]:
    return (value,) * rank if isinstance(value, int) else value


def data_format(rng: random.Random, config: dict[str, Any]) -> bool:
    """Maybe set ``data_format``; True when it is channels_first."""
    maybe(rng, config, "data_format", "channels_last", "channels_first")
    return config.get("data_format") == "channels_first"


def image(
    rng: random.Random,
    rank: int,
    first: bool,
    *,
    channels: int | None = None,
    high: int | None = None,
    odd: float = 0.15,
) -> tuple[int | None, ...]:
    """An input of ``rank`` spatial axes without the batch axis (channels where
    ``data_format`` puts them); with probability ``odd`` one axis more or less."""
    high = high or (12 if rank == 1 else 9 if rank == 2 else 7)
    ndim = rank + 1
    if rng.random() < odd:
        ndim = rng.choice([n for n in (ndim - 1, ndim + 1) if n >= 1])
    spatial = [size(rng, 1 if rank == 1 else 2, high) for _ in range(max(ndim - 1, 0))]
    chans = channels if channels is not None else size(rng, 1, 6, unknown=0.08)
    return tuple([chans, *spatial] if first else [*spatial, chans]) if ndim > 1 else (chans,)


def at_edge(
    rng: random.Random,
    shape: tuple[int | None, ...],
    first: bool,
    rank: int,
    spans: tuple[int, ...],
) -> tuple[int | None, ...]:
    """``shape`` with, half of the time, one spatial axis set to its window's span or one less
    (the window fits exactly, or by one position too few)."""
    if len(shape) != rank + 1 or rng.random() < 0.5:
        return shape
    axis = rng.randrange(rank)
    dims = list(shape)
    position = axis + 1 if first else axis
    dims[position] = max(1, spans[axis] - rng.choice([0, 1]))
    return tuple(dims)

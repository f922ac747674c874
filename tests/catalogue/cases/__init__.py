"""Generated layer configurations, per Keras layer class, for the comparison with Keras.

Each family module registers, with :func:`generates`, a function that draws one
:class:`~tests.catalogue.harness.Case` of a given kind from a random generator: valid
configurations and invalid ones (a kernel longer than its input, a wrong rank, sizes that
cannot match), with undefined (``None``) sizes among them. :func:`cases_for` draws a
kind's cases from a fixed seed, so a run is reproducible and each kind's sample does not
depend on the others.
"""

from __future__ import annotations

import importlib
import pkgutil
import random
from collections.abc import Callable

from tests.catalogue.harness import Case

Generator = Callable[[random.Random, str], Case]
GENERATORS: dict[str, Generator] = {}


def generates(*kinds: str) -> Callable[[Generator], Generator]:
    """Register the decorated function as the case generator of ``kinds``."""

    def register(fn: Generator) -> Generator:
        for kind in kinds:
            if kind in GENERATORS:
                raise ValueError(f"two generators for {kind}")
            GENERATORS[kind] = fn
        return fn

    return register


def generated_kinds() -> frozenset[str]:
    """Every kind a generator is registered for."""
    _load()
    return frozenset(GENERATORS)


def cases_for(kind: str, n: int, seed: int = 0) -> list[Case]:
    """``n`` cases of ``kind`` drawn from ``seed``."""
    _load()
    rng = random.Random(f"{seed}:{kind}")
    return [GENERATORS[kind](rng, kind) for _ in range(n)]


def _load() -> None:
    """Import every family module (each registers its generators)."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")

"""Generated calls of each tensor op, for the comparison with Keras and TensorFlow.

Each family module registers, with :func:`generates_op`, a function drawing one call's
canonical arguments (``keras.ops`` names; tensors as :class:`~tests.catalogue.ops_harness.T`)
from a random generator: valid calls and failing ones (inner sizes that differ, shapes that
cannot broadcast, a reshape that cannot hold the values, an axis out of range), with
undefined (``None``) sizes. :func:`op_cases_for` draws an op's calls from a fixed seed; each
call is then made through every spelling of the op that can express it.
"""

from __future__ import annotations

import importlib
import pkgutil
import random
from collections.abc import Callable
from typing import Any

from tests.catalogue.ops_harness import OpCase

OpGenerator = Callable[[random.Random, str], dict[str, Any]]
OP_GENERATORS: dict[str, OpGenerator] = {}


def generates_op(*ops: str) -> Callable[[OpGenerator], OpGenerator]:
    def register(fn: OpGenerator) -> OpGenerator:
        for name in ops:
            if name in OP_GENERATORS:
                raise ValueError(f"two generators for {name}")
            OP_GENERATORS[name] = fn
        return fn

    return register


def generated_ops() -> frozenset[str]:
    _load()
    return frozenset(OP_GENERATORS)


def op_cases_for(name: str, n: int, seed: int = 0) -> list[OpCase]:
    _load()
    rng = random.Random(f"{seed}:{name}")
    return [OpCase(name, OP_GENERATORS[name](rng, name)) for _ in range(n)]


def _load() -> None:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")

"""Every modelled layer class against real Keras 3, on generated configurations.

For each class of the catalogue with a shape function, :data:`CASES_PER_CLASS` configurations
drawn from a fixed seed (valid and invalid, with undefined sizes) are built in Keras and
answered by seqlint: the output shapes, the parameter count and whether building raises must
agree exactly (``benchmarks/compare_layers.py`` runs a larger sample and writes
docs/layers.md). The constructor's positional parameters and the list of ``keras.layers``
exports are checked against Keras as well.
"""

from __future__ import annotations

import inspect
import os

import pytest

from seqlint.frontend.keras_api import LAYERS_EXPORTS
from seqlint.shapes.catalogue import spec, specs
from tests.catalogue.cases import cases_for, generated_kinds
from tests.catalogue.harness import compare

pytestmark = [
    pytest.mark.keras,
    pytest.mark.filterwarnings("ignore::UserWarning"),
]
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

CASES_PER_CLASS = 20
SEED = 0
# Catalogue kinds that are not ``keras.layers`` classes: the frontend's own stand-ins.
INTERNAL = frozenset(
    {
        "ModelInput",
        "Sequential",
        "Functional",
        "Input",
        "Weight",
        "Constant",
        "Declared",
        "TimeSteps",
        "CellState",
        "CellStates",
        "StackedCellInput",
    }
)


def _modelled() -> list[str]:
    return [s.kind for s in specs() if s.shape is not None and s.kind not in INTERNAL]


@pytest.mark.parametrize("kind", _modelled())
def test_layer_agrees_with_keras(kind: str) -> None:
    keras = pytest.importorskip("keras")
    assert kind in generated_kinds(), f"{kind} has a shape function but no generated cases"
    failures = [c for c in map(compare, cases_for(kind, CASES_PER_CLASS, SEED)) if not c.agrees]
    keras.backend.clear_session()
    assert not failures, "\n".join(str(c) for c in failures[:10])


def test_layers_exports_are_keras_s() -> None:
    keras = pytest.importorskip("keras")
    assert set(LAYERS_EXPORTS) == {n for n in dir(keras.layers) if not n.startswith("_")}


def _init_parameters(cls: type) -> tuple[str, ...]:
    params = inspect.signature(cls.__init__).parameters.values()
    return tuple(p.name for p in params if p.kind is p.POSITIONAL_OR_KEYWORD and p.name != "self")


def test_positional_parameters_are_keras_s() -> None:
    keras = pytest.importorskip("keras")
    wrong = []
    known = {s.kind: s.positional for s in specs() if s.kind not in INTERNAL}
    for kind, positional in known.items():
        cls = getattr(keras.layers, kind, None)
        if cls is None:
            wrong.append((kind, "not in keras.layers"))
        elif _init_parameters(cls)[: len(positional)] != positional:
            wrong.append((kind, positional, _init_parameters(cls)[:6]))
    assert not wrong, wrong


def test_aliases_are_the_same_keras_class() -> None:
    keras = pytest.importorskip("keras")
    for entry in specs():
        for alias in entry.aliases:
            assert getattr(keras.layers, alias) is getattr(keras.layers, entry.kind), alias
    assert spec("Convolution1D") is spec("Conv1D")

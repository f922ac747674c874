"""``seqlint shapes`` against real Keras: every output shape and parameter count seqlint claims
to know equals what Keras computes for the same layer.

Each script runs in-process (``runpy``) while ``Layer.__init__`` records, for every layer Keras
makes, the script line that made it. Training calls only build the model, by calling it on the
first sample of their data, which is all the shapes need and saves the training. A seqlint layer
is matched to the Keras layers of the same class made on its line (a line in a loop or a function
called twice makes several); one of them must agree on every known dim and on the parameter
count.
"""

from __future__ import annotations

import contextlib
import os
import runpy
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from seqlint.dims import BATCH, Shape, is_known
from seqlint.rules import ALL_RULES
from seqlint.summary import LayerSummary, summarize_source
from tests.oracle.generate import generate

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = [
    pytest.mark.keras,
    pytest.mark.filterwarnings("ignore::UserWarning"),
]

ROOT = Path(__file__).resolve().parents[2]
ORACLE_SEED, ORACLE_SAMPLE = 100_000, 40
KERAS_CLASS = {"Input": "InputLayer"}  # seqlint kind -> Keras class, where they differ


@dataclass
class KerasLayer:
    kind: str
    outputs: list[tuple[int | None, ...]] | None  # None: not applied exactly once
    params: int | None  # None: not built


def scripts(tmp: Path) -> list[Path]:
    found = sorted((ROOT / "examples").glob("*_good.py"))
    found += sorted((ROOT / "tests" / "keras" / "custom_layers").glob("*.py"))
    for rule in ALL_RULES:
        path = tmp / f"rule_{rule.code}_good.py"
        path.write_text(rule.good_example)
        found.append(path)
    made = [generate(ORACLE_SEED + i) for i in range(ORACLE_SAMPLE)]
    for script in (s for s in made if s.meta.bug is None):
        path = tmp / f"oracle_{script.meta.seed}.py"
        path.write_text(script.text)
        found.append(path)
    return found


@contextlib.contextmanager
def building_instead_of_training() -> Iterator[None]:
    import keras

    # predict runs for real: scripts use what it returns (scaler.inverse_transform)
    methods = ("fit", "evaluate", "train_on_batch", "test_on_batch")
    originals = {name: getattr(keras.Model, name) for name in methods}

    def build_only(name):
        def run(self, x=None, *args, **kwargs):
            if self.built:
                return None
            try:
                self(keras.tree.map_structure(lambda a: a[:1], x))
            except Exception:  # noqa: BLE001 - data this shortcut cannot slice: run it
                return originals[name](self, x, *args, **kwargs)
            return None

        return run

    for name in methods:
        setattr(keras.Model, name, build_only(name))
    try:
        yield
    finally:
        for name, method in originals.items():
            setattr(keras.Model, name, method)


@contextlib.contextmanager
def recording_layers(script: Path) -> Iterator[dict[int, list[object]]]:
    """Every Keras layer made while the block runs, by the line of ``script`` that made it."""
    from keras.src.layers.layer import Layer

    made: dict[int, list[object]] = {}
    original = Layer.__init__
    target = str(script)

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        frame = sys._getframe(1)
        # the script's line that makes the layer, past its own __init__s (a custom layer's
        # ``super().__init__()`` is in the script too)
        while frame is not None and (
            frame.f_code.co_filename != target or frame.f_locals.get("self") is self
        ):
            frame = frame.f_back
        if frame is not None:
            made.setdefault(frame.f_lineno, []).append(self)

    Layer.__init__ = init
    try:
        yield made
    finally:
        Layer.__init__ = original


def describe(layer: object) -> KerasLayer:
    try:
        output = layer.output  # type: ignore[attr-defined]
        tensors = output if isinstance(output, (list, tuple)) else [output]
        outputs = [tuple(t.shape) for t in tensors]
    except (AttributeError, ValueError):
        outputs = None
    try:
        params = layer.count_params() if layer.built else None  # type: ignore[attr-defined]
    except ValueError:
        params = None
    return KerasLayer(type(layer).__name__, outputs, params)


def run_in_keras(script: Path) -> dict[int, list[KerasLayer]]:
    with recording_layers(script) as made, building_instead_of_training():
        runpy.run_path(str(script), run_name="__main__")
    return {line: [describe(layer) for layer in layers] for line, layers in made.items()}


def shape_agrees(ours: Shape, theirs: tuple[int | None, ...]) -> bool:
    if ours.dims is None:
        return True
    if len(ours.dims) != len(theirs):
        return False
    for dim, size in zip(ours.dims, theirs, strict=True):
        if is_known(dim) and dim != size:
            return False
        if dim is BATCH and size is not None and not isinstance(size, int):
            return False
    return True


def agrees(ours: LayerSummary, theirs: KerasLayer) -> bool:
    if ours.params is not None and theirs.params is not None and ours.params != theirs.params:
        return False
    if ours.outputs is None or theirs.outputs is None:
        return True
    if len(ours.outputs) != len(theirs.outputs):
        return False
    return all(shape_agrees(o, t) for o, t in zip(ours.outputs, theirs.outputs, strict=True))


def claims(layer: LayerSummary) -> int:
    """How many facts seqlint states about ``layer`` (known dims and a known count)."""
    dims = sum(is_known(d) for s in layer.outputs or () for d in s.dims or ())
    return dims + (layer.params is not None)


@pytest.fixture(scope="module")
def compared(tmp_path_factory):
    """(script, seqlint layer, the Keras layers made on its line) for every claim."""
    rows = []
    for script in scripts(tmp_path_factory.mktemp("summary")):
        keras_layers = run_in_keras(script)
        for model in summarize_source(script.read_text()):
            for layer in model.layers:
                kind = KERAS_CLASS.get(layer.kind, layer.kind).removesuffix(" (custom)")
                made = [k for k in keras_layers.get(layer.layer_line, []) if k.kind == kind]
                if claims(layer) and made:
                    rows.append((script.name, layer, made))
    return rows


def test_every_known_shape_and_count_matches_keras(compared):
    wrong = [
        f"{name}:{layer.layer_line}: {layer.label}: seqlint {layer.row.shape} / {layer.params}, "
        f"Keras {[(k.outputs, k.params) for k in made]}"
        for name, layer, made in compared
        if not any(agrees(layer, k) for k in made)
    ]
    assert not wrong, "\n".join(wrong)


def test_the_comparison_covers_the_layer_families(compared):
    counted = {layer.kind for _, layer, _ in compared if layer.params is not None}
    assert {"LSTM", "GRU", "Dense", "Embedding", "Bidirectional", "TimeDistributed"} <= counted
    # custom layers: their call followed through ops and add_weight, one row each
    assert {"Attention (custom)", "Bilinear", "TransformerBlock"} <= counted
    assert len(compared) >= 150

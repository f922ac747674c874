"""Factories for the shape-function unit tests (no TensorFlow here)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from seqlint.dims import BATCH, UNKNOWN, Shape
from seqlint.ir import Layer, Loc, Span
from seqlint.shapes.catalogue import Call, output_shapes
from seqlint.shapes.layers import common


@pytest.fixture(autouse=True)
def _strict(monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash inside a shape function fails the test instead of becoming unknown."""
    monkeypatch.setattr(common, "STRICT", True)


def make_layer(kind: str, **config: Any) -> Layer:
    return Layer(kind, dict(config), Loc.fixed(Span(1, 1, 1, 1)), f"{kind}(...)")


def make_shape(*dims: Any) -> Shape:
    """``(batch, *dims)``; None stands for an unknown dim."""
    return Shape((BATCH, *(UNKNOWN if d is None else d for d in dims)))


def run_call(
    layer: Layer,
    *inputs: Shape,
    as_list: bool = False,
    states: tuple[Shape, ...] = (),
) -> list[Shape]:
    result = output_shapes(Call(layer, tuple(inputs), as_list=as_list, states=states))
    assert result is not None, f"{layer.kind} is not modelled"
    return result


@pytest.fixture
def layer() -> Callable[..., Layer]:
    return make_layer


@pytest.fixture
def shape() -> Callable[..., Shape]:
    return make_shape


@pytest.fixture
def run() -> Callable[..., list[Shape]]:
    return run_call

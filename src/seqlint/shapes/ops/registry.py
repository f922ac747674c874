"""The tensor-op vocabulary: one shape function per op, keyed by its canonical name.

Canonical names and parameters are those of ``keras.ops`` (Keras 3 is the reference); the
TensorFlow, ``keras.backend`` and NumPy-style spellings of the same op are aliases of it
(:mod:`seqlint.shapes.ops.aliases`), resolved once. An op is declared with :func:`op`: its
parameters in order (those holding a tensor marked, a list of tensors marked ``*``) and its
defaults, and a shape function that receives the bound arguments, tensors as their shapes.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from seqlint.dims import Shape
from seqlint.shapes.ops.common import Unreadable
from seqlint.shapes.problems import ShapeProblem

STRICT = False
"""When True, unexpected exceptions inside op shape functions propagate (tests set it)."""


@dataclass(frozen=True)
class OpCall:
    """An op applied: every parameter bound (defaults filled in), a tensor as its
    :class:`Shape`, a list of tensors as a tuple of shapes, anything else as the value the
    frontend evaluated (possibly unknown)."""

    name: str
    args: Mapping[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.args[name]


OpShapeFn = Callable[[OpCall], list[Shape]]


@dataclass(frozen=True)
class Param:
    name: str
    tensor: bool = False  # holds one tensor
    tensors: bool = False  # holds a list (or tuple) of tensors
    default: Any = None
    required: bool = False
    variadic: bool = False  # ``*operands``: the remaining positional arguments, as a tuple


@dataclass(frozen=True)
class OpSpec:
    """One op: its parameters (canonical, ``keras.ops`` order) and its shape function."""

    name: str
    params: tuple[Param, ...]
    shape: OpShapeFn
    family: str = ""
    outputs: Callable[[Mapping[str, Any]], int | None] | None = field(default=None)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


_OPS: dict[str, OpSpec] = {}


def op(
    name: str,
    signature: str,
    *,
    outputs: Callable[[Mapping[str, Any]], int | None] | None = None,
) -> Callable[[OpShapeFn], OpShapeFn]:
    """Declare op ``name`` with the parameters of ``signature`` and the decorated shape
    function. ``signature`` lists the parameters as Python does, e.g.
    ``"x:tensor, axis=None, keepdims=False"`` or ``"xs:tensors, axis=0"``: ``:tensor`` marks a
    tensor parameter, ``:tensors`` a list of tensors (``*operands:tensors`` the remaining
    positional arguments); a parameter without a default is required. ``outputs`` says how
    many tensors a call returns (None: one), from the bound arguments (``split``'s count,
    ``unstack``'s axis size; None when they do not tell). Decorators stack, for ops sharing a
    shape function."""

    def register(fn: OpShapeFn) -> OpShapeFn:
        if name in _OPS:
            raise ValueError(f"op {name} is declared twice")
        family = fn.__module__.rsplit(".", 1)[-1]
        _OPS[name] = OpSpec(name, parse_params(signature), _guarded(fn), family, outputs)
        return fn

    return register


def parse_params(signature: str) -> tuple[Param, ...]:
    """``"x:tensor, axis=None"`` as :class:`Param`s (defaults are Python literals)."""
    import ast

    params = []
    for item in split_items(signature):
        name, _, default = item.partition("=")
        name, _, kind = name.strip().partition(":")
        variadic = name.startswith("*")
        value = ast.literal_eval(default.strip()) if default else () if variadic else None
        params.append(
            Param(
                name.lstrip("*"),
                tensor=kind == "tensor",
                tensors=kind == "tensors",
                default=value,
                required=not default and not variadic,
                variadic=variadic,
            )
        )
    return tuple(params)


def split_items(text: str) -> list[str]:
    """The comma-separated items of a signature, commas inside brackets kept (a default
    ``(1, 1)``)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += char in "([{"
        depth -= char in ")]}"
        if char == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def _guarded(fn: OpShapeFn) -> OpShapeFn:
    @functools.wraps(fn)
    def guarded(call: OpCall) -> list[Shape]:
        try:
            return fn(call)
        except ShapeProblem:
            raise
        except Unreadable:
            return [Shape.unknown()]
        except Exception:
            if STRICT:
                raise
            return [Shape.unknown()]

    return guarded


@functools.cache
def _load() -> None:
    """Declare every op: import each family module of :mod:`seqlint.shapes.ops`."""
    import seqlint.shapes.ops

    for module in pkgutil.iter_modules(seqlint.shapes.ops.__path__):
        importlib.import_module(f"seqlint.shapes.ops.{module.name}")


def op_spec(name: str) -> OpSpec | None:
    _load()
    return _OPS.get(name)


def op_specs() -> list[OpSpec]:
    """Every op, by name (the same order whichever modules a run imported first)."""
    _load()
    return sorted(_OPS.values(), key=lambda spec: spec.name)

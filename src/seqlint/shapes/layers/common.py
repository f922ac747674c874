"""Helpers shared by the shape functions: safe config reading, rank checks, dim arithmetic.

Config values come from source code the frontend evaluated: they may be
missing, plain constants, :class:`~seqlint.dims.Sym`,
:data:`~seqlint.dims.UNKNOWN`, nested :class:`~seqlint.ir.Layer`
objects or nonsense.  Every reader here turns what it cannot read into
"unknown" instead of failing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from seqlint.dims import BATCH, NONE, UNKNOWN, Dim, Shape, Sym, is_known
from seqlint.ir import Layer
from seqlint.shapes.catalogue import (
    Call,
    IndexFn,
    Indices,
    LayerSpec,
    ParamFn,
    ShapeFn,
    Trait,
    declare,
)
from seqlint.shapes.problems import ProblemKind, ShapeProblem

STRICT = False
"""When True, unexpected exceptions inside shape functions propagate (tests set it)."""

MISSING: Any = object()
"""Sentinel default: the config value is absent."""


def keras_layer(
    kind: str,
    *,
    positional: tuple[str, ...] = (),
    params: ParamFn | None = None,
    aliases: tuple[str, ...] = (),
    traits: Iterable[Trait] = (),
    drops_time_axis: str = "",
    states: tuple[str, ...] = (),
    call_options: tuple[str, ...] = (),
    indices: IndexFn | None = None,
) -> Callable[[ShapeFn], ShapeFn]:
    """Declare the Keras layer ``kind`` in the catalogue, with the decorated function as
    its shape function (see :class:`~seqlint.shapes.catalogue.LayerSpec` for the rest).

    Guarded: a crash inside the shape or parameter function is an unknown result.
    Decorators stack, for classes that share a shape function.
    """

    def wrap(fn: ShapeFn) -> ShapeFn:
        family = fn.__module__.rsplit(".", 1)[-1]
        declare(
            LayerSpec(
                kind,
                family,
                shape=_guarded(fn),
                params=None if params is None else _guarded_params(params),
                positional=positional,
                aliases=aliases,
                traits=frozenset(traits),
                drops_time_axis=drops_time_axis,
                states=states,
                call_options=call_options,
                indices=None if indices is None else _guarded_indices(indices),
            )
        )
        return fn

    return wrap


def _guarded(fn: ShapeFn) -> ShapeFn:
    @functools.wraps(fn)
    def guarded(call: Call) -> list[Shape]:
        try:
            return fn(_without_scalars(call))
        except ShapeProblem:
            raise
        except Exception:
            if STRICT:
                raise
            return [Shape.unknown()]

    return guarded


def _guarded_params(fn: ParamFn) -> ParamFn:
    @functools.wraps(fn)
    def guarded(call: Call) -> int | None:
        try:
            count = fn(_without_scalars(call))
        except Exception:
            if STRICT:
                raise
            return None
        return count if count is None or count >= 0 else None

    return guarded


def _guarded_indices(fn: IndexFn) -> IndexFn:
    @functools.wraps(fn)
    def guarded(layer: Layer) -> Indices | None:
        try:
            return fn(layer)
        except Exception:
            if STRICT:
                raise
            return None

    return guarded


def no_weights(call: Call) -> int:
    """The parameter count of a layer without weights."""
    return 0


def _without_scalars(call: Call) -> Call:
    """Keras layer inputs always have a batch axis: a rank-0 shape is read as unknown."""
    if all(s.dims != () for s in (*call.inputs, *call.states)):
        return call

    def fix(shapes: tuple[Shape, ...]) -> tuple[Shape, ...]:
        return tuple(Shape.unknown() if s.dims == () else s for s in shapes)

    return Call(call.layer, fix(call.inputs), as_list=call.as_list, states=fix(call.states))


# -- reading config values ---------------------------------------------------------------


def as_dim(value: Any) -> Dim:
    """A dimension from a config value: ints (not bools) and symbols carry over."""
    if is_known(value) or isinstance(value, Sym):
        return value
    return UNKNOWN


def config_dim(layer: Layer, name: str, default: Any = MISSING) -> Dim:
    """An integer-valued config entry (``units``, ``filters``...) as a dim; a size of zero
    or less (``LSTM(-3)``), which Keras refuses, is unknown."""
    value = layer.config.get(name, default)
    return UNKNOWN if value is MISSING else positive(as_dim(value))


def positive(dim: Dim) -> Dim:
    """``dim``, or unknown for a known size of zero or less: never shown as a size."""
    return UNKNOWN if is_known(dim) and dim <= 0 else dim


def config_int(layer: Layer, name: str, default: Any = MISSING) -> int | None:
    """A known int config entry, None if missing without default or not a known int."""
    value = layer.config.get(name, default)
    return value if is_known(value) else None


def config_bool(layer: Layer, name: str, default: bool) -> bool | None:
    """A boolean flag; None when it cannot be read (a symbol, unknown, nonsense).

    Keras tests these flags for truthiness, so ``None`` and the ints 0/1 read as
    False/True.
    """
    value = layer.config.get(name, default)
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if is_known(value):
        return bool(value)
    return None


def int_tuple(value: Any, n: int) -> tuple[Dim, ...] | None:
    """``kernel_size``-style value (an int or a tuple of ``n`` ints) as dims; None if unreadable."""
    if isinstance(value, bool):
        return None
    if is_known(value) or isinstance(value, Sym):
        return (value,) * n
    if isinstance(value, (tuple, list)) and len(value) == n:
        dims = tuple(as_dim(v) for v in value)
        return dims
    return None


def nested_layer(layer: Layer, name: str) -> Layer | None:
    value = layer.config.get(name)
    return value if isinstance(value, Layer) else None


def data_format(layer: Layer) -> str | None:
    """``channels_last`` (the default), ``channels_first``, or None when unreadable."""
    value = layer.config.get("data_format", None)
    if value is None:
        return "channels_last"
    if isinstance(value, str) and value.lower() in ("channels_last", "channels_first"):
        return value.lower()
    return None


# -- shapes --------------------------------------------------------------------------------


def batch_of(shape: Shape) -> Dim:
    """The batch dim of ``shape`` (BATCH when the rank is unknown)."""
    if shape.dims:
        return shape.dims[0]
    return BATCH


def require_rank(
    call: Call,
    rank: int,
    expected: str,
    *,
    at_least: bool = False,
    shape: Shape | None = None,
    input_index: int = 0,
) -> None:
    """Raise a RANK problem when the input's rank is known and wrong (``>= rank`` if at_least)."""
    shape = call.input if shape is None else shape
    if shape.rank is None:
        return
    ok = shape.rank >= rank if at_least else shape.rank == rank
    if ok:
        return
    wanted = f">= {rank}" if at_least else str(rank)
    raise ShapeProblem(
        ProblemKind.RANK,
        f"expected input of rank {wanted} {expected}, got {shape}",
        input_index=input_index,
        expected=expected,
        got=shape,
        expected_rank=rank,
    )


def require_defined(
    call: Call, axis: int, weights: str, *, shape: Shape | None = None, input_index: int = 0
) -> None:
    """Raise an UNDEFINED_AXIS problem when axis ``axis`` of the input (negative: from the
    end) is one Keras leaves undefined (None) and the layer sizes ``weights`` by it: Keras
    raises "Shapes used to initialize variables must be fully-defined" when it builds."""
    shape = call.input if shape is None else shape
    if shape.dims is None or not -len(shape.dims) <= axis < len(shape.dims):
        return
    if shape.dims[axis] is not NONE:
        return
    position = axis % len(shape.dims)
    raise ShapeProblem(
        ProblemKind.UNDEFINED_AXIS,
        f"{call.layer.kind} sizes {weights} by axis {position} of its input {shape}, "
        "whose length is undefined (None)",
        input_index=input_index,
        expected="a defined length on that axis",
        got=shape,
        axis=position,
    )


def not_a_list(call: Call, keras_words: str) -> list[Shape]:
    """Unknown output, or MERGE_NOT_LIST when the single argument is surely one tensor."""
    if len(call.inputs) == 1 and call.inputs[0].known_rank:
        shape = call.inputs[0]
        raise ShapeProblem(
            ProblemKind.MERGE_NOT_LIST,
            f"{call.layer.kind} was called on one tensor {shape}; {keras_words}",
            input_index=0,
            expected="a list of tensors",
            got=shape,
        )
    return [Shape.unknown()]


def unknowns(n: int) -> list[Shape]:
    return [Shape.unknown() for _ in range(n)]


# -- parameter counts ------------------------------------------------------------------------


def features(shape: Shape) -> int | None:
    """The known size of the last axis."""
    if shape.dims is None or not shape.dims or not is_known(shape.dims[-1]):
        return None
    return shape.dims[-1]


def with_bias(layer: Layer, weights: int, bias: int) -> int | None:
    """``weights`` plus ``bias`` unless ``use_bias`` is off; None when it cannot be read."""
    use_bias = config_bool(layer, "use_bias", True)
    if use_bias is None:
        return None
    return weights + (bias if use_bias else 0)

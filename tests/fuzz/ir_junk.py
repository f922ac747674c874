"""Put unknown and ill-typed values into every value slot of a real IR, one at a time.

The frontend hands the rules values it evaluated from arbitrary code: UNKNOWN, a
symbol, a constant of the wrong type, a container where a tensor was expected.
:func:`perturbations` yields, for one extracted IR, each slot a rule may read (model
inputs/outputs, training-call arguments, layer configs, the windows of a generator,
the dims of a data array) replaced by each value of :data:`JUNK`, restoring it after.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from seqlint.dims import BATCH, UNKNOWN, Sym
from seqlint.ir import (
    Array,
    Batches,
    KerasName,
    KerasObject,
    Layer,
    Loc,
    ModuleIR,
    Span,
    TensorRef,
    UserFunction,
)

_LOC = Loc.fixed(Span(1, 1, 1, 1))

JUNK = (
    UNKNOWN,
    Sym("n"),
    None,
    "text",
    3.5,
    -1,
    0,
    True,
    (),
    [UNKNOWN],
    (UNKNOWN, UNKNOWN),
    {"k": UNKNOWN},
    {UNKNOWN: 1},
    KerasName("losses.mse"),
    KerasObject("losses.Huber", {}, _LOC, "Huber()"),
    UserFunction("f", ("y_true", "y_pred"), (("y_true", 0, _LOC),), _LOC),
    Layer("Dense", {"units": UNKNOWN}, _LOC, "Dense(?)"),
    Array(None),
    Array((UNKNOWN, Sym("n"))),
    Array((4, 3), value_range=(-2, 9)),
    Batches(UNKNOWN, UNKNOWN, "TimeseriesGenerator", UNKNOWN, _LOC),
    TensorRef(0, None),
    TensorRef(0, 7),
)
"""Values the frontend may hand a rule where it expects something else."""

JUNK_DIMS = (UNKNOWN, Sym("n"), BATCH, 0, -1, 1, 7)
"""Dims a data array may hold (a BATCH there is nonsense, and must still not crash)."""

# Training-call arguments rules read, given even where the source does not pass them.
CALL_KEYS = ("x", "y", "loss", "loss_weights", "batch_size", "sample_weight", "metrics")
# Layer config entries rules read, set even where the source does not pass them.
LAYER_KEYS = (
    "units",
    "input_dim",
    "output_dim",
    "mask_zero",
    "return_sequences",
    "return_state",
    "stateful",
    "name",
    "merge_mode",
    "layer",
    "activation",
    "input_length",
    "weights",
    "shape",
    "batch_shape",
    "input_shape",
    "kernel_size",
    "padding",
    "pool_size",
    "strides",
)


@contextmanager
def _set_item(mapping: dict, key: object, value: object) -> Iterator[None]:
    missing = key not in mapping
    old = mapping.get(key)
    mapping[key] = value
    try:
        yield
    finally:
        if missing:
            del mapping[key]
        else:
            mapping[key] = old


@contextmanager
def _set_item_at(items: list, index: int, value: object) -> Iterator[None]:
    old = items[index]
    items[index] = value
    try:
        yield
    finally:
        items[index] = old


@contextmanager
def _set_attr(obj: object, name: str, value: object) -> Iterator[None]:
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


Slot = tuple[str, Callable[[object], object]]  # description, context manager factory


def slots(ir: ModuleIR) -> Iterator[Slot]:
    """Every place a perturbation can go, as (description, value -> context manager)."""
    for i, model in enumerate(ir.models):
        for name in ("inputs", "outputs"):
            yield (f"model {i}.{name}", lambda v, m=model, n=name: _set_attr(m, n, v))
            yield (
                f"model {i}.{name} in a list",
                lambda v, m=model, n=name: _set_attr(m, n, [getattr(m, n), v]),
            )
    for i, call in enumerate(ir.training):
        for key in dict.fromkeys((*call.args, *CALL_KEYS)):
            yield (f"{call.method} {i} arg {key}", lambda v, a=call.args, k=key: _set_item(a, k, v))
        for key, value in call.args.items():
            yield from _nested_slots(f"{call.method} {i} arg {key}", call.args, key, value)
    for i, batches in enumerate(ir.windows):
        for name in ("x", "y", "window"):
            yield (
                f"windows {i}.{name}",
                lambda v, b=batches, n=name, i=i: _set_item_at(
                    ir.windows, i, dataclasses.replace(b, **{n: v})
                ),
            )
    seen: set[int] = set()
    for node in ir.nodes:
        layer = node.layer
        if id(layer) in seen:
            continue
        seen.add(id(layer))
        for key in dict.fromkeys((*layer.config, *LAYER_KEYS)):
            yield (
                f"{layer.label} config {key}",
                lambda v, c=layer.config, k=key: _set_item(c, k, v),
            )


def _nested_slots(where: str, args: dict, key: str, value: object) -> Iterator[Slot]:
    """Inside an argument: the parts of a Batches, the dims of an Array, list items."""
    if isinstance(value, Batches):
        for name in ("x", "y", "window"):
            yield (
                f"{where} .{name}",
                lambda v, b=value, n=name: _set_item(args, key, dataclasses.replace(b, **{n: v})),
            )
    if isinstance(value, Array) and value.shape:
        for axis in range(len(value.shape)):
            yield (
                f"{where} dim {axis}",
                lambda v, a=value, i=axis: _set_item(args, key, _with_dim(a, i, v)),
            )
    if isinstance(value, (list, tuple)):
        for index in range(len(value)):
            yield (
                f"{where}[{index}]",
                lambda v, seq=value, i=index: _set_item(args, key, _with_item(seq, i, v)),
            )


def _with_dim(array: Array, axis: int, value: object) -> Array:
    shape = list(array.shape or ())
    shape[axis] = value
    return dataclasses.replace(array, shape=tuple(shape))


def _with_item(seq: list | tuple, index: int, value: object) -> list | tuple:
    items = list(seq)
    items[index] = value
    return type(seq)(items)


def junk_for(description: str) -> tuple[object, ...]:
    """The values tried in one slot: array dims get dims, every other slot any junk."""
    return JUNK_DIMS if " dim " in description else JUNK


def perturbations(ir: ModuleIR) -> list[tuple[str, object, Callable[[object], object]]]:
    """Every (slot description, value, value -> context manager) for ``ir``."""
    return [
        (description, value, put)
        for description, put in slots(ir)
        for value in junk_for(description)
    ]

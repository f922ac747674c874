"""GroupNormalization, RMSNormalization, UnitNormalization and SpectralNormalization.

Keras 3.15 facts mirrored here:

* The first three keep their input's shape.
* GroupNormalization (``groups=32`` by default, ``-1``: one group per channel) reads its
  ``axis`` (an int): it must be defined (``should have a defined dimension``), hold at
  least ``groups`` channels and a multiple of it (``cannot be more than the number of
  channels``, ``must be a multiple``); an axis the input lacks is an ``IndexError``.
  Weights: gamma and beta of the axis's size (``scale``, ``center``).
* RMSNormalization's ``scale`` is sized by its ``axis`` (an int or a list, sorted): every
  such axis must exist (``IndexError``, ``out of bounds``) and be defined. When it runs the
  scale multiplies the input broadcast from the right: unless the axes are the last ones,
  their sizes must broadcast against the last axes (``Dimensions must be equal``), and a
  last axis of size 1 takes the scale's size (Keras's symbolic shape keeps the input's).
* UnitNormalization has no weights; every ``axis`` must exist (``is out of bounds``).
* SpectralNormalization wraps a layer whose kernel it normalises: it builds that layer on
  its input (no InputSpec check: the layer's own build and ``compute_output_shape``
  decide) and gives its output; a layer without a ``kernel`` or ``embeddings`` weight is
  refused (``has no attribute 'kernel' nor 'embeddings'``). Weights: the layer's, and a
  vector ``u`` of the kernel's last axis (Dense: ``units``, Conv1D: ``filters``,
  Embedding: ``output_dim``).
"""

from __future__ import annotations

import math

from seqlint.dims import BATCH, Shape, differ, is_known
from seqlint.ir import Layer
from seqlint.shapes.catalogue import Call, Trait, count_params, lookup
from seqlint.shapes.layers.common import (
    config_bool,
    config_int,
    keras_layer,
    no_weights,
    require_defined,
)
from seqlint.shapes.layers.einsum_dense import einsum_of
from seqlint.shapes.problems import ProblemKind, ShapeProblem

_SAME = (Trait.KEEPS_SHAPE,)
_SIZED = (Trait.KEEPS_SHAPE, Trait.SIZED_BY_FEATURES)  # by the last axis, their default


def _axes(value: object) -> list[int] | None:
    """``axis=`` as a list of ints; None when unreadable."""
    items = value if isinstance(value, (tuple, list)) else [value]
    return list(items) if items and all(is_known(a) for a in items) else None  # type: ignore[arg-type]


def _require_axes(call: Call, axes: list[int]) -> None:
    """Every axis must be one the input has."""
    shape = call.input
    if shape.dims is None:
        return
    rank = len(shape.dims)
    for axis in axes:
        if not -rank <= axis < rank:
            raise ShapeProblem(
                ProblemKind.LAYER_CONFIG,
                f"{call.layer.kind}(axis={call.layer.get('axis', -1)}) names axis {axis}, "
                f"which its input {shape} of rank {rank} lacks",
                input_index=0,
                expected=f"axes in [{-rank}, {rank - 1}]",
                got=shape,
            )


def _require_sized(call: Call, axes: list[int], weights: str) -> None:
    """The axes must be defined (the batch axis too, unless its size is fixed)."""
    shape = call.input
    assert shape.dims is not None
    for axis in axes:
        if shape.dims[axis] is BATCH:
            raise ShapeProblem(
                ProblemKind.LAYER_CONFIG,
                f"{call.layer.kind} cannot size {weights} by the batch axis of {shape}",
                input_index=0,
                expected="an axis other than the batch axis",
                got=shape,
            )
        require_defined(call, axis, weights)


def _group_params(call: Call) -> int | None:
    layer, shape = call.layer, call.input
    axis = config_int(layer, "axis", -1)
    scale, center = config_bool(layer, "scale", True), config_bool(layer, "center", True)
    if axis is None or scale is None or center is None or shape.dims is None:
        return None
    if not -len(shape.dims) <= axis < len(shape.dims) or not is_known(shape.dims[axis]):
        return None
    return (scale + center) * shape.dims[axis]  # type: ignore[operator]


@keras_layer(
    "GroupNormalization",
    positional=("groups", "axis", "epsilon", "center", "scale"),
    params=_group_params,
    traits=_SIZED,
)
def group_normalization(call: Call) -> list[Shape]:
    layer, shape = call.layer, call.input
    axis, groups = layer.get("axis", -1), layer.get("groups", 32)
    if not is_known(axis) or not is_known(groups) or shape.dims is None:
        return [shape]
    _require_axes(call, [axis])  # type: ignore[list-item]
    _require_sized(call, [axis], "its groups")  # type: ignore[list-item]
    channels = shape.dims[axis]  # type: ignore[index]
    groups = channels if groups == -1 else groups
    if is_known(channels) and is_known(groups) and (channels < groups or channels % groups):  # type: ignore[operator]
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"GroupNormalization(groups={groups}) splits axis {axis} of {shape} "
            f"({channels} channels) into {groups} groups: the channels must be a multiple of "
            "the groups (32 by default)",
            input_index=0,
            expected=f"a multiple of {groups} channels",
            got=shape,
        )
    return [shape]


def _rms_params(call: Call) -> int | None:
    axes, shape = _axes(call.layer.get("axis", -1)), call.input
    if axes is None or shape.dims is None:
        return None
    if not all(-len(shape.dims) <= a < len(shape.dims) for a in axes):
        return None
    sizes = [shape.dims[a] for a in axes]
    return math.prod(sizes) if all(is_known(d) for d in sizes) else None  # type: ignore[arg-type]


@keras_layer("RMSNormalization", positional=("axis", "epsilon"), params=_rms_params, traits=_SIZED)
def rms_normalization(call: Call) -> list[Shape]:
    shape = call.input
    axes = _axes(call.layer.get("axis", -1))
    if axes is None or shape.dims is None:
        return [shape]
    _require_axes(call, axes)
    _require_sized(call, axes, "its scale")
    scale = [shape.dims[a] for a in sorted(axes)]
    dims = list(shape.dims)
    for offset, size in enumerate(reversed(scale), start=1):
        against = dims[-offset]
        if differ(size, against) and differ(size, 1) and differ(against, 1):
            raise ShapeProblem(
                ProblemKind.LAYER_CONFIG,
                f"RMSNormalization(axis={call.layer.get('axis', -1)}) sizes its scale "
                f"{Shape(tuple(scale))} by those axes of {shape}, and multiplies the input by "
                "it broadcast from the last axis: the sizes do not broadcast (fails when the "
                "model runs)",
                input_index=0,
                expected="axes that end with the last one",
                got=shape,
            )
        if is_known(against) and against == 1 and is_known(size):
            dims[-offset] = size  # a size 1 broadcasts to the scale's
    return [Shape(tuple(dims))]


@keras_layer("UnitNormalization", positional=("axis",), params=no_weights, traits=_SAME)
def unit_normalization(call: Call) -> list[Shape]:
    axes = _axes(call.layer.get("axis", -1))
    if axes is not None:
        _require_axes(call, axes)
    return [call.input]


def _kernel_last(inner: Layer, call: Call) -> int | None:
    """The size of the last axis of the kernel (or embeddings) of a layer SpectralNormalization
    can wrap; None when unknown."""
    if inner.kind == "EinsumDense":
        try:
            found = einsum_of(Call(inner, call.inputs))
        except ShapeProblem:
            return None
        last = found.kernel[-1] if found is not None and found.kernel else None
        return last if is_known(last) else None  # type: ignore[arg-type, return-value]
    name = {"Dense": "units", "Conv1D": "filters"}.get(inner.kind, "output_dim")
    return config_int(inner, name)


WRAPPABLE = frozenset({"Dense", "EinsumDense", "Conv1D", "Embedding", "ReversibleEmbedding"})
"""Layers with a ``kernel`` (or ``embeddings``) seqlint models inside SpectralNormalization."""

KERNEL_LESS = frozenset(
    {
        "LSTM",
        "GRU",
        "SimpleRNN",
        "RNN",
        "ConvLSTM1D",
        "ConvLSTM2D",
        "ConvLSTM3D",
        "Bidirectional",
        "TimeDistributed",
        "Dropout",
        "Flatten",
        "Activation",
        "BatchNormalization",
        "LayerNormalization",
        "PReLU",
        "SeparableConv1D",
    }
)
"""Layers Keras's SpectralNormalization refuses: their weights are not a ``kernel`` (the
recurrent layers keep theirs in a cell, SeparableConv1D has two)."""


def _spectral_params(call: Call) -> int | None:
    inner = call.layer.get("layer")
    if not isinstance(inner, Layer) or inner.kind not in WRAPPABLE:
        return None
    weights, last = count_params(inner, call.inputs), _kernel_last(inner, call)
    return None if weights is None or last is None else weights + last


@keras_layer(
    "SpectralNormalization",
    positional=("layer", "power_iterations"),
    params=_spectral_params,
)
def spectral_normalization(call: Call) -> list[Shape]:
    inner = call.layer.get("layer")
    if not isinstance(inner, Layer):
        return [Shape.unknown()]
    if inner.kind in KERNEL_LESS:
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"SpectralNormalization normalises the kernel of the layer it wraps, and "
            f"{inner.kind} has no kernel (nor embeddings)",
            expected="a layer with a kernel: Dense, Conv1D, EinsumDense, Embedding",
        )
    fn = lookup(inner.kind)
    if inner.kind not in WRAPPABLE or fn is None:
        return [Shape.unknown()]
    try:
        return fn(Call(inner, call.inputs))
    except ShapeProblem as problem:
        raise ShapeProblem(
            problem.kind,
            f"SpectralNormalization builds the {inner.kind} it wraps on its input: "
            f"{problem.message}",
            input_index=problem.input_index,
            expected=problem.expected,
            got=problem.got,
            expected_rank=problem.expected_rank,
            axis=problem.axis,
        ) from problem

"""Flatten, Reshape, RepeatVector, Permute, UpSampling1D/2D/3D."""

from __future__ import annotations

from seqlint.dims import UNKNOWN, Dim, Shape, Sym, is_known, mul, product
from seqlint.shapes.catalogue import Call, Trait
from seqlint.shapes.layers.common import (
    as_dim,
    batch_of,
    config_dim,
    keras_layer,
    no_weights,
    require_rank,
)
from seqlint.shapes.layers.spatial import layout, per_axis
from seqlint.shapes.problems import ProblemKind, ShapeProblem


@keras_layer(
    "Flatten",
    positional=("data_format",),
    params=no_weights,
    drops_time_axis="Flatten merges the time axis into the features",
)
def flatten(call: Call) -> list[Shape]:
    """``(batch, prod(input[1:]))``; a rank-1 input gives ``(batch, 1)``."""
    shape = call.input
    if shape.dims is None:
        return [Shape((batch_of(shape), UNKNOWN))]
    return [Shape((shape.dims[0], product(shape.dims[1:])))]


def _target(value: object) -> tuple[Dim, ...] | None:
    """The target shape as dims (``-1`` kept); None when Keras would refuse it or unreadable."""
    if not isinstance(value, (tuple, list)):
        return None
    dims = tuple(as_dim(v) for v in value)
    known = [d for d in dims if is_known(d)]
    if any(d < -1 for d in known) or known.count(-1) > 1:
        return None  # validate_reshape_shape raises at construction
    return dims


def _fmt(dims: tuple[Dim, ...]) -> str:
    return str(Shape(dims))


@keras_layer("Reshape", positional=("target_shape",), params=no_weights)
def reshape(call: Call) -> list[Shape]:
    """Mirrors ``operation_utils.compute_reshape_output_shape`` on the non-batch dims."""
    target = _target(call.layer.get("target_shape"))
    if target is None:
        return [Shape.unknown()]
    shape = call.input
    batch = batch_of(shape)
    unresolved = tuple(UNKNOWN if d == -1 else d for d in target)
    if shape.dims is None:
        return [Shape((batch, *unresolved))]
    source = shape.dims[1:]
    has_wildcard = -1 in [d for d in target if is_known(d)]
    others = [d for d in target if not (is_known(d) and d == -1)]

    if all(is_known(d) for d in source) and all(is_known(d) for d in others):
        size = product(source)
        assert is_known(size)
        wanted = product(tuple(others))
        assert is_known(wanted)
        if not has_wildcard:
            if size != wanted:
                raise ShapeProblem(
                    ProblemKind.RESHAPE_SIZE,
                    f"cannot reshape {shape} to {Shape((batch, *target))}: the input "
                    f"has {size} values per sample, target_shape={_fmt(target)} has "
                    f"{wanted}",
                    input_index=0,
                    expected=f"a target_shape with {size} values per sample",
                    got=shape,
                )
            return [Shape((batch, *target))]
        if wanted == 0 or size % wanted != 0:
            raise ShapeProblem(
                ProblemKind.RESHAPE_SIZE,
                f"cannot reshape {shape} to target_shape={_fmt(target)}: the input has "
                f"{size} values per sample, which the known target dims (product "
                f"{wanted}) do not divide",
                input_index=0,
                expected=f"target dims whose product divides {size}",
                got=shape,
            )
        return [Shape((batch, *(size // wanted if d == -1 else d for d in target)))]

    if not has_wildcard:
        return [Shape((batch, *target))]
    # A symbolic input size: -1 is still known when the known target dims divide the
    # known part of the input exactly, e.g. (batch, maxlen, 8) -> (-1, 4) is (maxlen*2, 4).
    if any(not (is_known(d) or isinstance(d, Sym)) for d in source) or not all(
        is_known(d) for d in others
    ):
        return [Shape((batch, *unresolved))]
    known_part = product(tuple(d for d in source if is_known(d)))
    symbols = tuple(d for d in source if isinstance(d, Sym))
    wanted = product(tuple(others))
    assert is_known(known_part) and is_known(wanted)
    if wanted == 0 or known_part % wanted != 0:
        return [Shape((batch, *unresolved))]
    resolved = product((*symbols, known_part // wanted))
    return [Shape((batch, *(resolved if is_known(d) and d == -1 else d for d in target)))]


@keras_layer("RepeatVector", positional=("n",), params=no_weights)
def repeat_vector(call: Call) -> list[Shape]:
    """``(batch, features) -> (batch, n, features)``; InputSpec ``ndim=2``."""
    require_rank(call, 2, "(batch, features)")
    shape = call.input
    n = config_dim(call.layer, "n")
    if shape.dims is None:
        return [Shape((batch_of(shape), n, UNKNOWN))]
    return [Shape((shape.dims[0], n, shape.dims[1]))]


@keras_layer("Permute", positional=("dims",), params=no_weights)
def permute(call: Call) -> list[Shape]:
    """``dims`` is 1-based and excludes the batch axis; InputSpec ``ndim=len(dims)+1``."""
    dims = call.layer.get("dims")
    if not isinstance(dims, (tuple, list)) or not all(is_known(d) for d in dims):
        return [Shape.unknown()]
    if sorted(dims) != list(range(1, len(dims) + 1)):
        return [Shape.unknown()]  # Keras refuses the permutation at construction
    axes = ", ".join(f"d{i}" for i in range(1, len(dims) + 1))
    require_rank(call, len(dims) + 1, f"(batch, {axes})")
    shape = call.input
    if shape.dims is None:
        return [Shape((batch_of(shape), *(UNKNOWN for _ in dims)))]
    return [Shape((shape.dims[0], *(shape.dims[d] for d in dims)))]


@keras_layer(
    "UpSampling1D", positional=("size",), params=no_weights, traits=(Trait.NEEDS_TIME_AXIS,)
)
def up_sampling_1d(call: Call) -> list[Shape]:
    """Repeats each step ``size`` times: ``(batch, T, f) -> (batch, size*T, f)``; ``ndim=3``."""
    require_rank(call, 3, "(batch, timesteps, features)")
    size = config_dim(call.layer, "size", 2)
    shape = call.input
    if shape.dims is None:
        return [Shape((batch_of(shape), UNKNOWN, UNKNOWN))]
    return [Shape((shape.dims[0], mul(size, shape.dims[1]), shape.dims[2]))]


def up_sampling(call: Call, rank: int) -> list[Shape]:
    """Repeats each position ``size`` times along each spatial axis; ``ndim=rank+2``."""
    lay = layout(call.layer, rank)
    if lay is None:
        return [Shape.unknown()]
    require_rank(call, rank + 2, lay.expected)
    sizes = per_axis(call.layer, "size", rank, 2)
    batch, channels, dims = lay.split(call.input)
    return [lay.join(batch, channels, tuple(map(mul, sizes, dims)))]


@keras_layer("UpSampling2D", positional=("size", "data_format", "interpolation"), params=no_weights)
def up_sampling_2d(call: Call) -> list[Shape]:
    return up_sampling(call, 2)


@keras_layer("UpSampling3D", positional=("size", "data_format"), params=no_weights)
def up_sampling_3d(call: Call) -> list[Shape]:
    return up_sampling(call, 3)

"""Concatenate, the elementwise merges (Add, Subtract, Multiply, Average, Maximum, Minimum)
and Dot.

Keras 3 facts mirrored here:

* Called on one tensor instead of a list: ``A `Concatenate` layer should be
  called on a list of at least 1 input`` / ``A merge layer should be called on
  a list of inputs``.  A list of one input is accepted.
* Concatenate: inputs of different ranks are refused (``requires inputs with
  matching shapes except for the concatenation axis``, or an IndexError for
  some positive axes); so are known, different sizes on any other axis (a size
  1 is not special); an axis out of range fails as soon as there are two
  inputs (IndexError).  Joining on the time axis, or on the batch axis, is legal.
* Elementwise merges: ranks may differ (the lower-rank inputs get axes inserted
  after the batch axis, so shapes are aligned on the right, numpy-style) and
  a size 1 broadcasts; two known sizes other than 1 that differ are refused
  (``Inputs have incompatible shapes``).  Subtract needs exactly 2 inputs.
* Dot takes a list of exactly 2 inputs (``should be called on a list of 2 inputs``) and
  multiplies them along ``axes``: an int (negative: taken modulo each input's rank,
  positive: the same axis of both) or a pair. Building it compares the two sizes with
  ``!=`` (``Incompatible input shapes``; ``None`` differs from a size) and fails on an axis
  an input lacks (``IndexError``); the batch axis fails when the model runs (``Cannot
  perform batch_dot over axis 0``). The output is the first input without its axis, then
  the second without its batch axis and its axis (``(batch, 1)`` when nothing is left).
  ``normalize`` changes no shape.
"""

from __future__ import annotations

from seqlint.dims import NONE, UNKNOWN, Dim, Shape, Sym, add, differ, is_known, same
from seqlint.shapes.catalogue import Call
from seqlint.shapes.layers.common import MISSING, batch_of, keras_layer, no_weights, not_a_list
from seqlint.shapes.problems import ProblemKind, ShapeProblem


@keras_layer("Concatenate", positional=("axis",), params=no_weights)
def concatenate(call: Call) -> list[Shape]:
    if not call.as_list:
        return not_a_list(call, "a Concatenate layer should be called on a list of tensors")
    inputs = call.inputs
    if not inputs:
        return [Shape.unknown()]
    axis_value = call.layer.config.get("axis", -1)
    axis = axis_value if is_known(axis_value) else None
    axis_text = f"axis={axis_value}" if axis is not None else "its axis"

    known = [(i, s) for i, s in enumerate(inputs) if s.dims is not None]
    if not known:
        return [Shape.unknown()]
    i0, s0 = known[0]
    for i, s in known[1:]:
        if s.rank != s0.rank:
            raise ShapeProblem(
                ProblemKind.MERGE_RANK,
                f"Concatenate needs inputs of the same rank: input {i} is {s} (rank "
                f"{s.rank}) but input {i0} is {s0} (rank {s0.rank})",
                input_index=i,
                expected=f"rank {s0.rank}",
                got=s,
            )
    rank = s0.rank
    assert rank is not None and s0.dims is not None
    if axis is None:
        return [Shape(tuple(UNKNOWN for _ in s0.dims))]
    if len(inputs) >= 2 and not -rank <= axis < rank:
        raise ShapeProblem(
            ProblemKind.MERGE_AXIS,
            f"Concatenate(axis={axis}) is out of range for inputs of rank {rank} "
            f"such as {s0}: the axis must be in [{-rank}, {rank - 1}]",
            input_index=None,
            expected=f"an axis in [{-rank}, {rank - 1}]",
            got=s0,
        )
    if not -rank <= axis < rank:
        return [inputs[0]]  # a single input comes back unchanged
    ax = axis % rank

    for position in range(rank):
        if position == ax:
            continue
        first: tuple[int, Dim, Shape] | None = None
        for i, s in known:
            d = s.dims[position]  # type: ignore[index]
            if not is_known(d):
                continue
            if first is None:
                first = (i, d, s)
            elif d != first[1]:
                fi, fd, fs = first
                raise ShapeProblem(
                    ProblemKind.MERGE_DIMS,
                    f"input {i} has size {d} on axis {position} where input {fi} has "
                    f"{fd}; Concatenate({axis_text}) joins on axis {ax}, so every other "
                    f"axis must match: {fs} vs {s}",
                    input_index=i,
                    expected=f"size {fd} on axis {position}",
                    got=s,
                )

    if len(known) != len(inputs):
        dims = list(s0.dims)
        dims[ax] = UNKNOWN
        return [Shape(tuple(dims))]
    dims = list(inputs[0].dims)  # type: ignore[arg-type]
    total = dims[ax]
    for s in inputs[1:]:
        d = s.dims[ax]  # type: ignore[index]
        if total is UNKNOWN or d is UNKNOWN:
            total = UNKNOWN
            break
        total = add(total, d)
    dims[ax] = total
    return [Shape(tuple(dims))]


def _combine(a: Dim, b: Dim) -> Dim:
    """One axis of an elementwise broadcast (Merge._compute_elemwise_op_output_shape)."""
    if a is NONE or b is NONE:
        return NONE  # Keras: None on either side is None
    if a is UNKNOWN or b is UNKNOWN:
        return UNKNOWN
    if is_known(a) and a == 1:
        return b
    if is_known(b) and b == 1:
        return a
    if same(a, b):
        return a
    if is_known(a) and is_known(b):
        return a  # differing sizes were refused before
    if is_known(a) or is_known(b):
        return a if is_known(a) else b  # a symbol that runs must equal the known size
    return UNKNOWN


def _broadcast(a: tuple[Dim, ...], b: tuple[Dim, ...]) -> tuple[Dim, ...]:
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return a
    prefix = a[: len(a) - len(b)]
    return (*prefix, *(_combine(x, y) for x, y in zip(a[len(a) - len(b) :], b, strict=True)))


@keras_layer("Minimum", params=no_weights)
@keras_layer("Maximum", params=no_weights)
@keras_layer("Average", params=no_weights)
@keras_layer("Multiply", params=no_weights)
@keras_layer("Subtract", params=no_weights)
@keras_layer("Add", params=no_weights)
def elementwise(call: Call) -> list[Shape]:
    kind = call.layer.kind
    if not call.as_list:
        return not_a_list(call, "a merge layer should be called on a list of inputs")
    inputs = call.inputs
    if not inputs:
        return [Shape.unknown()]
    if kind == "Subtract" and len(inputs) != 2:
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"Subtract was called on {len(inputs)} tensors; it subtracts its second input "
            "from its first and takes exactly 2",
            expected="a list of 2 tensors",
        )

    known = [(i, s) for i, s in enumerate(inputs) if s.dims is not None]
    # Right-aligned positions of the non-batch dims; two known sizes other than 1
    # at one position can never broadcast, whatever the unknown dims turn out to be.
    seen: dict[int, tuple[int, int, Shape]] = {}
    for i, s in known:
        body = s.dims[1:]  # type: ignore[index]
        for offset in range(1, len(body) + 1):
            d = body[-offset]
            if not is_known(d) or d == 1:
                continue
            if offset not in seen:
                seen[offset] = (i, d, s)
                continue
            fi, fd, fs = seen[offset]
            if d != fd:
                raise ShapeProblem(
                    ProblemKind.MERGE_DIMS,
                    f"input {i} has size {d} on axis {-offset} where input {fi} has "
                    f"{fd}; {kind} combines its inputs elementwise, so sizes must be "
                    f"equal (or 1, to broadcast): {fs} vs {s}",
                    input_index=i,
                    expected=f"size {fd} or 1 on axis {-offset}",
                    got=s,
                )

    if len(known) != len(inputs):
        return [Shape.unknown()]
    body_out: tuple[Dim, ...] = inputs[0].dims[1:]  # type: ignore[index]
    for s in inputs[1:]:
        body_out = _broadcast(body_out, s.dims[1:])  # type: ignore[index]
    return [Shape((batch_of(inputs[0]), *body_out))]


def _dot_axes(value: object, ranks: tuple[int, int]) -> tuple[int, int] | None:
    """Dot's axes as Keras indexes them: an int is taken modulo each rank when negative,
    as is for both inputs otherwise; a pair as given. None when unreadable."""
    if is_known(value):
        axis = value
        if axis < 0:  # type: ignore[operator]
            return axis % ranks[0], axis % ranks[1]  # type: ignore[operator]
        return axis, axis  # type: ignore[return-value]
    if isinstance(value, (tuple, list)) and len(value) == 2 and all(is_known(a) for a in value):
        return value[0], value[1]  # type: ignore[return-value]
    return None


def _differs(a: Dim, b: Dim) -> bool:
    """Keras compares the two sizes with ``!=``: None differs from a size."""
    sized = (is_known(a) or isinstance(a, Sym), is_known(b) or isinstance(b, Sym))
    return differ(a, b) or (a is NONE and sized[1]) or (b is NONE and sized[0])


@keras_layer("Dot", positional=("axes", "normalize"), params=no_weights)
def dot(call: Call) -> list[Shape]:
    """The batchwise dot product of two inputs along one axis of each (``batch_dot``)."""
    if not call.as_list:
        return not_a_list(call, "a Dot layer should be called on a list of 2 inputs")
    if len(call.inputs) != 2:
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"a Dot layer takes a list of exactly 2 inputs, got {len(call.inputs)}",
            expected="a list of 2 tensors",
        )
    first, second = call.inputs
    if first.dims is None or second.dims is None:
        return [Shape.unknown()]
    axes = _dot_axes(call.layer.config.get("axes", MISSING), (len(first.dims), len(second.dims)))
    if axes is None:
        return [Shape.unknown()]
    for index, (shape, axis) in enumerate(zip(call.inputs, axes, strict=True)):
        assert shape.dims is not None
        if not -len(shape.dims) <= axis < len(shape.dims):
            raise ShapeProblem(
                ProblemKind.MERGE_AXIS,
                f"Dot(axes={call.layer.config.get('axes')}) multiplies along axis {axis} of "
                f"input {index} {shape}, which has no such axis",
                input_index=index,
                expected=f"an axis in [{-len(shape.dims)}, {len(shape.dims) - 1}]",
                got=shape,
            )
    a, b = first.dims[axes[0]], second.dims[axes[1]]
    if _differs(a, b):
        raise ShapeProblem(
            ProblemKind.MERGE_DIMS,
            f"Dot multiplies axis {axes[0]} of input 0 (size {a}) with axis {axes[1]} of "
            f"input 1 (size {b}): the sizes must be equal: {first} vs {second}",
            input_index=1,
            expected=f"size {a} on axis {axes[1]}",
            got=second,
        )
    if axes[0] % len(first.dims) == 0 or axes[1] % len(second.dims) == 0:
        raise ShapeProblem(
            ProblemKind.MERGE_AXIS,
            "Dot cannot multiply along the batch axis (axis 0): Keras raises when the model "
            "runs (Cannot perform batch_dot over axis 0)",
            expected="axes other than 0",
        )
    kept_first = [d for i, d in enumerate(first.dims) if i != axes[0] % len(first.dims)]
    kept_second = [d for i, d in enumerate(second.dims) if i != axes[1] % len(second.dims)]
    dims = [*kept_first, *kept_second[1:]]
    return [Shape(tuple(dims) if len(dims) > 1 else (*dims, 1))]

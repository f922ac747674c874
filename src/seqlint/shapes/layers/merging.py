"""Concatenate and the elementwise merges (Add, Subtract, Multiply, Average, Maximum, Minimum).

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
"""

from __future__ import annotations

from seqlint.dims import NONE, UNKNOWN, Dim, Shape, add, is_known, same
from seqlint.shapes.catalogue import Call
from seqlint.shapes.layers.common import batch_of, keras_layer, no_weights, not_a_list
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
        return [Shape.unknown()]  # Keras: "should be called on exactly 2 inputs"

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

"""TimeDistributed: the inner layer applied to every timestep.

Keras (``TimeDistributed.compute_output_shape``): the input needs at least 3
dims (``should be passed an `input_shape` with at least 3 dimensions``); the
inner layer sees ``(batch, *input[2:])`` and the time axis is re-inserted
after the batch axis of each inner output.

A wrapped ``Lambda`` whose function seqlint follows (or a custom layer of the script) runs
on the steps themselves: the frontend applies it to a ``TimeSteps`` node (the input with its
time axis folded into the batch, as Keras reshapes it) and gives the ``TimeDistributed`` node
what it returned as a second input, whose shape gets the time axis back.
"""

from __future__ import annotations

from seqlint.dims import Shape
from seqlint.ir import Layer
from seqlint.shapes.catalogue import Call, Trait, count_params, lookup, spec
from seqlint.shapes.layers.common import keras_layer, no_weights, require_rank
from seqlint.shapes.problems import ProblemKind, ShapeProblem

# config key the frontend sets: the wrapped layer is a custom layer of the script without its
# own compute_output_shape, which Keras 3's TimeDistributed calls when it is built
NO_OUTPUT_SHAPE = "__no_output_shape__"


def _params(call: Call) -> int | None:
    inner, shape = call.layer.get("layer"), call.input
    if not isinstance(inner, Layer) or shape.dims is None or len(shape.dims) < 3:
        return None
    return count_params(inner, (Shape((shape.dims[0], *shape.dims[2:])),))


@keras_layer(
    "TimeDistributed",
    positional=("layer",),
    params=_params,
    traits=(Trait.PER_STEP, Trait.KEEPS_STEPS),
)
def time_distributed(call: Call) -> list[Shape]:
    inner = call.layer.get("layer")
    if call.layer.get(NO_OUTPUT_SHAPE) is True:
        kind = inner.kind if isinstance(inner, Layer) else "the wrapped layer"
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"TimeDistributed asks {kind} for its output shape, compute_output_shape(), "
            f"which {kind} does not define: Keras 3 raises NotImplementedError when it "
            "builds the model",
            expected=f"{kind} with a compute_output_shape(self, input_shape) method",
            hint=f"define compute_output_shape(self, input_shape) in {kind}, returning the "
            "shape its call() gives one step",
        )
    if len(call.inputs) == 2:  # the wrapped layer's output on the steps, as the frontend ran it
        shape, step_output = call.inputs
        require_rank(call, 3, "(batch, timesteps, ...)", at_least=True, shape=shape)
        if shape.dims is None or not step_output.dims:
            return [Shape.unknown()]
        return [Shape((shape.dims[0], shape.dims[1], *step_output.dims[1:]))]
    require_rank(call, 3, "(batch, timesteps, ...)", at_least=True)
    shape = call.input
    if not isinstance(inner, Layer) or shape.dims is None:
        return [Shape.unknown()]
    fn = lookup(inner.kind)
    if fn is None:
        return [Shape.unknown()]
    step = Shape((shape.dims[0], *shape.dims[2:]))
    try:
        outputs = fn(Call(inner, (step,)))
    except ShapeProblem as problem:
        if problem.kind is ProblemKind.RANK and _reduces_any_rank(inner):
            return [Shape.unknown()]
        raise _lift(problem, inner, shape, step) from problem
    timesteps = shape.dims[1]
    lifted = []
    for out in outputs:
        if out.dims is None or not out.dims:
            lifted.append(Shape.unknown())
        else:
            lifted.append(Shape((out.dims[0], timesteps, *out.dims[1:])))
    return lifted


@keras_layer("TimeSteps", params=no_weights)
def time_steps(call: Call) -> list[Shape]:
    """The steps a ``TimeDistributed`` hands its layer: ``(batch * timesteps, *input[2:])``
    (the batch axis stands for them); unknown below rank 3, which the TimeDistributed node
    reports."""
    shape = call.input
    if shape.dims is None or len(shape.dims) < 3:
        return [Shape.unknown()]
    return [Shape((shape.dims[0], *shape.dims[2:]))]


def _reduces_any_rank(inner: Layer) -> bool:
    """A global pooling layer: TimeDistributed does not apply the wrapped layer's InputSpec,
    and a mean or max over fixed axes runs on steps of more axes than it expects."""
    found = spec(inner.kind)
    return found is not None and found.kind.startswith("Global")


def _lift(problem: ShapeProblem, inner: Layer, shape: Shape, step: Shape) -> ShapeProblem:
    """The inner layer's problem, restated for the TimeDistributed input."""
    message = (
        f"TimeDistributed applies {inner.kind} to each timestep, of shape {step} "
        f"(the input {shape} without its time axis): {problem.message}"
    )
    if problem.kind is not ProblemKind.RANK:
        return ShapeProblem(
            problem.kind,
            message,
            input_index=problem.input_index,
            expected=problem.expected,
            got=problem.got,
            expected_rank=problem.expected_rank,
        )
    expected = problem.expected
    if expected.startswith("(batch, "):
        expected = "(batch, timesteps, " + expected[len("(batch, ") :]
    rank = None if problem.expected_rank is None else problem.expected_rank + 1
    wanted = f">= {rank}" if "rank >= " in problem.message else str(rank)
    return ShapeProblem(
        ProblemKind.RANK,
        f"expected input of rank {wanted} {expected}, got {shape} (TimeDistributed "
        f"applies {inner.kind} to each timestep, of shape {step}: {problem.message})",
        input_index=0,
        expected=expected,
        got=shape,
        expected_rank=rank,
    )

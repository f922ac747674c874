"""EinsumDense, mirroring ``einsum_dense._analyze_einsum_string``.

Keras 3.15 facts mirrored here:

* The equation is ``[X],[Y]->[Z]``, ``...[X],[Y]->...[Z]`` or ``[X]...,[Y]->[Z]...`` (anything
  else: ``Invalid einsum equation``). ``output_shape`` (an int or a tuple) gives the output
  without its batch axis; a ``None`` in it is an output size Keras leaves undefined, even
  where the input has it (``"abc,cd->abd"`` with ``(None, 64)`` on ``(batch, 10, 8)`` gives
  ``(batch, None, 64)``).
* Building it maps each input letter to its input axis (from the end, after a leading
  ``...``): an output size given for a letter of the input must be the input's (``None`` in
  the input differs from a size), every output letter must come from the input or the
  kernel, every kernel letter from the input or the output, every ``bias_axes`` letter from
  the output (else ``ValueError``); too few input axes or output sizes fail
  (``IndexError``). The kernel and the bias (``bias_axes`` from its first letter in the
  output to the last output axis, 1 where not a bias axis) must be fully defined (a kernel
  or bias sized by the batch axis, an undefined input axis or a ``None`` output size is
  refused).
* An equation without ``...`` on an input of more axes builds as if it ended with ``...``
  (the letters name the first axes); whether it then runs depends on the sizes (TensorFlow's
  einsum aligns the letters with the last axes): seqlint mirrors the build. With a leading
  ``...`` over several axes, Keras's symbolic output lists them in reverse order; seqlint
  gives the real order. Output sizes given beyond the output's letters are ignored when it
  runs (Keras's symbolic output keeps them); seqlint gives the real output.
* Weights: the kernel and the bias; ``lora_rank=r`` adds ``prod(kernel[:-1]) * r + r *
  kernel[-1]``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from seqlint.dims import BATCH, NONE, Dim, Shape, Sym, differ, is_known
from seqlint.shapes.catalogue import Call, Trait
from seqlint.shapes.layers.common import as_dim, config_int, keras_layer, require_defined
from seqlint.shapes.problems import ProblemKind, ShapeProblem

_FORMS = (
    (re.compile("([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)"), ""),
    (re.compile("0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)"), "left"),
    (re.compile("([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0"), "right"),
)


@dataclass(frozen=True)
class Einsum:
    """What building an EinsumDense on an input gives: ``sources`` has, per kernel axis, the
    input axis it is sized by (None: an output size)."""

    kernel: tuple[Dim, ...]
    sources: tuple[int | None, ...]
    bias: tuple[Dim, ...] | None
    output: Shape


class _Refused(Exception):
    """The configuration cannot apply to the input (Keras raises when it builds)."""


def _at(dims: list[Dim] | tuple[Dim, ...], index: int) -> Dim:
    """``dims[index]`` as Python reads it; out of range is Keras's ``IndexError``."""
    if not -len(dims) <= index < len(dims):
        raise _Refused(f"the equation needs more axes than the {len(dims)} it has")
    return dims[index]


def _partial(value: object) -> list[Dim] | None:
    """``output_shape`` as dims (``None`` entries undefined); None when unreadable."""
    if is_known(value):
        return [value]  # type: ignore[list-item]
    if isinstance(value, (tuple, list)):
        return [NONE if d is None else as_dim(d) for d in value]
    return None


def _surely_differ(a: Dim, b: Dim) -> bool:
    sized = (is_known(a) or isinstance(a, Sym), is_known(b) or isinstance(b, Sym))
    return differ(a, b) or (a is NONE and sized[1]) or (b is NONE and sized[0])


def analyse(
    equation: str, bias_axes: str | None, dims: tuple[Dim, ...], partial: list[Dim]
) -> Einsum:
    """Kernel, bias and output of the EinsumDense on an input of ``dims`` (batch first)."""
    replaced = equation.replace("...", "0")
    found = next(
        ((match, side) for pattern, side in _FORMS if (match := pattern.match(replaced))), None
    )
    if found is None:
        raise _Refused(
            f"the equation '{equation}' is not of the form [X],[Y]->[Z], ...[X],[Y]->...[Z] or "
            "[X]...,[Y]->[Z]..."
        )
    match, elided_side = found
    inputs, weights, outputs = match.groups()
    left = elided_side == "left"
    elided = len(dims) - len(inputs)
    full = [dims[0], *partial]  # what Keras's build indexes the output letters into
    if left:
        full[1:1] = dims[1:elided]
        input_axis = {c: i + elided - len(dims) for i, c in enumerate(inputs)}
        output_axis = {c: i + elided for i, c in enumerate(outputs)}
    else:
        full += dims[len(dims) - elided :] if elided > 0 else []
        input_axis = {c: i for i, c in enumerate(inputs)}
        output_axis = {c: i for i, c in enumerate(outputs)}
    for c in inputs:
        given = _at(dims, input_axis[c])
        if c in output_axis:
            wanted = _at(full, output_axis[c])
            if wanted is not NONE and _surely_differ(wanted, given):
                raise _Refused(
                    f"the output size {wanted} given for '{c}' is not the input's {given}"
                )
    for c in outputs:
        if c not in inputs and c not in weights:
            raise _Refused(f"the output letter '{c}' is neither in the input nor in the kernel")
    kernel, sources = [], []
    for c in weights:
        if c in output_axis:
            kernel.append(_at(full, output_axis[c]))
            sources.append(None)
        elif c in input_axis:
            kernel.append(_at(dims, input_axis[c]))
            sources.append(input_axis[c] % len(dims))
        else:
            raise _Refused(f"the kernel letter '{c}' is neither in the input nor in the output")
    bias = None
    if bias_axes is not None:
        for c in bias_axes:
            if c not in outputs:
                raise _Refused(f"the bias letter '{c}' is not in the output '{outputs}'")
        start = min(outputs.find(c) for c in bias_axes) if bias_axes else len(outputs)
        shift = elided if left else 0
        bias = tuple(
            _at(full, i + shift) if c in bias_axes else 1
            for i, c in enumerate(outputs[start:], start=start)
        ) + ((1,) * max(elided, 0) if not left else ())
    real = [_at(full, output_axis[c]) for c in outputs]
    if left:
        real = [*dims[:elided], *real]
    elif elided > 0:
        real += dims[len(dims) - elided :]
    return Einsum(tuple(kernel), tuple(sources), bias, Shape(tuple(real)))


def einsum_of(call: Call) -> Einsum | None:
    """The analysis of the call; None when the configuration cannot be read."""
    layer = call.layer
    equation, bias_axes = layer.get("equation"), layer.get("bias_axes")
    partial = _partial(layer.get("output_shape"))
    shape = call.input
    if not isinstance(equation, str) or partial is None or shape.dims is None:
        return None
    if bias_axes is not None and not isinstance(bias_axes, str):
        return None
    try:
        return analyse(equation, bias_axes, shape.dims, partial)
    except _Refused as refused:
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"EinsumDense('{equation}') cannot apply to its input {shape}: {refused}",
            input_index=0,
            expected=f"an input that fits '{equation}'",
            got=shape,
        ) from refused


def _params(call: Call) -> int | None:
    found = einsum_of(call)
    lora = config_int(call.layer, "lora_rank", None)
    if found is None or not all(is_known(d) for d in found.kernel):
        return None
    bias = found.bias or ()
    if not all(is_known(d) for d in bias):
        return None
    count = math.prod(found.kernel) + (math.prod(bias) if found.bias is not None else 0)  # type: ignore[arg-type]
    if lora:
        *rows, columns = found.kernel
        count += math.prod(rows) * lora + lora * columns  # type: ignore[arg-type, operator]
    return count


def _require_sized(call: Call, found: Einsum) -> None:
    """The kernel and the bias must be fully defined when Keras builds them."""
    for size, axis in zip(found.kernel, found.sources, strict=True):
        if axis is not None and size is NONE:
            require_defined(call, axis, "its kernel")
    for weights, dims in (("kernel", found.kernel), ("bias", found.bias or ())):
        if BATCH in dims or NONE in dims:
            raise ShapeProblem(
                ProblemKind.LAYER_CONFIG,
                f"EinsumDense('{call.layer.get('equation')}') would size its {weights} "
                f"{Shape(dims)} by "
                + ("the batch axis" if BATCH in dims else "an output size left undefined (None)"),
                input_index=0,
                expected="a fully defined kernel and bias",
                got=call.input,
            )


@keras_layer(
    "EinsumDense",
    positional=("equation", "output_shape", "activation", "bias_axes"),
    params=_params,
    traits=(Trait.ACTIVATION_LAST,),
)
def einsum_dense(call: Call) -> list[Shape]:
    found = einsum_of(call)
    if found is None:
        return [Shape.unknown()]
    _require_sized(call, found)
    return [found.output]

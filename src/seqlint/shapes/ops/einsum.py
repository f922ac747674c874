"""``einsum``: the equation parsed, each letter's size read from the operands.

TensorFlow facts (``tf.einsum``'s shape function; ``keras.ops.einsum`` runs it when the model
runs, its own static shapes checking less): one input spec per operand; a spec without
``...`` names every axis, one with ``...`` at most the rank; every operand's sizes for one
letter must be equal (a 1 does not broadcast; None matches anything); the ``...`` parts
broadcast together; output letters appear in the inputs, once each; an output without
``...`` (the implicit output is the letters seen once, sorted) needs empty ``...`` parts.
The output size of a letter is the operands' known size; where the only known one is 1,
Keras's static shape keeps a None (it broadcasts), TensorFlow's the 1 (``static``).
"""

from __future__ import annotations

import re
from collections import Counter

from seqlint.dims import NONE, UNKNOWN, Dim, Shape, is_known, same
from seqlint.shapes.ops.aliases import aliases
from seqlint.shapes.ops.common import Unreadable, broadcast, broadcast_dim, dims, fail, undefined
from seqlint.shapes.ops.registry import OpCall, op

_SPEC = re.compile(r"^[A-Za-z]*(\.\.\.)?[A-Za-z]*$")


@op("einsum", "subscripts, *operands:tensors, static='keras'")
def einsum(call: OpCall) -> list[Shape]:
    equation = call["subscripts"]
    if not isinstance(equation, str):
        raise Unreadable
    equation = equation.replace(" ", "")
    inputs, arrow, output = equation.partition("->")
    specs = inputs.split(",")
    if "->" in output or not all(_SPEC.match(s) for s in (*specs, output)):
        raise fail(f"einsum equation {equation!r} is malformed")
    operands = [dims(shape) for shape in call["operands"]]
    if len(specs) != len(operands):
        raise fail(f"einsum {equation!r} has {len(specs)} input specs for {len(operands)} operands")
    sizes: dict[str, list[Dim]] = {}
    ellipses: list[Shape] = []
    for spec, shape in zip(specs, operands, strict=True):
        before, dots, after = spec.partition("...")
        letters = before + after
        if len(letters) != len(shape) if not dots else len(letters) > len(shape):
            raise fail(f"einsum spec {spec!r} does not fit an operand of shape {Shape(shape)}")
        ellipsis = shape[len(before) : len(shape) - len(after)]
        ellipses.append(Shape(ellipsis))
        named = (*shape[: len(before)], *shape[len(shape) - len(after) :])
        for letter, size in zip(letters, named, strict=True):
            sizes.setdefault(letter, []).append(size)
    if not arrow:
        seen = Counter(inputs)
        output = "".join(sorted(c for c in seen if c.isalpha() and seen[c] == 1))
    letters = output.replace("...", "")
    if len(set(letters)) != len(letters) or any(c not in sizes for c in letters):
        raise fail(f"einsum output {output!r}: each letter once, and from the inputs")
    for letter, found in sizes.items():
        known = {d for d in found if is_known(d)}
        if len(known) > 1:
            raise fail(f"einsum {equation!r}: letter {letter!r} has sizes {sorted(known)}")
    extra = Shape(())
    for ellipsis in ellipses:
        extra = broadcast(extra, ellipsis)
    if "..." not in output and extra.dims:
        raise fail(f"einsum {equation!r}: the output drops the axes '...' stands for")
    out: list[Dim] = []
    before, dots, after = output.partition("...")
    out += [_size(sizes[c], call["static"]) for c in before]
    out += list(extra.dims or ()) if dots else []
    out += [_size(sizes[c], call["static"]) for c in after]
    return [Shape(tuple(out))]


def _size(found: list[Dim], static: str) -> Dim:
    """One letter's output size from its operands' sizes (all equal where known)."""
    if static == "keras":
        size = found[0]
        for other in found[1:]:
            size = broadcast_dim(size, other, (Shape(()), Shape(())))
        return size
    known = [d for d in found if is_known(d)]
    if known:
        return known[0]
    if all(same(found[0], d) for d in found):
        return found[0]
    return NONE if all(undefined(d) for d in found) else UNKNOWN


aliases("einsum(subscripts, *operands)", "ops.einsum")
aliases("einsum(equation->subscripts, *inputs->operands; static='tf')", "tensorflow.einsum")
aliases("einsum(equation->subscripts, *inputs->operands; static='tf')", "tensorflow.linalg.einsum")

"""Keras's backend ``rnn(step_function, inputs, initial_states, ...)``: the step function run
on one time step, as Keras runs it, and its outputs over the steps.

Keras calls ``step_function(inputs[:, t], states + constants)`` for each step ``t`` and
returns ``(last_output, outputs, new_states)``: the last step's output ``(batch, *out)``, the
outputs of every step ``(batch, steps, *out)`` and the last step's states."""

from __future__ import annotations

from typing import Protocol

import libcst as cst

from seqlint.dims import UNKNOWN
from seqlint.frontend.objects import Args
from seqlint.frontend.tensors import Tensors
from seqlint.ir import TensorRef, Value
from seqlint.shapes.ops.aliases import resolve

# rnn(step_function, inputs, initial_states, go_backwards, mask, constants, unroll,
#     input_length, time_major, zero_output_for_mask, return_all_outputs)
_CONSTANTS_AT = 5
_TIME_MAJOR_AT = 8
_ALL_OUTPUTS_AT = 10


class Caller(Protocol):
    tensors: Tensors

    def call_value(self, callee: Value, args: Args, node: cst.Call) -> Value: ...


def run(caller: Caller, args: Args, node: cst.Call) -> Value:
    """What ``K.rnn(...)`` returns: its three results, or unknown when the step function,
    the inputs or the states cannot be followed (or the layout is not batch-major)."""
    step, inputs = args.get(0, "step_function"), args.get(1, "inputs")
    states = args.get(2, "initial_states")
    constants = args.get(_CONSTANTS_AT, "constants") or []
    if (
        not args.complete
        or not isinstance(inputs, TensorRef)
        or not _tensors(states)
        or not _tensors(constants)
        or args.get(_TIME_MAJOR_AT, "time_major", False) is not False
        or args.get(_ALL_OUTPUTS_AT, "return_all_outputs", True) is not True
    ):
        return UNKNOWN
    steps = caller.tensors.shape(inputs)
    if steps.rank is None or steps.rank < 3:
        return UNKNOWN
    one_step = _op(caller, "ops.take", [inputs, 0], {"axis": 1}, node)
    result = caller.call_value(step, Args([one_step, [*states, *constants]]), node)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        return UNKNOWN
    last, new_states = result
    if not isinstance(last, TensorRef):
        return UNKNOWN
    every = _op(caller, "ops.expand_dims", [last, 1], {}, node)
    outputs = _op(caller, "ops.repeat", [every, steps[1]], {"axis": 1}, node)
    return (last, outputs, new_states)


def _tensors(value: Value) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(v, TensorRef) for v in value)


def _op(caller: Caller, name: str, positional: list, keywords: dict, node: cst.Call) -> Value:
    alias = resolve(name)
    bound = None if alias is None else alias.bind(positional, keywords)
    if alias is None or bound is None:
        return UNKNOWN
    return caller.tensors.apply_op(alias, bound, node)

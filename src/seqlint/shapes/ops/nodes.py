"""Ops as nodes of the graph: a node whose layer kind is ``ops.<name>`` applies op ``name``.

Its inputs are the tensors among the op's arguments, in the op's parameter order (a list of
tensors contributes each of its items); its layer's config holds the other arguments by
canonical name (a Python number given for a tensor is a scalar operand, kept there too), and
under :data:`TENSORS` which parameter each input belongs to.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from seqlint.dims import Shape
from seqlint.shapes.ops.registry import OpCall, OpSpec, op_spec

PREFIX = "ops."
TENSORS = "__tensors__"  # config key: ((parameter, count or None for one tensor), ...)
SPELLING = "__spelling__"  # config key: how the source named the op ("tensorflow.matmul")


def op_kind(name: str) -> str:
    return PREFIX + name


def split_arguments(
    spec: OpSpec, bound: Mapping[str, Any], is_tensor: Callable[[Any], bool]
) -> tuple[dict[str, Any], list[Any]] | None:
    """The node's config and its input values (in order) for ``bound`` arguments; None when
    a tensor parameter holds something that is neither a tensor nor a list of them."""
    config: dict[str, Any] = {}
    inputs: list[Any] = []
    layout: list[tuple[str, int | None]] = []
    for param in spec.params:
        value = bound.get(param.name)
        if param.tensors:
            if not isinstance(value, (list, tuple)) or not all(map(is_tensor, value)):
                return None
            layout.append((param.name, len(value)))
            inputs.extend(value)
        elif param.tensor and isinstance(value, (int, float)):
            config[param.name] = value  # a Python number: a scalar operand
        elif param.tensor:
            if not is_tensor(value):
                return None
            layout.append((param.name, None))
            inputs.append(value)
        else:
            config[param.name] = value
    config[TENSORS] = tuple(layout)
    return config, inputs


def output_shapes(kind: str, config: Mapping[str, Any], inputs: tuple[Shape, ...]) -> list[Shape]:
    """The shapes an op node outputs, from its config and its inputs' shapes (raises
    ShapeProblem when the op cannot work)."""
    spec = op_spec(kind[len(PREFIX) :])
    layout = config.get(TENSORS)
    if spec is None or not isinstance(layout, tuple) or not all(map(_entry, layout)):
        return [Shape.unknown()]
    given = {name: value for name, value in config.items() if name not in (TENSORS, SPELLING)}
    position = 0
    for name, count in layout:
        if count is None:
            given[name] = inputs[position] if position < len(inputs) else Shape.unknown()
            position += 1
        else:
            given[name] = tuple(inputs[position : position + count])
            position += count
    # in the op's parameter order, as the shape functions see them when the op is called
    args = {p.name: given.pop(p.name) for p in spec.params if p.name in given}
    args.update(given)
    return spec.shape(OpCall(spec.name, args))


def _entry(item: object) -> bool:
    """One ``(parameter, count)`` of the layout, as the frontend writes it."""
    return (
        isinstance(item, tuple)
        and len(item) == 2
        and isinstance(item[0], str)
        and (item[1] is None or (isinstance(item[1], int) and not isinstance(item[1], bool)))
    )

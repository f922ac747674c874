"""Tensors while interpreting: their shapes now, and the ops, weights and constants applied
to them.

Keras computes a tensor's shape as soon as it is made, and code reads it (``x.shape[-1]``,
``tf.shape(x)[0]``, the ``input_shape`` a layer's ``build`` receives). :class:`Tensors`
answers such questions during the interpretation by propagating shapes up to the tensor
asked about, when nothing upstream can change any more: an input of a Sequential model not
declared yet (it may be declared later, by ``build`` or the first ``fit``) leaves everything
after it unknown for now. An op applied to tensors (``tf.matmul(x, self.W)``, ``x[:, -1]``,
``x * 2``) becomes a node of kind ``ops.<name>`` (:mod:`seqlint.shapes.ops`), ``add_weight`` a
``Weight`` node and an array used as a tensor a ``Constant`` node.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import libcst as cst

from seqlint.dims import BATCH, NONE, UNKNOWN, Shape
from seqlint.frontend.models import Graph, lazy_label
from seqlint.ir import Array, Layer, ShapeRead, ShapeTuple, StaticSize, TensorRef, Value
from seqlint.shapes.keras2 import tf_keras2
from seqlint.shapes.ops.aliases import Alias
from seqlint.shapes.ops.nodes import SPELLING, op_kind, split_arguments
from seqlint.shapes.ops.registry import op_spec
from seqlint.shapes.propagate import NodeShapes, node_shapes

_MAX_WALK = 5_000  # nodes visited to decide whether a tensor's shape is final


class _UnknownShape:
    """``x.shape`` of a tensor whose rank is not known (yet): unlike an unknown value, its
    items are never taken for sizes Keras knows (``x.shape[1]`` is not a named size)."""

    def __repr__(self) -> str:
        return "UNKNOWN_SHAPE"


UNKNOWN_SHAPE = _UnknownShape()

# Functions that read a tensor's shape: the static one (None for what Keras does not know)
# or the one at run time (``tf.shape``).
STATIC_SHAPE = frozenset({"backend.int_shape", "ops.shape"})
DYNAMIC_SHAPE = frozenset({"tensorflow.shape", "backend.shape"})


class Tensors:
    """Shapes of the graph's tensors as far as they are final, and nodes for ops on them."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._final: dict[int, NodeShapes] = {}
        self._keras2 = tf_keras2(graph.target)  # tf.keras 2 computes some shapes otherwise

    # -- shapes now ---------------------------------------------------------------------------

    def shape(self, ref: TensorRef) -> Shape:
        """The shape of ``ref`` as Keras knows it now; unknown while it may still change."""
        shapes = self._at(ref.node_id)
        return Shape.unknown() if shapes is None else shapes.output(ref.index)

    def _at(self, node_id: int) -> NodeShapes | None:
        found = self._final.get(node_id)
        if found is not None:
            return found
        nodes = self.graph.ir.nodes
        order = self._upstream(node_id)
        if order is None:
            return None
        for current in order:
            if current not in self._final:
                node = nodes[current]
                self._final[current] = node_shapes(node, self._output, self._keras2)
        return self._final[node_id]

    def _output(self, ref: TensorRef) -> Shape:
        return self._final[ref.node_id].output(ref.index)

    def _upstream(self, node_id: int) -> list[int] | None:
        """The nodes ``node_id`` depends on, in creation order; None when one of them is an
        input that may still be declared (or the walk is too long)."""
        nodes = self.graph.ir.nodes
        seen: set[int] = set()
        stack = [node_id]
        while stack:
            current = stack.pop()
            if current in seen or current in self._final:
                continue
            seen.add(current)
            if len(seen) > _MAX_WALK:
                return None
            node = nodes[current]
            if node.sequential and node.declared_by is None and node.layer.kind == "Input":
                return None
            stack.extend(
                ref.node_id for ref in (*node.inputs, *node.state_inputs, *node.keyword_refs)
            )
        return sorted(seen)

    def static_shape(self, ref: TensorRef, origin: str) -> Value:
        """``x.shape`` (and ``K.int_shape(x)``, ``build``'s ``input_shape``): its sizes, None
        for those Keras does not know (the batch axis, an undefined length); unknown when the
        rank is not known. ``origin`` is how the source names it."""
        dims = self.shape(ref).dims
        if dims is None:
            return UNKNOWN
        items = tuple(_static_item(d) for d in dims)
        return ShapeTuple(items, origin, ref)

    def dynamic_shape(self, ref: TensorRef) -> Value:
        """``tf.shape(x)``: the sizes at run time; the batch size is the batch dim (a reshape
        to it keeps the batch axis), an undefined length a size seqlint does not know."""
        dims = self.shape(ref).dims
        if dims is None:
            return UNKNOWN
        return tuple(UNKNOWN if d is NONE else d for d in dims)

    def read_axis(self, shape: ShapeTuple, index: object, expr: cst.CSTNode) -> None:
        """``shape[index]`` of a tensor's shape: an int beyond its rank is recorded (Python
        raises IndexError there)."""
        rank = len(shape.items)
        if shape.tensor is None or not isinstance(index, int) or isinstance(index, bool):
            return
        if -rank <= index < rank:
            return
        current = self.graph.in_call
        self.graph.ir.shape_reads.append(
            ShapeRead(
                shape.tensor,
                index,
                rank,
                shape.origin,
                self.graph.positions.loc(expr),
                None if current is None else current.id,
            )
        )

    # -- nodes -----------------------------------------------------------------------------------

    def apply_op(self, alias: Alias, bound: dict[str, Any], expr: cst.CSTNode) -> Value:
        """Op ``alias`` applied to ``bound`` arguments, at least one of them a tensor: a new
        node, its output (a tuple of outputs for an op that returns several); unknown when an
        operand cannot be followed."""
        operands = {
            name: self._operand(value, expr, _one_tensor(alias, name))
            for name, value in bound.items()
            if _tensor_param(alias, name)
        }
        arguments = {**bound, **operands}
        split = split_arguments(alias.op, arguments, lambda v: isinstance(v, TensorRef))
        if split is None:
            return UNKNOWN
        config, inputs = split
        config[SPELLING] = alias.qualname
        layer = Layer(
            op_kind(alias.op.name), config, self.graph.positions.loc(expr), lazy_label(expr)
        )
        ref = self.graph.node(layer, tuple(inputs), expr)
        known = {n: self.shape(v) for n, v in operands.items() if isinstance(v, TensorRef)}
        count = None if alias.op.outputs is None else alias.op.outputs({**config, **known})
        if count is not None:
            return tuple(TensorRef(ref.node_id, i) for i in range(count))
        return ref

    def _operand(self, value: Value, expr: cst.CSTNode, one: bool = False) -> Value:
        """A tensor parameter's value as a node input: tensors stay, arrays become Constant
        nodes, Python numbers stay numbers (scalars), lists of them item by item; a list of
        tensors where the op takes ``one`` tensor is converted as TensorFlow and Keras
        convert it, stacked on a new first axis."""
        if isinstance(value, (TensorRef, int, float)):
            return value
        if isinstance(value, (list, tuple)):
            items = [self._operand(item, expr) for item in value]
            if one and items and all(isinstance(item, TensorRef) for item in items):
                return self._stacked(items, expr)
            return items
        if isinstance(value, Array):
            return self.constant(value, expr)
        return self.graph.opaque(expr)

    def _stacked(self, items: list[TensorRef], expr: cst.CSTNode) -> TensorRef:
        """``convert_to_tensor([a, b])``: the tensors stacked on a new first axis."""
        stack = op_spec("stack")
        assert stack is not None
        config, inputs = split_arguments(  # type: ignore[misc]
            stack, {"x": items, "axis": 0, "merge": False}, lambda v: isinstance(v, TensorRef)
        )
        config[SPELLING] = "convert_to_tensor"
        layer = Layer(op_kind("stack"), config, self.graph.positions.loc(expr), lazy_label(expr))
        return self.graph.node(layer, tuple(inputs), expr)

    def constant(self, array: Array, expr: cst.CSTNode) -> TensorRef:
        shape = UNKNOWN if array.shape is None else tuple(array.shape)
        layer = Layer(
            "Constant", {"shape": shape}, self.graph.positions.loc(expr), lazy_label(expr)
        )
        return self.graph.node(layer, (), expr)

    def weight(self, shape: Value, expr: cst.CSTNode) -> TensorRef:
        """``add_weight(shape=...)``: a ``Weight`` node (counted in its layer's parameters)."""
        layer = Layer("Weight", {"shape": shape}, self.graph.positions.loc(expr), lazy_label(expr))
        ref = self.graph.node(layer, (), expr)
        current = self.graph.in_call
        if current is not None:
            current.weights.append(ref.node_id)
        return ref


def holds_tensor(value: Value) -> bool:
    """A tensor, or a list/tuple holding one."""
    if isinstance(value, TensorRef):
        return True
    return isinstance(value, (list, tuple)) and any(isinstance(v, TensorRef) for v in value)


def tensor_operands(alias: Alias, bound: dict[str, Any]) -> Iterable[Value]:
    """The values of ``bound`` that sit in the op's tensor parameters."""
    return (value for name, value in bound.items() if _tensor_param(alias, name))


def _tensor_param(alias: Alias, name: str) -> bool:
    param = alias.op.param(name)
    return param is not None and (param.tensor or param.tensors)


def _one_tensor(alias: Alias, name: str) -> bool:
    param = alias.op.param(name)
    return param is not None and param.tensor and not param.tensors


def _static_item(dim: Value) -> Value:
    """A dim as ``x.shape`` gives it: None for what Keras does not know, an int marked as
    read off a shape."""
    if dim is BATCH or dim is NONE:
        return None
    return StaticSize(dim) if isinstance(dim, int) and not isinstance(dim, bool) else dim

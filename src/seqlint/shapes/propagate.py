"""Propagate shapes through a module's graph, node by node, in creation order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from seqlint.dims import Shape
from seqlint.ir import ModuleIR, Node, TensorRef
from seqlint.shapes import keras2
from seqlint.shapes.catalogue import Call, output_shapes
from seqlint.shapes.problems import ShapeProblem


@dataclass(frozen=True)
class NodeShapes:
    """The shapes seen at one node.

    ``outputs`` is None when they are unknown (unmodelled layer, unknown
    inputs or a problem); ``problem`` is set when Keras would reject the call.
    """

    inputs: tuple[Shape, ...]
    states: tuple[Shape, ...]
    outputs: tuple[Shape, ...] | None
    problem: ShapeProblem | None = None

    def output(self, index: int | None) -> Shape:
        if self.outputs is None:
            return Shape.unknown()
        if index is None:
            return self.outputs[0] if len(self.outputs) == 1 else Shape.unknown()
        return self.outputs[index] if index < len(self.outputs) else Shape.unknown()


class GraphShapes:
    """Shapes of every node of a :class:`ModuleIR`, as the ``target`` Keras computes them
    ("2", "3" or a release: tf.keras 2 differs in places, see :mod:`seqlint.shapes.keras2`)."""

    def __init__(self, ir: ModuleIR, target: str = "3") -> None:
        self.ir = ir
        self.target = target
        self._keras2 = keras2.tf_keras2(target)
        self._by_node: list[NodeShapes] = []
        for node in ir.nodes:
            self._by_node.append(self._propagate(node))

    def at(self, node: Node) -> NodeShapes:
        return self._by_node[node.id]

    def of(self, ref: TensorRef) -> Shape:
        return self._by_node[ref.node_id].output(ref.index)

    def _propagate(self, node: Node) -> NodeShapes:
        return node_shapes(node, self.of, self._keras2)


def node_shapes(
    node: Node, of: Callable[[TensorRef], Shape], tf_keras2: bool = False
) -> NodeShapes:
    """The shapes at ``node``, its inputs' shapes given by ``of`` (as tf.keras 2 computes
    them with ``tf_keras2``)."""
    inputs = tuple(of(ref) for ref in node.inputs)
    states = tuple(of(ref) for ref in node.state_inputs)
    keywords = tuple(
        (name, Shape.unknown() if ref is None else of(ref)) for name, ref in node.keywords
    )
    call = Call(node.layer, inputs, as_list=node.as_list, states=states, keywords=keywords)
    try:
        if tf_keras2 and keras2.differs(call):
            outputs = keras2.output_shapes(call)
        else:
            outputs = output_shapes(call)
    except ShapeProblem as problem:
        return NodeShapes(inputs, states, None, problem)
    return NodeShapes(inputs, states, None if outputs is None else tuple(outputs))

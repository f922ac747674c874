"""What the frontend tests share."""

from __future__ import annotations

import textwrap

from seqlint.frontend import extract
from seqlint.ir import ModuleIR, Node


def ir_of(source: str) -> ModuleIR:
    return extract(textwrap.dedent(source))


def chain(ir: ModuleIR, node: Node) -> list[str]:
    """Kinds from the first node up to ``node``, following first inputs."""
    kinds = [node.layer.kind]
    while node.inputs:
        node = ir.nodes[node.inputs[0].node_id]
        kinds.append(node.layer.kind)
    return kinds[::-1]

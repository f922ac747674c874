"""Source text to IR: the only part of seqlint that reads libcst.

:func:`extract` parses a module and interprets it symbolically (nothing of
the linted code is executed or imported), returning the layers, their
applications and the models it builds as a :class:`~seqlint.ir.ModuleIR`.
"""

from __future__ import annotations

from collections.abc import Sequence

from seqlint.fixes import Edit
from seqlint.frontend.interpreter import Interpreter
from seqlint.frontend.legacy_api import find_legacy_uses
from seqlint.frontend.models import Graph
from seqlint.frontend.modules import facts
from seqlint.frontend.parsing import TOO_DEEP, NotAnalysable, ParseFailure, parse
from seqlint.frontend.positions import Positions
from seqlint.ir import ModuleIR

__all__ = ["NotAnalysable", "ParseFailure", "apply_fix_edits", "extract", "imported_text"]


def extract(source: str, target: str = "3", path: str | None = None) -> ModuleIR:
    """The IR of ``source`` for Keras ``target`` ("2" or "3"), read from file ``path`` (its
    imports of modules of its project are followed; None: they are not); raises
    :class:`ParseFailure` when it cannot be parsed, a :class:`NotAnalysable` (a kind of
    ParseFailure) when it is valid but too complex."""
    module = parse(source)
    graph = Graph(Positions(module, source), target)
    interpreter = Interpreter(graph, path)
    try:
        interpreter.run(module)
        graph.positions = graph.script_positions
        graph.ir.imported = find_legacy_uses(module, source, graph.legacy)
    except RecursionError:  # a last resort: every recursion of the interpreter is bounded
        raise NotAnalysable(1, 1, TOO_DEEP) from None
    graph.ir.tree = module
    if interpreter.project is not None:
        graph.ir.dependencies = interpreter.project.lookups()
    return graph.ir


def imported_text(path: str) -> str:
    """The source of an imported module of the project, as the analysis read it ("" when it
    is not known any more)."""
    found, _ = facts(path)
    return found.text


def apply_fix_edits(ir: ModuleIR, edits: Sequence[Edit]) -> tuple[str, set[int]]:
    """The source of ``ir`` with ``edits`` (made on its Locs) applied, and the indices of the
    edits that did not fit the code they target."""
    from seqlint.frontend.fixer import apply_edits

    return apply_edits(ir.tree, edits)

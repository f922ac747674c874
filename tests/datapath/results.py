"""seqlint's value of ``result`` at the end of a generated program (never run)."""

from __future__ import annotations

from seqlint.dims import UNKNOWN
from seqlint.frontend.interpreter import Interpreter
from seqlint.frontend.models import Graph
from seqlint.frontend.parsing import parse
from seqlint.frontend.positions import Positions


def seqlint_result(source: str) -> object:
    """What the interpreter holds in ``result`` after ``source``; UNKNOWN if unbound."""
    module = parse(source)
    interpreter = Interpreter(Graph(Positions(module, source), "3"))
    interpreter.run(module)
    return interpreter.scope.vars.get("result", UNKNOWN)

"""A cheap pre-scan that refuses sources nested too deeply for libcst.

libcst's native parser overflows its stack (a segfault, which no ``except``
can catch) on a few thousand nested brackets, its parse time grows
quadratically or worse with expression depth (``1+1+...`` with 5000 terms
takes seconds), and its Python-side codegen hits ``RecursionError`` a few
hundred levels down.  So before parsing we bound the expression nesting depth
from above: each open bracket counts two levels (a bracket costs libcst about
twice the stack of an operator), and each operator, attribute dot, keyword
operator, string or closed bracket chained within one comma-separated element
counts one.  A few C-speed regex passes reduce the source to those symbols,
then one loop walks them.  Real code stays far below :data:`MAX_DEPTH` (the
whole Keras source tree peaks under 60); flat literals of any length are fine.
"""

from __future__ import annotations

import re

MAX_DEPTH = 200

# Strings, comments and line continuations, each becomes one chained symbol.
_STRINGS = re.compile(
    r"""['"#\\](?:(?<=')''[\s\S]*?'''|(?<=")""[\s\S]*?\"\"\"|(?<=')(?:\\.|[^'\\\r\n])*'"""
    r"""|(?<=")(?:\\.|[^"\\\r\n])*"|(?<=\#)[^\r\n]*|(?<=\\)\r?\n)"""
)
_KEYWORDS = re.compile(r"\b(?:not|and|or|if|else|lambda|await|in|is)\b")
_OTHER = re.compile(r"[^()\[\]{},;\n+\-*/%@&|^~<>.\x01]+")
_SYMBOLS = str.maketrans(
    {"[": "(", "{": "(", "]": ")", "}": ")", ";": ",", **{c: "+" for c in "-*/%@&|^~<>.\x01"}}
)


def _symbols(source: str) -> str:
    """The source reduced to ``(`` ``)`` ``,`` newline and ``+`` (anything that chains)."""
    text = _STRINGS.sub("\x01", source)
    text = _KEYWORDS.sub("+", text)
    return _OTHER.sub("", text).translate(_SYMBOLS)


def too_deep(source: str, limit: int = MAX_DEPTH) -> bool:
    """True when the estimated nesting depth of some expression exceeds ``limit``."""
    stack: list[tuple[int, int]] = []
    base = 0  # depth contributed by the enclosing bracket levels
    chain = 0  # symbols chained in the current element
    for symbol in _symbols(source):
        if symbol == "+":
            chain += 1
        elif symbol == "(":
            stack.append((base, chain))
            base += chain + 2
            chain = 0
        elif symbol == ")":
            if stack:
                base, chain = stack.pop()
            chain += 1
        elif symbol == "," or not stack:
            chain = 0
            continue
        else:
            continue
        if base + chain > limit:
            return True
    return False

"""A cheap pre-scan that bounds how deep libcst's parser will recurse on a source.

libcst's native parser recurses once per nesting level of an expression; its parse
time grows quadratically or worse with that depth, and without a large stack it
overflows (a segfault, which no ``except`` can catch).  The parse runs in a thread
with a large stack (:mod:`seqlint.frontend.parsing`), and this estimate keeps it
well inside that stack and within a second or so: each open bracket counts two
levels (a bracket costs libcst about twice the stack of an operator), and each
operator, attribute dot, keyword operator, string or closed bracket chained within
one comma-separated element counts one.  Comments count nothing.  The replacement
fields of f-strings are scanned like code (libcst parses them as expressions).
Implicitly joined strings and ``and``/``or`` chains, flat for CPython, are nested
for libcst and count one level each.

The estimate is an upper bound of libcst's recursion depth for every construct
measured in ``tests/frontend/test_parsing.py``; real code stays far below
:data:`MAX_DEPTH` (the whole Keras source tree peaks under 60).
"""

from __future__ import annotations

import re

MAX_DEPTH = 500
"""libcst parses any source under this estimate in about a second or less, far from the
stack it runs on (measured: depth 3000 of every construct parses on 512 MB)."""

_QUOTED = (
    r"""'''[\s\S]*?'''|\"\"\"[\s\S]*?\"\"\"|'(?:\\(?:\r\n|[\s\S])|[^'\\\r\n])*'"""
    r"""|"(?:\\(?:\r\n|[\s\S])|[^"\\\r\n])*\""""
)
# f-strings (their fields are code), other strings, comments and line continuations.
_TOKENS = re.compile(
    rf"""(?<![\w])(?P<f>(?:[rR][fF]|[fF][rR]?)(?:{_QUOTED}))"""
    rf"""|(?:(?<![\w])(?:[rRbBuU]|[rR][bB]|[bB][rR]))?(?:{_QUOTED})|\#[^\r\n]*|\\\r?\n"""
)
_KEYWORDS = re.compile(r"\b(?:not|and|or|if|else|lambda|await|in|is)\b")
_OTHER = re.compile(r"[^()\[\]{},;\n+\-*/%@&|^~<>.\x01]+")
_SYMBOLS = str.maketrans(
    {"[": "(", "{": "(", "]": ")", "}": ")", ";": ",", **{c: "+" for c in "-*/%@&|^~<>.\x01"}}
)


def _replace(match: re.Match[str]) -> str:
    text = match[0]
    if match["f"] is not None:
        return "\x01" + _fields(text)
    if text[0] == "#" or text[0] == "\\":
        return ""
    return "\x01"


def _fields(fstring: str) -> str:
    """The replacement fields of an f-string, each as ``(code)``; literal text dropped."""
    body = fstring.replace("{{", "").replace("}}", "")
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(body):
        if char == "{":
            if depth == 0:
                start = index + 1
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0:
                parts.append("(" + body[start:index] + ")")
    if depth:
        parts.append("(" + body[start:] + ")")
    return "".join(parts)


def _symbols(source: str) -> str:
    """The source reduced to ``(`` ``)`` ``,`` newline and ``+`` (anything that chains)."""
    text = source
    # fields may hold strings of their own (and nested f-strings): reduce until none is left
    for _ in range(4):
        reduced = _TOKENS.sub(_replace, text)
        if reduced == text or "\x01(" not in reduced:
            text = reduced
            break
        text = reduced
    text = _KEYWORDS.sub("+", text)
    return _OTHER.sub("", text).translate(_SYMBOLS)


def nesting_depth(source: str, limit: int = MAX_DEPTH) -> int:
    """The estimated nesting depth of the deepest expression, counted until it exceeds
    ``limit`` (the scan stops there and returns the depth reached)."""
    stack: list[tuple[int, int]] = []
    base = 0  # depth contributed by the enclosing bracket levels
    chain = 0  # symbols chained in the current element
    deepest = 0
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
        if base + chain > deepest:
            deepest = base + chain
            if deepest > limit:
                break
    return deepest


def too_deep(source: str, limit: int = MAX_DEPTH) -> bool:
    """True when the estimated nesting depth of some expression exceeds ``limit``."""
    return nesting_depth(source, limit) > limit

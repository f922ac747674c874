"""Source text to a libcst module, or a :class:`ParseFailure` with a useful position."""

from __future__ import annotations

import ast
import re

import libcst as cst

from seqlint.frontend.nesting import too_deep

TOO_DEEP = "too deeply nested to analyse"


class ParseFailure(Exception):
    """The source cannot be analysed: a syntax error, or nesting too deep for the parser."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(f"{line}:{column}: {message}")
        self.line = line  # 1-based
        self.column = column  # 1-based
        self.message = message


def parse(source: str) -> cst.Module:
    """Parse ``source`` with libcst; raise :class:`ParseFailure` if it does not parse."""
    if too_deep(source):
        raise ParseFailure(1, 1, TOO_DEEP)
    try:
        return cst.parse_module(source)
    except cst.ParserSyntaxError as error:
        raise _syntax_failure(source, error) from None
    except RecursionError:
        raise ParseFailure(1, 1, TOO_DEEP) from None


_LIBCST_AT = re.compile(r"error at (\d+):(\d+)")


def _syntax_failure(source: str, error: cst.ParserSyntaxError) -> ParseFailure:
    """Locate a syntax error as CPython does when it agrees, else as libcst reports it.

    libcst's native parser reports the farthest token it reached, often a line
    late; CPython's parser (only parsing, nothing runs) names the real culprit.
    """
    try:
        ast.parse(source)
    except SyntaxError as py_error:
        if py_error.lineno:
            return ParseFailure(py_error.lineno, max(py_error.offset or 1, 1), py_error.msg)
    except (ValueError, RecursionError, MemoryError):
        pass
    message = error.message
    found = _LIBCST_AT.search(message)
    if found:
        return ParseFailure(int(found[1]), int(found[2]) + 1, message)
    return ParseFailure(error.raw_line, error.raw_column + 1, message)

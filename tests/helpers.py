"""Helpers shared by the tests."""

from __future__ import annotations

import re
import textwrap

from seqlint.analysis import lint_source
from seqlint.diagnostic import Diagnostic

MARKER = re.compile(r"#\s*expect:\s*(SL\d{3})")


def expected_markers(source: str) -> set[tuple[str, int]]:
    """(code, line) for every line carrying a ``# expect: CODE`` comment."""
    found = set()
    for number, line in enumerate(source.splitlines(), start=1):
        match = MARKER.search(line)
        if match:
            found.add((match.group(1), number))
    return found


def lint(source: str) -> list[Diagnostic]:
    return lint_source(textwrap.dedent(source), "<test>")


def codes_and_lines(source: str) -> set[tuple[str, int]]:
    return {(d.code, d.line) for d in lint(source)}

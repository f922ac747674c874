"""Helpers shared by the tests."""

from __future__ import annotations

import re
import textwrap

from seqlint.analysis import lint_source
from seqlint.diagnostic import Diagnostic
from seqlint.suppress import UNUSED_CODE, scan, suppress

MARKER = re.compile(r"#\s*expect:\s*(SL\d{3})")


def expected_markers(source: str) -> set[tuple[str, int]]:
    """(code, line) for every line carrying a ``# expect: CODE`` comment."""
    found = set()
    for number, line in enumerate(source.splitlines(), start=1):
        match = MARKER.search(line)
        if match:
            found.add((match.group(1), number))
    return found


def lint(source: str, target: str = "3") -> list[Diagnostic]:
    """Every rule's diagnostics, after inline suppressions (with SL001 on)."""
    source = textwrap.dedent(source)
    found = lint_source(source, "<test>", target=target)
    everything = {d.code for d in found} | {UNUSED_CODE}
    return suppress("<test>", scan(source), found, everything)


def codes_and_lines(source: str) -> set[tuple[str, int]]:
    return {(d.code, d.line) for d in lint(source)}

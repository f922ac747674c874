"""``--format concise``: one ``path:line:col: CODE [name] message`` line per diagnostic (a
notebook's as ``path:cell N:line:col``), then the summary line; no trace, no hint."""

from __future__ import annotations

from collections.abc import Sequence

from seqlint.diagnostic import Diagnostic
from seqlint.report.text import summary_line


def render(diagnostics: Sequence[Diagnostic], files_checked: int) -> str:
    lines = [f"{d.location}: {d.code} [{d.name}] {d.message}" for d in diagnostics]
    lines.append("".join(text for text, _ in summary_line(diagnostics, files_checked)))
    return "\n".join(lines)

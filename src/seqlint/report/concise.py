"""``--format concise``: one ``path:line:col: CODE [name] message`` line per diagnostic (a
notebook's as ``path:cell N:line:col``), then the summary line (the text report's, with the
same counts); no trace, no hint."""

from __future__ import annotations

from collections.abc import Sequence

from seqlint.diagnostic import Diagnostic
from seqlint.report.text import Coverage, summary_line, summary_text


def render(
    diagnostics: Sequence[Diagnostic], files_checked: int, coverage: Coverage | None = None
) -> str:
    lines = [f"{d.location}: {d.code} [{d.name}] {d.message}" for d in diagnostics]
    summary = summary_text(summary_line(diagnostics, files_checked, coverage=coverage))
    if summary is not None:
        lines.append(summary)
    return "\n".join(lines)

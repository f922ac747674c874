"""``--format github``: workflow commands that GitHub Actions shows as PR annotations."""

from __future__ import annotations

from collections.abc import Sequence

from seqlint.diagnostic import Diagnostic, Severity
from seqlint.report.shared import cell_prefix, rule_url

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render(diagnostics: Sequence[Diagnostic], files_checked: int = 0) -> str:
    """One ``::error file=...,line=...::CODE message`` line per diagnostic, ending with the
    rule's page. A notebook's finding annotates the notebook file and names its cell."""
    lines = []
    for d in diagnostics:
        where = ""
        if d.cell is None:
            where = f",line={d.line},col={d.column},endLine={d.end_line},endColumn={d.end_column}"
        props = (
            f"file={_escape(d.path, property_value=True)}{where},"
            f"title={_escape(f'seqlint {d.code} {d.name}', property_value=True)}"
        )
        body = cell_prefix(d) + d.message + (f"\nhint: {d.hint}" if d.hint else "")
        body += f"\n{rule_url(d.code)}"
        lines.append(f"::{LEVEL[d.severity]} {props}::{_escape(f'{d.code} {body}')}")
    return "\n".join(lines)

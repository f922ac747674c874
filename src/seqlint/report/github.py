"""``--format github``: workflow commands that GitHub Actions shows as PR annotations."""

from __future__ import annotations

from collections.abc import Iterable

from seqlint.diagnostic import Diagnostic, Severity

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render_github(diagnostics: Iterable[Diagnostic]) -> str:
    """One ``::error file=...,line=...::CODE message`` line per diagnostic."""
    lines = []
    for d in diagnostics:
        props = (
            f"file={_escape(d.path, property_value=True)},line={d.line},col={d.column},"
            f"endLine={d.end_line},endColumn={d.end_column},"
            f"title={_escape(f'seqlint {d.code} {d.name}', property_value=True)}"
        )
        body = d.message + (f"\nhint: {d.hint}" if d.hint else "")
        lines.append(f"::{LEVEL[d.severity]} {props}::{_escape(f'{d.code} {body}')}")
    return "\n".join(lines)

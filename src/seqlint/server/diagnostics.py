"""seqlint's diagnostics as LSP diagnostics: code and rule page link, the rule's severity, the
shape trace as related information pointing at each layer's line."""

from __future__ import annotations

from lsprotocol import types

from seqlint.diagnostic import Diagnostic, Severity, TraceRow
from seqlint.engine import TextCheck
from seqlint.report.shared import rule_url
from seqlint.server.views import View

SOURCE = "seqlint"

SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def publishable(view: View, check: TextCheck) -> dict[str, list[types.Diagnostic]]:
    """The diagnostics of every document of ``view`` (an empty list clears a document's)."""
    found: dict[str, list[types.Diagnostic]] = {uri: [] for uri in view.uris}
    for diagnostic in check.diagnostics:
        uri, converted = convert(view, diagnostic)
        found.setdefault(uri, []).append(converted)
    return found


def convert(view: View, diagnostic: Diagnostic) -> tuple[str, types.Diagnostic]:
    """The document of ``diagnostic`` (a place in the analysed text) and its LSP form."""
    placed = view.source.place(diagnostic)
    uri = view.uri_of(placed.cell)
    start = view.position(uri, placed.line, placed.column)
    end = view.position(uri, placed.end_line, placed.end_column)
    message = placed.message + (f"\nhint: {placed.hint}" if placed.hint else "")
    return uri, types.Diagnostic(
        range=types.Range(start, end),
        message=message,
        severity=SEVERITY[placed.severity],
        code=placed.code,
        code_description=types.CodeDescription(href=rule_url(placed.code)),
        source=SOURCE,
        related_information=[_related(view, row) for row in placed.trace] or None,
    )


def _related(view: View, row: TraceRow) -> types.DiagnosticRelatedInformation:
    uri = view.uri_of(row.cell)
    note = f" ({row.note})" if row.note else ""
    marker = "> " if row.marked else ""
    place = f" ({row.place})" if row.place else ""
    return types.DiagnosticRelatedInformation(
        location=types.Location(uri, view.line_range(uri, row.line)),
        message=f"{marker}{row.layer}{place}: {row.shape}{note}",
    )

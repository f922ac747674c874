"""The terminal report: one ``path:line:col: CODE message`` line per diagnostic, the shape
trace as a small static ``model.summary()``, the fix hint, then a summary line.

Text taken from the linted code or from file names is shown with its control characters
escaped (:func:`printable`), so no source or path can move the cursor, forge a line (a
GitHub annotation, say) or print a hyperlink.

Lines are built as styled spans. On a color terminal they are printed with rich; otherwise
(pipes, CI logs, pre-commit, ``--no-color``, ``NO_COLOR``) they are written as plain text
without importing rich at all, which saves ~30 ms per run.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TextIO

from seqlint.diagnostic import Applicability, Diagnostic, Severity, TraceRow

Span = tuple[str, str]  # text, rich style ("" for none)
Line = list[Span]

SEVERITY_STYLE = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "bold yellow",
    Severity.INFO: "bold blue",
}
MARKER = ">"
INDENT = "  "


# C0 and C1 controls, DEL, bidirectional overrides and lone surrogates (undecodable names)
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` with every control character written as an escape (``\\n``, ``\\x1b``)."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def printable_diagnostic(diagnostic: Diagnostic) -> Diagnostic:
    """The diagnostic with its path, message, hint and trace made printable."""
    return replace(
        diagnostic,
        path=printable(diagnostic.path),
        message=printable(diagnostic.message),
        hint=printable(diagnostic.hint),
        trace=printable_rows(diagnostic.trace),
    )


def printable_rows(rows: Sequence[TraceRow]) -> tuple[TraceRow, ...]:
    """Trace rows with the text they quote from the code made printable."""
    return tuple(
        replace(
            row, layer=printable(row.layer), shape=printable(row.shape), note=printable(row.note)
        )
        for row in rows
    )


def wants_color(stream: TextIO, no_color: bool = False) -> bool:
    """Color only for a terminal, unless ``--no-color`` or ``NO_COLOR``; ``FORCE_COLOR`` forces."""
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def render_text(
    diagnostics: Sequence[Diagnostic],
    files_checked: int,
    stream: TextIO,
    *,
    color: bool = False,
    summary: bool = True,
    models: int = 0,
    unanalysed: int = 0,
    coverage: Coverage | None = None,
    quiet: bool = False,
) -> None:
    """The report; ``summary=False``: the diagnostics only; ``quiet``: then one short
    summary line (``-q``)."""
    coverage = coverage or Coverage(models, unanalysed)
    lines: list[Line] = []
    for diagnostic in diagnostics:
        shown = printable_diagnostic(diagnostic)
        lines.extend(diagnostic_lines(shown, ascii_only=not is_utf(stream)))
        lines.append([])
    last = None
    if quiet:
        last = short_summary(diagnostics, files_checked, coverage)
    elif summary:
        last = summary_line(diagnostics, files_checked, coverage=coverage)
    if last is not None:
        lines.append(last)
        if not quiet:
            lines.extend(fixable_lines(diagnostics))
    elif lines:
        lines.pop()  # no blank line before a summary that is not printed
    write_lines(lines, stream, color=color)


def write_lines(lines: Sequence[Line], stream: TextIO, *, color: bool) -> None:
    if not color:
        text = "".join("".join(text for text, _ in line) + "\n" for line in lines)
        try:
            stream.write(text)
        except UnicodeEncodeError:  # e.g. an ASCII-only stream: never crash on a message
            encoding = getattr(stream, "encoding", None) or "ascii"
            stream.write(text.encode(encoding, "replace").decode(encoding))
        stream.flush()
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, highlight=False, emoji=False, markup=False)
    for line in lines:
        # soft_wrap: never break a line ourselves, so editors and CI can parse the location
        console.print(Text.assemble(*line), soft_wrap=True)


def diagnostic_lines(diagnostic: Diagnostic, *, ascii_only: bool = False) -> list[Line]:
    style = SEVERITY_STYLE.get(diagnostic.severity, "bold")
    lines: list[Line] = [
        [
            (f"{diagnostic.location}:", "bold"),
            (" ", ""),
            (diagnostic.code, style),
            (" ", ""),
            *([("[*]", "bold cyan"), (" ", "")] if _safely_fixable(diagnostic) else []),
            (diagnostic.message, ""),
        ]
    ]
    if diagnostic.trace:
        lines.extend(trace_lines(diagnostic.trace, style, ascii_only=ascii_only))
    if diagnostic.hint:
        lines.append([(f"{INDENT}hint: ", "bold cyan"), (diagnostic.hint, "")])
    return lines


def trace_lines(
    rows: Sequence[TraceRow],
    marker_style: str = "bold red",
    *,
    ascii_only: bool = False,
    params: Sequence[str] = (),
) -> list[Line]:
    """The shape chain as aligned columns (layer, line, output shape, ``params`` when given:
    one per row, then the note), one row per layer, the row a diagnostic is about marked with
    ``>``. No wrapping inside cells and no trailing blanks, so it reads the same in a terminal,
    a CI log and a pasted issue. ``seqlint shapes`` renders its tables with this too. In a
    notebook the line column is ``cell:line``."""
    places = [_place(row) for row in rows]
    line_header = "cell:line" if any(row.cell is not None for row in rows) else "line"
    layer_width = max(len("layer"), *(len(row.layer) for row in rows))
    line_width = max(len(line_header), *(len(place) for place in places))
    shape_width = max(len("output shape"), *(len(row.shape) for row in rows))
    with_params = bool(params)
    params_width = max(len("params"), *(len(p) for p in params)) if with_params else 0
    header = (
        f"{INDENT}  {'layer'.ljust(layer_width)}  {line_header.rjust(line_width)}  output shape"
    )
    if with_params:
        header = header.ljust(len(header) + shape_width - len("output shape"))
        header += "  " + "params".rjust(params_width)
    width = 6 + layer_width + line_width + shape_width + (params_width + 2 if with_params else 0)
    rule = ("-" if ascii_only else "\u2500") * width
    lines: list[Line] = [[(header, "dim")], [(INDENT + rule, "dim")]]
    for index, (row, place) in enumerate(zip(rows, places, strict=True)):
        row_style = marker_style if row.marked else ""
        padded = row.note or with_params
        shape = row.shape.ljust(shape_width) if padded else row.shape
        line: Line = [
            (INDENT, ""),
            (MARKER if row.marked else " ", marker_style),
            (" ", ""),
            (row.layer.ljust(layer_width), "bold" if row.marked else ""),
            ("  ", ""),
            (place.rjust(line_width), "dim"),
            ("  ", ""),
            (shape, row_style or "green"),
        ]
        if with_params:
            line += [("  ", ""), (params[index].rjust(params_width), "")]
        if row.note:
            line += [("  ", ""), (row.note, row_style or "dim")]
        lines.append(line)
    return lines


def _place(row: TraceRow) -> str:
    if row.place:
        return row.place
    return f"{row.cell}:{row.line}" if row.cell is not None else str(row.line)


@dataclass(frozen=True)
class Coverage:
    """What a run did besides its findings, for the summary: models analysed and not, files
    skipped (by a ``# seqlint: skip-file`` comment, by the configuration's exclude patterns,
    by their size), findings the baseline holds, paths that do not exist."""

    models: int = 0
    unanalysed: int = 0
    skipped_comment: int = 0
    skipped_config: int = 0
    skipped_size: int = 0
    baselined: int = 0
    missing: int = 0

    @property
    def skipped(self) -> int:
        return self.skipped_comment + self.skipped_config + self.skipped_size

    def skipped_text(self) -> str:
        """``skipped: 1 by comment, 2 by configuration`` or empty."""
        parts = [
            f"{count} by {why}"
            for count, why in (
                (self.skipped_comment, "comment"),
                (self.skipped_config, "configuration"),
                (self.skipped_size, "size"),
            )
            if count
        ]
        return "skipped: " + ", ".join(parts) if parts else ""

    def missing_text(self) -> str:
        return f"{_plural(self.missing, 'path')} not found" if self.missing else ""

    def baselined_text(self) -> str:
        if not self.baselined:
            return ""
        return f"{_plural(self.baselined, 'finding')} in the baseline"


def summary_line(
    diagnostics: Sequence[Diagnostic],
    files_checked: int,
    models: int = 0,
    unanalysed: int = 0,
    coverage: Coverage | None = None,
) -> Line | None:
    """``All checks passed (2 files, 3 models analysed).`` or ``Found ...``; what could not
    be analysed, was skipped or is in the baseline is counted, so that a clean run never
    hides an unread model or file. A path that does not exist is never "All checks passed":
    None (nothing to say beyond the error) when nothing was checked besides."""
    coverage = coverage or Coverage(models, unanalysed)
    files = _plural(files_checked, "file")
    analysed = ""
    if coverage.models or coverage.unanalysed:
        analysed = f"{_plural(coverage.models, 'model')} analysed"
        if coverage.unanalysed:
            analysed += f"; {coverage.unanalysed} not analysed (--verbose says why)"
    rest = [
        text
        for text in (coverage.skipped_text(), coverage.baselined_text(), coverage.missing_text())
        if text
    ]
    if not diagnostics:
        if coverage.missing:
            if not files_checked:
                return None
            details = "; ".join([f"in {files}" + (f", {analysed}" if analysed else ""), *rest])
            return [(f"No problems found {details}.", "bold red")]
        details = "; ".join([files + (f", {analysed}" if analysed else ""), *rest])
        return [(f"All checks passed ({details}).", "bold green")]
    counts = {severity: 0 for severity in Severity}
    for diagnostic in diagnostics:
        counts[diagnostic.severity] += 1
    parts = [
        _plural(counts[Severity.ERROR], "error"),
        _plural(counts[Severity.WARNING], "warning"),
    ]
    if counts[Severity.INFO]:
        parts.append(f"{counts[Severity.INFO]} info")
    with_problems = len({diagnostic.path for diagnostic in diagnostics})
    where = files if with_problems == files_checked else f"{with_problems} of {files}"
    style = "bold red" if counts[Severity.ERROR] else "bold yellow"
    found = f"Found {_plural(len(diagnostics), 'problem')} ({', '.join(parts)}) in {where}"
    return [("; ".join([found, *([analysed] if analysed else []), *rest]) + ".", style)]


def short_summary(
    diagnostics: Sequence[Diagnostic], files_checked: int, coverage: Coverage
) -> Line | None:
    """The summary of ``-q``, one short line: ``Found 2 problems in 3 files; 1 not analysed;
    1 skipped.``; None when a missing path is all there is to say."""
    rest = [
        text
        for text in (
            f"{coverage.unanalysed} not analysed" if coverage.unanalysed else "",
            f"{coverage.skipped} skipped" if coverage.skipped else "",
            f"{coverage.baselined} in the baseline" if coverage.baselined else "",
            coverage.missing_text(),
        )
        if text
    ]
    files = _plural(files_checked, "file")
    if diagnostics:
        style = (
            "bold red" if any(d.severity is Severity.ERROR for d in diagnostics) else "bold yellow"
        )
        head = f"Found {_plural(len(diagnostics), 'problem')} in {files}"
        return [("; ".join([head, *rest]) + ".", style)]
    if coverage.missing:
        if not files_checked:
            return None
        return [("; ".join([f"No problems found in {files}", *rest]) + ".", "bold red")]
    return [(f"All checks passed ({'; '.join([files, *rest])}).", "bold green")]


def summary_text(line: Line | None) -> str | None:
    return None if line is None else "".join(text for text, _ in line)


def fixable_lines(diagnostics: Sequence[Diagnostic]) -> list[Line]:
    """How many findings ``--fix`` repairs (marked [*]), and how many more need
    ``--unsafe-fixes``."""
    safe = sum(_safely_fixable(d) for d in diagnostics)
    unsafe = sum(d.fix is not None for d in diagnostics) - safe
    lines: list[Line] = []
    if safe:
        lines.append([(f"[*] {safe} fixable with the --fix option.", "bold cyan")])
    if unsafe:
        lines.append([(f"{unsafe} more fixable with --fix --unsafe-fixes.", "dim")])
    return lines


def _safely_fixable(diagnostic: Diagnostic) -> bool:
    return diagnostic.fix is not None and diagnostic.fix.applicability is Applicability.SAFE


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def is_utf(stream: TextIO) -> bool:
    return (
        (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-").startswith("utf")
    )

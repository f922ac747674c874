"""The terminal report: one ``path:line:col: CODE message`` line per diagnostic, the shape
trace as a small static ``model.summary()``, the fix hint, then a summary line.

Text taken from the linted code or from file names is shown with its control characters
escaped (:func:`printable`), so no source or path can move the cursor, forge a line (a
GitHub annotation, say) or print a hyperlink.

Lines are built as styled spans. On a color terminal they are printed with rich; otherwise
(pipes, CI logs, pre-commit, ``--no-color``, ``NO_COLOR``) they are written as plain text
without importing rich at all, which saves ~30 ms per run.

Width: lines are wrapped at word boundaries to :func:`terminal_width` (``COLUMNS``, else the
terminal's width when the output is one; piped output without ``COLUMNS`` is never wrapped),
the location staying whole on the first line so that editors and CI still parse it. A shape
table first shrinks its layer column, cutting long layer names with an ellipsis, then wraps
its notes under the note column.
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
MIN_WIDTH = 20
"""Narrower terminals are treated as this wide (a word per line helps nobody)."""
HEAD_HANG = 4  # continuation indent of a diagnostic's first line
HINT_LABEL = f"{INDENT}hint: "
MIN_LAYER_WIDTH = 20  # a shape table's layer column shrinks to this, not less
MIN_NOTE_WIDTH = 16  # a wrapped note continues under its column when this much room is left


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


def terminal_width(stream: TextIO) -> int | None:
    """The width to wrap at: ``COLUMNS`` when it is set to a number, else the terminal's
    when ``stream`` is one; None (never wrap) otherwise, e.g. when piped."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(int(columns), MIN_WIDTH)
    isatty = getattr(stream, "isatty", None)
    if not (isatty and isatty()):
        return None
    try:
        size = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return None
    return max(size, MIN_WIDTH) if size > 0 else None


def wrap(line: Line, width: int | None, hang: int, keep: int = 0) -> list[Line]:
    """``line`` broken at spaces into lines of at most ``width`` characters, every line
    after the first indented by ``hang``; styles are kept, a word longer than a line is never
    broken (it overflows alone), nor are the first ``keep`` spans (a location whose path has
    spaces). ``width`` None: the line as it is."""
    if width is None or sum(len(text) for text, _ in line) <= width:
        return [line]
    lead, words = _words(line, keep)
    lines: list[Line] = []
    current: Line = list(lead)
    column = sum(len(text) for text, _ in lead)
    placed = False  # a word is on the current line
    for gap, word in words:
        gap_size = sum(len(text) for text, _ in gap)
        size = sum(len(text) for text, _ in word)
        if placed and column + gap_size + size > width:
            lines.append(current)
            current, column = [(" " * hang, "")], hang
        elif placed:
            current.extend(gap)
            column += gap_size
        current.extend(word)
        column += size
        placed = True
    lines.append(current)
    return lines


def _words(line: Line, keep: int = 0) -> tuple[Line, list[tuple[Line, Line]]]:
    """The line's leading blanks, then each word (a run of non-blank text, perhaps of
    several styles, or one of the first ``keep`` spans whole) with the blanks before it;
    trailing blanks are dropped."""
    lead: Line = []
    words: list[tuple[Line, Line]] = []
    gap: Line = []
    word: Line = []
    for index, (text, style) in enumerate(line):
        for piece in [text] if index < keep else re.split("( +)", text):
            if not piece:
                continue
            if piece[0] != " ":
                word.append((piece, style))
                continue
            if word:
                words.append((gap, word))
                gap, word = [], []
            (gap if words else lead).append((piece, style))
    if word:
        words.append((gap, word))
    return lead, words


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
    width: int | None = None,
) -> None:
    """The report; ``summary=False``: the diagnostics only; ``quiet``: then one short
    summary line (``-q``); ``width``: wrap it to that many columns (None: never wrap)."""
    coverage = coverage or Coverage(models, unanalysed)
    lines: list[Line] = []
    for diagnostic in diagnostics:
        shown = printable_diagnostic(diagnostic)
        lines.extend(diagnostic_lines(shown, ascii_only=not is_utf(stream), width=width))
        lines.append([])
    last = None
    if quiet:
        last = short_summary(diagnostics, files_checked, coverage)
    elif summary:
        last = summary_line(diagnostics, files_checked, coverage=coverage)
    if last is not None:
        lines.extend(wrap(last, width, 2))
        if not quiet:
            for line in fixable_lines(diagnostics):
                lines.extend(wrap(line, width, 2))
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


def diagnostic_lines(
    diagnostic: Diagnostic, *, ascii_only: bool = False, width: int | None = None
) -> list[Line]:
    style = SEVERITY_STYLE.get(diagnostic.severity, "bold")
    head: Line = [
        (f"{diagnostic.location}:", "bold"),
        (" ", ""),
        (diagnostic.code, style),
        (" ", ""),
        *([("[*]", "bold cyan"), (" ", "")] if _safely_fixable(diagnostic) else []),
        (diagnostic.message, ""),
    ]
    lines = wrap(head, width, HEAD_HANG, keep=1)
    if diagnostic.trace:
        lines.extend(trace_lines(diagnostic.trace, style, ascii_only=ascii_only, width=width))
    if diagnostic.hint:
        hint: Line = [(HINT_LABEL, "bold cyan"), (diagnostic.hint, "")]
        lines.extend(wrap(hint, width, len(HINT_LABEL)))
    return lines


def trace_lines(
    rows: Sequence[TraceRow],
    marker_style: str = "bold red",
    *,
    ascii_only: bool = False,
    params: Sequence[str] = (),
    width: int | None = None,
) -> list[Line]:
    """The shape chain as aligned columns (layer, line, output shape, ``params`` when given:
    one per row, then the note), one row per layer, the row a diagnostic is about marked with
    ``>``. No wrapping inside cells and no trailing blanks, so it reads the same in a terminal,
    a CI log and a pasted issue. ``seqlint shapes`` renders its tables with this too. In a
    notebook the line column is ``cell:line``.

    ``width``: a table wider than that first narrows its layer column (to
    :data:`MIN_LAYER_WIDTH`), cutting the names with an ellipsis; notes that still do not
    fit wrap under the note column."""
    places = [_place(row) for row in rows]
    line_header = "cell:line" if any(row.cell is not None for row in rows) else "line"
    layer_width = max(len("layer"), *(len(row.layer) for row in rows))
    line_width = max(len(line_header), *(len(place) for place in places))
    shape_width = max(len("output shape"), *(len(row.shape) for row in rows))
    with_params = bool(params)
    params_width = max(len("params"), *(len(p) for p in params)) if with_params else 0
    if width is not None:
        layer_width = _fitted_layer_width(
            rows, width, layer_width, len(INDENT) + 6 + line_width + shape_width, params_width
        )
    ellipsis = "..." if ascii_only else "\u2026"
    header = (
        f"{INDENT}  {'layer'.ljust(layer_width)}  {line_header.rjust(line_width)}  output shape"
    )
    if with_params:
        header = header.ljust(len(header) + shape_width - len("output shape"))
        header += "  " + "params".rjust(params_width)
    table_width = 6 + layer_width + line_width + shape_width
    table_width += params_width + 2 if with_params else 0
    rule = ("-" if ascii_only else "\u2500") * table_width
    lines: list[Line] = [[(header, "dim")], [(INDENT + rule, "dim")]]
    for index, (row, place) in enumerate(zip(rows, places, strict=True)):
        row_style = marker_style if row.marked else ""
        padded = row.note or with_params
        shape = row.shape.ljust(shape_width) if padded else row.shape
        line: Line = [
            (INDENT, ""),
            (MARKER if row.marked else " ", marker_style),
            (" ", ""),
            (
                _cut(row.layer, layer_width, ellipsis).ljust(layer_width),
                "bold" if row.marked else "",
            ),
            ("  ", ""),
            (place.rjust(line_width), "dim"),
            ("  ", ""),
            (shape, row_style or "green"),
        ]
        if with_params:
            line += [("  ", ""), (params[index].rjust(params_width), "")]
        if row.note:
            line += [("  ", ""), (row.note, row_style or "dim")]
            note_column = sum(len(text) for text, _ in line) - len(row.note)
            fits = width is not None and width - note_column >= MIN_NOTE_WIDTH
            lines.extend(wrap(line, width, note_column if fits else HEAD_HANG + len(INDENT)))
        else:
            lines.append(line)
    return lines


def _fitted_layer_width(
    rows: Sequence[TraceRow], width: int, layer_width: int, others: int, params_width: int
) -> int:
    """The layer column's width for a table of ``width`` columns: narrowed (not below
    :data:`MIN_LAYER_WIDTH`) so that whole rows fit, notes included, when that is enough;
    else so that the columns before the notes fit, the notes then wrapping."""
    columns = others + (params_width + 2 if params_width else 0)
    widest_note = max((len(row.note) for row in rows), default=0)
    whole = columns + (widest_note + 2 if widest_note else 0)
    if whole + layer_width <= width:
        return layer_width
    if whole + MIN_LAYER_WIDTH <= width:
        return width - whole
    return min(layer_width, max(width - columns, MIN_LAYER_WIDTH))


def _cut(text: str, width: int, ellipsis: str) -> str:
    """``text`` shortened to ``width`` characters, its end replaced by ``ellipsis``."""
    if len(text) <= width:
        return text
    return text[: max(width - len(ellipsis), 0)] + ellipsis


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

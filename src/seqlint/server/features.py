"""Hover and inlay hints: the shapes ``seqlint shapes`` computes, where the code makes them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types

from seqlint.engine import TextCheck
from seqlint.report.shared import all_rules, rule_url
from seqlint.server.views import View, split_lines
from seqlint.summary import Application, show_shape, trace
from seqlint.suppress import code_at

_WORD = re.compile(r"[A-Za-z_]\w*")
_TARGETS = re.compile(
    r"^\s*[(\[]?\s*(?P<names>[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*,?\s*[)\]]?\s*=\s*$"
)
"""The names a line assigns before the call that starts there: ``x = ``, ``out, h, c = ``."""


def hover(view: View, check: TextCheck, uri: str, position: types.Position) -> types.Hover | None:
    """The rule page of a code in a ``# noqa`` comment; else the output shape, parameter count
    and trace of the layer call, or of the tensor variable, under the cursor."""
    at = view.place(uri, position)
    if at is None:
        return None
    line, index = at
    code = code_at(view.line_text(uri, position.line + 1), index)
    if code is not None:
        page = rule_page(code)
        return None if page is None else _markdown(page)
    name, bound = _variable_at(view, check.applications, line, index)
    if name is not None:
        return _markdown(_describe(view, check.applications, bound, name))
    found = _calls_at(check.applications, line, index + 1)
    return _markdown(_describe(view, check.applications, found, None)) if found else None


def rule_page(code: str) -> str | None:
    """The documentation page of ``code`` (as docs/rules/CODE.md), with its link."""
    from seqlint.report.ruledoc import render
    from seqlint.rules import ALL_RULES

    for rule in ALL_RULES:
        if rule.code == code:
            return f"{render(rule)}\n[{code} on the web]({rule_url(code)})\n"
    for info in all_rules():
        if info.code == code:
            return (
                f"# {info.code} {info.name}\n\n**Severity:** {info.severity.value}\n\n"
                f"{info.summary} {info.explanation}\n\n[{code} on the web]({rule_url(code)})\n"
            )
    return None


def inlay_hints(
    view: View, check: TextCheck, uri: str, within: types.Range
) -> list[types.InlayHint]:
    """``-> (batch, 20, 64)`` after each layer call whose output shape seqlint knows; the
    shapes of a call made several times (a model built by a function called twice) joined by
    `` | ``."""
    shapes: dict[tuple[int, int], list[str]] = {}
    places: dict[tuple[int, int], types.Position] = {}
    for application in check.applications:
        outputs = application.layer.outputs
        if application.imported or not outputs or all(s.dims is None for s in outputs):
            continue
        span = application.span
        where, line = view.where(span.end_line)
        if where != uri:
            continue
        position = view.position(uri, line, span.end_column)
        if not _inside(position, within):
            continue
        key = (position.line, position.character)
        places[key] = position
        text = show_shape(outputs)
        if text not in shapes.setdefault(key, []):
            shapes[key].append(text)
    return [
        types.InlayHint(
            position=places[key],
            label=f"-> {' | '.join(texts)}",
            kind=types.InlayHintKind.Type,
            padding_left=True,
        )
        for key, texts in sorted(shapes.items())
    ]


def _inside(position: types.Position, within: types.Range) -> bool:
    start, end = within.start, within.end
    return (
        (start.line, start.character)
        <= (position.line, position.character)
        <= (
            end.line,
            end.character,
        )
    )


def _calls_at(found: Sequence[Application], line: int, column: int) -> list[tuple[int, int | None]]:
    """The applications whose call spans ``line``:``column``: the innermost one (every
    application made there, when a function makes it several times)."""
    best: list[tuple[int, int | None]] = []
    best_size: tuple[int, int] | None = None
    for index, application in enumerate(found):
        span = application.span
        if application.imported or not (
            (span.line, span.column) <= (line, column) < (span.end_line, span.end_column)
        ):
            continue
        size = (span.end_line - span.line, span.end_column - span.column)
        if best_size is None or size < best_size:
            best, best_size = [(index, None)], size
        elif size == best_size and found[best[0][0]].span == span:
            best.append((index, None))
    return best


def _variable_at(
    view: View, found: Sequence[Application], line: int, index: int
) -> tuple[str | None, list[tuple[int, int | None]]]:
    """The name under the cursor and the applications whose output it holds there: the last
    ``name = layer(...)`` (or ``a, b = layer(...)``) before it in the analysed text, or the
    one it is the target of."""
    lines = split_lines(view.source.text)
    text = lines[line - 1] if line <= len(lines) else ""
    word = next((m for m in _WORD.finditer(text) if m.start() <= index < m.end()), None)
    if word is None:
        return None, []
    name = word.group(0)
    bound: dict[tuple[int, int], list[tuple[int, int | None]]] = {}
    for number, application in enumerate(found):
        span = application.span
        if application.imported:
            continue  # made in another file
        if span.line > min(line, len(lines)) or (span.line == line and index >= span.column - 1):
            continue  # bound after the cursor (or by the call the cursor is in)
        targets = _TARGETS.match(lines[span.line - 1][: span.column - 1])
        if targets is None:
            continue
        names = [n.strip() for n in targets.group("names").split(",")]
        if name not in names:
            continue
        output = names.index(name) if len(names) > 1 else None
        bound.setdefault((span.line, span.column), []).append((number, output))
    if not bound:
        return None, []
    return name, bound[max(bound)]


def _describe(
    view: View,
    found: Sequence[Application],
    chosen: list[tuple[int, int | None]],
    name: str | None,
) -> str:
    """Markdown: what the call (or variable) holds, the parameter count, and the trace."""
    first, output = chosen[0]
    layer = found[first].layer
    shapes = []
    for index, output in chosen:
        outputs = found[index].layer.outputs
        picked = outputs if output is None or outputs is None else outputs[output : output + 1]
        text = show_shape(picked)
        if text not in shapes:
            shapes.append(text)
    what = f"`{name}`: output of **{_cell(layer.label)}**" if name else f"**{_cell(layer.label)}**"
    lines = [
        f"{what} → `{' | '.join(shapes)}`",
        "",
        f"params: {layer.params_text}",
        "",
        "| layer | line | output shape | params |",
        "|---|---|---|---|",
    ]
    for step in trace(found, first):
        summary = step.layer
        lines.append(
            f"| {_cell(summary.label)} | {_line_label(view, summary.line)} | "
            f"{show_shape(summary.outputs)} | {summary.params_text} |"
        )
    return "\n".join(lines)


def _line_label(view: View, line: int) -> str:
    if view.source.cells is None:
        return str(line)
    cell, in_cell = view.source.cells[min(max(line, 1), len(view.source.cells)) - 1]
    return f"cell {cell}:{in_cell}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _markdown(text: str) -> types.Hover:
    return types.Hover(types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

"""Code actions: a quick fix per fixable diagnostic, "Suppress with ``# noqa``", and
``source.fixAll.seqlint``. The fixes are ``--fix``'s own (:mod:`seqlint.fixing`): one fixer,
two front ends. A notebook's fixed code goes back into its cells as ``--fix`` writes it
(:mod:`seqlint.notebook_write`)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from lsprotocol import types

from seqlint.diagnostic import Applicability, Diagnostic
from seqlint.engine import TextCheck
from seqlint.fixes import Fix
from seqlint.server.diagnostics import convert
from seqlint.server.views import View, split_lines, split_lines_keepends
from seqlint.suppress import UNUSED_CODE, add_noqa

FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.seqlint"


def code_actions(
    view: View,
    check: TextCheck,
    uri: str,
    within: types.Range,
    only: Sequence[str] | None,
) -> list[types.CodeAction]:
    """The actions for the diagnostics of ``uri`` on the lines of ``within``, and fix-all."""
    actions: list[types.CodeAction] = []
    if _wanted(types.CodeActionKind.QuickFix.value, only):
        for diagnostic, fix in zip(check.diagnostics, check.fixes, strict=True):
            where, converted = convert(view, diagnostic)
            if where != uri or not _touches(converted.range, within):
                continue
            if fix is not None:
                action = _quick_fix(view, check, diagnostic, fix, converted)
                if action is not None:
                    actions.append(action)
            if diagnostic.code != UNUSED_CODE:
                action = _suppression(view, diagnostic, converted)
                if action is not None:
                    actions.append(action)
    if _wanted(FIX_ALL, only) and any(_safe(fix) for fix in check.fixes):
        edit = fix_all(view, check)
        if edit is not None:
            actions.append(
                types.CodeAction(title="seqlint: fix all (safe fixes)", kind=FIX_ALL, edit=edit)
            )
    return actions


def fix_all(view: View, check: TextCheck) -> types.WorkspaceEdit | None:
    """What ``seqlint check --fix`` makes of the text: every safe fix of a reported finding."""
    from seqlint.fixing import fix_source

    if check.settings is None or check.analysis is None:
        return None
    source = view.source
    fixed = fix_source(
        source.text, source.path, target=check.target, enabled=check.settings.enabled
    )
    return _edit(view, fixed.source) if fixed.fixed else None


def _quick_fix(
    view: View, check: TextCheck, diagnostic: Diagnostic, fix: Fix, lsp: types.Diagnostic
) -> types.CodeAction | None:
    from seqlint.fixing import apply_fixes

    if check.analysis is None:
        return None
    fixed = apply_fixes(check.analysis, view.source.text, [fix])
    edit = None if fixed is None else _edit(view, fixed.source)
    if edit is None:
        return None
    safe = _safe(fix)
    message = view.source.place(diagnostic).fix
    title = f"Fix {diagnostic.code}: {message.message if message else fix.message}"
    return types.CodeAction(
        title=title if safe else f"{title} (unsafe fix)",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp],
        edit=edit,
        is_preferred=safe,
    )


def _suppression(
    view: View, diagnostic: Diagnostic, lsp: types.Diagnostic
) -> types.CodeAction | None:
    uri, line = view.where(diagnostic.line)
    text = view.line_text(uri, line)
    changed = add_noqa(text, diagnostic.code)
    if changed is None:
        return None
    whole = types.Range(types.Position(line - 1, 0), view.position(uri, line, len(text) + 1))
    return types.CodeAction(
        title=f"Suppress with # noqa: {diagnostic.code}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp],
        edit=_workspace_edit(view, {uri: [types.TextEdit(whole, changed)]}),
    )


def _edit(view: View, fixed: str) -> types.WorkspaceEdit | None:
    """The edit that turns the analysed text into ``fixed``: in a notebook, each changed
    cell's code as ``--fix`` writes it back; None when that cannot be done."""
    if not view.notebook:
        edit = _text_edit(view, view.uri, view.source.text, fixed)
        return _workspace_edit(view, {view.uri: [edit]})
    from seqlint.notebook_write import NotWritable, write_back

    if view.source.cells is None:
        return None
    document = json.dumps(
        {
            "cells": [
                {"cell_type": "code", "source": c.text}
                if c.text is not None
                else {"cell_type": "markdown", "source": ""}
                for c in view.cells
            ],
            "metadata": {},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )
    try:
        written = write_back(document, view.source.cells, view.source.text, fixed)
    except NotWritable:
        return None
    edits = {}
    for change in written.cells:
        uri = view.uri_of(change.cell)
        edits[uri] = [_text_edit(view, uri, change.before, change.after)]
    return _workspace_edit(view, edits) if edits else None


def _workspace_edit(view: View, edits: dict[str, list[types.TextEdit]]) -> types.WorkspaceEdit:
    version = None if view.notebook else view.version
    return types.WorkspaceEdit(
        document_changes=[
            types.TextDocumentEdit(
                text_document=types.OptionalVersionedTextDocumentIdentifier(uri, version),
                edits=list(changes),
            )
            for uri, changes in edits.items()
        ]
    )


def _text_edit(view: View, uri: str, before: str, after: str) -> types.TextEdit:
    """One edit replacing the lines that differ between ``before`` and ``after``."""
    old = split_lines_keepends(before)
    new = split_lines_keepends(after)
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    if end or not old or old[-1].endswith(("\n", "\r")):
        stop = types.Position(len(old) - end, 0)
    else:  # the change reaches the last line, which has no line ending
        last = split_lines(before)[-1]
        stop = types.Position(len(old) - 1, view.units(last))
    return types.TextEdit(
        types.Range(types.Position(start, 0), stop), "".join(new[start : len(new) - end])
    )


def _wanted(kind: str, only: Sequence[str] | None) -> bool:
    return not only or any(kind == k or kind.startswith(f"{k}.") for k in only)


def _touches(a: types.Range, b: types.Range) -> bool:
    """Whether the ranges share a line (a cursor anywhere on a diagnostic's line)."""
    return a.start.line <= b.end.line and b.start.line <= a.end.line


def _safe(fix: Fix | None) -> bool:
    return fix is not None and fix.applicability is Applicability.SAFE

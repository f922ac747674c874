"""Writing fixed code back into a notebook: the changed lines of the joined source go into their
cells, and nothing else of the file changes.

The joined source before and after the fixes are compared line by line. A line that changed
in place goes back to its cell line; lines a fix inserts land in the cell of the line they
follow; a run of lines that changes its length stays in one cell. A fix that would rewrite a
line blanked as IPython syntax, or change the number of lines across two cells, is refused
(:class:`NotWritable`). Each changed cell's ``source`` value is replaced in the JSON text
itself, in its form (a list of lines or one string) and layout; every other byte of the file
(outputs, metadata, other cells, indentation, key order) stays as it was. The result is read
back: its joined code must be the fixed source, or the notebook is not written.

Stdlib only, like :mod:`seqlint.notebooks`.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass

from seqlint.notebooks import CellMap, NotebookError, read_notebook

_WHITESPACE = " \t\n\r"
_DECODER = json.JSONDecoder()


class NotWritable(ValueError):
    """The fixed source cannot be put back into the notebook's cells; a one-line reason."""


@dataclass(frozen=True)
class CellChange:
    """One code cell's source before and after the fixes; ``cell`` counts all cells from 1."""

    cell: int
    before: str
    after: str


@dataclass(frozen=True)
class NotebookFix:
    document: str  # the notebook file's new text
    cells: tuple[CellChange, ...]


def write_back(document: str, cells: CellMap, before: str, after: str) -> NotebookFix:
    """``document`` (a notebook whose joined code is ``before``, lines mapped by ``cells``)
    with its cells holding ``after``; raises :class:`NotWritable`."""
    sources = _cell_sources(document)
    changes = tuple(
        CellChange(cell, sources[cell], text)
        for cell, text in sorted(_fixed_cells(sources, cells, before, after).items())
        if text != sources[cell]
    )
    written = document
    for change in reversed(changes):  # from the end, so earlier spans keep their offsets
        written = _replace_source(written, change.cell, change.after)
    try:
        joined = read_notebook(written).text
    except NotebookError as exc:  # pragma: no cover - only cell sources were replaced
        raise NotWritable(f"the fixed notebook does not read back ({exc})") from None
    if joined != after:
        raise NotWritable("a fix changes IPython syntax in a cell")
    return NotebookFix(written, changes)


def _cell_sources(document: str) -> dict[int, str]:
    """The text of each code cell by its 1-based number (the notebook reads already)."""
    found = {}
    for number, cell in enumerate(json.loads(document)["cells"], start=1):
        if cell.get("cell_type") == "code":
            source = cell.get("source", "")
            found[number] = source if isinstance(source, str) else "".join(source)
    return found


# -- lines back into cells ---------------------------------------------------------------------


def _fixed_cells(
    sources: dict[int, str], cells: CellMap, before: str, after: str
) -> dict[int, str]:
    """The text of every cell once the lines of ``after`` are back in place."""
    old, new = before.splitlines(), after.splitlines()
    original = {cell: _split(text) for cell, text in sources.items()}

    def body(index: int) -> str:
        cell, line = cells[index]
        return original[cell][line - 1][0]

    def blanked(index: int) -> bool:
        return old[index] != body(index)

    replaced: dict[int, list[str]] = {}  # joined line index -> the lines in its place
    inserted_before_first: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if any(blanked(i) for i in range(i1, i2)):
            raise NotWritable("a fix changes a line blanked as IPython syntax")
        if i2 - i1 == j2 - j1:  # changed in place, line by line
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                replaced[i] = [new[j]]
            continue
        if i1 == i2:  # inserted: into the cell of the line they follow
            if i1 == 0:
                inserted_before_first = new[j1:j2]
                continue
            if blanked(i1 - 1):
                raise NotWritable("a fix inserts lines after a line blanked as IPython syntax")
            replaced[i1 - 1] = replaced.get(i1 - 1, [body(i1 - 1)]) + new[j1:j2]
            continue
        if len({cells[i][0] for i in range(i1, i2)}) > 1:
            raise NotWritable("a fix changes the number of lines across two cells")
        replaced[i1] = new[j1:j2]
        replaced.update({i: [] for i in range(i1 + 1, i2)})

    lines: dict[int, list[tuple[str, str | None]]] = {cell: [] for cell in sources}
    for index, (cell, line) in enumerate(cells):
        text, ending = original[cell][line - 1]
        if index == 0:
            lines[cell].extend((inserted, None) for inserted in inserted_before_first)
        if index not in replaced:
            lines[cell].append((text, ending))
            continue
        bodies = replaced[index]
        # the first line in its place keeps the line's ending; inserted lines take the cell's
        lines[cell].extend((b, ending if k == 0 else None) for k, b in enumerate(bodies))
    return {cell: _join(lines[cell], original[cell]) for cell in sources}


def _split(text: str) -> list[tuple[str, str]]:
    """A cell's lines as (text, line ending), split as :func:`seqlint.notebooks.python_lines`
    splits them."""
    parts = []
    for line in text.splitlines(keepends=True):
        body = line.splitlines()[0] if line.splitlines() else ""
        parts.append((body, line[len(body) :]))
    return parts


def _join(lines: list[tuple[str, str | None]], original: list[tuple[str, str]]) -> str:
    """The cell's text: every line ends as it did, inserted lines end as the cell's do, and the
    last line ends as the cell's last line did (often without a newline)."""
    if not lines:
        return ""
    newline = next((ending for _, ending in original if ending), "\n")
    last = original[-1][1] if original else ""
    parts = [text + (ending or newline) for text, ending in lines[:-1]]
    return "".join(parts) + lines[-1][0] + last


# -- the JSON text -----------------------------------------------------------------------------


def _replace_source(document: str, cell: int, text: str) -> str:
    """``document`` with cell number ``cell``'s source value (a list of lines or one string)
    replaced by ``text`` in the same form and layout."""
    cells_start, _ = _member(document, _skip(document, 0), "cells")
    cell_start, _ = _items(document, cells_start)[cell - 1]
    start, end = _member(document, cell_start, "source")
    ascii_only = document.isascii()
    if document[start] != "[":
        return document[:start] + json.dumps(text, ensure_ascii=ascii_only) + document[end:]
    items = _items(document, start)
    tokens = {_DECODER.raw_decode(document, s)[0]: document[s:e] for s, e in items}
    lines = text.splitlines(keepends=True)
    new = [tokens.get(line) or json.dumps(line, ensure_ascii=ascii_only) for line in lines]
    if not items:
        return document[:start] + "[" + ", ".join(new) + "]" + document[end:]
    opening = document[start + 1 : items[0][0]]
    closing = document[items[-1][1] : end - 1]
    if len(items) > 1:
        separator = document[items[0][1] : items[1][0]]
    else:
        separator = "," + opening if "\n" in opening else ", "
    body = separator.join(new)
    return document[:start] + "[" + (opening + body + closing if new else "") + "]" + document[end:]


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in _WHITESPACE:
        index += 1
    return index


def _member(text: str, start: int, key: str) -> tuple[int, int]:
    """The span of the value of ``key`` (its last occurrence, as ``json`` reads it) in the
    object at ``start``."""
    found = None
    index = _skip(text, start + 1)
    while text[index] != "}":
        name, index = _DECODER.raw_decode(text, index)
        index = _skip(text, _skip(text, index) + 1)  # past the colon
        _, end = _DECODER.raw_decode(text, index)
        if name == key:
            found = (index, end)
        index = _skip(text, end)
        if text[index] == ",":
            index = _skip(text, index + 1)
    if found is None:  # pragma: no cover - the notebook was read with this member
        raise NotWritable(f"no {key!r} in the notebook's JSON")
    return found


def _items(text: str, start: int) -> list[tuple[int, int]]:
    """The spans of the items of the array at ``start``."""
    spans = []
    index = _skip(text, start + 1)
    while text[index] != "]":
        _, end = _DECODER.raw_decode(text, index)
        spans.append((index, end))
        index = _skip(text, end)
        if text[index] == ",":
            index = _skip(text, index + 1)
    return spans

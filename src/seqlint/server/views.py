"""Where the analysed text sits in the editor: one text document, or the cells of a notebook.

The analysis reads one text (a notebook's code cells joined, as on the command line); a
:class:`View` maps its places to editor positions and back. seqlint counts columns in
characters from 1; LSP counts them from 0 in the client's code units (UTF-16 unless the client
chose otherwise), given by ``units``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from lsprotocol import types

from seqlint.notebooks import join_cells
from seqlint.sources import Source

_LINE_END = re.compile(r"\r\n|\r|\n")

Units = Callable[[str], int]
"""How many of the client's code units a piece of text takes."""


@dataclass(frozen=True)
class Cell:
    """A notebook cell (or the one text document): its URI and its text, None if not code."""

    uri: str
    text: str | None


@dataclass(frozen=True)
class View:
    """A document or notebook as one analysed source, at one version of the editor's text."""

    uri: str
    source: Source
    cells: tuple[Cell, ...]
    notebook: bool
    version: int | None
    units: Units = len
    _lines: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

    @staticmethod
    def of_document(uri: str, path: str, text: str, version: int | None, units: Units) -> View:
        return View(uri, Source(path, text), (Cell(uri, text),), False, version, units)

    @staticmethod
    def of_notebook(
        uri: str, path: str, cells: Sequence[Cell], version: int | None, units: Units
    ) -> View:
        joined = join_cells([cell.text for cell in cells])
        source = Source(path, joined.text, joined.cells)
        return View(uri, source, tuple(cells), True, version, units)

    @property
    def uris(self) -> list[str]:
        """Every document the view publishes diagnostics to (a notebook's code cells)."""
        return [cell.uri for cell in self.cells if cell.text is not None]

    def uri_of(self, cell: int | None) -> str:
        """The document of a place (``cell``: 1-based, None in a text document)."""
        return self.cells[0].uri if cell is None else self.cells[cell - 1].uri

    def lines(self, uri: str) -> list[str]:
        """The lines of one of the view's documents (no line endings)."""
        if uri not in self._lines:
            text = next((c.text for c in self.cells if c.uri == uri and c.text is not None), "")
            self._lines[uri] = split_lines(text)
        return self._lines[uri]

    def line_text(self, uri: str, line: int) -> str:
        """Line ``line`` (1-based) of document ``uri``, "" past its end."""
        lines = self.lines(uri)
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def position(self, uri: str, line: int, column: int) -> types.Position:
        """The LSP position of a 1-based line and character column of document ``uri``."""
        text = self.line_text(uri, line)
        return types.Position(max(line - 1, 0), self.units(text[: max(column - 1, 0)]))

    def line_range(self, uri: str, line: int) -> types.Range:
        """The whole of line ``line`` (1-based), its indentation left out."""
        text = self.line_text(uri, line)
        indent = len(text) - len(text.lstrip())
        return types.Range(
            self.position(uri, line, indent + 1), self.position(uri, line, len(text) + 1)
        )

    def place(self, uri: str, position: types.Position) -> tuple[int, int] | None:
        """The analysed text's (1-based line, 0-based character) at an editor position."""
        text = self.line_text(uri, position.line + 1)
        index = _index(text, position.character, self.units)
        if not self.notebook:
            return position.line + 1, index
        number = next((i for i, c in enumerate(self.cells, start=1) if c.uri == uri), None)
        if number is None or self.source.cells is None:
            return None
        wanted = (number, position.line + 1)
        for joined, where in enumerate(self.source.cells, start=1):
            if where == wanted:
                return joined, index
        return None

    def where(self, line: int) -> tuple[str, int]:
        """The document and its 1-based line of a line of the analysed text."""
        if self.source.cells is None:
            return self.uri, line
        cell, in_cell = self.source.cells[min(max(line, 1), len(self.source.cells)) - 1]
        return self.uri_of(cell), in_cell


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as LSP counts them (only CR, LF and CRLF end a line)."""
    return _LINE_END.split(text)


def split_lines_keepends(text: str) -> list[str]:
    """The lines of ``text`` as LSP counts them, each with its line ending."""
    parts = re.split(r"(\r\n|\r|\n)", text)
    lines = [parts[i] + parts[i + 1] for i in range(0, len(parts) - 1, 2)]
    return lines + [parts[-1]] if parts[-1] else lines


def _index(text: str, units: int, count: Units) -> int:
    """The character index in ``text`` of a position ``units`` code units in."""
    seen = 0
    for index, char in enumerate(text):
        if seen >= units:
            return index
        seen += count(char)
    return len(text)


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def utf8_units(text: str) -> int:
    return len(text.encode("utf-8"))


UNITS: dict[str, Units] = {
    types.PositionEncodingKind.Utf8: utf8_units,
    types.PositionEncodingKind.Utf16: utf16_units,
    types.PositionEncodingKind.Utf32: len,
}

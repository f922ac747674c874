"""Jupyter notebooks as one Python source with a map back to (cell, line).

Code cells are joined in order. IPython syntax that is not Python becomes a blank line (or
``pass`` at the same indentation inside a block), so every joined line keeps its cell line and
its columns: line magics (``%time``), shell escapes (``!ls``, ``files = !ls``), help (``?obj``,
``obj?``), ``pip install`` automagic, and whole cells run by a non-Python cell magic
(``%%bash``, ``%%writefile``...). The analysis sees only the joined text; diagnostics are
mapped back to cells by :func:`locate` at the edge, before they are reported.

Stdlib only: reading a notebook never imports the analysis pipeline.
"""

from __future__ import annotations

import io
import json
import re
import tokenize
from collections.abc import Sequence
from dataclasses import dataclass, replace

from seqlint.diagnostic import Diagnostic, TraceRow, Unanalysed

NOTEBOOK_SUFFIX = ".ipynb"

PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun"})
"""Cell magics whose body is Python run in the notebook's namespace; every other cell magic
(bash, writefile, html, script, sql...) makes the cell not Python."""

CellMap = tuple[tuple[int, int], ...]
"""For each joined line (index = line - 1): its 1-based cell number among all cells and its
1-based line inside that cell."""

_ASSIGNED_SHELL = re.compile(r"^[A-Za-z_][\w.]*(\s*,\s*[A-Za-z_][\w.]*)*\s*=\s*[!%](?!=)")
_HELP = re.compile(r"^(\?{1,2}[\w.*]+|[\w.*\[\]()]+\?{1,2})$")
_AUTOMAGIC = re.compile(r"^(pip|conda|mamba)\s+(install|uninstall|list|show|freeze)\b")
_LINE_REFERENCE = re.compile(r"\bline (\d+)\b")


class NotebookError(ValueError):
    """The file is not a notebook seqlint can read; the message is one line."""


@dataclass(frozen=True)
class NotebookSource:
    text: str
    cells: CellMap


def read_notebook(document: str) -> NotebookSource:
    """The Python source of a notebook's code cells, joined, with its cell map.

    Raises :class:`NotebookError` when ``document`` is not valid JSON or not an nbformat 4
    notebook, or when the notebook's language is not Python.
    """
    try:
        data = json.loads(document)
    except json.JSONDecodeError as exc:
        raise NotebookError(
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise NotebookError("not valid JSON (nested too deeply)") from None
    cells = data.get("cells") if isinstance(data, dict) else None
    if not isinstance(cells, list):
        if isinstance(data, dict) and data.get("nbformat") in (1, 2, 3):
            raise NotebookError(f"nbformat {data['nbformat']} is not supported (only 4)")
        raise NotebookError("not a Jupyter notebook (no list of cells)")
    language = _language(data)
    if language not in ("", "python"):
        raise NotebookError(f"not a Python notebook (language: {language})")

    code: list[str | None] = []
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict):
            raise NotebookError(f"cell {number} is not an object")
        code.append(_cell_text(cell, number) if cell.get("cell_type") == "code" else None)
    return join_cells(code)


def join_cells(cells: Sequence[str | None]) -> NotebookSource:
    """The Python source of a notebook's cells in order (``None``: a cell that is not code, which
    still counts in the cell numbers), joined, with its cell map."""
    lines: list[str] = []
    where: list[tuple[int, int]] = []
    for number, cell in enumerate(cells, start=1):
        if cell is None:
            continue
        for line_number, line in enumerate(python_lines(cell), start=1):
            lines.append(line)
            where.append((number, line_number))
    text = "".join(line + "\n" for line in lines)
    return NotebookSource(text, tuple(where))


def python_lines(cell: str) -> list[str]:
    """The lines of one code cell with IPython-only syntax blanked (same number of lines)."""
    lines = cell.splitlines()
    if lines and lines[0].lstrip().startswith("%%"):
        magic = lines[0].lstrip()[2:].split(maxsplit=1)
        if not magic or magic[0] not in PYTHON_CELL_MAGICS:
            return [""] * len(lines)
        lines[0] = ""
    result: list[str] = []
    statement = ""  # the Python text since the last known statement boundary
    in_magic = False  # the previous IPython line ended with a backslash
    for line in lines:
        # IPython syntax only starts a statement: never inside brackets or a string
        if in_magic or (_is_ipython(line.strip()) and not _open(statement)):
            indent = line[: len(line) - len(line.lstrip())]
            result.append(indent + "pass" if indent and not in_magic else "")
            in_magic = line.rstrip().endswith("\\")
            statement = ""
            continue
        result.append(line)
        statement += line + "\n"
    return result


def _open(text: str) -> bool:
    """Whether ``text`` ends inside a bracket, a string or a backslash continuation."""
    try:
        for _ in tokenize.generate_tokens(io.StringIO(text).readline):
            pass
    except tokenize.TokenError:
        return True
    except SyntaxError:
        return False
    return False


def _is_ipython(stripped: str) -> bool:
    if stripped.startswith(("%", "!")) and not stripped.startswith("!="):
        return True
    return bool(
        _ASSIGNED_SHELL.match(stripped) or _HELP.match(stripped) or _AUTOMAGIC.match(stripped)
    )


def _cell_text(cell: dict[str, object], number: int) -> str:
    source = cell.get("source", "")
    if isinstance(source, list) and all(isinstance(part, str) for part in source):
        return "".join(source)
    if isinstance(source, str):
        return source
    raise NotebookError(f"cell {number} has no text source")


def _language(data: dict[str, object]) -> str:
    metadata = data.get("metadata")
    if not isinstance(metadata, dict):
        return ""
    for key, field in (("language_info", "name"), ("kernelspec", "language")):
        section = metadata.get(key)
        if isinstance(section, dict) and isinstance(section.get(field), str):
            return section[field].lower()
    return ""


# -- mapping back ------------------------------------------------------------------------------


def locate(diagnostic: Diagnostic, cells: CellMap) -> Diagnostic:
    """``diagnostic`` (lines of the joined source) placed in its cell: ``cell``, ``line`` and
    ``end_line`` inside the cell, trace rows and ``line N`` in the message, hint and fix
    likewise. The fix stays: ``--fix`` applies it to the joined cells and writes the changed
    lines back (:mod:`seqlint.notebook_write`)."""
    cell, line = place_line(diagnostic.line, cells)
    end_cell, end_line = place_line(diagnostic.end_line, cells)
    end_column, fix = diagnostic.end_column, diagnostic.fix
    if end_cell != cell:  # a span never crosses cells; keep the location consistent anyway
        end_line, end_column = line, diagnostic.column
    return replace(
        diagnostic,
        cell=cell,
        line=line,
        end_line=end_line,
        end_column=end_column,
        message=relabel(diagnostic.message, cells),
        hint=relabel(diagnostic.hint, cells),
        trace=tuple(_locate_row(row, cells) for row in diagnostic.trace),
        fix=fix and replace(fix, message=relabel(fix.message, cells)),
    )


def locate_unanalysed(item: Unanalysed, cells: CellMap) -> Unanalysed:
    """``item`` (a line of the joined source) placed in its cell, its reason likewise."""
    cell, line = place_line(item.line, cells)
    return replace(item, cell=cell, line=line, reason=relabel(item.reason, cells))


def place_line(line: int, cells: CellMap) -> tuple[int, int]:
    """The (cell, line in the cell) of a joined line."""
    if not cells:
        return 1, line
    return cells[min(max(line, 1), len(cells)) - 1]


def _locate_row(row: TraceRow, cells: CellMap) -> TraceRow:
    cell, line = place_line(row.line, cells)
    return replace(row, cell=cell, line=line, note=relabel(row.note, cells))


def relabel(text: str, cells: CellMap) -> str:
    """``line 14`` (a joined line, as rules write them) -> ``cell 3, line 2``."""

    def cell_line(match: re.Match[str]) -> str:
        cell, line = place_line(int(match.group(1)), cells)
        return f"cell {cell}, line {line}"

    return _LINE_REFERENCE.sub(cell_line, text)

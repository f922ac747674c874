"""What a path holds for the analysis: Python source, or a notebook's joined code cells.

Stdlib only. A file is analysed only when it is Python source (``.py``/``.pyi``, or a file
whose first line is a python shebang) or a notebook (``.ipynb``); a file is never read as
Python just because it was named.
"""

from __future__ import annotations

from dataclasses import dataclass

from seqlint.diagnostic import Diagnostic
from seqlint.notebooks import NOTEBOOK_SUFFIX, CellMap, NotebookError, locate, read_notebook

PYTHON_SUFFIXES = (".py", ".pyi")


class SourceError(ValueError):
    """The file cannot be analysed; the message is one line naming the file."""


@dataclass(frozen=True)
class Source:
    """The text the analysis sees; ``cells`` maps its lines back into a notebook's cells."""

    path: str
    text: str
    cells: CellMap | None = None

    def place(self, diagnostic: Diagnostic) -> Diagnostic:
        """``diagnostic`` of the analysed text, located where the user reads it."""
        return diagnostic if self.cells is None else locate(diagnostic, self.cells)


def to_source(path: str, text: str) -> Source:
    """The analysable source of a decoded file, or :class:`SourceError`."""
    if path.endswith(NOTEBOOK_SUFFIX):
        try:
            notebook = read_notebook(text)
        except NotebookError as exc:
            raise SourceError(f"cannot read {path} as a notebook: {exc}") from None
        return Source(path, notebook.text, notebook.cells)
    if is_python_source(path, text):
        return Source(path, text)
    raise SourceError(
        f"skipping {path}: not Python source or a notebook "
        "(expected .py, .pyi, .ipynb, or a python shebang line)"
    )


def is_python_source(path: str, text: str) -> bool:
    """A ``.py``/``.pyi`` file, or a script whose first line is a python shebang."""
    return path.endswith(PYTHON_SUFFIXES) or is_python_script(text)


def is_python_script(text: str) -> bool:
    first = text.split("\n", 1)[0]
    return first.startswith("#!") and "python" in first

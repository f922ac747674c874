"""Reading and decoding source files: the one place that opens a file to check, and what a
path holds for the analysis (Python source, or a notebook's code cells joined).

Stdlib only and cheap to import. Special files (FIFOs, devices, sockets) are refused
from ``stat`` alone, never opened; decoding follows Python (a BOM or a PEP 263 coding
cookie, else UTF-8), and every way it can fail becomes a one-line reason. A file is analysed
only when it is Python source (``.py``/``.pyi``, or a file whose first line is a python
shebang) or a notebook (``.ipynb``); a file is never read as Python just because it was named.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from typing import NamedTuple

from seqlint.diagnostic import Diagnostic, Unanalysed
from seqlint.notebooks import (
    NOTEBOOK_SUFFIX,
    CellMap,
    NotebookError,
    locate,
    locate_unanalysed,
    read_notebook,
)

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Files larger than this are not even read (generated code, data dumped as Python)."""

MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024
"""Notebooks carry their outputs (plots as base64 images): their file may be this large as long
as their code, once joined, stays under ``MAX_FILE_BYTES``."""

PYTHON_SUFFIXES = (".py", ".pyi")

_SURROGATE = re.compile("[\ud800-\udfff]")


class Read(NamedTuple):
    """A source text, or why there is none: ``action`` is "read", "decode" or "skip";
    ``data`` is the file's bytes as read and ``encoding`` the codec of ``text``."""

    text: str | None
    problem: str = ""
    action: str = ""
    data: bytes = b""
    encoding: str = ""

    def encode(self, text: str) -> bytes:
        """``text`` in the file's encoding (a UTF-8 BOM kept), for writing it back."""
        return text.encode(self.encoding or "utf-8")


def read_source(path: str, max_bytes: int | None = None) -> Read:
    """The decoded text of ``path``, or the reason it cannot be had; ``max_bytes`` defaults to
    ``MAX_NOTEBOOK_BYTES`` for a notebook, else ``MAX_FILE_BYTES``."""
    if max_bytes is None:
        max_bytes = MAX_NOTEBOOK_BYTES if path.endswith(NOTEBOOK_SUFFIX) else MAX_FILE_BYTES
    limit = max_bytes
    try:
        info = os.stat(path)
    except OSError as exc:
        return Read(None, _reason(exc), "read")
    kind = special_kind(info.st_mode)
    if kind:
        return Read(None, f"not a regular file ({kind})", "read")
    if info.st_size > limit:
        return Read(
            None, f"file too large ({size_text(info.st_size)}, limit {size_text(limit)})", "skip"
        )
    try:
        # O_NONBLOCK: should the path have been swapped for a FIFO since stat, do not hang
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as fh:
            kind = special_kind(os.fstat(fh.fileno()).st_mode)
            if kind:
                return Read(None, f"not a regular file ({kind})", "read")
            data = fh.read(limit + 1)
    except OSError as exc:
        return Read(None, _reason(exc), "read")
    if len(data) > limit:
        return Read(None, f"file too large (over {size_text(limit)})", "skip")
    text, problem, encoding = _decode(data)
    return Read(text, problem, "decode" if problem else "", data, encoding)


def decode_source(data: bytes) -> tuple[str | None, str]:
    """``(text, "")`` or ``(None, reason)``: decoded like Python does, by a BOM or a PEP 263
    coding cookie, else as UTF-8; text holding a lone surrogate is refused."""
    text, problem, _ = _decode(data)
    return text, problem


def _decode(data: bytes) -> tuple[str | None, str, str]:
    """``decode_source``, and the encoding used."""
    import io
    import tokenize

    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:
        if "invalid or missing encoding declaration" not in str(exc):
            return None, _one_line(str(exc)), ""
        encoding = "utf-8"  # the first lines are not UTF-8; decoding below says where
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if encoding.startswith("utf-8") else encoding
        offset = exc.start + (3 if encoding == "utf-8-sig" else 0)
        if offset < len(data):
            return None, f"not valid {name} (byte 0x{data[offset]:02x} at offset {offset})", ""
        return None, f"not valid {name} ({_one_line(exc.reason)})", ""
    except LookupError as exc:
        return None, _one_line(str(exc)), ""
    except (UnicodeError, ValueError, TypeError) as exc:  # codecs that fail in their own way
        problem = f"cannot be decoded as {_codec_name(encoding)}: {_one_line(str(exc))}"
        return None, problem, ""
    surrogate = _SURROGATE.search(text)
    if surrogate:
        code = ord(surrogate[0])
        problem = (
            f"decoding as {_codec_name(encoding)} gives a lone surrogate "
            f"(U+{code:04X} at character {surrogate.start()})"
        )
        return None, problem, ""
    return text, "", encoding


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

    def place_unanalysed(self, item: Unanalysed) -> Unanalysed:
        """``item`` of the analysed text, located where the user reads it."""
        return item if self.cells is None else locate_unanalysed(item, self.cells)


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


def oversized_code(source: Source) -> int:
    """The size of a notebook's joined code when it is over ``MAX_FILE_BYTES``, else 0 (a
    Python file's own size was checked when it was read)."""
    if source.cells is None:
        return 0
    size = len(source.text.encode("utf-8"))
    return size if size > MAX_FILE_BYTES else 0


def is_python_source(path: str, text: str) -> bool:
    """A ``.py``/``.pyi`` file, or a script whose first line is a python shebang."""
    return path.endswith(PYTHON_SUFFIXES) or is_python_script(text)


def is_python_script(text: str) -> bool:
    first = text.split("\n", 1)[0]
    return first.startswith("#!") and "python" in first


def special_kind(mode: int) -> str:
    """The kind of a special file ("FIFO", "socket", a device), "" for other files."""
    for test, name in (
        (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
    ):
        if test(mode):
            return name
    return ""


def size_text(size: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}".replace(f".0 {unit}", f" {unit}")
    return f"{size} bytes"


def _codec_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]

"""Adopting seqlint on an existing code base: a baseline of today's findings, and ``# noqa``
comments added to the lines that report them (``--write-baseline``, ``--baseline``,
``--add-noqa``).

A baseline entry names a finding by what does not change when code moves: the file (relative
to the baseline file's folder), the code, the text of the reported line with its surrounding
blanks stripped, and the occurrence of that (file, code, text) among the file's findings in
order. Lines inserted or removed above a finding keep it matched; editing its line, renaming its
file or changing its code makes it new.

Stdlib only: imported by the command line when one of those options is given.
"""

from __future__ import annotations

import io
import json
import os
import tokenize
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from seqlint.diagnostic import Diagnostic

FORMAT_VERSION = 1
Key = tuple[str, str, str, int]  # relative path, code, stripped line text, occurrence


class BaselineError(ValueError):
    """The baseline file cannot be read or written; a one-line reason."""


def _relative(path: str, folder: str) -> str:
    return os.path.relpath(os.path.abspath(path), folder).replace(os.sep, "/")


def line_text(lines: Sequence[str], line: int) -> str:
    """The stripped text of 1-based ``line`` of ``lines`` (empty past the end)."""
    return lines[line - 1].strip() if 0 < line <= len(lines) else ""


def keys(
    path: str, diagnostics: Iterable[Diagnostic], text: str, folder: str
) -> list[tuple[Diagnostic, Key]]:
    """Each diagnostic of one file (lines of the analysed ``text``: a notebook's joined code
    cells) with its baseline key."""
    lines = text.splitlines()
    name = _relative(path, folder)
    seen: Counter[tuple[str, str]] = Counter()
    keyed = []
    for diagnostic in diagnostics:
        content = line_text(lines, diagnostic.line)
        seen[diagnostic.code, content] += 1
        keyed.append((diagnostic, (name, diagnostic.code, content, seen[diagnostic.code, content])))
    return keyed


@dataclass
class Baseline:
    """The findings of a baseline file, and how many of them a run has matched."""

    folder: str  # paths are relative to it: the baseline file's folder
    entries: set[Key] = field(default_factory=set)
    matched: int = 0

    @classmethod
    def read(cls, path: str) -> Baseline:
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except FileNotFoundError:
            raise BaselineError(f"baseline file not found: {path}") from None
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise BaselineError(f"cannot read the baseline {path}: {exc}") from None
        try:
            if data["seqlint_baseline"] != FORMAT_VERSION:
                raise BaselineError(f"{path}: unknown baseline version {data['seqlint_baseline']}")
            entries = {
                (str(e["path"]), str(e["code"]), str(e["line"]), int(e["occurrence"]))
                for e in data["findings"]
            }
        except (KeyError, TypeError, ValueError) as exc:
            raise BaselineError(f"{path} is not a seqlint baseline ({exc!r})") from None
        return cls(_folder(path), entries)

    def new_findings(self, path: str, diagnostics: list[Diagnostic], text: str) -> list[Diagnostic]:
        """The diagnostics of one file that the baseline does not hold."""
        if not diagnostics:
            return diagnostics
        kept = []
        for diagnostic, key in keys(path, diagnostics, text, self.folder):
            if key in self.entries:
                self.matched += 1
            else:
                kept.append(diagnostic)
        return kept


def _folder(path: str) -> str:
    return os.path.dirname(os.path.abspath(path))


def write_baseline(path: str, found: Iterable[tuple[str, str, list[Diagnostic]]]) -> int:
    """Write the baseline of ``found`` (path, analysed text, diagnostics of each file) to
    ``path`` atomically; the number of entries written."""
    folder = _folder(path)
    entries = [
        {"path": key[0], "code": key[1], "line": key[2], "occurrence": key[3]}
        for file, text, diagnostics in found
        for _, key in keys(file, diagnostics, text, folder)
    ]
    entries.sort(key=lambda e: (e["path"], e["code"], e["line"], e["occurrence"]))
    document = {"seqlint_baseline": FORMAT_VERSION, "findings": entries}
    data = (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    import tempfile

    temporary = None
    try:
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".seqlint-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        raise BaselineError(f"cannot write the baseline {path}: {exc.strerror or exc}") from None
    return len(entries)


# -- --add-noqa ------------------------------------------------------------------------------


@dataclass
class NoqaRun:
    added: int = 0  # directives added
    errors: list[str] = field(default_factory=list)  # one-line messages for stderr


def add_noqa_paths(found: Iterable[tuple[str, str, list[Diagnostic]]]) -> NoqaRun:
    """Add ``# noqa: CODE`` to each reported line of each (path, analysed text, diagnostics):
    to the line's ``# noqa: ...`` list if it has one, else at its end, other comments kept. A
    notebook gets only its changed cell lines back; every file is written atomically, and
    only if it still holds what was checked. Syntax and internal errors (SL900, SL901) are
    left alone: no comment suppresses them."""
    from seqlint import sources
    from seqlint.fixing import FixRun, _write
    from seqlint.suppress import UNSUPPRESSIBLE

    run = NoqaRun()
    for path, text, diagnostics in found:
        codes: dict[int, list[str]] = {}
        for d in diagnostics:
            if d.code in UNSUPPRESSIBLE:  # syntax and internal errors: no comment hides them
                continue
            if d.code not in codes.setdefault(d.line, []):
                codes[d.line].append(d.code)
        if not codes:
            continue
        read = sources.read_source(path)
        try:
            source = sources.to_source(path, read.text) if read.text is not None else None
        except sources.SourceError:
            source = None
        if source is None or source.text != text:
            run.errors.append(f"seqlint: error: {path} changed while checking; left as it was")
            continue
        changed, added = _with_noqa(path, text, codes, run)
        if not added:
            continue
        document = changed
        if source.cells is not None:
            from seqlint.notebook_write import NotWritable, write_back

            try:
                document = write_back(read.text, source.cells, text, changed).document
            except NotWritable as exc:
                run.errors.append(f"seqlint: error: cannot add noqa to {path}: {exc}")
                continue
        written = FixRun()
        if _write(path, read.data, read.encode(document), written):
            run.added += added
        run.errors.extend(written.errors)
    return run


def _with_noqa(path: str, text: str, codes: dict[int, list[str]], run: NoqaRun) -> tuple[str, int]:
    from seqlint.suppress import add_noqa

    lines = text.splitlines(keepends=True)
    inside = _string_lines(text)
    added = 0
    for number in sorted(codes):
        if not 0 < number <= len(lines):
            continue
        line = lines[number - 1]
        for code in sorted(codes[number]):
            new = None if number in inside else add_noqa(line, code)
            if new is None:
                run.errors.append(
                    f"seqlint: warning: {path}:{number}: no comment can end this line "
                    f"(a string or a backslash continues it); {code} left reported"
                )
                break
            line, added = new, added + 1
        lines[number - 1] = line
    return "".join(lines), added


def _string_lines(text: str) -> set[int]:
    """Lines that end inside a string (a multi-line string or f-string), where a comment
    would be part of the string."""
    inside: set[int] = set()
    fstring_start = getattr(tokenize, "FSTRING_START", -1)
    fstring_end = getattr(tokenize, "FSTRING_END", -1)
    opened: list[int] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == fstring_start:
                opened.append(token.start[0])
            elif token.type == fstring_end and opened:
                inside.update(range(opened.pop(), token.end[0]))
            elif token.type == tokenize.STRING:
                inside.update(range(token.start[0], token.end[0]))
    except (tokenize.TokenError, SyntaxError):
        pass
    return inside

"""``--fix`` and ``--diff``: apply the rules' fixes to files, and never leave one half-written.

A source is fixed in rounds: lint, take every fix that is allowed (safe, or unsafe too with
``--unsafe-fixes``) and does not touch a node another fix of the round touches, apply them,
re-parse the result, and lint again, until nothing changes (at most ``MAX_ROUNDS``). A
notebook is fixed as its joined code cells, and the changed lines go back into their cells
(:mod:`seqlint.notebook_write`). A file is written only when its text changed, through a
temporary file in the same folder renamed over it (keeping its permissions), and only if the
file on disk is still what was read.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from collections.abc import Container
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from seqlint.diagnostic import Applicability
from seqlint.fixes import Fix, target_of
from seqlint.prefilter import may_define_model
from seqlint.suppress import scan, suppress

if TYPE_CHECKING:
    from seqlint.analysis import Analysis
    from seqlint.config import Resolver
    from seqlint.sources import Read, Source

MAX_ROUNDS = 8


@dataclass(frozen=True)
class FixedSource:
    source: str
    fixed: int  # fixes applied


@dataclass(frozen=True)
class TextChange:
    """Code before and after the fixes: a file's text, or one notebook cell's source."""

    name: str  # the diff's header: the path, or ``path:cell N``
    before: str
    after: str

    def diff(self) -> str:
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True),
            self.after.splitlines(keepends=True),
            fromfile=self.name,
            tofile=self.name,
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


@dataclass(frozen=True)
class FileFix:
    path: str
    changes: tuple[TextChange, ...]  # the file's text; a notebook's changed cells, in order
    fixed: int

    def diff(self) -> str:
        """A unified diff of the code: of a notebook, one per changed cell, not of its JSON."""
        return "".join(change.diff() for change in self.changes)


@dataclass
class FixRun:
    files: list[FileFix] = field(default_factory=list)  # files whose text the fixes change
    errors: list[str] = field(default_factory=list)  # one-line messages for stderr

    @property
    def fixed(self) -> int:
        return sum(f.fixed for f in self.files)


def fix_source(
    source: str,
    path: str,
    *,
    unsafe: bool = False,
    target: str = "3",
    enabled: Container[str] | None = None,
) -> FixedSource:
    """``source`` with every allowed fix applied; raises ``ParseFailure`` if it does not parse.

    With ``enabled``, only findings of those codes that no inline suppression silences are
    fixed (what the check would report)."""
    from seqlint.analysis import analyse

    fixed = 0
    for _ in range(MAX_ROUNDS):
        analysis = analyse(source, path, target=target)
        candidates = analysis.fixes
        if enabled is not None:
            reported = {id(d) for d in suppress(path, scan(source), analysis.diagnostics, enabled)}
            candidates = [
                f if id(d) in reported else None
                for d, f in zip(analysis.diagnostics, analysis.fixes, strict=True)
            ]
        applied = apply_fixes(analysis, source, _compatible(candidates, unsafe))
        if applied is None:
            break
        source, fixed = applied.source, fixed + applied.fixed
    return FixedSource(source, fixed)


def apply_fixes(analysis: Analysis, source: str, fixes: list[Fix]) -> FixedSource | None:
    """``source`` (analysed as ``analysis``) with ``fixes`` applied, leaving out those whose
    edits do not fit the code; None when nothing changes or the result would not parse. One
    round of ``--fix``, and the code action that fixes one finding in an editor."""
    from seqlint.frontend import ParseFailure, apply_fix_edits
    from seqlint.frontend.parsing import parse

    while fixes:
        code, failed = apply_fix_edits(analysis.ir, [e for f in fixes for e in f.edits])
        if not failed:
            break
        fixes = _without_failed(fixes, failed)  # and apply the others again
    if not fixes or code == source:
        return None
    try:
        parse(code)
    except ParseFailure:  # never hand back code that does not parse
        return None
    return FixedSource(code, len(fixes))


def _compatible(fixes: list[Fix | None], unsafe: bool) -> list[Fix]:
    """The allowed fixes, in position order, leaving out any that edits a node taken already."""
    chosen: list[Fix] = []
    taken: set[int] = set()
    for fix in fixes:
        if fix is None or (fix.applicability is Applicability.UNSAFE and not unsafe):
            continue
        targets = {id(target_of(edit).key) for edit in fix.edits}
        if targets.isdisjoint(taken):
            chosen.append(fix)
            taken |= targets
    return chosen


def _without_failed(fixes: list[Fix], failed: set[int]) -> list[Fix]:
    kept, start = [], 0
    for fix in fixes:
        indices = set(range(start, start + len(fix.edits)))
        start += len(fix.edits)
        if indices.isdisjoint(failed):
            kept.append(fix)
    return kept


def fix_paths(
    paths: list[str],
    *,
    unsafe: bool = False,
    write: bool = True,
    resolver: Resolver | None = None,
) -> FixRun:
    """Fix the files under ``paths``; with ``write=False`` only compute what would change.

    ``resolver`` gives each file its settings (default: its closest configuration file):
    excluded and skipped files, unselected codes and suppressed findings are left alone."""
    from seqlint.config import Resolver
    from seqlint.discover import discover
    from seqlint.engine import file_target
    from seqlint.frontend import ParseFailure

    resolver = resolver or Resolver()
    explicit = {os.path.normpath(p) for p in paths if not os.path.isdir(p)}
    run = FixRun()
    for path in discover(paths).files:
        if path not in explicit and resolver.excluded(path):
            continue
        loaded = _load(path)
        if loaded is None:
            continue
        read, document, source = loaded
        text = source.text
        if not may_define_model(text) or scan(text).skip_file:
            continue
        settings = resolver.settings(path)
        target = file_target(settings, path, text).version
        try:
            result = fix_source(text, path, unsafe=unsafe, target=target, enabled=settings.enabled)
        except ParseFailure:
            continue  # the check that follows reports it
        except Exception as exc:  # noqa: BLE001 - one file's failure leaves the others fixed
            run.errors.append(f"seqlint: error: cannot fix {path}: {type(exc).__name__}: {exc}")
            continue
        if result.source == text:
            continue
        changed = _changed(document, source, result.source, run)
        if changed is None:
            continue
        written, changes = changed
        if write and not _write(path, read.data, read.encode(written), run):
            continue
        run.files.append(FileFix(path, changes, result.fixed))
    return run


def _load(path: str) -> tuple[Read, str, Source] | None:
    """The file as read (bytes, encoding, text) and the source the analysis sees; None when
    the check that follows reports why it cannot be checked."""
    from seqlint import sources

    read = sources.read_source(path)
    if read.text is None:
        return None
    try:
        source = sources.to_source(path, read.text)
    except sources.SourceError:
        return None
    if sources.oversized_code(source):
        return None  # a notebook with too much code
    return read, read.text, source


def _changed(
    document: str, source: Source, fixed: str, run: FixRun
) -> tuple[str, tuple[TextChange, ...]] | None:
    """The file's new text and what changed in its code; None (with a message) when the fixes
    cannot be put back into a notebook's cells."""
    if source.cells is None:
        return fixed, (TextChange(source.path, source.text, fixed),)
    from seqlint.notebook_write import NotWritable, write_back

    try:
        notebook = write_back(document, source.cells, source.text, fixed)
    except NotWritable as exc:
        run.errors.append(f"seqlint: error: cannot fix {source.path}: {exc}; left as it was")
        return None
    changes = tuple(
        TextChange(f"{source.path}:cell {cell.cell}", _ended(cell.before), _ended(cell.after))
        for cell in notebook.cells
    )
    return notebook.document, changes


def _ended(cell: str) -> str:
    """A cell's code ending with a newline, as Jupyter shows it (most cells end without one), so
    that a line added after the last one does not show that line as changed in the diff."""
    return cell if cell.endswith("\n") or not cell else cell + "\n"


def _write(path: str, expected: bytes, data: bytes, run: FixRun) -> bool:
    """Replace ``path`` by ``data`` atomically, if it still holds ``expected``."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    temporary = None
    try:
        with open(target, "rb") as fh:
            if fh.read() != expected:
                run.errors.append(f"seqlint: error: {path} changed while fixing; left as it was")
                return False
        mode = stat.S_IMODE(os.stat(target).st_mode)
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".seqlint-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
        return True
    except OSError as exc:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        reason = exc.strerror or type(exc).__name__
        run.errors.append(f"seqlint: error: cannot write {path}: {reason}; left as it was")
        return False


def fix_stdin(
    name: str, data: bytes, *, unsafe: bool = False, resolver: Resolver | None = None
) -> tuple[bytes, FileFix | None, list[str]]:
    """``--fix`` / ``--diff`` of standard input named ``name``: the bytes to print (the fixed
    source, or ``data`` unchanged when nothing is fixed or it cannot be), what changed, and
    one-line messages for stderr. As ruff does, the source goes to stdout whatever happens."""
    from seqlint import sources
    from seqlint.config import Resolver
    from seqlint.engine import file_target
    from seqlint.frontend import ParseFailure
    from seqlint.notebooks import NOTEBOOK_SUFFIX

    text, _, encoding = sources._decode(data)
    if text is None:
        return data, None, []  # the check that follows reports why
    try:  # standard input is Python unless named a notebook, as the check reads it
        is_notebook = name.endswith(NOTEBOOK_SUFFIX)
        source = sources.to_source(name, text) if is_notebook else sources.Source(name, text)
    except sources.SourceError:
        return data, None, []
    if not may_define_model(source.text) or scan(source.text).skip_file:
        return data, None, []
    resolver = resolver or Resolver()
    settings = resolver.settings(name)
    target = file_target(settings, name, source.text).version
    run = FixRun()
    try:
        result = fix_source(
            source.text, name, unsafe=unsafe, target=target, enabled=settings.enabled
        )
    except ParseFailure:
        return data, None, []
    except Exception as exc:  # noqa: BLE001 - the source is printed as it came
        return data, None, [f"seqlint: error: cannot fix {name}: {type(exc).__name__}: {exc}"]
    if result.source == source.text:
        return data, None, []
    changed = _changed(text, source, result.source, run)
    if changed is None:
        return data, None, run.errors
    written, changes = changed
    return written.encode(encoding or "utf-8"), FileFix(name, changes, result.fixed), run.errors

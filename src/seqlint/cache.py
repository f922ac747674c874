"""The result cache: a file's diagnostics, keyed by its content, seqlint's version and the
caller's configuration fingerprint (like ``.ruff_cache``), and by when seqlint's own code last
changed, so that a checkout being worked on never serves results of the code before an edit.
A file whose analysis followed modules of its project it imports has two entries: under its
own key, the module lookups it made; under a key that adds what those lookups find today
(each module's file and content digest), its result. A changed ``model.py`` makes another
key, so ``train.py`` is checked again; changed back, the first result serves again.

Stdlib only: a cache hit never imports the analysis pipeline. One JSON file per entry,
written to a temporary file and renamed into place, so concurrent runs (CI shards, an
editor and a pre-commit hook) never see half an entry; an entry that does not read back
is a miss and is rewritten. A location that cannot be written turns the cache off
quietly.
"""

from __future__ import annotations

import dataclasses
import json
import os
from contextlib import suppress
from functools import cache

from seqlint import __version__
from seqlint.diagnostic import (
    Applicability,
    Diagnostic,
    FileResult,
    FixNote,
    Origin,
    Severity,
    TraceRow,
    Unanalysed,
)
from seqlint.project import Dependency, current

try:
    from _blake2 import blake2b  # what hashlib serves, without loading OpenSSL (~12 ms)
except ImportError:  # pragma: no cover - other interpreters
    from hashlib import blake2b

PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = ".seqlint_cache"
ENV_VAR = "SEQLINT_CACHE_DIR"

_DIAGNOSTIC_FIELDS = tuple(f.name for f in dataclasses.fields(Diagnostic) if f.name != "path")


def cache_dir(explicit: str | None = None) -> str:
    """``--cache-dir``, else ``$SEQLINT_CACHE_DIR``, else ``.seqlint_cache`` in the working
    directory."""
    return explicit or os.environ.get(ENV_VAR) or DEFAULT_DIR


class Cache:
    """Each file's result (diagnostics, models analysed, what was not) by content key under
    ``root/<version>/``."""

    def __init__(self, root: str, fingerprint: str = "") -> None:
        self.root = root
        self.directory = os.path.join(root, __version__)
        self.fingerprint = fingerprint
        self.enabled = True

    def key(self, path: str, source: str, fingerprint: str = "") -> str:
        """The entry for ``source`` read from ``path`` (its suffix decides how it is read),
        with this file's own ``fingerprint`` (its settings) besides the cache's."""
        digest = blake2b(digest_size=20)
        parts = (__version__, code_stamp(), self.fingerprint, fingerprint)
        for part in (*parts, os.path.splitext(path)[1]):
            digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(source.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, key: str, path: str) -> FileResult | None:
        """The cached result for ``key``, placed at ``path``; None on a miss (also when a
        module it imported changed)."""
        if not self.enabled:
            return None
        try:
            entry = self._read(key)
            dependencies = tuple(Dependency(*item) for item in entry.get("lookups", ()))
            if dependencies:
                dependencies = current(path, dependencies)
                entry = self._read(self._dependent(key, dependencies))
            return FileResult(
                tuple(_diagnostic(item, path) for item in entry["diagnostics"]),
                int(entry["models"]),
                tuple(Unanalysed(path=path, **item) for item in entry["unanalysed"]),
                dependencies,
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing or corrupt: a miss; the analysis rewrites it

    def _read(self, key: str) -> dict[str, object]:
        with open(self._file(key), encoding="utf-8") as fh:
            entry = json.load(fh)
        if not isinstance(entry, dict):
            raise ValueError("not an entry")
        return entry

    def _dependent(self, key: str, dependencies: tuple[Dependency, ...]) -> str:
        """The key of a result that depended on the modules ``dependencies`` found."""
        digest = blake2b(key.encode(), digest_size=20)
        digest.update(json.dumps([dataclasses.astuple(d) for d in dependencies]).encode())
        return digest.hexdigest()

    def put(self, key: str, result: FileResult) -> None:
        """Store ``result`` (paths left out: the same content elsewhere shares it)."""
        if not self.enabled:
            return
        if result.dependencies:
            lookups = [dataclasses.astuple(d) for d in result.dependencies]
            self._write(key, {"lookups": lookups})
            key = self._dependent(key, result.dependencies)
        items = []
        for diagnostic in result.diagnostics:
            item = diagnostic.to_json()
            del item["path"]
            if diagnostic.origin is not None:  # kept relative: the entry serves any place
                here = os.path.dirname(diagnostic.path) or os.curdir
                origin = item["origin"]
                origin["path"] = os.path.relpath(diagnostic.origin.path, here)  # type: ignore[index]
                origin["through"] = [os.path.relpath(p, here) for p in diagnostic.origin.through]  # type: ignore[index]
            items.append(item)
        unanalysed = []
        for record in result.unanalysed:
            entry = record.to_json()
            del entry["path"]
            unanalysed.append(entry)
        document = {"diagnostics": items, "models": result.models, "unanalysed": unanalysed}
        self._write(key, document)

    def _write(self, key: str, document: dict[str, object]) -> None:
        if not self.enabled:
            return
        import tempfile

        target = self._file(key)
        try:
            self._prepare(os.path.dirname(target))
            fd, temporary = tempfile.mkstemp(dir=os.path.dirname(target), suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(document, fh, separators=(",", ":"))
                os.replace(temporary, target)
            except BaseException:
                with suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            self.enabled = False  # read-only or full: run on without a cache, quietly

    def _file(self, key: str) -> str:
        return os.path.join(self.directory, key[:2], key[2:] + ".json")

    def _prepare(self, directory: str) -> None:
        if os.path.isdir(directory):
            return
        fresh = not os.path.isdir(self.root)
        os.makedirs(directory, exist_ok=True)
        if fresh:  # mark it like other tools do: not for version control, not for backups
            with suppress(OSError):
                with open(os.path.join(self.root, ".gitignore"), "w", encoding="utf-8") as fh:
                    fh.write("# Automatically created by seqlint.\n*\n")
                with open(os.path.join(self.root, "CACHEDIR.TAG"), "w", encoding="utf-8") as fh:
                    fh.write("Signature: 8a477f597d28d172789f06886806bc55\n")


@cache
def code_stamp(package: str = PACKAGE_DIR) -> str:
    """For a source checkout, the latest modification time and the number of seqlint's Python
    files (about 2 ms); "" for an installed copy, which only changes with its version."""
    if os.sep + "site-packages" + os.sep in package + os.sep:
        return ""
    latest, count = 0, 0
    for folder, _, names in os.walk(package):
        for name in names:
            if name.endswith(".py"):
                with suppress(OSError):
                    latest = max(latest, os.stat(os.path.join(folder, name)).st_mtime_ns)
                    count += 1
    return f"{latest}:{count}"


def _diagnostic(item: dict[str, object], path: str) -> Diagnostic:
    values = {name: item[name] for name in _DIAGNOSTIC_FIELDS}
    values["severity"] = Severity(values["severity"])
    values["trace"] = tuple(TraceRow(**row) for row in values["trace"])  # type: ignore[union-attr]
    fix = values.get("fix")
    if fix is not None:
        values["fix"] = FixNote(Applicability(fix["applicability"]), fix["message"])  # type: ignore[index]
    origin = values.get("origin")
    if origin is not None:
        here = os.path.dirname(path)
        where, through = origin["path"], origin["through"]  # type: ignore[index]
        values["origin"] = Origin(
            os.path.normpath(os.path.join(here, where)),
            origin["line"],  # type: ignore[index]
            origin["column"],  # type: ignore[index]
            tuple(os.path.normpath(os.path.join(here, p)) for p in through),
        )
    return Diagnostic(path=path, **values)  # type: ignore[arg-type]

"""The modules of a script's project: which file an import names, and whether a result that
depended on imported modules still holds.

Python's script mode puts the script's own directory first on ``sys.path`` (for a module of a
package, which runs as ``python -m pkg.mod``, the directory above its top package); a project
installed for development adds its root (the closest directory with a ``pyproject.toml``,
``setup.py``, ``setup.cfg`` or ``.git``) and its ``src/``. Those are the places searched, in
that order; nothing is imported, site-packages are never searched (a name found nowhere is a
third-party package, the standard library, or a missing file: not a module of the project),
and a file of an installed package is no project's: its imports are not followed.

Stdlib only: the result cache checks a file's dependencies here without the analysis.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

from seqlint.sources import read_source

try:
    from _blake2 import blake2b  # as in cache.py: without loading OpenSSL
except ImportError:  # pragma: no cover - other interpreters
    from hashlib import blake2b

PROJECT_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", ".git")
MAX_MODULE_BYTES = 64 * 1024
"""Larger imported modules are not followed: libcst keeps about 0.7 KB of syntax tree per
byte of source, and an imported module's tree lives beside the script's."""


@dataclass(frozen=True)
class Found:
    """A module's file (``module.py``, a package's ``__init__.py``), or the directory of a
    namespace package (``namespace``: no ``__init__.py``)."""

    path: str
    package: bool = False
    namespace: bool = False

    @property
    def directory(self) -> str:
        """Where its submodules (a package's) or siblings (a module's) are."""
        return self.path if self.namespace else os.path.dirname(self.path)


@dataclass(frozen=True)
class Dependency:
    """One module lookup an analysis made, and what it found: ``importer`` and ``found`` are
    relative to the script's directory (``importer`` "" is the script itself)."""

    importer: str
    name: str  # dotted; "" for ``from . import x``
    level: int  # leading dots of a relative import
    found: str | None  # None: not found
    digest: str | None  # of the file's content (None for a namespace package's directory)


def project_root(directory: str) -> str | None:
    """The closest directory at or above ``directory`` that holds a project marker."""
    current = os.path.abspath(directory)
    while True:
        if any(os.path.exists(os.path.join(current, m)) for m in PROJECT_MARKERS):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


_INSTALLED = ("site-packages", "dist-packages")


def in_project(script: str) -> bool:
    """Whether ``script`` may belong to a project: not a file of an installed package."""
    parts = os.path.abspath(script).split(os.sep)
    return not any(part in _INSTALLED for part in parts)


def search_roots(script: str) -> tuple[str, ...]:
    """Where absolute imports of ``script`` are looked for: its directory (above its top
    package, for a module of a package), then the project's root and ``src/``."""
    here = os.path.dirname(os.path.abspath(script))
    top = here
    while os.path.isfile(os.path.join(top, "__init__.py")) and os.path.dirname(top) != top:
        top = os.path.dirname(top)
    roots = [top]
    root = project_root(here)
    if root is not None:
        roots.extend(p for p in (root, os.path.join(root, "src")) if os.path.isdir(p))
    return tuple(dict.fromkeys(roots))


def resolve(importer: str, name: str, level: int, roots: tuple[str, ...]) -> Found | None:
    """The module ``name`` imported by the file ``importer`` (``level`` dots: relative to the
    package, the importer's directory). A directory without ``__init__.py`` is not a module
    here (a data directory named like a third-party package is common): only a relative
    ``from . import x`` finds one, as the package it names, and :func:`resolve_namespace`
    the parents of a module found in one."""
    parts = [p for p in name.split(".") if p]
    if level:
        base = os.path.dirname(os.path.abspath(importer))
        for _ in range(level - 1):
            base = os.path.dirname(base)
        return _below(base, parts, allow_namespace=False) if parts else _package(base)
    if not parts:
        return None
    for root in roots:
        found = _below(root, parts, allow_namespace=False)
        if found is not None:
            return found
    return None


def resolve_namespace(name: str, roots: tuple[str, ...]) -> Found | None:
    """``name`` as a namespace package (a directory without ``__init__.py``), for the parents
    of a module found in it."""
    parts = [p for p in name.split(".") if p]
    for root in roots:
        found = _below(root, parts, allow_namespace=True)
        if found is not None:
            return found
    return None


def _below(base: str, parts: list[str], allow_namespace: bool) -> Found | None:
    """The module ``parts`` under directory ``base``, as Python's path finder looks: a
    package directory first, then a ``.py`` file."""
    directory = base
    for index, part in enumerate(parts):
        if not part.isidentifier():
            return None
        last = index == len(parts) - 1
        package = os.path.join(directory, part)
        init = os.path.join(package, "__init__.py")
        if os.path.isfile(init):
            if last:
                return Found(init, package=True)
            directory = package
            continue
        module = package + ".py"
        if os.path.isfile(module):
            return Found(module) if last else None
        if os.path.isdir(package):
            if last:
                return Found(package, package=True, namespace=True) if allow_namespace else None
            directory = package
            continue
        return None
    return None


def _package(directory: str) -> Found:
    init = os.path.join(directory, "__init__.py")
    if os.path.isfile(init):
        return Found(init, package=True)
    return Found(directory, package=True, namespace=True)


def digest(data: bytes) -> str:
    return blake2b(data, digest_size=16).hexdigest()


def file_digest(path: str) -> str:
    """The digest :class:`Dependency` keeps of a module's file: of its bytes, or, for a file
    that is not followed (too large, unreadable), of why not."""
    read = read_source(path, MAX_MODULE_BYTES)
    if read.text is not None or read.action == "decode":
        return digest(read.data)
    try:
        info = os.stat(path)
        return digest(f"{read.problem}:{info.st_size}:{info.st_mtime_ns}".encode())
    except OSError:
        return digest(read.problem.encode())


def current(script: str, dependencies: tuple[Dependency, ...]) -> tuple[Dependency, ...]:
    """The lookups of ``dependencies`` made again for ``script`` where it is now: what each
    finds today, and its content's digest (equal to ``dependencies`` when nothing changed)."""
    here = os.path.dirname(os.path.abspath(script))
    roots = search_roots(script)
    digests: dict[str, str] = {}
    made = []
    for dep in dependencies:
        importer = os.path.join(here, dep.importer) if dep.importer else os.path.abspath(script)
        found = resolve(importer, dep.name, dep.level, roots)
        where, digested = None, None
        if found is not None:
            where = relative(found.path, here)
            if not found.namespace:
                if found.path not in digests:
                    digests[found.path] = file_digest(found.path)
                digested = digests[found.path]
        made.append(Dependency(dep.importer, dep.name, dep.level, where, digested))
    return tuple(made)


def relative(path: str, directory: str) -> str:
    """``path`` relative to ``directory``, with ``/`` separators."""
    return os.path.relpath(path, directory).replace(os.sep, "/")


def imports_any(script: str, modules: list[str]) -> bool:
    """Whether ``script`` imports one of its project's modules among ``modules`` (dotted
    names, with leading dots when relative)."""
    return next(_imported(script, modules), None) is not None


def imported_files(script: str, modules: list[str]) -> list[str]:
    """The files of the project's modules among ``modules`` that ``script`` imports (a
    namespace package has none)."""
    return [found.path for found in _imported(script, modules) if not found.namespace]


def _imported(script: str, modules: list[str]) -> Iterator[Found]:
    if not in_project(script):
        return
    roots: tuple[str, ...] | None = None
    for module in modules:
        name = module.lstrip(".")
        level = len(module) - len(name)
        if roots is None:
            roots = search_roots(script)
        found = resolve(os.path.abspath(script), name, level, roots)
        if found is not None:
            yield found

"""Find the files to check: explicit files as given, directories walked for ``*.py`` and
``*.ipynb``.

Stdlib only and cheap to import: this runs before anything heavy is loaded.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field

WALKED_SUFFIXES = (".py", ".ipynb")
"""Files a directory walk collects: Python modules and Jupyter notebooks."""

# Directory names never entered while walking (explicitly named roots are always entered).
SKIP_DIR_NAMES = frozenset(
    {
        "venv",
        ".venv",
        "env",
        "site-packages",
        "__pycache__",
        "node_modules",
        "build",
        "dist",
        ".tox",
        ".nox",
    }
)


def is_skipped_dir(name: str, path: str) -> bool:
    """Whether a directory met while walking is skipped: hidden, virtualenv or build output."""
    if name.startswith(".") or name in SKIP_DIR_NAMES or name.endswith(".egg-info"):
        return True
    return os.path.isfile(os.path.join(path, "pyvenv.cfg"))


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # paths given that do not exist
    unreadable: list[str] = field(default_factory=list)  # directories that could not be listed
    errors: list[str] = field(default_factory=list)  # one-line messages about them


def discover(paths: list[str]) -> Discovery:
    """Files to check for ``paths``, deduplicated and sorted by path components.

    Explicitly named files are kept whatever their suffix (reading them says whether they can be
    checked); directories are walked for ``WALKED_SUFFIXES`` files, skipping hidden entries,
    virtualenvs and build folders below the root. Symlinked directories are not followed.
    Absolute paths below the working directory are reported relative to it. Special files are
    kept (reading refuses them without opening them); a path that cannot be looked up for
    another reason than its absence (a directory without search permission) is reported as
    unreadable.
    """
    found = Discovery()
    seen: set[str] = set()
    collected: list[str] = []

    cwd = os.getcwd()

    def add(path: str) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            collected.append(_relative(path, cwd))

    for raw in paths:
        try:
            os.lstat(raw)
        except OSError as exc:
            if exc.errno in (errno.ENOENT, errno.ENOTDIR):
                found.missing.append(raw)
            else:  # e.g. inside a directory without search permission
                found.unreadable.append(raw)
                found.errors.append(f"seqlint: error: cannot read {raw}: {_reason(exc)}")
            continue
        if os.path.isdir(raw):
            for path in _walk(raw, found):
                add(path)
        else:
            add(raw)  # a file, a broken link or a special file: reading it reports the problem
    collected.sort(key=_sort_key)
    found.files = collected
    return found


def _relative(path: str, cwd: str) -> str:
    """An absolute path below the working directory as a relative one, so that output and
    cache sharing do not depend on where a checkout lives (CI shards, containers)."""
    if os.path.isabs(path):
        relative = os.path.relpath(path, cwd)
        if not relative.startswith(os.pardir):
            return relative
    return path


def _sort_key(path: str) -> tuple[str, ...]:
    return tuple(os.path.normpath(path).split(os.sep))


def _walk(root: str, found: Discovery) -> list[str]:
    files: list[str] = []
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            found.unreadable.append(directory)
            found.errors.append(
                f"seqlint: error: cannot read directory {directory}: {_reason(exc)}"
            )
            continue
        subdirs: list[str] = []
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if not is_skipped_dir(entry.name, entry.path):
                        subdirs.append(os.path.normpath(entry.path))
                elif (
                    entry.name.endswith(WALKED_SUFFIXES)
                    and not entry.name.startswith(".")
                    # regular files, and special files (FIFO, socket, device) so that reading
                    # refuses them with a message; links to nowhere are left out
                    and (entry.is_file() or os.path.exists(entry.path))
                ):
                    files.append(os.path.normpath(entry.path))
            except OSError:
                continue
        stack.extend(reversed(subdirs))
    return files


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__

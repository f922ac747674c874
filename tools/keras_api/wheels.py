"""The pinned wheels, fetched with ``pip download`` into a git-ignored cache and checked
against their sha256."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.keras_api.releases import Release

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CACHE = REPO / ".cache" / "keras-wheels"


def cache_dir() -> Path:
    """``$SEQLINT_KERAS_WHEELS`` or ``.cache/keras-wheels`` in the repository."""
    return Path(os.environ.get("SEQLINT_KERAS_WHEELS", DEFAULT_CACHE))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cached(release: Release, cache: Path) -> Path | None:
    """The release's wheel in the cache, if there and intact."""
    prefix = f"{release.package}-{release.version}-".lower()
    for path in sorted(cache.glob("*.whl")):
        if path.name.lower().startswith(prefix) and sha256(path) == release.sha256:
            return path
    return None


def fetch(release: Release, cache: Path) -> Path:
    """The release's wheel, downloaded first if the cache lacks it."""
    found = cached(release, cache)
    if found is not None:
        return found
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        requirements = Path(scratch) / "requirements.txt"
        requirements.write_text(f"{release.requirement} --hash=sha256:{release.sha256}\n")
        command = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--only-binary=:all:",
            "--ignore-requires-python",
            "--require-hashes",
            "--disable-pip-version-check",
            "-r",
            str(requirements),
            "-d",
            str(cache),
        ]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    found = cached(release, cache)
    if found is None:
        raise RuntimeError(f"pip download gave no wheel for {release.requirement}")
    return found


def hash_of(requirement: str, cache: Path) -> str:
    """Download ``DIST==VERSION`` (no hash known yet) and return its wheel's sha256."""
    with tempfile.TemporaryDirectory() as scratch:
        command = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--only-binary=:all:",
            "--ignore-requires-python",
            requirement,
            "-d",
            scratch,
        ]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        (wheel,) = Path(scratch).glob("*.whl")
        cache.mkdir(parents=True, exist_ok=True)
        target = cache / wheel.name
        target.write_bytes(wheel.read_bytes())
        return sha256(target)

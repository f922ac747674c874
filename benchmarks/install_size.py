"""On-disk size of what ``pip install -e ".[test]"`` installs, without installing it.

Prints numbers; asserts nothing. Run, in a fresh venv (``python -m venv /tmp/v``), the resolver
only (pip reads the packages' metadata, installs nothing):

    /tmp/v/bin/pip install --dry-run --ignore-installed --report report.json -e ".[test]"

then, with a Python where those distributions are installed (the sizes come from their
RECORD files, and their files on disk): ``python benchmarks/install_size.py report.json``.

``tensorflow-cpu`` and ``tensorflow`` (which tf-keras requires) install into the same
``tensorflow/`` directory: the full wheel's files replace the CPU wheel's, so the venv holds
the larger one, plus the files only the CPU wheel has.
"""

from __future__ import annotations

import json
import sys
from importlib import metadata
from pathlib import Path, PurePosixPath

SHARED = ("tensorflow", "tensorflow_cpu")  # one directory, two wheels


def record_sizes(name: str) -> dict[PurePosixPath, int]:
    """Each installed file of distribution ``name`` (as its RECORD lists it) and its size."""
    files = metadata.distribution(name).files or []
    return {PurePosixPath(str(f)): f.size or 0 for f in files}


def main(report_path: str) -> None:
    with open(report_path, encoding="utf-8") as fh:
        report = json.load(fh)
    names = sorted(item["metadata"]["name"] for item in report["install"])
    sizes: dict[str, dict[PurePosixPath, int]] = {}
    for name in names:
        try:
            sizes[name] = record_sizes(name)
        except metadata.PackageNotFoundError:
            print(f"not installed here, not counted: {name}")
    print(f"{len(names)} distributions resolved")
    for name, files in sorted(sizes.items(), key=lambda item: -sum(item[1].values()))[:8]:
        print(f"  {name:24s} {sum(files.values()) / 1e9:5.2f} GB")
    others = sum(sum(f.values()) for n, f in sizes.items() if n not in (*SHARED, "tf_keras"))
    cpu, full = sizes.get("tensorflow_cpu", {}), sizes.get("tensorflow", {})
    merged = {**cpu, **full}  # the full wheel's file wins where both have one
    with_full = others + sum(sizes.get("tf_keras", {}).values()) + sum(merged.values())
    print(f"the test extra:           {with_full / 1e9:5.2f} GB")
    print(f"without tf-keras:         {(others + sum(cpu.values())) / 1e9:5.2f} GB")
    print(f"on disk here, with .pyc:  {on_disk(sizes) / 1e9:5.2f} GB (each file once)")


def on_disk(sizes: dict[str, dict[PurePosixPath, int]]) -> int:
    """The bytes the listed files (compiled bytecode included) take where they are installed."""
    found: dict[Path, int] = {}
    for name in sizes:
        dist = metadata.distribution(name)
        for file in dist.files or []:
            path = Path(str(dist.locate_file(file))).resolve()
            if path.is_file():
                found[path] = path.stat().st_size
    return sum(found.values())


if __name__ == "__main__":
    main(sys.argv[1])

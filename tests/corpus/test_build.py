"""tests/corpus/build.py re-creates vendored files from release archives, offline here: pip
takes a wheel made in the test from ``--find-links`` instead of the index."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from tests.corpus import build

SOURCE = b"from keras import layers\nlstm = layers.LSTM(8)\n"


def _wheel(folder: Path) -> Path:
    path = folder / "tinycorpus-1.0-py3-none-any.whl"
    info = "tinycorpus-1.0.dist-info"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("tinycorpus/model.py", SOURCE)
        z.writestr(f"{info}/METADATA", "Metadata-Version: 2.1\nName: tinycorpus\nVersion: 1.0\n")
        z.writestr(
            f"{info}/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        )
        z.writestr(f"{info}/RECORD", "")
    return path


def _manifest(folder: Path, wheel: Path, file_sha: str) -> Path:
    entry = {
        "path": "tinycorpus-1.0/tinycorpus/model.py",
        "package": "tinycorpus",
        "version": "1.0",
        "archive": wheel.name,
        "archive_sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
        "member": "tinycorpus/model.py",
        "sha256": file_sha,
    }
    path = folder / "manifest.json"
    path.write_text(json.dumps({"files": [entry]}))
    return path


def test_build_writes_the_member_and_check_then_agrees(tmp_path: Path):
    wheel = _wheel(tmp_path)
    manifest = _manifest(tmp_path, wheel, hashlib.sha256(SOURCE).hexdigest())
    target = tmp_path / "real"
    assert build.check(manifest, target) == ["missing: tinycorpus-1.0/tinycorpus/model.py"]
    build.build(str(tmp_path), manifest, target)
    assert (target / "tinycorpus-1.0/tinycorpus/model.py").read_bytes() == SOURCE
    assert build.check(manifest, target) == []
    (target / "tinycorpus-1.0/tinycorpus/model.py").write_bytes(SOURCE + b"# edited\n")
    assert build.check(manifest, target) == ["changed: tinycorpus-1.0/tinycorpus/model.py"]


def test_build_refuses_a_member_whose_hash_differs(tmp_path: Path, monkeypatch):
    wheel = _wheel(tmp_path)
    manifest = _manifest(tmp_path, wheel, "0" * 64)
    monkeypatch.setattr(build, "_download", lambda *args: wheel)
    with pytest.raises(SystemExit, match="sha256 differs"):
        build.build(str(tmp_path), manifest, tmp_path / "real")

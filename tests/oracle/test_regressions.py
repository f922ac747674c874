"""Disagreements the oracle found, minimized, kept as regression tests.

Each ``regressions/*.py`` file records in its header what real Keras does with it
(``# keras: raises <Exception> (...)`` or ``# keras: runs``) and whether seqlint already
agrees (``# status: fixed``) or not yet (``# status: open``: a known seqlint bug, run as a
strict xfail so that fixing it turns the test red until the header says ``fixed``).
A line marked ``# seqlint: error`` is where seqlint must report an error.

The seqlint side is fast and always runs; proving the recorded Keras verdict is marked
``keras``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.oracle.keras_runner import run_scripts

HERE = Path(__file__).resolve().parent
FILES = sorted((HERE / "regressions").glob("*.py"))

KERAS = re.compile(r"^# keras: (raises (\w+)|runs)", re.M)
STATUS = re.compile(r"^# status: (open|fixed)", re.M)
MARK = re.compile(r"#\s*seqlint: error\s*$")


def header(path: Path) -> tuple[str | None, str]:
    text = path.read_text()
    k, s = KERAS.search(text), STATUS.search(text)
    assert k and s, f"{path.name}: missing '# keras:' or '# status:' header"
    return k.group(2), s.group(1)


def marked_lines(path: Path) -> set[int]:
    lines = path.read_text().splitlines()
    return {i for i, line in enumerate(lines, start=1) if MARK.search(line)}


def lint(path: Path) -> list:
    from seqlint.engine import check_paths

    return check_paths([str(path)], jobs=1).diagnostics


def _param(path: Path):
    _exc, status = header(path)
    marks = []
    if status == "open":
        marks.append(pytest.mark.xfail(strict=True, reason="known seqlint disagreement"))
    return pytest.param(path, id=path.stem, marks=marks)


@pytest.mark.parametrize("path", [_param(p) for p in FILES])
def test_seqlint_agrees_with_keras(path: Path):
    exc, _status = header(path)
    errors = [d for d in lint(path) if d.severity.value == "error"]
    if exc is None:
        assert not errors, f"false error: {[(d.code, d.line, d.message) for d in errors]}"
        return
    assert errors, "Keras raises, seqlint reports no error"
    want = marked_lines(path)
    if want:
        assert want & {d.line for d in errors}, (want, [(d.code, d.line) for d in errors])


@pytest.mark.keras
def test_recorded_keras_verdicts():
    verdicts = run_scripts([(str(p), str(p)) for p in FILES], workers=2)
    wrong = []
    for p in FILES:
        exc, _status = header(p)
        v = verdicts[str(p)]
        got = v.get("exc_type") if v.get("status") == "error" else None
        if v.get("status") not in ("ok", "error") or got != exc:
            wrong.append((p.name, exc, v.get("status"), got, v.get("message", "")[:200]))
    assert not wrong, wrong

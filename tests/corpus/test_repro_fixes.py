"""``--fix`` on the reproduced user bugs (tests/corpus/repros): every repro a fix changes
loses the finding, and the fixed script runs in real Keras 3 (one the fixes repair only in
part still reports what is left). The counts are the "fixed
automatically" figures of docs/accuracy.md."""

from __future__ import annotations

import shutil
from functools import cache

import pytest

from seqlint.analysis import lint_source
from seqlint.fixing import fix_source
from tests.corpus.corpus import ENTRY, Repro, errors, repros
from tests.oracle.keras_runner import run_scripts

# bad repros fixed by --fix alone, and with --unsafe-fixes too
SAFE_FLOOR = 13
ALL_FLOOR = 19


@cache
def fixed(unsafe: bool) -> dict[str, tuple[Repro, str]]:
    """Bad repro name -> (repro, fixed source), for the repros the fixes change."""
    found = {}
    for repro in repros():
        if repro.bad:
            text = repro.entry.read_text(encoding="utf-8")
            source = fix_source(text, str(repro.entry), unsafe=unsafe).source
            if source != text:
                found[repro.name] = (repro, source)
    return found


def test_the_fixes_repair_the_floor_and_remove_the_findings() -> None:
    assert len(fixed(unsafe=False)) >= SAFE_FLOOR
    assert len(fixed(unsafe=True)) >= ALL_FLOOR
    for repro, source in fixed(unsafe=True).values():
        codes = {marker.code for marker in repro.markers}
        left = [d for d in lint_source(source, str(repro.entry)) if d.code in codes]
        assert not left, (repro.name, [(d.line, d.code, d.message) for d in left])


# Repros the fixes repair only in part: seqlint still reports the error left (it has no fix).
PARTIAL = {
    "lstm_output_dim_keras1_kwargs_bad": "SL117's rename output_dim= -> units= leaves SL102 "
    "(LSTM's input declared by input_dim= without a time axis), which has no fix",
}


def test_partly_fixed_repros_still_report_what_is_left() -> None:
    for name, (repro, source) in fixed(unsafe=True).items():
        if name in PARTIAL:
            left = errors(lint_source(source, str(repro.entry)))
            assert left, name


@pytest.mark.keras
def test_every_fixed_repro_runs_in_keras(tmp_path) -> None:
    pytest.importorskip("tensorflow")
    jobs = []
    for name, (repro, source) in fixed(unsafe=True).items():
        if name in PARTIAL:
            continue
        if repro.path.is_dir():  # the fixed script beside the modules it imports
            project = shutil.copytree(repro.path, tmp_path / name)
            (project / ENTRY).write_text(source, encoding="utf-8")
            jobs.append((name, str(project)))
            continue
        script = tmp_path / f"{name}.py"
        script.write_text(source, encoding="utf-8")
        jobs.append((name, str(script)))
    verdicts = run_scripts(jobs)
    failed = {
        name: (v.get("status"), v.get("exc_type"), v.get("message", "")[:300])
        for name, v in verdicts.items()
        if v.get("status") != "ok"
    }
    assert not failed, failed

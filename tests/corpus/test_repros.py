"""seqlint on reproductions of shape bugs that users reported (tests/corpus/repros).

Each ``*_bad.py`` is caught when seqlint reports an error on its ``# expect:`` line (a warning
counts too for a silent bug, ``# keras: silent``; the code in the marker is the rule meant to
report it; for a rule that does not exist yet it is a provisional code in the range its issue
reserves, and the test does not compare codes).
Repros seqlint does not catch yet say ``# status: missed: REASON`` and run as strict xfails,
so the feature that catches them turns them red until the header says caught.
Every ``*_good.py`` (the fix the thread gives) must get no error (in a silent pair, no
warning either).  A report across files is a
directory whose ``train.py`` is the script: every file of it is linted, a finding in an imported
module counts at its origin there too, and no file of a fixed twin may get an error.  The
recall over all bad repros may not drop below ``RECALL_FLOOR``.  What real Keras 3 does with
each file is proven in test_repros_keras.py.
"""

from __future__ import annotations

import pytest

from tests.corpus.corpus import (
    FAMILIES,
    REPROS,
    Repro,
    caught,
    lint_tree,
    places_of,
    read_repro,
    reports,
    repros,
)

ALL = repros()
BAD = [r for r in ALL if r.bad]
GOOD = [r for r in ALL if not r.bad]

# caught / total over every bad repro, measured when the corpus was last updated
# (docs/accuracy.md, "Real-world code"). Raise it as features land; lower it only when new
# repros of families seqlint does not cover yet join the corpus (say so in accuracy.md).
RECALL_FLOOR = 147 / 149


def _reports_of(repro: Repro) -> list:
    found = lint_tree(REPROS)
    return [d for file in repro.files for d in reports(repro, found.get(file, []))]


def _caught(repro: Repro) -> bool:
    return caught(repro, places_of(_reports_of(repro)))


def _param(repro: Repro, flagged_status: str):
    marks = []
    if repro.status == flagged_status:
        marks.append(pytest.mark.xfail(strict=True, reason=repro.reason))
    return pytest.param(repro, id=repro.name, marks=marks)


def test_repros_are_paired_and_headed():
    assert len(BAD) >= 30
    for repro in ALL:
        assert repro.twin.exists(), f"{repro.path.name} has no twin"
        assert repro.family in FAMILIES, f"{repro.path.name}: '# Family:' one of {FAMILIES}"
        twin = read_repro(repro.twin)
        assert twin.family == repro.family, f"{repro.path.name}: twin's family"
        assert repro.checks_silence == twin.checks_silence, f"{repro.path.name}: silent_check()"
        if repro.bad:
            assert len(repro.markers) == 1, f"{repro.path.name}: one '# expect:' marker"
            raises_or_silent = bool(repro.keras_raises) != repro.keras_silent
            assert raises_or_silent, f"{repro.path.name}: a bad repro raises or is silent"
            assert repro.keras_silent == repro.checks_silence, f"{repro.path.name}: silent_check()"
            assert repro.status in ("caught", "missed"), repro.path.name
        else:
            assert not repro.markers, f"{repro.path.name}: markers belong to bad files"
            assert repro.keras_raises is None, f"{repro.path.name}: a fixed repro must run"
            assert not repro.keras_silent, f"{repro.path.name}: a fixed repro is not silent"
            assert repro.status in ("caught", "false-alarm"), repro.path.name
        if repro.status != "caught":
            assert repro.reason, f"{repro.path.name}: say why"


@pytest.mark.parametrize("repro", [_param(r, "missed") for r in BAD])
def test_bad_repro_reported_at_its_marker(repro: Repro):
    found = [(d.code, d.path, d.line) for d in _reports_of(repro)]
    marker = repro.markers[0]
    assert _caught(repro), f"errors {found}, expected one at {marker.file}:{marker.line}"


@pytest.mark.parametrize("repro", [_param(r, "false-alarm") for r in GOOD])
def test_fixed_repro_gets_no_error(repro: Repro):
    found = [(d.code, d.path, d.line, d.message) for d in _reports_of(repro)]
    assert not found, f"false alarm: {found}"


def test_recall_on_reported_bugs_does_not_drop():
    caught = [r for r in BAD if _caught(r)]
    recall = len(caught) / len(BAD)
    print(f"recall on reproduced user reports: {len(caught)}/{len(BAD)} = {recall:.1%}")
    assert recall >= RECALL_FLOOR - 1e-9


def test_silent_verdict_and_check_are_read_from_the_script(tmp_path):
    header = "# Source: https://example.org/1\n# Family: post-padding\n"
    silent = tmp_path / "x_bad.py"
    silent.write_text(header + "# keras: silent\ndef silent_check():\n    return True\n")
    raising = tmp_path / "y_bad.py"
    raising.write_text(header + "# keras: raises ValueError\n")
    s, r = read_repro(silent), read_repro(raising)
    assert (s.keras_raises, s.keras_silent, s.checks_silence) == (None, True, True)
    assert (r.keras_raises, r.keras_silent, r.checks_silence) == ("ValueError", False, False)
    assert s.counts("warning") and s.counts("error") and not s.counts("info")
    assert not r.counts("warning") and r.counts("error")

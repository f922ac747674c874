"""seqlint on published Keras sequence-model code (tests/corpus/real, listed in manifest.json).

Every file must be analysed without an internal error (SL901), and the errors seqlint reports
must be exactly the manifest's ``expected_errors``: Keras-2-era calls that Keras 3 rejects, each
with its reason.  Any other error is a false alarm on published code.  A file with a
``known_issue`` (an internal error or false alarm nobody has fixed yet) is a strict xfail, so
the fix turns it red until the manifest is updated.
"""

from __future__ import annotations

import hashlib

import pytest

from tests.corpus.corpus import HERE, REAL, errors, lint_tree, manifest

ENTRIES = manifest()


def _param(entry: dict):
    marks = []
    if "known_issue" in entry:
        issue = entry["known_issue"]
        marks.append(pytest.mark.xfail(strict=True, reason=f"{issue['kind']}: {issue['reason']}"))
    return pytest.param(entry, id=entry["path"], marks=marks)


def test_manifest_lists_exactly_the_vendored_files():
    on_disk = {p.relative_to(REAL).as_posix() for p in REAL.rglob("*") if p.is_file()}
    listed = [e["path"] for e in ENTRIES]
    assert len(listed) == len(set(listed)), "duplicate manifest entries"
    assert on_disk == set(listed)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["path"])
def test_vendored_file_is_unchanged_and_licensed(entry: dict):
    data = (REAL / entry["path"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    assert data.count(b"\n") == entry["lines"]
    assert (HERE / entry["licence_file"]).is_file()
    for field in ("package", "version", "archive", "archive_sha256", "member", "licence"):
        assert entry[field], field
    for expected in entry["expected_errors"]:
        assert expected["reason"].strip(), "every expected error needs its reason"


@pytest.mark.parametrize("entry", [_param(e) for e in ENTRIES])
def test_no_internal_error_and_only_expected_errors(entry: dict):
    diagnostics = lint_tree(REAL).get(entry["path"], [])
    internal = [d.message for d in diagnostics if d.code == "SL901"]
    assert not internal, internal
    found = {(d.code, d.line) for d in errors(diagnostics)}
    expected = {(e["code"], e["line"]) for e in entry["expected_errors"]}
    unexpected = sorted(found - expected)
    assert not unexpected, "false alarm(s): " + "; ".join(
        f"{d.code} line {d.line}: {d.message}"
        for d in errors(diagnostics)
        if (d.code, d.line) in unexpected
    )
    assert expected <= found, f"expected errors not reported: {sorted(expected - found)}"


def test_corpus_size():
    """The corpus stays a real sample: enough files, lines and sources."""
    assert len(ENTRIES) >= 90
    assert sum(e["lines"] for e in ENTRIES) >= 16_000
    assert len({e["package"] for e in ENTRIES}) >= 14

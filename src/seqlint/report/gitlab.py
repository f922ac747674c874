"""``--format gitlab``: a GitLab Code Quality report (a JSON array of issues), shown in merge
requests when a CI job stores it as ``artifacts: reports: codequality``."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence

from seqlint.diagnostic import Diagnostic, Severity
from seqlint.report.shared import cell_prefix, file_region

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(diagnostics: Sequence[Diagnostic], files_checked: int = 0) -> str:
    """One issue per diagnostic: ``description``, ``check_name``, ``fingerprint``,
    ``severity`` and ``location.path`` / ``location.lines.begin``."""
    seen: Counter[str] = Counter()
    issues = []
    for d in diagnostics:
        line = file_region(d)[0]
        issues.append(
            {
                "type": "issue",
                "description": f"{d.code} {cell_prefix(d)}{d.message}",
                "check_name": f"{d.code} {d.name}",
                "fingerprint": _fingerprint(d, seen),
                "severity": SEVERITY[d.severity],
                "location": {"path": d.path, "lines": {"begin": line, "end": line}},
            }
        )
    return json.dumps(issues, indent=2)


def _fingerprint(d: Diagnostic, seen: Counter[str]) -> str:
    """Stable across runs for the same finding; the same finding twice in a file (same code,
    cell and message) is told apart by its rank, not its line, so that edits above it keep it."""
    key = "\0".join((d.path, d.code, str(d.cell), d.message))
    seen[key] += 1
    return hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()

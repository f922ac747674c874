"""``--format json``: one JSON object on stdout, for CI, editors and scripts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from seqlint.diagnostic import Diagnostic
from seqlint.report.shared import rule_url


def diagnostic_object(diagnostic: Diagnostic) -> dict[str, object]:
    """``Diagnostic.to_json()`` (with ``cell``: a notebook's 1-based cell, else null) and
    ``url``, the page of the rule."""
    return {**diagnostic.to_json(), "url": rule_url(diagnostic.code)}


def to_document(
    diagnostics: Iterable[Diagnostic],
    files_checked: int,
    run: Mapping[str, object] | None = None,
) -> dict[str, object]:
    """``{"diagnostics": [diagnostic_object(), ...], "files_checked": N, **run}``; ``run``
    adds what the command line knows of the run (keras_target, models_analysed,
    not_analysed, skipped_files)."""
    return {
        "diagnostics": [diagnostic_object(diagnostic) for diagnostic in diagnostics],
        "files_checked": files_checked,
        **(run or {}),
    }


def render(
    diagnostics: Iterable[Diagnostic],
    files_checked: int,
    run: Mapping[str, object] | None = None,
) -> str:
    return json.dumps(to_document(diagnostics, files_checked, run), indent=2)

"""``--format json``: one JSON object on stdout, for CI, editors and scripts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from seqlint.diagnostic import Diagnostic


def to_document(
    diagnostics: Iterable[Diagnostic],
    files_checked: int,
    run: Mapping[str, object] | None = None,
) -> dict[str, object]:
    """``{"diagnostics": [Diagnostic.to_json(), ...], "files_checked": N, **run}``; ``run``
    adds what the command line knows of the run (keras_target, models_analysed,
    not_analysed, skipped_files)."""
    return {
        "diagnostics": [diagnostic.to_json() for diagnostic in diagnostics],
        "files_checked": files_checked,
        **(run or {}),
    }


def render_json(
    diagnostics: Iterable[Diagnostic],
    files_checked: int,
    run: Mapping[str, object] | None = None,
) -> str:
    return json.dumps(to_document(diagnostics, files_checked, run), indent=2)

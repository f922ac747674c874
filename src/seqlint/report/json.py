"""``--format json``: one JSON object on stdout, for CI, editors and scripts."""

from __future__ import annotations

import json
from collections.abc import Iterable

from seqlint.diagnostic import Diagnostic


def to_document(diagnostics: Iterable[Diagnostic], files_checked: int) -> dict[str, object]:
    """``{"diagnostics": [Diagnostic.to_json(), ...], "files_checked": N}``."""
    return {
        "diagnostics": [diagnostic.to_json() for diagnostic in diagnostics],
        "files_checked": files_checked,
    }


def render_json(diagnostics: Iterable[Diagnostic], files_checked: int) -> str:
    return json.dumps(to_document(diagnostics, files_checked), indent=2)

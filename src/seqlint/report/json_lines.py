"""``--format json-lines``: one JSON object per diagnostic per line (the objects of
``--format json``), nothing for a clean run: easy to stream, grep and ``jq``."""

from __future__ import annotations

import json
from collections.abc import Sequence

from seqlint.diagnostic import Diagnostic
from seqlint.report.json import diagnostic_object


def render(diagnostics: Sequence[Diagnostic], files_checked: int) -> str:
    return "\n".join(json.dumps(diagnostic_object(d)) for d in diagnostics)

"""``--statistics``: how many times each code is reported, most frequent first."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

from seqlint.diagnostic import Diagnostic


def statistics(diagnostics: Iterable[Diagnostic]) -> list[dict[str, object]]:
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for diagnostic in diagnostics:
        counts[diagnostic.code] += 1
        names[diagnostic.code] = diagnostic.name
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [{"code": code, "name": names[code], "count": count} for code, count in ordered]


def render_statistics(diagnostics: Iterable[Diagnostic], *, json_format: bool = False) -> str:
    """``   3  SL101  missing-time-axis`` lines (or a JSON list of {code, name, count})."""
    rows = statistics(diagnostics)
    if json_format:
        return json.dumps(rows, indent=2)
    width = max((len(str(row["count"])) for row in rows), default=1)
    return "\n".join(f"{row['count']:>{width}}  {row['code']}  {row['name']}" for row in rows)

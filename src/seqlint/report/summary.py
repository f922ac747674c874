"""``seqlint shapes`` output: one static ``model.summary()`` table per model."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from seqlint.report.text import (
    HEAD_HANG,
    Line,
    is_utf,
    printable,
    printable_rows,
    trace_lines,
    wrap,
    write_lines,
)
from seqlint.summary import ModelSummary

FileSummaries = tuple[str, Sequence[ModelSummary]]  # path, its models


def render_summaries_text(
    files: Sequence[FileSummaries],
    stream: TextIO,
    *,
    color: bool = False,
    width: int | None = None,
) -> None:
    """One table per model; ``width``: fit them to that many columns (None: never wrap)."""
    lines: list[Line] = []
    for path, models in files:
        for model in models:
            if lines:
                lines.append([])  # a blank line between models
            place = printable(f"{path}:{model.location}:")
            title = printable(f" {model.name} ({model.kind})")
            lines.extend(wrap([(place, "bold"), (title, "bold")], width, HEAD_HANG, keep=1))
            if model.rows:
                params = [layer.params_text for layer in model.layers]
                rows = trace_lines(
                    printable_rows(model.rows),
                    ascii_only=not is_utf(stream),
                    params=params,
                    width=width,
                )
                lines.extend(rows)
            else:
                lines.append([("  no layers found", "dim")])
            total = "?" if model.total is None else f"{model.total:,}"
            lines.append([(f"  total params: {total}", "bold")])
    if not lines:
        lines.append([("No models found.", "bold")])
    write_lines(lines, stream, color=color)


def render_summaries_json(files: Sequence[FileSummaries]) -> str:
    return json.dumps(
        {"models": [dict(path=path, **m.to_json()) for path, models in files for m in models]},
        indent=2,
    )

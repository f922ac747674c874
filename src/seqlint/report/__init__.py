"""Output formats. Each module renders a finished run; none of them imports the pipeline.

Every format but ``text`` (which writes to a stream, in color on a terminal) is a module
``seqlint.report.<name>`` with ``render(diagnostics, files_checked) -> str``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence

from seqlint.diagnostic import Diagnostic

FORMATS = ("text", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit")

Renderer = Callable[[Sequence[Diagnostic], int], str]


def renderer(name: str) -> Renderer:
    """The ``render`` function of format ``name`` (imported on demand)."""
    if name not in FORMATS or name == "text":
        raise ValueError(f"no renderer for format {name!r}")
    return importlib.import_module(f"seqlint.report.{name.replace('-', '_')}").render

"""The command transcripts in README.md and docs/output-formats.md are what seqlint prints.

Every fenced block without a language whose first line is ``$ seqlint ...`` is run from the
repository root and its output (stdout and stderr, as a terminal shows them) must be the rest
of the block. A block cut short on purpose carries a language (```diff, ```json) and is not
compared. ``SEQLINT_UPDATE_DOCS=1 pytest tests/test_doc_transcripts.py`` rewrites the blocks.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from seqlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", ROOT / "docs" / "output-formats.md"]
TRANSCRIPT = re.compile(r"^```\n(\$ seqlint ([^\n]*)\n)(.*?)^```", re.M | re.S)


def transcripts() -> list[tuple[Path, str]]:
    return [
        (path, match.group(2))
        for path in DOCS
        for match in TRANSCRIPT.finditer(path.read_text(encoding="utf-8"))
    ]


def output_of(command: str, cache: Path) -> str:
    result = CliRunner().invoke(
        main, shlex.split(command), env={"SEQLINT_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    )
    return result.output


def test_the_docs_show_transcripts() -> None:
    assert len(transcripts()) >= 10


@pytest.mark.parametrize(
    ("path", "command"), transcripts(), ids=lambda v: v.name if isinstance(v, Path) else v[:60]
)
def test_a_transcript_is_what_seqlint_prints(path: Path, command: str, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    text = path.read_text(encoding="utf-8")
    shown = {m.group(2): m for m in TRANSCRIPT.finditer(text)}[command]
    printed = output_of(command, tmp_path)
    if os.environ.get("SEQLINT_UPDATE_DOCS") == "1" and printed != shown.group(3):
        text = text[: shown.start(3)] + printed + text[shown.end(3) :]
        path.write_text(text, encoding="utf-8")
        return
    assert printed == shown.group(3)

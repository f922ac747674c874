"""Reading the real-world corpus: the manifest of vendored files and the repro headers.

``real/`` holds published Keras code, byte-identical to PyPI release archives and listed in
``manifest.json``.  ``repros/`` holds minimal reproductions of shape bugs that users reported,
as ``NAME_bad.py`` / ``NAME_good.py`` pairs whose header comments say where the report is,
what Keras 3 does (``# keras: raises ExcType``, ``# keras: runs``, or ``# keras: silent`` for a
bad file that runs and shows a silent bug: then both files of the pair define
``silent_check()``, true after the bad script and false after the good one) and whether seqlint
catches the bug yet (``# status: caught`` or ``# status: missed: REASON``; a good twin that
seqlint wrongly flags says ``# status: false-alarm: REASON``), and which family of bugs the pair
belongs to (``# Family: NAME``, one of ``FAMILIES``, the same in both files of a pair).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
REAL = HERE / "real"
REPROS = HERE / "repros"
MANIFEST = HERE / "manifest.json"

# The families of bugs a repro pair can belong to (``# Family: NAME``).
FAMILIES = (
    "stacked-recurrent",
    "seq2seq-states",
    "targets-and-losses",
    "input-data",
    "keras3-api",
    "embedding",
    "merge",
    "conv1d-window",
    "custom-attention",
    "lambda-ops",
    "rnn-cell",
    "transformer-mha",
    "cnn-lstm-video",
    "convlstm",
    "text-pipeline",
    "audio-spectrogram",
    "custom-layer-weights",
    "tfdata-pipeline",
    "generator-data",
    "input-feeding",
    "class-counts",
    "numpy-prep",
    "scalers",
    "non-data-args",
    "custom-loss",
    "post-padding",
    "output-activation",
)

_KERAS = re.compile(r"^# keras: (?:raises (\w+)|runs|(silent))\s*$", re.M)
_SILENT_CHECK = re.compile(r"^def silent_check\(\)", re.M)
_STATUS = re.compile(r"^# status: (caught|missed|false-alarm)(?::\s*(.+))?$", re.M)
_SOURCE = re.compile(r"^# Source: (https?://\S+)", re.M)
_FAMILY = re.compile(r"^# Family: (\S+)\s*$", re.M)
_MARKER = re.compile(r"#\s*expect:\s*(SL\d{3})\s*$")


@dataclass(frozen=True)
class Repro:
    path: Path
    bad: bool
    keras_raises: str | None  # exception class name, None when Keras runs it
    keras_silent: bool  # `# keras: silent`: Keras runs it and silent_check() shows the bug
    checks_silence: bool  # the script defines silent_check() (both files of a silent pair)
    status: str  # caught | missed | false-alarm
    reason: str  # why seqlint misses it (or flags it), empty when caught
    source: str
    markers: tuple[tuple[int, str], ...]  # (line, code) of each `# expect:` comment
    family: str | None  # the `# Family:` of the pair, None when the header has none

    @property
    def name(self) -> str:
        return self.path.name.removesuffix(".py")

    def counts(self, severity: str) -> bool:
        """Whether a diagnostic of ``severity`` reports this pair's bug: an error, or, for a
        silent bug (Keras runs it without a word), a warning too."""
        return severity == "error" or (self.checks_silence and severity == "warning")

    @property
    def twin(self) -> Path:
        old, new = ("_bad.py", "_good.py") if self.bad else ("_good.py", "_bad.py")
        return self.path.with_name(self.path.name.replace(old, new))


def read_repro(path: Path) -> Repro:
    text = path.read_text(encoding="utf-8")
    keras = _KERAS.search(text)
    source = _SOURCE.search(text)
    if keras is None or source is None:
        raise ValueError(f"{path.name}: needs '# Source: URL' and '# keras: ...' header lines")
    status = _STATUS.search(text)
    family = _FAMILY.search(text)
    markers = tuple(
        (number, m.group(1))
        for number, line in enumerate(text.splitlines(), start=1)
        if (m := _MARKER.search(line))
    )
    return Repro(
        path=path,
        bad=path.name.endswith("_bad.py"),
        keras_raises=keras.group(1),
        keras_silent=keras.group(2) is not None,
        checks_silence=_SILENT_CHECK.search(text) is not None,
        status=status.group(1) if status else "caught",
        reason=(status.group(2) or "").strip() if status else "",
        source=source.group(1),
        markers=markers,
        family=family.group(1) if family else None,
    )


def repros() -> list[Repro]:
    return [read_repro(p) for p in sorted(REPROS.glob("*.py"))]


def manifest() -> list[dict]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))["files"]


@cache
def lint_tree(root: Path) -> dict[str, list]:
    """seqlint's diagnostics for every file under ``root``, keyed by path relative to it."""
    from seqlint.engine import check_paths

    result = check_paths([str(root)], jobs=1)
    found: dict[str, list] = {}
    for d in result.diagnostics:
        found.setdefault(Path(d.path).resolve().relative_to(root).as_posix(), []).append(d)
    return found


def errors(diagnostics: list) -> list:
    return [d for d in diagnostics if d.severity.value == "error"]


def reports(repro: Repro, diagnostics: list) -> list:
    """The diagnostics that report a bug in ``repro``'s pair (:meth:`Repro.counts`)."""
    return [d for d in diagnostics if repro.counts(d.severity.value)]

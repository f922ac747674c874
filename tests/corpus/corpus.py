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

A report whose code spans modules is a directory pair ``NAME_bad/`` / ``NAME_good/``: its entry
``train.py`` (run as ``python train.py`` in that directory) holds the header, and the
``# expect:`` marker sits on the line of the bug, in the entry or in a module it imports.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tests.oracle.keras_runner import PROJECT_ENTRY

HERE = Path(__file__).resolve().parent
REAL = HERE / "real"
REPROS = HERE / "repros"
MANIFEST = HERE / "manifest.json"
ENTRY = PROJECT_ENTRY  # the script of a directory repro; its other files are modules it imports

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
    "across-files",
)

_KERAS = re.compile(r"^# keras: (?:raises (\w+)|runs|(silent))\s*$", re.M)
_SILENT_CHECK = re.compile(r"^def silent_check\(\)", re.M)
_STATUS = re.compile(r"^# status: (caught|missed|false-alarm)(?::\s*(.+))?$", re.M)
_SOURCE = re.compile(r"^# Source: (https?://\S+)", re.M)
_FAMILY = re.compile(r"^# Family: (\S+)\s*$", re.M)
_MARKER = re.compile(r"#\s*expect:\s*(SL\d{3})\s*$")


@dataclass(frozen=True)
class Marker:
    """An ``# expect: CODE`` comment: its file (relative to ``repros/``) and line."""

    file: str
    line: int
    code: str


@dataclass(frozen=True)
class Repro:
    path: Path  # NAME_bad.py, or the directory NAME_bad/ of a report across files
    bad: bool
    keras_raises: str | None  # exception class name, None when Keras runs it
    status: str  # caught | missed | false-alarm
    reason: str  # why seqlint misses it (or flags it), empty when caught
    source: str
    markers: tuple[Marker, ...]  # each `# expect:` comment
    family: str | None  # the `# Family:` of the pair, None when the header has none
    keras_silent: bool  # `# keras: silent`: Keras runs it and silent_check() shows the bug
    checks_silence: bool  # the script defines silent_check() (both files of a silent pair)

    @property
    def name(self) -> str:
        return self.path.name.removesuffix(".py")

    @property
    def entry(self) -> Path:
        """The script run and linted: the file itself, or a directory's ``train.py``."""
        return self.path / ENTRY if self.path.is_dir() else self.path

    @property
    def files(self) -> tuple[str, ...]:
        """Its Python files, relative to ``repros/``."""
        paths = sorted(self.path.rglob("*.py")) if self.path.is_dir() else [self.path]
        return tuple(p.relative_to(REPROS).as_posix() for p in paths)

    def counts(self, severity: str) -> bool:
        """Whether a diagnostic of ``severity`` reports this pair's bug: an error, or, for a
        silent bug (Keras runs it without a word), a warning too."""
        return severity == "error" or (self.checks_silence and severity == "warning")

    @property
    def twin(self) -> Path:
        old, new = ("_bad", "_good") if self.bad else ("_good", "_bad")
        return self.path.with_name(self.name.removesuffix(old) + new + self.path.suffix)


Place = tuple[str, int, str]
"""Where a diagnostic was reported: file relative to ``repros/``, line, severity."""


def caught(repro: Repro, places: set[Place]) -> bool:
    """Whether a diagnostic that counts (:meth:`Repro.counts`) was reported at one of the
    repro's markers; ``places`` hold each diagnostic's place, and its origin's (a finding in an
    imported module is reported at the line of the script that runs that code)."""
    marked = {(m.file, m.line) for m in repro.markers}
    return any((file, line) in marked and repro.counts(sev) for file, line, sev in places)


def places_of(diagnostics: list) -> set[Place]:
    """The places of ``diagnostics`` (seqlint's Diagnostic objects) and of their origins."""
    found: set[Place] = set()
    for d in diagnostics:
        found.add((relative(d.path), d.line, d.severity.value))
        if d.origin is not None:
            found.add((relative(d.origin.path), d.origin.line, d.severity.value))
    return found


def read_repro(path: Path) -> Repro:
    entry = path / ENTRY if path.is_dir() else path
    text = entry.read_text(encoding="utf-8")
    keras = _KERAS.search(text)
    source = _SOURCE.search(text)
    if keras is None or source is None:
        raise ValueError(f"{path.name}: needs '# Source: URL' and '# keras: ...' header lines")
    status = _STATUS.search(text)
    family = _FAMILY.search(text)
    files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
    markers = tuple(
        Marker(file.relative_to(REPROS).as_posix(), number, m.group(1))
        for file in files
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1)
        if (m := _MARKER.search(line))
    )
    return Repro(
        path=path,
        bad=path.name.removesuffix(".py").endswith("_bad"),
        keras_raises=keras.group(1),
        status=status.group(1) if status else "caught",
        reason=(status.group(2) or "").strip() if status else "",
        source=source.group(1),
        markers=markers,
        family=family.group(1) if family else None,
        keras_silent=keras.group(2) is not None,
        checks_silence=_SILENT_CHECK.search(text) is not None,
    )


def repros() -> list[Repro]:
    return [
        read_repro(p)
        for p in sorted(REPROS.iterdir())
        if p.suffix == ".py" or (p / ENTRY).is_file()
    ]


def manifest() -> list[dict]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))["files"]


@cache
def lint_tree(root: Path) -> dict[str, list]:
    """seqlint's diagnostics for every file under ``root``, keyed by path relative to it."""
    from seqlint.engine import check_paths

    result = check_paths([str(root)], jobs=1)
    found: dict[str, list] = {}
    for d in result.diagnostics:
        found.setdefault(relative(d.path, root), []).append(d)
    return found


def errors(diagnostics: list) -> list:
    return [d for d in diagnostics if d.severity.value == "error"]


def relative(path: str, root: Path = REPROS) -> str:
    """A reported path relative to ``root``, as :attr:`Marker.file` names files."""
    return Path(path).resolve().relative_to(root).as_posix()


def reports(repro: Repro, diagnostics: list) -> list:
    """The diagnostics that report a bug in ``repro``'s pair (:meth:`Repro.counts`)."""
    return [d for d in diagnostics if repro.counts(d.severity.value)]

"""What seqlint reports: a diagnostic with its location, evidence and fix hint."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seqlint.project import Dependency


class Severity(str, Enum):
    ERROR = "error"  # real Keras raises
    WARNING = "warning"  # Keras runs, but the model is almost surely wrong
    INFO = "info"  # style or migration advice


class Applicability(str, Enum):
    """As ruff defines them: a safe fix keeps the program's intent, an unsafe one may change
    what the model learns, so it is applied only with ``--unsafe-fixes``."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True)
class FixNote:
    """What a diagnostic says of the fix ``--fix`` can apply (the edits stay in the analysis)."""

    applicability: Applicability
    message: str


@dataclass(frozen=True)
class TraceRow:
    """One row of the static ``model.summary()`` that explains a diagnostic."""

    layer: str  # e.g. "LSTM(64)"
    line: int
    shape: str  # output shape, e.g. "(batch, 64)", or what was expected on the marked row
    note: str = ""  # e.g. "return_sequences is False: drops the time axis"
    marked: bool = False  # the row the diagnostic is about
    cell: int | None = None  # in a notebook: the 1-based cell of ``line``
    place: str | None = None  # a layer of an imported module: ``model.py:12`` (``line`` runs it)


@dataclass(frozen=True)
class Origin:
    """Where in an imported module of the project the problem of a diagnostic lies: the
    diagnostic itself is at the line of the checked file that runs that code; ``through``
    lists the other imported modules whose code led there (the nearest to the problem
    first). Paths are named like the diagnostic's own (the same directory prefix)."""

    path: str
    line: int
    column: int
    through: tuple[str, ...] = ()


@dataclass(frozen=True)
class Diagnostic:
    """A finding at a 1-based line and column of ``path``; in a notebook, ``cell`` is the
    1-based index of the cell among all cells and ``line``/``end_line`` count inside it."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    message: str
    hint: str = ""
    trace: tuple[TraceRow, ...] = field(default=())
    fix: FixNote | None = None  # the fix ``--fix`` can apply, if any
    cell: int | None = None
    origin: Origin | None = None  # in an imported module: where the problem is there

    @property
    def location(self) -> str:
        """``path:line:column``, or ``path:cell N:line:column`` in a notebook."""
        cell = f"cell {self.cell}:" if self.cell is not None else ""
        return f"{self.path}:{cell}{self.line}:{self.column}"

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["trace"] = [asdict(row) for row in self.trace]
        if self.fix is not None:
            data["fix"] = {
                "applicability": self.fix.applicability.value,
                "message": self.fix.message,
            }
        return data


@dataclass(frozen=True)
class Unanalysed:
    """A model or training call seqlint could not check, and why (e.g. "unknown layer");
    in a notebook, ``line`` is inside code cell ``cell``."""

    path: str
    line: int
    what: str  # e.g. "model `model`", "fit call"
    reason: str
    cell: int | None = None

    @property
    def where(self) -> str:
        """``train.py:12`` or ``nb.ipynb:cell 3:4``."""
        return (
            f"{self.path}:{self.line}"
            if self.cell is None
            else (f"{self.path}:cell {self.cell}:{self.line}")
        )

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class FileResult:
    """One file's outcome: its diagnostics, how many models were analysed, what was not."""

    diagnostics: tuple[Diagnostic, ...] = ()
    models: int = 0
    unanalysed: tuple[Unanalysed, ...] = ()
    dependencies: tuple[Dependency, ...] = ()  # module lookups made across files

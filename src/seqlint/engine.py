"""Orchestration: find files, read and decode them, pre-filter, analyse, collect diagnostics.

Importing this module is cheap (stdlib only). The analysis pipeline (libcst, frontend, shapes,
rules) is imported lazily, only when at least one file needs a parse, and in the worker
processes when files are analysed in parallel.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

from seqlint.diagnostic import Diagnostic, Severity
from seqlint.discover import discover
from seqlint.notebooks import NOTEBOOK_SUFFIX
from seqlint.sources import Source, SourceError, to_source

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Files larger than this are skipped with a warning (generated code, data dumped as Python)."""

MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024
"""Notebooks carry their outputs (plots as base64 images): their file may be this large as long
as their code, once joined, stays under ``MAX_FILE_BYTES``."""

PARALLEL_MIN_FILES = 16
"""Analyse in worker processes only when more files than this need a parse."""

KERAS_MARKER = "keras"
"""Every way the frontend recognises Keras contains this substring (keras, tf.keras,
tensorflow.keras, keras imported from tensorflow): a file without it holds no Keras model."""

SYNTAX_ERROR_CODE, SYNTAX_ERROR_NAME = "SL900", "syntax-error"
INTERNAL_ERROR_CODE, INTERNAL_ERROR_NAME = "SL901", "internal-error"

_MAX_MESSAGE = 300


@dataclass
class CheckResult:
    """Everything one run found; ``errors`` are the one-line messages meant for stderr."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_checked: int = 0  # files read and decoded, including those the pre-filter skipped
    errors: list[str] = field(default_factory=list)
    files_parsed: int = 0  # files that went through the analysis pipeline
    missing: list[str] = field(default_factory=list)  # given paths that do not exist
    unreadable: list[str] = field(default_factory=list)  # unreadable or undecodable files/dirs
    not_source: list[str] = field(default_factory=list)  # neither Python source nor a notebook
    too_large: list[str] = field(default_factory=list)  # files skipped by MAX_FILE_BYTES
    tracebacks: dict[str, str] = field(default_factory=dict)  # path -> internal error traceback

    @property
    def exit_code(self) -> int:
        """2 if a path is missing or nothing at all could be checked; 1 if anything is
        reported; 0 otherwise."""
        if self.missing:
            return 2
        if self.files_checked == 0 and (self.unreadable or self.too_large or self.not_source):
            return 2
        return 1 if self.diagnostics else 0


def check_paths(paths: list[str], *, jobs: int | None = None) -> CheckResult:
    """Check files and directories; diagnostics come in path order, then by position.

    ``jobs`` forces the number of worker processes (1: in-process); by default workers are
    used only when more than ``PARALLEL_MIN_FILES`` files need a parse and several CPUs exist.
    """
    result = CheckResult()
    found = discover(list(paths))
    for path in found.missing:
        result.errors.append(f"seqlint: error: path not found: {path}")
    result.missing.extend(found.missing)
    result.errors.extend(found.errors)
    result.unreadable.extend(found.unreadable)
    if not found.files and not found.missing and not found.unreadable:
        result.errors.append("seqlint: warning: no Python files found in " + ", ".join(paths))

    pending: list[Source] = []
    for path in found.files:
        source = load_source(path, result)
        if source is None:
            continue
        result.files_checked += 1
        if KERAS_MARKER in source.text:
            pending.append(source)

    result.files_parsed = len(pending)
    outcomes = _analyse_all([(source.path, source.text) for source in pending], jobs)
    for source, (diagnostics, trace) in zip(pending, outcomes, strict=True):
        # last step: anything that reads the analysed text by line (suppression comments)
        # must see the diagnostics before a notebook's are placed in their cells
        result.diagnostics.extend(source.place(diagnostic) for diagnostic in diagnostics)
        if trace:
            result.tracebacks[source.path] = trace
    return result


# -- reading -------------------------------------------------------------------------------


def read_source(path: str, max_bytes: int | None = None) -> tuple[str | None, str]:
    """``(text, "")`` or ``(None, problem)``; a problem starting with "too large" is a skip."""
    if max_bytes is None:
        max_bytes = MAX_FILE_BYTES
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            return None, f"too large ({_size(size)}, limit {_size(max_bytes)})"
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        return None, exc.strerror or exc.__class__.__name__
    if len(data) > max_bytes:
        return None, f"too large (over {_size(max_bytes)})"
    return decode_source(data)


def decode_source(data: bytes) -> tuple[str | None, str]:
    """Decode like Python does: a BOM or a PEP 263 coding cookie, else UTF-8."""
    import io
    import tokenize

    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:
        if "invalid or missing encoding declaration" in str(exc):
            encoding = "utf-8"  # the first lines are not UTF-8; decoding below says where
        else:
            return None, str(exc)
    try:
        return data.decode(encoding), ""
    except UnicodeDecodeError as exc:
        name = "UTF-8" if encoding.startswith("utf-8") else encoding
        offset = exc.start + (3 if encoding == "utf-8-sig" else 0)
        return None, f"not valid {name} (byte 0x{data[offset]:02x} at offset {offset})"
    except LookupError as exc:
        return None, str(exc)


def load_source(path: str, result: CheckResult) -> Source | None:
    """Read ``path`` into the source the analysis sees (a notebook's code cells joined, with
    their line map), or record on ``result`` why it cannot be checked."""
    notebook = path.endswith(NOTEBOOK_SUFFIX)
    text, problem = read_source(path, MAX_NOTEBOOK_BYTES if notebook else None)
    if text is not None:
        try:
            source = to_source(path, text)
        except SourceError as exc:
            result.not_source.append(path)
            result.errors.append(f"seqlint: error: {exc}")
            return None
        code_bytes = len(source.text.encode("utf-8")) if notebook else 0
        if code_bytes <= MAX_FILE_BYTES:
            return source
        problem = f"too large ({_size(code_bytes)} of code, limit {_size(MAX_FILE_BYTES)})"
    if problem.startswith("too large"):
        result.too_large.append(path)
        result.errors.append(f"seqlint: warning: skipping {path}: file {problem}")
    else:
        verb = "decode" if problem.startswith("not valid") or "encoding" in problem else "read"
        result.unreadable.append(path)
        result.errors.append(f"seqlint: error: cannot {verb} {path}: {problem}")
    return None


def _size(size: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}".replace(f".0 {unit}", f" {unit}")
    return f"{size} bytes"


# -- analysis ------------------------------------------------------------------------------

Outcome = tuple[list[Diagnostic], str | None]  # diagnostics, traceback of an internal error


def load_analysis() -> tuple[Callable[[str, str], list[Diagnostic]], type[BaseException]]:
    """The pipeline entry point and its parse-failure exception (imports libcst)."""
    from seqlint.analysis import lint_source
    from seqlint.frontend import ParseFailure

    return lint_source, ParseFailure


def analyse_file(path: str, source: str) -> Outcome:
    """Diagnostics for one file; never raises (syntax errors are SL900, crashes SL901)."""
    try:
        lint_source, parse_failure = load_analysis()
        try:
            return list(lint_source(source, path)), None
        except parse_failure as exc:
            return [syntax_error(path, exc)], None
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop the run
        return [internal_error(path, exc)], _format_traceback()


def syntax_error(path: str, exc: BaseException) -> Diagnostic:
    line = _positive(getattr(exc, "line", 1))
    column = _positive(getattr(exc, "column", 1))
    message = _one_line(str(getattr(exc, "message", "") or exc)) or "invalid syntax"
    return Diagnostic(
        path=path,
        line=line,
        column=column,
        end_line=line,
        end_column=column,
        code=SYNTAX_ERROR_CODE,
        name=SYNTAX_ERROR_NAME,
        severity=Severity.ERROR,
        message=f"syntax error: {message}" if "syntax" not in message.lower() else message,
        hint="seqlint checks only files that parse; fix the syntax first",
    )


def internal_error(path: str, exc: BaseException) -> Diagnostic:
    detail = _one_line(str(exc))
    what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    return Diagnostic(
        path=path,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        code=INTERNAL_ERROR_CODE,
        name=INTERNAL_ERROR_NAME,
        severity=Severity.ERROR,
        message=f"internal error while analysing this file: {what}; please report it",
        hint="run with --debug to see the traceback",
    )


def _positive(value: object) -> int:
    return value if isinstance(value, int) and value >= 1 else 1


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 3] + "..."


def _format_traceback() -> str:
    try:
        return traceback.format_exc()
    except Exception:  # noqa: BLE001 - e.g. MemoryError again while formatting
        return "(traceback unavailable)\n"


def cpu_count() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def worker_count(files: int, jobs: int | None = None) -> int:
    if jobs is not None:
        return max(1, min(jobs, files))
    if files <= PARALLEL_MIN_FILES:
        return 1
    return max(1, min(cpu_count(), files))


def _analyse_all(pending: list[tuple[str, str]], jobs: int | None) -> list[Outcome]:
    workers = worker_count(len(pending), jobs)
    outcomes: list[Outcome | None] = [None] * len(pending)
    if workers > 1:
        _analyse_in_pool(pending, workers, outcomes)
    for index, outcome in enumerate(outcomes):
        if outcome is None:  # in-process, or left over by a pool that broke down
            outcomes[index] = analyse_file(*pending[index])
    return outcomes  # type: ignore[return-value]


def _analyse_in_pool(
    pending: list[tuple[str, str]], workers: int, outcomes: list[Outcome | None]
) -> None:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = None
    if sys.platform.startswith("linux"):
        import multiprocessing

        # fork: workers start without re-importing seqlint, click or the caller's modules
        context = multiprocessing.get_context("fork")
    # biggest files first so that the workers finish together
    order = sorted(range(len(pending)), key=lambda i: -len(pending[i][1]))
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [(i, pool.submit(analyse_file, *pending[i])) for i in order]
            for index, future in futures:
                try:
                    outcomes[index] = future.result()
                except BrokenProcessPool:
                    continue  # re-run in-process by the caller
                except Exception as exc:  # noqa: BLE001 - e.g. a result that did not pickle
                    outcomes[index] = ([internal_error(pending[index][0], exc)], None)
    except (OSError, BrokenProcessPool):
        return  # no processes on this system: the caller analyses in-process

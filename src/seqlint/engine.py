"""Orchestration: find files, read them, pre-filter, look up the cache, analyse, collect.

Importing this module is cheap (stdlib only). The analysis pipeline (libcst, frontend, shapes,
rules) is imported lazily, only when at least one file needs a parse, and in the worker
processes when files are analysed in parallel. A cache hit imports none of it.
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from seqlint import sources
from seqlint.cache import Cache, cache_dir
from seqlint.config import ConfigError, FileSettings, Resolver
from seqlint.diagnostic import Diagnostic, FileResult, Severity, Unanalysed
from seqlint.discover import discover
from seqlint.keras_target import KerasTarget, configured, detect, pinned_target
from seqlint.notebooks import NOTEBOOK_SUFFIX
from seqlint.prefilter import (
    KERAS_MARKER,
    has_model_code,
    imported_modules,
    may_define_model,
    trains_unknown_model,
)
from seqlint.project import MAX_MODULE_BYTES, imported_files, imports_any
from seqlint.sources import (
    Read,
    Source,
    SourceError,
    decode_source,
    read_source,
    size_text,
    to_source,
)
from seqlint.suppress import Suppressions, scan, suppress

if TYPE_CHECKING:
    from seqlint.analysis import Analysis
    from seqlint.baseline import Baseline
    from seqlint.fixes import Fix
    from seqlint.summary import Application

MAX_ANALYSED_BYTES = 128 * 1024
"""Larger files that may hold a model are not analysed (SL902). libcst keeps about 0.5-0.9 KB
of syntax tree per byte of source: a 205 KB file peaks at 144 MB, so this limit keeps one file
under the 150 MB target, and its analysis under a second on a free core
(docs/performance.md)."""

PARALLEL_MIN_BYTES = 512 * 1024
"""Analyse in worker processes only when the files to parse add up to more than this:
below it, starting the workers costs more than they save (measured, docs/performance.md)."""

SYNTAX_ERROR_CODE, SYNTAX_ERROR_NAME = "SL900", "syntax-error"
INTERNAL_ERROR_CODE, INTERNAL_ERROR_NAME = "SL901", "internal-error"
NOT_ANALYSED_CODE, NOT_ANALYSED_NAME = "SL902", "not-analysed"

_MAX_MESSAGE = 300
_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
_FAIL_ON_RANK = {"info": 0, "warning": 1, "error": 2}
STDIN = "-"


@dataclass
class CheckResult:
    """Everything one run found; ``errors`` are the one-line messages meant for stderr."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_checked: int = 0  # files read and checked (those the pre-filter passed over count)
    errors: list[str] = field(default_factory=list)
    files_parsed: int = 0  # files that went through the analysis pipeline
    files_cached: int = 0  # files whose diagnostics came from the cache
    missing: list[str] = field(default_factory=list)  # given paths that do not exist
    unreadable: list[str] = field(default_factory=list)  # unreadable or undecodable files/dirs
    not_source: list[str] = field(default_factory=list)  # neither Python source nor a notebook
    too_large: list[str] = field(default_factory=list)  # files skipped by MAX_FILE_BYTES
    tracebacks: dict[str, str] = field(default_factory=dict)  # path -> internal error traceback
    config_error: bool = False  # a configuration file (or option) is wrong: nothing was checked
    failing: int = 0  # diagnostics at or above their file's fail-on severity
    models: dict[str, int] = field(default_factory=dict)  # path -> models analysed
    unanalysed: list[Unanalysed] = field(default_factory=list)  # models/calls not analysed
    skipped: list[str] = field(default_factory=list)  # files with `# seqlint: skip-file`
    excluded: int = 0  # files found in a directory and left out by exclude patterns
    targets: dict[str, KerasTarget] = field(default_factory=dict)  # path -> Keras target
    configs: dict[str, str | None] = field(default_factory=dict)  # path -> its config file
    forced_target: str | None = None  # --target-keras
    baselined: int = 0  # findings left out because the baseline holds them
    findings: list[tuple[str, str, list[Diagnostic]]] = field(default_factory=list)
    """With ``keep_findings``: each checked file's path, analysed text (a notebook's joined
    code cells) and reported diagnostics on its lines, for ``--add-noqa`` and
    ``--write-baseline``."""

    @property
    def exit_code(self) -> int:
        """2 if the configuration is wrong, a path is missing or nothing at all could be
        checked; 1 if a diagnostic reaches its fail-on severity; 0 otherwise."""
        if self.config_error or self.missing:
            return 2
        unchecked = self.unreadable or self.too_large or self.not_source
        if self.files_checked == 0 and not self.skipped and unchecked:
            return 2
        return 1 if self.failing else 0

    @property
    def models_analysed(self) -> int:
        return sum(self.models.values())


@dataclass(frozen=True)
class CacheSettings:
    """Where results are cached, and the caller's fingerprint of everything besides the
    file's content and seqlint's version that changes them (configuration, Keras target)."""

    enabled: bool = True
    directory: str | None = None  # None: $SEQLINT_CACHE_DIR, else .seqlint_cache
    fingerprint: str = ""

    def open(self) -> Cache | None:
        return Cache(cache_dir(self.directory), self.fingerprint) if self.enabled else None


def check_paths(
    paths: Sequence[str],
    *,
    jobs: int | None = None,
    cache: CacheSettings | None = None,
    resolver: Resolver | None = None,
    stdin_filename: str | None = None,
    stdin: bytes | None = None,
    baseline: Baseline | None = None,
    keep_findings: bool = False,
) -> CheckResult:
    """Check files and directories; diagnostics come in path order, then by position.

    ``jobs`` sets the worker processes (1: in-process; default: see :func:`worker_count`).
    ``cache`` defaults to the on-disk cache; each file's entry is also keyed by its settings'
    fingerprint (selection and Keras target). ``resolver`` gives each file its settings
    (default: the closest configuration file). A path ``-`` is standard input (``stdin``,
    else ``sys.stdin``), named ``stdin_filename`` in messages and configured as a file of
    that name would be. With ``baseline``, findings it holds are left out (and counted in
    ``baselined``); ``keep_findings`` fills ``findings``.
    """
    result = CheckResult()
    try:
        _check(
            list(paths),
            jobs,
            cache,
            resolver or Resolver(),
            _Inputs(stdin_filename, stdin, baseline, keep_findings),
            result,
        )
    except ConfigError as exc:
        result.config_error = True
        result.errors.append(f"seqlint: error: {exc}")
    return result


@dataclass(frozen=True)
class _Inputs:
    stdin_filename: str | None = None
    stdin: bytes | None = None
    baseline: Baseline | None = None
    keep_findings: bool = False


@dataclass(frozen=True)
class _Plan:
    """One read file: its settings and suppressions, and its outcome once known."""

    source: Source
    settings: FileSettings
    suppressions: Suppressions

    @property
    def path(self) -> str:
        return self.source.path


def _check(
    paths: list[str],
    jobs: int | None,
    cache: CacheSettings | None,
    resolver: Resolver,
    inputs: _Inputs,
    result: CheckResult,
) -> None:
    result.forced_target = resolver.overrides.target_keras
    given = [p for p in paths if p != STDIN]
    found = discover(given)
    for path in found.missing:
        result.errors.append(f"seqlint: error: path not found: {path}")
    result.missing.extend(found.missing)
    result.errors.extend(found.errors)
    result.unreadable.extend(found.unreadable)
    explicit = {os.path.normpath(p) for p in given if not os.path.isdir(p)}
    files = [f for f in found.files if f in explicit or not resolver.excluded(f)]
    result.excluded = len(found.files) - len(files)
    if not files and not found.missing and not found.unreadable and len(given) == len(paths):
        result.errors.append("seqlint: warning: no Python files found in " + ", ".join(paths))

    loaded: list[Source] = []
    if len(given) < len(paths):
        source = _read_stdin(inputs.stdin_filename or STDIN, inputs.stdin, result)
        if source is not None:
            loaded.append(source)
    for path in files:
        source = load_source(path, result)
        if source is not None:
            loaded.append(source)

    store = (cache or CacheSettings()).open()
    per_file: dict[str, FileResult] = {}
    plans: list[_Plan] = []
    pending: list[tuple[str, str, str, str]] = []  # path, source, target, fingerprint
    for source in loaded:
        path, text = source.path, source.text
        settings = resolver.settings(path)
        result.configs[path] = settings.config_path
        suppressions = scan(text)
        if suppressions.skip_file:
            result.skipped.append(path)
            continue
        result.files_checked += 1
        plans.append(_Plan(source, settings, suppressions))
        if not may_hold_model(path, text):
            continue
        if len(text) > MAX_ANALYSED_BYTES:
            per_file[path] = FileResult((too_large_to_analyse(path, len(text.encode())),))
            continue
        target = file_target(settings, path, text)
        result.targets[path] = target
        fingerprint = settings.fingerprint(target.version)
        cached = store.get(store.key(path, text, fingerprint), path) if store else None
        if cached is not None:
            result.files_cached += 1
            per_file[path] = cached
        else:
            pending.append((path, text, target.version, fingerprint))

    result.files_parsed = len(pending)
    for (path, *_), (outcome, trace) in zip(
        pending, _analyse_all(pending, jobs, store), strict=True
    ):
        per_file[path] = outcome
        if trace:
            result.tracebacks[path] = trace
    kept_of: dict[str, list[Diagnostic]] = {}
    for plan in plans:
        outcome = per_file.get(plan.path, FileResult())
        if plan.path in result.targets:
            result.models[plan.path] = outcome.models
            result.unanalysed.extend(plan.source.place_unanalysed(u) for u in outcome.unanalysed)
        kept_of[plan.path] = suppress(
            plan.path, plan.suppressions, outcome.diagnostics, plan.settings.enabled
        )
    reported = _reported_by_file(kept_of)
    for plan in plans:
        kept = [d for d in kept_of[plan.path] if not _reported_there(d, reported)]
        if inputs.baseline is not None:
            before = len(kept)
            kept = inputs.baseline.new_findings(plan.path, kept, plan.source.text)
            result.baselined += before - len(kept)
        if inputs.keep_findings:
            result.findings.append((plan.path, plan.source.text, kept))
        threshold = _FAIL_ON_RANK[plan.settings.fail_on]
        result.failing += sum(_SEVERITY_RANK[d.severity] >= threshold for d in kept)
        # placed last: suppression comments are read by line of the analysed text, so a
        # notebook's diagnostics go into their cells only after
        result.diagnostics.extend(plan.source.place(d) for d in kept)


Fault = tuple[str, str, int]  # code, real path and line of the code at fault


def _fault(diagnostic: Diagnostic) -> Fault:
    origin = diagnostic.origin
    if origin is None:
        return diagnostic.code, os.path.realpath(diagnostic.path), diagnostic.line
    return diagnostic.code, os.path.realpath(origin.path), origin.line


def _reported_by_file(kept_of: dict[str, list[Diagnostic]]) -> dict[str, set[Fault]]:
    """The problems each checked file reports (by its real path), when some file's finding
    lies in an imported module."""
    if not any(d.origin is not None for kept in kept_of.values() for d in kept):
        return {}
    return {os.path.realpath(path): {_fault(d) for d in kept} for path, kept in kept_of.items()}


def _reported_there(diagnostic: Diagnostic, reported: dict[str, set[Fault]]) -> bool:
    """A finding in imported code that a checked module on the way to it reports too (its
    own check runs that code): shown once, there."""
    origin = diagnostic.origin
    if origin is None or not reported:
        return False
    fault = _fault(diagnostic)
    modules = (origin.path, *origin.through)
    return any(fault in reported.get(os.path.realpath(m), ()) for m in modules)


def may_hold_model(path: str, text: str) -> bool:
    """Whether the file at ``path`` may build or train a model: with Keras itself, or with a
    module of its project that it imports (the pre-filter's text scan, then a look on disk):
    its own model code may use the module's, and a script without any may call the module's
    builder and training function."""
    if may_define_model(text):
        return True
    names = imported_modules(text) if path != STDIN else []
    if not names:
        return False
    if KERAS_MARKER not in text and has_model_code(text):
        return imports_any(path, names) or trains_unknown_model(text, names)
    return any(_module_may_define_model(module) for module in imported_files(path, names))


def _module_may_define_model(path: str) -> bool:
    """The pre-filter's scan of an imported module, read once per version of the file (every
    script of a tree that imports it asks)."""
    try:
        stat = os.stat(path)
    except OSError:
        return False
    return _scanned_module(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=1024)
def _scanned_module(path: str, _mtime_ns: int, _size: int) -> bool:
    read = read_source(path, MAX_MODULE_BYTES)
    return read.text is not None and may_define_model(read.text)


def file_target(settings: FileSettings, path: str, text: str) -> KerasTarget:
    """The Keras a file is linted against: its configuration's, else what the installed
    packages give for the way it imports Keras, else what its project pins, else Keras 3."""
    if settings.target_keras is not None:
        return configured(settings.target_keras, settings.target_source or "the settings")
    detected = detected_target()
    if detected.source == "default":
        pinned = pinned_target(os.path.dirname(os.path.abspath(path)))
        if pinned is not None:
            detected = pinned
    return detected.for_source(text)


def run_target(result: CheckResult) -> KerasTarget:
    """The Keras target of the run: the one every analysed file used, else the default."""
    used = list(dict.fromkeys((t.version, t.reason) for t in result.targets.values()))
    versions = list(dict.fromkeys(version for version, _ in used))
    if len(used) == 1:
        return next(iter(result.targets.values()))
    if len(versions) == 1:  # one release, reached in several ways
        return KerasTarget(versions[0], "; ".join(reason for _, reason in used))
    if used:
        return KerasTarget("mixed", "; ".join(f"{v}: {reason}" for v, reason in used))
    if result.forced_target is not None:
        return configured(result.forced_target, "the command line")
    return detected_target()


@functools.cache
def detected_target() -> KerasTarget:
    """The Keras of the installed packages (read once per process)."""
    return detect()


def _read_stdin(name: str, data: bytes | None, result: CheckResult) -> Source | None:
    if data is None:
        try:
            data = sys.stdin.buffer.read()
        except (OSError, AttributeError, ValueError) as exc:
            result.unreadable.append(name)
            result.errors.append(f"seqlint: error: cannot read standard input: {exc}")
            return None
    text, problem = decode_source(data)
    if text is None:
        result.unreadable.append(name)
        result.errors.append(f"seqlint: error: cannot decode {name}: {problem}")
        return None
    if not name.endswith(NOTEBOOK_SUFFIX):
        return Source(name, text)  # standard input is Python unless named a notebook
    try:
        return to_source(name, text)
    except SourceError as exc:
        result.not_source.append(name)
        result.errors.append(f"seqlint: error: {exc}")
        return None


def load_source(path: str, result: CheckResult) -> Source | None:
    """Read ``path`` into the source the analysis sees (a notebook's code cells joined, with
    their line map), or record on ``result`` why it cannot be checked."""
    read: Read = read_source(path)
    if read.text is not None:
        try:
            source = to_source(path, read.text)
        except SourceError as exc:
            result.not_source.append(path)
            result.errors.append(f"seqlint: error: {exc}")
            return None
        code = sources.oversized_code(source)
        if not code:
            return source
        limit = size_text(sources.MAX_FILE_BYTES)
        read = Read(None, f"file too large ({size_text(code)} of code, limit {limit})", "skip")
    if read.action == "skip":
        result.too_large.append(path)
        result.errors.append(f"seqlint: warning: skipping {path}: {read.problem}")
    else:
        result.unreadable.append(path)
        result.errors.append(f"seqlint: error: cannot {read.action} {path}: {read.problem}")
    return None


# -- one text, as an editor holds it ------------------------------------------------------


@dataclass
class TextCheck:
    """One source text checked as ``seqlint check`` checks a file of that path (an editor's
    buffer): what it reports, each finding's fix, every layer application with its shapes;
    or, in ``problem``, why it was not analysed. Lines are those of ``source.text`` (a
    notebook's joined cells: ``source.place`` puts a diagnostic in its cell)."""

    source: Source
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fixes: list[Fix | None] = field(default_factory=list)  # the fix of each diagnostic
    applications: list[Application] = field(default_factory=list)
    analysis: Analysis | None = None
    settings: FileSettings | None = None
    target: str = ""  # the Keras version analysed for
    problem: str = ""  # one line: a wrong configuration, a syntax error, a crash...
    traceback: str | None = None  # of a crash


def check_text(source: Source, resolver: Resolver | None = None) -> TextCheck:
    """Check ``source`` with the settings of its path (``resolver``: default, the closest
    configuration file, read now); never raises."""
    try:
        settings = (resolver or Resolver()).settings(source.path)
    except ConfigError as exc:
        return TextCheck(source, problem=f"seqlint: error: {exc}")
    suppressions = scan(source.text)
    if suppressions.skip_file or not may_hold_model(source.path, source.text):
        return TextCheck(source, settings=settings)
    if len(source.text) > MAX_ANALYSED_BYTES:
        found = too_large_to_analyse(source.path, len(source.text.encode()))
        return TextCheck(source, settings=settings, problem=_problem(source, found))
    try:
        from seqlint.analysis import analyse
        from seqlint.frontend import ParseFailure
        from seqlint.summary import applications

        target = file_target(settings, source.path, source.text).version
        try:
            analysis = analyse(source.text, source.path, target=target)
        except ParseFailure as exc:
            made = syntax_error if getattr(exc, "syntax", True) else not_analysed
            return TextCheck(
                source, settings=settings, problem=_problem(source, made(source.path, exc))
            )
        kept = suppress(source.path, suppressions, analysis.diagnostics, settings.enabled)
        fix_of = {id(d): f for d, f in zip(analysis.diagnostics, analysis.fixes, strict=True)}
        return TextCheck(
            source,
            kept,
            [fix_of.get(id(d)) for d in kept],
            applications(analysis.ir, analysis.shapes),
            analysis,
            settings,
            target,
        )
    except Exception as exc:  # noqa: BLE001 - reported, like SL901 on the command line
        problem = _problem(source, internal_error(source.path, exc))
        return TextCheck(source, settings=settings, problem=problem, traceback=_format_traceback())


def _problem(source: Source, diagnostic: Diagnostic) -> str:
    placed = source.place(diagnostic)
    return f"{placed.location}: {placed.code} {placed.message}"


# -- analysis ------------------------------------------------------------------------------

Outcome = tuple[FileResult, str | None]  # the analysis, traceback of an internal error


def load_analysis() -> tuple[Callable[[str, str, str], FileResult], type[BaseException]]:
    """The pipeline entry point and its parse-failure exception (imports libcst)."""
    from seqlint.analysis import lint_file
    from seqlint.frontend import ParseFailure

    return lint_file, ParseFailure


def analyse_file(path: str, source: str, target: str = "3") -> Outcome:
    """Every rule's diagnostics for one file under Keras ``target``; never raises (syntax
    errors are SL900, valid code that cannot be analysed SL902, crashes SL901)."""
    try:
        lint_file, parse_failure = load_analysis()
        try:
            return lint_file(source, path, target), None
        except parse_failure as exc:
            if getattr(exc, "syntax", True):
                return FileResult((syntax_error(path, exc),)), None
            return FileResult((not_analysed(path, exc),)), None
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop the run
        return FileResult((internal_error(path, exc),)), _format_traceback()


def _diagnostic(path: str, exc: BaseException | None, **fields: object) -> Diagnostic:
    line = _positive(getattr(exc, "line", 1))
    column = _positive(getattr(exc, "column", 1))
    return Diagnostic(
        path=path, line=line, column=column, end_line=line, end_column=column, **fields
    )  # type: ignore[arg-type]


def syntax_error(path: str, exc: BaseException) -> Diagnostic:
    message = _one_line(str(getattr(exc, "message", "") or exc)) or "invalid syntax"
    return _diagnostic(
        path,
        exc,
        code=SYNTAX_ERROR_CODE,
        name=SYNTAX_ERROR_NAME,
        severity=Severity.ERROR,
        message=f"syntax error: {message}" if "syntax" not in message.lower() else message,
        hint="seqlint checks only files that parse; fix the syntax first",
    )


def not_analysed(path: str, exc: BaseException) -> Diagnostic:
    reason = _one_line(str(getattr(exc, "message", "") or exc)) or "too complex"
    return _diagnostic(
        path,
        exc,
        code=NOT_ANALYSED_CODE,
        name=NOT_ANALYSED_NAME,
        severity=Severity.WARNING,
        message=f"not analysed: {reason}",
        hint="the file is valid Python; seqlint checked nothing in it",
    )


def too_large_to_analyse(path: str, size: int) -> Diagnostic:
    return _diagnostic(
        path,
        None,
        code=NOT_ANALYSED_CODE,
        name=NOT_ANALYSED_NAME,
        severity=Severity.WARNING,
        message=(
            f"not analysed: {size_text(size)} is over the analysis limit of "
            f"{size_text(MAX_ANALYSED_BYTES)}"
        ),
        hint="move the model code into a smaller module to have it checked",
    )


def internal_error(path: str, exc: BaseException) -> Diagnostic:
    detail = _one_line(str(exc))
    what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    return _diagnostic(
        path,
        None,
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


# -- parallelism ---------------------------------------------------------------------------


def cpu_count() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def idle_cpus() -> float:
    """Cores nobody else is using, from the 1-minute load average (all cores if unknown)."""
    try:
        return cpu_count() - os.getloadavg()[0]
    except (OSError, AttributeError):
        return float(cpu_count())


def worker_count(pending_bytes: int, files: int, jobs: int | None = None) -> int:
    """Processes to analyse ``files`` files of ``pending_bytes`` in total.

    By default: one process for little work; else one per core that is free (this process
    counts in the load, so an idle 2-core machine gives 2); on a machine already busy, extra
    processes only compete for the same cores, and one process is faster (measured,
    docs/performance.md).
    """
    if jobs is not None:
        return max(1, min(jobs, files))
    if pending_bytes <= PARALLEL_MIN_BYTES:
        return 1
    spare = round(idle_cpus())  # the load may already count this process: one more
    return max(1, min(cpu_count(), 1 + spare, files))


Pending = list[tuple[str, str, str, str]]  # path, source, Keras target, cache fingerprint


def _analyse_all(pending: Pending, jobs: int | None, store: Cache | None) -> list[Outcome]:
    workers = worker_count(sum(len(item[1]) for item in pending), len(pending), jobs)
    outcomes: list[Outcome | None] = [None] * len(pending)
    if workers > 1:
        _analyse_in_pool(pending, workers, store, outcomes)
    for index, outcome in enumerate(outcomes):
        if outcome is None:  # in-process, or left over by a pool that broke down
            outcomes[index] = _analyse_and_store(*pending[index], store)
    return outcomes  # type: ignore[return-value]


def _analyse_and_store(
    path: str, source: str, target: str, fingerprint: str, store: Cache | None
) -> Outcome:
    outcome = analyse_file(path, source, target)
    if store is not None and outcome[1] is None:
        store.put(store.key(path, source, fingerprint), outcome[0])
    return outcome


def _analyse_batch(files: list[tuple[str, str, str]], store: Cache | None) -> list[Outcome | None]:
    """In a worker: read, analyse and cache each (path, target, fingerprint); None: the file
    could not be read again."""
    outcomes: list[Outcome | None] = []
    for path, target, fingerprint in files:
        source = _read_again(path)
        outcomes.append(
            None if source is None else _analyse_and_store(path, source, target, fingerprint, store)
        )
    return outcomes


def _read_again(path: str) -> str | None:
    """The analysed text of ``path`` (a notebook's joined code cells), read again in a worker."""
    text = read_source(path).text
    if text is None:
        return None
    try:
        return to_source(path, text).text
    except SourceError:
        return None


def _batches(pending: Pending, workers: int) -> list[list[int]]:
    """Indexes of ``pending`` in batches of similar size, biggest files first, a few per
    worker so that the workers finish together."""
    order = sorted(range(len(pending)), key=lambda i: -len(pending[i][1]))
    count = min(len(pending), workers * 4)
    batches: list[list[int]] = [[] for _ in range(count)]
    sizes = [0] * count
    for index in order:
        smallest = sizes.index(min(sizes))
        batches[smallest].append(index)
        sizes[smallest] += len(pending[index][1])
    return sorted((b for b in batches if b), key=lambda b: -sum(len(pending[i][1]) for i in b))


def _analyse_in_pool(
    pending: Pending,
    workers: int,
    store: Cache | None,
    outcomes: list[Outcome | None],
) -> None:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = None
    if sys.platform.startswith("linux"):
        import multiprocessing

        # fork: workers start without re-importing seqlint, click or the caller's modules
        context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [
                (
                    batch,
                    pool.submit(_analyse_batch, [_worker_item(pending[i]) for i in batch], store),
                )
                for batch in _batches(pending, workers)
            ]
            for batch, future in futures:
                try:
                    results = future.result()
                except BrokenProcessPool:
                    continue  # re-run in-process by the caller
                except Exception as exc:  # noqa: BLE001 - e.g. a result that did not pickle
                    results = [
                        (FileResult((internal_error(pending[i][0], exc),)), None) for i in batch
                    ]
                for index, outcome in zip(batch, results, strict=True):
                    outcomes[index] = outcome
    except (OSError, BrokenProcessPool):
        return  # no processes on this system: the caller analyses in-process


def _worker_item(item: tuple[str, str, str, str]) -> tuple[str, str, str]:
    path, _source, target, fingerprint = item
    return path, target, fingerprint

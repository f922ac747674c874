"""Source text to a libcst module, or a :class:`ParseFailure` with a useful position.

libcst's native parser recurses on the C stack of the calling thread, and overflowing it
ends the process. So it runs in a thread with a large stack (:data:`STACK_BYTES`), and
only on sources whose estimated nesting (:mod:`seqlint.frontend.nesting`) is far from
what that stack holds. CPython decides what is a syntax error: a source it parses is
never reported as one, even when libcst refuses it or it is too deep to analyse; that is
a :class:`NotAnalysable`.
"""

from __future__ import annotations

import ast
import queue
import re
import threading
from collections.abc import Callable
from typing import TypeVar

import libcst as cst

from seqlint.frontend.nesting import MAX_DEPTH, too_deep

STACK_BYTES = 512 * 1024 * 1024
"""Stack of the parsing thread: libcst parses 3000 levels of every construct measured in
it (the nesting limit allows 500). Only the pages touched are ever allocated."""

TOO_DEEP = f"nested too deeply to analyse (nesting depth over {MAX_DEPTH})"

T = TypeVar("T")


class ParseFailure(Exception):
    """The source cannot be analysed; ``syntax`` tells whether CPython rejects it too."""

    syntax = True

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(f"{line}:{column}: {message}")
        self.line = line  # 1-based
        self.column = column  # 1-based
        self.message = message


class NotAnalysable(ParseFailure):
    """Valid Python that seqlint cannot analyse (too deep, too complex, refused by libcst)."""

    syntax = False


def parse(source: str) -> cst.Module:
    """Parse ``source`` with libcst; raise :class:`ParseFailure` if it cannot be analysed."""
    return run_with_large_stack(_parse, source)


def _parse(source: str) -> cst.Module:
    if too_deep(source):
        raise _python_verdict(source) or NotAnalysable(1, 1, TOO_DEEP)
    try:
        return cst.parse_module(source)
    except cst.ParserSyntaxError as error:
        raise _python_verdict(source) or _libcst_refusal(error) from None
    except RecursionError:
        raise _python_verdict(source) or NotAnalysable(1, 1, TOO_DEEP) from None


def run_with_large_stack(function: Callable[[str], T], argument: str) -> T:
    """``function(argument)`` on a thread with :data:`STACK_BYTES` of stack; its exception
    is raised here.

    One such thread per process is started on first use and reused for every call after it
    (starting a thread with that stack for each file cost more than a small file's parse);
    calls from several threads take turns, and a call made on that thread runs in place.
    """
    outcome = _PARSER.run(function, argument)
    if isinstance(outcome, _Raised):
        raise outcome.exc
    return outcome  # type: ignore[return-value]


def _outcome(function: Callable[[str], T], argument: str) -> object:
    try:
        return function(argument)
    except BaseException as exc:  # noqa: BLE001 - handed over to the calling thread
        return _Raised(exc)


class _ParserThread:
    """The process's large-stack thread: it runs the calls handed to it, in turn."""

    def __init__(self) -> None:
        self._starting = threading.Lock()
        self._thread: threading.Thread | None = None
        self._requests: queue.SimpleQueue = queue.SimpleQueue()

    def run(self, function: Callable[[str], T], argument: str) -> object:
        if self._thread is threading.current_thread():
            return _outcome(function, argument)  # already on the large stack
        with self._starting:
            started = self._alive() or self._start()
        if not started:  # the nesting limit still keeps libcst within a default stack
            return _outcome(function, argument)
        reply: queue.SimpleQueue = queue.SimpleQueue()  # one per call: never another's result
        self._requests.put((function, argument, reply))
        return reply.get()

    def _alive(self) -> bool:
        # a process forked from this one has the object but not the thread
        return self._thread is not None and self._thread.is_alive()

    def _start(self) -> bool:
        requests = self._requests = queue.SimpleQueue()

        def serve() -> None:
            while True:
                function, argument, reply = requests.get()
                reply.put(_outcome(function, argument))

        thread = threading.Thread(target=serve, name="seqlint-parse", daemon=True)
        previous = threading.stack_size()
        try:
            threading.stack_size(STACK_BYTES)  # applies to threads started from now on
            thread.start()
        except (RuntimeError, ValueError, MemoryError):  # no room for such a stack here
            return False  # tried again at the next call
        finally:
            threading.stack_size(previous)
        self._thread = thread
        return True


_PARSER = _ParserThread()


class _Raised:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


def _python_verdict(source: str) -> ParseFailure | None:
    """CPython's syntax error for ``source`` as a ParseFailure, or None when it parses.

    CPython's parser (only parsing, nothing runs) names the real culprit where libcst
    reports the farthest token it reached, often a line late.
    """
    try:
        ast.parse(source)
    except SyntaxError as py_error:
        return ParseFailure(
            py_error.lineno or 1, max(py_error.offset or 1, 1), py_error.msg or "invalid syntax"
        )
    except (RecursionError, MemoryError):
        return NotAnalysable(1, 1, "too deeply nested for Python's own parser")
    except ValueError as exc:  # e.g. a null byte
        return ParseFailure(1, 1, str(exc))
    return None


_LIBCST_AT = re.compile(r"error at (\d+):(\d+)")


def _libcst_refusal(error: cst.ParserSyntaxError) -> NotAnalysable:
    """libcst refuses a source CPython accepts: say so where libcst stopped."""
    found = _LIBCST_AT.search(error.message)
    line, column = (int(found[1]), int(found[2]) + 1) if found else (error.raw_line, 1)
    return NotAnalysable(
        max(line, 1), max(column, 1), f"valid Python that libcst cannot parse: {error.message}"
    )

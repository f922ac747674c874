"""The language server: documents and notebooks in, diagnostics, hovers, inlay hints and code
actions out (pygls 2, stdio).

Each document (or notebook) is analysed from the editor's text, never from the disk: on open
and save at once, on change at once too unless it follows another change or an analysis still
running, then after ``DEBOUNCE_SECONDS`` without a newer change. Analyses run on
one worker thread, so the message loop never waits on one; an analysis whose document changed
before it started is skipped, and one that finishes after a newer change is dropped, never
published. Requests (hover, hints, actions) answer from the analysis of the text they see.
The settings of a document are read from its closest configuration file at each analysis, and
every open document is analysed again when a configuration file changes.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from seqlint import __version__
from seqlint.config import CONFIG_NAMES
from seqlint.engine import TextCheck, check_text
from seqlint.server.actions import FIX_ALL, code_actions
from seqlint.server.diagnostics import publishable
from seqlint.server.features import hover, inlay_hints
from seqlint.server.views import UNITS, Cell, View, utf16_units

DEBOUNCE_SECONDS = 0.03
"""How long a change in a burst of changes waits for the next one before it is analysed."""

T = TypeVar("T")


@dataclass(frozen=True)
class Result:
    """One finished analysis: the text it saw, what it found, and the change it answers."""

    generation: int
    view: View
    check: TextCheck


@dataclass(eq=False)
class Document:
    """An open text document or notebook: its latest change and latest analysis."""

    uri: str
    notebook: bool
    generation: int = 0  # bumped by every change; an analysis of an older one is stale
    changed: float = float("-inf")  # when the latest change came (event loop time)
    task: asyncio.Task[None] | None = None
    result: Result | None = None
    published: set[str] = field(default_factory=set)  # documents holding its diagnostics
    logged: str = ""  # the last problem logged, so that each is logged once


@dataclass
class Settings:
    """What the client can set (initializationOptions, or ``seqlint`` in its settings)."""

    inlay_hints: bool = True

    def update(self, values: object) -> None:
        if isinstance(values, dict):
            values = values.get("seqlint", values)
        if isinstance(values, dict) and isinstance(values.get("inlayHints"), bool):
            self.inlay_hints = values["inlayHints"]


class SeqlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            name="seqlint",
            version=__version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            notebook_document_sync=types.NotebookDocumentSyncOptions(
                notebook_selector=[
                    types.NotebookDocumentFilterWithCells(
                        cells=[types.NotebookCellLanguage("python")], notebook="*"
                    )
                ],
                save=True,
            ),
        )
        self.documents: dict[str, Document] = {}
        self.options = Settings()
        self.analyser = ThreadPoolExecutor(1, thread_name_prefix="seqlint-analysis")

    # -- analysis ------------------------------------------------------------------------

    def schedule(self, uri: str, notebook: bool, debounce: bool = False) -> None:
        """Analyse the document now, or (``debounce``, for a change that follows another
        change or an analysis still running) after ``DEBOUNCE_SECONDS`` without a newer one."""
        document = self.documents.setdefault(uri, Document(uri, notebook))
        now = asyncio.get_running_loop().time()
        running = document.task is not None and not document.task.done()
        recent = now - document.changed < DEBOUNCE_SECONDS
        delay = DEBOUNCE_SECONDS if debounce and (running or recent) else 0
        document.generation += 1
        document.changed = now
        if document.task is not None:
            document.task.cancel()
        document.task = asyncio.ensure_future(self._refresh(document, document.generation, delay))

    def forget(self, uri: str) -> None:
        document = self.documents.pop(uri, None)
        if document is None:
            return
        if document.task is not None:
            document.task.cancel()
        for published in document.published:
            self._publish(published, [], None)

    async def _refresh(self, document: Document, generation: int, delay: float) -> None:
        try:
            await asyncio.sleep(delay)
            view = self.view(document)
            if view is None:
                return
            loop = asyncio.get_running_loop()
            check = await loop.run_in_executor(
                self.analyser, self._check, document, generation, view
            )
            if check is None or document.generation != generation:
                return  # a newer change came in: its own analysis publishes
            if self.documents.get(document.uri) is not document:
                return  # closed meanwhile
            document.result = Result(generation, view, check)
            self._report(document, view, check)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - the server must outlive any failure
            self.log(types.MessageType.Error, f"seqlint: {document.uri}: {exc!r}")

    @staticmethod
    def _check(document: Document, generation: int, view: View) -> TextCheck | None:
        """On the analysis thread; None when a newer change made this one stale."""
        if document.generation != generation:
            return None
        return check_text(view.source)

    def _report(self, document: Document, view: View, check: TextCheck) -> None:
        if check.problem and check.problem != document.logged:
            detail = f"\n{check.traceback}" if check.traceback else ""
            kind = types.MessageType.Error if check.traceback else types.MessageType.Warning
            self.log(kind, f"seqlint: not analysed: {check.problem}{detail}")
        document.logged = check.problem
        found = publishable(view, check)
        version = None if view.notebook else view.version
        for uri in document.published - found.keys():
            self._publish(uri, [], None)
        for uri, diagnostics in found.items():
            self._publish(uri, diagnostics, version)
        document.published = set(found)

    def _publish(self, uri: str, diagnostics: list[types.Diagnostic], version: int | None) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def log(self, kind: types.MessageType, message: str) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def view(self, document: Document) -> View | None:
        """The document's text as the editor holds it now."""
        units = UNITS.get(self.workspace.position_encoding or "", utf16_units)
        path = self.path_of(document.uri)
        if not document.notebook:
            text = self.workspace.get_text_document(document.uri)
            return View.of_document(document.uri, path, text.source, text.version, units)
        notebook = self.workspace.get_notebook_document(notebook_uri=document.uri)
        if notebook is None:
            return None
        cells = []
        for cell in notebook.cells:
            text = self.workspace.text_documents.get(cell.document)
            code = cell.kind == types.NotebookCellKind.Code and text is not None
            code = code and (text.language_id or "python") == "python"
            cells.append(Cell(cell.document, text.source if code and text else None))
        return View.of_notebook(document.uri, path, cells, notebook.version, units)

    def path_of(self, uri: str) -> str:
        """The file a document is, for its configuration; an unsaved one is in the workspace."""
        path = to_fs_path(uri)
        if path and uri.startswith("file:"):
            return path
        root = self.workspace.root_path or os.getcwd()
        return os.path.join(root, os.path.basename(path or "untitled.py"))

    async def current(self, uri: str) -> Result | None:
        """The analysis of the text the editor holds now (waiting for it if it runs)."""
        notebook = self.workspace.get_notebook_document(cell_uri=uri)
        document = self.documents.get(notebook.uri if notebook else uri)
        while document is not None:
            result, task = document.result, document.task
            if result is not None and result.generation == document.generation:
                return result
            if task is None:
                return None
            await asyncio.wait([task])
            if task is document.task:  # it finished without an answer: nothing newer is coming
                result = document.result
                return result if result and result.generation == document.generation else None
        return None

    async def off_loop(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` on the analysis thread."""
        return await asyncio.get_running_loop().run_in_executor(self.analyser, function, *args)


server = SeqlintServer()


@server.feature(types.INITIALIZE)
def initialize(ls: SeqlintServer, params: types.InitializeParams) -> None:
    ls.options.update(params.initialization_options)


@server.feature(types.INITIALIZED)
async def initialized(ls: SeqlintServer, params: types.InitializedParams) -> None:
    from seqlint.engine import load_analysis

    ls.analyser.submit(load_analysis)  # import the pipeline now, not on the first keystroke
    workspace = ls.client_capabilities.workspace
    watched = workspace.did_change_watched_files if workspace else None
    if watched is None or not watched.dynamic_registration:
        return
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
    )
    registration = types.Registration(
        id="seqlint-configuration",
        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=options,
    )
    try:
        await ls.client_register_capability_async(types.RegistrationParams([registration]))
    except Exception as exc:  # noqa: BLE001 - without it, each analysis still reads the files
        ls.log(types.MessageType.Warning, f"seqlint: cannot watch configuration files: {exc}")


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: SeqlintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, False)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: SeqlintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, False, debounce=True)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: SeqlintServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, False)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: SeqlintServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.forget(params.text_document.uri)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_OPEN)
def notebook_open(ls: SeqlintServer, params: types.DidOpenNotebookDocumentParams) -> None:
    ls.schedule(params.notebook_document.uri, True)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_CHANGE)
def notebook_change(ls: SeqlintServer, params: types.DidChangeNotebookDocumentParams) -> None:
    ls.schedule(params.notebook_document.uri, True, debounce=True)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_SAVE)
def notebook_save(ls: SeqlintServer, params: types.DidSaveNotebookDocumentParams) -> None:
    ls.schedule(params.notebook_document.uri, True)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_CLOSE)
def notebook_close(ls: SeqlintServer, params: types.DidCloseNotebookDocumentParams) -> None:
    ls.forget(params.notebook_document.uri)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def watched_files(ls: SeqlintServer, params: types.DidChangeWatchedFilesParams) -> None:
    """A configuration file changed: every open document is analysed with it again."""
    if any(change.uri.rsplit("/", 1)[-1] in CONFIG_NAMES for change in params.changes):
        for document in list(ls.documents.values()):
            ls.schedule(document.uri, document.notebook)


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def configuration(ls: SeqlintServer, params: types.DidChangeConfigurationParams) -> None:
    ls.options.update(params.settings)
    workspace = ls.client_capabilities.workspace
    refresh = workspace.inlay_hint if workspace else None
    if refresh is not None and refresh.refresh_support:
        ls.workspace_inlay_hint_refresh(None)


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def on_hover(ls: SeqlintServer, params: types.HoverParams) -> types.Hover | None:
    result = await ls.current(params.text_document.uri)
    if result is None:
        return None
    return hover(result.view, result.check, params.text_document.uri, params.position)


@server.feature(types.TEXT_DOCUMENT_INLAY_HINT)
async def on_inlay_hints(
    ls: SeqlintServer, params: types.InlayHintParams
) -> list[types.InlayHint] | None:
    if not ls.options.inlay_hints:
        return None
    result = await ls.current(params.text_document.uri)
    if result is None:
        return None
    return inlay_hints(result.view, result.check, params.text_document.uri, params.range)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
)
async def on_code_action(
    ls: SeqlintServer, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    uri = params.text_document.uri
    result = await ls.current(uri)
    if result is None:
        return None
    only = params.context.only
    return await ls.off_loop(code_actions, result.view, result.check, uri, params.range, only)


def serve() -> None:
    """Serve over stdin and stdout until the client says exit."""
    logging.getLogger("pygls").setLevel(logging.WARNING)
    server.start_io()

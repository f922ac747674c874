"""A real LSP client (pytest-lsp) talking to ``seqlint server`` over stdio.

``start(profile)`` gives a module-scoped client with a recorded client profile (VS Code,
Neovim, Emacs), initialised in a workspace folder of its own; :class:`Session` waits for the
diagnostics of one document version, applies workspace edits and runs ``seqlint check --fix``
on the same text for comparison.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the server extra (pygls) is not installed")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed")

from click.testing import CliRunner  # noqa: E402
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from seqlint.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
HOOKED = Path(__file__).with_name("hooked_server.py")
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
TIMEOUT = 10.0


def server_command(hooked: bool = False) -> list[str]:
    return [sys.executable, str(HOOKED)] if hooked else [sys.executable, "-m", "seqlint", "server"]


class Session:
    """One client and what the server sent it."""

    def __init__(self, client: LanguageClient, folder: Path) -> None:
        self.client = client
        self.folder = folder
        self.published: list[types.PublishDiagnosticsParams] = []
        self.registrations: list[types.Registration] = []
        self.versions: dict[str, int] = {}

        client.protocol.fm._features.pop(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _published(params: types.PublishDiagnosticsParams) -> None:
            self.published.append(params)  # with their versions, unlike client.diagnostics

        @client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def _register(params: types.RegistrationParams) -> None:
            self.registrations.extend(params.registrations)

    def uri(self, name: str) -> str:
        return (self.folder / name).as_uri()

    def open(self, name: str, text: str) -> str:
        uri = self.uri(name)
        self.versions[uri] = 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "python", 1, text))
        )
        return uri

    def change(self, uri: str, text: str) -> int:
        """Replace the whole text; the new version."""
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(self.versions[uri], uri),
                [types.TextDocumentContentChangeWholeDocument(text)],
            )
        )
        return self.versions[uri]

    def close(self, uri: str) -> None:
        self.client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
        )

    async def diagnostics(
        self, uri: str, version: int | None = None, after: int = 0
    ) -> list[types.Diagnostic]:
        """The diagnostics published for ``uri`` (at ``version``) after the first ``after``
        notifications; waits for them."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + TIMEOUT
        while loop.time() < deadline:
            for params in self.published[after:]:
                if params.uri == uri and (version is None or params.version == version):
                    return list(params.diagnostics)
            await asyncio.sleep(0.01)
        raise AssertionError(f"no diagnostics for {uri} version {version}")

    async def settle(self, seconds: float = 0.5) -> None:
        await asyncio.sleep(seconds)

    def logs(self, needle: str) -> list[str]:
        return [m.message for m in self.client.log_messages if needle in m.message]


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """``text`` with LSP text edits applied (ASCII text: characters are UTF-16 units)."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position: types.Position) -> int:
        if position.line >= len(lines):
            return len(text)
        return starts[position.line] + position.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
        lines = text.splitlines(keepends=True)
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line))
    return text


def edits_for(edit: types.WorkspaceEdit, uri: str) -> list[types.TextEdit]:
    return [
        e
        for change in edit.document_changes or []
        if change.text_document.uri == uri
        for e in change.edits
    ]


def cli_fix(path: Path, text: str, *options: str) -> str:
    """What ``seqlint check --fix [options]`` makes of ``text`` written at ``path``."""
    path.write_text(text)
    result = CliRunner().invoke(main, ["check", "--fix", "--no-cache", *options, str(path)])
    assert result.exit_code in (0, 1), result.output
    return path.read_text()


def start(profile: str = "visual-studio-code", hooked: bool = False, **options: object):
    """A module-scoped fixture: a client with ``profile``'s capabilities (notebooks added)
    and initializationOptions ``options``, connected to the server."""

    @pytest_lsp.fixture(
        config=ClientServerConfig(server_command=server_command(hooked), server_env=ENV),
        scope="module",
    )
    async def session(lsp_client: LanguageClient, tmp_path_factory):
        folder = tmp_path_factory.mktemp("workspace")
        made = Session(lsp_client, folder)
        capabilities = client_capabilities(profile)
        capabilities.notebook_document = types.NotebookDocumentClientCapabilities(
            synchronization=types.NotebookDocumentSyncClientCapabilities()
        )
        await lsp_client.initialize_session(
            types.InitializeParams(
                capabilities=capabilities,
                root_uri=folder.as_uri(),
                workspace_folders=[types.WorkspaceFolder(folder.as_uri(), "workspace")],
                initialization_options=options or None,
            )
        )
        lsp_client.session = made
        yield
        await lsp_client.shutdown_session()

    return session


def example(name: str) -> str:
    return (EXAMPLES / name).read_text()

"""A notebook document (LSP 3.17 notebook sync, Emacs's client profile plus notebooks): its
cells analysed as one program, as ``seqlint check`` reads the .ipynb; diagnostics, hovers,
hints and fixes placed in their cells."""

from __future__ import annotations

import json
import shutil

import pytest
from lsprotocol import types

from seqlint.notebooks import read_notebook
from tests.server.conftest import EXAMPLES, apply_edits, edits_for, start

pytestmark = pytest.mark.asyncio(loop_scope="module")

client = start("emacs")

NOTEBOOK = EXAMPLES / "notebooks" / "stacked_lstm_missing_return_sequences_bad.ipynb"
CELLS = json.loads(NOTEBOOK.read_text())["cells"]


@pytest.fixture(scope="module")
def lsp(client):
    return client.session


def _open(lsp, name: str) -> tuple[str, list[str], list[str]]:
    """Open the example notebook as ``name``: its uri, cell uris and cell texts."""
    uri = lsp.uri(name)
    cell_uris = [f"{uri}#cell{i}" for i in range(1, len(CELLS) + 1)]
    texts = ["".join(cell["source"]) for cell in CELLS]
    kinds = [
        types.NotebookCellKind.Code if c["cell_type"] == "code" else types.NotebookCellKind.Markup
        for c in CELLS
    ]
    lsp.client.notebook_document_did_open(
        types.DidOpenNotebookDocumentParams(
            notebook_document=types.NotebookDocument(
                uri=uri,
                notebook_type="jupyter-notebook",
                version=1,
                cells=[types.NotebookCell(k, u) for k, u in zip(kinds, cell_uris, strict=True)],
            ),
            cell_text_documents=[
                types.TextDocumentItem(u, "python", 1, t)
                for u, k, t in zip(cell_uris, kinds, texts, strict=True)
                if k == types.NotebookCellKind.Code
            ],
        )
    )
    return uri, cell_uris, texts


async def test_diagnostics_land_in_their_cell(lsp):
    _, cells, _ = _open(lsp, "tagger.ipynb")
    [found] = await lsp.diagnostics(cells[5])
    assert found.code == "SL101"
    assert (found.range.start.line, found.range.start.character) == (3, 10)
    assert "LSTM(32) at cell 6, line 3 returns (batch, 32)" in found.message
    related = [(r.location.uri, r.location.range.start.line) for r in found.related_information]
    assert related == [(cells[5], 1), (cells[5], 2), (cells[5], 3)]
    for other in (cells[1], cells[2], cells[3], cells[4]):
        assert await lsp.diagnostics(other) == []


async def test_hover_and_hints_in_a_cell(lsp):
    _, cells, _ = _open(lsp, "hover.ipynb")
    await lsp.diagnostics(cells[5])
    found = await lsp.client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(cells[5]), types.Position(2, 12))
    )
    assert found.contents.value.splitlines()[0] == "**LSTM(32)** → `(batch, 32)`"
    assert "| LSTM(32) | cell 6:3 | (batch, 32) | 4,736 |" in found.contents.value
    hints = await lsp.client.text_document_inlay_hint_async(
        types.InlayHintParams(
            types.TextDocumentIdentifier(cells[5]),
            types.Range(types.Position(0, 0), types.Position(10, 0)),
        )
    )
    assert [(h.position.line, h.label) for h in hints] == [
        (1, "-> (batch, 12, 4)"),
        (2, "-> (batch, 32)"),
    ]


async def test_a_cell_edit_is_analysed_with_the_other_cells(lsp):
    uri, cells, texts = _open(lsp, "edit.ipynb")
    await lsp.diagnostics(cells[5])
    count = len(lsp.published)
    fixed = texts[3].replace("12", "1")  # one time step: SL212 in cell 6 too
    lsp.client.notebook_document_did_change(
        types.DidChangeNotebookDocumentParams(
            notebook_document=types.VersionedNotebookDocumentIdentifier(2, uri),
            change=types.NotebookDocumentChangeEvent(
                cells=types.NotebookDocumentCellChanges(
                    text_content=[
                        types.NotebookDocumentCellContentChanges(
                            document=types.VersionedTextDocumentIdentifier(2, cells[3]),
                            changes=[types.TextDocumentContentChangeWholeDocument(fixed)],
                        )
                    ]
                )
            ),
        )
    )
    codes = sorted(d.code for d in await lsp.diagnostics(cells[5], after=count))
    assert codes == ["SL101", "SL212"]


async def test_a_fix_in_a_cell_is_the_fix_of_the_command_line(lsp, tmp_path):
    _, cells, texts = _open(lsp, "fix.ipynb")
    [diagnostic] = await lsp.diagnostics(cells[5])
    actions = await lsp.client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(cells[5]),
            diagnostic.range,
            types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    [fix] = [a for a in actions if a.title.startswith("Fix SL101")]
    assert fix.title == "Fix SL101: set return_sequences=True on LSTM(32) at cell 6, line 3"
    assert {change.text_document.uri for change in fix.edit.document_changes} == {cells[5]}
    cell = apply_edits(texts[5], edits_for(fix.edit, cells[5]))
    copy = tmp_path / "fix.ipynb"
    shutil.copy(NOTEBOOK, copy)
    from click.testing import CliRunner

    from seqlint.cli import main

    CliRunner().invoke(main, ["check", "--fix", "--no-cache", str(copy)])
    written = ["".join(c["source"]) for c in json.loads(copy.read_text())["cells"]]
    assert written[5] != texts[5]
    assert cell == written[5]
    assert read_notebook(copy.read_text()).text.count("return_sequences=True") == 2
    [noqa] = [a for a in actions if a.title.startswith("Suppress")]
    suppressed = apply_edits(texts[5], edits_for(noqa.edit, cells[5]))
    assert suppressed.splitlines()[3].endswith("# expect: SL101  # noqa: SL101")

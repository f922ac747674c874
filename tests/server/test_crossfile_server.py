"""Across files in the editor: the buffer is analysed with the modules of its project on disk;
a problem in their code shows at the buffer's line that runs it, and their layers get no
inlay hints or hovers on that line."""

from __future__ import annotations

import pytest
from lsprotocol import types

from tests.crossfile_projects import MODEL_BUGGY, MODEL_FIXED, TRAIN
from tests.server.conftest import start

pytestmark = pytest.mark.asyncio(loop_scope="module")

client = start("visual-studio-code")


@pytest.fixture(scope="module")
def lsp(client):
    return client.session


async def test_the_buffer_is_analysed_with_the_modules_on_disk(lsp):
    (lsp.folder / "model.py").write_text(MODEL_BUGGY, encoding="utf-8")
    uri = lsp.open("train.py", TRAIN)  # never written: the buffer, with model.py from disk
    [found] = await lsp.diagnostics(uri, 1)
    assert (found.code, found.range.start.line) == ("SL103", 6)
    assert found.message.startswith("TimeDistributed(Dense(n_classes, activation=")
    assert "(in model.py:11, run from here)" in found.message
    related = [(r.location.range.start.line, r.message) for r in found.related_information]
    assert [line for line, _ in related] == [7, 6, 6, 6]  # the data X, then model.py's layers
    assert related[2][1] == (
        "LSTM(UNITS) (model.py:10): (batch, 32) (drops the time axis: return_sequences is False)"
    )
    hints = await lsp.client.text_document_inlay_hint_async(
        types.InlayHintParams(
            types.TextDocumentIdentifier(uri),
            types.Range(types.Position(0, 0), types.Position(8, 0)),
        )
    )
    # the fit's data X declares the input (as for the script's own models); none of model.py's
    # layers is hinted at the line that calls build_model
    assert [(hint.position.line, hint.label) for hint in hints or []] == [(7, "-> (batch, 20)")]
    (lsp.folder / "model.py").write_text(MODEL_FIXED, encoding="utf-8")
    version = lsp.change(uri, TRAIN + "\n")
    assert await lsp.diagnostics(uri, version) == []

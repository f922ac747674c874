"""The server with test hooks (tests/server/hooked_server.py): an analysis that crashes, stale
analyses dropped, requests answered while an analysis runs, and no TensorFlow ever imported."""

from __future__ import annotations

import asyncio

import pytest
from lsprotocol import types

from tests.server.conftest import example, start

pytestmark = pytest.mark.asyncio(loop_scope="module")

client = start("visual-studio-code", hooked=True)

BAD = example("stacked_lstm_missing_return_sequences_bad.py")


@pytest.fixture(scope="module")
def lsp(client):
    return client.session


async def _state(lsp) -> dict:
    found = await lsp.client.protocol.send_request_async("seqlint/test/state", {})
    return {"analyses": found.analyses, "imported": list(found.imported)}


async def test_a_crash_yields_no_diagnostics_one_log_and_the_server_goes_on(lsp):
    uri = lsp.open("crash.py", BAD + "# CRASH_ANALYSIS\n")
    assert await lsp.diagnostics(uri, 1) == []
    await lsp.settle(0.2)
    [logged] = lsp.logs("crash.py")
    assert logged.startswith(
        f"seqlint: not analysed: {lsp.folder / 'crash.py'}:1:1: SL901 internal error while "
        "analysing this file: RuntimeError: simulated crash; please report it\nTraceback"
    )
    version = lsp.change(uri, BAD)
    assert [d.code for d in await lsp.diagnostics(uri, version)] == ["SL101"]


async def test_stale_analyses_are_dropped(lsp):
    before = (await _state(lsp))["analyses"]
    uri = lsp.open("stale.py", BAD + "# SLOW_ANALYSIS\n")  # analysed at once, for a second
    await asyncio.sleep(0.3)  # the slow analysis of version 1 is running
    for number in range(5):  # typing: 5 changes, 5 ms apart
        version = lsp.change(uri, BAD + "#" * (number + 1) + "\n")
        await asyncio.sleep(0.005)
    # a hover sent now is answered from the analysis of the latest text
    hover = await lsp.client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(13, 12))
    )
    assert hover.contents.value.startswith("**LSTM(32)** → `(batch, 32)`")
    assert [d.code for d in await lsp.diagnostics(uri, version)] == ["SL101"]
    await lsp.settle(0.3)
    published = [p.version for p in lsp.published if p.uri == uri]
    assert published == [version]  # version 1 finished after the changes: never published
    ran = (await _state(lsp))["analyses"] - before
    assert ran == 2  # the slow one, then the last change's (the other changes were debounced)


async def test_the_server_never_imports_tensorflow(lsp):
    uri = lsp.open("tf.py", "import tensorflow as tf\n" + BAD)
    await lsp.diagnostics(uri, 1)
    assert (await _state(lsp))["imported"] == []

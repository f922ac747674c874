"""Diagnostics over LSP (VS Code's client profile): on open, change and save, from the buffer;
codes, rule links, trace, severities; ``# noqa`` and configuration as on the command line."""

from __future__ import annotations

import pytest
from lsprotocol import types

from tests.server.conftest import example, start

pytestmark = pytest.mark.asyncio(loop_scope="module")

client = start("visual-studio-code")

BAD = example("stacked_lstm_missing_return_sequences_bad.py")
GOOD = example("stacked_lstm_missing_return_sequences_good.py")
RULE_PAGE = "https://github.com/seqlint/seqlint/blob/main/docs/rules/SL101.md"


@pytest.fixture(scope="module")
def lsp(client):
    return client.session


async def test_open_publishes_the_buffer_diagnostics(lsp):
    uri = lsp.open("not_on_disk.py", BAD)  # never written: the buffer is analysed
    [found] = await lsp.diagnostics(uri, 1)
    assert found.code == "SL101"
    assert found.source == "seqlint"
    assert found.severity == types.DiagnosticSeverity.Error
    assert found.code_description.href == RULE_PAGE
    assert (found.range.start.line, found.range.start.character) == (14, 10)
    assert (found.range.end.line, found.range.end.character) == (14, 41)
    assert found.message.startswith("LSTM(16, return_sequences=True) needs a time axis")
    assert "\nhint: set return_sequences=True on LSTM(32) at line 14" in found.message
    related = [
        (r.location.uri, r.location.range.start.line, r.message) for r in found.related_information
    ]
    assert related == [
        (uri, 12, "Input(shape=(timesteps, n_features)): (batch, 12, 4)"),
        (uri, 13, "LSTM(32): (batch, 32) (drops the time axis: return_sequences is False)"),
        (uri, 14, "> LSTM(16, return_sequences=True): expects (batch, timesteps, features)"),
    ]


async def test_change_and_incremental_edit_and_save(lsp):
    uri = lsp.open("edited.py", GOOD)
    assert await lsp.diagnostics(uri, 1) == []
    version = lsp.change(uri, BAD)
    assert [d.code for d in await lsp.diagnostics(uri, version)] == ["SL101"]
    # an incremental edit: drop return_sequences=True from the second LSTM's line back in
    line = BAD.splitlines()[13]  # model.add(LSTM(32))
    lsp.versions[uri] += 1
    lsp.client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(lsp.versions[uri], uri),
            [
                types.TextDocumentContentChangePartial(
                    range=types.Range(
                        types.Position(13, len(line) - 2), types.Position(13, len(line) - 2)
                    ),
                    text=", return_sequences=True",
                )
            ],
        )
    )
    assert await lsp.diagnostics(uri, lsp.versions[uri]) == []
    count = len(lsp.published)
    lsp.client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    assert await lsp.diagnostics(uri, lsp.versions[uri], after=count) == []
    lsp.close(uri)
    assert await lsp.diagnostics(uri, None, after=count + 1) == []


async def test_noqa_and_configuration_as_on_the_command_line(lsp):
    suppressed = BAD.replace("# expect: SL101", "# noqa: SL101")
    uri = lsp.open("suppressed.py", suppressed)
    assert await lsp.diagnostics(uri, 1) == []
    version = lsp.change(uri, BAD.replace("# expect: SL101", "# noqa: SL204"))
    assert [d.code for d in await lsp.diagnostics(uri, version)] == ["SL101"]
    sub = lsp.folder / "configured"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[tool.seqlint]\nignore = ["SL1"]\n')
    uri = lsp.open("configured/train.py", BAD)
    assert await lsp.diagnostics(uri, 1) == []


async def test_configuration_reloaded_when_it_changes(lsp):
    sub = lsp.folder / "reload"
    sub.mkdir()
    config = sub / "seqlint.toml"
    config.write_text('ignore = ["SL101"]\n')
    uri = lsp.open("reload/train.py", BAD)
    assert await lsp.diagnostics(uri, 1) == []
    assert [r.method for r in lsp.registrations] == ["workspace/didChangeWatchedFiles"]
    watchers = lsp.registrations[0].register_options["watchers"]
    assert {w["globPattern"] for w in watchers} == {
        "**/.seqlint.toml",
        "**/seqlint.toml",
        "**/pyproject.toml",
    }
    config.write_text('ignore = ["SL2"]\n')
    count = len(lsp.published)
    lsp.client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]
        )
    )
    assert [d.code for d in await lsp.diagnostics(uri, 1, after=count)] == ["SL101"]


async def test_severities_are_the_rules(lsp):
    # info findings are Information; warnings Warning (SL213 is info, SL211 a warning)
    uri = lsp.open("legacy.py", example("legacy_timeseries_generator_bad.py"))
    [found] = await lsp.diagnostics(uri, 1)
    assert (found.code, found.severity) == ("SL213", types.DiagnosticSeverity.Information)
    uri = lsp.open("padded.py", example("padded_tagger_without_mask_bad.py"))
    [found] = await lsp.diagnostics(uri, 1)
    assert (found.code, found.severity) == ("SL211", types.DiagnosticSeverity.Warning)


async def test_a_file_that_does_not_parse_yields_one_log_message(lsp):
    uri = lsp.open("broken.py", BAD + "model.fit(X, y\n")
    assert await lsp.diagnostics(uri, 1) == []
    await lsp.settle(0.2)
    [logged] = lsp.logs("broken.py")
    assert logged.startswith(f"seqlint: not analysed: {lsp.folder / 'broken.py'}:19:10: SL900")
    version = lsp.change(uri, BAD + "model.fit(X, y\n")  # the same problem: not logged again
    assert await lsp.diagnostics(uri, version) == []
    assert len(lsp.logs("broken.py")) == 1
    version = lsp.change(uri, BAD)
    assert [d.code for d in await lsp.diagnostics(uri, version)] == ["SL101"]


async def test_a_wrong_configuration_is_logged_not_raised(lsp):
    sub = lsp.folder / "wrong"
    sub.mkdir()
    (sub / "seqlint.toml").write_text('select = ["XX9"]\n')
    uri = lsp.open("wrong/train.py", BAD)
    assert await lsp.diagnostics(uri, 1) == []
    await lsp.settle(0.2)
    [logged] = lsp.logs("seqlint.toml")
    assert "unknown rule code 'XX9'" in logged

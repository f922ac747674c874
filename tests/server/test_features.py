"""Hover, inlay hints and code actions over LSP (Neovim 0.7's client profile); every applied
fix is compared with what ``seqlint check --fix`` writes for the same text."""

from __future__ import annotations

import pytest
from lsprotocol import types

from tests.server.conftest import apply_edits, cli_fix, edits_for, example, start

pytestmark = pytest.mark.asyncio(loop_scope="module")

client = start("neovim@v0.7.0")

BAD = example("stacked_lstm_missing_return_sequences_bad.py")
FUNCTIONAL = """\
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(20,))
x = layers.Embedding(1000, 64)(inputs)
x = layers.LSTM(64, return_sequences=True)(x)
out, h, c = layers.LSTM(32, return_state=True)(x)
outputs = layers.Dense(1)(out)
model = keras.Model(inputs, outputs)
"""


@pytest.fixture(scope="module")
def lsp(client):
    return client.session


def _doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri)


async def _hover(lsp, uri: str, line: int, character: int) -> str | None:
    found = await lsp.client.text_document_hover_async(
        types.HoverParams(_doc(uri), types.Position(line, character))
    )
    return None if found is None else found.contents.value


async def _actions(lsp, uri: str, line: int, only=None) -> list[types.CodeAction]:
    place = types.Range(types.Position(line, 0), types.Position(line, 0))
    context = types.CodeActionContext(diagnostics=[], only=only)
    return await lsp.client.text_document_code_action_async(
        types.CodeActionParams(_doc(uri), place, context)
    )


async def test_hover_on_a_layer_call_shows_shape_params_and_trace(lsp):
    uri = lsp.open("hover.py", FUNCTIONAL)
    await lsp.diagnostics(uri, 1)
    text = await _hover(lsp, uri, 5, 12)  # on LSTM of `x = layers.LSTM(64, ...)(x)`
    assert text == (
        "**LSTM(64, return_sequences=True)** → `(batch, 20, 64)`\n\n"
        "params: 33,024\n\n"
        "| layer | line | output shape | params |\n"
        "|---|---|---|---|\n"
        "| Input(shape=(20,)) | 4 | (batch, 20) | 0 |\n"
        "| Embedding(1000, 64) | 5 | (batch, 20, 64) | 64,000 |\n"
        "| LSTM(64, return_sequences=True) | 6 | (batch, 20, 64) | 33,024 |"
    )


async def test_hover_on_tensor_variables(lsp):
    uri = lsp.open("variables.py", FUNCTIONAL)
    await lsp.diagnostics(uri, 1)
    # `out` and `h` on the line that binds them: one output each of the return_state call
    assert (await _hover(lsp, uri, 6, 0)).startswith(
        "`out`: output of **LSTM(32, return_state=True)** → `(batch, 32)`"
    )
    assert (await _hover(lsp, uri, 6, 5)).startswith(
        "`h`: output of **LSTM(32, return_state=True)** → `(batch, 32)`"
    )
    # the argument `x` of line 7 is the x bound on line 6
    assert (await _hover(lsp, uri, 6, 47)).startswith(
        "`x`: output of **LSTM(64, return_sequences=True)** → `(batch, 20, 64)`"
    )
    assert await _hover(lsp, uri, 8, 0) is None  # `model` holds no tensor
    assert await _hover(lsp, uri, 2, 0) is None


async def test_hover_on_a_noqa_code_shows_the_rule_page(lsp):
    uri = lsp.open("noqa.py", BAD.replace("# expect: SL101", "# noqa: SL204, SL101"))
    await lsp.diagnostics(uri, 1)
    line = BAD.splitlines()[14]
    column = line.index("# expect") + len("# noqa: SL204, S")
    text = await _hover(lsp, uri, 14, column)
    assert text.startswith("# SL101 missing-time-axis\n\n**Severity:** error")
    assert text.endswith(
        "[SL101 on the web](https://github.com/seqlint/seqlint/blob/main/docs/rules/SL101.md)\n"
    )
    assert (await _hover(lsp, uri, 14, column - 7)).startswith("# SL204 silent-target-mismatch")


async def test_inlay_hints_after_each_modelled_layer_call(lsp):
    uri = lsp.open("hints.py", FUNCTIONAL.replace("layers.Dense(1)", "MyLayer(1)"))
    await lsp.diagnostics(uri, 1)
    everything = types.Range(types.Position(0, 0), types.Position(20, 0))
    hints = await lsp.client.text_document_inlay_hint_async(
        types.InlayHintParams(_doc(uri), everything)
    )
    found = [(h.position.line, h.position.character, h.label) for h in hints]
    assert found == [  # after each call; MyLayer is not modelled: no hint
        (3, 33, "-> (batch, 20)"),
        (4, 38, "-> (batch, 20, 64)"),
        (5, 45, "-> (batch, 20, 64)"),
        (6, 49, "-> (batch, 32), (batch, 32), (batch, 32)"),
    ]
    lines = types.Range(types.Position(4, 0), types.Position(5, 0))
    hints = await lsp.client.text_document_inlay_hint_async(types.InlayHintParams(_doc(uri), lines))
    assert [h.position.line for h in hints] == [4]


async def test_a_safe_quick_fix_is_the_fix_of_the_command_line(lsp, tmp_path):
    uri = lsp.open("safe.py", BAD)
    await lsp.diagnostics(uri, 1)
    actions = await _actions(lsp, uri, 14, only=[types.CodeActionKind.QuickFix])
    assert [(a.title, a.is_preferred) for a in actions] == [
        ("Fix SL101: set return_sequences=True on LSTM(32) at line 14", True),
        ("Suppress with # noqa: SL101", None),
    ]
    fixed = apply_edits(BAD, edits_for(actions[0].edit, uri))
    assert fixed == cli_fix(tmp_path / "safe.py", BAD)
    assert "model.add(LSTM(32, return_sequences=True))\n" in fixed
    suppressed = apply_edits(BAD, edits_for(actions[1].edit, uri))
    assert suppressed.splitlines()[14].endswith("# expect: SL101  # noqa: SL101")
    version = lsp.change(uri, suppressed)
    assert await lsp.diagnostics(uri, version) == []


async def test_an_unsafe_quick_fix_is_labelled_and_matches_unsafe_fixes(lsp, tmp_path):
    text = example("encoder_decoder_missing_repeat_vector_bad.py")
    uri = lsp.open("unsafe.py", text)
    [diagnostic] = await lsp.diagnostics(uri, 1)
    actions = await _actions(lsp, uri, diagnostic.range.start.line)
    [fix] = [a for a in actions if a.title.startswith("Fix")]
    assert fix.title.endswith("(unsafe fix)")
    assert not fix.is_preferred
    fixed = apply_edits(text, edits_for(fix.edit, uri))
    assert fixed != text
    assert fixed == cli_fix(tmp_path / "unsafe.py", text, "--unsafe-fixes")
    assert cli_fix(tmp_path / "unsafe.py", text) == text  # not a safe fix
    # fix-all applies safe fixes only: nothing here
    assert not await _actions(lsp, uri, 0, only=["source.fixAll"])


async def test_fix_all_is_check_fix(lsp, tmp_path):
    text = example("dqn_agent_optimizer_lr_bad.py") + "\n" + BAD.split("\n", 1)[1]
    uri = lsp.open("fixall.py", text)
    codes = [d.code for d in await lsp.diagnostics(uri, 1)]
    assert sorted(codes) == ["SL101", "SL217"]
    [action] = await _actions(lsp, uri, 0, only=["source.fixAll"])
    assert (action.title, action.kind) == ("seqlint: fix all (safe fixes)", "source.fixAll.seqlint")
    fixed = apply_edits(text, edits_for(action.edit, uri))
    assert fixed == cli_fix(tmp_path / "fixall.py", text)
    assert fixed != text
    version = lsp.change(uri, fixed)
    assert await lsp.diagnostics(uri, version) == []


async def test_inlay_hints_can_be_turned_off(lsp):
    uri = lsp.open("off.py", FUNCTIONAL)
    await lsp.diagnostics(uri, 1)
    lsp.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"seqlint": {"inlayHints": False}})
    )
    everything = types.Range(types.Position(0, 0), types.Position(20, 0))
    hints = await lsp.client.text_document_inlay_hint_async(
        types.InlayHintParams(_doc(uri), everything)
    )
    assert hints is None
    lsp.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"seqlint": {"inlayHints": True}})
    )
    hints = await lsp.client.text_document_inlay_hint_async(
        types.InlayHintParams(_doc(uri), everything)
    )
    assert len(hints) == 5

"""End to end in a real editor: Neovim 0.7 (Debian's), headless, with seqlint as the language
server of a buggy script through editors/neovim/seqlint-0.7.lua (the set-up docs/editors.md
gives); the diagnostics Neovim received are read back."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from tests.server.conftest import ENV, ROOT, example

NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(
    NVIM is None, reason="neovim is not installed (.ci/run installs it: apt-get install -y neovim)"
)

PROBE = """\
vim.g.seqlint_cmd = {{ {python}, "-m", "seqlint", "server" }}
dofile({config})
vim.api.nvim_create_autocmd("VimEnter", {{
  callback = function()
    local received = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
    local found = {{}}
    for _, d in ipairs(vim.diagnostic.get(0)) do
      table.insert(found, {{
        lnum = d.lnum, col = d.col, severity = d.severity, source = d.source,
        message = d.message, code = d.user_data and d.user_data.lsp and d.user_data.lsp.code,
      }})
    end
    local out = io.open({out}, "w")
    out:write(vim.fn.json_encode({{ received = received, diagnostics = found }}))
    out:close()
    vim.cmd("qa!")
  end,
}})
"""


def _readme_setup(tmp_path) -> str:
    """README's Neovim 0.7 snippet, its command pointed at this checkout."""
    block = re.search(r"```lua\n(.*?)```", (ROOT / "README.md").read_text(), re.S).group(1)
    assert '{ "seqlint", "server" }' in block
    lua = tmp_path / "readme.lua"
    lua.write_text(block.replace('{ "seqlint", "server" }', "vim.g.seqlint_cmd"))
    return str(lua)


@pytest.mark.parametrize("setup", ["editors/neovim/seqlint-0.7.lua", "README.md"])
def test_neovim_receives_the_diagnostics(tmp_path, setup):
    script = tmp_path / "train.py"
    script.write_text(example("stacked_lstm_missing_return_sequences_bad.py"))
    out = tmp_path / "diagnostics.json"
    probe = tmp_path / "probe.lua"
    config = _readme_setup(tmp_path) if setup == "README.md" else str(ROOT / setup)
    probe.write_text(
        PROBE.format(
            python=json.dumps(sys.executable), config=json.dumps(config), out=json.dumps(str(out))
        )
    )
    subprocess.run(
        [NVIM, "--headless", "--clean", "-u", str(probe), str(script)],
        cwd=tmp_path,
        env=ENV,
        timeout=90,
        check=True,
        capture_output=True,
    )
    found = json.loads(out.read_text())
    assert found["received"] is True
    [diagnostic] = found["diagnostics"]
    assert diagnostic["code"] == "SL101"
    assert (diagnostic["lnum"], diagnostic["col"]) == (14, 10)
    assert diagnostic["severity"] == 1  # vim.diagnostic.severity.ERROR
    assert diagnostic["source"] == "seqlint"
    assert diagnostic["message"].startswith("LSTM(16, return_sequences=True) needs a time axis")

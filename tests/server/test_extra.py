"""The server is an optional extra: without it ``seqlint server`` says how to install it, and
the command line never imports pygls or lsprotocol."""

from __future__ import annotations

import subprocess
import sys

from tests.server.conftest import ENV, example

BAD = example("stacked_lstm_missing_return_sequences_bad.py")


def test_without_the_extra_one_line_and_exit_2():
    hide = (
        "import sys; sys.modules['pygls'] = None; sys.modules['lsprotocol'] = None; "
        "from seqlint.cli import main; main(['server'])"
    )
    ran = subprocess.run(
        [sys.executable, "-c", hide], env=ENV, capture_output=True, text=True, timeout=60
    )
    assert ran.returncode == 2
    assert ran.stdout == ""
    assert ran.stderr == (
        'seqlint: error: `seqlint server` needs the server extra: pip install "seqlint[server]"\n'
    )


def test_the_command_line_never_imports_the_server_libraries(tmp_path):
    script = tmp_path / "train.py"
    script.write_text(BAD)
    probe = (
        "import sys\nfrom seqlint.cli import main\n"
        "try:\n    main(['check', '--no-cache', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol')))"
    )
    ran = subprocess.run(
        [sys.executable, "-c", probe, str(script)],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "SL101" in ran.stdout
    assert ran.stdout.rstrip().endswith("[]")

"""The text report and ``seqlint shapes`` fit the terminal: wrapped at word boundaries to
``COLUMNS``, else to the terminal's width; never wrapped when piped without ``COLUMNS``."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from seqlint.report.text import terminal_width, wrap

ROOT = Path(__file__).resolve().parents[2]
FILES = (
    "examples/concatenate_time_length_mismatch_bad.py",
    "examples/concatenate_in_sequential_bad.py",
)
SHAPES_FILES = (
    "examples/concatenate_in_sequential_bad.py",
    "examples/char_model_vocabulary_size_last_step_bad.py",
)

EXPECTED = Path(__file__).parent / "width"  # the exact outputs, one file each


def expected(name: str) -> str:
    return (EXPECTED / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("columns", [60, 80, 120, None])
def test_the_report_wraps_to_columns(run, at_root, monkeypatch, columns):
    if columns is not None:
        monkeypatch.setenv("COLUMNS", str(columns))
    result = run("check", "--no-cache", *FILES)
    assert result.exit_code == 1
    assert result.output == expected(f"check-{columns or 'piped'}")
    if columns is not None:
        assert max(len(line) for line in result.output.splitlines()) <= columns


@pytest.mark.parametrize("columns", [60, 80])
def test_shape_tables_shrink_their_layer_column(run, at_root, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    result = run("shapes", *SHAPES_FILES)
    assert result.exit_code == 0
    assert result.output == expected(f"shapes-{columns}")


def test_wrapping_keeps_words_and_styles():
    line = [("path.py:1:2:", "bold"), (" ", ""), ("SL101", "red"), (" ", ""), ("a bb ccc", "")]
    assert wrap(line, None, 4) == [line]
    assert wrap(line, 100, 4) == [line]
    assert wrap(line, 19, 4) == [
        [("path.py:1:2:", "bold"), (" ", ""), ("SL101", "red")],
        [("    ", ""), ("a", ""), (" ", ""), ("bb", ""), (" ", ""), ("ccc", "")],
    ]
    # a word longer than the width overflows alone, never cut; leading blanks stay
    assert wrap([("  hint: ", "c"), ("x" * 30 + " y", "")], 20, 8) == [
        [("  ", "c"), ("hint:", "c")],
        [("        ", ""), ("x" * 30, "")],
        [("        ", ""), ("y", "")],
    ]


def test_a_location_with_spaces_stays_whole():
    line = [("my dir/a b.py:1:2:", "bold"), (" ", ""), ("SL101 message", "")]
    assert wrap(line, 12, 4)[0] == [("my", "bold"), (" ", "bold"), ("dir/a", "bold")]
    assert wrap(line, 12, 4, keep=1) == [
        [("my dir/a b.py:1:2:", "bold")],
        [("    ", ""), ("SL101", "")],
        [("    ", ""), ("message", "")],
    ]


def test_piped_output_is_not_wrapped_unless_columns_says(monkeypatch):
    stream = io.StringIO()
    assert terminal_width(stream) is None
    monkeypatch.setenv("COLUMNS", "not a number")
    assert terminal_width(stream) is None
    monkeypatch.setenv("COLUMNS", "100")
    assert terminal_width(stream) == 100
    monkeypatch.setenv("COLUMNS", "5")
    assert terminal_width(stream) == 20  # narrower is read as the minimum


def test_a_terminal_gives_its_width(monkeypatch):
    main, attached = pty.openpty()
    try:
        fcntl.ioctl(attached, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 72, 0, 0))
        with os.fdopen(attached, "w", closefd=False) as stream:
            assert terminal_width(stream) == 72
            monkeypatch.setenv("COLUMNS", "100")  # COLUMNS wins
            assert terminal_width(stream) == 100
    finally:
        os.close(attached)
        os.close(main)


@pytest.mark.skipif(
    shutil.which("tmux") is None,
    reason="tmux is not installed (.ci/run installs it with apt-get when it can)",
)
def test_in_an_80_column_tmux_pane(tmp_path):
    """End to end: a real terminal of 80 columns, COLUMNS unset, colors on (rich): what
    tmux shows is the 80-column report, line for line."""
    socket = f"seqlint-test-{os.getpid()}"
    done = tmp_path / "done"
    command = (
        f"env -u COLUMNS -u NO_COLOR PYTHONPATH={os.pathsep.join(sys.path)} "
        f"SEQLINT_CACHE_DIR={tmp_path / 'cache'} TERM=xterm-256color "
        f"{sys.executable} -m seqlint check --no-cache {' '.join(FILES)}; touch {done}; sleep 60"
    )
    tmux = ["tmux", "-L", socket, "-f", os.devnull]
    subprocess.run(
        [*tmux, "new-session", "-d", "-x", "80", "-y", "60", "-c", str(ROOT), command],
        check=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert done.exists(), "seqlint did not finish in the tmux pane"
        pane = subprocess.run(
            [*tmux, "capture-pane", "-p", "-t", "0"], capture_output=True, text=True, check=True
        ).stdout
    finally:
        subprocess.run([*tmux, "kill-server"], check=False)
    shown = [line.rstrip() for line in pane.splitlines()]
    while shown and not shown[-1]:
        shown.pop()
    assert shown == [line.rstrip() for line in expected("check-80").splitlines()]

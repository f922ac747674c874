"""Hostile input through the real command line: nothing crashes, hangs or loses output.

Every hostile file is generated here, never committed. Each case runs ``python -m seqlint``
in a subprocess (a crash of the native parser would end it with a signal) with a timeout
(a hang fails the test instead of stalling it).
"""

from __future__ import annotations

import json
import os
import re
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

MODEL = (
    "from tensorflow import keras\n"
    "from tensorflow.keras import layers\n"
    "model = keras.Sequential([keras.Input(shape=(20, 8)), layers.LSTM(8), layers.LSTM(4)])\n"
)
# SL101 at line 3, column 71: the second LSTM gets no time axis
FINDING = "SL101"


def seqlint(*args: str, cwd: Path, stdout=subprocess.PIPE, timeout: float = 60):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "seqlint", "check", "--no-cache", *args],
        cwd=cwd,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        timeout=timeout,
    )


def _json(proc) -> list[dict]:
    return json.loads(proc.stdout)["diagnostics"]


# -- the native parser never ends the run ---------------------------------------------------


@pytest.mark.parametrize(
    "hostile, cpython_rejects",
    [
        ("x = f'{" + "(" * 1500 + "1" + ")" * 1500 + "}'\n", True),
        ("x = 'a\\\nb' + " + "(" * 1500 + "1" + ")" * 1500 + "\n", True),
        ("x = f'{" + " and ".join(["a"] * 3000) + "}'\n", False),
        ("x = " + " and ".join(["a"] * 100_000) + "\n", False),
    ],
    ids=["f-string brackets", "brackets after backslash-newline", "f-string chain", "and chain"],
)
def test_deep_nesting_never_crashes_and_the_other_files_are_reported(
    tmp_path, hostile, cpython_rejects
):
    (tmp_path / "a_hostile.py").write_text(MODEL + hostile, encoding="utf-8")
    (tmp_path / "b_model.py").write_text(MODEL, encoding="utf-8")
    for jobs in ("1", "2"):
        proc = seqlint("--format", "json", "--jobs", jobs, ".", cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr
        codes = {(d["path"], d["code"]) for d in _json(proc)}
        expected = "SL900" if cpython_rejects else "SL902"
        assert ("a_hostile.py", expected) in codes
        assert ("b_model.py", FINDING) in codes
        assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "valid",
    [
        "x = [1,\n" + "# a comment\n" * 200 + "2]\n",
        "x = (" + "\n".join(['"s"'] * 200) + ")\n",
        "x = " + " + ".join(["1"] * 250) + "\n",
    ],
    ids=["200 comment lines", "200 joined strings", "250-term sum"],
)
def test_valid_code_is_analysed_not_refused(tmp_path, valid):
    (tmp_path / "m.py").write_text(valid + MODEL, encoding="utf-8")
    proc = seqlint("--format", "json", "m.py", cwd=tmp_path)
    lines = valid.count("\n")
    assert [(d["code"], d["line"]) for d in _json(proc)] == [(FINDING, lines + 3)]


def test_valid_code_too_deep_to_analyse_is_sl902_with_its_own_message(tmp_path):
    (tmp_path / "m.py").write_text(MODEL + "x = " + "-" * 2000 + "1\n", encoding="utf-8")
    proc = seqlint("m.py", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0] == (
        "m.py:1:1: SL902 not analysed: nested too deeply to analyse (nesting depth over 500)"
    )


def test_file_too_large_to_analyse_is_named_with_the_limit(tmp_path):
    from seqlint.engine import MAX_ANALYSED_BYTES

    padding = "x = 1\n" * (MAX_ANALYSED_BYTES // 6 + 10)
    (tmp_path / "big.py").write_text(MODEL + padding, encoding="utf-8")
    (tmp_path / "small.py").write_text(MODEL, encoding="utf-8")
    proc = seqlint(".", cwd=tmp_path, timeout=30)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert re.fullmatch(
        r"big\.py:1:1: SL902 not analysed: 128\.\d KB is over the analysis limit of 128 KB",
        lines[0],
    )
    assert any(line.startswith(f"small.py:3:71: {FINDING}") for line in lines)


# -- decoding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, reason",
    [
        (
            b"# coding: undefined\n",
            "cannot be decoded as undefined: decoding with 'undefined' codec failed "
            "(UnicodeError: undefined encoding)",
        ),
        (
            b"# coding: punycode\n",
            "cannot be decoded as punycode: decoding with 'punycode' codec failed "
            "(UnicodeError: Invalid extended code point '#')",
        ),
        (
            b"# coding: raw_unicode_escape\nx = '\\ud800'\n",
            "decoding as raw-unicode-escape gives a lone surrogate (U+D800 at character 34)",
        ),
        (
            b"# coding: utf-7\nx = '+2AA-'\n",
            "decoding as utf-7 gives a lone surrogate (U+D800 at character 21)",
        ),
    ],
    ids=["undefined", "punycode", "raw_unicode_escape", "utf-7"],
)
def test_decoding_failures_are_one_line_and_the_others_go_on(tmp_path, data, reason):
    (tmp_path / "bad.py").write_bytes(data + MODEL.encode())
    (tmp_path / "good.py").write_text(MODEL, encoding="utf-8")
    proc = seqlint(".", cwd=tmp_path)
    assert proc.stderr.splitlines() == [f"seqlint: error: cannot decode bad.py: {reason}"]
    assert proc.returncode == 1
    assert proc.stdout.startswith(f"good.py:3:71: {FINDING} ")
    assert "SL901" not in proc.stdout


def test_only_undecodable_files_exit_2(tmp_path):
    (tmp_path / "bad.py").write_bytes(b"# coding: undefined\n" + MODEL.encode())
    proc = seqlint("bad.py", cwd=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


# -- special files, unreadable files and directories ---------------------------------------


def test_fifo_on_the_command_line_is_refused_without_opening(tmp_path):
    os.mkfifo(tmp_path / "pipe.py")
    (tmp_path / "good.py").write_text(MODEL, encoding="utf-8")
    proc = seqlint("pipe.py", "good.py", cwd=tmp_path, timeout=20)  # opening would hang
    assert proc.stderr.splitlines() == [
        "seqlint: error: cannot read pipe.py: not a regular file (FIFO)"
    ]
    assert proc.returncode == 1
    assert proc.stdout.startswith(f"good.py:3:71: {FINDING} ")


def test_special_files_found_in_a_walk_are_refused(tmp_path):
    os.mkfifo(tmp_path / "pipe.py")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "sock.py"))
        os.symlink("/dev/zero", tmp_path / "zero.py")
        proc = seqlint(".", cwd=tmp_path, timeout=20)
    finally:
        server.close()
    assert proc.stderr.splitlines() == [
        "seqlint: error: cannot read pipe.py: not a regular file (FIFO)",
        "seqlint: error: cannot read sock.py: not a regular file (socket)",
        "seqlint: error: cannot read zero.py: not a regular file (character device)",
    ]
    assert proc.returncode == 2  # nothing could be checked


def _really_unreadable(path: Path) -> bool:
    try:
        path.read_bytes()
    except PermissionError:
        return True
    return False


@pytest.fixture
def locked(tmp_path):
    """A file without read permission and a directory without search permission."""
    (tmp_path / "secret.py").write_text(MODEL, encoding="utf-8")
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "inner.py").write_text(MODEL, encoding="utf-8")
    (tmp_path / "good.py").write_text(MODEL, encoding="utf-8")
    os.chmod(tmp_path / "secret.py", 0)
    os.chmod(tmp_path / "closed", stat.S_IRUSR | stat.S_IWUSR)  # listable, not searchable
    yield tmp_path
    os.chmod(tmp_path / "closed", 0o755)
    os.chmod(tmp_path / "secret.py", 0o644)


def test_unreadable_file_and_unsearchable_directory(locked):
    if not _really_unreadable(locked / "secret.py"):
        pytest.skip("running as a user who can read anything (root)")
    proc = seqlint("secret.py", "closed/inner.py", "good.py", cwd=locked)
    assert proc.stderr.splitlines() == [
        "seqlint: error: cannot read closed/inner.py: Permission denied",
        "seqlint: error: cannot read secret.py: Permission denied",
    ]
    assert proc.returncode == 1
    assert proc.stdout.startswith(f"good.py:3:71: {FINDING} ")


def test_permission_errors_as_a_non_root_user_sees_them(stub, run, tmp_path, monkeypatch):
    """The same as above, emulated so that it also runs as root: the OS refuses the file
    and looking up the path inside the directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "secret.py").write_text(MODEL, encoding="utf-8")
    (tmp_path / "good.py").write_text(MODEL, encoding="utf-8")
    real_open, real_lstat = os.open, os.lstat

    def refusing_open(path, *args, **kwargs):
        if str(path).endswith("secret.py"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    def refusing_lstat(path, *args, **kwargs):
        if str(path).startswith("closed"):
            raise PermissionError(13, "Permission denied")
        return real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    monkeypatch.setattr(os, "lstat", refusing_lstat)
    result = run("check", "secret.py", "closed/inner.py", "good.py")
    assert result.stderr.splitlines() == [
        "seqlint: error: cannot read closed/inner.py: Permission denied",
        "seqlint: error: cannot read secret.py: Permission denied",
    ]
    assert result.exit_code == 0  # the stub finds nothing in good.py: it was checked
    assert stub.calls == ["good.py"]
    assert "All checks passed (1 file)." in result.stdout


# -- what reaches the terminal ----------------------------------------------------------------

FORGED = "::error file=x.py,line=1::forged"
HOSTILE_LABEL = (
    "from tensorflow import keras\n"
    "from tensorflow.keras import layers\n"
    "model = keras.Sequential([\n"
    "    keras.Input(shape=(20, 8)),\n"
    f'    layers.LSTM(8, name="""\n{FORGED}\x1b]8;;http://evil/\x07x\x1b]8;;\x07\r"""),\n'
    "    layers.LSTM(4),\n"
    "])\n"
)


def test_text_output_escapes_control_characters_from_code_and_paths(tmp_path):
    name = "evil\x1b[2J\nname.py"
    (tmp_path / name).write_text(HOSTILE_LABEL, encoding="utf-8")
    (
        tmp_path
        / "undecodable\udcff.py".encode("utf-8", "surrogateescape").decode(
            "utf-8", "surrogateescape"
        )
    ).write_bytes(b"x = '\xff'\n")
    proc = seqlint("--format", "text", ".", cwd=tmp_path)
    assert proc.returncode == 1
    for stream in (proc.stdout, proc.stderr):
        assert "\x1b" not in stream and "\r" not in stream and "\x07" not in stream
        assert not any(line.startswith("::") for line in stream.splitlines())
    assert proc.stdout.startswith("evil\\x1b[2J\\nname.py:")
    assert "cannot decode undecodable\\udcff.py" in proc.stderr


def test_json_and_github_formats_keep_escaping(tmp_path):
    (tmp_path / "m.py").write_text(HOSTILE_LABEL, encoding="utf-8")
    as_json = seqlint("--format", "json", "m.py", cwd=tmp_path)
    assert "\x1b" not in as_json.stdout and "\r" not in as_json.stdout
    assert any(FORGED in json.dumps(d) for d in _json(as_json))  # kept, escaped
    github = seqlint("--format", "github", "m.py", cwd=tmp_path)
    assert github.returncode == 1
    lines = github.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("::error file=m.py,")
    assert "\r" not in github.stdout


# -- stdout that cannot be written ---------------------------------------------------------


def test_closed_stdout_ends_quietly_with_a_non_zero_exit(tmp_path):
    for index in range(30):
        (tmp_path / f"m{index}.py").write_text(MODEL, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "NO_COLOR": "1"}
    proc = subprocess.run(
        f"{sys.executable} -m seqlint check --no-cache . | head -c 0; "
        'echo "status ${PIPESTATUS[0]}" >&2',
        shell=True,
        executable="/bin/bash",
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.stderr.strip().splitlines() == ["status 2"]


def test_full_stdout_ends_with_one_line_and_a_non_zero_exit(tmp_path):
    (tmp_path / "m.py").write_text(MODEL, encoding="utf-8")
    with open("/dev/full", "w") as full:
        proc = seqlint("m.py", cwd=tmp_path, stdout=full)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "seqlint: error: cannot write the report: No space left on device"
    ]


# -- sizes that cannot be ---------------------------------------------------------------------


def test_zero_and_negative_sizes_never_reach_a_hint(tmp_path):
    (tmp_path / "m.py").write_text(
        "import numpy as np\n"
        "from tensorflow import keras\n"
        "from tensorflow.keras import layers\n"
        "inputs = keras.Input(shape=(-5, 8))\n"
        "x = layers.LSTM(-3)(inputs)\n"
        "x = layers.LSTM(0, return_sequences=True)(x)\n"
        "model = keras.Model(inputs, x)\n"
        "model.compile(loss='mse')\n"
        "x = np.zeros((4, -5, 8))\n"
        "model.fit(x, x)\n",
        encoding="utf-8",
    )
    proc = seqlint("m.py", cwd=tmp_path)
    assert proc.returncode == 1
    assert "RepeatVector(output_steps)" in proc.stdout
    for bad in ("-5", "-3", "(0)", "RepeatVector(-", "RepeatVector(0"):
        assert bad not in proc.stdout.replace("LSTM(-3)", "").replace("LSTM(0,", "").replace(
            "shape=(-5, 8)", ""
        )


def test_shapes_output_escapes_control_characters_too(tmp_path):
    (tmp_path / "m\x1b[31m.py").write_text(HOSTILE_LABEL, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "seqlint", "shapes", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.stdout.startswith("m\\x1b[31m.py:3: ")
    for stream in (proc.stdout, proc.stderr):
        assert "\x1b" not in stream and "\r" not in stream and "\x07" not in stream
        assert not any(line.startswith("::") for line in stream.splitlines())

"""Reading files: encodings, unreadable and oversized files, the model pre-filter."""

from __future__ import annotations

import os

import pytest

from seqlint import sources
from seqlint.engine import check_paths
from seqlint.sources import decode_source
from tests.cli.support import KERAS_BUGGY, KERAS_CLEAN, write


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_non_utf8_is_one_line_and_the_others_are_checked(stub, run, tmp_path):
    write(tmp_path / "examples" / "x.py", b"import keras\n\xffx = 1\n")
    write(tmp_path / "examples" / "y.py", KERAS_BUGGY)
    result = run("check", "examples")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "seqlint: error: cannot decode examples/x.py: not valid UTF-8 (byte 0xff at offset 13)"
    ]
    assert "Traceback" not in result.output
    assert "examples/y.py:3:5: SL101" in result.stdout
    assert stub.calls == ["examples/y.py"]


def test_latin1_coding_cookie_decodes(stub, run, tmp_path):
    source = b"# -*- coding: latin-1 -*-\nimport keras\nname = keras.Input('\xe9t\xe9')\n"
    write(tmp_path / "m.py", source)
    result = run("check", "m.py")
    assert result.exit_code == 0, result.output
    assert "name = keras.Input('été')" in stub.sources["m.py"]


def test_utf8_bom_decodes():
    assert decode_source(b"\xef\xbb\xbfimport keras\n") == ("import keras\n", "")


def test_bom_offset_points_at_the_bad_byte():
    data = b"\xef\xbb\xbfx = 1\n\xfe\n"
    assert decode_source(data) == (None, "not valid UTF-8 (byte 0xfe at offset 9)")


def test_bad_byte_in_the_first_line_is_located():
    assert decode_source(b"x = '\xff'\n") == (None, "not valid UTF-8 (byte 0xff at offset 5)")


def test_unknown_coding_cookie_is_reported(stub, run, tmp_path):
    write(tmp_path / "m.py", b"# coding: klingon\nimport keras\n")
    result = run("check", "m.py")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "seqlint: error: cannot decode m.py: unknown encoding: klingon"
    ]


def test_cookie_encoding_that_does_not_fit_is_reported():
    text, problem = decode_source(b"# coding: ascii\nimport keras\nx = '\xe9'\n")
    assert text is None
    assert problem == "not valid ascii (byte 0xe9 at offset 34)"


def test_unreadable_file_is_one_line(stub, run, tmp_path):
    os.symlink(tmp_path / "gone.py", tmp_path / "dangling.py")
    write(tmp_path / "ok.py", KERAS_CLEAN)
    result = run("check", "dangling.py", "ok.py")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "seqlint: error: cannot read dangling.py: No such file or directory"
    ]
    assert "All checks passed (1 file)." in result.stdout


def test_directory_given_where_a_file_is_expected_is_walked(stub, run, tmp_path):
    write(tmp_path / "pkg" / "a.py", KERAS_BUGGY)
    assert run("check", "pkg").exit_code == 1


def test_too_large_file_is_skipped_with_one_line(stub, run, tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1024)
    write(tmp_path / "big.py", "import keras\n" + "x = 1  # BUG\n" * 200)
    write(tmp_path / "small.py", KERAS_CLEAN)
    result = run("check", ".")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "seqlint: warning: skipping big.py: file too large (2.6 KB, limit 1 KB)"
    ]
    assert stub.calls == ["small.py"]


def test_default_size_limit_message():
    assert sources.size_text(sources.MAX_FILE_BYTES) == "5 MB"
    assert sources.size_text(6_500_000) == "6.2 MB"
    assert sources.size_text(10) == "10 bytes"


def test_only_too_large_files_exit_2(stub, run, tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 10)
    write(tmp_path / "big.py", KERAS_CLEAN)
    assert run("check", "big.py").exit_code == 2


def test_prefilter_skips_files_without_model_code_but_counts_them(stub, tmp_path):
    write(tmp_path / "a.py", "import numpy as np\nx = 1  # BUG\n")
    write(tmp_path / "b.py", "from tensorflow import keras\nm = keras.Sequential()  # BUG\n")
    write(tmp_path / "c.py", "")
    write(tmp_path / "d.py", "from tensorflow import keras\nx = keras.ops.sum(y)  # BUG\n")
    result = check_paths(["."])
    assert result.files_checked == 4
    assert result.files_parsed == 1
    assert stub.calls == ["b.py"]
    assert [d.path for d in result.diagnostics] == ["b.py"]


def test_prefilter_alone_never_imports_the_pipeline(tmp_path):
    import subprocess
    import sys

    write(tmp_path / "plain.py", "def f(:\n")  # a syntax error, but no Keras: never parsed
    code = (
        "import sys\n"
        "from seqlint.engine import check_paths\n"
        f"r = check_paths([{str(tmp_path / 'plain.py')!r}])\n"
        "assert r.files_checked == 1 and r.diagnostics == [], r\n"
        "heavy = [m for m in ('libcst', 'seqlint.analysis', 'rich') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr

"""The result cache: hits, misses, keys, corruption, read-only places, concurrent runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from seqlint import cache as cache_module
from seqlint.engine import CacheSettings, check_paths

MODEL = (
    "from tensorflow import keras\n"
    "from tensorflow.keras import layers\n"
    "model = keras.Sequential([keras.Input(shape=(20, 8)), layers.LSTM(8), layers.LSTM(4)])\n"
)


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text(MODEL, encoding="utf-8")
    fixed = MODEL.replace("LSTM(8)", "LSTM(8, return_sequences=True)")
    (tmp_path / "pkg" / "b.py").write_text(fixed, encoding="utf-8")
    (tmp_path / "pkg" / "plain.py").write_text("print('no model')\n")
    return tmp_path


def _entries(directory: Path) -> list[Path]:
    return sorted(directory.rglob("*.json"))


def test_second_run_comes_from_the_cache_with_the_same_diagnostics(tree):
    settings = CacheSettings(directory="cache")
    first = check_paths(["pkg"], cache=settings)
    assert (first.files_parsed, first.files_cached) == (2, 0)
    assert len(_entries(tree / "cache")) == 2
    second = check_paths(["pkg"], cache=settings)
    assert (second.files_parsed, second.files_cached) == (0, 2)
    assert second.diagnostics == first.diagnostics
    assert [d.code for d in second.diagnostics] == ["SL101"]


def test_the_cache_directory_is_marked_and_ignored_by_git(tree):
    check_paths(["pkg"], cache=CacheSettings(directory="cache"))
    assert (tree / "cache" / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (tree / "cache" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f59")


def test_same_content_elsewhere_is_reported_at_its_own_path(tree):
    settings = CacheSettings(directory="cache")
    check_paths(["pkg/a.py"], cache=settings)
    (tree / "copy.py").write_text(MODEL, encoding="utf-8")
    result = check_paths(["copy.py"], cache=settings)
    assert result.files_cached == 1
    assert [d.path for d in result.diagnostics] == ["copy.py"]


def test_content_fingerprint_and_version_are_in_the_key(tree, monkeypatch):
    check_paths(["pkg"], cache=CacheSettings(directory="cache"))
    (tree / "pkg" / "a.py").write_text(MODEL + "# edited\n", encoding="utf-8")
    edited = check_paths(["pkg"], cache=CacheSettings(directory="cache"))
    assert (edited.files_parsed, edited.files_cached) == (1, 1)
    other = check_paths(["pkg"], cache=CacheSettings(directory="cache", fingerprint="select=X"))
    assert (other.files_parsed, other.files_cached) == (2, 0)
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    upgraded = check_paths(["pkg"], cache=CacheSettings(directory="cache"))
    assert (upgraded.files_parsed, upgraded.files_cached) == (2, 0)
    assert (tree / "cache" / "99.0").is_dir()


def test_an_edit_of_seqlint_itself_in_a_checkout_misses_the_cache(tree, monkeypatch):
    package = tree / "src" / "seqlint"
    (package / "rules").mkdir(parents=True)
    rule = package / "rules" / "rule.py"
    rule.write_text("CODE = 1\n")
    stamp = cache_module.code_stamp.__wrapped__(str(package))
    assert stamp.endswith(":1")
    os.utime(rule, ns=(rule.stat().st_atime_ns, rule.stat().st_mtime_ns + 10**9))
    assert cache_module.code_stamp.__wrapped__(str(package)) != stamp
    monkeypatch.setattr(cache_module, "code_stamp", lambda: "edited")
    check_paths(["pkg"], cache=CacheSettings(directory="cache"))
    monkeypatch.setattr(cache_module, "code_stamp", lambda: "edited again")
    after = check_paths(["pkg"], cache=CacheSettings(directory="cache"))
    assert (after.files_parsed, after.files_cached) == (2, 0)


def test_an_installed_copy_is_stamped_by_its_version_alone(tmp_path):
    package = tmp_path / "lib" / "site-packages" / "seqlint"
    package.mkdir(parents=True)
    (package / "cli.py").write_text("")
    assert cache_module.code_stamp.__wrapped__(str(package)) == ""


def test_corrupt_entries_are_ignored_and_rewritten(tree):
    settings = CacheSettings(directory="cache")
    first = check_paths(["pkg"], cache=settings)
    for index, entry in enumerate(_entries(tree / "cache")):
        entry.write_text(["{not json", '{"diagnostics": [{"code": 1}]}'][index % 2])
    again = check_paths(["pkg"], cache=settings)
    assert (again.files_parsed, again.files_cached) == (2, 0)
    assert again.diagnostics == first.diagnostics
    third = check_paths(["pkg"], cache=settings)
    assert (third.files_parsed, third.files_cached) == (0, 2)


def test_an_unwritable_location_turns_the_cache_off_quietly(tree):
    (tree / "not_a_dir").write_text("")
    result = check_paths(["pkg"], cache=CacheSettings(directory="not_a_dir/cache"))
    assert result.errors == []
    assert [d.code for d in result.diagnostics] == ["SL101"]


def test_no_cache_neither_reads_nor_writes(tree, run):
    result = run("check", "--no-cache", "--cache-dir", "cache", "pkg")
    assert result.exit_code == 1
    assert not (tree / "cache").exists()


def test_cache_dir_option_and_environment_variable(tree, run, monkeypatch):
    monkeypatch.setenv("SEQLINT_CACHE_DIR", str(tree / "from_env"))
    assert run("check", "pkg").exit_code == 1
    assert len(_entries(tree / "from_env")) == 2
    assert run("check", "--cache-dir", "from_option", "pkg").exit_code == 1
    assert len(_entries(tree / "from_option")) == 2
    monkeypatch.delenv("SEQLINT_CACHE_DIR")
    assert run("check", "pkg").exit_code == 1
    assert len(_entries(tree / ".seqlint_cache")) == 2


def _seqlint(*args: str, cwd: Path, **kwargs):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "NO_COLOR": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "seqlint", "check", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def test_a_cache_hit_imports_no_libcst(tree):
    first = _seqlint("--cache-dir", "cache", "pkg", cwd=tree)
    first.communicate(timeout=60)
    code = (
        "import sys\n"
        "from seqlint.engine import CacheSettings, check_paths\n"
        "r = check_paths(['pkg'], cache=CacheSettings(directory='cache'))\n"
        "assert r.files_cached == 2 and r.files_parsed == 0, r\n"
        "assert [d.code for d in r.diagnostics] == ['SL101'], r.diagnostics\n"
        "heavy = [m for m in ('libcst', 'seqlint.frontend', 'seqlint.rules', 'rich')"
        " if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=tree, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr


def test_concurrent_runs_share_the_cache_safely(tree):
    for index in range(40):
        (tree / "pkg" / f"m{index:02d}.py").write_text(MODEL + f"# {index}\n", encoding="utf-8")
    runs = [_seqlint("--cache-dir", "cache", "pkg", cwd=tree) for _ in range(3)]
    outputs = [proc.communicate(timeout=120) for proc in runs]
    assert [proc.returncode for proc in runs] == [1, 1, 1]
    assert len({stdout for stdout, _ in outputs}) == 1
    assert all(stderr == "" for _, stderr in outputs)
    assert not list((tree / "cache").rglob("*.tmp"))
    assert len(_entries(tree / "cache")) == 42


def test_workers_write_the_cache_and_a_second_run_reads_it(tree):
    for index in range(12):
        (tree / "pkg" / f"m{index:02d}.py").write_text(MODEL + f"# {index}\n", encoding="utf-8")
    settings = CacheSettings(directory="cache")
    first = check_paths(["pkg"], jobs=2, cache=settings)
    assert (first.files_parsed, first.files_cached) == (14, 0)
    assert len(_entries(tree / "cache")) == 14
    second = check_paths(["pkg"], jobs=2, cache=settings)
    assert (second.files_parsed, second.files_cached) == (0, 14)
    assert second.diagnostics == first.diagnostics
    assert [d.path for d in second.diagnostics] == sorted(d.path for d in second.diagnostics)

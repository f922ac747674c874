"""Configuration files, the rule-selection flags, and the exit status they decide."""

from __future__ import annotations

import json

import pytest

from seqlint.config import Resolver, Selection, enabled_codes
from seqlint.diagnostic import Severity
from tests.cli.support import KERAS_BUGGY, KERAS_CLEAN, make_diagnostic, write


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def mixed(source, path):
    """An error (SL101), a warning (SL204) and an info (SL213) in every file."""
    return [
        make_diagnostic(path, 1, code="SL101"),
        make_diagnostic(
            path, 2, code="SL204", name="silent-target-mismatch", severity=Severity.WARNING
        ),
        make_diagnostic(path, 3, code="SL213", name="keras3-migration", severity=Severity.INFO),
    ]


def reported(result) -> list[str]:
    return [d["code"] for d in json.loads(result.stdout)["diagnostics"]]


def test_pyproject_ignore_silences_a_code_and_the_exit_status_follows(stub, run, tmp_path):
    write(tmp_path / "model.py", KERAS_BUGGY)
    assert run("check", "model.py").exit_code == 1
    write(tmp_path / "pyproject.toml", '[tool.seqlint]\nignore = ["SL101"]\n')
    result = run("check", "model.py")
    assert result.exit_code == 0
    assert result.stdout.strip() == "All checks passed (1 file)."


def test_prefix_selects_a_family(stub, run, tmp_path):
    stub.on(".py", mixed)
    write(tmp_path / "m.py", KERAS_CLEAN)
    write(tmp_path / "seqlint.toml", 'select = ["SL2"]\n')
    assert reported(run("check", "--format", "json", "m.py")) == ["SL204", "SL213"]


def test_more_specific_code_wins_between_select_and_ignore(stub, run, tmp_path):
    stub.on(".py", mixed)
    write(tmp_path / "m.py", KERAS_CLEAN)
    write(tmp_path / "seqlint.toml", 'select = ["SL213"]\nignore = ["SL2"]\n')
    assert reported(run("check", "--format", "json", "m.py")) == ["SL213"]
    write(tmp_path / "seqlint.toml", 'select = ["SL2"]\nignore = ["SL213"]\n')
    assert reported(run("check", "--format", "json", "m.py")) == ["SL204"]


def test_closest_configuration_applies_per_file(stub, run, tmp_path):
    stub.on(".py", mixed)
    write(tmp_path / "pyproject.toml", '[tool.seqlint]\nignore = ["SL213"]\n')
    write(tmp_path / "a.py", KERAS_CLEAN)
    write(tmp_path / "sub" / "b.py", KERAS_CLEAN)
    write(tmp_path / "sub" / ".seqlint.toml", 'ignore = ["SL101"]\n')
    document = json.loads(run("check", "--format", "json", ".").stdout)
    found = [(d["path"], d["code"]) for d in document["diagnostics"]]
    assert found == [
        ("a.py", "SL101"),
        ("a.py", "SL204"),
        ("sub/b.py", "SL204"),
        ("sub/b.py", "SL213"),
    ]


def test_dot_seqlint_toml_wins_over_seqlint_toml_and_pyproject(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.seqlint]\nignore = ["SL101"]\n')
    write(tmp_path / "seqlint.toml", 'ignore = ["SL102"]\n')
    write(tmp_path / ".seqlint.toml", 'ignore = ["SL103"]\n')
    settings = Resolver().settings(str(tmp_path / "m.py"))
    assert settings.config_path == str(tmp_path / ".seqlint.toml")
    assert "SL103" not in settings.enabled and "SL101" in settings.enabled


def test_pyproject_without_a_seqlint_table_is_passed_over(tmp_path):
    write(tmp_path / "seqlint.toml", 'ignore = ["SL101"]\n')
    write(tmp_path / "pkg" / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    write(tmp_path / "pkg" / "sub" / "pyproject.toml", '[project]\ndependencies = ["seqlint"]\n')
    for where in ("pkg", "pkg/sub"):
        settings = Resolver().settings(str(tmp_path / where / "m.py"))
        assert settings.config_path == str(tmp_path / "seqlint.toml")


def test_config_option_forces_one_file_and_isolated_ignores_all(stub, run, tmp_path):
    stub.on(".py", mixed)
    write(tmp_path / "m.py", KERAS_CLEAN)
    write(tmp_path / "seqlint.toml", 'ignore = ["SL101"]\n')
    write(tmp_path / "other.toml", 'select = ["SL213"]\n')
    assert reported(run("check", "--format", "json", "m.py")) == ["SL204", "SL213"]
    forced = run("check", "--format", "json", "--config", "other.toml", "m.py")
    assert reported(forced) == ["SL213"]
    isolated = run("check", "--format", "json", "--isolated", "m.py")
    assert reported(isolated) == ["SL101", "SL204", "SL213"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('selct = ["SL101"]\n', "seqlint.toml: selct: unknown key"),
        ('ignore = ["SL999"]\n', "seqlint.toml: ignore: unknown rule code 'SL999'"),
        ('ignore = "SL101"\n', "seqlint.toml: ignore: expected a list of rule codes"),
        ('target-keras = "4"\n', "seqlint.toml: target-keras: expected one of '2', '3', got '4'"),
        ('fail-on = "never"\n', "seqlint.toml: fail-on: expected one of"),
        (
            '[per-file-ignores]\n"tests/*" = ["XX1"]\n',
            "seqlint.toml: per-file-ignores.'tests/*': unknown rule code 'XX1'",
        ),
        ("select = [\n", "seqlint.toml: invalid TOML"),
    ],
)
def test_configuration_mistakes_are_one_line_and_exit_2(stub, run, tmp_path, text, message):
    write(tmp_path / "m.py", KERAS_BUGGY)
    write(tmp_path / "seqlint.toml", text)
    result = run("check", "m.py")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"seqlint: error: {tmp_path / message}") or line.startswith(
        f"seqlint: error: {tmp_path}/{message}"
    ), line
    assert result.stdout == "" and stub.calls == []


def test_pyproject_mistake_names_the_table(stub, run, tmp_path):
    write(tmp_path / "m.py", KERAS_BUGGY)
    write(tmp_path / "pyproject.toml", '[tool.seqlint]\ntarget-keras = "1"\n')
    result = run("check", "m.py")
    assert result.exit_code == 2
    assert f"{tmp_path}/pyproject.toml: [tool.seqlint] target-keras: expected one of" in (
        result.stderr
    )


def test_per_file_ignores_by_glob(stub, run, tmp_path):
    stub.on(".py", mixed)
    write(tmp_path / "tests" / "test_a.py", KERAS_CLEAN)
    write(tmp_path / "src" / "a.py", KERAS_CLEAN)
    write(
        tmp_path / "pyproject.toml",
        '[tool.seqlint.per-file-ignores]\n"tests/*" = ["SL1", "SL204"]\n',
    )
    document = json.loads(run("check", "--format", "json", ".").stdout)
    found = [(d["path"], d["code"]) for d in document["diagnostics"]]
    assert found == [
        ("src/a.py", "SL101"),
        ("src/a.py", "SL204"),
        ("src/a.py", "SL213"),
        ("tests/test_a.py", "SL213"),
    ]


def test_exclude_and_extend_exclude_skip_walked_files_not_named_ones(stub, run, tmp_path):
    write(tmp_path / "gen" / "a.py", KERAS_BUGGY)
    write(tmp_path / "legacy" / "b.py", KERAS_BUGGY)
    write(tmp_path / "ok.py", KERAS_BUGGY)
    write(tmp_path / "seqlint.toml", 'exclude = ["gen"]\nextend-exclude = ["legacy/*.py"]\n')
    run("check", "--no-cache", ".")
    assert stub.calls == ["ok.py"]
    stub.calls.clear()
    run("check", "--no-cache", "gen/a.py")  # named explicitly: checked
    assert stub.calls == ["gen/a.py"]
    stub.calls.clear()
    # --exclude replaces exclude; extend-exclude still applies
    run("check", "--no-cache", "--exclude", "ok.py", ".")
    assert stub.calls == ["gen/a.py"]


def test_select_ignore_and_extend_select_flags(stub, run, tmp_path):
    stub.on(".py", mixed)
    write(tmp_path / "m.py", KERAS_CLEAN)
    write(tmp_path / "seqlint.toml", 'ignore = ["SL204"]\n')
    assert reported(run("check", "--format", "json", "--select", "SL1,SL213", "m.py")) == [
        "SL101",
        "SL213",
    ]
    assert reported(run("check", "--format", "json", "--ignore", "SL101", "m.py")) == ["SL213"]
    assert reported(
        run("check", "--format", "json", "--select", "SL101", "--extend-select", "SL204", "m.py")
    ) == ["SL101", "SL204"]


def test_unknown_code_in_a_flag_is_one_line_exit_2(stub, run, tmp_path):
    write(tmp_path / "m.py", KERAS_BUGGY)
    result = run("check", "--select", "SL1,SL77", "m.py")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["seqlint: error: --select: unknown rule code 'SL77'"]


def test_info_findings_do_not_fail_by_default(stub, run, tmp_path):
    stub.on(".py", lambda source, path: mixed(source, path)[2:])
    write(tmp_path / "m.py", KERAS_CLEAN)
    result = run("check", "m.py")
    assert result.exit_code == 0
    assert "m.py:3:5: SL213 " in result.stdout
    assert run("check", "--fail-on", "info", "m.py").exit_code == 1


def test_fail_on_threshold_from_config_and_flag(stub, run, tmp_path):
    stub.on(".py", lambda source, path: mixed(source, path)[1:])  # a warning and an info
    write(tmp_path / "m.py", KERAS_CLEAN)
    assert run("check", "m.py").exit_code == 1
    write(tmp_path / "seqlint.toml", 'fail-on = "error"\n')
    assert run("check", "m.py").exit_code == 0
    assert run("check", "--fail-on", "warning", "m.py").exit_code == 1


def test_exit_zero_keeps_usage_errors(stub, run, tmp_path):
    write(tmp_path / "m.py", KERAS_BUGGY)
    result = run("check", "--exit-zero", "m.py")
    assert result.exit_code == 0 and "SL101" in result.stdout
    assert run("check", "--exit-zero", "m.py", "missing.py").exit_code == 2


def test_statistics_counts_per_code(stub, run, tmp_path):
    stub.on(".py", mixed)
    write(tmp_path / "a.py", KERAS_CLEAN)
    write(tmp_path / "b.py", KERAS_CLEAN)
    result = run("check", "--statistics", "--ignore", "SL213", ".")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "2  SL101  rank-mismatch",
        "2  SL204  silent-target-mismatch",
    ]
    rows = json.loads(run("check", "--statistics", "--format", "json", ".").stdout)
    assert rows[0] == {"code": "SL101", "name": "rank-mismatch", "count": 2}


def test_quiet_prints_diagnostics_and_one_short_line(stub, run, tmp_path):
    write(tmp_path / "m.py", KERAS_BUGGY)
    (tmp_path / "empty").mkdir()
    result = run("check", "--quiet", "m.py")
    assert result.stdout.splitlines()[0].startswith("m.py:3:5: SL101 ")
    assert result.stdout.splitlines()[-2:] == ["", "Found 1 problem in 1 file."]
    assert run("check", "-q", "empty").stderr == ""  # no warning either


def test_output_format_is_an_alias_of_format(stub, run, tmp_path):
    write(tmp_path / "m.py", KERAS_BUGGY)
    result = run("check", "--output-format", "json", "m.py")
    assert reported(result) == ["SL101"]


def test_enabled_codes_layers_command_line_over_file():
    file = Selection(select=("SL1",), ignore=("SL101",))
    assert "SL101" not in enabled_codes([file])
    assert "SL201" not in enabled_codes([file])
    cli = Selection(extend_select=("SL201",))
    both = enabled_codes([file, cli])
    assert "SL201" in both and "SL102" in both and "SL101" not in both
    assert "SL001" not in enabled_codes([Selection()])  # opt-in
    assert "SL001" in enabled_codes([Selection(extend_select=("SL001",))])


def test_missing_config_file_is_one_line_exit_2(stub, run, tmp_path):
    write(tmp_path / "m.py", KERAS_BUGGY)
    result = run("check", "--config", "nope.toml", "m.py")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "seqlint: error: nope.toml: cannot read: No such file or directory"
    ]


def test_fingerprint_follows_selection_and_target(tmp_path):
    write(tmp_path / "seqlint.toml", 'ignore = ["SL213"]\n')
    plain = Resolver(isolated=True).settings(str(tmp_path / "m.py"))
    configured = Resolver().settings(str(tmp_path / "m.py"))
    assert plain.fingerprint("3") != plain.fingerprint("2")
    assert plain.fingerprint("3") != configured.fingerprint("3")
    assert configured.fingerprint("3") == Resolver().settings(str(tmp_path / "n.py")).fingerprint(
        "3"
    )


def test_opt_in_codes_follow_the_rules():
    from seqlint.config import OPT_IN
    from seqlint.rules import ALL_RULES

    assert {rule.code for rule in ALL_RULES if rule.opt_in} == OPT_IN


def test_default_settings_import_no_rule(tmp_path):
    import subprocess
    import sys

    write(tmp_path / "plain.py", "print('no model here')  # noqa: SL101\n")
    code = (
        "import sys\nfrom seqlint.engine import check_paths\n"
        f"r = check_paths([{str(tmp_path / 'plain.py')!r}])\n"
        "assert r.files_checked == 1 and not r.diagnostics\n"
        "print([m for m in sys.modules if m.startswith('seqlint.rules')])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.strip() == "[]", proc.stderr


def test_codes_known_without_importing_the_rules_are_rule_codes():
    from seqlint.config import KNOWN_CODES
    from seqlint.rules import ALL_RULES

    assert {rule.code for rule in ALL_RULES} >= KNOWN_CODES


def test_a_code_missing_from_the_fast_table_is_still_known(monkeypatch):
    from seqlint import config

    monkeypatch.setattr(config, "KNOWN_CODES", frozenset())
    assert config.check_codes(["sl214", "SL2"], ValueError) == ("SL214", "SL2")
    with pytest.raises(ValueError, match="unknown rule code 'SL299'"):
        config.check_codes(["SL299"], ValueError)


def test_listed_codes_import_no_rule(tmp_path):
    import subprocess
    import sys

    code = (
        "import sys\nfrom seqlint.config import check_codes\n"
        "check_codes(['SL1', 'SL204', 'sl001'], ValueError)\n"
        "print([m for m in sys.modules if m.startswith('seqlint.rules')])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.strip() == "[]", proc.stderr

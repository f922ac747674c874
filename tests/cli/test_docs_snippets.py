"""The set-ups README.md and docs/ci.md show work as written: YAML that parses, the hook id that
.pre-commit-hooks.yaml defines, seqlint commands that run, one repository URL everywhere."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from seqlint.cli import main
from seqlint.report.shared import REPOSITORY_URL

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", ROOT / "docs" / "ci.md", ROOT / "docs" / "output-formats.md"]
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
GOOD = "stacked_lstm_missing_return_sequences_good"


def _blocks(path: Path, language: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(path.read_text()) if lang == language]


def _yaml_blocks() -> list[tuple[str, object]]:
    return [
        (f"{path.name}#{index}", yaml.safe_load(body))
        for path in DOCS
        for index, body in enumerate(_blocks(path, "yaml"))
    ]


def _hook_ids() -> set[str]:
    return {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}


def test_hook_definition_covers_python_and_notebooks():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["types_or"] == ["python", "jupyter"]
    assert "types" not in hook
    assert hook["entry"] == "seqlint check"
    assert hook["require_serial"] is True  # one process, one summary per commit


def test_pre_commit_snippets_name_this_repository_and_its_hook():
    configs = [data for _, data in _yaml_blocks() if isinstance(data, dict) and "repos" in data]
    assert len(configs) == 2  # README.md and docs/ci.md
    for config in configs:
        (repo,) = config["repos"]
        assert repo["repo"] == REPOSITORY_URL
        # a release tag or a commit SHA: pre-commit warns that a branch is not supported
        assert re.fullmatch(r"v\d+\.\d+\.\d+|[0-9a-f]{40}", repo["rev"]), repo["rev"]
        assert {hook["id"] for hook in repo["hooks"]} <= _hook_ids()


def test_every_yaml_snippet_parses():
    blocks = _yaml_blocks()
    assert len(blocks) >= 5
    assert all(data for _, data in blocks)


def _commands() -> list[str]:
    """Every ``seqlint check`` command of the CI and pre-commit set-ups, cut at the shell's
    redirections and operators."""
    texts = [body for path in DOCS[:2] for body in _blocks(path, "bash") + _blocks(path, "yaml")]
    found = []
    for text in texts:
        for match in re.finditer(r"seqlint check[^\n|&;>)#]*", text):
            found.append(match.group(0).strip())
    return sorted(set(found))


def test_documented_commands():
    assert _commands() == [
        "seqlint check --baseline seqlint-baseline.json .",
        "seqlint check --format concise .",
        "seqlint check --format github .",
        "seqlint check --format gitlab .",
        "seqlint check --format sarif .",
        "seqlint check --write-baseline seqlint-baseline.json .",
        "seqlint check examples/",
    ]


@pytest.mark.parametrize("command", _commands())
def test_documented_command_runs_on_a_clean_project(command, tmp_path, monkeypatch):
    examples = tmp_path / "examples"
    (examples / "notebooks").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / f"{GOOD}.py", examples)
    shutil.copy(ROOT / "examples" / "notebooks" / f"{GOOD}.ipynb", examples / "notebooks")
    monkeypatch.chdir(tmp_path)
    if "--baseline" in command:  # the baseline is written first
        written = CliRunner().invoke(
            main, ["check", "--write-baseline", "seqlint-baseline.json", "."]
        )
        assert written.exit_code == 0, written.output
    result = CliRunner().invoke(main, shlex.split(command)[1:])
    assert result.exit_code == 0, result.output


def test_one_repository_url_everywhere():
    for path in [*DOCS, ROOT / "pyproject.toml"]:
        for url in re.findall(r"https://github\.com/[\w.-]+/seqlint\b", path.read_text()):
            assert url == REPOSITORY_URL, path


def test_readme_speaks_to_a_newcomer():
    readme = (ROOT / "README.md").read_text()
    assert not re.search(r"\bseeds?\b", readme, re.I)
    assert "<this repository>" not in readme and "<a tag>" not in readme

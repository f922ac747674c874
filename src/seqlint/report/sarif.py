"""``--format sarif``: a SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers.

The tool's rules carry their full metadata (id, name, short and full description, help, default
level, help URI); each result points at its rule by id and index.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from seqlint import __version__
from seqlint.diagnostic import Diagnostic, Severity
from seqlint.report.shared import REPOSITORY_URL, RuleInfo, all_rules, cell_prefix, file_region

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(diagnostics: Sequence[Diagnostic], files_checked: int = 0) -> str:
    return json.dumps(to_log(diagnostics), indent=2)


def to_log(diagnostics: Sequence[Diagnostic]) -> dict[str, object]:
    rules = all_rules()
    index = {rule.code: number for number, rule in enumerate(rules)}
    driver = {
        "name": "seqlint",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": REPOSITORY_URL,
        "rules": [_descriptor(rule) for rule in rules],
    }
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index) for d in diagnostics],
            }
        ],
    }


def _descriptor(rule: RuleInfo) -> dict[str, object]:
    help_text = f"{rule.summary}\n\n{rule.explanation}\n\nSee {rule.url}"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": help_text, "markdown": f"{rule.explanation}\n\n[{rule.code}]({rule.url})"},
        "helpUri": rule.url,
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": [rule.severity.value], "fixable": rule.fixable},
    }


def _result(d: Diagnostic, index: dict[str, int]) -> dict[str, object]:
    line, column, end_line, end_column = file_region(d)
    text = cell_prefix(d) + d.message + (f"\nhint: {d.hint}" if d.hint else "")
    result: dict[str, object] = {
        "ruleId": d.code,
        "level": LEVEL[d.severity],
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(d.path)},
                    "region": {
                        "startLine": line,
                        "startColumn": column,
                        "endLine": end_line,
                        "endColumn": end_column if end_line > line else max(end_column, column),
                    },
                }
            }
        ],
    }
    if d.code in index:
        result["ruleIndex"] = index[d.code]
    if d.cell is not None:
        result["properties"] = {"cell": d.cell, "cellLine": d.line, "cellColumn": d.column}
    return result


def artifact_uri(path: str) -> str:
    """A relative path as a relative URI reference (``/``-separated, percent-encoded), an
    absolute one as a ``file:`` URI."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(Path(path).as_posix())

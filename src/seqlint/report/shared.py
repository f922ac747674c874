"""What several output formats share: links to rule pages, rule metadata, and where a
finding sits in the file itself (a notebook's findings name their cell)."""

from __future__ import annotations

from dataclasses import dataclass

from seqlint.diagnostic import Diagnostic, Severity
from seqlint.engine import (
    INTERNAL_ERROR_CODE,
    INTERNAL_ERROR_NAME,
    MAX_ANALYSED_BYTES,
    NOT_ANALYSED_CODE,
    NOT_ANALYSED_NAME,
    SYNTAX_ERROR_CODE,
    SYNTAX_ERROR_NAME,
)

REPOSITORY_URL = "https://github.com/seqlint/seqlint"
"""Where seqlint lives; rule pages are docs/rules/CODE.md there."""

RULES_URL = f"{REPOSITORY_URL}/blob/main/docs/rules/"


def rule_url(code: str) -> str:
    """The page that explains ``code``; the engine's own codes are explained in the index."""
    if code in (SYNTAX_ERROR_CODE, INTERNAL_ERROR_CODE, NOT_ANALYSED_CODE):
        return f"{RULES_URL}README.md"
    return f"{RULES_URL}{code}.md"


@dataclass(frozen=True)
class RuleInfo:
    """A rule as the outside world sees it (``seqlint rules``, SARIF rule metadata)."""

    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    fix: str  # what ``--fix`` does for its findings, "" when it cannot fix them

    @property
    def fixable(self) -> bool:
        return bool(self.fix)

    @property
    def url(self) -> str:
        return rule_url(self.code)


ENGINE_RULES = (
    RuleInfo(
        SYNTAX_ERROR_CODE,
        SYNTAX_ERROR_NAME,
        Severity.ERROR,
        "The file does not parse.",
        "seqlint checks only files that parse as Python; fix the syntax error first.",
        "",
    ),
    RuleInfo(
        INTERNAL_ERROR_CODE,
        INTERNAL_ERROR_NAME,
        Severity.ERROR,
        "seqlint failed on this file.",
        "An internal error of seqlint, not a problem of your code: please report it with "
        "the traceback that `seqlint check --debug` prints.",
        "",
    ),
    RuleInfo(
        NOT_ANALYSED_CODE,
        NOT_ANALYSED_NAME,
        Severity.WARNING,
        "Valid Python that seqlint did not analyse.",
        "The file is nested too deeply for the parser, refused by libcst, or larger than "
        f"the {MAX_ANALYSED_BYTES // 1024} KB analysis limit: its models were not checked.",
        "",
    ),
)


def all_rules() -> tuple[RuleInfo, ...]:
    """Every code seqlint can report, the rules first (imports the rule modules)."""
    from seqlint.rules import ALL_RULES

    rules = tuple(
        RuleInfo(
            rule.code,
            rule.name,
            rule.severity,
            rule.summary,
            unwrap(rule.explanation),
            unwrap(rule.fixable),
        )
        for rule in ALL_RULES
    )
    return rules + ENGINE_RULES


def unwrap(text: str) -> str:
    """Hard-wrapped paragraphs as one line each, separated by a blank line."""
    paragraphs = (" ".join(block.split()) for block in text.strip().split("\n\n"))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def file_region(diagnostic: Diagnostic) -> tuple[int, int, int, int]:
    """(line, column, end line, end column) in the file on disk. A notebook's lines count
    inside its cells, not in its JSON: its findings point at the top of the file and
    :func:`cell_prefix` says where in the notebook they are."""
    if diagnostic.cell is not None:
        return 1, 1, 1, 1
    d = diagnostic
    return d.line, d.column, d.end_line, d.end_column


def cell_prefix(diagnostic: Diagnostic) -> str:
    """``cell 3, line 12, column 5: `` for a notebook's finding, else nothing."""
    if diagnostic.cell is None:
        return ""
    return f"cell {diagnostic.cell}, line {diagnostic.line}, column {diagnostic.column}: "

"""Lint one source text: frontend -> shapes -> rules -> diagnostics."""

from __future__ import annotations

from seqlint.diagnostic import Diagnostic
from seqlint.frontend import extract
from seqlint.rules import ALL_RULES
from seqlint.rules.base import Rule, RuleContext
from seqlint.shapes.propagate import GraphShapes


def lint_source(source: str, path: str, rules: tuple[Rule, ...] = ALL_RULES) -> list[Diagnostic]:
    """Diagnostics for ``source`` sorted by position.

    Raises :class:`seqlint.frontend.ParseFailure` when the source does not parse.
    """
    ir = extract(source)
    ctx = RuleContext(ir, GraphShapes(ir))
    found: dict[tuple[str, int, int], Diagnostic] = {}
    for rule in rules:
        for finding in rule.check(ctx):
            span = finding.loc.span
            key = (rule.code, span.line, span.column)
            found.setdefault(
                key,
                Diagnostic(
                    path=path,
                    line=span.line,
                    column=span.column,
                    end_line=span.end_line,
                    end_column=span.end_column,
                    code=rule.code,
                    name=rule.name,
                    severity=rule.severity,
                    message=finding.message,
                    hint=finding.hint,
                    trace=finding.trace,
                ),
            )
    return sorted(found.values(), key=lambda d: (d.line, d.column, d.code))

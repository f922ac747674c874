"""Lint one source text: frontend -> shapes -> rules -> diagnostics."""

from __future__ import annotations

from dataclasses import dataclass

from seqlint.diagnostic import Diagnostic
from seqlint.fixes import Fix
from seqlint.frontend import extract
from seqlint.ir import ModuleIR
from seqlint.rules import ALL_RULES
from seqlint.rules.base import Rule, RuleContext
from seqlint.shapes.propagate import GraphShapes


@dataclass
class Analysis:
    """One source's IR and what the rules found in it, sorted by position."""

    ir: ModuleIR
    diagnostics: list[Diagnostic]
    fixes: list[Fix | None]  # the fix of each diagnostic, with its edits


def analyse(source: str, path: str, rules: tuple[Rule, ...] = ALL_RULES) -> Analysis:
    """Run ``rules`` on ``source``; raises :class:`seqlint.frontend.ParseFailure` when it does
    not parse."""
    ir = extract(source)
    ctx = RuleContext(ir, GraphShapes(ir))
    found: dict[tuple[str, int, int], tuple[Diagnostic, Fix | None]] = {}
    for rule in rules:
        for finding in rule.check(ctx):
            span = finding.loc.span
            key = (rule.code, span.line, span.column)
            if key in found:
                continue
            diagnostic = Diagnostic(
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
                fix=None if finding.fix is None else finding.fix.note,
            )
            found[key] = (diagnostic, finding.fix)
    ordered = sorted(found.values(), key=lambda pair: (pair[0].line, pair[0].column, pair[0].code))
    return Analysis(ir, [d for d, _ in ordered], [f for _, f in ordered])


def lint_source(source: str, path: str, rules: tuple[Rule, ...] = ALL_RULES) -> list[Diagnostic]:
    """Diagnostics for ``source`` sorted by position.

    Raises :class:`seqlint.frontend.ParseFailure` when the source does not parse.
    """
    return analyse(source, path, rules).diagnostics

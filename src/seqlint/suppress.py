"""Inline suppressions: ``# noqa``, ``# noqa: SL101, SL204``, ``# seqlint: ignore[SL101]`` on
the line a diagnostic is reported at, and ``# seqlint: skip-file`` anywhere in a file.

Directives are read from comment tokens only (never from strings), on any source text: a
notebook's cells joined into one text go through here before their lines are mapped back.
Stdlib only.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from seqlint.diagnostic import Diagnostic, Severity

UNUSED_CODE, UNUSED_NAME = "SL001", "unused-suppression"
UNSUPPRESSIBLE = frozenset({"SL900", "SL901"})  # syntax and internal errors are always shown

_NOQA = re.compile(
    r"#\s*noqa(?P<sep>\s*:\s*(?P<codes>[A-Z]+[0-9]+(?:\s*,?\s*[A-Z]+[0-9]+)*))?", re.IGNORECASE
)
_IGNORE = re.compile(r"#\s*seqlint\s*:\s*ignore(?:\[(?P<codes>[^\]]*)\])?", re.IGNORECASE)
_SKIP_FILE = re.compile(r"#\s*seqlint\s*:\s*skip-file\b", re.IGNORECASE)
_CODE = re.compile(r"[A-Z]+[0-9]+")


@dataclass(frozen=True)
class Directive:
    """One suppression comment: ``codes`` None suppresses every code on its line."""

    line: int
    column: int  # 1-based column of the directive in the comment
    codes: tuple[str, ...] | None
    text: str  # the directive as written in the comment


@dataclass
class Suppressions:
    skip_file: bool = False
    by_line: dict[int, list[Directive]] = field(default_factory=dict)


def scan(source: str) -> Suppressions:
    """The directives in ``source``'s comments (a cheap text test first: most files have none).

    Source that does not tokenize to its end keeps the directives found before the problem.
    """
    found = Suppressions()
    lowered = source.lower()
    if "noqa" not in lowered and "seqlint" not in lowered:
        return found
    import io
    import tokenize  # only now: importing it costs more than most files take to scan

    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                _read_comment(token.string, token.start, found)
    except (tokenize.TokenError, SyntaxError):
        pass
    return found


def _read_comment(comment: str, start: tuple[int, int], found: Suppressions) -> None:
    line, offset = start
    if _SKIP_FILE.search(comment):
        found.skip_file = True
    for match in _NOQA.finditer(comment):
        codes = _codes(match.group("codes")) if match.group("sep") else None
        found.by_line.setdefault(line, []).append(
            Directive(line, offset + match.start() + 1, codes, match.group(0).strip())
        )
    for match in _IGNORE.finditer(comment):
        raw = match.group("codes")
        codes = None if raw is None else _codes(raw)
        found.by_line.setdefault(line, []).append(
            Directive(line, offset + match.start() + 1, codes, match.group(0).strip())
        )


def _codes(text: str) -> tuple[str, ...]:
    return tuple(code.upper() for code in _CODE.findall(text.upper()))


def code_at(line: str, index: int) -> str | None:
    """The rule code that a ``# noqa: ...`` or ``# seqlint: ignore[...]`` directive of ``line``
    names at character ``index`` (0-based), if any."""
    for pattern in (_NOQA, _IGNORE):
        for match in pattern.finditer(line):
            if match.group("codes") is None:
                continue
            start = match.start("codes")
            for code in _CODE.finditer(match.group("codes").upper()):
                if start + code.start() <= index < start + code.end():
                    return code.group(0)
    return None


def add_noqa(line: str, code: str) -> str | None:
    """``line`` with a ``# noqa`` for ``code``: added to its ``# noqa: ...`` list if it has
    one, else at its end; None when no comment can end the line (a backslash continues it)."""
    body = line.rstrip("\r\n")
    ending = line[len(body) :]
    if body.rstrip().endswith("\\"):
        return None
    for match in _NOQA.finditer(body):
        if match.group("sep"):
            end = match.end("codes")
            return f"{body[:end]}, {code}{body[end:]}{ending}"
    return f"{body.rstrip()}  # noqa: {code}{ending}"


@dataclass(frozen=True)
class Unused:
    """A directive that suppressed nothing, or the codes of it that suppressed nothing."""

    directive: Directive
    codes: tuple[str, ...]  # empty for a bare directive
    disabled: tuple[str, ...]  # those of ``codes`` whose rule is not enabled


def apply(
    diagnostics: Iterable[Diagnostic],
    suppressions: Suppressions,
    *,
    enabled: Container[str] | None = None,
) -> tuple[list[Diagnostic], list[Unused]]:
    """The diagnostics no directive suppresses, and the directives (or codes) left unused.

    Only seqlint codes (``SL...``) of a directive count as unused: the same ``# noqa`` may
    list other tools' codes.
    """
    kept: list[Diagnostic] = []
    used: dict[int, set[str]] = {}  # id(directive) -> codes it suppressed
    for diagnostic in diagnostics:
        directive = _suppressing(diagnostic, suppressions)
        if directive is None:
            kept.append(diagnostic)
        else:
            used.setdefault(id(directive), set()).add(diagnostic.code)
    unused: list[Unused] = []
    for directives in suppressions.by_line.values():
        for directive in directives:
            suppressed = used.get(id(directive), set())
            if directive.codes is None:
                if not suppressed:
                    unused.append(Unused(directive, (), ()))
                continue
            codes = dict.fromkeys(directive.codes)
            idle = tuple(c for c in codes if c.startswith("SL") and c not in suppressed)
            if idle:
                disabled = tuple(c for c in idle if enabled is not None and c not in enabled)
                unused.append(Unused(directive, idle, disabled))
    return kept, unused


def _suppressing(diagnostic: Diagnostic, suppressions: Suppressions) -> Directive | None:
    if diagnostic.code in UNSUPPRESSIBLE:
        return None
    return directive_at(suppressions, diagnostic.line, diagnostic.code)


def directive_at(suppressions: Suppressions, line: int, code: str) -> Directive | None:
    """The directive of ``line`` that suppresses ``code``, if any."""
    for directive in suppressions.by_line.get(line, ()):
        if directive.codes is None or code in directive.codes:
            return directive
    return None


def unused_diagnostics(path: str, unused: Iterable[Unused]) -> list[Diagnostic]:
    """SL001 diagnostics (the opt-in rule :mod:`seqlint.rules.unused_suppression`)."""
    result = []
    for item in unused:
        directive = item.directive
        if not item.codes:
            message = f"unused suppression `{directive.text}`: nothing is reported on this line"
            hint = "remove the comment"
        else:
            listed = ", ".join(item.codes)
            why = "not enabled" if item.disabled == item.codes else "not reported on this line"
            message = f"unused suppression of {listed} in `{directive.text}`: {why}"
            hint = f"remove {listed} from the comment"
        result.append(
            Diagnostic(
                path=path,
                line=directive.line,
                column=directive.column,
                end_line=directive.line,
                end_column=directive.column + len(directive.text),
                code=UNUSED_CODE,
                name=UNUSED_NAME,
                severity=Severity.WARNING,
                message=message,
                hint=hint,
            )
        )
    return result


def suppress(
    path: str,
    suppressions: Suppressions,
    diagnostics: Iterable[Diagnostic],
    enabled: Container[str],
) -> list[Diagnostic]:
    """What is left to report of one file's diagnostics: those of ``enabled`` codes that no
    directive (``scan`` of the file's text) suppresses, plus SL001 for unused directives
    when SL001 is enabled."""
    selected = [d for d in diagnostics if d.code in enabled]
    kept, unused = apply(selected, suppressions, enabled=enabled)
    if UNUSED_CODE in enabled and unused:
        kept.extend(unused_diagnostics(path, unused))
        kept.sort(key=lambda d: (d.line, d.column, d.code))
    return kept

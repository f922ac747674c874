"""A rule's documentation, rendered from the rule itself: the Markdown pages of docs/rules/,
the same page for a terminal (``seqlint rule CODE``) and the list of rules
(``seqlint rules``)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from seqlint.report.shared import all_rules, rule_url
from seqlint.rulekit.base import Rule
from seqlint.rules import ALL_RULES

_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
_MARKER = re.compile(r"#\s*expect:\s*(SL\d{3})")
_REPORTED_HERE = r"# <- seqlint reports \1 here"


def render(rule: Rule) -> str:
    """Markdown page: what it does, why it is wrong, a bad and a good example."""
    proof = f"\nReal Keras raises: `{rule.keras_error}`.\n" if rule.keras_error else ""
    fix = f"`seqlint check --fix` repairs it ({rule.fixable})." if rule.fixable else "none"
    if "unsafe:" in rule.fixable:
        fix += " Unsafe fixes are applied only with `--unsafe-fixes`."
    return f"""\
# {rule.code} {rule.name}

**Severity:** {rule.severity.value}

**Fix:** {fix}

## What it does

{rule.summary}

## Why is this bad?

{rule.explanation}
{proof}
## Example

```python
{rule.bad_example.rstrip()}
```

## Use instead

```python
{rule.good_example.rstrip()}
```
"""


def render_terminal(rule: Rule) -> str:
    """The page as plain text: no Markdown syntax, examples indented, markers spelled out."""
    fixable = "yes" if rule.fixable else "no"
    fix = f"Fix (seqlint check --fix)\n{_indent(_plain(rule.fixable))}\n\n" if rule.fixable else ""
    examples = {
        title: "\n".join(
            ("    " + _MARKER.sub(_REPORTED_HERE, line)).rstrip()
            for line in example.rstrip().splitlines()
        )
        for title, example in (("Example", rule.bad_example), ("Use instead", rule.good_example))
    }
    return (
        f"{rule.code} {rule.name}\n"
        f"Severity: {rule.severity.value}    Fixable: {fixable}\n"
        f"{rule_url(rule.code)}\n\n"
        f"What it does\n{_indent(_plain(rule.summary))}\n\n"
        f"Why is this bad?\n{_indent(_plain(rule.explanation))}\n\n"
        f"{fix}"
        f"Example\n{examples['Example']}\n\n"
        f"Use instead\n{examples['Use instead']}\n"
    )


def _plain(markdown: str) -> str:
    text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", markdown.strip())
    return text.replace("**", "").replace("`", "")


def _indent(text: str) -> str:
    return "\n".join(f"  {line}".rstrip() for line in text.splitlines())


def render_listing(output_format: str = "text") -> str:
    """Every code seqlint reports: code, name, severity, whether it can be fixed, summary;
    ``json``: a list of objects with those keys, ``fix`` (what ``--fix`` does) and ``url``."""
    rules = all_rules()
    if output_format == "json":
        return json.dumps(
            [
                {
                    "code": r.code,
                    "name": r.name,
                    "severity": r.severity.value,
                    "fixable": r.fixable,
                    "fix": r.fix or None,
                    "summary": r.summary,
                    "url": r.url,
                }
                for r in rules
            ],
            indent=2,
        )
    name_width = max(len(r.name) for r in rules)
    header = f"{'code':<5}  {'name':<{name_width}}  severity  fixable  summary"
    rows = [
        f"{r.code:<5}  {r.name:<{name_width}}  {r.severity.value:<8}  "
        f"{_fix_kind(r.fix):<7}  {r.summary}"
        for r in rules
    ]
    return "\n".join([header, *rows])


def _fix_kind(fix: str) -> str:
    """The kind of the rule's fix (safe, unsafe), or no."""
    if not fix:
        return "no"
    kind = fix.split(":", 1)[0]
    return kind if kind in ("safe", "unsafe") else "yes"


def render_index() -> str:
    rows = "\n".join(
        f"| [{r.code}]({r.code}.md) | {r.name} | {r.severity.value} | {r.summary} |"
        for r in ALL_RULES
    )
    engine_rows = "\n".join(
        f"| {r.code} | {r.name} | {r.severity.value} | {r.summary} {r.explanation} |"
        for r in all_rules()[len(ALL_RULES) :]
    )
    return (
        f"# Rules\n\n| code | name | severity | summary |\n|---|---|---|---|\n{rows}\n\n"
        "seqlint's own codes, reported when it cannot check a file:\n\n"
        f"| code | name | severity | what |\n|---|---|---|---|\n{engine_rows}\n"
    )


def pages() -> dict[str, str]:
    """File name -> content for every page of docs/rules/."""
    result = {f"{rule.code}.md": render(rule) for rule in ALL_RULES}
    result["README.md"] = render_index()
    return result


def main(argv: list[str]) -> int:
    """``python -m seqlint.report.ruledoc DIR`` writes the pages into DIR."""
    target = Path(argv[0] if argv else "docs/rules")
    target.mkdir(parents=True, exist_ok=True)
    for name, text in pages().items():
        (target / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

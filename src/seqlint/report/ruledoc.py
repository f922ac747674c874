"""A rule's documentation page, rendered from the rule itself (docs/rules/*.md)."""

from __future__ import annotations

import sys
from pathlib import Path

from seqlint.rules import ALL_RULES
from seqlint.rules.base import Rule


def render(rule: Rule) -> str:
    """Markdown page: what it does, why it is wrong, a bad and a good example."""
    proof = f"\nReal Keras raises: `{rule.keras_error}`.\n" if rule.keras_error else ""
    fix = f"`seqlint check --fix` repairs it ({rule.fixable})." if rule.fixable else "none"
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


def render_index() -> str:
    rows = "\n".join(
        f"| [{r.code}]({r.code}.md) | {r.name} | {r.severity.value} | {r.summary} |"
        for r in ALL_RULES
    )
    return f"# Rules\n\n| code | name | severity | summary |\n|---|---|---|---|\n{rows}\n"


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

"""docs/rules/ is generated from the rules: it must not drift from them."""

from pathlib import Path

from seqlint.report.ruledoc import pages

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


def test_rule_pages_are_up_to_date():
    for name, text in pages().items():
        page = DOCS / name
        assert page.exists(), f"missing {page}: run python -m seqlint.report.ruledoc docs/rules"
        assert page.read_text(encoding="utf-8") == text, (
            f"{page} is stale: run python -m seqlint.report.ruledoc docs/rules"
        )

"""``python -m tools.keras1_renames SOURCE``: the Keras 1 keywords Keras 2.2/2.3 converted.

Keras 2.2.5 and 2.3.1 decorate layer constructors with ``keras/legacy/interfaces.py``'s
``legacy_*_support``: each renames Keras 1 keywords (``dropout_W`` -> ``dropout``) with a
warning. Later Keras (tf.keras 2.6+, tf-keras, Keras 3) refuses them. ``SOURCE`` is a Keras
2.3.1 source tree (the directory holding ``keras/``, e.g. ``git archive 2.3.1 keras`` of
keras-team/keras). Writes ``src/seqlint/data/keras1_renames.json``: per layer class,
``{old: new}``; ``"values"`` lists the keywords whose values are converted too
(``consume_less``, ``dim_ordering``: no drop-in rename).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from pathlib import Path

TABLE = Path(__file__).resolve().parents[1] / "src" / "seqlint" / "data" / "keras1_renames.json"


def conversions(interfaces: str) -> tuple[dict[str, dict[str, str]], set[str]]:
    """Each ``legacy_*_support``'s literal conversions, and the keywords whose values change."""
    found: dict[str, dict[str, str]] = {}
    valued: set[str] = set()
    for node in ast.parse(interfaces).body:
        if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
            continue
        target = node.targets[0]
        if not isinstance(target, ast.Name):
            continue
        for keyword in node.value.keywords:
            if keyword.arg == "conversions":
                found[target.id] = dict(ast.literal_eval(keyword.value))
            elif keyword.arg == "value_conversions":
                valued |= set(ast.literal_eval(keyword.value))
    return found, valued


def renames(root: Path) -> dict[str, object]:
    """Layer class -> its decorated ``__init__``'s renames."""
    found, valued = conversions((root / "keras/legacy/interfaces.py").read_text())
    table: dict[str, object] = {}
    for module in sorted((root / "keras/layers").glob("*.py")):
        for chunk in re.split(r"\n(?=class )", module.read_text())[1:]:
            name = re.match(r"class (\w+)", chunk).group(1)
            decorator = re.search(r"@interfaces\.(legacy_\w+)\n\s+def __init__", chunk)
            if decorator and found.get(decorator.group(1)) and not name.startswith("_"):
                table[name] = found[decorator.group(1)]
    table["values"] = sorted(valued)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", type=Path)
    args = parser.parse_args(argv)
    TABLE.write_text(json.dumps(renames(args.source), indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

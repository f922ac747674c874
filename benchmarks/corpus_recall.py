"""Recall on the reproduced user reports (tests/corpus/repros), per bug family.

    python benchmarks/corpus_recall.py            # this checkout
    python benchmarks/corpus_recall.py --src DIR  # another checkout's src/ (before/after)

A bad repro is caught when seqlint reports an error on its ``# expect:`` line, or a warning
for a silent bug (as tests/corpus/test_repros.py counts it); a fixed twin with any such report
is a false alarm. The table is what docs/accuracy.md shows.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.corpus.corpus import REPROS, repros  # noqa: E402


def reports_by_file(src: Path) -> dict[str, set[tuple[int, str]]]:
    """(line, severity) of every diagnostic seqlint reports, by repro file name."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-m", "seqlint", "check", "--no-cache", "--exit-zero"]
    done = subprocess.run(
        [*command, "--format", "json", str(REPROS)], capture_output=True, text=True, env=env
    )
    found: dict[str, set[tuple[int, str]]] = {}
    for d in json.loads(done.stdout)["diagnostics"]:
        found.setdefault(Path(d["path"]).name, set()).add((d["line"], d["severity"]))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    args = parser.parse_args()
    found = reports_by_file(args.src)
    total, caught, alarms = Counter(), Counter(), Counter()
    for repro in repros():
        family = repro.family or "?"
        lines = {n for n, severity in found.get(repro.path.name, set()) if repro.counts(severity)}
        if repro.bad:
            total[family] += 1
            caught[family] += any(line in lines for line, _ in repro.markers)
        elif lines:
            alarms[family] += 1
    print("| family | reports | caught | recall | errors on fixed twins |")
    print("|---|---|---|---|---|")
    for family in sorted(total, key=lambda f: (-total[f], f)):
        share = caught[family] / total[family]
        print(f"| {family} | {total[family]} | {caught[family]} | {share:.0%} | {alarms[family]} |")
    n, k = sum(total.values()), sum(caught.values())
    print(f"| **all** | **{n}** | **{k}** | **{k / n:.1%}** | **{sum(alarms.values())}** |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

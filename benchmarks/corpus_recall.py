"""Recall on the reproduced user reports (tests/corpus/repros), per bug family.

    python benchmarks/corpus_recall.py            # this checkout
    python benchmarks/corpus_recall.py --src DIR  # another checkout's src/ (before/after)

A bad repro is caught when seqlint reports an error on its ``# expect:`` line (or a warning,
for a silent bug), or, for a finding in a module it imports, with its origin there (as
tests/corpus/test_repros.py counts it); a fixed twin with such a report in any of its files is
a false alarm. The table is what docs/accuracy.md shows.
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

from tests.corpus.corpus import REPROS, Place, caught, relative, repros  # noqa: E402


def report_places(src: Path) -> set[Place]:
    """The place (file relative to repros/, line, severity) of every diagnostic, and of its
    origin in an imported module."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-m", "seqlint", "check", "--no-cache", "--exit-zero"]
    done = subprocess.run(
        [*command, "--format", "json", str(REPROS)], capture_output=True, text=True, env=env
    )
    places: set[Place] = set()
    for d in json.loads(done.stdout)["diagnostics"]:
        places.add((relative(d["path"]), d["line"], d["severity"]))
        if d.get("origin"):
            places.add((relative(d["origin"]["path"]), d["origin"]["line"], d["severity"]))
    return places


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    args = parser.parse_args()
    places = report_places(args.src)
    total, found, alarms = Counter(), Counter(), Counter()
    for repro in repros():
        family = repro.family or "?"
        if repro.bad:
            total[family] += 1
            found[family] += caught(repro, places)
        elif any(file in repro.files and repro.counts(sev) for file, _, sev in places):
            alarms[family] += 1
    print("| family | reports | caught | recall | errors on fixed twins |")
    print("|---|---|---|---|---|")
    for family in sorted(total, key=lambda f: (-total[f], f)):
        share = found[family] / total[family]
        print(f"| {family} | {total[family]} | {found[family]} | {share:.0%} | {alarms[family]} |")
    n, k = sum(total.values()), sum(found.values())
    print(f"| **all** | **{n}** | **{k}** | **{k / n:.1%}** | **{sum(alarms.values())}** |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

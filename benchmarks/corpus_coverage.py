"""How much of the published corpus seqlint analyses: models analysed fully, models and
training calls not analysed, and why.

    python benchmarks/corpus_coverage.py                  # this checkout on tests/corpus/real
    python benchmarks/corpus_coverage.py --src ../old/src # another checkout's seqlint

Runs ``seqlint check --format json --no-cache`` in a subprocess (with ``--src`` first on
PYTHONPATH) and prints the totals and the most common reasons.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def coverage(src: Path, corpus: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-m", "seqlint", "check", "--no-cache", "--exit-zero"]
    done = subprocess.run(
        [*command, "--format", "json", str(corpus)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    report = json.loads(done.stdout)
    missing = report.get("not_analysed", [])
    calls = [m for m in missing if _CALL.match(m["what"])]
    models = [m for m in missing if not _CALL.match(m["what"])]
    return {
        "files": report["files_checked"],
        "analysed": sum(report["models_analysed"].values()),
        "models_not_analysed": len(models),
        "calls_unknown_data": len(calls),
        "reasons": Counter(_reason(m["reason"]) for m in models),
    }


_CALL = re.compile(r"^(fit|evaluate|train_on_batch|test_on_batch) call of ")


def _reason(text: str) -> str:
    """A reason without its particulars (``unknown layer X (line 3)`` -> ``unknown layer``)."""
    text = re.sub(r"\(line \d+\)", "", text)
    for prefix in ("unknown layer", "the output of", "the shape declared by", "code seqlint"):
        if text.startswith(prefix):
            return prefix
    return text.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus" / "real")
    args = parser.parse_args()
    found = coverage(args.src, args.corpus)
    print(f"files checked: {found['files']}")
    print(f"models analysed fully: {found['analysed']}")
    print(f"models not analysed: {found['models_not_analysed']}")
    print(f"fit/evaluate calls with data of unknown shape: {found['calls_unknown_data']}")
    for reason, count in found["reasons"].most_common(10):
        print(f"  {count:4}  {reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

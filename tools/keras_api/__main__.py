"""``python -m tools.keras_api [--check] [--add DIST==VERSION]``: see docs/keras-versions.md."""

from __future__ import annotations

import argparse
import difflib
import sys
import time

from tools.keras_api.generate import TABLE, generate
from tools.keras_api.wheels import cache_dir, hash_of


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.keras_api", description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--add", metavar="DIST==VERSION", help="print a releases.py line")
    parser.add_argument("--jobs", type=int, default=None, help="reader processes (default 2)")
    args = parser.parse_args(argv)
    if args.add:
        dist, _, version = args.add.partition("==")
        digest = hash_of(args.add, cache_dir())
        print(f'    Release("{dist}", "{version}", "{digest}"),')
        return 0
    start = time.perf_counter()
    text = generate(jobs=args.jobs)
    took = time.perf_counter() - start
    if args.check:
        current = TABLE.read_text() if TABLE.exists() else ""
        if current == text:
            print(f"{TABLE.name} is up to date ({took:.1f} s)")
            return 0
        diff = difflib.unified_diff(
            current.splitlines(), text.splitlines(), "committed", "generated", lineterm="", n=0
        )
        print("\n".join(list(diff)[:60]))
        print(f"{TABLE.name} differs from the wheels: run python -m tools.keras_api")
        return 1
    TABLE.parent.mkdir(parents=True, exist_ok=True)
    TABLE.write_text(text)
    print(f"wrote {TABLE} ({len(text.encode()) / 1024:.0f} KB, {took:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Hunt internal errors: run many mutants of the examples through seqlint, print counts.

Each mutant goes through what ``check`` (SL901 on a crash), ``shapes`` and ``check --fix
--unsafe-fixes`` run per file.

Prints counts; asserts nothing (CI runs a small fixed sample in tests/fuzz/). Run from the
repository root: ``python benchmarks/fuzz.py [--n 5000] [--seed 1] [--steps 3] [--strict]
[--ir]``.

* ``--strict``: a crash inside a shape function propagates instead of becoming an unknown
  shape (the guard seqlint runs with hides it), so those are counted too.
* ``--ir``: also put every junk value into every value slot of every rule example's IR
  (what ``tests/fuzz/test_ir_junk.py`` samples) and count crashing rules.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from seqlint.frontend import extract  # noqa: E402
from seqlint.shapes.layers import common  # noqa: E402
from tests.fuzz.ir_junk import perturbations  # noqa: E402
from tests.fuzz.mutator import check, describe, mutants  # noqa: E402
from tests.fuzz.test_ir_junk import SOURCES, run_rules  # noqa: E402


def _crash_key(trace: str) -> str:
    """Where a traceback ends and what it says: one crash class."""
    lines = [line for line in trace.strip().splitlines() if line.strip()]
    where = next((line.strip() for line in reversed(lines) if line.strip().startswith("File")), "")
    return f"{where} -> {lines[-1] if lines else ''}"


def fuzz_sources(n: int, seed: int, steps: int) -> int:
    started = time.perf_counter()
    codes: collections.Counter[str] = collections.Counter()
    crashes: collections.Counter[str] = collections.Counter()
    first: dict[str, str] = {}
    for mutant in mutants(n, seed, max_steps=steps):
        outcome = check(mutant)
        codes.update(set(outcome.codes))
        if outcome.traceback:
            key = _crash_key(outcome.traceback)
            crashes[key] += 1
            first.setdefault(key, describe(outcome))
    elapsed = time.perf_counter() - started
    print(
        f"mutants: {n} (seed {seed}, up to {steps} mutations each) in {elapsed:.1f} s, "
        f"{1000 * elapsed / max(n, 1):.1f} ms each"
    )
    print(
        f"mutants crashing seqlint (check, shapes or --fix): {sum(crashes.values())}; "
        f"SL900 (no longer parses): {codes['SL900']}; with a rule finding: "
        f"{sum(c for code, c in codes.items() if code not in ('SL900', 'SL901'))}"
    )
    print("files reporting each code: " + ", ".join(f"{c} {k}" for k, c in sorted(codes.items())))
    for key, count in crashes.most_common():
        print(f"\n{count} x {key}\n{first[key]}")
    return sum(crashes.values())


def fuzz_ir() -> int:
    started = time.perf_counter()
    tried = 0
    crashes: collections.Counter[str] = collections.Counter()
    first: dict[str, str] = {}
    for name, source in sorted(SOURCES.items()):
        ir = extract(source)
        for description, value, put in perturbations(ir):
            tried += 1
            with put(value):
                try:
                    run_rules(ir)
                except Exception:  # noqa: BLE001 - counted and printed
                    key = _crash_key(traceback.format_exc())
                    crashes[key] += 1
                    first.setdefault(key, f"{name}: {description} = {value!r}")
    elapsed = time.perf_counter() - started
    print(
        f"IR perturbations: {tried} over {len(SOURCES)} rule examples in {elapsed:.1f} s; "
        f"crashing: {sum(crashes.values())}"
    )
    for key, count in crashes.most_common():
        print(f"{count} x {key}\n    e.g. {first[key]}")
    return sum(crashes.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="number of mutants")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--steps", type=int, default=3, help="most mutations per mutant")
    parser.add_argument(
        "--strict", action="store_true", help="let crashes inside shape functions propagate"
    )
    parser.add_argument("--ir", action="store_true", help="also perturb the rule examples' IR")
    args = parser.parse_args()
    common.STRICT = args.strict
    fuzz_sources(args.n, args.seed, args.steps)
    if args.ir:
        fuzz_ir()


if __name__ == "__main__":
    main()

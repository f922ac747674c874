"""Cost of the whole-module pass for removed Keras 2 API (frontend/legacy_api.py).

Prints numbers; asserts nothing. Run: ``python benchmarks/bench_legacy_api.py [DIR]``
(default: the installed ``keras`` package).  For the 40 largest non-test files of DIR it prints
the libcst parse time, the pass as run by seqlint (after its text pre-filter), and the walk
alone without the pre-filter (what a file that mentions a removed name pays).
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

from seqlint.frontend.legacy_api import _Reader, find_legacy_uses
from seqlint.frontend.models import Graph
from seqlint.frontend.parsing import parse
from seqlint.frontend.positions import Positions


def main(argv: list[str]) -> None:
    if argv:
        root = Path(argv[0])
    else:  # found without importing keras (and TensorFlow with it)
        spec = importlib.util.find_spec("keras")
        assert spec is not None and spec.origin is not None, "keras is not installed"
        root = Path(spec.origin).parent / "src"
    files = [p for p in root.rglob("*.py") if "test" not in p.name]
    files = sorted(files, key=lambda p: p.stat().st_size)[-40:]
    parse_time = pass_time = walk_time = 0.0
    for path in files:
        source = path.read_text(encoding="utf-8")
        start = time.perf_counter()
        module = parse(source)
        parsed = time.perf_counter()
        find_legacy_uses(module, source, Graph(Positions(module, source)))
        passed = time.perf_counter()
        _Reader().read(module)
        walked = time.perf_counter()
        parse_time += parsed - start
        pass_time += passed - parsed
        walk_time += walked - passed
    size = sum(p.stat().st_size for p in files) / 1e6
    print(f"{len(files)} files, {size:.2f} MB from {root}")
    print(f"libcst parse           {parse_time:6.2f} s")
    print(f"pass (pre-filtered)    {pass_time:6.2f} s")
    print(
        f"walk, no pre-filter    {walk_time:6.2f} s ({100 * walk_time / parse_time:.0f}% of parse)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])

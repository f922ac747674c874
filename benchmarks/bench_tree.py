"""seqlint on a whole source tree, against ruff, libcst and ast on the same tree, in one run.

Prints numbers and the ratios the project targets; asserts nothing.
Run: ``python benchmarks/bench_tree.py [TREE] [--runs N]``. The default tree is the installed
Keras package's source (located with ``importlib.util.find_spec``, never imported).

Each figure is a fresh subprocess: wall time, CPU time (user + system of the process and the
workers it waited for) and peak memory (the largest resident set of any of those processes,
from ``getrusage(RUSAGE_CHILDREN)`` in a wrapper process). Reported:
  * ruff ``--no-cache`` over the tree (the reference),
  * seqlint cold (empty cache), warm (same cache again) and ``--no-cache``; cold with
    ``--jobs 1`` and ``--jobs 2``,
  * a bare ``libcst.parse_module`` and ``ast.parse`` of every file, one process,
  * the files seqlint parses (those that pass the model pre-filter),
  * a cold one-file check against ``python -c "import libcst"``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import bytecode_env, load_average  # noqa: E402

TARGETS = {
    "cold": 10.0,  # seqlint cold / ruff --no-cache
    "warm": 1.5,  # seqlint warm / ruff --no-cache
    "one-file": 1.2,  # one-file check / python -c "import libcst"
    "memory": 150.0,  # MB, peak of any seqlint process on the tree
}

_MEASURE = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "peak_mb": usage.ru_maxrss / 1024, "code": proc.returncode,
                  "stderr": proc.stderr.decode(errors="replace")[-300:]}))
"""

_PARSE_ALL = r"""
import sys, time
paths = sys.argv[2:]
sources = []
for p in paths:
    try:
        sources.append(open(p, encoding="utf-8").read())
    except (OSError, UnicodeDecodeError):
        pass
if sys.argv[1] == "libcst":
    import libcst
    parse = libcst.parse_module
else:
    import ast
    parse = ast.parse
for source in sources:
    try:
        parse(source)
    except Exception:
        pass
"""

_COUNT_PARSED = r"""
import sys
from seqlint.discover import discover
from seqlint.engine import MAX_ANALYSED_BYTES
from seqlint.prefilter import may_define_model
from seqlint.sources import read_source
files = discover([sys.argv[1]]).files
texts = [t for t in (read_source(p).text for p in files) if t is not None]
chosen = [t for t in texts if may_define_model(t)]
parsed = [t for t in chosen if len(t) <= MAX_ANALYSED_BYTES]
over = len(chosen) - len(parsed)
print(len(files), sum(map(len, texts)), len(parsed), sum(map(len, parsed)), over)
"""


def measure(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *cmd], capture_output=True, text=True, env=env
    )
    result = json.loads(out.stdout)
    if result["code"] not in (0, 1):
        print(f"    ({' '.join(cmd[:4])}... exit {result['code']}: {result['stderr'].strip()})")
    return result


def best(cmd: list[str], env: dict[str, str], runs: int, before=None) -> dict[str, float]:
    """The run with the least wall time of ``runs`` (``before`` runs ahead of each one)."""
    results = []
    for _ in range(runs):
        if before:
            before()
        results.append(measure(cmd, env))
    return min(results, key=lambda r: r["wall"])


def row(label: str, result: dict[str, float], reference: dict[str, float] | None = None) -> None:
    wall = f"{result['wall'] / reference['wall']:6.1f}x" if reference else " " * 7
    cpu = f"{result['cpu'] / reference['cpu']:6.1f}x" if reference else " " * 7
    print(
        f"  {label:<34} wall {result['wall']:7.2f} s {wall}  cpu {result['cpu']:7.2f} s {cpu}"
        f"  peak {result['peak_mb']:5.0f} MB"
    )


def verdict(name: str, value: float, unit: str = "x", what: str = "") -> str:
    target = TARGETS[name]
    status = "met" if value <= target else f"NOT met (by {value / target:.1f}x)"
    return f"{name}{what}: {value:.2f}{unit} (target <= {target:g}{unit}) {status}"


def keras_tree() -> str:
    spec = importlib.util.find_spec("keras")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        sys.exit("keras is not installed; pass a TREE")
    return list(spec.submodule_search_locations)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tree", nargs="?", help="default: the installed Keras package")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (best is kept)")
    parser.add_argument(
        "--against",
        metavar="SRC",
        help="only compare the per-file cost of a check with another checkout's src/ "
        "(before and after a change, measured in turns in one run)",
    )
    args = parser.parse_args()
    tree = args.tree or keras_tree()
    if args.against:
        compare_checkouts(tree, Path(args.against), args.runs)
        return
    pycache = tempfile.TemporaryDirectory()  # bytecode cached, as in an installed package
    env = bytecode_env(dict(os.environ, NO_COLOR="1"), pycache.name)
    src = str(Path(__file__).resolve().parents[1] / "src")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    py = sys.executable
    seqlint = [py, "-m", "seqlint", "check"]

    count = subprocess.run(
        [py, "-c", _COUNT_PARSED, tree], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    files, size, parsed, parsed_size, skipped = map(int, count)
    print(
        f"tree {tree}: {files} files, {size / 1e6:.1f} MB; {os.cpu_count()} CPUs; "
        f"load average {load_average()}"
    )
    print(
        f"  seqlint parses {parsed} files ({parsed_size / 1e6:.1f} MB) that may hold a model; "
        f"{skipped} more are over the analysis limit (SL902)"
    )
    paths = [str(p) for p in sorted(Path(tree).rglob("*.py"))]

    ruff = shutil.which("ruff")
    reference = None
    if ruff:
        reference = best(
            [ruff, "check", "--isolated", "--no-cache", "--quiet", tree], env, args.runs
        )
        row("ruff check --no-cache", reference)
    with tempfile.TemporaryDirectory() as tmp:
        cache = str(Path(tmp, "cache"))

        def clear() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        cold = best([*seqlint, "--cache-dir", cache, tree], env, args.runs, before=clear)
        row("seqlint cold (empty cache)", cold, reference)
        warm = best([*seqlint, "--cache-dir", cache, tree], env, args.runs)
        row("seqlint warm (cached)", warm, reference)
        no_cache = best([*seqlint, "--no-cache", tree], env, args.runs)
        row("seqlint --no-cache", no_cache, reference)
        for jobs in ("1", "2"):
            result = best([*seqlint, "--no-cache", "--jobs", jobs, tree], env, args.runs)
            row(f"seqlint --no-cache --jobs {jobs}", result, reference)
        row(
            "libcst.parse_module, every file",
            measure([py, "-c", _PARSE_ALL, "libcst", *paths], env),
            reference,
        )
        row("ast.parse, every file", measure([py, "-c", _PARSE_ALL, "ast", *paths], env), reference)

        script = Path(tmp, "train_tagger.py")
        from bench_cli import TRAINING_SCRIPT

        script.write_text(TRAINING_SCRIPT, encoding="utf-8")
        runs = max(args.runs, 5)
        libcst_import = [measure([py, "-c", "import libcst"], env)["wall"] for _ in range(runs)]
        one_file = [
            measure([*seqlint, "--no-cache", str(script)], env)["wall"] for _ in range(runs)
        ]
        print(
            f"  one file: python -c 'import libcst' median {statistics.median(libcst_import):.3f}"
            f" s; seqlint check (cold, 100 lines) median {statistics.median(one_file):.3f} s"
        )

    print(f"ratios, in this run (load average {load_average()}):")
    if reference:
        for name, result in (("cold", cold), ("warm", warm)):
            for what in ("wall", "cpu"):
                print("  " + verdict(name, result[what] / reference[what], what=f" ({what})"))
    print(
        "  " + verdict("one-file", statistics.median(one_file) / statistics.median(libcst_import))
    )
    print("  " + verdict("memory", max(cold["peak_mb"], no_cache["peak_mb"]), " MB"))


def compare_checkouts(tree: str, other: Path, runs: int) -> None:
    """``seqlint check --no-cache --jobs 1`` of the tree with this checkout and with
    ``other``, in turns (so both meet the same load), best CPU time of ``runs`` each."""
    this = Path(__file__).resolve().parents[1] / "src"
    pycache = tempfile.TemporaryDirectory()
    base = bytecode_env(dict(os.environ, NO_COLOR="1"), pycache.name)
    results: dict[str, list[dict[str, float]]] = {"this": [], "other": []}
    print(f"load average {load_average()}")
    for _ in range(runs):
        for name, src in (("other", other), ("this", this)):
            env = dict(base, PYTHONPATH=str(src))
            cmd = [sys.executable, "-m", "seqlint", "check", "--no-cache", "--jobs", "1", tree]
            results[name].append(measure(cmd, env))
    for name, src in (("other", other), ("this", this)):
        fastest = min(results[name], key=lambda r: r["cpu"])
        row(f"{name} ({src})"[:34], fastest)
    ratio = min(r["cpu"] for r in results["this"]) / min(r["cpu"] for r in results["other"])
    print(f"  per-file cost, this / other (CPU): {ratio:.3f}; load average {load_average()}")


if __name__ == "__main__":
    main()

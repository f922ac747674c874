"""``python -m tests.oracle --n 2000 --seed 0 --out tests/oracle/out``: the benchmark.

Generates ``--n`` scripts, runs each in real Keras (cached by script hash) and through
seqlint (``--keras 2``: scripts written for Keras 2, run in tf-keras with
``TF_USE_LEGACY_KERAS=1``, seqlint with ``--target-keras 2``), prints the figures (overall,
per bug category, per layer family, per rule, per model and import style), and writes every
disagreement as a repro file under ``OUT/disagreements/<class>/`` (``--minimize K`` shrinks
up to K per class first).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tests.oracle.generate import SCRIPT_KINDS
from tests.oracle.keras_runner import DEFAULT_CACHE, DEFAULT_TIMEOUT, KERAS_ARMS
from tests.oracle.pipeline import (
    describe,
    evaluate,
    write_disagreements,
    write_results,
    write_scripts,
)

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.oracle", description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=200, help="number of scripts (default 200)")
    ap.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    ap.add_argument("--out", type=Path, default=HERE / "out", help="output directory")
    ap.add_argument(
        "--kind",
        choices=SCRIPT_KINDS,
        default=None,
        help="only scripts of this kind (default: the mix generate(seed) draws)",
    )
    ap.add_argument(
        "--keras",
        choices=KERAS_ARMS,
        default="3",
        help="the arm: Keras 3 (default) or Keras 2 (tf-keras, seqlint --target-keras 2)",
    )
    ap.add_argument("--workers", type=int, default=2, help="Keras worker processes (default 2)")
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per script")
    ap.add_argument("--eager", action="store_true", help="run tf.functions eagerly (faster)")
    ap.add_argument("--no-cache", action="store_true", help="ignore the Keras verdict cache")
    ap.add_argument(
        "--minimize",
        type=int,
        default=0,
        metavar="K",
        help="minimize up to K repro files per disagreement class",
    )
    ap.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 on a false error, recall < 95%% or line agreement < 95%%",
    )
    args = ap.parse_args(argv)

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    print(f"generating {args.n} scripts from seed {args.seed} into {out}", file=sys.stderr)
    made = write_scripts(args.n, args.seed, out, args.kind, args.keras)
    summary = evaluate(
        made,
        workers=args.workers,
        eager=args.eager,
        cache=None if args.no_cache else DEFAULT_CACHE,
        timeout=args.timeout,
        log=out / "workers.log",
        keras=args.keras,
    )
    write_results(summary, out)
    written = write_disagreements(summary, out)
    if args.minimize:
        from tests.oracle.minimize import KerasSession, minimize

        session = KerasSession(eager=args.eager, timeout=args.timeout, keras=args.keras)
        try:
            for klass, rows in summary.disagreements().items():
                if klass.startswith("keras-"):
                    continue
                for row in rows[: args.minimize]:
                    small = minimize(row, session, summary.rule_codes)
                    p = out / "disagreements" / klass / f"{row.name}.min.py"
                    p.write_text(describe(small) + "\n" + small.text)
                    print(
                        f"  minimized {row.name}: {len(row.text.splitlines())} -> "
                        f"{len(small.text.splitlines())} lines",
                        file=sys.stderr,
                    )
        finally:
            session.close()
    report = summary.render()
    elapsed = time.perf_counter() - start
    report += (
        f"\n\nKeras {args.keras}, seed {args.seed}, n {args.n}, kind {args.kind or 'mixed'}, "
        f"{elapsed:.0f}s; "
        f"repro files: {sum(len(v) for v in written.values())} under "
        f"{out / 'disagreements'}\n"
    )
    (out / "report.md").write_text(report)
    print(report)
    if args.strict:
        t = summary.overall()
        if (
            t.fp
            or (t.recall is not None and t.recall < 0.95)
            or (t.line_agreement is not None and t.line_agreement < 0.95)
        ):
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

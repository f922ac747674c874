"""Generate -> run in Keras -> run seqlint -> compare: the steps shared by the benchmark
command (``python -m tests.oracle``) and the CI sample (``test_oracle.py``)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

from tests.oracle.compare import Row, Summary, analyse
from tests.oracle.generate import generate
from tests.oracle.keras_runner import DEFAULT_CACHE, DEFAULT_TIMEOUT, run_scripts

ROOT = Path(__file__).resolve().parents[2]


def rule_codes() -> set[str]:
    """The rule codes of the installed seqlint (docs/rules as a fallback)."""
    try:
        from seqlint.rules import ALL_RULES

        return {r.code for r in ALL_RULES}
    except Exception:
        return {p.stem for p in (ROOT / "docs" / "rules").glob("SL*.md")}


def write_scripts(
    n: int, seed: int, out: Path, kind: str | None = None, keras: str = "3"
) -> list[tuple[str, Path, dict]]:
    """Generate ``n`` scripts from ``seed`` on into ``out/scripts`` (all of one ``kind`` when
    given, see ``generate.SCRIPT_KINDS``), written for Keras ``keras``; returns
    (name, path, meta)."""
    scripts_dir = out / "scripts"
    scripts_dir.mkdir(parents=True, exist_ok=True)
    for old in scripts_dir.glob("*.py"):
        old.unlink()
    made = []
    with open(out / "meta.jsonl", "w") as fh:
        for i in range(n):
            script = generate(seed + i, kind, keras)
            path = scripts_dir / f"{script.name}.py"
            path.write_text(script.text)
            meta = script.meta.to_dict()
            fh.write(json.dumps({"name": script.name, **meta}) + "\n")
            made.append((script.name, path, meta))
    return made


def run_seqlint(paths: list[Path], keras: str = "3") -> dict[str, list[dict]]:
    """seqlint's diagnostics for each path (by resolved path), via its JSON output; for the
    Keras 2 arm with ``--target-keras 2`` (the Keras 3 arm lets seqlint find the installed
    Keras 3 itself)."""
    found: dict[str, list[dict]] = {str(p.resolve()): [] for p in paths}
    if not paths:
        return found
    dirs = sorted({str(p.parent) for p in paths})
    target = ["--target-keras", keras] if keras != "3" else []
    cmd = [sys.executable, "-m", "seqlint", "check", "--format", "json", *target, *dirs]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=str(ROOT))
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise RuntimeError(
            f"seqlint did not print JSON (exit {proc.returncode}): {proc.stderr[-2000:]}"
        ) from exc
    for d in data.get("diagnostics", []):
        key = (
            str((ROOT / d["path"]).resolve())
            if not Path(d["path"]).is_absolute()
            else str(Path(d["path"]).resolve())
        )
        if key in found:
            found[key].append(d)
    return found


def evaluate(
    made: list[tuple[str, Path, dict]],
    *,
    workers: int = 2,
    eager: bool = False,
    cache: Path | None = DEFAULT_CACHE,
    timeout: float = DEFAULT_TIMEOUT,
    progress: bool = True,
    log: Path | None = None,
    keras: str = "3",
) -> Summary:
    """Run ``made`` in Keras ``keras`` (``"3"`` or ``"2"``) and through seqlint (targeting
    that Keras), and line the two up."""
    t0 = time.perf_counter()
    last = [0.0]

    def report(done: int, total: int) -> None:
        now = time.perf_counter()
        if progress and (now - last[0] > 10 or done == total):
            last[0] = now
            print(f"  keras: {done}/{total} scripts ({now - t0:.0f}s)", file=sys.stderr)

    jobs = [(name, str(path)) for name, path, _ in made]
    verdicts = run_scripts(
        jobs,
        workers=workers,
        eager=eager,
        cache_dir=cache,
        timeout=timeout,
        progress=report,
        log=log,
        keras=keras,
    )
    t1 = time.perf_counter()
    diags = run_seqlint([p for _, p, _ in made], keras)
    t2 = time.perf_counter()
    if progress:
        print(f"  keras {t1 - t0:.0f}s, seqlint {t2 - t1:.1f}s", file=sys.stderr)
    codes = rule_codes()
    rows = []
    for name, path, meta in made:
        row = Row(
            name=name,
            path=str(path),
            text=path.read_text(),
            meta=meta,
            verdict=verdicts[name],
            diagnostics=diags.get(str(path.resolve()), []),
        )
        rows.append(analyse(row, codes))
    return Summary(rows, codes)


def describe(row: Row) -> str:
    """A comment block that says what both sides did (the header of a repro file)."""
    v = row.verdict
    if v.get("status") == "error":
        keras = f"raises {v.get('exc_type')} at line {v.get('line')}: {v.get('message', '')[:300]}"
    elif v.get("status") == "ok":
        keras = "runs" + (
            " (the loss broadcasts targets against outputs)" if v.get("broadcast") else ""
        )
    else:
        keras = v.get("status", "?")
    diags = [
        f"{d['code']} ({d['severity']}) line {d['line']}: {d['message'][:200]}"
        for d in row.diagnostics
    ] or ["nothing"]
    m = row.meta
    lines = [
        f"# oracle: {row.klass}",
        f"# generator: seed {m.get('seed')}, {m.get('style')}, imports {m.get('imports')!r}, "
        f"planted {m.get('bug')} at line {m.get('bug_line')}",
        f"# keras: {keras}",
        "# seqlint: " + "\n#          ".join(diags),
    ]
    return "\n".join(_clip(ln) for ln in lines)


def _clip(line: str) -> str:
    return re.sub(r"\s+", " ", line) if not line.startswith("# seqlint") else line


def write_disagreements(summary: Summary, out: Path) -> dict[str, list[Path]]:
    """Every disagreement as ``out/disagreements/<class>/<name>.py`` with a header."""
    base = out / "disagreements"
    if base.exists():
        for old in base.rglob("*.py"):
            old.unlink()
    written: dict[str, list[Path]] = {}
    for klass, rows in summary.disagreements().items():
        d = base / klass
        d.mkdir(parents=True, exist_ok=True)
        for r in rows:
            p = d / f"{r.name}.py"
            p.write_text(describe(r) + "\n" + r.text)
            written.setdefault(klass, []).append(p)
    return written


def write_results(summary: Summary, out: Path) -> None:
    with open(out / "results.jsonl", "w") as fh:
        for r in summary.rows:
            fh.write(
                json.dumps(
                    {
                        "name": r.name,
                        "class": r.klass,
                        "category": r.category,
                        "modelled": r.modelled,
                        "raised": r.raised,
                        "flagged": r.flagged,
                        "line_agree": r.line_agree,
                        "unmet": r.unmet,
                        "keras": {k: v for k, v in r.verdict.items() if k != "fits"},
                        "fits": r.verdict.get("fits"),
                        "seqlint": [(d["code"], d["severity"], d["line"]) for d in r.diagnostics],
                    }
                )
                + "\n"
            )

"""Shrink a disagreement to a small repro: drop lines while Keras and seqlint still disagree
the same way.

Greedy, statement-aware: from the bottom up, try deleting each simple statement (a whole
``model.compile(...)``, a data line) and each single line inside a multi-line statement (one
layer of a ``Sequential([...])`` list); keep a deletion when the script still parses and the
disagreement class (and its key: the rule codes of a false error, the exception class of a
miss) is unchanged.  Each trial costs one Keras run in a persistent worker.
"""

from __future__ import annotations

import ast
import re
import tempfile
from pathlib import Path

from tests.oracle.compare import Row, analyse
from tests.oracle.keras_runner import DEFAULT_TIMEOUT, _Proc


class KerasSession:
    """One persistent Keras worker for many small runs."""

    def __init__(
        self, eager: bool = False, timeout: float = DEFAULT_TIMEOUT, keras: str = "3"
    ) -> None:
        self.eager = eager
        self.timeout = timeout
        self.keras = keras  # the arm: "3" or "2" (tf-keras)
        self.proc: _Proc | None = None
        self.count = 0

    def run(self, path: str) -> dict:
        import queue

        if self.proc is None:
            self.proc = _Proc(self.eager, None, self.keras)
            if not self.proc.wait_ready(180):
                self.proc.kill()
                self.proc = None
                return {"status": "crash", "message": "worker did not start"}
        self.count += 1
        self.proc.send({"id": str(self.count), "path": path})
        try:
            msg = self.proc.answers.get(timeout=self.timeout)
        except queue.Empty:
            msg = None
        if not msg or "verdict" not in msg:
            self.proc.kill()
            self.proc = None
            return {"status": "timeout"}
        return msg["verdict"]

    def close(self) -> None:
        if self.proc is not None:
            self.proc.close()
            self.proc = None


def lint_file(path: str, keras: str = "3") -> list[dict]:
    """seqlint's diagnostics for ``path``; for the Keras 2 arm with ``--target-keras 2``."""
    from seqlint.config import Resolver, Settings
    from seqlint.engine import check_paths

    target = Settings(target_keras=keras) if keras != "3" else Settings()
    result = check_paths([path], jobs=1, resolver=Resolver(overrides=target))
    return [d.to_json() for d in result.diagnostics]


def _skeleton(message: str) -> str:
    """Keras's message without its numbers and names: the kind of failure."""
    text = re.sub(r"\d+", "N", message or "")
    text = re.sub(r"'[^']*'", "'_'", text)
    return text[:60]


def signature(row: Row) -> tuple:
    """What must stay the same while minimizing."""
    k = row.klass
    if k == "false-error":
        return (k, tuple(sorted({d["code"] for d in row.diagnostics if d["severity"] == "error"})))
    if k in ("missed-modelled", "missed-unmodelled", "line-mismatch"):
        v = row.verdict
        return (k, v.get("exc_type"), _skeleton(v.get("message", "")))
    return (k,)


def _remap(meta: dict, first: int, last: int) -> dict:
    """Line numbers of ``meta`` after deleting lines first..last (1-based, inclusive)."""
    n = last - first + 1

    def fix(line):
        if line is None:
            return None
        if line > last:
            return line - n
        if line >= first:
            return None
        return line

    out = dict(meta)
    for key in ("bug_line", "fit_line", "compile_line", "model_line"):
        out[key] = fix(meta.get(key))
    out["bug_lines"] = [x for x in (fix(v) for v in meta.get("bug_lines") or []) if x]
    return out


def _candidates(text: str) -> list[tuple[int, int]]:
    """Line ranges worth deleting, bottom first."""
    tree = ast.parse(text)
    spans: set[tuple[int, int]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and not isinstance(node, ast.FunctionDef):
            spans.add((node.lineno, node.end_lineno or node.lineno))
            if (node.end_lineno or node.lineno) > node.lineno:
                for ln in range(node.lineno + 1, node.end_lineno):
                    spans.add((ln, ln))
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            spans.add((node.lineno, node.end_lineno or node.lineno))
    return sorted(spans, key=lambda s: (-s[0], s[1] - s[0]))


def minimize(row: Row, session: KerasSession, rule_codes: set[str], max_trials: int = 60) -> Row:
    """A smaller row with the same disagreement signature (the original if none is found)."""
    want = signature(row)
    best = row
    trials = 0
    changed = True
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / (row.name + ".py"))
        while changed and trials < max_trials:
            changed = False
            for first, last in _candidates(best.text):
                if trials >= max_trials:
                    break
                lines = best.text.splitlines()
                cand_lines = lines[: first - 1] + lines[last:]
                cand = "\n".join(cand_lines) + "\n"
                try:
                    ast.parse(cand)
                except SyntaxError:
                    continue
                trials += 1
                Path(path).write_text(cand)
                verdict = session.run(path)
                if verdict.get("status") not in ("ok", "error"):
                    continue
                new = Row(
                    name=row.name,
                    path=path,
                    text=cand,
                    meta=_remap(best.meta, first, last),
                    verdict=verdict,
                    diagnostics=lint_file(path, session.keras),
                )
                analyse(new, rule_codes)
                if signature(new) == want:
                    best = new
                    changed = True
                    break
    best.path = row.path
    return best

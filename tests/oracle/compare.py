"""Line Keras's verdicts up with seqlint's diagnostics and compute the figures.

Definitions (also in docs/accuracy.md):

* **flagged**: seqlint reports at least one diagnostic of severity ``error`` (SL900, a file
  that does not parse, never happens on generated scripts; SL901, an internal error, is
  counted as flagged and listed as its own disagreement class).
* **raised**: the script raised an exception in real Keras (build, compile, fit or
  predict).  Timeouts and worker crashes are excluded from every figure.
* **false error**: flagged, and Keras built (and, where the script fits, fitted) the model.
* **precision**: among flagged scripts, the fraction where Keras raised.
* **recall (modelled)**: among scripts where Keras raised and the bug is in a category
  seqlint models (a category is modelled when one of its rules exists in the installed
  seqlint), the fraction seqlint flags.  **Raw recall**: over every script where Keras raised.
* **line agreement**: among flagged scripts where Keras raised, the fraction where one of
  seqlint's error lines equals the line of Keras's innermost traceback frame in the script,
  or lies within the source range of the statement that frame points at, or is one of the
  planted bug's lines while Keras raised at a ``fit``/``predict``/``build`` call or at the planted
  bug itself (e.g. seqlint names ``Input(shape=(4,))``, Keras the LSTM that receives it).
  **Strict** line agreement keeps only the first two clauses.
* **silent broadcast**: training ran but the loss broadcast targets against outputs of a
  different shape (measured in the runner after ``fit``).  seqlint agrees when it emits a
  warning inside the ``fit`` or ``compile`` statement or on the planted line.
* **silent declared output**: the script ran, but Keras built the model on a custom layer's
  ``compute_output_shape`` while its ``call`` returns another shape (measured in the runner).
  seqlint agrees when it emits SL113 (a warning).
* **needs**: a script using a layer or an op the installed seqlint does not know yet
  (``Meta.needs``: ``layer:Conv2D``, ``op:operator.getitem``) counts as modelled only once
  seqlint knows all of them; its misses are listed as ``missed-unmodelled`` and in the table of
  unmet needs, never dropped.
"""

from __future__ import annotations

import ast
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

# Which seqlint rules cover a bug category.  A category counts as modelled when one of its
# codes exists in the installed seqlint (so the figures follow the rules as they land).
CATEGORY_RULES: dict[str, tuple[str, ...]] = {
    "missing-return-sequences": ("SL101",),
    "missing-repeat-vector": ("SL101",),
    "flatten-then-sequence": ("SL101",),
    "timedistributed-rank": ("SL103",),
    "input-rank": ("SL102", "SL101"),
    "merge-single-tensor": ("SL105",),
    "merge-dims": ("SL104",),
    "reshape-size": ("SL106",),
    "state-size": ("SL107",),
    "state-count": ("SL107",),
    "conv-length": ("SL108",),
    "input-data": ("SL209",),
    "embedding-index": ("SL210",),
    "loss-target": ("SL201", "SL202", "SL203"),
    "target-broadcast": ("SL204",),
    "op-matmul": ("SL111",),
    "op-broadcast": ("SL111",),
    "op-concat": ("SL111",),
    "op-reshape": ("SL111",),
    "weight-batch-axis": ("SL112",),
    "declared-output": ("SL113",),
    "conv-window": ("SL108", "SL114"),
    "conv-rank": ("SL114", "SL101", "SL102", "SL103"),
}


@cache
def known(need: str) -> bool:
    """Whether the installed seqlint knows a layer (``layer:Conv2D``: its catalogue has it) or an
    op (``op:ops.matmul``: the spelling resolves to an op of its vocabulary)."""
    kind, _, name = need.partition(":")
    try:
        if kind == "layer":
            from seqlint.shapes.catalogue import spec

            return spec(name) is not None
        if kind == "op":
            from seqlint.shapes.ops.aliases import resolve

            return resolve(name) is not None
    except ImportError:
        return True  # seqlint's internals moved: count everything rather than hide misses
    return True


def unmet(meta: dict, knows: Callable[[str], bool] = known) -> list[str]:
    """The script's needs the installed seqlint does not meet."""
    return [n for n in meta.get("needs") or [] if not knows(n)]


# Keras messages -> category, for failures the generator did not plan.
MESSAGE_CATEGORIES: tuple[tuple[str, str], ...] = (
    (r"TimeDistributed.*at least 3 dimensions", "timedistributed-rank"),
    (r"expected (min_)?ndim=3, found ndim=2", "missing-return-sequences"),
    (r"expected (min_)?ndim=\d+, found ndim=\d+", "input-rank"),
    (r"should be called on a list", "merge-single-tensor"),
    (r"matching shapes except for the concatenation axis|Concatenate|merge", "merge-dims"),
    (r"total size of the tensor must be unchanged|Reshape", "reshape-size"),
    (r"negative|output size|too small", "conv-length"),
    (r"expected shape=|incompatible with the layer|Invalid input shape", "input-data"),
    (r"indices\[|not in \[0,", "embedding-index"),
    (r"target|Dimensions must be equal|Incompatible shapes", "loss-target"),
)


def classify_message(message: str) -> str:
    for pattern, category in MESSAGE_CATEGORIES:
        if re.search(pattern, message or ""):
            return category
    return "other"


@dataclass
class Row:
    """One script, both verdicts, and how they compare."""

    name: str
    path: str
    text: str
    meta: dict
    verdict: dict
    diagnostics: list[dict]
    # derived
    valid: bool = False
    raised: bool = False
    flagged: bool = False
    internal: bool = False
    category: str | None = None
    modelled: bool = False
    line_agree: bool | None = None
    line_strict: bool | None = None
    keras_stmt: tuple[int, int] | None = None
    keras_broadcast: bool = False
    seqlint_broadcast: bool = False
    keras_declared: bool = False  # ran, on a custom layer's compute_output_shape that call belies
    seqlint_declared: bool = False  # SL113 reported
    unmet: list[str] = field(default_factory=list)  # needs seqlint does not know yet
    codes: list[str] = field(default_factory=list)

    @property
    def klass(self) -> str | None:
        """The disagreement class of this row, None when seqlint and Keras agree."""
        if not self.valid:
            return "keras-" + self.verdict.get("status", "unknown")
        if self.internal:
            return "seqlint-internal-error"
        if self.flagged and not self.raised:
            return "false-error"
        if self.raised and not self.flagged:
            return "missed-modelled" if self.modelled else "missed-unmodelled"
        if self.raised and self.flagged and self.line_agree is False:
            return "line-mismatch"
        if self.keras_broadcast and not self.seqlint_broadcast:
            return "broadcast-missed"
        if self.seqlint_broadcast and self.valid and not self.raised and not self.keras_broadcast:
            return "broadcast-false"
        if self.keras_declared and not self.seqlint_declared:
            return "declared-missed"
        if self.seqlint_declared and not self.raised and not self.keras_declared:
            return "declared-false"
        return None


def statement_range(text: str, line: int | None) -> tuple[int, int] | None:
    """(first, last) line of the innermost simple statement containing ``line``."""
    if line is None:
        return None
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return None
    best: tuple[int, int] | None = None
    for node in ast.walk(tree):
        if not isinstance(node, ast.stmt) or isinstance(
            node, (ast.FunctionDef, ast.ClassDef, ast.If, ast.For, ast.While, ast.With, ast.Try)
        ):
            continue
        end = node.end_lineno or node.lineno
        if node.lineno <= line <= end and (best is None or end - node.lineno < best[1] - best[0]):
            best = (node.lineno, end)
    return best


def _is_run_call(text: str, rng: tuple[int, int] | None) -> bool:
    if rng is None:
        return False
    src = "\n".join(text.splitlines()[rng[0] - 1 : rng[1]])
    return bool(re.search(r"\.(fit|predict|evaluate|train_on_batch|build)\(", src))


def analyse(row: Row, rule_codes: set[str]) -> Row:
    v, m = row.verdict, row.meta
    row.valid = v.get("status") in ("ok", "error")
    row.raised = v.get("status") == "error"
    errors = [d for d in row.diagnostics if d.get("severity") == "error"]
    row.internal = any(d.get("code") == "SL901" for d in errors)
    row.flagged = bool(errors)
    row.codes = sorted({d["code"] for d in row.diagnostics})
    planted = m.get("bug")
    if row.raised:
        row.category = planted or classify_message(v.get("message", ""))
        if planted == "target-broadcast":
            row.category = "loss-target"  # e.g. binary_crossentropy demands equal shapes
    else:
        row.category = planted
        if planted == "loss-target" and v.get("broadcast"):
            row.category = "target-broadcast"  # elementwise losses broadcast instead
    row.unmet = unmet(m)
    row.modelled = (
        bool(row.category)
        and any(c in rule_codes for c in CATEGORY_RULES.get(row.category or "", ()))
        and not row.unmet
    )
    if row.raised:
        row.keras_stmt = statement_range(row.text, v.get("line"))
    if row.raised and row.flagged:
        row.line_agree = line_agrees(row, errors)
        row.line_strict = line_agrees(row, errors, strict=True)
    row.keras_broadcast = bool(v.get("broadcast")) and v.get("status") == "ok"
    spots: set[int] = set()
    for key in ("fit_line", "compile_line"):
        rng = statement_range(row.text, m.get(key))
        if rng:
            spots.update(range(rng[0], rng[1] + 1))
    spots.update(m.get("bug_lines") or [])
    row.seqlint_broadcast = any(
        d.get("severity") == "warning" and d.get("line") in spots and d.get("code") != "SL113"
        for d in row.diagnostics
    )
    row.keras_declared = bool(v.get("declared")) and v.get("status") == "ok"
    row.seqlint_declared = any(d.get("code") == "SL113" for d in row.diagnostics)
    return row


def line_agrees(row: Row, errors: list[dict], strict: bool = False) -> bool:
    """Whether one of ``errors`` points where Keras raised (see the module docstring).

    ``strict`` drops the planted-bug clause: Keras's line or statement only.
    """
    k_line = row.verdict.get("line")
    rng = row.keras_stmt
    planted = set(row.meta.get("bug_lines") or [])
    if row.meta.get("bug_line"):
        planted.add(row.meta["bug_line"])
    # Keras failed at the planted bug (its statement holds a planted line) or only at run time
    keras_at_bug = rng is not None and any(rng[0] <= p <= rng[1] for p in planted)
    for d in errors:
        line = d.get("line")
        if line == k_line:
            return True
        if rng and rng[0] <= line <= rng[1]:
            return True
        if strict:
            continue
        if line in planted and (keras_at_bug or _is_run_call(row.text, rng)):
            return True
    return False


# -- figures --------------------------------------------------------------------------------------


@dataclass
class Tally:
    n: int = 0
    raised: int = 0
    flagged: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fn_modelled: int = 0
    tp_modelled: int = 0
    line_ok: int = 0
    line_strict: int = 0
    line_n: int = 0

    def add(self, r: Row) -> None:
        if not r.valid:
            return
        self.n += 1
        self.raised += r.raised
        self.flagged += r.flagged
        if r.flagged and r.raised:
            self.tp += 1
            if r.modelled:
                self.tp_modelled += 1
            if r.line_agree is not None:
                self.line_n += 1
                self.line_ok += bool(r.line_agree)
                self.line_strict += bool(r.line_strict)
        elif r.flagged:
            self.fp += 1
        elif r.raised:
            self.fn += 1
            if r.modelled:
                self.fn_modelled += 1

    @property
    def precision(self) -> float | None:
        return self.tp / self.flagged if self.flagged else None

    @property
    def recall(self) -> float | None:
        d = self.tp_modelled + self.fn_modelled
        return self.tp_modelled / d if d else None

    @property
    def raw_recall(self) -> float | None:
        return self.tp / self.raised if self.raised else None

    @property
    def line_agreement(self) -> float | None:
        return self.line_ok / self.line_n if self.line_n else None


def pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def tally_by(rows: list[Row], keys) -> dict[str, Tally]:
    out: dict[str, Tally] = defaultdict(Tally)
    for r in rows:
        for k in keys(r):
            out[k].add(r)
    return dict(sorted(out.items()))


def table(title: str, tallies: dict[str, Tally], first: str) -> str:
    head = (
        f"| {first} | scripts | Keras raised | seqlint errors | true errors | false errors "
        "| missed (modelled) | precision | recall (modelled) | raw recall | line agreement |"
    )
    lines = [f"### {title}", "", head, "|" + "---|" * 11]
    for key, t in tallies.items():
        lines.append(
            f"| {key} | {t.n} | {t.raised} | {t.flagged} | {t.tp} | {t.fp} | {t.fn_modelled} "
            f"| {pct(t.precision)} | {pct(t.recall)} | {pct(t.raw_recall)} "
            f"| {pct(t.line_agreement)} |"
        )
    return "\n".join(lines)


@dataclass
class Summary:
    rows: list[Row]
    rule_codes: set[str]

    @property
    def valid(self) -> list[Row]:
        return [r for r in self.rows if r.valid]

    def overall(self) -> Tally:
        t = Tally()
        for r in self.rows:
            t.add(r)
        return t

    def false_errors(self) -> list[Row]:
        return [
            r
            for r in self.rows
            if r.klass == "false-error" or (r.klass == "seqlint-internal-error" and not r.raised)
        ]

    def broadcast_counts(self) -> dict[str, int]:
        c = Counter()
        for r in self.valid:
            if r.raised:
                continue
            c[
                ("keras" if r.keras_broadcast else "no-keras")
                + "/"
                + ("seqlint" if r.seqlint_broadcast else "no-seqlint")
            ] += 1
        return {
            "both": c["keras/seqlint"],
            "keras_only": c["keras/no-seqlint"],
            "seqlint_only": c["no-keras/seqlint"],
            "neither": c["no-keras/no-seqlint"],
        }

    def declared_counts(self) -> dict[str, int]:
        ran = [r for r in self.valid if not r.raised]
        return {
            "both": sum(r.keras_declared and r.seqlint_declared for r in ran),
            "keras_only": sum(r.keras_declared and not r.seqlint_declared for r in ran),
            "seqlint_only": sum(r.seqlint_declared and not r.keras_declared for r in ran),
        }

    def unmet_table(self) -> str:
        """Per need seqlint does not meet: the scripts that hold it and what happened."""
        per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for r in self.valid:
            for need in r.unmet:
                c = per[need]
                c[0] += 1
                c[1] += r.raised
                c[2] += r.raised and r.flagged
                c[3] += r.flagged and not r.raised
        lines = [
            "### Unmet needs (a layer or op the installed seqlint does not know yet)",
            "",
            "| need | scripts | Keras raised | seqlint errors there anyway | false errors |",
            "|---|---|---|---|---|",
        ]
        for need, (n, raised, caught, false) in sorted(per.items()):
            lines.append(f"| {need} | {n} | {raised} | {caught} | {false} |")
        if not per:
            lines.append("| (none) | | | | |")
        return "\n".join(lines)

    def disagreements(self) -> dict[str, list[Row]]:
        out: dict[str, list[Row]] = defaultdict(list)
        for r in self.rows:
            k = r.klass
            if k is not None:
                out[k].append(r)
        return dict(sorted(out.items()))

    def render(self) -> str:
        rows = self.rows
        t = self.overall()
        bad = [r for r in rows if not r.valid]
        planted = [r for r in self.valid if r.meta.get("bug")]
        planted_raised = sum(r.raised for r in planted)
        unplanned = [r for r in self.valid if not r.meta.get("bug") and r.raised]
        bc = self.broadcast_counts()
        dc = self.declared_counts()
        out = [
            "## Summary",
            "",
            f"- scripts: {len(rows)} ({len(bad)} without a Keras verdict: timeouts/crashes)",
            f"- Keras raised: {t.raised}; Keras ran: {t.n - t.raised}",
            f"- planted bugs: {len(planted)} ({planted_raised} raised in Keras); "
            f"unplanned Keras failures: {len(unplanned)}",
            f"- seqlint errors: {t.flagged} (true {t.tp}, **false {t.fp}**); "
            f"internal errors: {sum(r.internal for r in rows)}",
            f"- precision: **{pct(t.precision)}**; recall on modelled bugs: "
            f"**{pct(t.recall)}** ({t.tp_modelled}/{t.tp_modelled + t.fn_modelled}); "
            f"raw recall: {pct(t.raw_recall)} ({t.tp}/{t.raised})",
            f"- line agreement: **{pct(t.line_agreement)}** ({t.line_ok}/{t.line_n}); "
            f"strict (Keras's own line or statement only): "
            f"{pct(t.line_strict / t.line_n if t.line_n else None)} ({t.line_strict}/{t.line_n})",
            "- silent broadcasts (scripts that trained): Keras broadcast "
            f"{bc['both'] + bc['keras_only']}, seqlint warned on {bc['both']} of them; "
            f"seqlint warned without a broadcast: {bc['seqlint_only']}",
            "- silent declared outputs (scripts that ran; a custom layer's compute_output_shape "
            f"belied by its call): Keras {dc['both'] + dc['keras_only']}, seqlint warned (SL113) "
            f"on {dc['both']} of them; SL113 without such a mismatch: {dc['seqlint_only']}",
            f"- rules present in seqlint: {', '.join(sorted(self.rule_codes)) or 'none'}",
            "",
            table(
                "By bug category (planted, else read from Keras's message)",
                tally_by(self.valid, lambda r: [r.category or "none"]),
                "category",
            ),
            "",
            table(
                "By layer family (scripts containing the family)",
                tally_by(self.valid, lambda r: r.meta.get("families") or ["none"]),
                "family",
            ),
            "",
            self.rule_table(),
            "",
            table("By model style", tally_by(self.valid, lambda r: [r.meta.get("style")]), "style"),
            "",
            table(
                "By import style",
                tally_by(self.valid, lambda r: [r.meta.get("imports")]),
                "imports",
            ),
            "",
            table(
                "By script kind",
                tally_by(self.valid, lambda r: [r.meta.get("kind") or "classic"]),
                "kind",
            ),
            "",
            table(
                "By archetype",
                tally_by(self.valid, lambda r: [r.meta.get("archetype") or "?"]),
                "archetype",
            ),
            "",
            self.unmet_table(),
            "",
            "### Disagreements",
            "",
            "| class | scripts | examples |",
            "|---|---|---|",
        ]
        for k, rs in self.disagreements().items():
            ex = ", ".join(r.name for r in rs[:3])
            out.append(f"| {k} | {len(rs)} | {ex} |")
        return "\n".join(out)

    def rule_table(self) -> str:
        per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
        for r in self.valid:
            for code in sorted({d["code"] for d in r.diagnostics}):
                sev = next(d["severity"] for d in r.diagnostics if d["code"] == code)
                c = per[f"{code} ({sev})"]
                c[0] += 1
                if r.raised:
                    c[1] += 1
                    lines = {d["line"] for d in r.diagnostics if d["code"] == code}
                    if line_agrees(r, [{"line": ln} for ln in lines]):
                        c[3] += 1
                else:
                    c[2] += 1
                    if r.keras_broadcast:
                        c[4] += 1
        lines = [
            "### By rule",
            "",
            "| rule | scripts reported | Keras raised | Keras ran | line agreement "
            "| ran with a silent broadcast |",
            "|---|---|---|---|---|---|",
        ]
        for code, (n, raised, ran, agree, bcast) in sorted(per.items()):
            la = pct(agree / raised) if raised else "-"
            lines.append(f"| {code} | {n} | {raised} | {ran} | {la} | {bcast} |")
        return "\n".join(lines)

"""Lint one source text: frontend -> shapes -> rules -> diagnostics, and what was not analysed."""

from __future__ import annotations

import os
from dataclasses import dataclass

from seqlint.diagnostic import Diagnostic, FileResult, Origin, Unanalysed
from seqlint.fixes import Edit, Fix, InsertLayer, target_of
from seqlint.frontend import extract, imported_text
from seqlint.ir import Array, Batches, ImportedLoc, Loc, Model, ModuleIR, TensorRef, Value
from seqlint.rulekit.base import Rule, RuleContext
from seqlint.rules import ALL_RULES
from seqlint.shapes.catalogue import lookup
from seqlint.shapes.propagate import GraphShapes


@dataclass
class Analysis:
    """One source's IR and what the rules found in it, sorted by position, and how much of it
    could be analysed."""

    ir: ModuleIR
    shapes: GraphShapes  # the shapes at every node of ``ir``
    diagnostics: list[Diagnostic]
    fixes: list[Fix | None]  # the fix of each diagnostic, with its edits
    models: int = 0  # models analysed
    unanalysed: tuple[Unanalysed, ...] = ()  # models and training calls that were not


def analyse(
    source: str, path: str, rules: tuple[Rule, ...] = ALL_RULES, target: str = "3"
) -> Analysis:
    """Run ``rules`` on ``source`` read from ``path`` for Keras ``target`` ("2", "3" or a
    release such as "2.12"; any Keras 2 turns Keras-3-only rules off); raises
    :class:`seqlint.frontend.ParseFailure` when it does not parse.

    The modules of its project it imports are followed (from ``path``'s place on disk;
    standard input, ``-``, imports none): a problem in their code is reported at the line of
    ``path`` that runs it, with the module's place in the message and as ``origin`` (unless a
    ``# noqa`` on that line of the module suppresses it), and without a fix.
    """
    ir = extract(source, target, None if path == STDIN else path)
    ctx = RuleContext(ir, GraphShapes(ir, target), target)
    found: dict[tuple[str, int, int, str, int, int], tuple[Diagnostic, Fix | None]] = {}
    for rule in rules:
        if rule.keras3_only and ctx.major == "2":
            continue
        for finding in rule.check(ctx):
            span = finding.loc.span
            imported = finding.loc.origin
            inner = imported.loc.span if imported is not None else span
            key = (
                rule.code,
                span.line,
                span.column,
                imported and imported.path,
                inner.line,
                inner.column,
            )
            if key in found or (imported and _suppressed_there(imported, rule.code)):
                continue
            message, origin, fix = finding.message, None, finding.fix
            if imported is not None:
                chain = imported.chain()
                through = "".join(f" through {place.where}" for place in chain[1:2])
                message = f"{message} (in {imported.where}, run from here{through})"
                outer = tuple(dict.fromkeys(_beside(path, place.path) for place in chain[1:]))
                origin = Origin(_beside(path, imported.path), inner.line, inner.column, outer)
                fix = None  # an edit of another file's code
            elif fix is not None and any(_elsewhere(edit) for edit in fix.edits):
                fix = None
            diagnostic = Diagnostic(
                path=path,
                line=span.line,
                column=span.column,
                end_line=span.end_line,
                end_column=span.end_column,
                code=rule.code,
                name=rule.name,
                severity=rule.severity,
                message=message,
                hint=finding.hint,
                trace=finding.trace,
                fix=None if fix is None else fix.note,
                origin=origin,
            )
            found[key] = (diagnostic, fix)
    ordered = sorted(found.values(), key=lambda pair: (pair[0].line, pair[0].column, pair[0].code))
    models, unanalysed = coverage(ctx, path)
    diagnostics, fixes = [d for d, _ in ordered], [f for _, f in ordered]
    return Analysis(ir, ctx.shapes, diagnostics, fixes, models, unanalysed)


STDIN = "-"


def _elsewhere(edit: Edit) -> bool:
    """An edit of code in an imported module (a model built there, fitted here)."""
    places = [target_of(edit), *([edit.like] if isinstance(edit, InsertLayer) else [])]
    return any(place.origin is not None for place in places)


def _suppressed_there(imported: ImportedLoc, code: str) -> bool:
    """Whether a ``# noqa`` on the module's own line suppresses ``code``."""
    from seqlint.suppress import directive_at, scan

    text = imported_text(imported.path)
    return bool(text) and directive_at(scan(text), imported.loc.line, code) is not None


def _beside(path: str, module: str) -> str:
    """``module`` (absolute) named the way ``path`` is (relative or not, same prefix)."""
    here = os.path.dirname(path)
    return os.path.normpath(
        os.path.join(here, os.path.relpath(module, os.path.abspath(here or ".")))
    )


def lint_source(
    source: str, path: str, rules: tuple[Rule, ...] = ALL_RULES, target: str = "3"
) -> list[Diagnostic]:
    """Diagnostics for ``source`` sorted by position.

    Raises :class:`seqlint.frontend.ParseFailure` when the source does not parse.
    """
    return analyse(source, path, rules, target).diagnostics


def lint_file(source: str, path: str, target: str = "3") -> FileResult:
    """What the engine keeps of one file's analysis (no IR: it crosses processes)."""
    analysis = analyse(source, path, target=target)
    return FileResult(
        tuple(analysis.diagnostics), analysis.models, analysis.unanalysed, analysis.ir.dependencies
    )


# -- what was not analysed -----------------------------------------------------------------

_UNDECLARED = "its input shape is not declared (no Input, input_shape, build() or fit data)"
_DATA_METHODS = frozenset({"fit", "evaluate", "train_on_batch", "test_on_batch"})


def coverage(ctx: RuleContext, path: str) -> tuple[int, tuple[Unanalysed, ...]]:
    """How many models were analysed, and each model or training call that was not.

    A model is analysed when the ranks of its inputs and outputs are known, or when a shape
    problem (reported by a rule) cut them short; otherwise the first node whose inputs are
    known but whose output is not names the reason. A ``fit``/``evaluate`` call is not analysed when
    the shape of its data is not known.
    """
    missing: list[Unanalysed] = []
    analysed = 0
    for model in ctx.ir.models:
        reason = _model_gap(model, ctx)
        if reason is None:
            analysed += 1
        else:
            missing.append(Unanalysed(path, model.loc.line, _model_name(model), reason))
    for call in ctx.ir.training:
        if call.method in _DATA_METHODS and not _known_data(call.args.get("x")):
            what = f"{call.method} call of {_model_name(call.model)}"
            reason = "data of unknown shape"
            if call.unknown_data is not None:
                reason += f": {call.unknown_data.text}"
            missing.append(Unanalysed(path, call.loc.line, what, reason))
    for item in ctx.ir.unfollowed:
        missing.append(Unanalysed(path, item.loc.line, item.what, item.cause.text))
    missing.sort(key=lambda u: u.line)
    return analysed, tuple(missing)


def _model_name(model: Model) -> str:
    return f"model `{model.name}`" if model.name else f"{model.kind} model"


def _model_gap(model: Model, ctx: RuleContext) -> str | None:
    outputs = _refs(model.outputs)
    if outputs is None:
        if model.kind == "subclassed":
            return "seqlint could not follow its call() to known outputs"
        return "its outputs are not known"
    graph = [ctx.ir.nodes[i] for i in sorted(ctx.ir.upstream(outputs))]
    if any(ctx.shapes.at(node).problem is not None for node in graph):
        return None  # analysed: a rule reports the problem
    inputs = _refs(model.inputs) or []
    if all(ctx.shapes.of(ref).dims is not None for ref in (*inputs, *outputs)):
        return None
    for node in graph:
        shapes = ctx.shapes.at(node)
        known = shapes.outputs is not None and all(s.dims is not None for s in shapes.outputs)
        if known or any(s.dims is None for s in shapes.inputs):
            continue
        layer = node.layer
        where = _where(node.loc)
        if layer.kind == "Input":
            if not layer.config:
                return _UNDECLARED
            return f"the shape declared by {layer.label} ({where}) is not known"
        if layer.kind == "":
            cause = layer.config.get("import")
            because = f"; {cause.text}" if cause is not None else ""
            return f"code seqlint does not follow: {layer.label} ({where}){because}"
        if lookup(layer.kind) is None:
            return f"unknown layer {layer.label} ({where})"
        return f"the output of {layer.label} ({where}) is not known"
    return "its output shapes are not known"


def _where(loc: Loc) -> str:
    """``line 12``, or ``model.py:12`` in an imported module."""
    return loc.origin.where if loc.origin is not None else f"line {loc.line}"


def _refs(value: Value) -> list[TensorRef] | None:
    if isinstance(value, TensorRef):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if not isinstance(value, (list, tuple)) or not value:
        return None
    refs: list[TensorRef] = []
    for item in value:
        found = _refs(item)
        if found is None:
            return None
        refs.extend(found)
    return refs


def _known_data(value: Value) -> bool:
    if isinstance(value, Batches):
        return _known_data(value.x)
    if isinstance(value, Array):
        return value.shape is not None
    if isinstance(value, (list, tuple)) and value:
        return all(_known_data(item) for item in value)
    if isinstance(value, dict) and value:
        return all(_known_data(item) for item in value.values())
    return False

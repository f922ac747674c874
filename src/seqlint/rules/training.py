"""Evidence for the training-call rules: which loss and which target meet which output.

A *fit site* is a call that trains or evaluates on data (fit, evaluate,
train_on_batch...), paired with the latest ``compile`` of the same model
before it, and split per model output: the output's shape, its loss and its
target, matched the way Keras matches them (a single value shared by every
output, a list by position, a dict by output name).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seqlint.ir import Array, Batches, Model, Node, ShapeTuple, TensorRef, TrainingCall, Value
from seqlint.rules.base import Finding, RuleContext
from seqlint.rules.evidence import chain_to, dropper_at_or_above, input_shape, trace, where
from seqlint.rules.feeding import MISSING, data_as_declared
from seqlint.shapes.dims import UNKNOWN, Dim, Shape, differ, same
from seqlint.shapes.losses import (
    ClassCount,
    Loss,
    TargetCheck,
    check_labels,
    class_count,
    resolve_loss,
)

DATA_METHODS = frozenset({"fit", "evaluate", "train_on_batch", "test_on_batch"})


@dataclass(frozen=True)
class OutputUse:
    """One model output at a fit site: its shape, its loss and its target."""

    position: int
    name: str | None  # the output layer's ``name=``, when the source gives one
    node: Node  # the layer producing the output
    shape: Shape
    loss_value: Value  # as written (MISSING when compile gives none for it)
    loss: Loss | None  # resolved; None when unknown or custom
    target: Value  # the y for this output (MISSING when not given)


@dataclass(frozen=True)
class FitSite:
    call: TrainingCall
    compile: TrainingCall | None
    outputs: tuple[OutputUse, ...]
    batch_size: Dim


def model_outputs(model: Model) -> list[tuple[str | None, TensorRef]] | None:
    """The model's outputs in Keras order (dict outputs by sorted key), with their keys."""
    outputs = model.outputs
    if isinstance(outputs, TensorRef):
        return [(None, outputs)]
    if isinstance(outputs, (list, tuple)) and all(isinstance(o, TensorRef) for o in outputs):
        return [(None, o) for o in outputs]
    if isinstance(outputs, dict) and all(isinstance(o, TensorRef) for o in outputs.values()):
        return [(str(k), outputs[k]) for k in sorted(outputs, key=str)]  # Keras flattens sorted
    return None


def output_names(model: Model, ctx: RuleContext) -> list[str | None] | None:
    """Keras's output names: dict keys, else each output layer's ``name=`` (None if unnamed)."""
    outputs = model_outputs(model)
    if outputs is None:
        return None
    names = []
    for key, ref in outputs:
        name = key if key is not None else ctx.ir.node(ref).layer.get("name")
        names.append(name if isinstance(name, str) else None)
    return names


def compiles(ctx: RuleContext) -> Iterator[TrainingCall]:
    for call in ctx.ir.training:
        if call.method == "compile":
            yield call


def fit_sites(ctx: RuleContext) -> Iterator[FitSite]:
    """Every call that feeds data to a compiled model, split per output."""
    latest: dict[int, TrainingCall] = {}
    for call in ctx.ir.training:
        if call.method == "compile":
            latest[id(call.model)] = call
            continue
        if call.method not in DATA_METHODS:
            continue
        outputs = model_outputs(call.model)
        if outputs is None or not _is_sound([ref for _key, ref in outputs], ctx):
            continue
        if not data_as_declared(call, ctx):
            continue  # the loss sees other outputs than declared (or Keras raises first)
        compiled = latest.get(id(call.model))
        names = output_names(call.model, ctx) or [None] * len(outputs)
        loss = compiled.args.get("loss", MISSING) if compiled else MISSING
        losses = _per_output(loss, names, shared=True)
        targets = _per_output(_targets(call), names, shared=False)
        uses = tuple(
            OutputUse(
                position=i,
                name=names[i],
                node=ctx.ir.node(ref),
                shape=ctx.shapes.of(ref),
                loss_value=losses[i],
                loss=resolve_loss(losses[i]) if losses[i] is not MISSING else None,
                target=targets[i],
            )
            for i, (_key, ref) in enumerate(outputs)
        )
        yield FitSite(call, compiled, uses, _batch_size(call))


def _is_sound(outputs: list[TensorRef], ctx: RuleContext) -> bool:
    """No node up to ``outputs`` has a shape problem or an input declared as ``X.shape``.

    Keras fails on such a model before any loss sees a target, so the
    training rules have nothing true to say about it.
    """
    seen: set[int] = set()
    stack = [ref.node_id for ref in outputs]
    while stack:
        node_id = stack.pop()
        if node_id in seen:
            continue
        seen.add(node_id)
        node = ctx.ir.nodes[node_id]
        if ctx.shapes.at(node).problem is not None:
            return False
        if isinstance(node.layer.get("shape"), ShapeTuple):
            return False
        stack.extend(ref.node_id for ref in (*node.inputs, *node.state_inputs))
    return True


def _targets(call: TrainingCall) -> Value:
    x = call.args.get("x", MISSING)
    if isinstance(x, Batches):
        return x.y
    return call.args.get("y", MISSING)


def _batch_size(call: TrainingCall) -> Dim:
    if isinstance(call.args.get("x"), Batches):
        return UNKNOWN
    size = call.args.get("batch_size", 32)
    return size if isinstance(size, int) and not isinstance(size, bool) else UNKNOWN


def _per_output(value: Value, names: list[str | None], *, shared: bool) -> list[Value]:
    """Spread a compile/fit value over the outputs the way Keras does.

    A single value is ``shared`` by every output (a loss), or belongs to a
    single-output model only (a target).
    """
    count = len(names)
    if isinstance(value, (list, tuple)) and not isinstance(value, Array):
        if len(value) == count and count > 1:
            return list(value)
        if count == 1 and len(value) == 1:
            return [value[0]]
        return [MISSING] * count
    if isinstance(value, dict):
        return [value.get(name, MISSING) if name is not None else MISSING for name in names]
    if shared or count == 1:
        return [value] * count
    return [MISSING] * count


@dataclass(frozen=True)
class TargetVerdict:
    """What Keras does with one output's target at one fit site."""

    site: FitSite
    use: OutputUse
    target: Array
    check: TargetCheck
    classes: ClassCount | None  # classes the labels imply vs output units, when known


def target_verdicts(ctx: RuleContext) -> Iterator[TargetVerdict]:
    """Every (fit site, output) whose loss is known and whose target shape the code states."""
    for site in fit_sites(ctx):
        for use in site.outputs:
            if use.loss is None or not isinstance(use.target, Array) or use.target.shape is None:
                continue
            if use.shape.dims is None:
                continue
            check = check_labels(use.loss, use.target, use.shape, batch_size=site.batch_size)
            classes = class_count(use.loss, use.target, use.shape)
            yield TargetVerdict(site, use, use.target, check, classes)


def classes_disagree(verdict: TargetVerdict) -> bool:
    """The labels imply a known number of classes that differs from the output units."""
    classes = verdict.classes
    return classes is not None and differ(classes.labels, classes.units)


def time_axis_note(verdict: TargetVerdict, ctx: RuleContext) -> tuple[str, str, tuple]:
    """When the targets have a time axis the output lacks: (note, hint, trace).

    The note names the layer that dropped the time axis ("LSTM(32) at line 9
    drops the time axis: return_sequences is False"); note and hint are empty
    when that is not the story.  The trace is the output's chain either way.
    """
    node = verdict.use.node
    dropper = dropper_at_or_above(node, ctx) if verdict.use.shape.rank == 2 else None
    if dropper is not None and not _targets_have_steps(verdict, dropper.node, ctx):
        dropper = None
    notes = {} if dropper is None else {dropper.node.id: f"drops the time axis: {dropper.reason}"}
    rows = trace(chain_to(node, ctx), ctx, notes=notes)
    if dropper is None:
        return "", "", rows
    note = f"{where(dropper.node)} drops the time axis ({dropper.reason})"
    if dropper.reason == "return_sequences is False":
        hint = (
            f"for one prediction per step, set return_sequences=True on {where(dropper.node)}; "
            "for one per sequence, give one target per sample"
        )
    else:
        hint = f"for one prediction per step, keep the time axis: remove {where(dropper.node)}"
    return note, hint, rows


def _targets_have_steps(verdict: TargetVerdict, dropper: Node, ctx: RuleContext) -> bool:
    """Do the targets keep the time axis that ``dropper`` removed from the model?"""
    target = verdict.target.shape or ()
    if len(target) < 2:
        return False
    seen = input_shape(dropper, ctx).dims
    steps = seen[1] if seen is not None and len(seen) == 3 else UNKNOWN
    known = same(steps, target[1])
    if known is not None:
        return known
    sparse = verdict.use.loss is not None and verdict.use.loss.handling == "sparse"
    if sparse and len(target) > 2 and target[-1] == 1:
        target = target[:-1]
    needed = (verdict.use.shape.rank or 0) - (1 if sparse else 0)
    return len(target) > needed


def target_finding(verdict: TargetVerdict, ctx: RuleContext, message: str, hint: str) -> Finding:
    """A finding at the fit call; the time-axis story replaces ``hint`` when it applies."""
    note, time_hint, rows = time_axis_note(verdict, ctx)
    if note:
        message, hint = f"{message}; {note}", time_hint
    return Finding(verdict.site.call.loc, message, hint, rows)

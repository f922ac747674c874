"""Evidence for the training-call rules: which loss and which target meet which output.

A *fit site* is a call that trains or evaluates on data (fit, evaluate,
train_on_batch...), paired with the latest ``compile`` of the same model
before it, and split per model output: its head (layer and loss, matched by
:mod:`seqlint.rulekit.heads`), its shape and its target.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

from seqlint.dims import UNKNOWN, Dim, Shape, Sym, is_known, same
from seqlint.ir import (
    Array,
    Batches,
    Node,
    ShapeTuple,
    TensorRef,
    TrainingCall,
    Value,
    tensor_refs,
)
from seqlint.rulekit.base import Finding, RuleContext
from seqlint.rulekit.evidence import (
    Dropper,
    chain_to,
    dropper_at_or_above,
    feeds_decoder_steps,
    input_shape,
    made,
    trace,
    where,
)
from seqlint.rulekit.feeding import MISSING, data_as_declared
from seqlint.rulekit.heads import CompiledHeads, Head, heads_of
from seqlint.rulekit.runs_as import as_run
from seqlint.shapes.keras2 import tf_keras2
from seqlint.shapes.losses import (
    ClassCount,
    Loss,
    TargetCheck,
    Verdict,
    check_labels,
    class_count,
)

DATA_METHODS = frozenset({"fit", "evaluate", "train_on_batch", "test_on_batch"})


@dataclass(frozen=True)
class OutputUse:
    """One model output at a fit site: its head (layer, loss) plus its shape and target."""

    head: Head
    shape: Shape
    target: Value  # the y for this output (MISSING when not given)

    @property
    def node(self) -> Node:
        return self.head.node

    @property
    def name(self) -> str:
        """``"price"``, or ``output 0`` when the source does not name it."""
        return self.head.called

    @property
    def loss(self) -> Loss | None:
        return self.head.loss


@dataclass(frozen=True)
class FitSite:
    call: TrainingCall
    compile: TrainingCall
    outputs: tuple[OutputUse, ...]
    batch_size: Dim


def fit_sites(ctx: RuleContext) -> Iterator[FitSite]:
    """Every call that feeds data to a compiled model, split per output."""
    latest: dict[int, CompiledHeads | None] = {}
    for call in ctx.ir.training:
        if call.method == "compile":
            latest[id(call.model)] = heads_of(call, ctx)
            continue
        compiled = latest.get(id(call.model))
        if call.method not in DATA_METHODS or compiled is None:
            continue
        if not _is_sound([head.ref for head in compiled.heads], ctx):
            continue
        if not data_as_declared(call, ctx):
            continue  # the loss sees other outputs than declared (or Keras raises first)
        names = [head.name for head in compiled.heads]
        targets = _targets_per_output(targets_of(call), names)
        uses = tuple(
            OutputUse(head, as_run(head.ref, ctx), target)
            for head, target in zip(compiled.heads, targets, strict=True)
        )
        yield FitSite(call, compiled.call, uses, _batch_size(call))


def _is_sound(outputs: list[TensorRef], ctx: RuleContext) -> bool:
    """No node up to ``outputs`` has a shape problem or an input declared as ``X.shape``.

    Keras fails on such a model before any loss sees a target, so the
    training rules have nothing true to say about it.
    """
    for node_id in ctx.ir.upstream(outputs):
        node = ctx.ir.nodes[node_id]
        if ctx.shapes.at(node).problem is not None:
            return False
        if isinstance(node.layer.get("shape"), ShapeTuple):
            return False
    return True


def targets_of(call: TrainingCall) -> Value:
    """The y a data call trains or evaluates on (MISSING when it gives none)."""
    x = call.args.get("x", MISSING)
    if isinstance(x, Batches):
        return x.y
    return call.args.get("y", MISSING)


@dataclass(frozen=True)
class EncoderDecoder:
    """How an encoder feeds a decoder: the output ``steps`` to repeat the encoder's vector
    over (UNKNOWN when not stated); ``reconstructs``: the model is trained to give back its
    input (else its targets' steps differ from its input's)."""

    steps: Dim
    reconstructs: bool


def encoder_decoder(decoder: Node, encoder: Node, ctx: RuleContext) -> EncoderDecoder | None:
    """How ``encoder`` feeds ``decoder``, when the code looks like an encoder-decoder: the
    decoder returns steps to the model's end, and the model is trained to reconstruct its
    input or on targets whose steps differ from its input's."""
    if not feeds_decoder_steps(decoder, ctx):
        return None
    seen = input_shape(encoder, ctx).dims
    steps_in = seen[1] if seen is not None and len(seen) == 3 else UNKNOWN
    calls = [
        call
        for call in ctx.ir.training
        if call.method in DATA_METHODS and decoder.id in ctx.ir.graph_of(call.model)
    ]
    steps = _target_steps(calls)
    if calls and all(_reconstructs(call) for call in calls):
        return EncoderDecoder(steps if steps is not UNKNOWN else _positive(steps_in), True)
    if steps is not UNKNOWN and same(steps, steps_in) is False:
        return EncoderDecoder(steps, False)
    return None


def _target_steps(calls: list[TrainingCall]) -> Dim:
    """The length of the targets' time axis, when every call of a one-output model states the
    same; else UNKNOWN."""
    steps: set[Dim] = set()
    for call in calls:
        target = targets_of(call)
        if len(tensor_refs(call.model.outputs)) != 1 or not isinstance(target, Array):
            return UNKNOWN
        if target.shape is None or len(target.shape) < 3:
            return UNKNOWN
        steps.add(target.shape[1])
    return _positive(steps.pop()) if len(steps) == 1 else UNKNOWN


def _reconstructs(call: TrainingCall) -> bool:
    """``fit(X, X)``: the targets are the input array itself."""
    x, y = call.args.get("x"), targets_of(call)
    named = isinstance(x, Sym) or (isinstance(x, Array) and x.name is not None)
    return named and x == y


def _positive(steps: Dim) -> Dim:
    return steps if (is_known(steps) and steps > 0) or isinstance(steps, Sym) else UNKNOWN


def _batch_size(call: TrainingCall) -> Dim:
    if isinstance(call.args.get("x"), Batches):
        return UNKNOWN
    size = call.args.get("batch_size", 32)
    return size if isinstance(size, int) and not isinstance(size, bool) else UNKNOWN


def _targets_per_output(value: Value, names: list[str | None]) -> list[Value]:
    """Each output's target: a list by position, a dict by output name, else the only one."""
    count = len(names)
    if isinstance(value, (list, tuple)):
        return list(value) if len(value) == count else [MISSING] * count
    if isinstance(value, dict):
        return [value.get(name, MISSING) if name is not None else MISSING for name in names]
    return [value] * count if count == 1 else [MISSING] * count


@dataclass(frozen=True)
class TargetVerdict:
    """What Keras does with one output's target at one fit site."""

    site: FitSite
    use: OutputUse
    target: Array
    check: TargetCheck
    classes: ClassCount | None  # classes the labels imply vs output units, when known


def target_verdicts(ctx: RuleContext) -> Iterator[TargetVerdict]:
    """Every (fit site, output) whose loss is known and whose target shape the code states;
    not the outputs whose losses are swapped (SL229 reports the swap)."""
    keras2 = tf_keras2(ctx.target)
    for site in fit_sites(ctx):
        swapped = {use.head.position for swap in loss_swaps(site, keras2) for use in swap.uses}
        for use in site.outputs:
            check = loss_check(use.loss, use, site, keras2)
            if check is None or use.head.position in swapped:
                continue
            assert use.loss is not None and isinstance(use.target, Array)
            classes = class_count(use.loss, use.target, use.shape)
            yield TargetVerdict(site, use, use.target, check, classes)


def loss_check(
    loss: Loss | None, use: OutputUse, site: FitSite, keras2: bool
) -> TargetCheck | None:
    """What Keras does with ``loss`` on ``use``'s output and target; None when not known."""
    target = use.target
    if loss is None or not isinstance(target, Array) or target.shape is None:
        return None
    if use.shape.dims is None:
        return None
    return check_labels(
        loss,
        target,
        use.shape,
        batch_size=site.batch_size,
        tf_keras2=keras2,
        logits=use.head.carries_logits if keras2 else None,
    )


_WRONG = frozenset({Verdict.RAISES, Verdict.BROADCASTS, Verdict.MEANINGLESS})


@dataclass(frozen=True)
class LossSwap:
    """Two outputs whose losses, given one per output, each fail their own output's targets
    and fit the other's: ``checks`` say what Keras does with each output's own loss (one of
    them raises)."""

    site: FitSite
    uses: tuple[OutputUse, OutputUse]
    checks: tuple[TargetCheck, TargetCheck]


def loss_swaps(site: FitSite, keras2: bool) -> list[LossSwap]:
    """The pairs of outputs of ``site`` whose losses are swapped, each output in one pair at
    most (an output whose loss fits two other outputs is not a swap one can name)."""
    if not isinstance(site.compile.args.get("loss"), (list, tuple, dict)):
        return []
    own: dict[int, TargetCheck] = {}
    for use in site.outputs:
        check = loss_check(use.loss, use, site, keras2)
        if check is not None and check.verdict in _WRONG:
            own[use.head.position] = check
    wrong = [use for use in site.outputs if use.head.position in own]
    partners = {
        a.head.position: [b.head.position for b in wrong if _exchangeable(a, b, site, keras2)]
        for a in wrong
    }
    swaps = []
    for a, b in combinations(wrong, 2):
        first, second = a.head.position, b.head.position
        if partners[first] != [second] or partners[second] != [first]:
            continue
        checks = (own[first], own[second])
        if any(check.verdict is Verdict.RAISES for check in checks):
            swaps.append(LossSwap(site, (a, b), checks))
    return swaps


def _exchangeable(a: OutputUse, b: OutputUse, site: FitSite, keras2: bool) -> bool:
    """Two different losses, each fitting the other output's target."""
    if a is b or a.loss is None or b.loss is None or a.loss.name == b.loss.name:
        return False
    return all(
        fits(loss_check(loss, use, site, keras2)) for loss, use in ((a.loss, b), (b.loss, a))
    )


def fits(check: TargetCheck | None) -> bool:
    """Keras trains on it as it should (a known check, verdict OK)."""
    return check is not None and check.verdict is Verdict.OK


def raising_verdicts(ctx: RuleContext, families: frozenset[str]) -> Iterator[TargetVerdict]:
    """The verdicts where Keras raises, for losses of ``families``."""
    for verdict in target_verdicts(ctx):
        loss = verdict.use.loss
        if loss is not None and loss.family in families and verdict.check.verdict is Verdict.RAISES:
            yield verdict


def classes_disagree(verdict: TargetVerdict) -> bool:
    """The labels imply a known number of classes the output units cannot hold."""
    return verdict.classes is not None and verdict.classes.disagree


def time_axis_note(verdict: TargetVerdict, ctx: RuleContext) -> tuple[str, str, tuple]:
    """When the targets have a time axis the output lacks: (note, hint, trace).

    The note names the layer that dropped the time axis ("LSTM(32) at line 9
    drops the time axis: return_sequences is False"); note and hint are empty
    when that is not the story.  The trace is the output's chain either way.
    """
    node = verdict.use.node
    dropper = steps_dropper(verdict, ctx)
    notes = {} if dropper is None else {dropper.node.id: f"drops the time axis: {dropper.reason}"}
    rows = trace(chain_to(node, ctx), ctx, notes=notes)
    if dropper is None:
        return "", "", rows
    note = f"{where(dropper.node)} drops the time axis ({dropper.reason})"
    if dropper.reason == "return_sequences is False":
        hint = (
            f"for one prediction per step, set return_sequences=True on {made(dropper.node)}; "
            "for one per sequence, give one target per sample"
        )
    else:
        hint = f"for one prediction per step, keep the time axis: remove {where(dropper.node)}"
    return note, hint, rows


def steps_dropper(verdict: TargetVerdict, ctx: RuleContext) -> Dropper | None:
    """The layer that dropped the time axis the targets still have, if that is the story."""
    node = verdict.use.node
    dropper = dropper_at_or_above(node, ctx) if verdict.use.shape.rank == 2 else None
    if dropper is not None and not _targets_have_steps(verdict, dropper.node, ctx):
        return None
    return dropper


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

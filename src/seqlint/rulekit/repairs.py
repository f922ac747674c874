"""Fixes shared by rules: the edits that repair a finding, described on the IR's Locs."""

from __future__ import annotations

import ast

from seqlint.diagnostic import Applicability
from seqlint.dims import UNKNOWN, Dim
from seqlint.fixes import Fix, InsertLayer, ReplaceString, SetKeyword, SwapItems
from seqlint.ir import Layer, Node
from seqlint.rulekit.base import RuleContext
from seqlint.rulekit.evidence import Dropper, inner_layer, made, where
from seqlint.rulekit.training import FitSite, OutputUse, TargetVerdict, loss_check
from seqlint.shapes.losses import Verdict, resolve_loss

# the crossentropy to use instead, by the labels' encoding
SWAPPED_LOSS = {
    "categorical_crossentropy": "sparse_categorical_crossentropy",
    "sparse_categorical_crossentropy": "categorical_crossentropy",
}


def return_sequences_fix(
    dropper: Dropper, ctx: RuleContext, applicability: Applicability
) -> Fix | None:
    """Set ``return_sequences=True`` on the recurrent layer that dropped the time axis, when
    nothing else uses that layer or its output (then no other path can change)."""
    if dropper.reason != "return_sequences is False":
        return None
    node = dropper.node
    applications = [n for n in ctx.ir.nodes if n.layer is node.layer]
    consumers = [
        n
        for n in ctx.ir.nodes
        if any(ref.node_id == node.id for ref in (*n.inputs, *n.state_inputs))
    ]
    if len(applications) != 1 or len(consumers) != 1:
        return None
    edit = SetKeyword(inner_layer(node.layer).loc, "return_sequences", "True")
    return Fix(applicability, f"set return_sequences=True on {made(node)}", (edit,))


def size_text(size: Dim, layer: Layer) -> str:
    """``size`` as code written where ``layer`` is made: the name that holds it there
    (``n_out``), else the size itself."""
    if type(size) is int:
        return layer.sizes.get(size, str(size))
    return str(size)


def repeat_vector_fix(decoder: Node, steps: Dim, ctx: RuleContext) -> Fix | None:
    """Feed ``decoder`` the encoder's vector once per output step: ``RepeatVector(steps)``
    before it (unsafe: the model changes), the steps written as the code names them there."""
    if steps is UNKNOWN or sum(n.layer is decoder.layer for n in ctx.ir.nodes) != 1:
        return None
    application = decoder.added_by or decoder.loc
    text = size_text(steps, decoder.layer)
    edit = InsertLayer(application, decoder.layer.loc, "RepeatVector", text, decoder.sequential)
    message = f"insert RepeatVector({text}) before {where(decoder)}"
    return Fix(Applicability.UNSAFE, message, (edit,))


def loss_swap_fix(verdict: TargetVerdict, keras2: bool) -> Fix | None:
    """The other crossentropy, when the labels' encoding is known and the target's Keras
    (``keras2``: tf.keras 2) accepts the targets with it: integer class indices -> sparse,
    one-hot -> categorical."""
    loss = verdict.use.loss
    if loss is None or loss.name not in SWAPPED_LOSS or loss.label[:1] not in ("'", '"'):
        return None
    if len(verdict.site.outputs) != 1:
        return None  # one loss string for several outputs: the others would change too
    target = verdict.target
    if loss.name == "categorical_crossentropy":
        encoding_known = target.dtype == "int" and not target.one_hot  # class indices
    else:
        encoding_known = target.one_hot
    if not encoding_known:
        return None
    swapped = resolve_loss(SWAPPED_LOSS[loss.name])
    assert swapped is not None
    check = loss_check(swapped, verdict.use, verdict.site, keras2)
    if check is None or check.verdict is not Verdict.OK:
        return None
    old = ast.literal_eval(loss.label)
    edit = ReplaceString(verdict.site.compile.loc, old, swapped.name)
    return Fix(Applicability.SAFE, f'use loss="{swapped.name}"', (edit,))


def swap_items(site: FitSite, keyword: str, a: OutputUse, b: OutputUse, message: str) -> Fix | None:
    """Exchange the entries of outputs ``a`` and ``b`` in compile's ``keyword`` (a list by
    position, a dict by output name); None when a dict entry has no name to find it by."""
    compile_call = site.compile
    by_name = isinstance(compile_call.args.get(keyword), dict)
    first, second = (
        (a.head.name, b.head.name) if by_name else (a.head.position, b.head.position)
    )
    if first is None or second is None:
        return None
    edit = SwapItems(compile_call.loc, keyword, first, second)
    return Fix(Applicability.SAFE, message, (edit,))

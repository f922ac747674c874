"""What every rule is made of, and what a rule gets to look at."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from seqlint.diagnostic import Severity, TraceRow
from seqlint.fixes import Fix
from seqlint.ir import LayerCall, Loc, Model, ModuleIR, Node, tensor_refs
from seqlint.keras_target import api_release, major
from seqlint.shapes.layers.recurrent_cells import CELL_KINDS
from seqlint.shapes.propagate import GraphShapes


@dataclass(frozen=True)
class Finding:
    """A rule's verdict on one place; the engine turns it into a Diagnostic."""

    loc: Loc
    message: str
    hint: str = ""
    trace: tuple[TraceRow, ...] = ()
    fix: Fix | None = None


@dataclass
class RuleContext:
    """The annotated graph of one file, and the Keras the code targets: ``target`` is "2",
    "3" or a release ("2.12", "3.15.1"); ``major`` is "2" or "3"; ``release`` the covered
    release of the API table it means (None when the table does not cover it, e.g. 2.4)."""

    ir: ModuleIR
    shapes: GraphShapes
    target: str = "3"

    @property
    def major(self) -> str:
        return major(self.target)

    @property
    def release(self) -> str | None:
        return api_release(self.target)


class Rule:
    """A rule: its identity and documentation, its examples, and its check.

    ``bad_example`` marks each line the rule must report with a trailing
    ``# expect: CODE`` comment; ``good_example`` must produce nothing.  Both
    are run as tests and rendered as the rule's documentation page.  For an
    error rule, ``keras_error`` is a regex of the message real Keras raises on
    the bad example (a test runs it). ``fixable`` says what ``--fix`` does with what the
    rule reports ("" when it cannot fix it).

    ``keras3_only`` rules report what only Keras 3 rejects: they are off when the code
    targets Keras 2. ``opt_in`` rules are off unless selected.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity]
    explanation: ClassVar[str]
    bad_example: ClassVar[str]
    good_example: ClassVar[str]
    keras_error: ClassVar[str] = ""
    keras3_only: ClassVar[bool] = False
    opt_in: ClassVar[bool] = False
    fixable: ClassVar[str] = ""  # what ``--fix`` does for this rule's findings, when it can

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        raise NotImplementedError


def problem_nodes(ctx: RuleContext) -> Iterator[tuple[Node, object]]:
    """Every node whose shape function reported a problem, with the problem.

    Not the nodes of a custom layer's ``call`` when the layer declares its output
    (``compute_output_shape``) and no model holding it runs in the script: Keras builds the
    model from the declaration without running ``call``, so what fails inside it fails only
    when the model runs (``fit``, ``predict``...). Its ``build`` runs: its weights are checked.
    """
    quiet = _declared_calls_never_run(ctx)
    for node in ctx.ir.nodes:
        problem = ctx.shapes.at(node).problem
        if problem is None:
            continue
        if node.within not in quiet or node.layer.kind == "Weight":
            yield node, problem


_RUNS = frozenset(
    {"fit", "evaluate", "predict", "train_on_batch", "test_on_batch", "predict_on_batch"}
)


def runs_when_called(node: Node, ctx: RuleContext) -> bool:
    """Whether Keras runs the layer's ``call()`` where it is called, outside any model: a
    recurrent cell (Keras traces its call on symbolic inputs to learn its outputs), or a layer
    called eagerly on arrays (every input a constant)."""
    if node.layer.kind in CELL_KINDS:
        return True
    inputs = [*node.inputs, *node.state_inputs]
    return bool(inputs) and all(ctx.ir.node(ref).layer.kind == "Constant" for ref in inputs)


def models_run(ctx: RuleContext) -> list[Model]:
    """The models the script runs (``fit``, ``evaluate``, ``predict``...), once each."""
    return list({id(t.model): t.model for t in ctx.ir.training if t.method in _RUNS}.values())


def calls_run(ctx: RuleContext, calls: Iterable[LayerCall]) -> set[int]:
    """The ids of those custom-layer calls some model the script runs holds."""
    run: set[int] = set()
    for model in models_run(ctx):
        run |= ctx.ir.graph_of(model)
    return {c.id for c in calls if any(r.node_id in run for r in tensor_refs(c.outputs))}


def _declared_calls_never_run(ctx: RuleContext) -> set[int]:
    """The custom-layer calls with a declared output that no model run in the script holds."""
    declared = [c for c in ctx.ir.layer_calls if isinstance(c.declared, tuple)]
    if not declared:
        return set()
    return {c.id for c in declared} - calls_run(ctx, declared)

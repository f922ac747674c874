"""SL104: merge layer inputs whose shapes cannot be joined."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Applicability, Severity
from seqlint.dims import BATCH, Shape, is_known
from seqlint.fixes import Fix, SetKeyword
from seqlint.ir import Layer, Node
from seqlint.rulekit.base import Finding, Rule, RuleContext, problem_nodes
from seqlint.rulekit.evidence import trace
from seqlint.shapes.catalogue import Call, output_shapes
from seqlint.shapes.problems import ProblemKind, ShapeProblem

KINDS = (ProblemKind.MERGE_DIMS, ProblemKind.MERGE_RANK, ProblemKind.MERGE_AXIS)


class MergeShapeMismatch(Rule):
    code = "SL104"
    name = "merge-shape-mismatch"
    summary = "A merge layer's inputs cannot be joined: ranks, sizes or axis disagree."
    severity = Severity.ERROR
    fixable = (
        "unsafe: sets the Concatenate axis when the input shapes are fully known and exactly "
        "one axis can join them"
    )
    explanation = """\
`Concatenate(axis=a)` joins tensors that agree on every axis except `a`;
`Add`, `Multiply`, `Average` and the other element-wise merges need the same
shape (up to broadcasting of size-1 axes). Concatenating two sequences of
different lengths on the feature axis, a sequence `(batch, T, F)` with a
vector `(batch, F)`, or along an axis the inputs do not have, makes Keras
raise `A Concatenate layer requires inputs with matching shapes except for
the concatenation axis` when the model is built.

Joining along the time axis (`axis=1`) is legal when the feature sizes agree.
To join a sequence with a vector, repeat the vector over the steps
(`RepeatVector(T)`) or summarise the sequence first (`GlobalAveragePooling1D`,
or an LSTM without `return_sequences`)."""
    bad_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        words = keras.Input(shape=(20, 16))
        chars = keras.Input(shape=(30, 8))
        joined = layers.Concatenate()([words, chars])  # expect: SL104
        model = keras.Model([words, chars], layers.Dense(1)(joined))
        """
    )
    keras_error = r"requires inputs with matching shapes except for the concatenation axis"
    good_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        words = keras.Input(shape=(20, 16))
        chars = keras.Input(shape=(20, 8))
        joined = layers.Concatenate()([words, chars])
        model = keras.Model([words, chars], layers.Dense(1)(joined))
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for node, problem in problem_nodes(ctx):
            if problem.kind in KINDS:
                yield self._finding(node, problem, ctx)

    def _finding(self, node: Node, problem: ShapeProblem, ctx: RuleContext) -> Finding:
        shapes = ctx.shapes.at(node).inputs
        joined = ", ".join(str(s) for s in shapes)
        message = f"{node.layer.label} cannot join its inputs {joined}: {problem.message}"
        producers = [ctx.ir.node(ref) for ref in node.inputs]
        notes = {}
        if problem.input_index is not None and problem.input_index < len(producers):
            notes[producers[problem.input_index].id] = "disagrees with the first input"
        rows = trace([*producers, node], ctx, notes=notes, expected=problem.expected)
        joining = _only_joining_axis(node, shapes, ctx)
        if joining is None:
            return Finding(node.loc, message, _hint(node.layer.kind, problem, shapes), rows)
        axis, joined = joining
        edit = f"use axis={axis}: joins {' and '.join(str(s) for s in shapes)} into {joined}"
        fix = Fix(Applicability.UNSAFE, edit, (SetKeyword(node.layer.loc, "axis", str(axis)),))
        return Finding(node.loc, message, edit, rows, fix)


def _only_joining_axis(
    node: Node, shapes: tuple[Shape, ...], ctx: RuleContext
) -> tuple[int, Shape] | None:
    """The one axis (negative, as users write it) on which Concatenate can join inputs whose
    every size is known, and the joined shape; None when there are several or none."""
    layer = node.layer
    if layer.kind != "Concatenate" or sum(n.layer is layer for n in ctx.ir.nodes) != 1:
        return None
    if any(s.dims is None or not all(is_known(d) or d is BATCH for d in s.dims) for s in shapes):
        return None
    rank = shapes[0].rank
    if rank is None or any(s.rank != rank for s in shapes):
        return None
    found = []
    for axis in range(-rank + 1, 0):
        candidate = Layer(layer.kind, {**layer.config, "axis": axis}, layer.loc, layer.label)
        try:
            joined = output_shapes(Call(candidate, shapes, as_list=True))
        except ShapeProblem:
            continue
        if joined:
            found.append((axis, joined[0]))
    return found[0] if len(found) == 1 else None


def _hint(kind: str, problem: ShapeProblem, shapes: tuple) -> str:
    if kind == "Dot":
        return (
            "pick axes=(a, b) such that axis a of the first input and axis b of the second "
            "have the same size (the batch axis 0 cannot be one)"
        )
    if problem.kind is ProblemKind.MERGE_RANK:
        return (
            "to join a sequence with a vector, repeat the vector over the steps "
            "(RepeatVector(timesteps)) or summarise the sequence first "
            "(GlobalAveragePooling1D, or return_sequences=False)"
        )
    if problem.kind is ProblemKind.MERGE_AXIS:
        rank = next((s.rank for s in shapes if s.rank is not None), None)
        valid = f" (valid: -{rank} to {rank - 1})" if rank else ""
        return f"pick an axis the inputs have{valid}; -1 joins the features"
    return (
        "make the inputs agree on every other axis (same sequence length, e.g. the same "
        "maxlen in pad_sequences, or the same number of features), or join along the "
        "axis where they differ"
    )

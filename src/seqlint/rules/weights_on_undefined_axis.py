"""SL110: a layer sizes its weights by an axis whose length is undefined (``None``), often
after Flatten."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import Node
from seqlint.rulekit.base import Finding, Rule, RuleContext, problem_nodes
from seqlint.rulekit.evidence import chain_to, inner_layer, input_shape, is_recurrent, trace, where
from seqlint.shapes.catalogue import Trait, has_trait
from seqlint.shapes.problems import ProblemKind

_DECLARATIONS = (("shape", 1), ("input_shape", 1), ("batch_shape", 0), ("batch_input_shape", 0))
_MAX_DEPTH = 64


@dataclass(frozen=True)
class Undefined:
    """Where an undefined axis comes from: the Input declaring ``None``, and the Flatten
    that merged it into the features (if any)."""

    declaration: Node
    flatten: Node | None


class WeightsOnUndefinedAxis(Rule):
    code = "SL110"
    name = "weights-on-undefined-axis"
    summary = (
        "A layer sizes its weights by an axis whose length is undefined (None), "
        "e.g. a Dense after Flatten."
    )
    severity = Severity.ERROR
    explanation = """\
Layers with weights size them by their input: a `Dense` kernel is `(last axis,
units)`, an `LSTM` or `Conv1D` kernel is sized by the features, a
`LayerNormalization` by the normalized axis, `MultiHeadAttention` by the last
axis of its query, value and key. Keras must know that length when it builds
the layer. An input declared with an undefined length,
`keras.Input(shape=(None, features))` or `shape=(None,)` for token ids
(sequences of any length), leaves the time axis `None`; `Flatten` then merges
that axis into the features, and the `Dense` after it has an undefined number
of inputs (so does any layer given `shape=(steps, None)`). Keras raises when it
builds the model: `Shapes used to initialize variables must be fully-defined
(no None dimensions)`.

Either fix the length in the declaration (`shape=(maxlen,)`, with the data
padded to `maxlen`), or summarise the sequence with a layer that works on any
length instead of `Flatten`: `GlobalAveragePooling1D()`, `GlobalMaxPooling1D()`,
or a recurrent layer without `return_sequences`. (A Sequential model without
any input declaration is built from the data and gets its length from it: not
reported.)"""
    bad_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape=(None,)),
            layers.Embedding(5000, 32),
            layers.Flatten(),
            layers.Dense(1, activation="sigmoid"),  # expect: SL110
        ])
        """
    )
    keras_error = r"Shapes used to initialize variables must be fully-defined"
    good_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape=(None,)),
            layers.Embedding(5000, 32),
            layers.GlobalAveragePooling1D(),
            layers.Dense(1, activation="sigmoid"),
        ])
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for node, problem in problem_nodes(ctx):
            if problem.kind is not ProblemKind.UNDEFINED_AXIS or problem.axis is None:
                continue
            index = problem.input_index or 0
            if index >= len(node.inputs):
                continue
            found = undefined_axis(ctx.ir.node(node.inputs[index]), problem.axis, ctx)
            yield self._finding(node, index, problem.axis, found, ctx)

    def _finding(
        self, node: Node, index: int, axis: int, found: Undefined | None, ctx: RuleContext
    ) -> Finding:
        shape = input_shape(node, ctx, index)
        last = shape.rank is not None and axis == shape.rank - 1
        which = "last axis" if last else f"axis {axis}"
        if found is None:
            story = "a size left undefined (None) upstream reaches it"
            hint = "declare that length with a number instead of None"
        elif found.flatten is not None:
            declared = where(found.declaration)
            story = (
                f"{declared} leaves the sequence length undefined (None) and "
                f"{where(found.flatten)} merges it into the features"
            )
            label = found.declaration.layer.label
            length = (  # Keras 2's Embedding declares (None,) without an input_length
                f"give {label} input_length=<the sequence length>"
                if found.declaration.declared_by == "Embedding"
                else f"{label} with a number instead of None"
            )
            hint = (
                f"declare the length ({length}), or replace {where(found.flatten)} with "
                "GlobalAveragePooling1D(), which works on any length"
            )
        else:
            story = f"{where(found.declaration)} declares that axis as None"
            hint = f"declare the size of that axis in {found.declaration.layer.label}"
        message = (
            f"{node.layer.label} gets input {shape} whose {which} has no defined length: "
            f"{story}; Keras cannot size the {node.layer.kind} weights and raises when it "
            f"builds the model"
        )
        notes = {}
        if found is not None:
            notes[found.declaration.id] = "declares None"
            if found.flatten is not None:
                notes[found.flatten.id] = "merges the undefined axis into the features"
        rows = trace(chain_to(node, ctx, index), ctx, notes=notes, expected=f"a defined {which}")
        return Finding(node.loc, message, hint, rows)


def undefined_axis(node: Node, axis: int, ctx: RuleContext, depth: int = 0) -> Undefined | None:
    """Where axis ``axis`` (0 is the batch) of ``node``'s output is declared ``None``.

    Followed back through layers that keep that axis in place; a Flatten's single
    feature axis is undefined when any axis it merges is.  None when not provable.
    """
    if axis < 1 or depth > _MAX_DEPTH:
        return None
    layer = node.layer
    if has_trait(layer, Trait.DECLARES_INPUT):
        if node.declared_by in (None, "data") or not _declared_none(node, axis):
            return None
        return Undefined(node, None)
    if len(node.inputs) != 1 or node.inputs[0].index not in (0, None):
        return None
    rank = input_shape(node, ctx).rank
    producer = ctx.ir.node(node.inputs[0])
    if rank is None:
        return None
    if layer.kind == "Flatten":
        if axis != 1 or layer.get("data_format") not in (None, "channels_last"):
            return None
        for merged in range(1, rank):
            found = undefined_axis(producer, merged, ctx, depth + 1)
            if found is not None:
                return Undefined(found.declaration, found.flatten or node)
        return None
    if not _keeps(node, axis, rank):
        return None
    return undefined_axis(producer, axis, ctx, depth + 1)


def _keeps(node: Node, axis: int, rank: int) -> bool:
    """Does ``node`` hand axis ``axis`` of its (rank ``rank``) input on at the same place?"""
    layer = node.layer
    if has_trait(layer, Trait.KEEPS_SHAPE):
        return True
    if layer.kind == "Dense":
        return axis < rank - 1
    if layer.kind == "Embedding":
        return axis < rank
    channels_last = layer.get("data_format") in (None, "channels_last")
    if has_trait(layer, Trait.KEEPS_STEPS):
        return axis == 1 and rank == 3 and channels_last
    if is_recurrent(layer):
        inner = inner_layer(layer)
        sequences = inner.get("return_sequences") is True
        states = any(x.get("return_state") not in (None, False) for x in (layer, inner))
        merged = layer.kind != "Bidirectional" or layer.get("merge_mode", "concat") is not None
        return axis == 1 and rank == 3 and sequences and not states and merged
    return False


def _declared_none(node: Node, axis: int) -> bool:
    """The Input's declaration says ``None`` for ``axis`` (literally, not a value seqlint
    could not evaluate)."""
    for key, offset in _DECLARATIONS:
        value = node.layer.get(key)
        if isinstance(value, (tuple, list)):
            position = axis - offset
            return 0 <= position < len(value) and value[position] is None
    return False

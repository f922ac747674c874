"""SL110: a Dense layer on an axis whose length is undefined (``None``), often via Flatten."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.dims import Sym, is_known
from seqlint.ir import Node
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.evidence import chain_to, inner_layer, input_shape, is_recurrent, trace, where
from seqlint.shapes.catalogue import Trait, has_trait

_DECLARATIONS = (("shape", 1), ("input_shape", 1), ("batch_shape", 0), ("batch_input_shape", 0))
_MAX_DEPTH = 64


@dataclass(frozen=True)
class Undefined:
    """Where an undefined axis comes from: the Input declaring ``None``, and the Flatten
    that merged it into the features (if any)."""

    declaration: Node
    flatten: Node | None


class DenseOnUndefinedAxis(Rule):
    code = "SL110"
    name = "dense-on-undefined-axis"
    summary = "A Dense layer acts on an axis whose length is undefined (None), e.g. after Flatten."
    severity = Severity.ERROR
    explanation = """\
A `Dense` layer has one weight per input feature: its kernel has the shape
`(last axis, units)`, so Keras must know the length of the last axis when it
builds the layer. An input declared with an undefined length,
`keras.Input(shape=(None, features))` or `shape=(None,)` for token ids
(sequences of any length), leaves the time axis `None`; `Flatten` then
merges that axis into the features, and the `Dense` after it has an
undefined number of inputs. Keras raises when it builds the model:
`Shapes used to initialize variables must be fully-defined (no None
dimensions)`.

Either fix the sequence length in the declaration (`shape=(maxlen,)`, with
the data padded to `maxlen`), or summarise the sequence with a layer that
works on any length instead of `Flatten`: `GlobalAveragePooling1D()`,
`GlobalMaxPooling1D()`, or a recurrent layer without `return_sequences`.
(A Sequential model without any input declaration is built from the data
and gets its length from it: not reported.)"""
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
        for node in ctx.ir.nodes:
            if node.layer.kind != "Dense" or len(node.inputs) != 1:
                continue
            dims = input_shape(node, ctx).dims
            if not dims or len(dims) < 2 or is_known(dims[-1]) or isinstance(dims[-1], Sym):
                continue
            producer = ctx.ir.node(node.inputs[0])
            found = undefined_axis(producer, len(dims) - 1, ctx)
            if found is not None:
                yield self._finding(node, found, ctx)

    def _finding(self, node: Node, found: Undefined, ctx: RuleContext) -> Finding:
        shape = input_shape(node, ctx)
        declared = where(found.declaration)
        if found.flatten is not None:
            story = (
                f"{declared} leaves the sequence length undefined (None) and "
                f"{where(found.flatten)} merges it into the features"
            )
            hint = (
                f"declare the length ({found.declaration.layer.label} with a number instead of "
                f"None), or replace {where(found.flatten)} with GlobalAveragePooling1D(), which "
                f"works on any length"
            )
        else:
            story = f"{declared} declares that axis as None"
            hint = f"declare the size of the last axis in {found.declaration.layer.label}"
        message = (
            f"{node.layer.label} gets input {shape} whose last axis has no defined length: "
            f"{story}; Keras cannot size the Dense kernel and raises when it builds the model"
        )
        notes = {found.declaration.id: "declares None"}
        if found.flatten is not None:
            notes[found.flatten.id] = "merges the undefined axis into the features"
        rows = trace(chain_to(node, ctx), ctx, notes=notes, expected="a defined last axis")
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

"""SL115: code reads an axis a tensor does not have (``x.shape[2]`` of a rank-2 tensor)."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import ShapeRead
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.evidence import chain_to, dropper_at_or_above, made, trace, where


class AxisOutOfRange(Rule):
    code = "SL115"
    name = "axis-out-of-range"
    summary = "Code reads an axis a tensor does not have, such as input_shape[2] of a 2-D input."
    severity = Severity.ERROR
    explanation = """\
Custom layers and model-building helpers read sizes off their input:
`input_shape[2]` in `build`, `x.shape[-1]`, `K.int_shape(x)[1]`. The shape is a
tuple with one entry per axis (the batch axis first), so reading an axis the
tensor does not have raises `IndexError: tuple index out of range` when the
model is built. It usually means the tensor lost an axis before it got there:
a recurrent layer without `return_sequences=True`, a `Flatten`, a global
pooling. An attention layer written for `(batch, steps, features)` and given the
last state `(batch, features)` is the classic case."""
    bad_example = dedent(
        """\
        import keras
        from keras import layers

        class Attention(layers.Layer):
            def build(self, input_shape):
                self.w = self.add_weight(shape=(input_shape[2], 1))

            def call(self, x):
                return keras.ops.sum(x * keras.ops.softmax(x @ self.w, axis=1), axis=1)

        inputs = keras.Input(shape=(20, 8))
        h = layers.LSTM(16)(inputs)
        context = Attention()(h)  # expect: SL115
        """
    )
    keras_error = r"tuple index out of range"
    good_example = dedent(
        """\
        import keras
        from keras import layers

        class Attention(layers.Layer):
            def build(self, input_shape):
                self.w = self.add_weight(shape=(input_shape[2], 1))

            def call(self, x):
                return keras.ops.sum(x * keras.ops.softmax(x @ self.w, axis=1), axis=1)

        inputs = keras.Input(shape=(20, 8))
        h = layers.LSTM(16, return_sequences=True)(inputs)
        context = Attention()(h)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for read in ctx.ir.shape_reads:
            yield self._finding(read, ctx)

    def _finding(self, read: ShapeRead, ctx: RuleContext) -> Finding:
        node = ctx.ir.node(read.tensor)
        shape = ctx.shapes.of(read.tensor)
        call = ctx.ir.layer_calls[read.call] if read.call is not None else None
        reads = f"{read.origin}[{read.index}] ({read.loc.place})"
        if call is not None:
            subject = f"{call.label} gets {shape} from {where(node)}, but its code reads {reads}"
            loc = call.loc
        else:
            subject = f"{reads} reads axis {read.index} of {shape} from {where(node)}"
            loc = read.loc
        message = f"{subject}: the tensor has {read.rank} axes, and Python raises IndexError"
        notes = {}
        dropper = dropper_at_or_above(node, ctx, shape.rank) if shape.rank is not None else None
        if dropper is not None:
            message += f"; {where(dropper.node)} returns {shape} because {dropper.reason}"
            notes[dropper.node.id] = f"drops the time axis: {dropper.reason}"
            hint = f"keep the axis: {dropper.reason} at {made(dropper.node)}"
        else:
            hint = f"give it a tensor with axis {read.index}, or read an axis it has"
        return Finding(loc, message, hint, trace(chain_to(node, ctx), ctx, notes=notes))

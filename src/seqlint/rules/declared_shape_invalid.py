"""SL234: a custom layer's ``compute_output_shape`` (or a Lambda's ``output_shape``
function) returns what Keras 3 cannot read as a shape, such as the nested ``(None, (5, 2))``."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.dims import UNKNOWN
from seqlint.ir import LayerCall, Value, tensor_refs
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.declared import invalid_size

# Inputs that a subclassed model's own shapes declare: its layers run on real tensors there,
# and Keras never asks their compute_output_shape.
_EAGER_INPUTS = frozenset({"data", "build"})


class DeclaredShapeInvalid(Rule):
    code = "SL234"
    name = "declared-shape-invalid"
    summary = "compute_output_shape returns what is not a shape: (None, (5, 2)), a float size."
    severity = Severity.ERROR
    keras3_only = True
    explanation = """\
When a custom layer is called on the symbolic tensors of a functional or
Sequential model, Keras 3 makes its output from what `compute_output_shape`
returns, without running `call` (a `Lambda` whose `output_shape` is a function:
from what that function returns). A tuple that starts with a size (an int or
None) is read as one shape, and each item of it must be a size: a nested tuple
such as `(input_shape[0], self.new_shape)`, which is `(None, (5, 2))`, or a
float such as `input_shape[1] / 2` makes Keras raise `Cannot convert
'(None, (5, 2))' to a shape` as soon as the layer is called. (A subclassed
model runs its layers on real tensors and never asks them.)
(tf.keras 2 accepted the nested form; Keras 3 does not.)

Concatenate the sizes instead, `(input_shape[0],) + tuple(self.new_shape)`,
and divide with `//`."""
    bad_example = dedent(
        """\
        import keras
        from keras import layers

        class Fold(layers.Layer):
            def call(self, x):
                return keras.ops.reshape(x, (-1, 5, 2))

            def compute_output_shape(self, input_shape):
                return (input_shape[0], (5, 2))  # expect: SL234

        inputs = keras.Input(shape=(10,))
        folded = Fold()(inputs)
        """
    )
    keras_error = r"Cannot convert .* to a shape"
    good_example = dedent(
        """\
        import keras
        from keras import layers

        class Fold(layers.Layer):
            def call(self, x):
                return keras.ops.reshape(x, (-1, 5, 2))

            def compute_output_shape(self, input_shape):
                return (input_shape[0],) + (5, 2)

        inputs = keras.Input(shape=(10,))
        folded = Fold()(inputs)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for call in ctx.ir.layer_calls:
            if call.kind == "Lambda" and call.declared_at is None:
                continue  # a tuple output_shape: a structure of shapes without the batch
            bad = invalid_size(call.declared)
            if bad is None or not _symbolic(call, ctx):
                continue
            what = "output_shape function" if call.kind == "Lambda" else "compute_output_shape"
            shown = _show(call.declared)
            at = call.declared_at
            called = f" (called at {call.loc.place})" if at is not None else ""
            message = (
                f"{call.label}'s {what}{called} gives {shown}, which is not a shape: its size "
                f'{_show(bad)} is {_kind(bad)}, and Keras 3 raises "Cannot convert '
                f"'{shown}' to a shape\" when the layer is called"
            )
            hint = (
                "concatenate the sizes into one flat tuple, (input_shape[0],) + tuple(shape)"
                if isinstance(bad, (tuple, list))
                else "give whole sizes (divide with //)"
            )
            yield Finding(at if at is not None else call.loc, message, hint)


def _symbolic(call: LayerCall, ctx: RuleContext) -> bool:
    """Whether Keras calls the layer on symbolic tensors (and so asks its declaration): in a
    functional or Sequential model, or on an ``Input`` outside any model; not inside a
    subclassed model, whose layers run on real tensors."""
    own = {ref.node_id for ref in tensor_refs(call.outputs)}
    holders = [m for m in ctx.ir.models if own & ctx.ir.graph_of(m)]
    if holders:
        return any(m.kind != "subclassed" for m in holders)
    entries = [
        ctx.ir.nodes[i]
        for i in ctx.ir.upstream(call.inputs)
        if not ctx.ir.nodes[i].inputs and ctx.ir.nodes[i].declared_by is not None
    ]
    return bool(entries) and all(n.declared_by not in _EAGER_INPUTS for n in entries)


def _kind(value: Value) -> str:
    if isinstance(value, (tuple, list)):
        return "a nested tuple" if isinstance(value, tuple) else "a list"
    return f"a {type(value).__name__}"


def _show(value: Value) -> str:
    if value is None:
        return "None"
    if isinstance(value, (tuple, list)):
        items = ", ".join(_show(v) for v in value)
        if isinstance(value, list):
            return f"[{items}]"
        return f"({items},)" if len(value) == 1 else f"({items})"
    if value is UNKNOWN:
        return "?"
    return repr(value) if isinstance(value, str) else str(value)

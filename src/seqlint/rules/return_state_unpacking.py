"""SL232: the outputs of a return_state call unpacked into the wrong number of names."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import Layer, Node
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.shapes.catalogue import Trait, has_trait, spec


class ReturnStateUnpacking(Rule):
    code = "SL232"
    name = "return-state-unpacking"
    summary = (
        "The outputs of return_state or attention scores unpacked into the wrong number of names."
    )
    severity = Severity.ERROR
    explanation = """\
With `return_state=True` a recurrent layer returns its output followed by its
final states: three tensors for an LSTM (`output, h, c`), two for a GRU or a
SimpleRNN (`output, h`); a Bidirectional layer returns the output(s), then the
forward states, then the backward states. `return_attention_scores=True` adds
the scores to an attention layer's output. Code switched from LSTM to GRU
often keeps `out, h, c = ...`: Python raises `ValueError: not enough values to
unpack` when the model is built (and `too many values to unpack` the other
way round)."""
    bad_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        enc_in = keras.Input(shape=(12, 8))
        enc_out, h, c = layers.GRU(32, return_state=True)(enc_in)  # expect: SL232
        """
    )
    keras_error = r"not enough values to unpack \(expected 3, got 2\)"
    good_example = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        enc_in = keras.Input(shape=(12, 8))
        enc_out, h = layers.GRU(32, return_state=True)(enc_in)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for unpacking in ctx.ir.unpackings:
            node = ctx.ir.node(unpacking.ref)
            layer = node.layer
            if unpacking.outputs is None:
                if _one_symbolic_tensor(node, ctx):
                    message = (
                        f"{layer.label} returns one tensor, unpacked into {unpacking.targets} "
                        "names: Keras cannot iterate over a symbolic tensor"
                    )
                    hint = f"assign the output to one name ({_returns(layer, 1)})"
                    yield Finding(unpacking.loc, message, hint)
                continue
            message = (
                f"{layer.label} returns {unpacking.outputs} tensors ({_returns(layer)}), "
                f"unpacked into {unpacking.targets} names"
            )
            hint = f"unpack {unpacking.outputs} names: {_returns(layer)}"
            yield Finding(unpacking.loc, message, hint)


def _one_symbolic_tensor(node: Node, ctx: RuleContext) -> bool:
    """The call returns exactly one tensor (its shapes say so) while a model is built: its
    inputs come from a model Input, so it is a symbolic KerasTensor, which cannot be iterated."""
    outputs = ctx.shapes.at(node).outputs
    if outputs is None or len(outputs) != 1 or outputs[0].dims is None:
        return False
    upstream = ctx.ir.upstream(node.inputs)
    return any(has_trait(ctx.ir.nodes[i].layer, Trait.DECLARES_INPUT) for i in upstream)


def _returns(layer: Layer, count: int | None = None) -> str:
    """What a call of ``layer`` returns, by name."""
    if count == 1:
        return "output"
    cell = layer.get("cell")
    if layer.kind == "RNN" and isinstance(cell, Layer) and _states(cell):
        return f"output, {_states(cell)}"
    if _states(layer):
        return f"output, {_states(layer)}"
    inner = layer.get("layer")
    if layer.kind == "Bidirectional" and isinstance(inner, Layer) and _states(inner):
        outputs = "output" if layer.get("merge_mode", "concat") is not None else "forward, backward"
        if inner.get("return_state", False) is not True:
            return outputs
        states = _states(inner)
        forward = ", ".join(f"forward_{s}" for s in states.split(", "))
        backward = ", ".join(f"backward_{s}" for s in states.split(", "))
        return f"{outputs}, {forward}, {backward}"
    return "output, scores"


def _states(layer: Layer) -> str:
    """The names of the states ``return_state=True`` adds (``"h, c"``), empty for none."""
    found = spec(layer.kind)
    return ", ".join(found.states) if found is not None else ""

"""Keras masks while interpreting: which tensors carry one, and of what shape.

Keras 3 attaches a mask to a tensor (``_keras_mask``) where a layer makes one:
``Embedding(mask_zero=True)`` (the shape of its ids), ``Masking`` (its input without the last
axis), a custom layer's own ``compute_mask``. After a call, a layer that supports masking
(``supports_masking = True`` in its ``__init__``, or its own ``compute_mask``) sets the mask
``compute_mask`` gives on its outputs, unless they carry one already; the default
``compute_mask`` hands on the mask of its first input. Any other layer leaves its outputs as
its ``call`` made them, and tensor ops give tensors without a mask. Before a call, Keras
hands the masks to ``call()``: as ``mask=`` when ``call()`` takes a ``mask`` and gets one
tensor argument, as ``<argument>_mask=`` for each tensor argument otherwise (what each
``keras.layers`` class does with the mask of its first input is in the layer-call table,
``data/layer_calls.json``; the classes with their own ``compute_mask`` are modelled here).

A tensor's mask is held as a tensor of the mask's shape (the ids an Embedding masks, an op
node); None when it has none; :data:`~seqlint.dims.UNKNOWN` when seqlint cannot tell.
"""

from __future__ import annotations

import libcst as cst

from seqlint.dims import UNKNOWN
from seqlint.frontend.models import Graph
from seqlint.ir import Layer, TensorRef, Value
from seqlint.shapes.catalogue import call_spec, canonical
from seqlint.shapes.ops.nodes import SPELLING, TENSORS, op_kind

_RECURRENT = frozenset(
    {"LSTM", "GRU", "SimpleRNN", "RNN", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D"}
)
_MERGES = frozenset({"Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"})
_EMBEDDINGS = frozenset({"Embedding", "ReversibleEmbedding"})
_NO_MASK = frozenset({"Input", "Constant", "Weight"})  # tensors made without any mask


def _key(ref: TensorRef) -> tuple[int, int]:
    return (ref.node_id, ref.index or 0)


class Masks:
    """The Keras mask of each tensor of the graph, as far as seqlint can tell."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._table: dict[tuple[int, int], Value] = {}

    def of(self, value: Value) -> Value:
        """The mask of ``value``: a tensor of its shape, None, or unknown (not a tensor, or a
        tensor seqlint cannot tell); a list of them for a list of tensors."""
        if isinstance(value, (list, tuple)):
            return [self.of(item) for item in value]
        if not isinstance(value, TensorRef):
            return UNKNOWN
        key = _key(value)
        if key in self._table:
            return self._table[key]
        kind = self.graph.ir.nodes[value.node_id].layer.kind
        if kind in _NO_MASK or kind.startswith("ops."):
            return None
        return UNKNOWN

    def set(self, ref: TensorRef, mask: Value) -> None:
        """``ref`` carries ``mask``: a tensor, None, or unknown (anything else)."""
        self._table[_key(ref)] = mask if isinstance(mask, TensorRef) or mask is None else UNKNOWN

    def after_layer(
        self,
        layer: Layer,
        inputs: tuple[TensorRef, ...],
        as_list: bool,
        output: TensorRef,
        expr: cst.CSTNode,
    ) -> None:
        """The mask a ``keras.layers`` class sets on its output, given its inputs'."""
        self.set(output, self._layer_mask(layer, inputs, as_list, expr))

    def _layer_mask(
        self, layer: Layer, inputs: tuple[TensorRef, ...], as_list: bool, expr: cst.CSTNode
    ) -> Value:
        kind = canonical(layer.kind)
        first = self.of(inputs[0]) if inputs and not as_list else UNKNOWN
        if kind in _EMBEDDINGS:
            zero = layer.get("mask_zero", False)
            if zero is False:
                return None
            return inputs[0] if zero is True and len(inputs) == 1 and not as_list else UNKNOWN
        if kind == "Masking":
            return self._without_last_axis(inputs[0], expr) if len(inputs) == 1 else UNKNOWN
        if kind in _RECURRENT or kind == "Bidirectional":
            return self._recurrent(layer, first)
        if kind in _MERGES:
            masks = self.of(list(inputs))
            if any(m is UNKNOWN for m in masks):
                return UNKNOWN
            present = [m for m in masks if m is not None]
            return present[0] if present else None  # Keras ANDs masks of one shape
        if kind == "Concatenate":
            masks = self.of(list(inputs))
            return None if all(m is None for m in masks) else UNKNOWN
        if kind in ("Attention", "AdditiveAttention"):
            return self.of(inputs[0]) if inputs else UNKNOWN  # the query's mask
        if kind in ("GlobalAveragePooling1D", "Dot"):
            return None
        if kind == "Lambda":
            return None if layer.get("mask") is None else UNKNOWN
        found = call_spec(kind)
        if found is None or found.masking == "own":
            return UNKNOWN
        return first if found.masking == "passes" else None

    @staticmethod
    def _recurrent(layer: Layer, first: Value) -> Value:
        """A recurrent layer (or Bidirectional) hands the mask on with its sequences only."""
        if layer.kind == "Bidirectional":
            inner = layer.get("layer")
            if not isinstance(inner, Layer) or layer.get("merge_mode", "concat") is None:
                return UNKNOWN
            layer = inner
        sequences = layer.get("return_sequences", False)
        if layer.get("return_state", False) is not False or not isinstance(sequences, bool):
            return UNKNOWN
        return first if sequences else None

    def _without_last_axis(self, x: TensorRef, expr: cst.CSTNode) -> TensorRef:
        """``Masking``'s mask: ``ops.any(ops.not_equal(x, mask_value), axis=-1)``, a node of
        the shape of ``x`` without its last axis."""
        config = {"axis": -1, "keepdims": False, TENSORS: (("x", None),), SPELLING: "ops.any"}
        layer = Layer(op_kind("any"), config, self.graph.positions.loc(expr), "mask of Masking")
        return self.graph.node(layer, (x,), expr)

    # -- custom layers -----------------------------------------------------------------------

    def given(self, names: list[str], tensor_args: dict[str, Value]) -> dict[str, Value]:
        """What Keras passes a ``call()`` with parameters ``names`` for the masks it was not
        given: ``mask`` for a call of one tensor argument, ``<name>_mask`` for each tensor
        argument otherwise."""
        if len(tensor_args) == 1:
            if "mask" not in names:
                return {}
            (value,) = tensor_args.values()
            return {"mask": self.of(value)}
        return {
            f"{name}_mask": self.of(value)
            for name, value in tensor_args.items()
            if f"{name}_mask" in names
        }

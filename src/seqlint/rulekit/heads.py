"""Evidence for the loss rules: a compiled model's heads, their activations and their losses.

A *head* is one model output as ``compile`` sees it: the layer producing it,
the activation that layer ends with, its number of units, and the loss
``compile(loss=...)`` gives it.  Losses are matched the way Keras 3.15 matches
them (``CompileLoss.build``): a single loss is shared by every output, a list
goes by position in Keras's output order, a dict by output name.  Keras's
output order is the list order, or the *sorted* keys of a dict of outputs
(``Model(outputs={...})`` flattens the dict, and flattening sorts keys).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seqlint.dims import UNKNOWN, Dim, is_known
from seqlint.ir import KerasName, Layer, Model, Node, TensorRef, TrainingCall, Value
from seqlint.rulekit.base import RuleContext
from seqlint.rulekit.evidence import inner_layer
from seqlint.rulekit.feeding import MISSING
from seqlint.shapes.catalogue import Trait, canonical, has_trait, spec
from seqlint.shapes.losses import Loss, resolve_loss

# Output kinds, from the activation.
REGRESSION = "regression"  # linear / relu: an unbounded value
BINARY = "binary"  # sigmoid: one probability per unit
DISTRIBUTION = "distribution"  # softmax: a distribution over the classes

_KINDS = {"linear": REGRESSION, "relu": REGRESSION, "sigmoid": BINARY, "softmax": DISTRIBUTION}
_LOGIT_ACTIVATIONS = frozenset({"sigmoid", "softmax"})
# Op nodes whose output may be a sigmoid's or softmax's own tensor: a sigmoid (a ``Sigmoid``
# op); a softmax only when spelled ``activations.softmax``; a cast to the same dtype.
_OP_LOGITS: dict[str, bool | None] = {"ops.sigmoid": True, "ops.softmax": None, "ops.cast": None}
# Layers that may return their input tensor itself (tf-keras: in_train_phase, Layer.call).
_MAY_PASS_THROUGH = frozenset(
    {"ActivityRegularization", "AlphaDropout", "GaussianDropout", "GaussianNoise"}
)
KIND_WORDS = {
    REGRESSION: "a value",
    BINARY: "a probability (sigmoid)",
    DISTRIBUTION: "a class distribution (softmax)",
}


@dataclass(frozen=True)
class Head:
    """One model output at a compile call."""

    position: int  # in Keras's output order
    name: str | None  # Keras's output name when the source gives it
    node: Node  # the layer producing the output
    ref: TensorRef  # the output tensor
    activation: str | None  # "linear", "sigmoid", "softmax"...; None when not known
    units: Dim  # size of the last axis
    loss_value: Value  # as written (MISSING when compile gives this output none)
    loss: Loss | None  # resolved; None when unknown, custom or missing

    @property
    def called(self) -> str:
        """``"price"``, or ``output 0`` when the source does not name it."""
        return f'"{self.name}"' if self.name else f"output {self.position}"

    @property
    def kind(self) -> str | None:
        """REGRESSION, BINARY or DISTRIBUTION; None when the activation says nothing."""
        return _KINDS.get(self.activation or "")

    @property
    def keeps_logits(self) -> bool:
        """Does the output tensor carry the logits behind its sigmoid/softmax?

        Keras's ``activations.sigmoid``/``softmax`` attach their input to their
        output (``_keras_logits``), and the TensorFlow crossentropies read it
        instead of the probabilities.  That holds when the activation is the
        last thing the output layer does (Dense, Conv1D, Activation); a
        ``TimeDistributed`` wrapper restacks the steps into a new tensor.
        """
        layer = self.node.layer
        return has_trait(layer, Trait.ACTIVATION_LAST) or layer.kind == "Activation"

    @property
    def carries_logits(self) -> bool | None:
        """Is the output tensor a sigmoid's or softmax's own, as tf.keras 2's crossentropies
        tell (``_keras_logits``, which its ``activations.sigmoid``/``softmax`` attach, or a
        TensorFlow ``Sigmoid`` op)?

        True for a layer that ends in one (Dense, Conv1D, Activation, Softmax) and a sigmoid
        op; False for any other op or built-in layer, which makes a new tensor (a
        TimeDistributed restacks the steps, Dropout and Reshape copy); None when not known
        (an unnamed activation, a softmax op, a custom layer, a layer that may hand its input
        through).
        """
        layer = self.node.layer
        kind = canonical(layer.kind)
        if kind.startswith("ops."):
            return _OP_LOGITS.get(kind, False)
        if kind in _MAY_PASS_THROUGH or (kind == "Activation" and self.activation == "linear"):
            return None
        if self.keeps_logits or kind == "Softmax":
            return None if self.activation is None else self.activation in _LOGIT_ACTIVATIONS
        return False if spec(kind) is not None and kind != "Lambda" else None

    @property
    def value_activation(self) -> str | None:
        """What bounds the output's values: the activation the layer ends with, or for a
        recurrent output layer its ``activation`` (tanh unless given), through which its
        state passes (``h = o * tanh(c)`` for an LSTM)."""
        if self.activation is not None:
            return self.activation
        layer = inner_layer(self.node.layer)
        if not has_trait(layer, Trait.RECURRENT):
            return None
        return _activation_name(layer.config.get("activation", "tanh"))

    @property
    def where(self) -> str:
        """``Dense(1, activation="sigmoid") at line 9``."""
        return f"{self.node.layer.label} at {self.node.loc.place}"


@dataclass(frozen=True)
class CompiledHeads:
    """A compile call and the heads of its model, in Keras's output order."""

    call: TrainingCall
    heads: tuple[Head, ...]
    container: type  # list, tuple or dict: how the model's outputs are given
    names_known: bool  # every output has a known, distinct name


def output_activation(node: Node) -> str | None:
    """The activation the output layer ends with, when the source states it.

    ``Dense``/``Conv1D`` (also inside ``TimeDistributed``): their ``activation=``
    argument (absent or ``None`` is linear); ``Activation(...)``, ``Softmax()``
    and ``ReLU()`` layers: what they apply.  Anything else is unknown (None).
    """
    layer = node.layer
    if layer.kind == "TimeDistributed":
        inner = layer.get("layer")
        if not isinstance(inner, Layer):
            return None
        layer = inner
    if has_trait(layer, Trait.ACTIVATION_LAST):
        return _activation_name(layer.config.get("activation"))
    if layer.kind == "Activation":
        if "activation" not in layer.config:
            return None
        return _activation_name(layer.config["activation"])
    if layer.kind == "Softmax":
        return "softmax" if layer.config.get("axis", -1) == -1 else None
    if layer.kind == "ReLU":
        return "relu"
    return None


def _activation_name(value: Value) -> str | None:
    if value is None:
        return "linear"
    if isinstance(value, str):
        return value
    if isinstance(value, KerasName) and value.name.startswith("activations."):
        return value.name.rsplit(".", 1)[-1]
    return None


def keras_outputs(model: Model) -> tuple[type, list[tuple[str | None, TensorRef]]] | None:
    """How the outputs are given (list, tuple or dict) and the outputs in Keras's order."""
    outputs = model.outputs
    if isinstance(outputs, TensorRef):
        return list, [(None, outputs)]
    if isinstance(outputs, (list, tuple)) and all(isinstance(o, TensorRef) for o in outputs):
        return type(outputs), [(None, o) for o in outputs]
    if (
        isinstance(outputs, dict)
        and all(isinstance(k, str) for k in outputs)
        and all(isinstance(o, TensorRef) for o in outputs.values())
    ):
        return dict, [(k, outputs[k]) for k in sorted(outputs)]
    return None


def output_count(model: Model) -> int | None:
    found = keras_outputs(model)
    return None if found is None else len(found[1])


# Calls that build and use the compiled losses.
LOSS_CALLS = frozenset({"fit", "evaluate", "train_on_batch", "test_on_batch"})


def compiled_heads(ctx: RuleContext) -> Iterator[CompiledHeads]:
    """Every compile call whose model's outputs are known, with its heads; not a compile
    that a later compile of the same model replaces before any call uses its losses."""
    for index, call in enumerate(ctx.ir.training):
        if call.method == "compile" and not _replaced(index, ctx):
            compiled = heads_of(call, ctx)
            if compiled is not None:
                yield compiled


def _replaced(index: int, ctx: RuleContext) -> bool:
    model = ctx.ir.training[index].model
    for later in ctx.ir.training[index + 1 :]:
        if later.model is not model:
            continue
        if later.method in LOSS_CALLS:
            return False
        if later.method == "compile":
            return True
    return False


def heads_of(call: TrainingCall, ctx: RuleContext) -> CompiledHeads | None:
    """The heads of a compile call's model; None when its outputs are not known."""
    found = keras_outputs(call.model)
    if found is None:
        return None
    container, outputs = found
    nodes = [ctx.ir.node(ref) for _key, ref in outputs]
    names: list[str | None] = []
    for (key, _ref), node in zip(outputs, nodes, strict=True):
        name = key if key is not None else node.layer.get("name")
        names.append(name if isinstance(name, str) else None)
    known = None not in names and len(set(names)) == len(names)
    losses = _losses(call.args.get("loss", MISSING), container, names, known)
    heads = tuple(
        Head(
            position=i,
            name=names[i],
            node=node,
            ref=ref,
            activation=output_activation(node),
            units=_units(node, ref, ctx),
            loss_value=losses[i],
            loss=None if losses[i] is MISSING else resolve_loss(losses[i]),
        )
        for i, ((_key, ref), node) in enumerate(zip(outputs, nodes, strict=True))
    )
    return CompiledHeads(call, heads, container, known)


def _losses(value: Value, container: type, names: list[str | None], known: bool) -> list[Value]:
    """Each output's loss, as Keras matches them; MISSING where none or where Keras raises."""
    count = len(names)
    if value is MISSING or value is None:
        return [MISSING] * count
    if isinstance(value, dict):
        if container is not dict and (not known or set(value) != set(names)):
            return [MISSING] * count  # Keras raises (SL206) or the names are not known
        return [value.get(name, MISSING) if name is not None else MISSING for name in names]
    if isinstance(value, (list, tuple)):
        if len(value) != count:
            return [MISSING] * count
        return [MISSING if v is None else v for v in value]
    return [value] * count


def _units(node: Node, ref: TensorRef, ctx: RuleContext) -> Dim:
    dims = ctx.shapes.of(ref).dims
    if dims and is_known(dims[-1]):
        return dims[-1]
    layer = node.layer
    if layer.kind == "TimeDistributed" and isinstance(layer.get("layer"), Layer):
        layer = layer.get("layer")
    units = layer.get("units") if layer.kind == "Dense" else None
    if isinstance(units, int) and not isinstance(units, bool):
        return units
    return UNKNOWN

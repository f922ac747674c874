"""Building the IR graph: layers, their applications, Sequential and functional models.

Every layer application appends an :class:`~seqlint.ir.Node` (its id is its
index, and its inputs are earlier nodes).  A Sequential model grows node by
node as layers are added: its Input node is created when the first layer
arrives (or at ``build``, or at the end of the walk), from whatever declared
the input shape; a model nothing declared takes the shape of the data of its
first ``fit``/``evaluate``/``predict`` (``declared_by="data"``), as Keras builds
it.  Anything the graph cannot follow becomes an opaque node of kind ``""``:
unknown shape, never an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import libcst as cst

from seqlint.dims import UNKNOWN, Sym
from seqlint.frontend.arith import MAX_NODES
from seqlint.frontend.imports import dotted_name, keras_path
from seqlint.frontend.keras_api import INT_PARAMS, declaring_kwargs, output_count, state_count
from seqlint.frontend.legacy_api import LegacyLog, note_model_call
from seqlint.frontend.numpy_api import python_numbers
from seqlint.frontend.objects import ExtName, Function, Instance, Items
from seqlint.frontend.positions import Positions, source_text
from seqlint.frontend.walk import nodes

if TYPE_CHECKING:
    from seqlint.frontend.modules import Placed
from seqlint.ir import (
    Array,
    Batches,
    KerasName,
    KerasObject,
    Layer,
    LayerCall,
    Loc,
    Model,
    ModuleIR,
    Node,
    PyNumbers,
    ShapeTuple,
    TensorRef,
    TfCall,
    TrainingCall,
    Unpacking,
    UnresolvedImport,
    UserFunction,
    Value,
    tensor_refs,
)
from seqlint.keras_target import major
from seqlint.shapes.keras2 import tf_keras2

# IR values that pass through to the IR as they are.
_IR_VALUES = (
    Sym,
    Layer,
    TensorRef,
    Array,
    PyNumbers,
    ShapeTuple,
    Batches,
    KerasObject,
    KerasName,
    UserFunction,
    type(UNKNOWN),
)

UNKNOWN_LAYERS = "<unknown layers>"
_UNDECLARED = "<undeclared input>"
_LABEL_LENGTH = 60
_QUALIFIER = re.compile(r"\b(?:[A-Za-z_]\w*\.)+(?=[A-Z]\w*\()")
_INPUT_KEYS = {"input_shape": "shape", "batch_input_shape": "batch_shape"}


def label_of(node: cst.CSTNode) -> str:
    """A short label: the source text without module qualifiers (``layers.LSTM(64)`` ->
    ``LSTM(64)``), on one line, at most 60 characters."""
    text = _QUALIFIER.sub("", source_text(node, 4 * _LABEL_LENGTH))
    if len(text) > _LABEL_LENGTH:
        text = text[: _LABEL_LENGTH - 3].rstrip() + "..."
    return text


def lazy_label(node: cst.CSTNode) -> Callable[[], str]:
    """``label_of(node)``, made when first asked for."""
    return lambda: label_of(node)


@dataclass
class _Declaration:
    """What declared a Sequential model's input shape."""

    config: dict[str, Value]
    declared_by: str
    loc: Loc
    label: str


@dataclass(eq=False)
class SequentialModel:
    """A Sequential model being built: its IR model and the chain of nodes so far.

    ``entries`` are its layers in order (kind ``""`` for an unknown stretch),
    kept to apply the model to other tensors; ``level`` is the branch level it was
    created at (an ``add`` at a deeper level is uncertain).
    """

    model: Model
    level: int
    input_node: Node | None = None
    last: TensorRef | None = None
    entries: list[Layer] = field(default_factory=list)
    as_layer: Layer | None = None


@dataclass(eq=False)
class FunctionalModel:
    """A ``Model(inputs, outputs)``."""

    model: Model
    as_layer: Layer | None = None


@dataclass(eq=False)
class SubclassedModel:
    """An instance of a ``keras.Model`` subclass of the module.

    Its graph is what its ``call`` builds on Input nodes made once the input is
    known (:meth:`Graph.declared_input`): from the data of its first
    ``fit``/``evaluate``/``predict``, a first eager ``model(x)``, the shape of
    ``build(shape)`` (kept in ``build_shape`` until then), or nothing.
    """

    model: Model
    instance: Instance
    build_shape: Value = None
    build_call: cst.Call | None = None
    build_placer: object = None  # what placed ``build_call`` (the script, or a module's code)
    built: bool = False
    as_layer: Layer | None = None


AnyModel = SequentialModel | FunctionalModel | SubclassedModel


class Graph:
    """The IR under construction for one module."""

    def __init__(self, positions: Positions, target: str = "3") -> None:
        self.ir = ModuleIR()
        self.script_positions = positions
        self.script_star_keras: str | None = None  # kept while an imported module's code runs
        self.target = target  # the Keras version: any Keras 2 lets Embedding(input_length=) declare
        self.major = major(target)
        self._sequentials: list[SequentialModel] = []
        self._declarations: dict[int, tuple[Layer, _Declaration]] = {}
        self._user_functions: dict[int, tuple[cst.FunctionDef, UserFunction]] = {}
        self.legacy = LegacyLog(self.ir.legacy, positions)  # removed Keras 2 API, once each
        self._calls: list[LayerCall] = []  # the custom layer or Lambda calls being run
        self._tf_calls: set[tuple[int, bool]] = set()  # TensorFlow calls recorded
        self._positions: Positions | Placed = positions
        # the image data format the script sets (keras.config.set_image_data_format): the
        # layers made after it without a data_format take it; None while it sets none
        self.image_data_format: Value = None

    @property
    def positions(self) -> Positions | Placed:
        """Where the nodes made now are placed: the script's positions, or an imported
        module's code reached from the script (:class:`~seqlint.frontend.modules.Placed`)."""
        return self._positions

    @positions.setter
    def positions(self, positions: Positions | Placed) -> None:
        self._positions = positions
        self.legacy.positions = positions

    # -- layers and nodes ---------------------------------------------------------------------

    def layer(
        self, kind: str, config: dict[str, Value], call: cst.Call, keyword_args: dict[str, cst.Arg]
    ) -> Layer:
        """The layer a constructor call creates; remembers an ``input_shape``-like keyword."""
        layer = Layer(kind, config, self.positions.loc(call), lazy_label(call))
        declaration = self._declaration(kind, config, call, keyword_args)
        if declaration is not None:
            self._declarations[id(layer)] = (layer, declaration)
        return layer

    def _declaration(
        self,
        kind: str,
        config: dict[str, Value],
        call: cst.Call,
        keyword_args: dict[str, cst.Arg],
    ) -> _Declaration | None:
        for key in declaring_kwargs(kind):
            if key in config and key in keyword_args:
                value = config[key]
                declared = {"shape": (value,)} if key == "input_dim" else {_INPUT_KEYS[key]: value}
                arg = keyword_args[key]
                return _Declaration(declared, key, self.positions.loc(arg), label_of(arg))
        if self.major == "2" and kind == "Embedding":
            # Keras 2's Embedding declares input_shape=(input_length,), (None,) without one:
            # a Sequential it starts is built when it is made
            arg = keyword_args.get("input_length")
            where: cst.CSTNode = arg if arg is not None else call
            return _Declaration(
                {"shape": (config.get("input_length"),)},
                "input_length" if arg is not None else "Embedding",
                self.positions.loc(where),
                label_of(where),
            )
        return None

    def _node(
        self,
        layer: Layer,
        inputs: tuple[TensorRef, ...],
        loc: Loc,
        *,
        as_list: bool = False,
        states: tuple[TensorRef, ...] = (),
        sequential: bool = False,
        declared_by: str | None = None,
        keywords: tuple[tuple[str, TensorRef | None], ...] = (),
    ) -> Node:
        node = Node(
            len(self.ir.nodes), layer, inputs, loc, as_list, states, sequential, declared_by
        )
        node.keywords = keywords
        if self._calls:  # made by the call() of the outermost custom layer being run
            node.within = self._calls[0].id
            self._calls[0].nodes.append(node.id)
        self.ir.nodes.append(node)
        return node

    def input(self, config: dict[str, Value], call: cst.Call) -> TensorRef:
        """``Input(shape=...)``: a new Input node."""
        loc = self.positions.loc(call)
        layer = Layer("Input", config, loc, lazy_label(call))
        return TensorRef(self._node(layer, (), loc, declared_by="Input").id)

    def opaque(self, expr: cst.CSTNode, cause: UnresolvedImport | None = None) -> TensorRef:
        """A tensor from somewhere we cannot follow: an opaque node without inputs (``cause``:
        the unresolved import it comes from)."""
        loc = self.positions.loc(expr)
        config = {} if cause is None else {"import": cause}
        node = self._node(Layer("", config, loc, lazy_label(expr)), (), loc)
        return TensorRef(node.id, None)

    def apply(
        self,
        layer: Layer,
        inputs: tuple[TensorRef, ...],
        as_list: bool,
        states: tuple[TensorRef, ...],
        call: cst.Call,
        keywords: tuple[tuple[str, TensorRef | None], ...] = (),
    ) -> TensorRef:
        """``layer(inputs, initial_state=states)`` (and tensors given by keyword)."""
        node = self._node(
            layer,
            inputs,
            self.positions.loc(call),
            as_list=as_list,
            states=states,
            keywords=keywords,
        )
        return TensorRef(node.id, None)

    def unpacking(
        self, ref: TensorRef, outputs: int | None, targets: int, expr: cst.CSTNode
    ) -> None:
        """``a, b = layer(x)`` with a number of names other than the call's outputs (None:
        not known here)."""
        self.ir.unpackings.append(Unpacking(ref, outputs, targets, self.positions.loc(expr)))

    def output_count(self, ref: TensorRef) -> int | None:
        """How many outputs the node of ``ref`` provably returns, when more than one."""
        layer = self.ir.nodes[ref.node_id].layer
        return output_count(layer.kind, layer.config)

    def node(self, layer: Layer, inputs: tuple[TensorRef, ...], expr: cst.CSTNode) -> TensorRef:
        """A node applying ``layer`` (an op, a weight, a constant...) made at ``expr``."""
        return TensorRef(self._node(layer, inputs, self.positions.loc(expr)).id, None)

    def node_at(self, layer: Layer, inputs: tuple[TensorRef, ...], loc: Loc) -> TensorRef:
        """A node applying ``layer`` made at ``loc`` (a check where a tensor was made)."""
        return TensorRef(self._node(layer, inputs, loc).id, None)

    # -- uses the removed-API rules judge (hooks of the interpreter) -----------------------------

    def tf_call(
        self, qualname: str, values: list[Value], arguments: tuple[str, ...], call: cst.Call
    ) -> None:
        """A TensorFlow function called with ``values``: recorded when tensors of the graph
        are among them (Keras 3 refuses KerasTensors there outside a layer's ``call()``)."""
        refs = [tensor_refs(value) for value in values]
        inputs = tuple(ref for found in refs for ref in found)
        if not inputs:
            return
        within = self._calls[0].id if self._calls else None
        key = (id(call), within is None)
        if key in self._tf_calls:
            return
        self._tf_calls.add(key)
        loc = self.positions.loc(call)
        callee = self.positions.loc(call.func)
        spelled = dotted_name(call.func) or ""
        tensors = tuple(bool(found) for found in refs)
        self.ir.tf_calls.append(
            TfCall(qualname, inputs, loc, callee, within, arguments, spelled, tensors)
        )

    def initial_state_call(self, layer: Layer, given: Value, call: cst.Call) -> None:
        """``rnn.get_initial_state(given)``: recorded when ``given`` is a tensor (Keras 2
        took the inputs, Keras 3 takes the batch size)."""
        recurrent = state_count(layer.kind) is not None or layer.kind == "RNN"
        if recurrent and isinstance(given, TensorRef):
            self.legacy.record("initial-state-tensor", layer.kind, layer.label, call)

    # -- custom layer and Lambda calls ----------------------------------------------------------

    def begin_call(
        self, kind: str, inputs: tuple[TensorRef, ...], call: cst.CSTNode, label: str
    ) -> LayerCall:
        """A custom layer's (or a Lambda's) call starts: the nodes made until :meth:`end_call`
        belong to it (to the outermost one, when calls nest)."""
        found = LayerCall(len(self.ir.layer_calls), kind, label, self.positions.loc(call), inputs)
        self.ir.layer_calls.append(found)
        self._calls.append(found)
        return found

    def end_call(self, found: LayerCall, outputs: Value, expr: cst.CSTNode) -> Value:
        """The call ends, returning ``outputs``: a tensor it hands back unchanged (one of its
        inputs, or made before it) goes through an ``Identity`` node of the call, so that the
        call is a step of the graph as in Keras. Returns the outputs to use."""

        def own(leaf: Value) -> Value:
            if not isinstance(leaf, TensorRef) or leaf.node_id in found.nodes:
                return leaf
            loc = self.positions.loc(expr)
            layer = Layer("Identity", {}, loc, found.label)
            return TensorRef(self._node(layer, (leaf,), loc).id, None)

        if self._calls and self._calls[0] is found:
            outputs = _rebuild(outputs, own)
        self._calls.remove(found)
        found.outputs = _structure(outputs)
        return outputs

    def stand_in(self, found: LayerCall, returned: Value, expr: cst.CSTNode) -> Value:
        """The output of a call whose layer declares it (``compute_output_shape``, a Lambda's
        ``output_shape``): Keras builds what follows from the declaration, a ``Declared`` node
        here (one output per declared shape, for a list of them); what ``call`` returned is
        kept beside it. Made while the call runs (it is one of its nodes). tf.keras 2 builds
        what follows from what ``call`` returns on the symbolic tensors (its functional API
        runs the call): ``returned`` itself."""
        if tf_keras2(self.target):
            return returned
        found.returned = _structure(returned) if _leaves(returned) else None
        layer = Layer("Declared", {"shape": found.declared}, found.loc, found.label)
        node = self._node(layer, found.inputs, self.positions.loc(expr))
        if isinstance(found.declared, list):
            return tuple(TensorRef(node.id, i) for i in range(len(found.declared)))
        return TensorRef(node.id, None)

    @property
    def in_call(self) -> LayerCall | None:
        """The outermost custom layer or Lambda call being run, if any."""
        return self._calls[0] if self._calls else None

    # -- Sequential models ----------------------------------------------------------------------

    def sequential(self, call: cst.Call, level: int) -> SequentialModel:
        """An empty ``Sequential(...)``: its layers are added by the caller."""
        model = Model("sequential", UNKNOWN, UNKNOWN, self.positions.loc(call))
        self.ir.models.append(model)
        seq = SequentialModel(model, level)
        self._sequentials.append(seq)
        return seq

    def add(
        self,
        seq: SequentialModel,
        value: Value,
        call: cst.Call,
        *,
        added_by: cst.Call | None = None,
    ) -> None:
        """``value`` appended to ``seq`` (a layer, an Input tensor, or a nested model) by
        ``call``: ``Sequential([...])`` or ``added_by``, a ``seq.add(value)`` call."""
        if isinstance(value, SequentialModel):
            if value is seq:
                self.add_unknown(seq, call)
                return
            if seq.input_node is None and value.input_node is not None:
                self._declare_from(seq, value.input_node)
            for entry in value.entries:
                self._append(seq, entry)
            return
        if isinstance(value, FunctionalModel):
            self._append(seq, self.model_layer(value))
            return
        if isinstance(value, TensorRef) and self._is_input(value):
            if seq.input_node is None:
                node = self.ir.nodes[value.node_id]
                node.sequential = True
                seq.input_node = node
                self._link(seq, TensorRef(node.id, None))
            return
        if not isinstance(value, Layer):
            self.add_unknown(seq, call)
            return
        if value.kind == "InputLayer":
            if seq.input_node is None:
                config = {_INPUT_KEYS.get(k, k): v for k, v in value.config.items()}
                self._declare(seq, _Declaration(config, "InputLayer", value.loc, value.label))
            return
        if seq.input_node is None:
            found = self._declarations.get(id(value))
            if found is not None and found[0] is value:
                self._declare(seq, found[1])
        node = self._append(seq, value)
        if added_by is not None:
            node.added_by = self.positions.loc(added_by)

    def add_output(self, seq: SequentialModel, layer: Layer, output: TensorRef) -> None:
        """A layer whose call made its own nodes (a custom layer): ``output`` is the model's
        output from now on; ``layer`` stands for it when the model is applied again."""
        seq.entries.append(layer)
        self._link(seq, output)

    def add_unknown(self, seq: SequentialModel, expr: cst.CSTNode) -> None:
        """A change we cannot follow (an add in a loop, ``pop``...): unknown from here on."""
        self._append(seq, Layer("", {}, self.positions.loc(expr), UNKNOWN_LAYERS))

    def build(self, seq: SequentialModel, shape: Value, call: cst.Call) -> None:
        """``seq.build(shape)``: declares the input unless something already did."""
        if seq.input_node is None or seq.input_node.declared_by is None:
            loc = self.positions.loc(call)
            self._declare(seq, _Declaration({"batch_shape": shape}, "build", loc, label_of(call)))

    def sequential_output(self, seq: SequentialModel) -> TensorRef:
        self._ensure_input(seq)
        assert seq.last is not None
        return seq.last

    def sequential_input(self, seq: SequentialModel) -> TensorRef:
        self._ensure_input(seq)
        assert seq.input_node is not None
        return TensorRef(seq.input_node.id)

    def apply_sequential(self, seq: SequentialModel, x: TensorRef) -> TensorRef:
        """``seq(x)``: the model's layers applied to ``x``, one node each."""
        for layer in seq.entries:
            x = TensorRef(self._node(layer, (x,), layer.loc, sequential=True).id, None)
        return x

    def finish(self) -> None:
        """End of the walk: every Sequential model gets its Input node."""
        for seq in self._sequentials:
            self._ensure_input(seq)

    def _declare(self, seq: SequentialModel, declaration: _Declaration) -> None:
        node = seq.input_node
        if node is None:
            self._ensure_input(seq)
            node = seq.input_node
            assert node is not None
        node.layer = Layer("Input", declaration.config, declaration.loc, declaration.label)
        node.loc = declaration.loc
        node.declared_by = declaration.declared_by

    def _declare_from(self, seq: SequentialModel, source: Node) -> None:
        if source.declared_by is not None:
            layer = source.layer
            self._declare(
                seq, _Declaration(dict(layer.config), source.declared_by, source.loc, layer.label)
            )

    def _ensure_input(self, seq: SequentialModel) -> None:
        if seq.input_node is None:
            loc = seq.model.loc
            node = self._node(Layer("Input", {}, loc, _UNDECLARED), (), loc, sequential=True)
            seq.input_node = node
            self._link(seq, TensorRef(node.id, None))

    def _append(self, seq: SequentialModel, layer: Layer) -> Node:
        self._ensure_input(seq)
        assert seq.last is not None
        seq.entries.append(layer)
        node = self._node(layer, (seq.last,), layer.loc, sequential=True)
        self._link(seq, TensorRef(node.id, None))
        return node

    def _link(self, seq: SequentialModel, last: TensorRef) -> None:
        seq.last = last
        assert seq.input_node is not None
        seq.model.inputs = TensorRef(seq.input_node.id)
        seq.model.outputs = last

    def _is_input(self, ref: TensorRef) -> bool:
        node = self.ir.nodes[ref.node_id]
        return node.layer.kind == "Input" and not node.inputs

    # -- functional and subclassed models -------------------------------------------------------

    def functional(self, inputs: Value, outputs: Value, call: cst.Call) -> FunctionalModel:
        """``Model(inputs, outputs)``."""
        model = Model(
            "functional", _structure(inputs), _structure(outputs), self.positions.loc(call)
        )
        self.ir.models.append(model)
        return FunctionalModel(model)

    def model_layer(self, model: AnyModel) -> Layer:
        """The model used as a layer object: kind Sequential/Functional with its layers in
        order when they form one chain (``layers``) and its Input layer (``declared``); a
        subclassed model is an opaque layer of its class's kind."""
        if isinstance(model, SubclassedModel):
            if model.as_layer is None:
                kind = model.instance.cls.kind
                model.as_layer = Layer(kind, {}, model.model.loc, model.model.name or kind)
            return model.as_layer
        if isinstance(model, SequentialModel):
            chain: tuple[Layer, ...] | None = tuple(model.entries)
            entry = model.input_node
        else:
            chain, entry = self._chain(model.model)
        cached = model.as_layer
        if cached is None or cached.config.get("layers") != chain:
            kind = "Sequential" if isinstance(model, SequentialModel) else "Functional"
            declared = entry.layer if entry is not None and entry.declared_by else None
            config = {} if chain is None else {"layers": chain, "declared": declared}
            model.as_layer = Layer(kind, config, model.model.loc, model.model.name or kind)
        return model.as_layer

    def _chain(self, model: Model) -> tuple[tuple[Layer, ...] | None, Node | None]:
        """The layers of a functional model whose graph is one chain from its single Input
        to its single output, and that Input node; (None, None) otherwise."""
        if not isinstance(model.inputs, TensorRef) or not isinstance(model.outputs, TensorRef):
            return None, None
        found: list[Layer] = []
        node = self.ir.nodes[model.outputs.node_id]
        while node.id != model.inputs.node_id:
            if len(node.inputs) != 1 or node.state_inputs or node.as_list or len(found) > 64:
                return None, None
            found.append(node.layer)
            node = self.ir.nodes[node.inputs[0].node_id]
        return tuple(reversed(found)), node

    def apply_functional(self, model: FunctionalModel, inputs: Value) -> Value:
        """``model(inputs)`` on tensors: the model's own nodes again, on ``inputs``.

        Each tensor enters through a ``ModelInput`` node (Keras adjusts its rank to
        the declared input); the result has the structure of the model's outputs.
        None when the inputs do not match the model's inputs one for one.
        """
        declared = _leaves(model.model.inputs)
        given = _leaves(inputs)
        if declared is None or given is None or len(declared) != len(given):
            return None
        copies: dict[int, TensorRef] = {}
        for ref, tensor in zip(declared, given, strict=True):
            entry = self.ir.nodes[ref.node_id]
            layer = Layer("ModelInput", {"declared": entry.layer}, entry.loc, entry.layer.label)
            copies[ref.node_id] = TensorRef(self._node(layer, (tensor,), entry.loc).id)
        ids = sorted(_ancestors(self.ir, model.model.outputs) - set(copies))
        for node_id in ids:
            node = self.ir.nodes[node_id]
            if not node.inputs and not node.state_inputs and not node.keyword_refs:
                continue  # a constant or opaque tensor: shared as it is
            clone = self._node(
                node.layer,
                tuple(_moved(r, copies) for r in node.inputs),
                node.loc,
                as_list=node.as_list,
                states=tuple(_moved(r, copies) for r in node.state_inputs),
                keywords=tuple(
                    (name, None) if r is None else (name, _moved(r, copies))
                    for name, r in node.keywords
                ),
            )
            copies[node_id] = TensorRef(clone.id, None)
        return _rebuild(
            model.model.outputs,
            lambda leaf: _moved(leaf, copies) if isinstance(leaf, TensorRef) else UNKNOWN,
        )

    def subclassed(self, instance: Instance, call: cst.Call) -> SubclassedModel:
        """A new instance of a ``keras.Model`` subclass: its graph is built later."""
        model = Model("subclassed", UNKNOWN, UNKNOWN, self.positions.loc(call))
        self.ir.models.append(model)
        return SubclassedModel(model, instance)

    def declared_input(
        self, batch_shape: Value, declared_by: str | None, expr: cst.CSTNode
    ) -> TensorRef:
        """An Input node of a subclassed model's graph; ``batch_shape`` None: undeclared."""
        loc = self.positions.loc(expr)
        config = {} if batch_shape is None else {"batch_shape": batch_shape}
        label = _UNDECLARED if batch_shape is None else label_of(expr)
        layer = Layer("Input", config, loc, label)
        return TensorRef(self._node(layer, (), loc, declared_by=declared_by).id)

    def close_subclassed(
        self, sub: SubclassedModel, inputs: Value, outputs: Value, expr: cst.CSTNode
    ) -> None:
        """The graph of a subclassed model: what its ``call`` returned on ``inputs``;
        anything but tensors is one opaque tensor."""
        structure = _structure(outputs)
        if _leaves(structure) is None:
            structure = self.opaque(expr)
        sub.model.inputs = inputs
        sub.model.outputs = structure
        sub.built = True

    # -- values for the IR ----------------------------------------------------------------------

    def export(self, value: Value) -> Value:
        """An interpreter value as an IR value: anything the IR cannot hold is unknown."""
        return _rebuild(value, self._export_leaf)

    def _export_leaf(self, value: Value) -> Value:
        if value is None or isinstance(value, (bool, int, float, str, *_IR_VALUES)):
            return value
        if isinstance(value, (SequentialModel, FunctionalModel, SubclassedModel)):
            return self.model_layer(value)
        if isinstance(value, Instance):
            return self.instance_layer(value)
        if isinstance(value, ExtName):
            path = keras_path(value.qualname)
            return UNKNOWN if path is None else KerasName(path)
        if isinstance(value, Function):
            return self.user_function(value)
        if isinstance(value, Items):
            return python_numbers(value) or UNKNOWN
        return UNKNOWN

    def instance_layer(self, instance: Instance) -> Layer:
        """A custom layer instance where a layer object is expected (``TimeDistributed(
        Block())``): an opaque layer of its class's kind."""
        if instance.model is not None:
            return self.model_layer(instance.model)  # type: ignore[arg-type]
        if instance.as_layer is None:
            loc = instance.placer.loc(instance.call)
            instance.as_layer = Layer(instance.cls.kind, {}, loc, lazy_label(instance.call))
        return instance.as_layer

    def user_function(self, function: Function) -> UserFunction:
        """A function of the script as a value, with every ``param[constant]`` in its body."""
        node = function.node
        found = self._user_functions.get(id(node))
        if found is None or found[0] is not node:
            params = tuple(p.name.value for p in (*node.params.posonly_params, *node.params.params))
            home = function.scope.module().home
            placer = self.script_positions if home is None else home.placed(home.site)
            subscripts = tuple(
                (name, index, placer.loc(expr))
                for name, index, expr in _constant_subscripts(node.body, set(params))
            )
            user = UserFunction(node.name.value, params, subscripts, placer.loc(node.name))
            found = (node, user)
            self._user_functions[id(node)] = found
        return found[1]

    # -- training ---------------------------------------------------------------------------------

    def training_call(
        self,
        method: str,
        model: AnyModel,
        args: dict[str, Value],
        call: cst.Call,
        unknown_data: UnresolvedImport | None = None,
    ) -> None:
        """``model.<method>(...)`` for compile, fit and their kin (``unknown_data``: the
        unresolved import its unknown data comes from)."""
        exported = {name: self.export(value) for name, value in args.items()}
        note_model_call(self.legacy, method, call)
        if isinstance(model, SequentialModel) and method in BUILDING_METHODS:
            self._declare_from_data(model, exported.get("x"), call)
        self.ir.training.append(
            TrainingCall(method, model.model, exported, self.positions.loc(call), unknown_data)
        )

    def validation_call(self, model: AnyModel, args: dict[str, Value], fit: cst.Call) -> None:
        """The ``evaluate`` that ``fit(..., validation_data=...)`` runs after each epoch, at
        the line of ``fit`` (``args``: its x, y and batch size; no API of its own to check)."""
        exported = {name: self.export(value) for name, value in args.items()}
        self.ir.training.append(
            TrainingCall("evaluate", model.model, exported, self.positions.loc(fit))
        )

    def _declare_from_data(self, seq: SequentialModel, x: Value, call: cst.Call) -> None:
        """A Sequential model nothing declared is built by Keras from the first data it
        gets: its Input takes the shape of ``x`` (batch axis first), ``declared_by="data"``."""
        if seq.input_node is not None and seq.input_node.declared_by is not None:
            return
        if isinstance(x, Batches):
            x = x.x
        if not isinstance(x, Array) or not x.shape:
            return
        expr = _x_argument(call)
        label = label_of(expr)
        self._declare(
            seq,
            _Declaration(
                {"batch_shape": (None, *x.shape[1:])}, "data", self.positions.loc(expr), label
            ),
        )

    def parameter(self, name: str, value: Value) -> Value:
        """A constructor argument for a layer config.

        A bare symbol stands for an int: it is kept only where Keras expects
        an int (``units``...); for a bool or a shape it would mislead.
        """
        exported = self.export(value)
        if isinstance(exported, Sym) and name not in INT_PARAMS:
            return UNKNOWN
        return exported


# Calls that make Keras build an undeclared Sequential model from their data (the Keras 2
# ``*_generator`` methods do not exist in Keras 3: they raise before any build).
BUILDING_METHODS = frozenset(
    {"fit", "evaluate", "predict", "train_on_batch", "test_on_batch", "predict_on_batch"}
)


def _x_argument(call: cst.Call) -> cst.CSTNode:
    """The expression passed as ``x`` (first positional or ``x=``); the call if none."""
    for arg in call.args:
        if arg.keyword is None and not arg.star:
            return arg.value
        if arg.keyword is not None and arg.keyword.value == "x":
            return arg.value
    return call


def _constant_subscripts(
    body: cst.CSTNode, params: set[str]
) -> list[tuple[str, int, cst.Subscript]]:
    """Each ``param[3]`` / ``param[-1]`` in ``body`` for the given parameter names."""
    found: list[tuple[str, int, cst.Subscript]] = []
    for node in nodes(body):
        if type(node) is not cst.Subscript:
            continue
        if not isinstance(node.value, cst.Name) or node.value.value not in params:
            continue
        if len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
            continue
        index = node.slice[0].slice.value
        sign = 1
        if isinstance(index, cst.UnaryOperation) and isinstance(index.operator, cst.Minus):
            index, sign = index.expression, -1
        if isinstance(index, cst.Integer):
            found.append((node.value.value, sign * int(index.value, 0), node))
    return found


def _leaves(value: Value) -> list[TensorRef] | None:
    """The tensors of a tensor or a list/tuple of tensors, in order; None otherwise."""
    if isinstance(value, TensorRef):
        return [value]
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, TensorRef) for v in value):
        return list(value)
    return None


def _ancestors(ir: ModuleIR, outputs: Value) -> set[int]:
    """Ids of the nodes the tensors of ``outputs`` depend on (bounded like ``_rebuild``)."""
    stack: list[int] = []
    _rebuild(
        outputs, lambda leaf: stack.append(leaf.node_id) if isinstance(leaf, TensorRef) else None
    )
    seen: set[int] = set()
    while stack:
        node_id = stack.pop()
        if node_id not in seen:
            seen.add(node_id)
            node = ir.nodes[node_id]
            stack.extend(
                ref.node_id for ref in (*node.inputs, *node.state_inputs, *node.keyword_refs)
            )
    return seen


def _moved(ref: TensorRef, copies: dict[int, TensorRef]) -> TensorRef:
    """``ref`` in the copy of a graph: the same output of the copied node."""
    copy = copies.get(ref.node_id)
    return ref if copy is None else TensorRef(copy.node_id, ref.index)


def _structure(value: Value) -> Value:
    """Model inputs/outputs: tensors in the structure the source gives, unknown elsewhere."""
    return _rebuild(value, lambda leaf: leaf if isinstance(leaf, TensorRef) else UNKNOWN)


def _rebuild(value: Value, leaf: Callable[[Value], Value]) -> Value:
    """``value`` with ``leaf`` applied to everything but tuples, lists and dicts.

    Bounded: containers may share items (``x = [x, x]``), so past
    :data:`~seqlint.frontend.arith.MAX_NODES` values or 16 levels it is unknown.
    """
    budget = [MAX_NODES]

    def walk(item: Value, depth: int) -> Value:
        budget[0] -= 1
        if budget[0] < 0 or depth > 16:
            return UNKNOWN
        if isinstance(item, (tuple, list)):
            return type(item)(walk(part, depth + 1) for part in item)
        if isinstance(item, dict):
            return {key: walk(part, depth + 1) for key, part in item.items()}
        return leaf(item)

    return walk(value, 0)


def declares_each(declared: Value, returned: Value) -> bool:
    """A list of declared shapes, one for each tensor of the list or tuple a call returns."""
    return (
        isinstance(declared, list)
        and isinstance(returned, (list, tuple))
        and len(declared) == len(returned) > 1
        and all(isinstance(d, tuple) and _starts_a_shape(d) for d in declared)
        and all(isinstance(r, TensorRef) for r in returned)
    )


def _starts_a_shape(declared: tuple) -> bool:
    return not declared or declared[0] is None or isinstance(declared[0], int)

"""Expression evaluation: what each expression of the script is, as far as we can tell.

Constants, containers, arithmetic and numpy shapes are computed exactly;
Keras constructors make :class:`~seqlint.ir.Layer` values, and calling a
layer appends a node and gives a :class:`~seqlint.ir.TensorRef`.  A name
without a known value is the symbol of its name (``Sym("maxlen")``), any
other expression we cannot follow is ``UNKNOWN``: never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import libcst as cst

from seqlint.frontend import arith, numpy_api
from seqlint.frontend.imports import dotted_name, keras_path
from seqlint.frontend.keras_api import (
    ATTENTION_LAYERS,
    LAYERS_EXPORTS,
    MERGE_HELPERS,
    MODELS_EXPORTS,
    POSITIONAL,
    QUERY_VALUE,
    QUERY_VALUE_LAYERS,
    ROOT_EXPORTS,
    TRAINING_METHODS,
    role_of,
)
from seqlint.frontend.models import FunctionalModel, Graph, SequentialModel, label_of
from seqlint.frontend.objects import (
    Args,
    BoundMethod,
    ExtName,
    Function,
    Instance,
    KerasClass,
    KerasInit,
    Super,
    UserClass,
)
from seqlint.frontend.positions import source_text
from seqlint.frontend.scopes import MISSING, Branches, Scope
from seqlint.ir import Array, Batches, KerasObject, Layer, Loc, ShapeTuple, TensorRef, Value
from seqlint.shapes.dims import UNKNOWN, Sym

MAX_DEPTH = 150  # nesting of expressions, statements and calls together; deeper is unknown

_BINARY = {
    cst.Add: "+", cst.Subtract: "-", cst.Multiply: "*", cst.Divide: "/", cst.FloorDivide: "//",
    cst.Modulo: "%", cst.Power: "**", cst.LeftShift: "<<", cst.RightShift: ">>",
    cst.BitAnd: "&", cst.BitOr: "|", cst.BitXor: "^",
}
_UNARY = {cst.Minus: "-", cst.Plus: "+", cst.BitInvert: "~", cst.Not: "not"}
_COMPARE = {
    cst.Equal: "==", cst.NotEqual: "!=", cst.LessThan: "<", cst.LessThanEqual: "<=",
    cst.GreaterThan: ">", cst.GreaterThanEqual: ">=", cst.In: "in", cst.NotIn: "not in",
    cst.Is: "is", cst.IsNot: "is not",
}
_CONSTANTS = {"True": True, "False": False, "None": None}
_SYMBOL_NAME = re.compile(r"[A-Za-z_][\w.]*")
_LIST_MUTATORS = frozenset({"append", "extend", "insert", "pop", "remove", "clear", "sort",
                            "reverse"})
_DICT_MUTATORS = frozenset({"update", "setdefault", "pop", "popitem", "clear"})


def sequence_items(value: Value) -> list[Value] | None:
    """The items of a tuple, list or ShapeTuple value."""
    if isinstance(value, ShapeTuple):
        return list(value.items)
    if isinstance(value, (tuple, list)):
        return list(value)
    return None


class Evaluator:
    """Evaluates expressions in the current scope, building the graph as layers are called."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.scope = Scope()
        self.branches = Branches()
        self.depth = 0
        self.star_keras: str | None = None  # Keras path of a ``from keras.X import *``

    def call_function(self, function: Function, args: Args, call: cst.CSTNode) -> Value:
        """Run a function of the module on ``args`` (the interpreter does it)."""
        raise NotImplementedError

    def call_object(self, callee: Value, args: Args, node: cst.Call) -> Value:
        """Call a class of the module, an instance of one, or a bound method."""
        raise NotImplementedError

    def object_attribute(self, base: Value, attr: str) -> Value:
        """``base.attr`` for a class of the module, an instance of one, or ``super()``."""
        raise NotImplementedError

    def object_method(self, receiver: Value, name: str, args: Args, node: cst.Call) -> Value:
        """``receiver.name(...)`` for an instance of a class of the module."""
        raise NotImplementedError

    def assign(self, name: str, value: Value) -> None:
        """Bind ``name`` in the current scope (logged when inside a branch)."""
        scope = self.scope.owner(name)
        self.branches.record(scope, name)
        scope.vars[name] = value

    def eval(self, node: cst.BaseExpression) -> Value:
        handler = _HANDLERS.get(type(node))
        if handler is None or self.depth > MAX_DEPTH:
            return UNKNOWN
        self.depth += 1
        try:
            return handler(self, node)
        finally:
            self.depth -= 1

    # -- atoms ------------------------------------------------------------------------------------

    def _integer(self, node: cst.Integer) -> Value:
        try:
            return int(node.value.replace("_", ""), 0)
        except ValueError:
            return UNKNOWN

    def _float(self, node: cst.Float) -> Value:
        try:
            return float(node.value.replace("_", ""))
        except ValueError:
            return UNKNOWN

    def _string(self, node: cst.SimpleString) -> Value:
        try:
            return node.evaluated_value
        except Exception:  # a literal Python itself would reject
            return UNKNOWN

    def _concatenated(self, node: cst.ConcatenatedString) -> Value:
        parts: list[cst.BaseExpression] = []
        current: cst.BaseExpression = node
        while isinstance(current, cst.ConcatenatedString):
            parts.append(current.left)
            current = current.right
        parts.append(current)
        values = [self._string(p) if isinstance(p, cst.SimpleString) else UNKNOWN for p in parts]
        if all(isinstance(v, str) for v in values) or all(isinstance(v, bytes) for v in values):
            return values[0][:0].join(values)
        return UNKNOWN

    def _ellipsis(self, node: cst.Ellipsis) -> Value:
        return Ellipsis

    def _name(self, node: cst.Name) -> Value:
        name = node.value
        value = self.scope.lookup(name)
        if value is not MISSING:
            return Sym(name) if value is UNKNOWN else value
        if name in _CONSTANTS:
            return _CONSTANTS[name]
        return self._star_name(name) or Sym(name)

    def _star_name(self, name: str) -> ExtName | None:
        """An unbound name made available by ``from keras.layers import *`` and the like."""
        exports = {"layers": LAYERS_EXPORTS, "models": MODELS_EXPORTS, "": ROOT_EXPORTS}
        if self.star_keras is None or name not in exports.get(self.star_keras, ()):
            return None
        return ExtName(f"keras.{self.star_keras}.{name}" if self.star_keras else f"keras.{name}")

    # -- containers ---------------------------------------------------------------------------

    def _elements(self, elements: list[cst.BaseElement]) -> list[Value] | None:
        values: list[Value] = []
        complete = True
        for element in elements:
            value = self.eval(element.value)
            if isinstance(element, cst.StarredElement):
                items = sequence_items(value)
                if items is None:
                    complete = False
                else:
                    values.extend(items)
            else:
                values.append(value)
        return values if complete else None

    def _tuple(self, node: cst.Tuple) -> Value:
        values = self._elements(list(node.elements))
        return UNKNOWN if values is None else tuple(values)

    def _list(self, node: cst.List) -> Value:
        values = self._elements(list(node.elements))
        return UNKNOWN if values is None else values

    def _set(self, node: cst.Set) -> Value:
        self._elements(list(node.elements))
        return UNKNOWN

    def _dict(self, node: cst.Dict) -> Value:
        result: dict[object, Value] = {}
        complete = True
        for element in node.elements:
            if isinstance(element, cst.StarredDictElement):
                value = self.eval(element.value)
                if isinstance(value, dict):
                    result.update(value)
                else:
                    complete = False
                continue
            key = self.eval(element.key)
            value = self.eval(element.value)
            if arith.is_constant(key) and not isinstance(key, (list, dict)):
                result[key] = value
            else:
                complete = False
        return result if complete else UNKNOWN

    # -- operators ----------------------------------------------------------------------------

    def _binary(self, node: cst.BinaryOperation) -> Value:
        left = self.eval(node.left)
        right = self.eval(node.right)
        op = _BINARY.get(type(node.operator))
        if op is None:
            return UNKNOWN
        if isinstance(left, Array) or isinstance(right, Array):
            return numpy_api.binary(op, left, right, self._loc(node))
        return arith.binary(op, left, right)

    def _loc(self, node: cst.CSTNode) -> Loc:
        return self.graph.positions.loc(node)

    def _unary(self, node: cst.UnaryOperation) -> Value:
        return arith.unary(_UNARY[type(node.operator)], self.eval(node.expression))

    def _boolean(self, node: cst.BooleanOperation) -> Value:
        left = self.eval(node.left)
        truth = arith.truth_value(left)
        is_and = isinstance(node.operator, cst.And)
        if truth is not None and truth != is_and:
            return left  # short-circuit: the right side does not run
        right = self.eval(node.right)
        return right if truth is not None else UNKNOWN

    def _comparison(self, node: cst.Comparison) -> Value:
        left = self.eval(node.left)
        result: Value = True
        for target in node.comparisons:
            right = self.eval(target.comparator)
            outcome = arith.compare(_COMPARE[type(target.operator)], left, right)
            if outcome is False:
                return False  # the chain stops here
            if outcome is UNKNOWN:
                result = UNKNOWN
            left = right
        return result

    def _if_exp(self, node: cst.IfExp) -> Value:
        truth = arith.truth_value(self.eval(node.test))
        if truth is not None:
            return self.eval(node.body if truth else node.orelse)
        body = self.eval(node.body)
        orelse = self.eval(node.orelse)
        both_constant = arith.is_constant(body) and arith.is_constant(orelse)
        return body if both_constant and body == orelse else UNKNOWN

    def _named(self, node: cst.NamedExpr) -> Value:
        value = self.eval(node.value)
        if isinstance(node.target, cst.Name):
            self.assign(node.target.value, value)
        return value

    # -- attributes and subscripts ------------------------------------------------------------

    def _attribute(self, node: cst.Attribute) -> Value:
        base = self.eval(node.value)
        attr = node.attr.value
        if isinstance(base, ExtName):
            return base.attr(attr)
        if isinstance(base, _OBJECTS):
            return self.object_attribute(base, attr)
        if isinstance(base, Array):
            return numpy_api.attribute(base, attr, source_text(node), self._loc(node))
        if isinstance(base, SequentialModel):
            return self._sequential_attribute(base, attr)
        if isinstance(base, FunctionalModel):
            return self._functional_attribute(base, attr)
        if isinstance(base, Sym) and attr != "shape" and _SYMBOL_NAME.fullmatch(base.name):
            return Sym(f"{base.name}.{attr}") if len(base.name) < 60 else UNKNOWN
        return UNKNOWN

    def _sequential_attribute(self, seq: SequentialModel, attr: str) -> Value:
        if attr in ("output", "outputs"):
            output = self.graph.sequential_output(seq)
            return output if attr == "output" else [output]
        if attr in ("input", "inputs"):
            first = self.graph.sequential_input(seq)
            return first if attr == "input" else [first]
        return UNKNOWN

    def _functional_attribute(self, model: FunctionalModel, attr: str) -> Value:
        if attr in ("output", "outputs"):
            value = model.model.outputs
        elif attr in ("input", "inputs"):
            value = model.model.inputs
        else:
            return UNKNOWN
        if attr.endswith("s"):
            return [value] if isinstance(value, TensorRef) else value
        if isinstance(value, list) and len(value) == 1:
            return value[0]
        return value

    def _subscript(self, node: cst.Subscript) -> Value:
        base = self.eval(node.value)
        items = [self._index_item(element) for element in node.slice]
        if isinstance(base, Array):
            return numpy_api.subscript(base, items, self._loc(node))
        if len(items) != 1:
            return UNKNOWN
        kind, first, second, third = items[0]
        if isinstance(base, TensorRef):
            return self._output_subscript(base, items[0])
        if isinstance(base, dict):
            return base.get(first, UNKNOWN) if kind == "index" and _hashable(first) else UNKNOWN
        sequence = sequence_items(base)
        if sequence is None and isinstance(base, str):
            sequence = list(base)
        if sequence is None:
            return self._shape_symbol(node, base, items[0])
        if kind == "index" and isinstance(first, int) and -len(sequence) <= first < len(sequence):
            return sequence[first]
        bounds = (first, second, third)
        if kind == "slice" and all(b is None or isinstance(b, int) for b in bounds) and third != 0:
            part = sequence[slice(first, second, third)]
            if isinstance(base, str):
                return base[slice(first, second, third)]
            return part if isinstance(base, list) else tuple(part)
        return UNKNOWN

    def _index_item(self, element: cst.SubscriptElement) -> numpy_api.Index:
        item = element.slice
        if isinstance(item, cst.Slice):
            lower = self.eval(item.lower) if item.lower is not None else None
            upper = self.eval(item.upper) if item.upper is not None else None
            step = self.eval(item.step) if item.step is not None else None
            return ("slice", lower, upper, step)
        value = self.eval(item.value)
        if value is None or value == ExtName("numpy.newaxis"):
            return numpy_api.NEW_AXIS
        if value is Ellipsis:
            return numpy_api.ELLIPSIS
        return ("index", value, None, None)

    def _output_subscript(self, ref: TensorRef, item: numpy_api.Index) -> Value:
        """``outputs[1]`` / ``outputs[1:]`` of a layer call returning several tensors."""
        count = self.graph.output_count(ref) if ref.index is None else None
        if count is None:
            return UNKNOWN
        kind, first, second, third = item
        if kind == "index" and isinstance(first, int) and -count <= first < count:
            return TensorRef(ref.node_id, first % count)
        bounds = (first, second, third)
        if kind == "slice" and all(b is None or isinstance(b, int) for b in bounds) and third != 0:
            return tuple(TensorRef(ref.node_id, i) for i in range(count)[slice(*bounds)])
        return UNKNOWN

    def _shape_symbol(self, node: cst.Subscript, base: Value, item: numpy_api.Index) -> Value:
        """``X.shape[1]`` of an array of unknown shape: the symbol ``X.shape[1]``."""
        target = node.value
        if (base is UNKNOWN and item[0] == "index" and isinstance(item[1], int)
                and isinstance(target, cst.Attribute) and target.attr.value == "shape"):
            owner = dotted_name(target.value)
            if owner is not None:
                return Sym(f"{owner}.shape[{item[1]}]")
        return UNKNOWN

    # -- calls ----------------------------------------------------------------------------------

    def _call(self, node: cst.Call) -> Value:
        func = node.func
        if isinstance(func, cst.Attribute):
            receiver = self.eval(func.value)
            if not isinstance(receiver, ExtName):
                return self._method(receiver, func.attr.value, self._args(node), node)
            callee: Value = receiver.attr(func.attr.value)
        elif (isinstance(func, cst.Name) and func.value in _BUILTINS
              and self.scope.lookup(func.value) is MISSING):
            return _BUILTINS[func.value](self._args(node))
        else:
            callee = self.eval(func)
        return self.call_value(callee, self._args(node), node)

    def _args(self, node: cst.Call) -> Args:
        args = Args()
        for arg in node.args:
            value = self.eval(arg.value)
            if arg.star == "*":
                items = sequence_items(value)
                if items is None or not args.complete:
                    args.complete = False
                else:
                    args.positional.extend(items)
                    args.positional_exprs.extend([None] * len(items))
            elif arg.star == "**":
                if isinstance(value, dict) and all(isinstance(k, str) for k in value):
                    args.keywords.update(value)
                else:
                    args.complete = False
            elif arg.keyword is not None:
                args.keywords[arg.keyword.value] = value
                args.keyword_args[arg.keyword.value] = arg
            elif args.complete:  # after an unknown *args positions are unknown
                args.positional.append(value)
                args.positional_exprs.append(arg.value)
        return args

    def call_value(self, callee: Value, args: Args, node: cst.Call) -> Value:
        """``callee(*args)``."""
        if isinstance(callee, ExtName):
            return self._call_external(callee.qualname, args, node)
        if isinstance(callee, Layer):
            return self._apply(callee, args, node)
        if isinstance(callee, SequentialModel):
            x = args.get(0, "inputs", MISSING)
            if isinstance(x, (list, tuple)) or x is MISSING:
                return self._apply(self.graph.model_layer(callee), args, node)
            x_ref = self._tensor(x, args.expr(0, "inputs"), node)
            return self.graph.apply_sequential(callee, x_ref)
        if isinstance(callee, FunctionalModel):
            plain = len(args.positional) <= 1 and set(args.keywords) <= {"inputs", "training"}
            if plain and args.complete:
                outputs = self.graph.apply_functional(callee, args.get(0, "inputs"))
                if outputs is not None:
                    return outputs
            return self._apply(self.graph.model_layer(callee), args, node)
        if isinstance(callee, Function):
            return self.call_function(callee, args, node)
        if isinstance(callee, (*_OBJECTS, BoundMethod, KerasInit)):
            return self.call_object(callee, args, node)
        if isinstance(callee, KerasClass):
            return self._construct(callee.kind, args, node)
        self.escape(args, node)
        return UNKNOWN

    def escape(self, args: Args, node: cst.CSTNode) -> None:
        """Sequential models passed where we cannot follow them may change: unknown from now."""
        for value in args.values():
            if isinstance(value, SequentialModel):
                self.graph.add_unknown(value, node)

    def _call_external(self, qualname: str, args: Args, node: cst.Call) -> Value:
        path = keras_path(qualname)
        if path is None:
            if qualname.startswith("numpy."):
                return numpy_api.call(qualname[len("numpy."):], args, self._loc(node))
            if qualname.startswith("tensorflow."):
                return self._tensorflow(qualname[len("tensorflow."):], args, node)
            return UNKNOWN
        role = role_of(path) if path else None
        if role is None or role.what == "other":
            return UNKNOWN
        if role.what == "object":
            config = {i: self.graph.export(v) for i, v in enumerate(args.positional)}
            config.update((k, self.graph.export(v)) for k, v in args.keywords.items())
            return KerasObject(role.kind, config, self._loc(node), label_of(node))
        if role.what == "pad_sequences":
            return numpy_api.pad_sequences(args.get(0, "sequences"), args, self._loc(node))
        if role.what == "timeseries":
            return self._batches(role.kind, args, node)
        if role.what == "layer":
            return self._construct(role.kind, args, node)
        if role.what == "input":
            config = self._config("Input", args)
            if not args.complete:  # ``**options`` may hold the batch size
                config.setdefault("batch_size", UNKNOWN)
            return self.graph.input(config, node)
        if role.what == "sequential":
            return self._sequential(args, node)
        if role.what == "model":
            inputs = args.get(0, "inputs", MISSING)
            outputs = args.get(1, "outputs", MISSING)
            if inputs is MISSING or outputs is MISSING:
                return UNKNOWN
            return self.graph.functional(inputs, outputs, node)
        if role.what == "merge":
            return self._merge(role.kind, path.rsplit(".", 1)[-1], args, node)
        labels, classes = args.get(0, "x"), args.get(1, "num_classes")
        return numpy_api.one_hot(labels, classes, self._loc(node), squeeze_last=True)

    def _tensorflow(self, name: str, args: Args, node: cst.Call) -> Value:
        """The few TensorFlow functions that make data: ``tf.one_hot``, ``tf.constant``..."""
        value = args.get(0, "indices" if name == "one_hot" else "value")
        if name == "one_hot":
            return numpy_api.one_hot(value, args.get(1, "depth"), self._loc(node),
                                     squeeze_last=False)
        if name in ("constant", "convert_to_tensor", "cast") and isinstance(value, Array):
            dtype = numpy_api.dtype_of(args.get(1, "dtype")) or value.dtype
            return replace(value, name=None, dtype=dtype, loc=self._loc(node))
        return UNKNOWN

    def _batches(self, maker: str, args: Args, node: cst.Call) -> Batches:
        """``TimeseriesGenerator(data, targets, length)`` and
        ``timeseries_dataset_from_array(data, targets, sequence_length)``: one batch."""
        window = args.get(2, "length" if maker == "TimeseriesGenerator" else "sequence_length")
        loc = self._loc(node)
        x = numpy_api.windows(args.get(0, "data"), window, loc)
        targets = args.get(1, "targets")
        y = None if targets is None else numpy_api.windows(targets, None, loc)
        batches = Batches(x, y, maker, self.graph.export(window), loc)
        self.graph.ir.windows.append(batches)
        return batches

    def _config(self, kind: str, args: Args, names: tuple[str, ...] | None = None) -> dict:
        """Constructor arguments by Keras parameter name."""
        if names is None:
            names = POSITIONAL.get(kind, ())
        config = {name: self.graph.parameter(name, value)
                  for name, value in zip(names, args.positional, strict=False)}
        for name, value in args.keywords.items():
            config[name] = self.graph.parameter(name, value)
        return config

    def _construct(self, kind: str, args: Args, node: cst.Call) -> Layer:
        """A layer constructor call; arguments we cannot see make the layer opaque."""
        if not args.complete:
            kind = ""
        return self.graph.layer(kind, self._config(kind, args), node, args.keyword_args)

    def _sequential(self, args: Args, node: cst.Call) -> SequentialModel:
        seq = self.graph.sequential(node, self.branches.level)
        layers = args.get(0, "layers")
        if isinstance(layers, (list, tuple)) and args.complete:
            for item in layers:
                self.graph.add(seq, item, node)
        elif layers is not None or not args.complete:
            self.graph.add_unknown(seq, node)
        return seq

    def _merge(self, kind: str, helper: str, args: Args, node: cst.Call) -> Value:
        """``concatenate([a, b], axis=...)``: a merge layer applied at once."""
        names = MERGE_HELPERS[helper][1]
        config_args = Args(args.positional[1:], {k: v for k, v in args.keywords.items()
                                                  if k != "inputs"})
        layer = self.graph.layer(kind, self._config(kind, config_args, names[1:]), node, {})
        return self._apply(layer, args, node)

    def _apply(self, layer: Layer, args: Args, node: cst.Call) -> Value:
        """``layer(inputs, initial_state=...)``: a new node."""
        if "return_attention_scores" in args.keywords and layer.kind in ATTENTION_LAYERS:
            flag = self.graph.parameter("return_attention_scores",
                                        args.keywords["return_attention_scores"])
            layer = replace(layer, config={**layer.config, "return_attention_scores": flag})
        if layer.kind in QUERY_VALUE_LAYERS:  # mha(query, value, key)
            tensors = [args.get(i, name, MISSING) for i, name in enumerate(QUERY_VALUE)]
            count = tensors.index(MISSING) if MISSING in tensors else len(tensors)
            if count < 2 or any(t is not MISSING for t in tensors[count:]):
                return UNKNOWN
            refs = tuple(self._tensor(t, args.expr(i, QUERY_VALUE[i]), node)
                         for i, t in enumerate(tensors[:count]))
            return self.graph.apply(layer, refs, False, (), node)
        inputs = args.get(0, "inputs", MISSING)
        if inputs is MISSING:
            return UNKNOWN
        expr = args.expr(0, "inputs")
        if isinstance(inputs, (list, tuple)):
            exprs: list[cst.BaseExpression | None] = [None] * len(inputs)
            if isinstance(expr, (cst.List, cst.Tuple)) and len(expr.elements) == len(inputs):
                exprs = [element.value for element in expr.elements]
            refs = tuple(self._tensor(v, e, node) for v, e in zip(inputs, exprs, strict=True))
            as_list = True
        else:
            refs = (self._tensor(inputs, expr, node),)
            as_list = False
        states = self._states(args.keywords.get("initial_state"), node)
        return self.graph.apply(layer, refs, as_list, states, node)

    def _tensor(self, value: Value, expr: cst.BaseExpression | None,
                call: cst.Call) -> TensorRef:
        """``value`` used as a tensor: an opaque node when it does not come from a layer."""
        if isinstance(value, TensorRef):
            return value
        ref = self.graph.opaque(expr if expr is not None else call)
        if isinstance(expr, cst.Name) and (value is UNKNOWN or isinstance(value, Sym)):
            self.assign(expr.value, ref)  # later uses share the node
        return ref

    def _states(self, value: Value, call: cst.Call) -> tuple[TensorRef, ...]:
        if isinstance(value, TensorRef):
            return (value,)
        if isinstance(value, (list, tuple)):
            return tuple(self._tensor(v, None, call) for v in value)
        return ()

    # -- methods --------------------------------------------------------------------------------

    def _method(self, receiver: Value, name: str, args: Args, node: cst.Call) -> Value:
        if isinstance(receiver, (SequentialModel, FunctionalModel)) and name in TRAINING_METHODS:
            params = TRAINING_METHODS[name]
            named = dict(zip(params, args.positional, strict=False))
            self.graph.training_call(name, receiver, {**named, **args.keywords}, node)
            return UNKNOWN
        if isinstance(receiver, _OBJECTS):
            return self.object_method(receiver, name, args, node)
        if isinstance(receiver, SequentialModel):
            return self._sequential_method(receiver, name, args, node)
        if isinstance(receiver, (FunctionalModel, Layer)):
            return UNKNOWN
        if isinstance(receiver, Array):
            return numpy_api.method(receiver, name, args, self._loc(node))
        if isinstance(receiver, dict) and name == "get":
            key = args.get(0, "key")
            return receiver.get(key, args.get(1, "default")) if _hashable(key) else UNKNOWN
        if isinstance(receiver, list) and name in _LIST_MUTATORS or (
                isinstance(receiver, dict) and name in _DICT_MUTATORS):
            return self._mutate(receiver, name, args, node)
        self.escape(args, node)
        return UNKNOWN

    def _sequential_method(self, seq: SequentialModel, name: str, args: Args,
                           node: cst.Call) -> Value:
        certain = self.branches.level == seq.level and args.complete
        if name == "add":
            layer = args.get(0, "layer", MISSING)
            if certain and layer is not MISSING:
                self.graph.add(seq, layer, node)
            else:
                self.graph.add_unknown(seq, node)
            return None
        if name == "pop":
            self.graph.add_unknown(seq, node)
        elif name == "build":
            shape = args.get(0, "input_shape", MISSING)
            if certain and shape is not MISSING:
                self.graph.build(seq, self.graph.parameter("batch_shape", shape), node)
            return None
        return UNKNOWN

    def _mutate(self, container: list | dict, name: str, args: Args, node: cst.Call) -> Value:
        """A list/dict method that changes the container: the result is rebound to the names
        holding it (containers are values, never changed in place); unknown if we cannot."""
        updated: list | dict | None = None
        if isinstance(container, list) and args.complete:
            item = args.get(0, "object", MISSING)
            if name == "append" and item is not MISSING:
                updated = [*container, item]
            elif name == "extend" and sequence_items(item) is not None:
                updated = [*container, *(sequence_items(item) or [])]
        elif isinstance(container, dict) and name == "update" and args.complete:
            other = args.get(0, "other", {})
            if isinstance(other, dict):
                updated = {**container, **other, **args.keywords}
        self.replace(container, UNKNOWN if updated is None else updated)
        self.escape(args, node)
        return None if name in ("append", "extend", "update") else UNKNOWN

    def replace(self, container: list | dict, replacement: Value) -> None:
        """Rebind every visible variable holding this very container to ``replacement``."""
        scope: Scope | None = self.scope
        while scope is not None:
            for name in [name for name, v in scope.vars.items() if v is container]:
                self.branches.record(scope, name)
                scope.vars[name] = replacement
            scope = scope.parent


_OBJECTS = (Instance, UserClass, Super)  # the module's classes, their instances, ``super()``


def _hashable(value: Value) -> bool:
    return arith.is_constant(value) and not isinstance(value, (list, dict))


# -- builtins ----------------------------------------------------------------------------------


def _len(args: Args) -> Value:
    value = args.get(0, "obj")
    if isinstance(value, Array):
        return value.shape[0] if value.shape else UNKNOWN
    items = sequence_items(value)
    if items is not None:
        return len(items)
    return len(value) if isinstance(value, (str, dict)) else UNKNOWN


def _int(args: Args) -> Value:
    value = args.get(0, "x", 0)
    if isinstance(value, Sym):
        return value
    if isinstance(value, (int, float, str)) and not args.keywords:
        try:
            return int(value)
        except (ValueError, OverflowError):
            return UNKNOWN
    return UNKNOWN


def _float(args: Args) -> Value:
    value = args.get(0, "x", 0.0)
    return float(value) if isinstance(value, (int, float)) else UNKNOWN


def _container(kind: type) -> Callable[[Args], Value]:
    def convert(args: Args) -> Value:
        if not args.positional:
            return kind()
        items = sequence_items(args.positional[0])
        return UNKNOWN if items is None else kind(items)

    return convert


def _extremum(pick: Callable[..., Value]) -> Callable[[Args], Value]:
    def compute(args: Args) -> Value:
        values = args.positional
        if len(values) == 1:
            values = sequence_items(values[0]) or []
        if values and all(arith.is_number(v) for v in values) and not args.keywords:
            return pick(values)
        return UNKNOWN

    return compute


def _abs(args: Args) -> Value:
    value = args.get(0, "x")
    return abs(value) if arith.is_number(value) else UNKNOWN


def _dict_builtin(args: Args) -> Value:
    if not args.positional and args.complete:
        return dict(args.keywords)
    return UNKNOWN


def _none(args: Args) -> Value:
    return None


def _enumerate(args: Args) -> Value:
    """``enumerate(items, start=0)`` of a known sequence, as a tuple of pairs."""
    items = sequence_items(args.get(0, "iterable"))
    start = args.get(1, "start", 0)
    if items is None or not isinstance(start, int):
        return UNKNOWN
    return tuple((start + i, item) for i, item in enumerate(items))


def _zip(args: Args) -> Value:
    """``zip(a, b, ...)`` of known sequences, as a tuple of tuples."""
    sequences = [sequence_items(value) for value in args.positional]
    if not sequences or args.keywords or any(items is None for items in sequences):
        return UNKNOWN
    return tuple(zip(*sequences, strict=False))  # type: ignore[arg-type]


def _range(args: Args) -> Value:
    """``range(...)`` of ints, as a tuple of at most 1000 items."""
    bounds = args.positional
    if not bounds or len(bounds) > 3 or args.keywords or not all(
            isinstance(b, int) and not isinstance(b, bool) for b in bounds):
        return UNKNOWN
    if len(bounds) == 3 and bounds[2] == 0:
        return UNKNOWN
    items = range(*bounds)
    return tuple(items) if len(items) <= 1000 else UNKNOWN


_BUILTINS: dict[str, Callable[[Args], Value]] = {
    "len": _len, "int": _int, "float": _float, "tuple": _container(tuple),
    "list": _container(list), "max": _extremum(max), "min": _extremum(min), "abs": _abs,
    "dict": _dict_builtin, "print": _none, "range": _range, "enumerate": _enumerate,
    "zip": _zip,
}

_HANDLERS: dict[type, Callable[[Evaluator, cst.BaseExpression], Value]] = {
    cst.Integer: Evaluator._integer,
    cst.Float: Evaluator._float,
    cst.SimpleString: Evaluator._string,
    cst.ConcatenatedString: Evaluator._concatenated,
    cst.Ellipsis: Evaluator._ellipsis,
    cst.Name: Evaluator._name,
    cst.Tuple: Evaluator._tuple,
    cst.List: Evaluator._list,
    cst.Set: Evaluator._set,
    cst.Dict: Evaluator._dict,
    cst.BinaryOperation: Evaluator._binary,
    cst.UnaryOperation: Evaluator._unary,
    cst.BooleanOperation: Evaluator._boolean,
    cst.Comparison: Evaluator._comparison,
    cst.IfExp: Evaluator._if_exp,
    cst.NamedExpr: Evaluator._named,
    cst.Attribute: Evaluator._attribute,
    cst.Subscript: Evaluator._subscript,
    cst.Call: Evaluator._call,
}

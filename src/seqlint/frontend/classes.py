"""Classes of the module: subclassed models and layers, and plain classes, interpreted.

A ``class`` whose bases are ``keras.Model``, ``keras.layers.Layer``, other
classes of the module or nothing becomes a :class:`UserClass`; constructing it
makes an :class:`Instance` whose ``__init__`` runs at that call site with the
arguments given there (``self.lstm = layers.LSTM(...)`` binds an attribute).
Calling a layer or model instance on tensors runs its ``call`` there, so the
nodes it makes join the caller's graph.  A model instance's own graph is its
``call`` run once on Input nodes, when the input is first known (see
:class:`~seqlint.frontend.models.SubclassedModel`).  Inside methods, ``for``
loops over a known sequence of at most :data:`MAX_UNROLL` items and list
comprehensions of that kind run item by item, so lists of layers are followed.
A class with any other base (a Keras layer such as LSTM, a callback, something
unknown) stays what it was: an opaque layer kind, or unknown.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from seqlint.dims import UNKNOWN, Sym
from seqlint.frontend import call_arguments
from seqlint.frontend.call_arguments import Signature
from seqlint.frontend.imports import keras_path
from seqlint.frontend.keras_api import TRAINING_METHODS, role_of
from seqlint.frontend.models import (
    BUILDING_METHODS,
    FunctionalModel,
    SubclassedModel,
    declares_each,
    label_of,
    lazy_label,
)
from seqlint.frontend.objects import (
    Args,
    BoundMethod,
    ExtName,
    Function,
    Instance,
    KerasClass,
    KerasInit,
    LayerMethod,
    Super,
    UserClass,
)
from seqlint.frontend.scopes import MISSING, Scope
from seqlint.frontend.tensors import UNKNOWN_SHAPE
from seqlint.frontend.values import Evaluator, sequence_items
from seqlint.frontend.walk import nodes
from seqlint.ir import Array, Batches, Loc, ShapeTuple, TensorRef, Value

MAX_UNROLL = 16  # items of a loop or comprehension run one by one
MAX_UNROLLED = 512  # loop bodies run one by one in a whole module (nested loops multiply)

_KERAS_BASES = {"Model": "model", "Functional": "model", "Layer": "layer"}
_DATASET_BASES = frozenset(
    {"utils.Sequence", "utils.PyDataset", "utils.data_utils.Sequence", "utils.all_utils.Sequence"}
)  # their instances hand fit what ``__getitem__`` returns
_LOSS_BASES = frozenset({"losses.Loss", "Loss"})  # their instances are losses for compile
LAYER_METHODS = frozenset({"add_weight", "add_variable"})  # Keras's, on a custom layer


class Objects(Evaluator):
    """The part of the interpreter that handles classes, instances and methods."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.subclassed: list[SubclassedModel] = []
        self.instances: list[Instance] = []
        self._built_layers: set[int] = set()  # instances whose own build() has run
        self.in_method = 0  # depth of method calls being run: comprehensions unroll there
        self._unrolled = 0  # loop bodies run one by one so far
        self._receivers: list[Instance] = []  # the instances whose methods run, innermost last
        self.declared_at: Loc | None = None  # that of the last compute_output_shape run
        self.declared_items: tuple[Loc, ...] = ()  # the items of the list it returned

    # -- class definitions ------------------------------------------------------------------

    def class_value(
        self,
        node: cst.ClassDef,
        bases: Sequence[Value],
        kind: str,
        body: Sequence[cst.BaseStatement],
    ) -> Value:
        """The value a ``class`` statement binds: a :class:`UserClass` when its bases are
        understood, else a :class:`KerasClass` (opaque layer kind) or unknown."""
        keras: str | None = None
        parents: list[UserClass] = []
        opaque_keras = False
        understood = True
        for base in bases:
            if isinstance(base, UserClass):
                parents.append(base)
                keras = keras or base.keras
            elif isinstance(base, ExtName) and keras_path(base.qualname):
                path = keras_path(base.qualname) or ""
                last = path.rsplit(".", 1)[-1]
                role = role_of(path).what
                if last in _KERAS_BASES and role in ("model", "layer"):
                    keras = keras or _KERAS_BASES[last]
                elif path in _LOSS_BASES:
                    keras = keras or "loss"
                elif path in _DATASET_BASES:
                    keras = keras or "dataset"
                else:
                    opaque_keras = opaque_keras or role in ("layer", "model", "sequential")
                    understood = False
            elif isinstance(base, KerasClass):
                opaque_keras, understood = True, False
            elif not (isinstance(base, Sym) and base.name == "object"):
                understood = False
        if not understood:
            return KerasClass(kind) if opaque_keras or keras else UNKNOWN
        attrs, static, properties = self._class_body(body)
        return UserClass(
            node.name.value,
            kind,
            keras,
            tuple(parents),
            attrs,
            frozenset(static),
            frozenset(properties),
        )

    def _class_body(
        self, body: Sequence[cst.BaseStatement]
    ) -> tuple[dict[str, Value], set[str], set[str]]:
        """Run a class body in a scope of its own; its functions become methods that see
        the enclosing scope (as in Python), not the class's."""
        enclosing = self.scope
        scope = Scope(enclosing)
        known = len(self.functions)  # type: ignore[attr-defined]
        self.scope = scope
        try:
            self.exec_block(body)  # type: ignore[attr-defined]
        finally:
            self.scope = enclosing
        del self.functions[known:]  # type: ignore[attr-defined]
        attrs: dict[str, Value] = {}
        static: set[str] = set()
        properties: set[str] = set()
        for name, value in scope.vars.items():
            if isinstance(value, Function):
                decorators = {_decorator_name(d) for d in value.node.decorators}
                if "classmethod" in decorators:
                    continue
                static.update({name} if "staticmethod" in decorators else ())
                properties.update({name} if "property" in decorators else ())
                value = Function(value.node, enclosing, value.defaults)
            attrs[name] = value
        return attrs, static, properties

    # -- attributes -------------------------------------------------------------------------

    def object_attribute(self, base: Value, attr: str) -> Value:
        if isinstance(base, Super):
            found = base.instance.cls.lookup(attr, after=base.owner)
            if found is None and attr == "__init__" and base.instance.model is not None:
                return KerasInit(base.instance)
            return self._bind_found(found, base.instance, attr)
        if isinstance(base, UserClass):
            found = base.lookup(attr)
            return UNKNOWN if found is None else found[0]
        assert isinstance(base, Instance)
        value = base.attrs.vars.get(attr, MISSING)
        if value is not MISSING:
            return value
        found = base.cls.lookup(attr)
        if found is None and base.cls.keras in ("model", "layer") and attr in LAYER_METHODS:
            return LayerMethod(base, attr)
        return self._bind_found(found, base, attr)

    def _bind_found(
        self, found: tuple[Value, UserClass] | None, instance: Instance, attr: str
    ) -> Value:
        if found is None:
            return UNKNOWN
        value, owner = found
        if not isinstance(value, Function) or attr in owner.static:
            return value
        method = BoundMethod(value, instance, owner)
        if attr in owner.properties:
            return self._run_method(method, Args(), value.node)
        return method

    def set_attribute(self, instance: Instance, attr: str, value: Value) -> None:
        """``instance.attr = value`` (logged when inside an uncertain branch)."""
        self.branches.record(instance.attrs, attr)
        instance.attrs.vars[attr] = value

    def replace(self, container: list | dict | Array, replacement: Value) -> None:
        """Containers are values: ``self.blocks.append(layer)`` rebinds the attribute too."""
        super().replace(container, replacement)
        for instance in self.instances:
            attrs = instance.attrs
            for name in [name for name, v in attrs.vars.items() if v is container]:
                self.branches.record(attrs, name)
                attrs.vars[name] = replacement

    # -- calls ------------------------------------------------------------------------------

    def call_object(self, callee: Value, args: Args, node: cst.Call) -> Value:
        if isinstance(callee, BoundMethod):
            return self._run_method(callee, args, node)
        if isinstance(callee, LayerMethod):
            return self._add_weight(callee.instance, args, node)
        if isinstance(callee, Super):
            return callee  # ``super()``: the name is bound to it inside methods
        if isinstance(callee, KerasInit):
            return self._functional_init(callee.instance, args, node)
        if isinstance(callee, UserClass):
            return self._construct_instance(callee, args, node)
        assert isinstance(callee, Instance)
        if callee.cls.keras in (None, "dataset", "loss"):
            method = self.object_attribute(callee, "__call__")
            return self.call_value(method, args, node)
        return self._call_instance(callee, args, node)

    def _construct_instance(self, cls: UserClass, args: Args, node: cst.Call) -> Instance:
        instance = Instance(cls, Scope(), node, self.graph.positions)
        self.instances.append(instance)
        if cls.keras == "model":
            sub = self.graph.subclassed(instance, node)
            instance.model = sub
            self.subclassed.append(sub)
        init = self._bind_found(cls.lookup("__init__"), instance, "__init__")
        if isinstance(init, BoundMethod):
            self._run_method(init, args, node)
        else:
            self.escape(args, node)
        return instance

    def _functional_init(self, instance: Instance, args: Args, node: cst.Call) -> Value:
        """``super().__init__(inputs, outputs)``: the model is the functional graph given."""
        sub = instance.model
        inputs = args.get(0, "inputs", MISSING)
        outputs = args.get(1, "outputs", MISSING)
        if isinstance(sub, SubclassedModel) and inputs is not MISSING and outputs is not MISSING:
            made = self.graph.functional(inputs, outputs, node)
            self.graph.ir.models.remove(made.model)
            sub.model.kind = "functional"
            sub.model.inputs, sub.model.outputs = made.model.inputs, made.model.outputs
            sub.built = True
        self.escape(args, node)
        return None

    def _add_weight(self, instance: Instance, args: Args, node: cst.Call) -> Value:
        """``self.add_weight(shape=...)`` (Keras 2 took the name first: ``add_weight("w",
        shape)``): a ``Weight`` node of that shape, counted in the layer's parameters."""
        shape = args.keywords.get("shape", MISSING)
        if shape is MISSING and args.complete:
            positional = args.positional
            if positional and isinstance(positional[0], str):
                positional = positional[1:]
            shape = positional[0] if positional else ()  # Keras's default: a scalar
        if shape is MISSING:
            return UNKNOWN
        ref = self.tensors.weight(self.graph.export(shape), node)
        instance.weights.append(ref.node_id)
        return ref

    def _call_instance(self, instance: Instance, args: Args, node: cst.Call) -> Value:
        """``layer(x)`` / ``model(x)``: on tensors its ``call`` runs there; on data a model
        is built from the data's shape (the result is data: unknown)."""
        x = args.get(0, "inputs", MISSING)
        sub = instance.model
        if _arrays(x) is not None:
            if isinstance(sub, SubclassedModel):
                self.build_model(sub, x, "data", args.expr(0, "inputs") or node)
            return UNKNOWN
        keywords = [v for v in args.keywords.values() if _tensors(v)] if x is MISSING else []
        if (x is MISSING and not keywords) or not args.complete:
            self.escape(args, node)
            return UNKNOWN
        if (
            isinstance(sub, SubclassedModel)
            and sub.model.kind == "functional"
            and (instance.cls.lookup("call") is None)
        ):
            return self.call_value(FunctionalModel(sub.model), args, node)
        if not keywords and not _tensors(x):  # something we cannot follow, used as a tensor
            x = self._tensor(x, args.expr(0, "inputs"), node)
            args = Args(
                [x, *args.positional[1:]],
                dict(args.keywords),
                list(args.positional_exprs),
                dict(args.keyword_args),
            )
        self._check_instance_arguments(instance, args, node)
        given = [v for value in (keywords or [x]) for v in _flat(value)]
        inputs = tuple(v for v in given if isinstance(v, TensorRef))
        group = self.graph.begin_call(instance.cls.kind, inputs, node, label_of(instance.call))
        group.weights.extend(instance.weights)  # those made before the call (in __init__)
        result: Value = UNKNOWN
        masks: dict[str, Value] = {}
        try:
            result = self._run_call(instance, args, node, masks=masks)
            if self.asks_declaration(group):
                first = keywords[0] if keywords else x
                group.declared = self._declared_output(instance, first, node)
                group.declared_at = self.declared_at
                group.declared_items = self.declared_items
            if isinstance(group.declared, tuple) or declares_each(group.declared, result):
                result = self.graph.stand_in(group, result, node)
        finally:
            result = self.graph.end_call(group, result if _tensors(result) else None, node)
        if _tensors(result):
            first = keywords[0] if keywords else x
            given = masks.get("mask")
            previous = given if given is not None else self.masks.of(first)
            self._output_mask(instance, first, previous, result, node)
            return result
        return self._apply(self.graph.instance_layer(instance), args, node)

    def _output_mask(
        self, instance: Instance, first: Value, previous: Value, result: Value, node: cst.Call
    ) -> None:
        """The mask Keras sets on a custom layer's output after its call: kept when the
        output carries one already; else, when the layer supports masking (it says so, or it
        has its own ``compute_mask``), what ``compute_mask(inputs, previous mask)`` gives,
        the previous mask by default; else none set."""
        if not isinstance(result, TensorRef):
            return
        current = self.masks.of(result)
        if isinstance(current, TensorRef):
            return
        own = self._bind_found(instance.cls.lookup("compute_mask"), instance, "compute_mask")
        supports = instance.attrs.vars.get("supports_masking", MISSING)
        if supports is MISSING:
            supports = isinstance(own, BoundMethod)
        if supports is False:
            return
        if supports is not True:
            self.masks.set(result, UNKNOWN)
        elif isinstance(own, BoundMethod):
            mask = self._run_method(
                own, Args([first, previous], positional_exprs=[None, None]), node
            )
            self.masks.set(result, mask if isinstance(mask, TensorRef) or mask is None else UNKNOWN)
        else:
            self.masks.set(result, previous)

    def _check_instance_arguments(self, instance: Instance, args: Args, node: cst.Call) -> None:
        """What Keras refuses in the arguments of a custom layer's (or model's) call: bound
        to its ``call()``; positionally, only tensors (a functional model takes data)."""
        found = self._bind_found(instance.cls.lookup("call"), instance, "call")
        functional = isinstance(instance.model, SubclassedModel) and (
            instance.model.model.kind == "functional"
        )
        call_arguments.check(
            self.graph,
            lazy_label(instance.call),
            Signature.of(found.function) if isinstance(found, BoundMethod) else None,
            args,
            node,
            takes_data=functional,
            built_in=False,
            model=self.building,
        )

    def _declared_output(self, instance: Instance, x: Value, node: cst.CSTNode) -> Value:
        """What the layer's own ``compute_output_shape`` says for input ``x`` (Keras uses it
        for the layer's symbolic outputs), when it has one."""
        method = self._bind_found(
            instance.cls.lookup("compute_output_shape"), instance, "compute_output_shape"
        )
        if not isinstance(method, BoundMethod):
            return None
        self.last_return = None
        declared = self._run_method(method, Args([self._input_shape(x)]), node)
        self.declared_at = self.last_return
        self.declared_items = self.last_return_items
        if isinstance(declared, ShapeTuple):  # ``return input_shape``
            declared = declared.items
        elif isinstance(declared, list):  # one shape per output: ``[input_shape, ...]``
            declared = [d.items if isinstance(d, ShapeTuple) else d for d in declared]
        return self.graph.export(declared)

    def _run_call(
        self,
        instance: Instance,
        args: Args,
        node: cst.CSTNode,
        input_shape: Value = UNKNOWN,
        masks: dict[str, Value] | None = None,
    ) -> Value:
        """Run ``call``; before the first one, a ``build(input_shape)`` of the class, with the
        shape of the tensors it is called on (as Keras passes it: None for the batch axis).
        ``call()`` gets the Keras masks of its tensors as Keras hands them (``mask=``...),
        recorded in ``masks``."""
        if input_shape is UNKNOWN:
            input_shape = self._input_shape(args.get(0, "inputs", MISSING))
        if id(instance) not in self._built_layers:
            self._built_layers.add(id(instance))
            build = self._bind_found(instance.cls.lookup("build"), instance, "build")
            if isinstance(build, BoundMethod):
                self._run_method(build, Args([input_shape]), node)
        method = self._bind_found(instance.cls.lookup("call"), instance, "call")
        if not isinstance(method, BoundMethod):
            return UNKNOWN
        params = method.function.node.params
        names = {p.name.value for p in (*params.params, *params.kwonly_params)}
        extra: dict[str, Value] = {}
        if "training" in names and "training" not in args.keywords:
            extra["training"] = UNKNOWN
        positional = [p.name.value for p in params.params][1:]
        bound = {**dict(zip(positional, args.positional, strict=False)), **args.keywords}
        tensors = {name: value for name, value in bound.items() if _tensors(value)}
        for name, mask in self.masks.given(sorted(names), tensors).items():
            if bound.get(name) is None:
                extra[name] = mask
                if masks is not None:
                    masks[name] = mask
        if extra:
            args = Args(
                list(args.positional),
                {**args.keywords, **extra},
                list(args.positional_exprs),
                dict(args.keyword_args),
                args.complete,
            )
        return self._run_method(method, args, node)

    def build_once(self, instance: Instance, x: TensorRef, node: cst.CSTNode) -> None:
        """The instance's ``build`` run on the shape of ``x``, unless it has been built (as
        a cell of a stack is built on the width its previous cell declares)."""
        if id(instance) in self._built_layers:
            return
        self._built_layers.add(id(instance))
        build = self._bind_found(instance.cls.lookup("build"), instance, "build")
        if isinstance(build, BoundMethod):
            self._run_method(build, Args([self._input_shape(x)]), node)

    def input_shape_of(self, x: Value) -> Value:
        return self._input_shape(x)

    def _input_shape(self, x: Value) -> Value:
        """What Keras gives ``build``: a tensor's static shape, a list of them for a list."""
        if isinstance(x, TensorRef):
            shape = self.tensors.static_shape(x, "input_shape")
            return UNKNOWN_SHAPE if shape is UNKNOWN else shape
        if isinstance(x, (list, tuple)) and x and all(isinstance(v, TensorRef) for v in x):
            return [self._input_shape(v) for v in x]
        return UNKNOWN_SHAPE

    def _run_method(self, method: BoundMethod, args: Args, node: cst.CSTNode) -> Value:
        bound = Args(
            [method.instance, *args.positional],
            dict(args.keywords),
            [None, *args.positional_exprs],
            dict(args.keyword_args),
            args.complete,
        )
        self.in_method += 1
        saved = self.scope
        # ``super()`` inside the method: a scope between the function's and its own
        self.scope = Scope(method.function.scope)
        self.scope.vars["super"] = Super(method.instance, method.owner)
        function = Function(method.function.node, self.scope, method.function.defaults)
        self.scope = saved
        self._receivers.append(method.instance)
        try:
            return self.call_function(function, bound, node)
        finally:
            self._receivers.pop()
            self.in_method -= 1

    def variable(self, initial: Array, node: cst.Call) -> Value:
        """``tf.Variable(initial)`` in a method of a custom layer (``__init__`` or ``build``): a
        ``Weight`` of the initial value's shape, one of the layer's weights, as
        ``add_weight`` makes."""
        if not self._receivers or self._receivers[-1].cls.keras in (None, "loss"):
            return UNKNOWN
        ref = self.tensors.weight(self.graph.export(tuple(initial.shape or ())), node)
        if self.graph.in_call is None:
            self._receivers[-1].weights.append(ref.node_id)
        return ref

    # -- methods of model instances --------------------------------------------------------

    def object_method(self, receiver: Value, name: str, args: Args, node: cst.Call) -> Value:
        sub = receiver.model if isinstance(receiver, Instance) else None
        if isinstance(sub, SubclassedModel) and (
            name == "build" or name in TRAINING_METHODS and not _defines(receiver, name)
        ):
            return self._model_method(sub, name, args, node)
        return self.call_value(self.object_attribute(receiver, name), args, node)

    def _model_method(self, sub: SubclassedModel, name: str, args: Args, node: cst.Call) -> Value:
        if name == "build":
            shape = args.get(0, "input_shape", MISSING)
            if sub.build_shape is None and shape is not MISSING and args.complete:
                sub.build_shape = self.graph.export(shape)
                sub.build_call = node
                sub.build_placer = self.graph.positions
            own = self._bind_found(sub.instance.cls.lookup("build"), sub.instance, "build")
            if isinstance(own, BoundMethod) and id(sub.instance) not in self._built_layers:
                self._built_layers.add(id(sub.instance))
                self._run_method(own, args, node)
            return None
        params = TRAINING_METHODS[name]
        named = {**dict(zip(params, args.positional, strict=False)), **args.keywords}
        if name in BUILDING_METHODS:
            x = named.get("x", MISSING)
            x = x.x if isinstance(x, Batches) else x
            self.build_model(sub, x, "data", args.expr(0, "x") or node)
        self.graph.training_call(name, sub, named, node, self.data_cause(named, args))
        return UNKNOWN

    def build_model(
        self, sub: SubclassedModel, x: Value, declared_by: str, expr: cst.CSTNode
    ) -> None:
        """Build a subclassed model's graph once: ``call`` on Input nodes shaped like the
        data ``x`` (one per array of a list), else like ``build(shape)``, else undeclared."""
        if sub.built:
            return
        sub.built = True
        arrays = _arrays(x)
        shapes = _build_shapes(sub.build_shape) if sub.build_call is not None else None
        if arrays is not None:
            refs = [
                self.graph.declared_input((None, *(a.shape or ())[1:]), declared_by, expr)
                for a in arrays
            ]
            several = isinstance(x, (list, tuple))
        elif shapes is not None and sub.build_call is not None:
            with self.placing(sub.build_placer):
                refs = [
                    self.graph.declared_input(shape, "build", sub.build_call) for shape in shapes
                ]
            several = len(shapes) > 1
        else:
            refs = [self.graph.declared_input(None, None, expr)]
            several = False
        inputs: Value = refs if several else refs[0]
        input_shape = UNKNOWN
        if arrays is not None:
            input_shape = [(None, *(a.shape or ())[1:]) for a in arrays]
        elif shapes is not None:
            input_shape = shapes
        if isinstance(input_shape, list) and not several:
            input_shape = input_shape[0]
        outer, self.building = self.building, sub.model
        try:
            outputs = self._run_call(sub.instance, Args([inputs]), expr, input_shape)
        finally:
            self.building = outer
        self.graph.close_subclassed(sub, inputs, outputs, expr)

    def build_remaining(self) -> None:
        """At the end of the module: every model instance not built yet gets its graph."""
        for sub in self.subclassed:
            if not sub.built:
                self.branches.enter()
                try:
                    with self.placing(sub.instance.placer):
                        self.build_model(sub, MISSING, "", sub.instance.call)
                finally:
                    self.branches.leave()

    # -- loops and comprehensions inside methods -------------------------------------------

    def unrolled_items(self, iterable: Value, body: cst.CSTNode) -> list[Value] | None:
        """The items a loop runs one by one (a known sequence of at most ``MAX_UNROLL``, a
        body without ``break``/``continue``, while the module's budget lasts); None to run it
        as a branch."""
        items = sequence_items(iterable)
        if items is None and isinstance(iterable, dict):
            items = list(iterable)
        if items is None or len(items) > MAX_UNROLL or _jumps(body):
            return None
        if self._unrolled + len(items) > MAX_UNROLLED:
            return None
        self._unrolled += len(items)
        return items

    def eval(self, node: cst.BaseExpression) -> Value:
        if isinstance(node, cst.ListComp) and self.in_method:
            return self._list_comprehension(node)
        return super().eval(node)

    def _list_comprehension(self, node: cst.ListComp) -> Value:
        """``[f(x) for x in items]`` over a known sequence, without conditions."""
        loop = node.for_in
        if loop.inner_for_in is not None or loop.ifs or loop.asynchronous is not None:
            return UNKNOWN
        items = sequence_items(self.eval(loop.iter))
        if items is None or len(items) > MAX_UNROLL:
            return UNKNOWN
        saved = self.scope
        self.scope = Scope(saved)
        try:
            values = []
            for item in items:
                self.assign_target(loop.target, item)  # type: ignore[attr-defined]
                values.append(self.eval(node.elt))
            return values
        finally:
            self.scope = saved


def _decorator_name(decorator: cst.Decorator) -> str:
    expr = decorator.decorator
    return expr.value if isinstance(expr, cst.Name) else ""


def _defines(instance: Instance, name: str) -> bool:
    return instance.cls.lookup(name) is not None


def _tensors(value: Value, depth: int = 0) -> bool:
    """Whether ``value`` is a tensor or a non-empty list/tuple of them, nested at most twice
    (a cell's ``output, [h, c]``)."""
    if isinstance(value, TensorRef):
        return True
    return (
        isinstance(value, (list, tuple))
        and bool(value)
        and depth < 2
        and all(_tensors(v, depth + 1) for v in value)
    )


def _flat(value: Value) -> list[Value]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _arrays(x: Value) -> list[Array] | None:
    """The data arrays of ``x`` (an array or a list/tuple of them) with known ranks >= 2."""
    items = [x] if isinstance(x, Array) else x if isinstance(x, (list, tuple)) and x else None
    if items is None or not all(
        isinstance(a, Array) and a.shape and len(a.shape) >= 2 for a in items
    ):
        return None
    return items  # type: ignore[return-value]


def _build_shapes(shape: Value) -> list[Value] | None:
    """``build((None, 10, 4))`` -> one shape; ``build([(None, 5), (None, 3)])`` -> two."""
    items = sequence_items(shape)
    if items and all(sequence_items(item) is not None for item in items):
        return [tuple(sequence_items(item) or ()) for item in items]
    return None if items is None else [tuple(items)]


def _jumps(body: cst.CSTNode) -> bool:
    """Whether a loop body holds ``break`` or ``continue`` (then it is not unrolled)."""
    return any(type(n) in _JUMPS for n in nodes(body))


_JUMPS = frozenset((cst.Break, cst.Continue))

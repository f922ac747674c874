"""Expression evaluation: what each expression of the script is, as far as we can tell.

Constants, containers, arithmetic and numpy shapes are computed exactly;
Keras constructors make :class:`~seqlint.ir.Layer` values, and calling a
layer appends a node and gives a :class:`~seqlint.ir.TensorRef`.  A name
without a known value is the symbol of its name (``Sym("maxlen")``), any
other expression we cannot follow is ``UNKNOWN``: never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace

import libcst as cst

from seqlint.dims import BATCH, NONE, UNKNOWN, Sym, differ, is_known
from seqlint.frontend import (
    arith,
    backend_rnn,
    call_arguments,
    cells,
    custom_losses,
    numpy_api,
    pandas_api,
    sklearn_api,
    text_api,
    tfdata_api,
    vocabulary,
)
from seqlint.frontend.builtin_checks import builtin_misuse
from seqlint.frontend.call_arguments import Signature
from seqlint.frontend.imports import dotted_name, keras_path
from seqlint.frontend.keras_api import (
    IMAGE_FORMAT_GETTERS,
    IMAGE_FORMAT_SETTERS,
    LAYERS_EXPORTS,
    MERGE_HELPERS,
    MODELS_EXPORTS,
    QUERY_VALUE,
    ROOT_EXPORTS,
    TOKENIZER_VOCABULARIES,
    TRAINING_METHODS,
    call_option,
    positional,
    role_of,
    takes_data_format,
    takes_query_value,
)
from seqlint.frontend.masks import Masks
from seqlint.frontend.models import FunctionalModel, Graph, SequentialModel, label_of
from seqlint.frontend.modules import Placed, Project, ProjectModule
from seqlint.frontend.objects import (
    Args,
    BoundMethod,
    ExtName,
    Function,
    Instance,
    Items,
    KerasClass,
    KerasInit,
    LambdaFunction,
    LayerMethod,
    Super,
    UserClass,
    WordIds,
)
from seqlint.frontend.positions import Positions, source_text
from seqlint.frontend.scopes import MISSING, Branches, Scope
from seqlint.frontend.tensors import (
    DYNAMIC_SHAPE,
    STATIC_SHAPE,
    UNKNOWN_SHAPE,
    Tensors,
    holds_tensor,
    tensor_operands,
)
from seqlint.frontend.walk import string_value
from seqlint.ir import (
    Array,
    ArrayReshape,
    Batches,
    BuiltinMisuse,
    IndexedWindow,
    KerasObject,
    LabelsBeyondClasses,
    Layer,
    LayerCall,
    Loc,
    Model,
    ScalerFeatures,
    ShapeTuple,
    TensorRef,
    Unfollowed,
    UnresolvedImport,
    Value,
)
from seqlint.shapes import losses
from seqlint.shapes.catalogue import call_spec, canonical, index_range
from seqlint.shapes.layers.recurrent_cells import NO_STATE_SIZE, cell_attribute
from seqlint.shapes.layers.wrappers import NO_OUTPUT_SHAPE
from seqlint.shapes.ops.aliases import resolve

MAX_DEPTH = 150  # nesting of expressions, statements and calls together; deeper is unknown

_TF_BACKEND = "tensorflow.keras.backend."  # tf.keras's backend functions run TensorFlow
# TensorFlow functions that make values of the shape they are given, with the position of
# their dtype parameter
_TF_MAKERS = {
    "zeros": 1,
    "ones": 1,
    "random.normal": 3,
    "random.uniform": 3,
    "random.truncated_normal": 3,
}
_BINARY = {
    cst.Add: "+",
    cst.Subtract: "-",
    cst.Multiply: "*",
    cst.Divide: "/",
    cst.FloorDivide: "//",
    cst.Modulo: "%",
    cst.Power: "**",
    cst.LeftShift: "<<",
    cst.RightShift: ">>",
    cst.BitAnd: "&",
    cst.BitOr: "|",
    cst.BitXor: "^",
    cst.MatrixMultiply: "@",
}
# Python's operators on tensors, as the ops they apply (``operator`` module spellings).
_TENSOR_OPERATORS = {
    "+": "operator.add",
    "-": "operator.sub",
    "*": "operator.mul",
    "/": "operator.truediv",
    "//": "operator.floordiv",
    "%": "operator.mod",
    "**": "operator.pow",
    "@": "operator.matmul",
}
_UNARY = {cst.Minus: "-", cst.Plus: "+", cst.BitInvert: "~", cst.Not: "not"}
_COMPARE = {
    cst.Equal: "==",
    cst.NotEqual: "!=",
    cst.LessThan: "<",
    cst.LessThanEqual: "<=",
    cst.GreaterThan: ">",
    cst.GreaterThanEqual: ">=",
    cst.In: "in",
    cst.NotIn: "not in",
    cst.Is: "is",
    cst.IsNot: "is not",
}
_CONSTANTS = {"True": True, "False": False, "None": None}
_SYMBOL_NAME = re.compile(r"[A-Za-z_][\w.]*")
_LIST_MUTATORS = frozenset(
    {"append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse"}
)
_DICT_MUTATORS = frozenset({"update", "setdefault", "pop", "popitem", "clear"})


def joined_list(values: list[Value]) -> Items | None:
    """Lists (or Items) bound on different paths, whose items all look alike: Items of an
    unknown count (``rows.append(window)`` in a loop); None when they are not that."""
    items: list[Value] = []
    for value in values:
        if isinstance(value, Items):
            items.append(value.item)
        elif isinstance(value, list):
            items.extend(value)
        else:
            return None
    if not items or len(items) > arith.MAX_NODES:
        return None
    first = items[0]
    if not _data_like(first) or not all(_alike(item, first) for item in items[1:]):
        return None
    return Items(replace(first, name=None) if isinstance(first, Array) else first, UNKNOWN)


def _sample_shapes(args: dict[str, Value]) -> tuple[numpy_api.Shape, numpy_api.Shape] | None:
    """The shapes of one sample of a data call's ``x`` and ``y`` (the axes after the first
    of one batch, for batches); None when ``x``'s is not known."""
    x = args.get("x")
    y = x.y if isinstance(x, Batches) else args.get("y")
    shape = _sample_shape(x)
    return None if shape is None else (shape, _sample_shape(y))


def _sample_shape(value: Value) -> numpy_api.Shape:
    if isinstance(value, Batches):
        value = value.x
    return value.shape[1:] if isinstance(value, Array) and value.shape else None


def _data_like(value: Value) -> bool:
    """Data whose shape one loop iteration shows for all: arrays, constants, lists of them.
    (Not tensors: a loop may grow a model, each iteration's output shaped differently.)"""
    if isinstance(value, Items):
        return _data_like(value.item)
    return isinstance(value, Array) or arith.is_constant(value)


def _alike(a: Value, b: Value) -> bool:
    """Arrays of one shape and content, or equal constants."""
    if isinstance(a, Array) and isinstance(b, Array):
        fields = ("shape", "dtype", "value_range", "one_hot", "zero_padded", "padded_at")
        return all(getattr(a, f) == getattr(b, f) for f in fields)
    if isinstance(a, Items) and isinstance(b, Items):
        return _alike(a.item, b.item)
    return arith.is_constant(a) and arith.is_constant(b) and type(a) is type(b) and a == b


def sequence_items(value: Value) -> list[Value] | None:
    """The items of a tuple, list or ShapeTuple value, of a short ``range()``, or of a 1-D
    array numpy made from the script's literal list."""
    if isinstance(value, Array) and value.literal is not None:
        return list(value.literal)
    if isinstance(value, ShapeTuple):
        return list(value.items)
    if isinstance(value, Items) and value.values is not None:
        return list(value.values)
    if isinstance(value, (tuple, list)):
        return list(value)
    return None


class Evaluator:
    """Evaluates expressions in the current scope, building the graph as layers are called."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.tensors = Tensors(graph)
        self.masks = Masks(graph)
        self._lambdas: dict[int, tuple[Layer, Function | LambdaFunction, Value]] = {}
        self._wrapped: dict[int, tuple[Layer, Instance]] = {}  # TimeDistributed(custom layer)
        # RNN(cell of the script): the RNN, the cell, its state_size
        self._cells: dict[int, tuple[Layer, cells.ScriptCells]] = {}
        self._stacks: dict[int, Value] = {}  # StackedRNNCells layer -> the cells it was given
        self.last_return: Loc | None = None  # the return statement of the last function run
        self.last_return_items: tuple[Loc, ...] = ()  # the items of the list or tuple it gave
        # a Lambda's output_shape given as a function of the module (Keras calls it)
        self._lambda_shapes: dict[int, Function | LambdaFunction] = {}
        self.scope = Scope()
        self.branches = Branches()
        self.depth = 0
        self.building: Model | None = None  # the subclassed model whose ``call`` is run
        self.star_keras: str | None = None  # Keras path of a ``from keras.X import *``
        self.counters: frozenset[str] = frozenset()  # loop variables running over a range()
        self.project: Project | None = None  # the modules of the script's project it imports
        self.home: ProjectModule | None = None  # the module whose code runs (None: the script)
        # names of the script whose unknown value comes from an import not followed
        self.causes: dict[tuple[int, str], UnresolvedImport] = {}
        # names of vocabulary sizes (``len(word_index)``, ``tokenizer.word_index``) and what
        # they name: one vocabulary per name, so that two never pass for one another
        self.claims: dict[str, object] = {}
        # a counted vocabulary (kept alive, so its id stays its own) -> where it grew
        self.counted_at: dict[int, tuple[WordIds, cst.CSTNode]] = {}

    @contextmanager
    def entering(self, home: ProjectModule | None, node: cst.CSTNode | None) -> Iterator[None]:
        """Code of module ``home`` (None: the script) runs inside, reached at ``node`` of the
        code running now (None: where the module was first imported): the nodes it makes are
        placed there, with their place in the module as origin."""
        graph = self.graph
        current = graph.positions
        if home is self.home and (
            current is graph.script_positions
            if home is None
            else isinstance(current, Placed) and current.module is home
        ):
            yield
            return
        saved = self.home, current, self.star_keras
        if home is None:
            positions: Positions | Placed = graph.script_positions
            self.star_keras = graph.script_star_keras
        else:
            if node is not None:
                site = current.loc(node)
            elif isinstance(current, Placed):
                site = current.site
            else:
                site = home.site
            positions = home.placed(site)
            self.star_keras = home.star_keras
        self.home, graph.positions = home, positions
        try:
            yield
        finally:
            self.home, graph.positions, self.star_keras = saved

    @contextmanager
    def placing(self, positions: object) -> Iterator[None]:
        """Nodes kept from earlier (where an instance was made) are placed as they were then."""
        graph = self.graph
        saved, graph.positions = graph.positions, positions
        try:
            yield
        finally:
            graph.positions = saved

    @contextmanager
    def counting(self, target: cst.BaseExpression, iterable: Value) -> Iterator[None]:
        """While a loop over ``range(...)`` runs, its variable is a counter: an int."""
        saved = self.counters
        if isinstance(target, cst.Name) and iterable_counts(iterable):
            self.counters = saved | {target.value}
        try:
            yield
        finally:
            self.counters = saved

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

    def variable(self, initial: Array, node: cst.Call) -> Value:
        """``tf.Variable(initial)`` with an initial value of known shape (the class
        interpreter makes it a weight of the layer whose method runs)."""
        return UNKNOWN

    def note_yield(self, value: Value) -> None:
        """A value a generator function yields (the interpreter collects them)."""

    def assign(self, name: str, value: Value) -> None:
        """Bind ``name`` in the current scope (logged when inside a branch)."""
        scope = self.scope.owner(name)
        if scope.home is not None:
            scope.home.binding(name)  # what binds it earlier in its module runs first
        self.branches.record(scope, name)
        scope.vars[name] = value
        if self.causes:
            self.causes.pop((id(scope), name), None)

    def cause_of(self, expr: cst.BaseExpression | None) -> UnresolvedImport | None:
        """The unresolved import an expression's unknown value comes from: its root name's
        (``load()[0]``, ``model.predict``) as the script bound it."""
        while isinstance(expr, (cst.Call, cst.Attribute, cst.Subscript)):
            expr = expr.func if isinstance(expr, cst.Call) else expr.value
        if not isinstance(expr, cst.Name) or not self.causes:
            return None
        scope: Scope | None = self.scope
        while scope is not None:
            if expr.value in scope.vars:
                return self.causes.get((id(scope), expr.value))
            scope = scope.parent
        return None

    def module_attribute(self, module: ProjectModule, name: str) -> Value:
        """``module.name``: its global, else its submodule; unknown if neither."""
        value = module.binding(name)
        if value is MISSING and self.project is not None:
            site = self.graph.positions.site if isinstance(self.graph.positions, Placed) else None
            sub = self.project.submodule(module, name, site or module.site)
            value = sub if isinstance(sub, ProjectModule) else MISSING
        return UNKNOWN if value is MISSING else value

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
            return string_value(node)
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

    def _list_comp(self, node: cst.ListComp) -> Value:
        """``[elt for target in iterable if ...]``: Items like ``elt`` evaluated once, with
        each target bound to an item of its iterable (a loop body: it runs as a branch)."""
        saved, self.scope = self.scope, Scope(self.scope)
        counters = self.counters
        self.branches.enter()
        try:
            count: Value = None
            at_most: Value = None
            clause: cst.CompFor | None = node.for_in
            while clause is not None:
                iterable = self.eval(clause.iter)
                self._bind_item(clause.target, _item_of(iterable))
                if isinstance(clause.target, cst.Name) and iterable_counts(iterable):
                    self.counters = self.counters | {clause.target.value}
                for condition in clause.ifs:
                    self.eval(condition.test)
                size = text_api.count(iterable) if not clause.ifs else UNKNOWN
                if clause.ifs and node.for_in.inner_for_in is None:
                    whole = text_api.count(iterable)  # the items the conditions filter
                    at_most = whole if is_known(whole) or isinstance(whole, Sym) else None
                if count is None:
                    count = size
                else:
                    known = is_known(size) and is_known(count) and count * size < _MAX_COUNT
                    count = count * size if known else UNKNOWN
                clause = clause.inner_for_in
            return Items(self.eval(node.elt), count, at_most=at_most)
        finally:
            assigned = self.branches.leave()
            self.scope, self.counters = saved, counters
            for _, name, _ in assigned:  # ``:=`` binds in the enclosing scope, any number
                self.assign(name, UNKNOWN)  # of times: unknown afterwards

    def _keyed_comp(self, node: cst.SetComp | cst.DictComp) -> Value:
        """``{c for c in chars}`` / ``{c: i for i, c in enumerate(chars)}`` over a listed
        sequence of at most ``_MAX_KEYED`` items, one ``for`` and no ``if``: each key
        evaluated per item (a set is the tuple of its distinct keys); a vocabulary of unknown
        words for ``{w: i + c for i, w in enumerate(words)}`` (:func:`vocabulary.enumerated`);
        else unknown."""
        if isinstance(node, cst.DictComp):
            return self._keyed(node.for_in, node.key, node.value)
        found = self._keyed(node.for_in, node.elt, None)
        return tuple(found) if isinstance(found, dict) else found

    def _keyed(
        self,
        clause: cst.CompFor,
        key_expr: cst.BaseExpression,
        value_expr: cst.BaseExpression | None,
    ) -> Value:
        """The dict a comprehension makes, keys to values (None values for a set)."""
        iterable = self.eval(clause.iter)
        items = sequence_items(iterable)
        if clause.ifs or clause.inner_for_in or clause.asynchronous is not None:
            return UNKNOWN
        if items is None:
            return self._enumerated(clause, key_expr, value_expr)
        if len(items) > _MAX_KEYED:
            return UNKNOWN
        found: dict[Value, Value] = {}
        saved, self.scope = self.scope, Scope(self.scope)
        try:
            for item in items:
                self._bind_item(clause.target, item)
                key = self.eval(key_expr)
                if not _constant_key(key):
                    return UNKNOWN
                found[key] = self.eval(value_expr) if value_expr is not None else None
        finally:
            self.scope = saved
        return found

    def _enumerated(
        self,
        clause: cst.CompFor,
        key_expr: cst.BaseExpression,
        value_expr: cst.BaseExpression | None,
    ) -> Value:
        """``{w: i + c for i, w in enumerate(words[, start])}`` of words of known count."""
        call, target = clause.iter, clause.target
        if not (
            value_expr is not None
            and isinstance(call, cst.Call)
            and isinstance(call.func, cst.Name)
            and call.func.value == "enumerate"
            and self.scope.lookup("enumerate") is MISSING
            and isinstance(target, cst.Tuple)
            and len(target.elements) == 2
            and all(isinstance(e.value, cst.Name) for e in target.elements)
            and isinstance(key_expr, cst.Name)
        ):
            return UNKNOWN
        counter, word = (e.value.value for e in target.elements)  # type: ignore[attr-defined]
        offset = vocabulary.enumerated_offset(value_expr, counter)
        start = enumerate_start(call)
        if key_expr.value != word or offset is None or start is None:
            return UNKNOWN
        words = self.eval(call.args[0].value)  # a plain name: evaluating it again runs nothing
        return vocabulary.enumerated(length_of(words), start + offset)

    def _bind_item(self, target: cst.BaseExpression, value: Value) -> None:
        """Bind a comprehension target (a name or an unpacking) in the comprehension's scope."""
        if isinstance(target, cst.Name):
            self.scope.vars[target.value] = value
        elif isinstance(target, (cst.Tuple, cst.List)):
            items = sequence_items(value)
            elements = list(target.elements)
            if items is None or len(items) != len(elements):
                items = [UNKNOWN] * len(elements)
            for element, item in zip(elements, items, strict=True):
                self._bind_item(element.value, item)

    def _yield(self, node: cst.Yield) -> Value:
        value = node.value
        if isinstance(value, cst.From):
            self.eval(value.item)
            self.note_yield(UNKNOWN)
        else:
            self.note_yield(None if value is None else self.eval(value))
        return UNKNOWN  # what the generator is sent

    def _lambda(self, node: cst.Lambda) -> Value:
        return LambdaFunction(node, self.scope)

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
        if isinstance(left, TensorRef) or isinstance(right, TensorRef):
            return self._tensor_op(_TENSOR_OPERATORS.get(op, ""), [left, right], {}, node)
        if isinstance(left, Array) or isinstance(right, Array):
            return numpy_api.binary(op, left, right, self._loc(node))
        return arith.binary(op, left, right)

    def _loc(self, node: cst.CSTNode) -> Loc:
        return self.graph.positions.loc(node)

    def _unary(self, node: cst.UnaryOperation) -> Value:
        operand = self.eval(node.expression)
        if isinstance(operand, TensorRef):
            name = "operator.neg" if isinstance(node.operator, cst.Minus) else ""
            return self._tensor_op(name, [operand], {}, node)
        return arith.unary(_UNARY[type(node.operator)], operand)

    def _tensor_op(
        self, spelling: str, positional: list[Value], keywords: dict[str, Value], node: cst.CSTNode
    ) -> Value:
        """Op ``spelling`` applied to arguments among which a tensor: its node's output;
        unknown for an op seqlint does not model or arguments that do not fit it."""
        alias = resolve(spelling) if spelling else None
        bound = None if alias is None else alias.bind(positional, keywords)
        if alias is None or bound is None:
            return UNKNOWN
        return self.tensors.apply_op(alias, bound, node)

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
        if both_constant and body == orelse:
            return body
        return vocabulary.either(body, orelse, self._loc(node))  # ``d[w] if w in d else 0``

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
        if isinstance(base, ProjectModule):
            return self.module_attribute(base, attr)
        if isinstance(base, _OBJECTS):
            return self.object_attribute(base, attr)
        if isinstance(base, Array):
            return numpy_api.attribute(base, attr, source_text(node), self._loc(node))
        if isinstance(base, TensorRef):
            return self._tensor_attribute(base, attr, node)
        if isinstance(base, Layer):
            found = cell_attribute(base, attr)
            return UNKNOWN if found is None else found
        if isinstance(base, SequentialModel):
            return self._sequential_attribute(base, attr)
        if isinstance(base, FunctionalModel):
            return self._functional_attribute(base, attr)
        if isinstance(base, text_api.Tokenizer):
            origin = source_text(node)
            if attr in TOKENIZER_VOCABULARIES and not self.claim(origin, ("tokenizer", base.ident)):
                return UNKNOWN  # the name of another tokenizer's vocabulary
            return text_api.attribute(base, attr, origin)
        if isinstance(base, tfdata_api.Dataset):
            return tfdata_api.attribute(base, attr)
        if isinstance(base, sklearn_api.Transformer):
            return sklearn_api.attribute(base, attr, self._loc(node))
        if isinstance(base, _PANDAS):
            return pandas_api.attribute(base, attr, source_text(node), self._loc(node))
        if attr == "values" and (isinstance(base, Sym) or base is UNKNOWN):
            return Array(None, loc=self._loc(node))  # a pandas frame's array, shape unknown
        if isinstance(base, Sym) and attr != "shape" and _SYMBOL_NAME.fullmatch(base.name):
            name = f"{base.name}.{attr}"
            if len(base.name) >= 60 or name in self.claims:
                return UNKNOWN  # a claimed name: a tokenizer's vocabulary, not this one
            return Sym(name)
        return UNKNOWN

    def _tensor_attribute(self, ref: TensorRef, attr: str, node: cst.Attribute) -> Value:
        """``x.shape`` of a tensor: its static shape (None for the sizes Keras does not
        know); :data:`UNKNOWN_SHAPE` while its rank is not known."""
        if attr == "shape":
            shape = self.tensors.static_shape(ref, source_text(node))
            return UNKNOWN_SHAPE if shape is UNKNOWN else shape
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
        if isinstance(base, tfdata_api.Dataset):
            if base.window and self.on_certain_path():
                self.graph.ir.indexed_windows.append(IndexedWindow(self._loc(node), base.loc))
            return UNKNOWN
        if isinstance(base, Array):
            items = [self._counter_index(item) for item in items]
            return numpy_api.subscript(base, items, self._loc(node))
        if isinstance(base, pandas_api.Indexer):
            return pandas_api.take(base, items, self._loc(node))
        if isinstance(base, (pandas_api.Frame, pandas_api.Column)):
            return pandas_api.select(base, items, self._loc(node))
        if isinstance(base, TensorRef) and len(items) != 1:
            return self._tensor_op("operator.getitem", [base, _key(items)], {}, node)
        if len(items) != 1:
            return UNKNOWN
        if isinstance(base, Items):
            return _item_at(base, items[0])
        kind, first, second, third = items[0]
        if isinstance(base, TensorRef):
            return self._output_subscript(base, items[0], node)
        if isinstance(base, WordIds):
            return vocabulary.ids(base, self._loc(node)) if kind == "index" else UNKNOWN
        if isinstance(base, dict):
            if kind != "index":
                return UNKNOWN
            if _hashable(first):
                return base.get(first, UNKNOWN)
            return vocabulary.ids(base, self._loc(node))  # an unknown word: any of its ids
        sequence = sequence_items(base)
        if sequence is None and isinstance(base, str):
            sequence = list(base)
        if sequence is None:
            return self._shape_symbol(node, base, items[0])
        if kind == "index" and isinstance(first, int) and -len(sequence) <= first < len(sequence):
            found = sequence[first]
            if found is UNKNOWN and isinstance(base, ShapeTuple) and base.tensor is None:
                return self._shape_symbol(node, found, items[0])  # X.shape[1], size unknown
            return found
        if kind == "index" and isinstance(base, ShapeTuple):
            self.tensors.read_axis(base, first, node)
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
        if value is None or value in _NEW_AXIS:
            return numpy_api.NEW_AXIS
        if value is Ellipsis:
            return numpy_api.ELLIPSIS
        return ("index", value, None, None)

    def _counter_index(self, item: numpy_api.Index) -> numpy_api.Index:
        """``data[i + 10]`` with ``i`` a loop counter: an integer index of unknown value."""
        kind, value, _, _ = item
        if kind == "index" and isinstance(value, Sym) and self.counters:
            names = set(re.findall(r"[A-Za-z_]\w*", value.name))
            if names and names <= self.counters:
                return ("index", numpy_api.ANY_INDEX, None, None)
        return item

    def _output_subscript(
        self, ref: TensorRef, item: numpy_api.Index, node: cst.Subscript
    ) -> Value:
        """``outputs[1]`` / ``outputs[1:]`` of a layer call returning several tensors; else
        indexing the tensor itself (``x[:, -1]``)."""
        count = self.graph.output_count(ref) if ref.index is None else None
        if count is None:
            return self._tensor_op("operator.getitem", [ref, _key([item])], {}, node)
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
        if (
            base is UNKNOWN
            and item[0] == "index"
            and isinstance(item[1], int)
            and isinstance(target, cst.Attribute)
            and target.attr.value == "shape"
        ):
            owner = dotted_name(target.value)
            if owner is not None:
                return Sym(f"{owner}.shape[{item[1]}]")
        return UNKNOWN

    # -- calls ----------------------------------------------------------------------------------

    def _call(self, node: cst.Call) -> Value:
        func = node.func
        if isinstance(func, cst.Attribute):
            receiver = self.eval(func.value)
            if isinstance(receiver, ProjectModule):
                callee: Value = self.module_attribute(receiver, func.attr.value)
            elif not isinstance(receiver, ExtName):
                return self._method(receiver, func.attr.value, self._args(node), node)
            else:
                callee = receiver.attr(func.attr.value)
        elif (
            isinstance(func, cst.Name)
            and func.value in _BUILTINS
            and self.scope.lookup(func.value) is MISSING
        ):
            pairs = _pairs_comprehension(node) if func.value == "dict" else None
            if pairs is not None:  # dict((w, i) for i, w in enumerate(words))
                return self._keyed(*pairs)
            args = self._args(node)
            if self._builtin_raises(func.value, args, node):
                return UNKNOWN
            result = _BUILTINS[func.value](args)
            if (
                func.value == "len"
                and isinstance(result, Sym)
                and self.claims.get(result.name, args.get(0, "obj")) != args.get(0, "obj")
            ):
                return UNKNOWN  # ``len(word2idx)`` of another dict than the one it names
            return result
        else:
            callee = self.eval(func)
        return self.call_value(callee, self._args(node), node)

    def _builtin_raises(self, name: str, args: Args, node: cst.Call) -> bool:
        """Record a call of a builtin that certainly raises where Keras runs it."""
        call = self.graph.in_call
        if call is None or not self.on_certain_path():
            return False
        reason = builtin_misuse(name, args)
        if reason is None:
            return False
        self.graph.ir.builtin_misuses.append(
            BuiltinMisuse(self._loc(node), name, reason, call.id)
        )
        return True

    def on_certain_path(self) -> bool:
        """Whether the statement running now certainly runs (no uncertain branch, no
        ``try`` around it): the interpreter knows."""
        return False

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
            self._check_arguments(callee, args, node)
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
        if isinstance(callee, (*_OBJECTS, BoundMethod, KerasInit, LayerMethod)):
            return self.call_object(callee, args, node)
        if isinstance(callee, LambdaFunction):
            return self._call_lambda(callee, args, node)
        if isinstance(callee, KerasClass):
            return self._construct(callee.kind, args, node)
        if isinstance(callee, KerasObject) and callee.kind.startswith("initializers."):
            return _initialized(args.get(0, "shape"), self._loc(node))
        self.escape(args, node)
        return UNKNOWN

    def _call_lambda(self, function: LambdaFunction, args: Args, node: cst.Call) -> Value:
        """A lambda's body evaluated with its parameters bound (plain positional ones)."""
        params = function.node.params
        if isinstance(params.star_arg, (cst.Param, cst.ParamStar)) or (
            params.star_kwarg is not None or not args.complete
        ):
            return UNKNOWN
        names = [p.name.value for p in (*params.posonly_params, *params.params)]
        scope = Scope(function.scope)
        for index, name in enumerate(names):
            scope.vars[name] = args.get(index, name, UNKNOWN)
        saved, self.scope = self.scope, scope
        try:
            with self.entering(function.scope.module().home, node):
                return self.eval(function.node.body)
        finally:
            self.scope = saved

    def escape(self, args: Args, node: cst.CSTNode) -> None:
        """Sequential models, frames and vocabularies passed where we cannot follow them may
        change: unknown from now (a frame keeps its rows; a vocabulary saved with ``json`` or
        ``pickle`` stays as it is)."""
        saved = _saving(node)
        for value in args.values():
            if isinstance(value, SequentialModel):
                self.graph.add_unknown(value, node)
            elif isinstance(value, WordIds) and value.known and not saved:
                self.replace(value, WordIds.opaque())
        self.escape_frames(args)

    def escape_frames(self, args: Args) -> None:
        """Frames passed to code we do not follow may lose or gain columns in place."""
        for value in args.values():
            if isinstance(value, pandas_api.Frame):
                self.replace(value, pandas_api.changed(value))  # type: ignore[arg-type]

    def _call_external(self, qualname: str, args: Args, node: cst.Call) -> Value:
        if qualname.startswith(_TF_BACKEND) or (
            qualname.startswith("tensorflow.") and keras_path(qualname) is None
        ):
            arguments = ("*",) * len(args.positional) + tuple(args.keywords)
            self.graph.tf_call(qualname, args.values(), arguments, node)
        on_tensors = self._on_tensors(qualname, args, node)
        if on_tensors is not MISSING:
            return on_tensors
        path = keras_path(qualname)
        if path == "backend.rnn":
            return backend_rnn.run(self, args, node)
        if path is None:
            if qualname.startswith("pandas."):
                return pandas_api.call(qualname[len("pandas.") :], args, self._loc(node))
            if not qualname.startswith(_DATA_LIBRARIES):
                self.escape_frames(args)
            args = _frames_as_arrays(args)
            if isinstance(out := args.keywords.get("out"), Array):  # np.clip(y, 0, 3, out=y)
                self.replace(out, numpy_api.overwritten(out, UNKNOWN))
            if qualname.startswith("numpy."):
                array = args.get(0, "a")
                if (
                    qualname == "numpy.reshape"
                    and isinstance(array, Array)
                    and self._reshape_fails(array, [args.get(1, "shape")], args.expr(0, "a"), node)
                ):
                    return Array(None, loc=self._loc(node))
                return numpy_api.call(qualname[len("numpy.") :], args, self._loc(node))
            if qualname.startswith("tensorflow."):
                return self._tensorflow(qualname[len("tensorflow.") :], args, node)
            if qualname.startswith("sklearn."):
                return sklearn_api.call(qualname[len("sklearn.") :], args, self._loc(node))
            return UNKNOWN
        if path in IMAGE_FORMAT_SETTERS:
            self._set_image_format(path, args)
            return None
        if path in IMAGE_FORMAT_GETTERS and self.graph.image_data_format is not None:
            return self.graph.image_data_format
        if path.rsplit(".", 1)[-1] == "text_dataset_from_directory":
            return tfdata_api.text_dataset(args, self._loc(node))
        if path == "losses.get":
            return self._loss_by_name(args, node)
        role = role_of(path) if path else None
        if role is None or role.what == "other":
            return UNKNOWN
        if role.what == "object":
            config = {i: self.graph.export(v) for i, v in enumerate(args.positional)}
            config.update((k, self.graph.export(v)) for k, v in args.keywords.items())
            return KerasObject(role.kind, config, self._loc(node), label_of(node))
        if role.what == "pad_sequences":
            return text_api.pad_sequences(args.get(0, "sequences"), args, self._loc(node))
        if role.what == "tokenizer":
            return text_api.tokenizer(args)
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
        self._check_labels_fit(labels, classes, node)
        return numpy_api.one_hot(labels, classes, self._loc(node), squeeze_last=True)

    def _check_labels_fit(self, labels: Value, classes: Value, node: cst.Call) -> None:
        """Records a ``to_categorical`` whose ``num_classes`` has no column for a label."""
        beyond = numpy_api.labels_beyond(labels, classes)
        if beyond is None:
            return
        first = node.args[0].value if node.args else None
        origin = source_text(first) if first is not None else "the labels"
        top, count, made = beyond
        found = LabelsBeyondClasses(top, count, origin, made, self._loc(node))
        self.graph.ir.labels_beyond_classes.append(found)

    def _on_tensors(self, qualname: str, args: Args, node: cst.Call) -> Value:
        """A Keras, TensorFlow or backend function applied to tensors: an op node, or the
        shape ``tf.shape(x)`` / ``K.int_shape(x)`` reads; MISSING for anything else."""
        path = keras_path(qualname)
        spelling = qualname if path is None else path
        if not args.complete:
            return MISSING
        first = args.get(0, "x", MISSING)
        if isinstance(first, TensorRef) and spelling in STATIC_SHAPE | DYNAMIC_SHAPE:
            if spelling in STATIC_SHAPE:
                return self.tensors.static_shape(first, label_of(node))
            return self.tensors.dynamic_shape(first)
        values = (*args.positional, *args.keywords.values())
        if self.graph.in_call is None and not any(map(holds_tensor, values)):
            return MISSING  # on data: the data helpers answer (no op table needed)
        alias = next(filter(None, map(resolve, _op_spellings(spelling))), None)
        bound = None if alias is None else alias.bind(args.positional, args.keywords)
        if alias is None or bound is None:
            return MISSING
        if not any(holds_tensor(value) for value in tensor_operands(alias, bound)):
            if alias.op.family == "creation" and self.graph.in_call is not None:
                # ``ops.arange(n)``, ``tf.zeros(...)`` run inside a layer's ``call()`` (or a
                # Lambda's function) make a tensor of the graph, not data
                return self.tensors.apply_op(alias, bound, node)
            return MISSING  # on data, not tensors: the data helpers answer
        return self.tensors.apply_op(alias, bound, node)

    def _tensorflow(self, name: str, args: Args, node: cst.Call) -> Value:
        """The TensorFlow functions that make data: ``tf.one_hot``, ``tf.constant``,
        ``tf.reshape``, ``tf.expand_dims``, ``tf.stack``, ``tf.data``..."""
        loc = self._loc(node)
        if name.startswith("data."):
            return tfdata_api.call(name[len("data.") :], args, loc)
        if name.endswith("_initializer") or name.startswith("initializers."):
            # tf.random_normal_initializer(): called with a shape, it makes the initial value
            return KerasObject(f"initializers.{name}", {}, loc, label_of(node))
        if name in _TF_MAKERS:  # tf.zeros(shape), tf.random.normal(shape): values of that shape
            made = _initialized(args.get(0, "shape"), loc)
            dtype = numpy_api.dtype_of(args.get(_TF_MAKERS[name], "dtype"))
            return made if dtype is None else replace(made, dtype=dtype)
        if name == "Variable":
            initial = args.get(0, "initial_value")
            if isinstance(initial, Array) and initial.shape is not None:
                return self.variable(initial, node)
            return UNKNOWN
        value = args.get(0, _TF_FIRST.get(name, "input"))
        if name == "one_hot":
            return numpy_api.one_hot(value, args.get(1, "depth"), loc, squeeze_last=False)
        if name == "TensorSpec":
            return tfdata_api.tensor_spec(args, loc)
        if name == "TensorShape":  # a shape, for add_weight or compute_output_shape
            dims = args.get(0, "dims")
            if isinstance(dims, ShapeTuple):
                dims = dims.items
            return tuple(dims) if isinstance(dims, (tuple, list)) else UNKNOWN
        if name == "stack":
            return numpy_api.stack(args.get(0, "values"), args.get(1, "axis", 0), loc)
        if name in ("constant", "convert_to_tensor") and isinstance(value, (list, Items)):
            value = numpy_api.call("asarray", Args([value]), loc)
        if not isinstance(value, Array):
            return UNKNOWN
        if name in ("constant", "convert_to_tensor", "cast"):
            dtype = numpy_api.dtype_of(args.get(1, "dtype")) or value.dtype
            return replace(value, name=None, dtype=dtype, loc=loc)
        if name == "reshape":
            return numpy_api.reshape(value, [args.get(1, "shape")], loc)
        if name == "expand_dims":
            return numpy_api.expand_dims(value, args.get(1, "axis"), loc)
        if name == "squeeze":
            return numpy_api.squeeze(value, args.get(1, "axis"), loc)
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
            names = positional(kind)
        config = {
            name: self.graph.parameter(name, value)
            for name, value in zip(names, args.positional, strict=False)
        }
        for name, value in args.keywords.items():
            config[name] = self.graph.parameter(name, value)
        return config

    def _set_image_format(self, path: str, args: Args) -> None:
        """``keras.config.set_image_data_format("channels_first")`` (and the backend's, and
        Keras 2's ``set_image_dim_ordering("th")``): the layers made from now on without a
        ``data_format`` take it; unknown when the value is, or when it is set in a branch to
        another value than the current one."""
        value = args.get(0, "data_format" if "data_format" in path else "dim_ordering", MISSING)
        if path.endswith("dim_ordering"):
            value = {"th": "channels_first", "tf": "channels_last"}.get(value, UNKNOWN)  # type: ignore[arg-type]
        elif value not in ("channels_first", "channels_last"):
            value = UNKNOWN
        current = self.graph.image_data_format or "channels_last"
        if self.branches.level and value != current:
            value = UNKNOWN
        self.graph.image_data_format = value

    def _construct(self, kind: str, args: Args, node: cst.Call) -> Layer:
        """A layer constructor call; arguments we cannot see make the layer opaque."""
        if not args.complete:
            kind = ""
        if kind in ("RNN", "StackedRNNCells"):
            args = cells.with_listed_cells(kind, args)
        config = self._config(kind, args)
        image_format = self.graph.image_data_format
        if (
            image_format is not None
            and config.get("data_format") is None
            and takes_data_format(kind, self.graph.target)
        ):
            config["data_format"] = image_format  # resolved as Keras does, when it is made
        layer = self.graph.layer(kind, config, node, args.keyword_args)
        layer.sizes = self.scope.size_names()
        inner = args.get(0, "cell" if kind == "RNN" else "layer", MISSING)
        if kind == "TimeDistributed" and isinstance(inner, Instance) and inner.cls.keras == "layer":
            # Keras 3's TimeDistributed asks the layer's compute_output_shape
            if inner.cls.lookup("compute_output_shape") is not None:
                self._wrapped[id(layer)] = (layer, inner)
            else:
                layer.config[NO_OUTPUT_SHAPE] = True
        if kind == "StackedRNNCells":
            self._stacks[id(layer)] = args.get(0, "cells", MISSING)
        if kind == "RNN":
            if _script_layer(inner) and self.object_attribute(inner, "state_size") is None:
                layer.config[NO_STATE_SIZE] = True
            if isinstance(inner, Layer) and id(inner) in self._stacks:
                inner = self._stacks[id(inner)]
            run = cells.script_cells(self, inner)  # type: ignore[arg-type]
            if run is not None:
                self._cells[id(layer)] = (layer, run)
        if kind == "Lambda":
            function = args.get(0, "function", MISSING)
            if isinstance(function, (Function, LambdaFunction)):
                self._lambdas[id(layer)] = (layer, function, args.keywords.get("arguments", {}))
            shape_function = args.get(1, "output_shape", None)
            if isinstance(shape_function, (Function, LambdaFunction)):
                self._lambda_shapes[id(layer)] = shape_function
        return layer

    def _sequential(self, args: Args, node: cst.Call) -> SequentialModel:
        seq = self.graph.sequential(node, self.branches.level)
        layers = args.get(0, "layers")
        if isinstance(layers, (list, tuple)) and args.complete:
            for item in layers:
                self._add_layer(seq, item, node)
        elif layers is not None or not args.complete:
            self.graph.add_unknown(seq, node)
        return seq

    def _add_layer(
        self, seq: SequentialModel, item: Value, call: cst.Call, added_by: cst.Call | None = None
    ) -> None:
        """``item`` appended to ``seq``; a custom layer's ``call()`` runs on the model's
        output so far, as Keras runs it when it builds the model."""
        if isinstance(item, Instance) and item.cls.keras == "layer":
            x = self.graph.sequential_output(seq)
            with self.placing(item.placer):
                result = self.call_object(item, Args([x], positional_exprs=[None]), item.call)
            if isinstance(result, TensorRef):
                self.graph.add_output(seq, self.graph.instance_layer(item), result)
                return
        if isinstance(item, Layer) and item.kind == "Lambda" and id(item) in self._lambdas:
            x = self.graph.sequential_output(seq)
            result = self._apply_lambda(item, Args([x], positional_exprs=[None]), call)
            if isinstance(result, TensorRef):
                self.graph.add_output(seq, item, result)
                return
        cell = self._cells.get(id(item)) if isinstance(item, Layer) else None
        if cell is not None and cell[0] is item:
            x = self.graph.sequential_output(seq)
            args = Args([x], positional_exprs=[None])
            result = cells.apply_over_cells(self, item, cell[1], args, call)  # type: ignore[arg-type]
            if isinstance(result, TensorRef):
                self.graph.add_output(seq, item, result)
                return
        if isinstance(item, Layer) and _requires_more_than_input(item.kind):
            x = self.graph.sequential_output(seq)  # Keras 3 calls it on its one input
            self._check_arguments(item, Args([x], positional_exprs=[None]), call, sequential=True)
        self.graph.add(seq, item, call, added_by=added_by)

    def _merge(self, kind: str, helper: str, args: Args, node: cst.Call) -> Value:
        """``concatenate([a, b], axis=...)``: a merge layer applied at once."""
        names = MERGE_HELPERS[helper][1]
        config_args = Args(
            args.positional[1:], {k: v for k, v in args.keywords.items() if k != "inputs"}
        )
        layer = self.graph.layer(kind, self._config(kind, config_args, names[1:]), node, {})
        return self._apply(layer, args, node)

    def _check_arguments(
        self, layer: Layer, args: Args, node: cst.Call, sequential: bool = False
    ) -> None:
        """What Keras 3 refuses in the arguments of a ``keras.layers`` class's call (or in
        the one input a Sequential model gives it, when ``sequential``)."""
        found = call_spec(layer.kind)
        if found is None:
            return
        signature = None if found.parameters is None else Signature.parse(found.parameters)
        call_arguments.check(
            self.graph,
            lambda: layer.label,
            signature,
            args,
            node,
            takes_data=found.takes_data,
            built_in=True,
            model=self.building,
            kind=layer.kind,
            sequential=sequential,
        )

    def _apply(self, layer: Layer, args: Args, node: cst.Call) -> Value:
        """``layer(inputs, initial_state=...)``: a new node (the nodes its function makes, for
        a ``Lambda`` whose function seqlint can follow)."""
        if layer.kind == "Lambda" and id(layer) in self._lambdas:
            result = self._apply_lambda(layer, args, node)
            if result is not MISSING:
                return result
        if layer.kind == "TimeDistributed":
            result = self._apply_on_steps(layer, args, node)
            if result is not MISSING:
                return result
        cell = self._cells.get(id(layer))
        if cell is not None and cell[0] is layer:
            result = cells.apply_over_cells(self, layer, cell[1], args, node)  # type: ignore[arg-type]
            if result is not MISSING:
                return result
        options = {
            name: self.graph.parameter(name, value)
            for name, value in args.keywords.items()
            if call_option(layer.kind, name)
        }
        if options:  # return_attention_scores=True, reverse=True: this call's outputs
            layer = replace(layer, config={**layer.config, **options})
        if takes_query_value(layer.kind):  # mha(query, value, key)
            tensors = [args.get(i, name, MISSING) for i, name in enumerate(QUERY_VALUE)]
            count = tensors.index(MISSING) if MISSING in tensors else len(tensors)
            first = tensors[0]
            if count == 1 and isinstance(first, (list, tuple)) and _holds_tensors(first):
                refs = tuple(self._tensor(t, None, node) for t in first)  # mha([q, v])
                return self.graph.apply(layer, refs, True, (), node)
            if count < 2 or any(t is not MISSING for t in tensors[count:]):
                return UNKNOWN
            refs = tuple(
                self._tensor(t, args.expr(i, QUERY_VALUE[i]), node)
                for i, t in enumerate(tensors[:count])
            )
            keywords = self._attention_masks(layer, refs, args, node)
            output = self.graph.apply(layer, refs, False, (), node, keywords)
            self.masks.after_layer(layer, refs, False, output, node)
            return output
        inputs = args.get(0, "inputs", MISSING)
        if inputs is MISSING:
            return UNKNOWN
        if layer.kind == "TextVectorization" and not _holds_tensors(inputs):
            return text_api.vectorize(layer, inputs, self._loc(node))  # run on data
        expr = args.expr(0, "inputs")
        if isinstance(inputs, (list, tuple)):
            exprs: list[cst.BaseExpression | None] = [None] * len(inputs)
            if isinstance(expr, (cst.List, cst.Tuple)) and len(expr.elements) == len(inputs):
                exprs = [element.value for element in expr.elements]
            refs = tuple(
                self._layer_input(layer, v, e, node) for v, e in zip(inputs, exprs, strict=True)
            )
            as_list = True
        else:
            refs = (self._layer_input(layer, inputs, expr, node),)
            as_list = False
        given = cells.states_given(layer.kind, args)
        if given is None:
            given_states = args.keywords.get("initial_state")
            if _second_parameter(layer.kind) == "initial_state":
                given_states = args.get(1, "initial_state", None)
        states = self._states(given_states if given is None else given, layer, node)
        keywords: tuple[tuple[str, TensorRef | None], ...] = ()
        if as_list and canonical(layer.kind) in ("Attention", "AdditiveAttention"):
            keywords = self._list_attention_masks(refs, args.keywords.get("mask", MISSING))
        output = self.graph.apply(layer, refs, as_list, states, node, keywords)
        if given is not None:
            return cells.cell_outputs(layer.kind, output, given)
        if "mask" in args.keywords:
            return output  # a mask given by hand: what the layer hands on is not followed
        self.masks.after_layer(layer, refs, as_list, output, node)
        return output

    def _attention_masks(
        self, layer: Layer, refs: tuple[TensorRef, ...], args: Args, node: cst.Call
    ) -> tuple[tuple[str, TensorRef | None], ...]:
        """The ``attention_mask`` of a ``mha(query, value, key)`` call, and the masks Keras
        hands it for its tensors: ``<name>_mask`` given by hand, else the tensor's Keras mask
        (MultiHeadAttention reads the query's own mask whatever it is given)."""
        found: list[tuple[str, TensorRef | None]] = []
        given = args.keywords.get("attention_mask", None)
        if given is not None:
            found.append(("attention_mask", self._mask_tensor(given, node)))
        for name, ref in zip(QUERY_VALUE, refs, strict=False):
            mask = args.keywords.get(f"{name}_mask", None)
            if mask is None or (name == "query" and layer.kind == "MultiHeadAttention"):
                mask = self.masks.of(ref)
            if mask is not None:
                found.append((f"{name}_mask", self._mask_tensor(mask, node)))
        return tuple(found)

    def _list_attention_masks(
        self, refs: tuple[TensorRef, ...], given: Value
    ) -> tuple[tuple[str, TensorRef | None], ...]:
        """``Attention()([query, value, key], mask=...)``: the masks of the query, value and
        key, as given or as Keras gathers them from the tensors; () when given otherwise."""
        if given is MISSING or given is None:
            masks = self.masks.of(list(refs))
        elif isinstance(given, (list, tuple)) and len(given) == len(refs):
            masks = list(given)
        else:
            return ()
        return tuple(
            (f"{name}_mask", mask if isinstance(mask, TensorRef) else None)
            for name, mask in zip(QUERY_VALUE, masks, strict=False)
            if mask is not None
        )

    def _mask_tensor(self, value: Value, node: cst.Call) -> TensorRef | None:
        """A mask as a node input: a tensor, an array as a constant; None when unknown."""
        if isinstance(value, TensorRef):
            return value
        if isinstance(value, Array):
            return self.tensors.constant(value, node)
        return None

    def _apply_on_steps(self, layer: Layer, args: Args, node: cst.Call) -> Value:
        """``TimeDistributed(Lambda(fn))(x)`` (or of a custom layer of the script with its own
        ``compute_output_shape``, which Keras 3 requires there): the wrapped layer run on the
        steps of ``x`` (a ``TimeSteps`` node), its output given the time axis back by the
        TimeDistributed node, all one summary row; MISSING when the wrapped layer cannot be
        run so."""
        inner = layer.get("layer")
        wrapped = self._wrapped.get(id(layer))
        instance = wrapped[1] if wrapped is not None and wrapped[0] is layer else None
        lambda_ = isinstance(inner, Layer) and inner.kind == "Lambda" and id(inner) in self._lambdas
        x = args.get(0, "inputs", MISSING)
        if not (lambda_ or instance is not None) or not isinstance(x, TensorRef):
            return MISSING
        if set(args.keywords) - {"training"} or not args.complete:
            return MISSING
        group = self.graph.begin_call("TimeDistributed", (x,), node, layer.label)
        result: Value = MISSING
        try:
            steps = Layer("TimeSteps", {}, self._loc(node), layer.label)
            step = self.graph.node(steps, (x,), node)
            given = Args([step], positional_exprs=[None])
            if instance is not None:
                out = self.call_object(instance, given, node)
            else:
                out = self._apply_lambda(inner, given, node)
            if isinstance(out, TensorRef):
                result = self.graph.apply(layer, (x, out), False, (), node)
        finally:
            made = result if isinstance(result, TensorRef) else None
            ended = self.graph.end_call(group, made, node)
        return ended if isinstance(ended, TensorRef) else MISSING

    def asks_declaration(self, group: LayerCall) -> bool:
        """Whether Keras builds what follows the call ``group`` from the layer's declared
        output (``compute_output_shape``, a Lambda's ``output_shape``): only for a call on
        symbolic tensors. Inside another layer's or a subclassed model's ``call()`` Keras runs
        the call itself."""
        return self.graph.in_call is group and self.building is None

    def _apply_lambda(self, layer: Layer, args: Args, node: cst.Call) -> Value:
        """``Lambda(fn)(x)``: ``fn(x, **arguments)`` run on the tensors, its nodes one
        summary row; MISSING when it does not give tensors back."""
        owner, function, arguments = self._lambdas[id(layer)]
        inputs = args.get(0, "inputs", MISSING)
        if owner is not layer or not _holds_tensors(inputs) or not isinstance(arguments, dict):
            return MISSING
        refs = tuple(v for v in (inputs if isinstance(inputs, (list, tuple)) else [inputs]))
        group = self.graph.begin_call("Lambda", refs, node, layer.label)
        declared = layer.get("output_shape")  # one sample's shape: Keras builds what follows for it
        symbolic = self.asks_declaration(group)
        if symbolic and isinstance(declared, (tuple, list)):
            group.declared = (None, *declared)
        elif symbolic and id(layer) in self._lambda_shapes:  # Keras calls it with the input shape
            group.declared, group.declared_at = self._declared_by(
                self._lambda_shapes[id(layer)], inputs, node
            )
        result: Value = UNKNOWN
        try:
            result = self.call_value(function, Args([inputs], dict(arguments), [None]), node)
            if isinstance(group.declared, tuple):
                result = self.graph.stand_in(group, result, node)
        finally:
            result = self.graph.end_call(group, result if _holds_tensors(result) else None, node)
        return result if _holds_tensors(result) else MISSING

    def _declared_by(
        self, function: Function | LambdaFunction, inputs: Value, node: cst.Call
    ) -> tuple[Value, Loc | None]:
        """What a Lambda's ``output_shape`` function returns for the shape of ``inputs`` (a
        whole shape, the batch axis first), and the return statement that gave it."""
        self.last_return = None
        value = self.call_value(function, Args([self.input_shape_of(inputs)]), node)
        if isinstance(value, ShapeTuple):
            value = value.items
        value = self.graph.export(value)
        return (value, self.last_return) if isinstance(value, tuple) else (None, None)

    def input_shape_of(self, x: Value) -> Value:
        """The shape Keras hands ``build`` or ``compute_output_shape`` for ``x``."""
        return UNKNOWN

    def _tensor(self, value: Value, expr: cst.BaseExpression | None, call: cst.Call) -> TensorRef:
        """``value`` used as a tensor: an opaque node when it does not come from a layer."""
        if isinstance(value, TensorRef):
            return value
        ref = self.graph.opaque(expr if expr is not None else call, self.cause_of(expr))
        if isinstance(expr, cst.Name) and (value is UNKNOWN or isinstance(value, Sym)):
            self.assign(expr.value, ref)  # later uses share the node
        return ref

    def _states(self, value: Value, layer: Layer, call: cst.Call) -> tuple[TensorRef, ...]:
        value = cells.listed(value)
        if isinstance(value, (list, tuple)):
            return tuple(self._layer_input(layer, v, None, call) for v in value)
        if value is None:
            return ()
        return (self._layer_input(layer, value, None, call),)

    def _layer_input(
        self, layer: Layer, value: Value, expr: cst.BaseExpression | None, call: cst.Call
    ) -> TensorRef:
        """A tensor given to a ``keras.layers`` class: an array of the script (``np.zeros``,
        ``tf.random.normal``...) is a constant of its shape, as Keras runs the layer on it
        eagerly; anything else as :meth:`_tensor` makes it."""
        if isinstance(value, Array) and value.shape is not None and call_spec(layer.kind):
            return self.tensors.constant(value, expr if expr is not None else call)
        return self._tensor(value, expr, call)

    # -- methods --------------------------------------------------------------------------------

    def _method(self, receiver: Value, name: str, args: Args, node: cst.Call) -> Value:
        if isinstance(receiver, (SequentialModel, FunctionalModel)) and name in TRAINING_METHODS:
            params = TRAINING_METHODS[name]
            named = {**dict(zip(params, args.positional, strict=False)), **args.keywords}
            named = {key: _frames_as_arrays(value) for key, value in named.items()}
            if "x" in named:
                named["x"] = self._as_fed(named["x"], node)
            if name == "compile" and "loss" in named:
                named["loss"] = self._custom_losses(named["loss"])
            self.graph.training_call(name, receiver, named, node, self.data_cause(named, args))
            if name == "fit":
                self._validation_call(receiver, named, node)
            if name in ("predict", "predict_on_batch"):
                return self._predicted(receiver, named.get("x"), node)
            return UNKNOWN
        if isinstance(receiver, _OBJECTS):
            return self.object_method(receiver, name, args, node)
        data = self._data_method(receiver, name, args, node)
        if data is not MISSING:
            return data
        if isinstance(receiver, SequentialModel):
            return self._sequential_method(receiver, name, args, node)
        if isinstance(receiver, Layer) and name == "get_initial_state":
            given = args.get(0, "inputs", args.keywords.get("batch_size", MISSING))
            self.graph.initial_state_call(receiver, given, node)
        if isinstance(receiver, Layer):
            return _layer_method(receiver, name)
        if isinstance(receiver, FunctionalModel):
            return UNKNOWN
        if isinstance(receiver, Array):
            changed = numpy_api.in_place(receiver, name, args)
            if changed is not None:
                self.replace(receiver, changed)
                return None
            if name == "reshape" and self._reshape_fails(
                receiver, args.positional or [args.keywords.get("shape")], node.func, node
            ):
                return Array(None, loc=self._loc(node))
            return numpy_api.method(receiver, name, args, self._loc(node))
        if isinstance(receiver, dict) and name == "get":
            key = args.get(0, "key")
            if _hashable(key):
                return receiver.get(key, args.get(1, "default"))
            found = vocabulary.ids(receiver, self._loc(node))
            return vocabulary.with_default(found, args.get(1, "default"), self._loc(node))
        if isinstance(receiver, WordIds):
            return self._word_ids_method(receiver, name, args, node)
        if (
            isinstance(receiver, list)
            and name in _LIST_MUTATORS
            or (isinstance(receiver, dict) and name in _DICT_MUTATORS)
        ):
            return self._mutate(receiver, name, args, node)
        if name in _DICT_MUTATORS:
            self.vocabulary_changed(receiver)  # ``tokenizer.word_index.update(...)``
        if name in TRAINING_METHODS and isinstance(node.func, cst.Attribute):
            self._unfollowed(receiver, node.func.value, node)
        self.escape(args, node)
        return UNKNOWN

    def _reshape_fails(
        self, array: Array, shape: list[Value], expr: cst.BaseExpression | None, node: cst.Call
    ) -> bool:
        """Records a reshape numpy rejects (:func:`numpy_api.reshape_misfit`); ``expr`` is the
        array's expression (``X`` of ``X.reshape(...)``), whose variable names its sizes."""
        if isinstance(expr, cst.Attribute):
            expr = expr.value  # ``X.reshape`` -> ``X``
        origin = source_text(expr) if expr is not None else "the array"
        if array.name is not None and array.name == origin:
            array = numpy_api.named_sizes(array, origin)
        target = numpy_api.reshape_misfit(array, shape)
        if target is None:
            return False
        self.graph.ir.array_reshapes.append(ArrayReshape(array, target, origin, self._loc(node)))
        return True

    def _predicted(
        self, model: SequentialModel | FunctionalModel, x: Value, node: cst.Call
    ) -> Value:
        """What ``model.predict(x)`` returns: an array ``(samples, *output shape after the
        batch axis)`` per model output, when ``x`` is arrays as the model declares its
        inputs (a Sequential model run on other data may compute other shapes)."""
        data = list(x) if isinstance(x, (list, tuple)) else [x]
        if not data or not all(isinstance(a, Array) and a.shape for a in data):
            return UNKNOWN
        if isinstance(model, SequentialModel):
            entry = model.input_node
            if entry is None or entry.declared_by is None:
                return UNKNOWN
            inputs, outputs = [TensorRef(entry.id)], self.graph.sequential_output(model)
        else:
            inputs, outputs = model.model.inputs, model.model.outputs
            inputs = [inputs] if isinstance(inputs, TensorRef) else inputs
        if not isinstance(inputs, list) or len(inputs) != len(data):
            return UNKNOWN
        for ref, array in zip(inputs, data, strict=True):
            declared = self.tensors.shape(ref).dims if isinstance(ref, TensorRef) else None
            if declared is None or not _as_declared(array.shape, declared):
                return UNKNOWN
        samples, loc = data[0].shape[0], self._loc(node)

        def predicted(ref: TensorRef) -> Array:
            dims = self.tensors.shape(ref).dims
            if not dims:
                return Array(None, dtype="float", loc=loc)
            rest = tuple(UNKNOWN if d is NONE or d is BATCH else d for d in dims[1:])
            return Array((samples, *rest), dtype="float", loc=loc)

        if isinstance(outputs, TensorRef):
            return predicted(outputs)
        if isinstance(outputs, list) and all(isinstance(r, TensorRef) for r in outputs):
            return [predicted(ref) for ref in outputs]
        return UNKNOWN

    def _as_fed(self, x: Value, node: cst.Call) -> Value:
        """Data as a data call takes it: a dataset, ``PyDataset`` or ``Sequence`` as its
        batches; anything else as it is."""
        if isinstance(x, Instance) and x.cls.keras == "dataset":
            x = self._first_batch(x, node)
        return tfdata_api.as_batches(x) if isinstance(x, tfdata_api.Dataset) else x

    def _validation_call(
        self, model: SequentialModel | FunctionalModel, fit: dict[str, Value], node: cst.Call
    ) -> None:
        """``fit(..., validation_data=...)`` evaluates the model on that data after each
        epoch: an ``evaluate`` call of the same line, recorded only when its samples are
        shaped otherwise than the training data's (the same checks would repeat)."""
        data = fit.get("validation_data")
        if isinstance(data, (tuple, list)) and len(data) in (2, 3):
            given = {"x": data[0], "y": data[1]}
        else:
            batches = self._as_fed(data, node)
            if not isinstance(batches, Batches):
                return
            given = {"x": batches}
        size = fit.get("validation_batch_size") or fit.get("batch_size")
        if size is not None:
            given["batch_size"] = size
        if _sample_shapes(given) == _sample_shapes(fit) or _sample_shapes(given) is None:
            return
        self.graph.validation_call(model, given, node)

    def _first_batch(self, sequence: Instance, node: cst.Call) -> Value:
        """A ``keras.utils.PyDataset``/``Sequence`` instance: batches like what its
        ``__getitem__(0)`` returns."""
        getitem = self.object_attribute(sequence, "__getitem__")
        if not isinstance(getitem, BoundMethod):
            return UNKNOWN
        batch = self.call_object(getitem, Args([0], positional_exprs=[None]), node)
        return tfdata_api.yielded([batch], sequence.cls.name, self._loc(node))

    def _custom_losses(self, loss: Value) -> Value:
        """``compile(loss=...)`` with each function of the script that returns a Keras loss
        known as that loss (:mod:`seqlint.frontend.custom_losses`)."""
        if isinstance(loss, (list, tuple)):
            return type(loss)(self._custom_losses(item) for item in loss)
        if isinstance(loss, dict):
            return {key: self._custom_losses(item) for key, item in loss.items()}
        if isinstance(loss, Instance) and loss.cls.keras == "loss":
            return self._subclass_loss(loss)
        if not isinstance(loss, Function):
            return loss
        wraps = custom_losses.wrapped_loss(loss, self._resolver(loss.scope))
        user = self.graph.user_function(loss)
        return user if wraps is None else replace(user, wraps=wraps)

    def _loss_by_name(self, args: Args, node: cst.Call) -> Value:
        """``keras.losses.get("name")``: that loss function, or an instance of that class."""
        name = args.get(0, "identifier")
        found = losses.registered(name) if isinstance(name, str) else None
        if found is None or len(args.values()) != 1:
            return UNKNOWN
        if found in losses.CLASSES:
            return KerasObject(f"losses.{found}", {}, self._loc(node), label_of(node))
        return ExtName(f"keras.losses.{found}")

    def _subclass_loss(self, loss: Instance) -> Value:
        """An instance of a ``keras.losses.Loss`` subclass of the script whose ``call()``
        returns a Keras loss: known as that loss, as Keras calls it; else unknown."""
        found = loss.cls.lookup("call")
        if found is None or not isinstance(found[0], Function):
            return UNKNOWN
        call = found[0]
        scope = Scope(call.scope)
        scope.vars["self"] = loss
        wraps = custom_losses.subclass_loss(call, self._resolver(scope))
        if wraps is None:
            return UNKNOWN
        user = self.graph.user_function(call)
        return replace(user, name=loss.cls.name, params=user.params[1:], subscripts=(), wraps=wraps)

    def _resolver(self, scope: Scope) -> custom_losses.Resolve:
        """Evaluates names, Keras constructors and constants in ``scope``; nothing that runs
        code of the script."""

        def resolve(expr: cst.BaseExpression) -> Value:
            if isinstance(expr, cst.Call) and not isinstance(resolve(expr.func), ExtName):
                return UNKNOWN
            if not isinstance(expr, (cst.Call, cst.Name, cst.Attribute, cst.BaseNumber)):
                return UNKNOWN
            saved, self.scope = self.scope, scope
            try:
                return self.eval(expr)
            finally:
                self.scope = saved

        return resolve

    def data_cause(self, named: dict[str, Value], args: Args) -> UnresolvedImport | None:
        """The unresolved import the unknown data ``x`` of a training call comes from."""
        x = named.get("x")
        if x is UNKNOWN or isinstance(x, Sym):
            return self.cause_of(args.expr(0, "x"))
        return None

    def _unfollowed(self, receiver: Value, expr: cst.BaseExpression, node: cst.Call) -> None:
        """``model.fit(...)`` on a model that an unresolved import made: said once."""
        cause = self.cause_of(expr) if receiver is UNKNOWN or isinstance(receiver, Sym) else None
        if cause is None or cause.whole and isinstance(expr, cst.Name) and expr.value == cause.name:
            return  # ``re.compile(...)``: a function of the module itself
        what = f"model `{source_text(expr)}`"
        if all(u.what != what or u.cause != cause for u in self.graph.ir.unfollowed):
            self.graph.ir.unfollowed.append(Unfollowed(self._loc(node), what, cause))

    def _data_method(self, receiver: Value, name: str, args: Args, node: cst.Call) -> Value:
        """Methods of data-preparation objects (scalers, tokenizers, datasets); MISSING
        for another receiver."""
        loc = self._loc(node)
        if isinstance(receiver, sklearn_api.Transformer):
            fitted = sklearn_api.fitted(receiver, name, args, loc)
            if fitted is not receiver:
                self.replace(receiver, fitted)  # type: ignore[arg-type]
            given = sklearn_api.feature_mismatch(fitted, name, args)
            if given is not None:
                self._scaler_mismatch(fitted, name, given, args, node)
                return UNKNOWN
            return sklearn_api.method(fitted, name, args, loc)
        if isinstance(receiver, (pandas_api.Frame, pandas_api.Column)):
            if isinstance(receiver, pandas_api.Frame) and (
                args.keywords.get("inplace", False) is not False or name in _FRAME_MUTATORS
            ):
                self.replace(receiver, pandas_api.changed(receiver))  # type: ignore[arg-type]
                return UNKNOWN
            return pandas_api.method(receiver, name, args, loc)
        if isinstance(receiver, text_api.Tokenizer):
            used = text_api.fitted(receiver, name)
            if used is not receiver:
                self.replace(receiver, used)  # type: ignore[arg-type]
            origin = source_text(node.func.value) if isinstance(node.func, cst.Attribute) else ""
            if origin and not self.claim(f"{origin}.word_index", ("tokenizer", receiver.ident)):
                origin = ""  # the name of another tokenizer's vocabulary: ids not named
            return text_api.method(receiver, name, args, loc, origin)
        if isinstance(receiver, tfdata_api.Dataset):
            return tfdata_api.method(receiver, name, args, loc, self._call_on(node))
        if isinstance(receiver, Batches):  # a windows dataset passed through the pipeline
            if name in ("prefetch", "cache", "shuffle", "repeat"):
                return receiver
            if receiver.maker != "timeseries_dataset_from_array":
                return UNKNOWN
            dataset = tfdata_api.from_batches(receiver, receiver.loc)
            return tfdata_api.method(dataset, name, args, loc, self._call_on(node))
        if name == "to_numpy" and (isinstance(receiver, Sym) or receiver is UNKNOWN):
            return Array(None, loc=loc)  # a pandas frame's array, shape unknown
        return MISSING

    def _scaler_mismatch(
        self,
        scaler: sklearn_api.Transformer,
        method: str,
        given: int,
        args: Args,
        node: cst.Call,
    ) -> None:
        """Records a ``transform``/``inverse_transform`` scikit-learn rejects."""
        data, expr = pandas_api.as_array(args.get(0, "X")), args.expr(0, "X")
        assert isinstance(data, Array) and scaler.fitted_at is not None
        origin = source_text(expr) if expr is not None else "X"
        self.graph.ir.scaler_features.append(
            ScalerFeatures(
                scaler.kind,
                method,
                scaler.features,
                given,
                scaler.fitted_at,
                data,
                origin,
                self._loc(node),
            )
        )

    def _call_on(self, node: cst.Call) -> tfdata_api.Caller:
        def call(fn: Value, positional: list[Value]) -> Value:
            if not isinstance(fn, (Function, LambdaFunction)):
                return UNKNOWN
            return self.call_value(
                fn, Args(list(positional), positional_exprs=[None] * len(positional)), node
            )

        return call

    def _sequential_method(
        self, seq: SequentialModel, name: str, args: Args, node: cst.Call
    ) -> Value:
        certain = self.branches.level == seq.level and args.complete
        if name == "add":
            layer = args.get(0, "layer", MISSING)
            if certain and layer is not MISSING:
                self._add_layer(seq, layer, node, added_by=node)
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

    def _word_ids_method(self, words: WordIds, name: str, args: Args, node: cst.Call) -> Value:
        """Methods of a vocabulary of unknown words: ``get`` gives an id; ``setdefault`` at
        ``len(d) + c`` grows it (opaque once grown twice: see :func:`vocabulary.counted`);
        any other change makes it opaque."""
        if name == "get" and args.complete and not args.keywords:
            found = vocabulary.ids(words, self._loc(node))
            return vocabulary.with_default(found, args.get(1, "default"), self._loc(node))
        if name == "setdefault":
            grown = self._counting(words, args, node)
            if grown is words:  # the same counting run again (an unrolled outer loop)
                return vocabulary.ids(words, self._loc(node))
        if name in _DICT_MUTATORS:
            self.replace(words, WordIds.opaque())
            self.escape(args, node)
            return UNKNOWN
        if name not in ("keys", "values", "items", "copy", "__contains__"):
            self.escape(args, node)
        return UNKNOWN

    def _counting(self, container: dict | WordIds, args: Args, node: cst.Call) -> WordIds | None:
        """``d.setdefault(word, len(d) + c)`` with ``word`` unknown: ``d`` grows into a
        vocabulary of ids ``[c, len(d) + c)`` (None: not that pattern)."""
        receiver = node.func.value if isinstance(node.func, cst.Attribute) else None
        if receiver is None or not args.complete or _hashable(args.get(0, "key")):
            return None
        offset = vocabulary.counting_offset(args.expr(1, "default"), receiver)
        if offset is None:
            return None
        return self.counted(container, offset, source_text(receiver), node)

    def _mutate(self, container: list | dict, name: str, args: Args, node: cst.Call) -> Value:
        """A list/dict method that changes the container: the result is rebound to the names
        holding it (containers are values, never changed in place); unknown if we cannot."""
        updated: list | dict | WordIds | None = None
        if isinstance(container, dict) and name == "setdefault":
            key, default = args.get(0, "key", MISSING), args.get(1, "default")
            if _hashable(key) and _hashable(default) and args.complete:  # set unless there
                if key not in container:
                    self.replace(container, {**container, key: default})
                return container.get(key, default)
            updated = self._counting(container, args, node)
            if updated is not None:
                self.replace(container, updated)
                return vocabulary.ids(updated, self._loc(node))
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

    def claim(self, name: str, owner: object) -> bool:
        """Whether the size name ``name`` names ``owner`` (it does once first claimed)."""
        return self.claims.setdefault(name, owner) == owner

    def counted(self, container: Value, offset: int, receiver: str, site: cst.CSTNode) -> WordIds:
        """:func:`vocabulary.counted` by the statement ``site``, opaque when another
        vocabulary has the same name (a helper that builds ``word2idx`` called twice). The
        same statement counting into it again (an unrolled outer loop runs it once per
        item) keeps it: its ids are still every int of ``[offset, offset + len)``."""
        if isinstance(container, WordIds):
            grown_at = self.counted_at.get(id(container))
            if grown_at is not None and grown_at[1] is site:
                return container
        grown = vocabulary.counted(container, offset, receiver)
        if grown.known and not self.claim(str(grown.size), grown):
            return WordIds.opaque()
        if grown.known:
            self.counted_at[id(grown)] = (grown, site)
        return grown

    def vocabulary_changed(self, value: Value) -> None:
        """``value`` is changed in place: when it is a tokenizer's vocabulary
        (``tokenizer.word_index``, bound to a name or not), every tokenizer in sight becomes
        stale and the names holding it opaque (their size no longer names the ids made)."""
        owner, dot, attribute = (
            value.name.rpartition(".") if isinstance(value, Sym) else ("", "", "")
        )
        if not (owner and dot and attribute in TOKENIZER_VOCABULARIES):
            return
        self.replace(value, WordIds.opaque())  # type: ignore[arg-type]
        scopes: list[Scope] = [i.attrs for i in getattr(self, "instances", ())]
        scope: Scope | None = self.scope
        while scope is not None:
            scopes.append(scope)
            scope = scope.parent
        for held in scopes:
            for item in list(held.vars.values()):
                if isinstance(item, text_api.Tokenizer) and not item.stale:
                    self.replace(item, replace(item, stale=True))  # type: ignore[arg-type]

    def replace(self, container: list | dict | Array, replacement: Value) -> None:
        """Rebind every visible variable holding this very container to ``replacement``."""
        scope: Scope | None = self.scope
        while scope is not None:
            for name in [name for name, v in scope.vars.items() if v is container]:
                self.branches.record(scope, name)
                scope.vars[name] = replacement
            scope = scope.parent


_OBJECTS = (Instance, UserClass, Super)  # the module's classes, their instances, ``super()``
_PANDAS = (pandas_api.Frame, pandas_api.Column, pandas_api.Indexer)
_FRAME_MUTATORS = frozenset({"insert", "pop", "update", "__setitem__", "__delitem__"})
# libraries whose functions never change a frame given to them
_DATA_LIBRARIES = ("numpy.", "pandas.", "sklearn.", "tensorflow.", "keras.", "matplotlib.")
_MAX_COUNT = 2**40  # more items than any data set: unknown
_MAX_KEYED = 1000  # a set or dict comprehension runs per item over at most this many
_MAX_LISTED = 1000  # a range() of at most this many ints also lists them (loops unroll them)
_COUNTER = object()  # the items of a range(): ints of unknown value

_TF_FIRST = {
    "one_hot": "indices",
    "cast": "x",
    "reshape": "tensor",
    "constant": "value",
    "convert_to_tensor": "value",
}  # else "input"


def _as_declared(data: tuple, declared: tuple) -> bool:
    """Data of this shape reaches an input declared ``declared`` (batch axis first) as it
    is, or with the trailing axis of 1 that Keras adds or squeezes."""
    if len(data) + 1 == len(declared) and declared[-1] == 1:
        declared = declared[:-1]
    elif len(data) == len(declared) + 1 and data[-1] == 1:
        data = data[:-1]
    return len(data) == len(declared) and not any(
        differ(a, b) for a, b in zip(data[1:], declared[1:], strict=True)
    )


def _layer_method(layer: Layer, name: str) -> Value:
    """``lookup.vocabulary_size()`` of a lookup whose vocabulary the source lists; after
    ``set_vocabulary(...)`` its vocabulary is unknown (Keras replaces it)."""
    if name == "set_vocabulary" and "vocabulary" in layer.config:
        layer.config["vocabulary"] = UNKNOWN
    elif name == "vocabulary_size":
        indices = index_range(layer)
        if indices is not None and indices.vocabulary:
            return indices.high
    return UNKNOWN


def _frames_as_arrays(value: Value) -> Value:
    """Frames and columns (also the arguments of a call, or in a list or tuple) as the arrays
    numpy, scikit-learn and Keras make of them."""
    if isinstance(value, Args):
        return replace(
            value,
            positional=[_frames_as_arrays(v) for v in value.positional],
            keywords={k: _frames_as_arrays(v) for k, v in value.keywords.items()},
        )
    if isinstance(value, (list, tuple)):
        return type(value)(pandas_api.as_array(v) for v in value)
    return pandas_api.as_array(value)


_NEW_AXIS = (ExtName("numpy.newaxis"), ExtName("tensorflow.newaxis"))  # both are None


def _op_spellings(spelling: str) -> list[str]:
    """Where to look an op up: its own spelling, then the ``keras.ops`` name that a submodule
    (``keras.ops.numpy.mean``) or ``keras.activations`` re-exports."""
    head, _, name = spelling.rpartition(".")
    if head.startswith("ops.") or head == "activations":
        return [spelling, f"ops.{name}"]
    return [spelling]


def _key(items: list[numpy_api.Index]) -> tuple:
    """Subscript items as the ``key`` of the ``getitem`` op: ``("index", i)``,
    ``("slice", start, stop, step)``, ``("newaxis",)``, ``("ellipsis",)``."""
    key: list[tuple] = []
    for kind, first, second, third in items:
        if (kind, first, second, third) == numpy_api.NEW_AXIS:
            key.append(("newaxis",))
        elif (kind, first, second, third) == numpy_api.ELLIPSIS:
            key.append(("ellipsis",))
        elif kind == "slice":
            key.append(("slice", first, second, third))
        else:
            key.append(("index", first))
    return tuple(key)


def _item_at(items: Items, index: numpy_api.Index) -> Value:
    """``items[i]`` (any item looks like the others) and ``items[a:b]``."""
    kind, first, _, _ = index
    if items.item is _COUNTER:
        return UNKNOWN
    if kind == "index" and isinstance(first, int) and not isinstance(first, bool):
        count = items.count
        return items.item if not is_known(count) or -count <= first < count else UNKNOWN
    return Items(items.item, UNKNOWN) if kind == "slice" else UNKNOWN


def _item_of(iterable: Value) -> Value:
    """What one iteration over ``iterable`` binds, as far as all its items agree."""
    if isinstance(iterable, Items) and iterable.item is not _COUNTER:
        return iterable.item
    if isinstance(iterable, Array):
        shape = iterable.shape
        return replace(iterable, shape=None if not shape else shape[1:], name=None)
    return UNKNOWN


def _holds_tensors(value: Value) -> bool:
    """A tensor, or a list/tuple of them."""
    if isinstance(value, (list, tuple)):
        return bool(value) and all(isinstance(v, TensorRef) for v in value)
    return isinstance(value, TensorRef)


def _hashable(value: Value) -> bool:
    return arith.is_constant(value) and not isinstance(value, (list, dict))


_SAVERS = frozenset({"json", "pickle", "joblib", "yaml", "np", "numpy", "logging", "logger"})


def _saving(node: cst.CSTNode) -> bool:
    """``json.dump(d, f)`` and the like: a call that writes a value out, never changes it."""
    func = node.func if isinstance(node, cst.Call) else None
    while isinstance(func, cst.Attribute):
        func = func.value
    return isinstance(func, cst.Name) and func.value in _SAVERS


# -- builtins ----------------------------------------------------------------------------------


def length_of(value: Value) -> Value:
    """``len(value)``: a number, a named size (``len(words)``) or unknown."""
    return _len(Args([value]))


def enumerate_start(call: cst.Call) -> int | None:
    """The start of ``enumerate(words)`` / ``enumerate(words, 1)`` / ``enumerate(words,
    start=1)`` whose ``words`` is a plain name or attribute; None for anything else."""
    args = call.args
    if not args or len(args) > 2 or args[0].keyword is not None or args[0].star:
        return None
    if not plain(args[0].value):
        return None
    if len(args) == 1:
        return 0
    second = args[1]
    keyword = second.keyword.value if second.keyword is not None else "start"
    if keyword != "start" or second.star or not isinstance(second.value, cst.Integer):
        return None
    try:
        return int(second.value.value.replace("_", ""), 0)
    except ValueError:
        return None


def plain(expr: cst.BaseExpression) -> bool:
    """A name, an attribute or a constant subscript of one: evaluating it again runs no code."""
    while isinstance(expr, (cst.Attribute, cst.Subscript)):
        if isinstance(expr, cst.Subscript) and not all(
            isinstance(e.slice, cst.Index) and isinstance(e.slice.value, cst.Integer)
            for e in expr.slice
        ):
            return False
        expr = expr.value
    return isinstance(expr, cst.Name)


def _pairs_comprehension(
    node: cst.Call,
) -> tuple[cst.CompFor, cst.BaseExpression, cst.BaseExpression] | None:
    """``dict([(k, v) for ...])`` / ``dict((k, v) for ...)``: the comprehension's clause,
    key and value."""
    if len(node.args) != 1 or node.args[0].keyword is not None or node.args[0].star:
        return None
    comp = node.args[0].value
    if not isinstance(comp, (cst.ListComp, cst.GeneratorExp)):
        return None
    elt = comp.elt
    if not isinstance(elt, cst.Tuple) or len(elt.elements) != 2:
        return None
    if any(isinstance(e, cst.StarredElement) for e in elt.elements):
        return None
    return comp.for_in, elt.elements[0].value, elt.elements[1].value


def _len(args: Args) -> Value:
    value = args.get(0, "obj")
    if isinstance(value, WordIds):
        return value.size if is_known(value.size) or isinstance(value.size, Sym) else UNKNOWN
    if isinstance(value, Array):
        return value.shape[0] if value.shape else UNKNOWN
    if isinstance(value, Items):
        return value.count
    if isinstance(value, Sym) and _SYMBOL_NAME.fullmatch(value.name) and len(value.name) < 55:
        return Sym(f"len({value.name})")  # a named size: len(chars), len(tokenizer.word_index)
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


def _range(args: Args) -> Value:
    """``range(...)`` as the items a loop over it binds: ints, of a known count."""
    values = args.positional
    if not args.complete or args.keywords or not 1 <= len(values) <= 3:
        return UNKNOWN
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        if len(values) == 3 and values[2] == 0:
            return UNKNOWN
        numbers = range(*values)
        count = len(numbers)
        if count <= _MAX_LISTED:
            return Items(_COUNTER, count, values=tuple(numbers))
        return Items(_COUNTER, count if count < _MAX_COUNT else UNKNOWN)
    if len(values) == 1 and isinstance(values[0], Sym):
        return Items(_COUNTER, values[0])
    return Items(_COUNTER, UNKNOWN)


def iterable_counts(iterable: Value) -> bool:
    """``range(...)``: its items are ints of unknown value."""
    return isinstance(iterable, Items) and iterable.item is _COUNTER


def _set_builtin(args: Args) -> Value:
    """``set(values)`` of listed constants: the distinct values, as a tuple (their order is
    not the set's, their count is)."""
    items = sequence_items(args.positional[0]) if len(args.positional) == 1 else None
    if items is None and args.positional and isinstance(args.positional[0], str):
        items = list(args.positional[0])
    if items is None or args.keywords or not all(map(_constant_key, items)):
        return UNKNOWN
    return tuple(dict.fromkeys(items))


def _sorted(args: Args) -> Value:
    """``sorted(values)`` of listed constants of one type."""
    items = sequence_items(args.positional[0]) if len(args.positional) == 1 else None
    if items is None or args.keywords or not all(map(_constant_key, items)):
        return UNKNOWN
    try:
        return sorted(items)
    except TypeError:
        return UNKNOWN


def _constant_key(value: Value) -> bool:
    return isinstance(value, (int, float, str)) and not isinstance(value, bool)


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


_BUILTINS: dict[str, Callable[[Args], Value]] = {
    "len": _len,
    "int": _int,
    "float": _float,
    "tuple": _container(tuple),
    "list": _container(list),
    "max": _extremum(max),
    "min": _extremum(min),
    "abs": _abs,
    "dict": _dict_builtin,
    "print": _none,
    "range": _range,
    "enumerate": _enumerate,
    "zip": _zip,
    "set": _set_builtin,
    "sorted": _sorted,
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
    cst.ListComp: Evaluator._list_comp,
    cst.SetComp: Evaluator._keyed_comp,
    cst.DictComp: Evaluator._keyed_comp,
    cst.Lambda: Evaluator._lambda,
    cst.Yield: Evaluator._yield,
}


def _second_parameter(kind: str) -> str | None:
    """The name of the second positional parameter of the ``call()`` of layer ``kind``."""
    found = call_spec(kind)
    if found is None or found.parameters is None:
        return None
    positional = Signature.parse(found.parameters).positional
    return positional[1][0] if len(positional) > 1 else None


def _requires_more_than_input(kind: str) -> bool:
    """Whether the ``call()`` of the ``keras.layers`` class ``kind`` requires a second
    positional argument (a cell's ``states``, an attention layer's ``value``): Keras 3
    refuses it as a layer of a Sequential model."""
    found = call_spec(kind)
    if found is None or found.parameters is None:
        return False
    required = [
        name for name, default in Signature.parse(found.parameters).positional if not default
    ]
    return len(required) > 1


def _initialized(shape: Value, loc: Loc) -> Array:
    """What an initializer called with ``shape`` makes: float values of that shape."""
    items = tuple(shape) if isinstance(shape, (tuple, list)) else None
    if items is None or not all(is_known(d) or isinstance(d, Sym) for d in items):
        return Array(None, dtype="float", loc=loc)
    return Array(items, dtype="float", loc=loc)


def _script_layer(value: Value) -> bool:
    """A layer class of the script (an instance of it)."""
    return isinstance(value, Instance) and value.cls.keras == "layer"

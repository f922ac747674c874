"""Keras API that some Keras release lacks, found by reading the whole module.

The interpreter runs the module and the functions it calls, but not class
bodies, and old training scripts keep their models in classes
(``self.model = Sequential()`` ... ``self.model.fit_generator(...)``).  This pass
reads every statement, resolves names through the imports that bind them, and
records as a :class:`~seqlint.ir.LegacyUse` each use of Keras API that the
generated API table (:mod:`seqlint.keras_api_table`, the one home of what each
release has) says some covered release lacks; the rules judge each use against
the release the code targets:

- a name imported (``from keras.layers import CuDNNLSTM``, ``from
  tensorflow.keras.layers.recurrent import LSTM``, ``import keras.utils.np_utils``) or
  reached as an attribute (``layers.experimental.preprocessing.TextVectorization``,
  ``K.get_session``);
- a keyword argument of a Keras callable (``LSTM(time_major=True)``, ``Adam(lr=...)``,
  ``ModelCheckpoint(period=5)``);
- a model method, or a keyword of one, on a receiver that provably holds a Keras model: a
  name or attribute chain (``self.model`` across the methods of a class) that every
  assignment in its scope binds to a model, that is a ``Sequential``/``Model``/
  ``load_model`` call, an instance of a ``keras.Model`` subclass of the module (not judged
  for a method the class defines), another such holder, a call of a function or method of
  the module whose every ``return`` gives one (``None`` placeholders aside: a removed method
  fails on them too), or ``self.model`` in a ``keras.callbacks.Callback`` subclass;
- a member read on an optimizer (``model.optimizer.lr``, ``opt.lr`` for ``opt = Adam()``);
- the path given to ``model.save``/``save_weights``, ``save_model`` and ``ModelCheckpoint``;
- in the script's own Keras model and layer classes, ``super().__init__(self)`` and
  ``self.add_weight("name", ...)``.

A name bound by anything but imports (an assignment, a parameter, a ``def``)
is not resolved: a local ``Adam`` is not Keras's.  The interpreter records the
training calls it follows through :func:`note_model_call` as well, for models
passed around as arguments; a use found both ways is recorded once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import libcst as cst

from seqlint import keras_api_table as api
from seqlint.dims import UNKNOWN
from seqlint.frontend.imports import (
    dotted_name,
    from_import_bindings,
    import_bindings,
    keras_path,
    keras_surface,
)
from seqlint.frontend.keras_api import MODEL_FACTORIES, TRAINING_METHODS, role_of
from seqlint.frontend.objects import ExtName
from seqlint.frontend.positions import Positions, source_text
from seqlint.frontend.walk import children
from seqlint.ir import LegacyUse

_MAX_DEPTH = 6  # holders and factories followed through one another
_NOT_OPTIMIZERS = frozenset({"legacy", "experimental", "schedules"})
_NONE = cst.Name("None")
_MODEL_CLASSES = ("models.Model", "models.Sequential")
_OPTIMIZER = "optimizers.Optimizer"
# Calls that save a model or its weights, and where their path goes.
_SAVING_METHODS = frozenset({"save", "save_weights"})
_SAVING_FUNCTIONS = {"models.save_model": 1, "saving.save_model": 1}
_CHECKPOINT = "callbacks.ModelCheckpoint"
_SET_GET = frozenset({"backend.set_value", "backend.get_value"})
# Keyword arguments are judged for the constructors of these packages' classes, and for the
# model methods scripts call (tests/keras/test_api_rows_keras.py proves those rows).
_KEYWORD_PACKAGES = frozenset({"layers", "optimizers", "callbacks"})
_KEYWORD_METHODS = frozenset({*TRAINING_METHODS, "save", "save_weights", "load_weights"})
_TEXT_LIMIT = 2_000  # source text kept for fixes (values, receivers)

Caught = frozenset[str]


class LegacyLog:
    """The uses found so far, each recorded once into ``uses``."""

    def __init__(self, uses: list[LegacyUse], positions: Positions) -> None:
        self.uses = uses
        self.positions = positions
        self._index: dict[tuple[str, str, int], int] = {}

    def record(
        self,
        what: str,
        name: str,
        owner: str,
        node: cst.CSTNode,
        caught: frozenset[str] = frozenset(),
        arguments: tuple[str, ...] = (),
        call: cst.CSTNode | None = None,
        **extra: Any,
    ) -> None:
        """A use at ``node`` (a keyword's ``cst.Arg``, passed to ``call``, for keyword
        uses), recorded once however often it is found; the exceptions handled around it
        accumulate. ``extra`` sets the other fields of :class:`LegacyUse`."""
        key = (what, name, id(node))
        index = self._index.get(key)
        if index is None:
            if "value" not in extra and isinstance(node, cst.Arg):
                extra["value"] = source_text(node.value, _TEXT_LIMIT)
            for loc_field in ("statement",):
                if isinstance(extra.get(loc_field), cst.CSTNode):
                    extra[loc_field] = self.positions.loc(extra[loc_field])
            self._index[key] = len(self.uses)
            call_loc = None if call is None else self.positions.loc(call)
            self.uses.append(
                LegacyUse(
                    what,
                    name,
                    owner,
                    self.positions.loc(node),
                    call=call_loc,
                    arguments=arguments,
                    caught=caught,
                    **extra,
                )
            )
        else:
            found = self.uses[index]
            self.uses[index] = dataclasses.replace(found, caught=found.caught | caught)


def note_model_call(
    log: LegacyLog, method: str, call: cst.Call, caught: Caught = frozenset()
) -> None:
    """``<model>.<method>(...)``: record the method if some release lacks it, and the
    keywords some release of it rejects (and the path of a save)."""
    path = _model_member(method)
    receiver = call.func.value if isinstance(call.func, cst.Attribute) else call.func
    signature = f"models.Model.{method}"
    positional = _latest_positional(signature)
    arguments = _argument_names(call, positional)
    if path is not None and api.ever_absent(path):
        log.record("method", method, source_text(receiver), call, caught, arguments, path=path)
    for arg in call.args:
        if method not in _KEYWORD_METHODS or arg.keyword is None:
            continue
        if api.keyword_ever_rejected(signature, arg.keyword.value):
            name = arg.keyword.value
            log.record("method-keyword", name, method, arg, caught, arguments, call, path=signature)
    if method in _SAVING_METHODS:
        _note_save_path(log, signature, method, call, 0, caught)


def _model_member(method: str) -> str | None:
    """The table path of a model method: on Model, else on Sequential (predict_classes)."""
    for cls in _MODEL_CLASSES:
        path = f"{cls}.{method}"
        if api.kind(path) is not None:
            return path
    return None


def _latest_positional(signature: str) -> tuple[str, ...]:
    """The positional parameters of ``signature`` in the newest release that has it."""
    for version in reversed(api.versions()):
        found = api.signature(signature, version)
        if found is not None:
            return tuple(p for p in found.positional if p != "self")
    return ()


def _argument_names(call: cst.Call, positional: tuple[str, ...]) -> tuple[str, ...]:
    """The parameters ``call`` passes: keywords, positional ones by name (``*`` past the
    known names or after an unpacking), ``*``/``**`` for unpackings."""
    names = []
    position = 0
    for arg in call.args:
        if arg.star:
            names.append(arg.star)
            position = len(positional)  # where later positional arguments land is unknown
        elif arg.keyword is not None:
            names.append(arg.keyword.value)
        else:
            names.append(positional[position] if position < len(positional) else "*")
            position += 1
    return tuple(names)


def _note_save_path(
    log: LegacyLog, callable_: str, owner: str, call: cst.Call, index: int, caught: Caught
) -> None:
    """The path a save call gets (positional ``index`` or ``filepath=``), when its end is
    known, with the literal keywords that decide Keras's check."""
    expr: cst.BaseExpression | None = None
    literals: list[tuple[str, object]] = []
    positional = [arg for arg in call.args if arg.keyword is None and not arg.star]
    if any(arg.star for arg in call.args):
        return  # an unpacking may pass anything
    params = _latest_positional(callable_)
    for position, arg in enumerate(positional):
        if position == index:
            expr = arg.value
        elif position < len(params):
            literals.append((params[position], _literal(arg.value)))
    for arg in call.args:
        if arg.keyword is None:
            continue
        if arg.keyword.value == "filepath":
            expr = arg.value
        else:
            literals.append((arg.keyword.value, _literal(arg.value)))
    if expr is None:
        return
    ends = _path_ends(expr)
    if ends is None:
        return
    head, tail = ends
    log.record(
        "save-path",
        tail,
        owner,
        expr,
        caught,
        call=call,
        path=callable_,
        value=head,
        literals=tuple(literals),
    )


def _literal(expr: cst.BaseExpression) -> object:
    """A constant's value (str, number, bool, None), else ``UNKNOWN``."""
    if isinstance(expr, cst.SimpleString):
        return expr.evaluated_value
    if isinstance(expr, cst.Name) and expr.value in ("True", "False", "None"):
        return {"True": True, "False": False, "None": None}[expr.value]
    if isinstance(expr, (cst.Integer, cst.Float)):
        return expr.evaluated_value
    return UNKNOWN


def _path_ends(expr: cst.BaseExpression) -> tuple[str, str] | None:
    """What is known of a path's text: (its start or "" when not known, its end). A string,
    an f-string ending in text, or ``os.path.join(..., "name")``; None otherwise."""
    if isinstance(expr, cst.SimpleString):
        value = expr.evaluated_value
        return (value, value) if isinstance(value, str) else None
    if isinstance(expr, cst.FormattedString):
        parts = expr.parts
        if not parts or not isinstance(parts[-1], cst.FormattedStringText):
            return None
        head = parts[0].value if isinstance(parts[0], cst.FormattedStringText) else ""
        return head, parts[-1].value
    if isinstance(expr, cst.ConcatenatedString):
        tail = _path_ends(expr.right)
        head = _path_ends(expr.left)
        return None if tail is None else ((head[0] if head else ""), tail[1])
    if (
        isinstance(expr, cst.Call)
        and dotted_name(expr.func) in ("os.path.join", "path.join")
        and expr.args
        and expr.args[-1].keyword is None
        and not expr.args[-1].star
    ):
        last = _path_ends(expr.args[-1].value)
        return None if last is None else ("", last[1])
    return None


def find_legacy_uses(module: cst.Module, source: str, log: LegacyLog) -> dict[str, str]:
    """Record every use of API some Keras release lacks in ``module`` into ``log``; return
    the module-level names bound only by imports, with their qualified names. A source that
    never spells ``keras`` needs no walk."""
    if "keras" not in source:
        return {}
    reader = _Reader()
    reader.read(module)
    _Judge(reader, log).run()
    scope = reader.module
    return {
        name: min(qualnames)
        for name, qualnames in scope.imports.items()
        if len(qualnames) == 1 and scope.only_imports(name)
    }


@dataclass(eq=False)
class _Scope:
    """The module, a function or a class: what it binds, and how."""

    kind: str  # "module" | "function" | "class"
    parent: _Scope | None
    imports: dict[str, set[str]] = field(default_factory=dict)  # name -> qualnames
    others: set[str] = field(default_factory=set)  # parameters, defs, classes, other imports
    # chain ("model", "self.model") -> assigned values, each with the scope it is read in
    assigned: dict[str, list[tuple[cst.BaseExpression | None, _Scope]]] = field(
        default_factory=dict
    )
    functions: dict[str, _Scope] = field(default_factory=dict)  # defs (methods) by name
    classes: dict[str, _Scope] = field(default_factory=dict)  # class bodies by name
    bases: tuple[cst.BaseExpression, ...] = ()  # a class's bases, read in its parent scope
    returns: list[cst.BaseExpression | None] = field(default_factory=list)
    self_name: str | None = None  # a method's first parameter
    owner: _Scope | None = None  # a method's class
    name: str = ""  # a class's or function's name

    def assign(self, chain: str, value: cst.BaseExpression | None, reader: _Scope) -> None:
        self.assigned.setdefault(chain, []).append((value, reader))

    def binds(self, name: str) -> bool:
        return name in self.imports or name in self.others or name in self.assigned

    def only_imports(self, name: str) -> bool:
        return name in self.imports and name not in self.others and name not in self.assigned

    def only_assigns(self, name: str) -> bool:
        return name in self.assigned and name not in self.others and name not in self.imports


# A provable Keras model: the module's classes it may be an instance of (empty for Keras's own
# models); None when not provably a model.
Models = frozenset[_Scope] | None


@dataclass
class _Call:
    node: cst.Call
    scope: _Scope
    caught: Caught


@dataclass
class _Reference:
    node: cst.Attribute
    scope: _Scope
    caught: Caught
    store: bool  # assigned to, not read
    around: cst.Call | None = None  # the call this attribute is the first argument of


@dataclass
class _Import:
    alias: cst.ImportAlias
    qualname: str
    caught: Caught
    statement: cst.Import | cst.ImportFrom
    siblings: tuple[str, ...]


@dataclass(frozen=True)
class _State:
    """On the walk's stack: the scope and handled exceptions to return to."""

    scope: _Scope
    caught: Caught


class _Reader:
    """Collects scopes and bindings, and the imports, attribute chains and calls to judge.

    The walk goes over each node's fields (not through ``CSTVisitor``, which rebuilds
    every node it visits and costs as much as the parse); whitespace and punctuation
    fields are skipped.
    """

    def __init__(self) -> None:
        self.module = _Scope("module", None)
        self.scope = self.module
        self.caught: Caught = frozenset()
        self.imports: list[_Import] = []
        self.calls: list[_Call] = []
        self.references: list[_Reference] = []
        self.class_calls: list[_Call] = []  # super().__init__(self), self.add_weight("w")
        self._stores: set[int] = set()
        self._first_args: dict[int, cst.Call] = {}  # first argument -> its call
        self._stack: list[cst.CSTNode | _State] = []

    def read(self, module: cst.Module) -> None:
        stack = self._stack
        stack.append(module)
        while stack:
            item = stack.pop()
            if type(item) is _State:
                self.scope, self.caught = item.scope, item.caught
                continue
            handler = _HANDLERS.get(type(item))
            if handler is not None and handler(self, item) is False:
                continue
            self._push_children(item)

    def _push_children(self, node: cst.CSTNode) -> None:
        """Push the node's children so that they pop in the order of its fields."""
        self._stack.extend(reversed(children(node)))

    # -- scopes -----------------------------------------------------------------------------

    def _function_def(self, node: cst.FunctionDef) -> None:
        outer = self.scope
        self._stack.append(_State(outer, self.caught))
        outer.others.add(node.name.value)
        scope = _Scope("function", outer, name=node.name.value)
        outer.functions[node.name.value] = scope
        params = node.params
        positional = [*params.posonly_params, *params.params]
        if outer.kind == "class" and positional and not node.decorators:
            scope.self_name = positional[0].name.value
            scope.owner = outer
        for param in (*positional, *params.kwonly_params):
            scope.others.add(param.name.value)
        for star in (params.star_arg, params.star_kwarg):
            if isinstance(star, cst.Param):
                scope.others.add(star.name.value)
        self.scope = scope

    def _class_def(self, node: cst.ClassDef) -> None:
        outer = self.scope
        self._stack.append(_State(outer, self.caught))
        outer.others.add(node.name.value)
        scope = _Scope(
            "class", outer, bases=tuple(arg.value for arg in node.bases), name=node.name.value
        )
        outer.classes[node.name.value] = scope
        self.scope = scope

    def _try(self, node: cst.Try) -> bool:
        """The body is read with the exceptions its handlers catch; the rest without."""
        stack = self._stack
        parts = (*node.handlers, node.orelse, node.finalbody)
        stack.extend(part for part in reversed(parts) if part is not None)
        stack.append(_State(self.scope, self.caught))
        stack.append(node.body)
        self.caught = self.caught | _handled(node.handlers)
        return False

    # -- bindings ---------------------------------------------------------------------------

    def _import(self, node: cst.Import) -> bool:
        """An import binds names; the dotted names in it are not expressions to judge."""
        for name, value in import_bindings(node):
            self._bind_import(name, value)
        for alias in node.names:
            qualname = dotted_name(alias.name)
            if qualname is not None:
                self.imports.append(_Import(alias, qualname, self.caught, node, ()))
        return False

    def _import_from(self, node: cst.ImportFrom) -> bool:
        for name, value in from_import_bindings(node):
            self._bind_import(name, value)
        if isinstance(node.names, cst.ImportStar) or node.relative or node.module is None:
            return False
        module = dotted_name(node.module)
        names = tuple(a.name.value for a in node.names if isinstance(a.name, cst.Name))
        for alias in node.names:
            if module is not None and isinstance(alias.name, cst.Name):
                qualname = f"{module}.{alias.name.value}"
                self.imports.append(_Import(alias, qualname, self.caught, node, names))
        return False

    def _bind_import(self, name: str, value: object) -> None:
        if isinstance(value, ExtName):
            self.scope.imports.setdefault(name, set()).add(value.qualname)
        else:
            self.scope.others.add(name)

    def _assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._target(target.target, node.value)
            self._mark_store(target.target)

    def _ann_assign(self, node: cst.AnnAssign) -> None:
        self._target(node.target, node.value)
        if node.value is not None:
            self._mark_store(node.target)

    def _mark_store(self, target: cst.BaseExpression) -> None:
        if isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._mark_store(element.value)
        elif isinstance(target, cst.Attribute):
            self._stores.add(id(target))

    def _aug_assign(self, node: cst.AugAssign) -> None:
        self._target(node.target, None)

    def _named_expr(self, node: cst.NamedExpr) -> None:
        self._target(node.target, node.value)

    def _for(self, node: cst.For) -> None:
        self._target(node.target, None)

    def _comp_for(self, node: cst.CompFor) -> None:
        self._target(node.target, None)

    def _with_item(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._target(node.asname.name, None)

    def _except_handler(self, node: cst.ExceptHandler) -> None:
        if node.name is not None:
            self._target(node.name.name, None)

    def _del(self, node: cst.Del) -> None:
        self._target(node.target, None)
        self._mark_store(node.target)

    def _global(self, node: cst.Global) -> None:
        for item in node.names:
            self._target(item.name, None)

    def _nonlocal(self, node: cst.Nonlocal) -> None:
        for item in node.names:
            self._target(item.name, None)

    def _lambda(self, node: cst.Lambda) -> None:
        for param in node.params.params:
            self.scope.others.add(param.name.value)

    def _target(self, target: cst.BaseExpression, value: cst.BaseExpression | None) -> None:
        if isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._target(element.value, None)
            return
        if isinstance(target, cst.StarredElement):
            self._target(target.value, None)
            return
        chain = dotted_name(target)
        if chain is None:
            return
        head, _, rest = chain.partition(".")
        scope = self.scope
        if rest and head == scope.self_name and scope.owner is not None:
            scope.owner.assign(f"self.{rest}", value, scope)
            return
        scope.assign(chain, value, scope)

    # -- what is judged ---------------------------------------------------------------------

    def _return(self, node: cst.Return) -> None:
        self.scope.returns.append(node.value or _NONE)

    def _yield(self, node: cst.Yield) -> None:
        self.scope.returns.append(None)  # a generator is not a model factory

    def _call(self, node: cst.Call) -> None:
        func = node.func
        if node.args and node.args[0].keyword is None and not node.args[0].star:
            self._first_args[id(node.args[0].value)] = node
        if not isinstance(func, (cst.Name, cst.Attribute)):
            return
        self.calls.append(_Call(node, self.scope, self.caught))
        if (
            isinstance(func, cst.Attribute)
            and self._in_method()
            and (_is_super_init(func, node, self.scope) or _is_add_weight(func, node, self.scope))
        ):
            self.class_calls.append(_Call(node, self.scope, self.caught))

    def _in_method(self) -> bool:
        return self.scope.self_name is not None and self.scope.owner is not None

    def _attribute(self, node: cst.Attribute) -> bool:
        """A dotted chain is judged whole (its inner attributes are part of it)."""
        if dotted_name(node) is None:
            return True
        store = id(node) in self._stores
        around = self._first_args.get(id(node))
        self.references.append(_Reference(node, self.scope, self.caught, store, around))
        return False


def _is_super_init(func: cst.Attribute, node: cst.Call, scope: _Scope) -> bool:
    """``super().__init__(self, ...)`` / ``super(C, self).__init__(self, ...)``."""
    receiver = func.value
    if func.attr.value != "__init__" or not isinstance(receiver, cst.Call):
        return False
    if not (isinstance(receiver.func, cst.Name) and receiver.func.value == "super"):
        return False
    first = node.args[0] if node.args else None
    return (
        first is not None
        and first.keyword is None
        and not first.star
        and isinstance(first.value, cst.Name)
        and first.value.value == scope.self_name
    )


def _is_add_weight(func: cst.Attribute, node: cst.Call, scope: _Scope) -> bool:
    """``self.add_weight("name", ...)``: the weight's name given first, by position."""
    if func.attr.value != "add_weight" or not isinstance(func.value, cst.Name):
        return False
    if func.value.value != scope.self_name or not node.args:
        return False
    first = node.args[0]
    return (
        first.keyword is None
        and not first.star
        and isinstance(first.value, (cst.SimpleString, cst.FormattedString, cst.ConcatenatedString))
    )


class _Judge:
    """Resolves what the reader collected and records the uses some release lacks."""

    def __init__(self, reader: _Reader, log: LegacyLog) -> None:
        self.reader = reader
        self.log = log

    def run(self) -> None:
        for found in self.reader.imports:
            self._judge_import(found)
        for reference in self.reader.references:
            self._judge_reference(reference)
        for call in self.reader.calls:
            self._judge_call(call)
        for call in self.reader.class_calls:
            self._judge_class_call(call)

    # -- names ------------------------------------------------------------------------------

    def _judge_import(self, found: _Import) -> None:
        path = keras_path(found.qualname)
        if not path:
            return
        surface = keras_surface(found.qualname)
        module, _, name = path.rpartition(".")
        if not (_ever_absent(path, surface) or (module and _ever_absent(module, surface))):
            return
        self.log.record(
            "import",
            name,
            module,
            found.alias,
            found.caught,
            path=path,
            surface=surface,
            qualname=found.qualname,
            statement=found.statement,
            siblings=found.siblings,
        )

    def _judge_reference(self, reference: _Reference) -> None:
        node = reference.node
        chain = dotted_name(node)
        assert chain is not None
        path = self._keras_path(node, reference.scope)
        if path:
            qualname = self._qualname(chain, reference.scope)
            surface = keras_surface(qualname or "")
            if any(_ever_absent(prefix, surface) for prefix in _prefixes(path)):
                self.log.record(
                    "attribute",
                    node.attr.value,
                    path,
                    node,
                    reference.caught,
                    path=path,
                    surface=surface,
                    qualname=qualname or "",
                    value=chain,
                )
            return
        current: cst.BaseExpression = node
        outermost = True
        while isinstance(current, cst.Attribute):
            if not (outermost and reference.store):
                self._member(current, reference, reference.around if outermost else None)
            current, outermost = current.value, False

    def _member(self, node: cst.Attribute, reference: _Reference, around: cst.Call | None) -> None:
        """``<optimizer>.<attr>`` read, where some release's optimizers lack ``attr``."""
        member = f"{_OPTIMIZER}.{node.attr.value}"
        if node.attr.value.startswith("_") or not api.ever_absent(member):
            return
        if not self._is_optimizer(node.value, reference.scope, 0):
            return
        extra: dict[str, Any] = {"path": member}
        call: cst.Call | None = None
        if around is not None and self._keras_path(around.func, reference.scope) in _SET_GET:
            call = around
            setter = self._keras_path(around.func, reference.scope) == "backend.set_value"
            value = around.args[1] if setter and len(around.args) == 2 else None
            extra["qualname"] = "backend.set_value" if setter else "backend.get_value"
            if value is not None and value.keyword is None and not value.star:
                extra["value"] = _text(value.value)
        receiver = _text(node.value) or source_text(node.value)
        self.log.record(
            "member", node.attr.value, receiver, node, reference.caught, call=call, **extra
        )

    # -- calls ------------------------------------------------------------------------------

    def _judge_call(self, call: _Call) -> None:
        node = call.node
        path = self._keras_path(node.func, call.scope)
        if path:
            self._keras_call(path, call)
            return
        func = node.func
        if not isinstance(func, cst.Attribute):
            return
        method = func.attr.value
        classes = self._is_model(func.value, call.scope, 0)
        if classes is not None:
            if not any(_defines(cls, method) for cls in classes):
                note_model_call(self.log, method, node, call.caught)
            return

    def _keras_call(self, path: str, call: _Call) -> None:
        node = call.node
        qualname = self._qualname(dotted_name(node.func) or "", call.scope) or ""
        surface = keras_surface(qualname)
        if qualname.startswith("keras.src."):
            path = _public(path)
        elif not api.has_signature(path):
            moved = api.replacement(path)  # layers.embeddings.Embedding -> layers.Embedding
            if moved is not None and moved.exact and api.has_signature(moved.name):
                path = moved.name
        role = role_of(path)
        parts = path.split(".")
        if parts[0] == "layers" and role.what == "layer":
            what, owner = "layer-keyword", parts[-1]
        elif parts[0] == "optimizers" and not (_NOT_OPTIMIZERS & set(parts)) and len(parts) == 2:
            what, owner = "optimizer-keyword", parts[-1]
        else:
            what, owner = "keyword", parts[-1]
        arguments: tuple[str, ...] | None = None
        judged = parts[0] in _KEYWORD_PACKAGES and api.kind(path) == "class"
        for arg in node.args if judged else ():
            if arg.keyword is None or not self._rejected(what, path, arg.keyword.value):
                continue
            if arguments is None:
                arguments = _argument_names(node, _latest_positional(path))
            self.log.record(
                what,
                arg.keyword.value,
                owner,
                arg,
                call.caught,
                arguments,
                node,
                path=path,
                surface=surface,
                qualname=qualname,
            )
        if judged and what == "layer-keyword":
            given = _argument_names(node, _latest_positional(path))
            self.log.record(
                "layer-call", "", owner, node, call.caught, given, node, path=path, surface=surface
            )
        if path in _SAVING_FUNCTIONS:
            _note_save_path(self.log, path, parts[-1], node, _SAVING_FUNCTIONS[path], call.caught)
        elif path == _CHECKPOINT:
            _note_save_path(self.log, path, parts[-1], node, 0, call.caught)

    @staticmethod
    def _rejected(what: str, path: str, keyword: str) -> bool:
        """Whether some release rejects ``keyword``: a layer's constructor also when no
        release takes it (SL117), other callables only where the table shows a change."""
        if api.keyword_ever_rejected(path, keyword):
            return True
        return what == "layer-keyword" and api.keyword_never_accepted(path, keyword)

    def _judge_class_call(self, call: _Call) -> None:
        scope = call.scope
        cls = scope.owner
        if cls is None:
            return
        kind = self._keras_class(cls, 0)
        if kind is None:
            return
        node = call.node
        func = node.func
        assert isinstance(func, cst.Attribute)
        texts = tuple(
            (arg.star or (arg.keyword.value if arg.keyword else ""), _text(arg.value))
            for arg in node.args
        )
        if func.attr.value == "__init__":
            receiver = _text(func.value)
            self.log.record(
                "super-init-self", kind, cls.name, node, call.caught, value=receiver, literals=texts
            )
            return
        first = node.args[0].value
        name = first.evaluated_value if isinstance(first, cst.SimpleString) else "..."
        self.log.record(
            "add-weight-name",
            str(name),
            cls.name,
            node,
            call.caught,
            _argument_names(node, ()),
            path="layers.Layer.add_weight",
            value=_text(func.value),
            literals=texts,
        )

    # -- names ------------------------------------------------------------------------------

    def _keras_path(self, expr: cst.BaseExpression, scope: _Scope) -> str | None:
        """The Keras path a dotted expression denotes through the imports, else None."""
        chain = dotted_name(expr)
        if chain is None:
            return None
        qualname = self._qualname(chain, scope)
        return None if qualname is None else keras_path(qualname)

    def _qualname(self, chain: str, scope: _Scope) -> str | None:
        """The qualified name a dotted chain denotes through the imports, else None."""
        head, _, rest = chain.partition(".")
        qualname = self._imported(head, scope)
        if qualname is None:
            return None
        return f"{qualname}.{rest}" if rest else qualname

    def _imported(self, name: str, scope: _Scope) -> str | None:
        """The qualified name ``name`` is imported as, where Python looks it up."""
        found = _binding_scope(name, scope)
        if found is None or not found.only_imports(name):
            return None
        qualnames = found.imports[name]
        paths = {keras_path(q) for q in qualnames}
        if len(qualnames) == 1 or (len(paths) == 1 and None not in paths):
            return min(qualnames)
        return None

    # -- models and optimizers ----------------------------------------------------------------

    def _is_model(self, expr: cst.BaseExpression | None, scope: _Scope, depth: int) -> Models:
        """Does ``expr`` (read in ``scope``) provably evaluate to a Keras model?  The classes
        of the module it may be an instance of (empty for Keras's own); None if unproven."""
        if expr is None or depth > _MAX_DEPTH:
            return None
        if isinstance(expr, cst.Call):
            path = self._keras_path(expr.func, scope)
            if path is not None:
                last = path.rsplit(".", 1)[-1]
                keras_model = role_of(path).what in ("sequential", "model")
                return frozenset() if keras_model or last in MODEL_FACTORIES else None
            cls = self._local(expr.func, scope, "classes")
            if cls is not None:
                return self._model_class(cls, depth + 1)
            function = self._local(expr.func, scope, "functions")
            return None if function is None else self._returns_model(function, depth + 1)
        chain = dotted_name(expr)
        return None if chain is None else self._holds_model(chain, scope, depth + 1)

    def _model_class(self, cls: _Scope, depth: int) -> Models:
        """A class of the module whose every base is a Keras model class or such a class:
        itself and the module's classes it derives from."""
        if not cls.bases or depth > _MAX_DEPTH or cls.parent is None:
            return None
        found = {cls}
        for base in cls.bases:
            path = self._keras_path(base, cls.parent)
            if path is not None and role_of(path).what in ("sequential", "model"):
                continue
            local = self._local(base, cls.parent, "classes")
            inherited = None if local is None else self._model_class(local, depth + 1)
            if inherited is None:
                return None
            found |= inherited
        return frozenset(found)

    def _keras_class(self, cls: _Scope, depth: int) -> str | None:
        """ "model" or "layer" for a class of the module deriving (through the module's
        classes) from a Keras model or layer class; None otherwise."""
        if depth > _MAX_DEPTH or cls.parent is None:
            return None
        for base in cls.bases:
            path = self._keras_path(base, cls.parent)
            if path is not None:
                what = role_of(path).what
                if what in ("sequential", "model"):
                    return "model"
                if what == "layer":
                    return "layer"
                continue
            local = self._local(base, cls.parent, "classes")
            found = None if local is None else self._keras_class(local, depth + 1)
            if found is not None:
                return found
        return None

    def _holds_model(self, chain: str, scope: _Scope, depth: int) -> Models:
        """Every assignment of ``chain`` where it is read binds a model (or ``None``); or
        ``self.model`` in a Keras callback of the module, never assigned there."""
        head, _, rest = chain.partition(".")
        if rest and head == scope.self_name and scope.owner is not None:
            values = scope.owner.assigned.get(f"self.{rest}", [])
            if rest == "model" and not values and self._is_callback(scope.owner, depth):
                return frozenset()
        else:
            home = _binding_scope(head, scope)
            if home is None or (rest and home is not scope):
                return None  # an attribute of an object from elsewhere
            if not rest and not home.only_assigns(head):
                return None  # also a parameter, a def, an import...
            values = home.assigned.get(chain, [])
        values = [(value, reader) for value, reader in values if not _is_none(value)]
        return self._all_models([self._is_model(value, reader, depth) for value, reader in values])

    def _is_callback(self, cls: _Scope, depth: int) -> bool:
        """A class of the module deriving from ``keras.callbacks.Callback``."""
        if depth > _MAX_DEPTH or cls.parent is None:
            return False
        for base in cls.bases:
            if self._keras_path(base, cls.parent) == "callbacks.Callback":
                return True
            local = self._local(base, cls.parent, "classes")
            if local is not None and self._is_callback(local, depth + 1):
                return True
        return False

    def _is_optimizer(self, expr: cst.BaseExpression, scope: _Scope, depth: int) -> bool:
        """Does ``expr`` provably hold a Keras optimizer: an optimizer class's instance, a
        model's ``optimizer``, or a name every assignment binds to one of those?"""
        if depth > _MAX_DEPTH:
            return False
        if isinstance(expr, cst.Call):
            path = self._keras_path(expr.func, scope)
            if path is None:
                return False
            parts = path.split(".")
            return (
                len(parts) == 2
                and parts[0] == "optimizers"
                and parts[1][:1].isupper()
                and api.kind(path) == "class"
            )
        if isinstance(expr, cst.Attribute) and expr.attr.value == "optimizer":
            return self._is_model(expr.value, scope, depth + 1) is not None
        if isinstance(expr, cst.Name):
            home = _binding_scope(expr.value, scope)
            if home is None or not home.only_assigns(expr.value):
                return False
            values = [v for v, _ in home.assigned.get(expr.value, [])]
            return bool(values) and all(
                v is not None and self._is_optimizer(v, home, depth + 1) for v in values
            )
        return False

    def _local(self, func: cst.BaseExpression, scope: _Scope, kind: str) -> _Scope | None:
        """The function or class (``kind``) of the module a name denotes, if certain; for
        functions also ``self.method`` in a method of its class."""
        chain = dotted_name(func)
        if chain is None:
            return None
        head, _, rest = chain.partition(".")
        if kind == "functions" and rest and "." not in rest and head == scope.self_name:
            return scope.owner.functions.get(rest) if scope.owner is not None else None
        if rest:
            return None
        home = _binding_scope(head, scope)
        if home is None or head in home.imports or head in home.assigned:
            return None
        return getattr(home, kind).get(head)

    def _returns_model(self, function: _Scope, depth: int) -> Models:
        returns = [value for value in function.returns if not _is_none(value)]
        return self._all_models([self._is_model(value, function, depth) for value in returns])

    @staticmethod
    def _all_models(found: list[Models]) -> Models:
        """Models when every one of ``found`` is (and there is one), with all their classes."""
        classes: set[_Scope] = set()
        for one in found:
            if one is None:
                return None
            classes |= one
        return frozenset(classes) if found else None


def _text(node: cst.CSTNode) -> str:
    """The node's source on one line, for code a fix writes ("" when too long to keep)."""
    text = source_text(node, _TEXT_LIMIT)
    return "" if len(text) >= _TEXT_LIMIT - 3 else text


def _public(path: str) -> str:
    """The public path of a class reached through ``keras.src``: the class of that name in
    the same package, when the table knows it (``optimizers.adagrad.Adagrad`` ->
    ``optimizers.Adagrad``)."""
    parts = path.split(".")
    public = f"{parts[0]}.{parts[-1]}"
    return public if len(parts) > 2 and api.kind(public) == "class" else path


def _ever_absent(path: str, surface: str) -> bool:
    """Some covered release lacks ``path`` where the code reaches it (a root the table does
    not cover, such as ``tensorflow.python.keras``, is read as ``import keras``)."""
    return api.ever_absent(path, "tf.keras" if surface == "tf.keras" else "keras")


def _prefixes(path: str) -> list[str]:
    parts = path.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def _defines(cls: _Scope, name: str) -> bool:
    """Does a class body define ``name`` (a method or an attribute)?"""
    return name in cls.functions or name in cls.assigned


def _is_none(value: cst.BaseExpression | None) -> bool:
    """``None`` (a placeholder until the model is built, or a bare ``return``): calling a
    removed method on it fails too, so it neither proves nor disproves a model."""
    return isinstance(value, cst.Name) and value.value == "None"


def _binding_scope(name: str, scope: _Scope) -> _Scope | None:
    """Where Python finds ``name`` from ``scope``: enclosing functions, then the module
    (class bodies are skipped, as Python skips them)."""
    current: _Scope | None = scope
    while current is not None:
        if current.binds(name) and (current is scope or current.kind != "class"):
            return current
        current = current.parent
    return None


def _handled(handlers: tuple[cst.ExceptHandler, ...] | list[cst.ExceptHandler]) -> Caught:
    """The exception names ``except`` clauses name (``"*"`` for a bare ``except:``)."""
    names: set[str] = set()
    for handler in handlers:
        kinds = handler.type
        if kinds is None:
            names.add("*")
            continue
        items = [e.value for e in kinds.elements] if isinstance(kinds, cst.Tuple) else [kinds]
        for item in items:
            chain = dotted_name(item)
            if chain is not None:
                names.add(chain.rsplit(".", 1)[-1])
    return frozenset(names)


_HANDLERS: dict[type, Callable[[_Reader, Any], bool | None]] = {
    cst.FunctionDef: _Reader._function_def,
    cst.ClassDef: _Reader._class_def,
    cst.Try: _Reader._try,
    cst.Import: _Reader._import,
    cst.ImportFrom: _Reader._import_from,
    cst.Assign: _Reader._assign,
    cst.AnnAssign: _Reader._ann_assign,
    cst.AugAssign: _Reader._aug_assign,
    cst.NamedExpr: _Reader._named_expr,
    cst.For: _Reader._for,
    cst.CompFor: _Reader._comp_for,
    cst.WithItem: _Reader._with_item,
    cst.ExceptHandler: _Reader._except_handler,
    cst.Del: _Reader._del,
    cst.Global: _Reader._global,
    cst.Nonlocal: _Reader._nonlocal,
    cst.Lambda: _Reader._lambda,
    cst.Return: _Reader._return,
    cst.Yield: _Reader._yield,
    cst.Call: _Reader._call,
    cst.Attribute: _Reader._attribute,
}

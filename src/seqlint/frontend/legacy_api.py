"""Keras 2 API that Keras 3 removed, found by reading the whole module.

The interpreter runs the module and the functions it calls, but not class
bodies, and old training scripts keep their models in classes
(``self.model = Sequential()`` ... ``self.model.fit_generator(...)``).  This pass
reads every statement, resolves names through the imports that bind them, and
records each use of removed API (the tables are in
:mod:`seqlint.frontend.keras_api`) as a :class:`~seqlint.ir.LegacyUse`:

- a removed layer class imported (``from keras.layers import CuDNNLSTM``) or
  reached as an attribute (``layers.CuDNNLSTM``);
- ``batch_input_shape=`` on a Keras layer, ``lr=`` on a Keras optimizer;
- a removed model method or training keyword on a receiver that provably holds
  a Keras model: a name or attribute chain (``self.model`` across the methods
  of a class) that every assignment in its scope binds to a model, that is a
  ``Sequential``/``Model``/``load_model`` call, an instance of a ``keras.Model``
  subclass of the module (not judged for a method the class defines), another
  such holder, or a call of a function or method of the module whose every
  ``return`` gives one (``None`` placeholders aside: a removed method fails on
  them too).

A name bound by anything but imports (an assignment, a parameter, a ``def``)
is not resolved: a local ``Adam`` is not Keras's.  The interpreter records the
training calls it follows through :func:`note_model_call` as well, for models
passed around as arguments; a use found both ways is recorded once.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import libcst as cst

from seqlint.frontend.imports import (
    dotted_name,
    from_import_bindings,
    import_bindings,
    keras_path,
)
from seqlint.frontend.keras_api import (
    MODEL_FACTORIES,
    OPTIMIZERS,
    REMOVED_LAYER_KEYWORDS,
    REMOVED_LAYERS,
    REMOVED_MODEL_METHODS,
    REMOVED_OPTIMIZER_KEYWORDS,
    REMOVED_TRAINING_KEYWORDS,
    TRAINING_METHODS,
    is_layer_class,
    role_of,
)
from seqlint.frontend.objects import ExtName
from seqlint.frontend.positions import Positions, source_text
from seqlint.ir import LegacyUse

_MAX_DEPTH = 6  # holders and factories followed through one another
_FLAGGED_KEYWORDS = frozenset({*REMOVED_LAYER_KEYWORDS, *REMOVED_OPTIMIZER_KEYWORDS})
_NOT_OPTIMIZERS = frozenset({"legacy", "experimental", "schedules"})
_NONE = cst.Name("None")
_REMOVED_NAMES = sorted(
    {
        *REMOVED_LAYERS,
        *_FLAGGED_KEYWORDS,
        *REMOVED_MODEL_METHODS,
        *(keyword for table in REMOVED_TRAINING_KEYWORDS.values() for keyword in table),
    }
)
_MENTIONS = re.compile(rf"\b(?:{'|'.join(_REMOVED_NAMES)})\b")

Caught = frozenset[str]


class LegacyLog:
    """The uses of removed API found so far, each recorded once into ``uses``."""

    def __init__(self, uses: list[LegacyUse], positions: Positions) -> None:
        self.uses = uses
        self.positions = positions
        self._index: dict[tuple[str, str, int], int] = {}

    def record(
        self,
        what: str,
        name: str,
        owner: str,
        replacement: str,
        node: cst.CSTNode,
        caught: frozenset[str] = frozenset(),
        arguments: tuple[str, ...] = (),
        call: cst.Call | None = None,
    ) -> None:
        """A use of removed Keras 2 API at ``node`` (a keyword's ``cst.Arg``, passed to
        ``call``, for keyword uses), recorded once however often it is found; the exceptions
        handled around it accumulate."""
        key = (what, name, id(node))
        index = self._index.get(key)
        if index is None:
            value = source_text(node.value) if isinstance(node, cst.Arg) else ""
            self._index[key] = len(self.uses)
            call_loc = None if call is None else self.positions.loc(call)
            self.uses.append(
                LegacyUse(
                    what,
                    name,
                    owner,
                    replacement,
                    self.positions.loc(node),
                    value,
                    call_loc,
                    arguments,
                    caught,
                )
            )
        else:
            found = self.uses[index]
            self.uses[index] = dataclasses.replace(found, caught=found.caught | caught)


def note_model_call(
    log: LegacyLog, method: str, call: cst.Call, caught: Caught = frozenset()
) -> None:
    """``<model>.<method>(...)``: record a removed method or removed keywords."""
    replacement = REMOVED_MODEL_METHODS.get(method)
    removed = REMOVED_TRAINING_KEYWORDS.get(method, {})
    if replacement is None and not removed:
        return
    arguments = _argument_names(call, TRAINING_METHODS.get(method, ()))
    if replacement is not None:
        receiver = call.func.value if isinstance(call.func, cst.Attribute) else call.func
        log.record("method", method, source_text(receiver), replacement, call, caught, arguments)
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value in removed:
            name = arg.keyword.value
            log.record("method-keyword", name, method, removed[name], arg, caught, arguments, call)


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


def find_legacy_uses(module: cst.Module, source: str, log: LegacyLog) -> None:
    """Record every use of removed Keras 2 API in ``module`` into ``log``.

    A source that never spells a removed name needs no walk.
    """
    if _MENTIONS.search(source) is None:
        return
    reader = _Reader()
    reader.read(module)
    _Judge(reader, log).run()


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


@dataclass(frozen=True)
class _State:
    """On the walk's stack: the scope and handled exceptions to return to."""

    scope: _Scope
    caught: Caught


class _Reader:
    """Collects scopes and bindings, and the calls and attributes worth judging.

    The walk goes over each node's fields (not through ``CSTVisitor``, which rebuilds
    every node it visits and costs as much as the parse); whitespace and punctuation
    fields are skipped.
    """

    def __init__(self) -> None:
        self.module = _Scope("module", None)
        self.scope = self.module
        self.caught: Caught = frozenset()
        self.imports: list[tuple[cst.ImportAlias, str, Caught]] = []  # (alias, qualname)
        self.calls: list[_Call] = []
        self.references: list[_Reference] = []
        self._stack: list[cst.CSTNode | _State] = []

    def read(self, module: cst.Module) -> None:
        stack = self._stack
        stack.append(module)
        while stack:
            item = stack.pop()
            if isinstance(item, _State):
                self.scope, self.caught = item.scope, item.caught
                continue
            handler = _HANDLERS.get(type(item))
            if handler is not None and handler(self, item) is False:
                continue
            self._push_children(item)

    def _push_children(self, node: cst.CSTNode) -> None:
        """Push the node's children so that they pop in source order."""
        children: list[cst.CSTNode] = []
        for name in _fields(type(node)):
            value = getattr(node, name)
            if isinstance(value, cst.CSTNode):
                children.append(value)
            elif isinstance(value, (tuple, list)):
                children.extend(v for v in value if isinstance(v, cst.CSTNode))
        self._stack.extend(reversed(children))

    # -- scopes -----------------------------------------------------------------------------

    def _function_def(self, node: cst.FunctionDef) -> None:
        outer = self.scope
        self._stack.append(_State(outer, self.caught))
        outer.others.add(node.name.value)
        scope = _Scope("function", outer)
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
        scope = _Scope("class", outer, bases=tuple(arg.value for arg in node.bases))
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

    def _import(self, node: cst.Import) -> None:
        for name, value in import_bindings(node):
            self._bind_import(name, value)

    def _import_from(self, node: cst.ImportFrom) -> None:
        for name, value in from_import_bindings(node):
            self._bind_import(name, value)
        if isinstance(node.names, cst.ImportStar) or node.relative or node.module is None:
            return
        module = dotted_name(node.module)
        for alias in node.names:
            if module is not None and isinstance(alias.name, cst.Name):
                self.imports.append((alias, f"{module}.{alias.name.value}", self.caught))

    def _bind_import(self, name: str, value: object) -> None:
        if isinstance(value, ExtName):
            self.scope.imports.setdefault(name, set()).add(value.qualname)
        else:
            self.scope.others.add(name)

    def _assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._target(target.target, node.value)

    def _ann_assign(self, node: cst.AnnAssign) -> None:
        self._target(node.target, node.value)

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
        method = func.attr.value if isinstance(func, cst.Attribute) else None
        keywords = {arg.keyword.value for arg in node.args if arg.keyword is not None}
        removed = REMOVED_TRAINING_KEYWORDS.get(method or "", {})
        if method in REMOVED_MODEL_METHODS or keywords & (_FLAGGED_KEYWORDS | removed.keys()):
            self.calls.append(_Call(node, self.scope, self.caught))

    def _attribute(self, node: cst.Attribute) -> None:
        if node.attr.value in REMOVED_LAYERS:
            self.references.append(_Reference(node, self.scope, self.caught))


class _Judge:
    """Resolves what the reader collected and records the uses of removed API."""

    def __init__(self, reader: _Reader, log: LegacyLog) -> None:
        self.reader = reader
        self.log = log

    def run(self) -> None:
        for alias, qualname, caught in self.reader.imports:
            path = keras_path(qualname)
            name = qualname.rsplit(".", 1)[-1]
            if path is not None and name in REMOVED_LAYERS:
                module = path.rpartition(".")[0]
                self.log.record("import", name, module, REMOVED_LAYERS[name], alias, caught)
        for reference in self.reader.references:
            path = self._keras_path(reference.node, reference.scope)
            name = reference.node.attr.value
            if path is not None:
                self.log.record(
                    "attribute", name, path, REMOVED_LAYERS[name], reference.node, reference.caught
                )
        for call in self.reader.calls:
            self._judge_call(call)

    def _judge_call(self, call: _Call) -> None:
        node = call.node
        path = self._keras_path(node.func, call.scope)
        if path is not None:
            self._keras_call(path, call)
            return
        func = node.func
        if not isinstance(func, cst.Attribute):
            return
        classes = self._is_model(func.value, call.scope, 0)
        method = func.attr.value
        if classes is not None and not any(_defines(cls, method) for cls in classes):
            note_model_call(self.log, method, node, call.caught)

    def _keras_call(self, path: str, call: _Call) -> None:
        role = role_of(path)
        parts = path.split(".")
        if role.what == "layer" and _is_keras_layer(role.kind):
            table, what, owner = REMOVED_LAYER_KEYWORDS, "layer-keyword", role.kind
        elif (
            parts[0] == "optimizers"
            and parts[-1] in OPTIMIZERS
            and not (_NOT_OPTIMIZERS & set(parts))
        ):
            table, what, owner = REMOVED_OPTIMIZER_KEYWORDS, "optimizer-keyword", parts[-1]
        else:
            return
        for arg in call.node.args:
            if arg.keyword is not None and arg.keyword.value in table:
                name = arg.keyword.value
                arguments = _argument_names(call.node, ())
                self.log.record(
                    what, name, owner, table[name], arg, call.caught, arguments, call.node
                )

    # -- names ------------------------------------------------------------------------------

    def _keras_path(self, expr: cst.BaseExpression, scope: _Scope) -> str | None:
        """The Keras path a dotted expression denotes through the imports, else None."""
        chain = dotted_name(expr)
        if chain is None:
            return None
        head, _, rest = chain.partition(".")
        qualname = self._imported(head, scope)
        if qualname is None:
            return None
        return keras_path(f"{qualname}.{rest}" if rest else qualname)

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

    # -- models -----------------------------------------------------------------------------

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

    def _holds_model(self, chain: str, scope: _Scope, depth: int) -> Models:
        """Every assignment of ``chain`` where it is read binds a model (or ``None``)."""
        head, _, rest = chain.partition(".")
        if rest and head == scope.self_name and scope.owner is not None:
            values = scope.owner.assigned.get(f"self.{rest}", [])
        else:
            home = _binding_scope(head, scope)
            if home is None or (rest and home is not scope):
                return None  # an attribute of an object from elsewhere
            if not rest and not home.only_assigns(head):
                return None  # also a parameter, a def, an import...
            values = home.assigned.get(chain, [])
        values = [(value, reader) for value, reader in values if not _is_none(value)]
        return self._all_models([self._is_model(value, reader, depth) for value, reader in values])

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


def _is_keras_layer(kind: str) -> bool:
    """A layer class Keras itself defines (InputLayer still takes ``batch_input_shape``)."""
    return is_layer_class(kind) and kind != "InputLayer"


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

# Fields that hold only whitespace, comments or punctuation: the walk skips them.
_LAYOUT_FIELDS = frozenset(
    {
        "lpar",
        "rpar",
        "comma",
        "leading_lines",
        "trailing_whitespace",
        "header",
        "footer",
        "semicolon",
        "newline",
        "lines_after_decorators",
        "equal",
        "dot",
        "colon",
        "star",
        "operator",
        "asynchronous",
        "empty_lines",
        "lbracket",
        "rbracket",
        "lbrace",
        "rbrace",
    }
)
_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(kind: type) -> tuple[str, ...]:
    """The fields of a node type that may hold code."""
    names = _FIELDS.get(kind)
    if names is None:
        names = tuple(
            f.name
            for f in dataclasses.fields(kind)
            if f.name not in _LAYOUT_FIELDS and not f.name.startswith("whitespace")
        )
        _FIELDS[kind] = names
    return names

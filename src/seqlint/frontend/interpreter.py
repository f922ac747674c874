"""Statements: straight-line symbolic execution of a module, its branches and functions.

The module body runs once, top to bottom.  Straight-line code (``with``,
``try`` bodies, ``if`` with a test we can evaluate, ``if __name__ ==
"__main__"``) runs as written.  Other branches and loop bodies run once in
*branch mode*: what they build is modelled, but every name they assign is
unknown afterwards, and a Sequential model they add to is unknown from there
on.  A function runs at each call site with the arguments evaluated there;
one that is never called runs once with its defaults.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

import libcst as cst

from seqlint.dims import UNKNOWN, Sym, is_known
from seqlint.frontend import arith, numpy_api, pandas_api, text_api, tfdata_api, vocabulary
from seqlint.frontend.classes import Objects, _jumps
from seqlint.frontend.imports import (
    dotted_name,
    from_import_bindings,
    import_bindings,
    is_known_module,
    keras_path,
    star_module,
)
from seqlint.frontend.keras_api import is_layer_class, role_of
from seqlint.frontend.loop_rows import appended_once
from seqlint.frontend.models import FunctionalModel, Graph, SequentialModel, SubclassedModel
from seqlint.frontend.modules import Project, ProjectModule, Unfollowable
from seqlint.frontend.objects import (
    Args,
    ExtName,
    Function,
    Instance,
    Items,
    KerasClass,
    WordIds,
)
from seqlint.frontend.positions import source_text
from seqlint.frontend.scopes import MISSING, Assignment, Branches, Scope
from seqlint.frontend.values import (
    MAX_DEPTH,
    enumerate_start,
    joined_list,
    length_of,
    sequence_items,
)
from seqlint.frontend.walk import nodes
from seqlint.ir import Array, Loc, PyNumbers, TensorRef, UnresolvedImport, Value
from seqlint.project import in_project

MAX_CALL_DEPTH = 8  # nested calls of module functions; deeper calls are unknown
STEP_BUDGET = 200_000  # statements run per module before calls stop being followed

Statement = cst.BaseStatement | cst.BaseSmallStatement
Signal = str | None  # "return", "raise", "break" stop the rest of a block


@dataclass
class _Frame:
    """The function call being run: its return value as far as it is known."""

    level: int  # branch level of the call: deeper returns are uncertain
    value: Value = None
    returned: bool = False
    uncertain: bool = False  # a return inside a branch may have happened
    yields: list[Value] | None = None  # what a generator function yields, in order
    return_loc: Loc | None = None  # the return statement that gave ``value``
    return_items: tuple[Loc, ...] = ()  # the items of the literal list or tuple it returned


class Interpreter(Objects):
    """Runs a module's statements, building the graph as it goes."""

    def __init__(self, graph: Graph, script: str | None = None) -> None:
        super().__init__(graph)
        self.functions: list[Function] = []
        self._called: set[int] = set()
        self._generators: dict[int, bool] = {}  # id of a def's node: does it yield
        self._stack: list[cst.FunctionDef] = []
        self._frame = _Frame(level=0)
        self._guarded = 0  # how many ``try`` bodies enclose the statement running now
        self._steps = 0
        # ``if word not in d:`` tests whose body runs now: (word, d) expressions
        self._guards: list[tuple[cst.BaseExpression, cst.BaseExpression]] = []
        # ``d[w] = i + c`` statements of the ``for i, w in enumerate(words)`` loop that runs
        # now, by their target: (counter name, word name, first index, count of words)
        self._enumerations: dict[int, tuple[str, str, int, Value]] = {}
        self.scope.vars["__name__"] = "__main__"
        if script is not None and in_project(script):  # its imports of its project are followed
            self.project = Project(script, self._run_module_statement)

    def run(self, module: cst.Module) -> None:
        """Run the module, then every function it never called, then close the models.

        Uncalled functions run last-defined first (callers usually come after the
        helpers they call, so a helper called by an uncalled builder runs with the
        builder's arguments rather than with its own defaults), in branch mode:
        what they would do to the module's models and variables is uncertain.
        """
        self.exec_block(module.body)
        done = 0
        while done < len(self.functions):  # running one may define more
            batch = self.functions[done:]
            done = len(self.functions)
            for function in reversed(batch):
                if id(function.node) not in self._called:
                    self.branches.enter()
                    try:
                        self.call_function(function, Args(), function.node)
                    finally:
                        self._after_branches([self.branches.leave()], exhaustive=False)
        self.build_remaining()
        self.graph.finish()

    def exec_block(self, statements: Sequence[Statement]) -> Signal:
        if self.depth > MAX_DEPTH:
            return None
        self.depth += 1
        try:
            for statement in statements:
                self._steps += 1
                handler = _STATEMENTS.get(type(statement))
                signal = handler(self, statement) if handler is not None else None
                if signal is not None:
                    return signal
            return None
        finally:
            self.depth -= 1

    # -- functions --------------------------------------------------------------------------------

    def call_function(self, function: Function, args: Args, call: cst.CSTNode) -> Value:
        self._called.add(id(function.node))
        if (
            function.node in self._stack
            or len(self._stack) >= MAX_CALL_DEPTH
            or self._steps > STEP_BUDGET
        ):
            self.escape(args, call)
            return UNKNOWN
        scope = Scope(function.scope)
        scope.vars.update(_bind(function, args))
        saved = self.scope, self._frame
        generator = self._generators.get(id(function.node))
        if generator is None:
            generator = self._generators[id(function.node)] = _is_generator(function.node)
        self.scope, self._frame = scope, _Frame(level=self.branches.level)
        self._frame.yields = [] if generator else None
        self._stack.append(function.node)
        try:
            with self.entering(function.scope.module().home, call):
                self.exec_block(_body(function.node))
            frame = self._frame
        finally:
            self._stack.pop()
            self.scope, self._frame = saved
        certain = frame.returned and not frame.uncertain
        self.last_return = frame.return_loc if certain else None
        self.last_return_items = frame.return_items if certain else ()
        if frame.yields is not None:
            maker = f"{function.node.name.value}()"
            return tfdata_api.yielded(frame.yields, maker, self._loc(call))
        if frame.returned:
            return frame.value
        return UNKNOWN if frame.uncertain else None

    def on_certain_path(self) -> bool:
        return not self._guarded and not self.branches.level and not self._frame.uncertain

    def _function_def(self, node: cst.FunctionDef) -> Signal:
        params = node.params
        defaults = {
            param.name.value: self.eval(param.default)
            for param in (*params.posonly_params, *params.params, *params.kwonly_params)
            if param.default is not None
        }
        function = Function(node, self.scope, defaults)
        if self.home is None:  # an imported module's functions run only when called
            self.functions.append(function)
        self.assign(node.name.value, function)
        return None

    def _class_def(self, node: cst.ClassDef) -> Signal:
        name = node.name.value
        bases = [self.eval(arg.value) for arg in node.bases if arg.keyword is None]
        keywords = [arg for arg in node.bases if arg.keyword is not None] + list(node.keywords)
        if keywords or not all(self._keeps_class(d.decorator) for d in node.decorators):
            keras = any(_is_keras_class(base) for base in bases)
            self.assign(name, KerasClass(_custom_kind(name)) if keras else UNKNOWN)
            return None
        self.assign(name, self.class_value(node, bases, _custom_kind(name), _body(node)))
        return None

    def _keeps_class(self, decorator: cst.BaseExpression) -> bool:
        """A class decorator that returns the class as it is: Keras's registration."""
        func = decorator.func if isinstance(decorator, cst.Call) else decorator
        value = self.eval(func)
        return isinstance(value, ExtName) and value.qualname.endswith("register_keras_serializable")

    def note_yield(self, value: Value) -> None:
        if self._frame.yields is not None:
            self._frame.yields.append(value)

    def _return(self, node: cst.Return) -> Signal:
        value = self.eval(node.value) if node.value is not None else None
        frame = self._frame
        if self.branches.level > frame.level:
            frame.uncertain = True
        elif not frame.returned:
            frame.value = UNKNOWN if frame.uncertain else value
            frame.returned = True
            frame.return_loc = self._loc(node)
            if isinstance(node.value, (cst.List, cst.Tuple)):
                frame.return_items = tuple(self._loc(e.value) for e in node.value.elements)
        return "return"

    # -- branches ---------------------------------------------------------------------------------

    def _branch(
        self,
        body: Sequence[Statement],
        target: cst.BaseExpression | None = None,
        item: Value = UNKNOWN,
    ) -> list[Assignment]:
        """Run ``body`` in branch mode, with ``target`` bound to ``item``; return what it
        assigned."""
        self.branches.enter()
        try:
            if target is not None:
                self.assign_target(target, item)
            self.exec_block(body)
        finally:
            assigned = self.branches.leave()
        return assigned

    def _after_branches(self, alternatives: list[list[Assignment]], *, exhaustive: bool) -> None:
        """After uncertain alternatives, a name they assigned is unknown, unless every
        path binds it to the same Keras module (``try: from tensorflow import keras``
        ``except ImportError: import keras``).  Without ``exhaustive`` alternatives the
        current binding is one of the paths."""
        finals: dict[tuple[int, str], tuple[Scope, str, list[Value]]] = {}
        for assigned in alternatives:
            for scope, name, value in assigned:
                finals.setdefault((id(scope), name), (scope, name, []))[2].append(value)
        for scope, name, values in finals.values():
            if not exhaustive or len(values) < len(alternatives):
                values.append(scope.vars.get(name, MISSING))
            self.branches.record(scope, name)
            scope.vars[name] = _join(values)

    def _if(self, node: cst.If) -> Signal:
        truth = arith.truth_value(self.eval(node.test))
        orelse = _else_body(node.orelse)
        if truth is not None:
            return self.exec_block(_body(node) if truth else orelse)
        guard = _membership(node.test)  # ``if w not in d:`` / ``if w in d: ... else:``
        with self._guarding(guard, negated=True):
            body = self._branch(_body(node))
        with self._guarding(guard, negated=False):
            other = self._branch(orelse)
        self._after_branches([body, other], exhaustive=node.orelse is not None)
        return None

    @contextmanager
    def _guarding(
        self, guard: tuple[cst.BaseExpression, cst.BaseExpression, bool] | None, *, negated: bool
    ) -> Iterator[None]:
        """While a branch runs where ``guard``'s word is provably not in its dict."""
        pushed = guard is not None and guard[2] is negated
        if pushed:
            assert guard is not None
            self._guards.append((guard[0], guard[1]))
        try:
            yield
        finally:
            if pushed:
                self._guards.pop()

    def _for(self, node: cst.For) -> Signal:
        iterable = self.eval(node.iter)
        items = self.unrolled_items(iterable, node.body)
        if items is not None:
            for item in items:
                self.assign_target(node.target, item)
                signal = self.exec_block(_body(node))
                if signal is not None:
                    return signal
            return self.exec_block(_else_body(node.orelse))
        self._escape_models(iterable, node)
        saved = self._enumerations
        self._enumerations = {**saved, **self._enumerating(node)}
        rows = self._filled_lists(node)
        item = UNKNOWN
        if rows and isinstance(iterable, Array) and iterable.shape:  # ``for day in days:``
            item = numpy_api.row(iterable, self._loc(node.iter))
        try:
            with self.counting(node.target, iterable):
                body = self._branch(_body(node), node.target, item)
        finally:
            self._enumerations = saved
        self._after_branches([body, self._branch(_else_body(node.orelse))], exhaustive=False)
        self._rows_per_step(rows, body, length_of(iterable))
        return None

    def _filled_lists(self, node: cst.For) -> list[str]:
        """The empty lists the loop appends one row to per step (see :mod:`loop_rows`)."""
        names = [name for name in appended_once(node) if self.scope.lookup(name) == []]
        if not names or _jumps(node.body) or _leaves(node.body):
            return []
        return names

    def _rows_per_step(self, names: list[str], body: list[Assignment], steps: Value) -> None:
        """After a loop of ``steps`` steps run once as a branch: each list of ``names`` that
        the run left holding one row holds ``steps`` rows like it."""
        if not (is_known(steps) or isinstance(steps, Sym)):
            return
        finals = {name: value for _scope, name, value in body}
        for name in names:
            row = finals.get(name)
            if isinstance(row, list) and len(row) == 1 and _data_row(row[0]):
                self.assign(name, Items(row[0], steps))

    def _enumerating(self, node: cst.For) -> dict[int, tuple[str, str, int, Value]]:
        """``for i, w in enumerate(words[, start]):`` over words of a known count (a number
        or ``len(words)``), without ``break``/``continue``: its body's own statements
        ``d[w] = ...`` (each runs for every word), by target."""
        target, call = node.target, node.iter
        if not (
            isinstance(target, cst.Tuple)
            and len(target.elements) == 2
            and all(isinstance(e.value, cst.Name) for e in target.elements)
            and isinstance(call, cst.Call)
            and isinstance(call.func, cst.Name)
            and call.func.value == "enumerate"
            and self.scope.lookup("enumerate") is MISSING
            and not _jumps(node.body)
            and not _leaves(node.body)
        ):
            return {}
        start = enumerate_start(call)
        if start is None:
            return {}
        count = length_of(self.eval(call.args[0].value))
        counter, word = (e.value.value for e in target.elements)  # type: ignore[attr-defined]
        found: dict[int, tuple[str, str, int, Value]] = {}
        for statement in _body(node):
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if (
                    isinstance(small, cst.Assign)
                    and len(small.targets) == 1
                    and isinstance(small.targets[0].target, cst.Subscript)
                ):
                    found[id(small.targets[0].target)] = (counter, word, start, count)
        return found

    def _while(self, node: cst.While) -> Signal:
        truth = arith.truth_value(self.eval(node.test))
        orelse = _else_body(node.orelse)
        if truth is False:
            return self.exec_block(orelse)
        self._after_branches([self._branch(_body(node)), self._branch(orelse)], exhaustive=False)
        return None

    def _try(self, node: cst.Try | cst.TryStar) -> Signal:
        self._guarded += 1
        try:
            signal = self.exec_block(_body(node))
        finally:
            self._guarded -= 1
        if signal == "raise":
            signal = None
        handlers = []
        for handler in node.handlers:
            name = handler.name.name if handler.name is not None else None
            handlers.append(self._branch(_body(handler), name))
        self._after_branches(handlers, exhaustive=False)
        if signal is None and node.orelse is not None:
            signal = self.exec_block(_body(node.orelse))
        if node.finalbody is not None:
            signal = self.exec_block(_body(node.finalbody)) or signal
        return signal

    def _with(self, node: cst.With) -> Signal:
        for item in node.items:
            self.eval(item.item)
            if item.asname is not None:
                self.assign_target(item.asname.name, UNKNOWN)
        return self.exec_block(_body(node))

    def _match(self, node: cst.Match) -> Signal:
        self.eval(node.subject)
        self._after_branches([self._branch(_body(case)) for case in node.cases], exhaustive=False)
        return None

    def _escape_models(self, value: Value, node: cst.CSTNode) -> None:
        """Models in a loop's iterable may be changed by the loop body."""
        items = value.values() if isinstance(value, dict) else sequence_items(value) or [value]
        for item in items:
            if isinstance(item, SequentialModel):
                self.graph.add_unknown(item, node)

    # -- assignments ------------------------------------------------------------------------------

    def assign_target(
        self,
        target: cst.BaseExpression,
        value: Value,
        source: cst.BaseExpression | None = None,
    ) -> None:
        """Bind an assignment target (a name, an unpacking, a subscript...) to ``value``
        (``source``: the expression assigned, when the target is the whole target)."""
        if isinstance(target, cst.Name):
            self.assign(target.value, _named(value, target.value))
        elif isinstance(target, (cst.Tuple, cst.List)):
            elements = list(target.elements)
            self._check_count(target, value, elements)
            for element, item in zip(elements, self._unpack(value, elements), strict=True):
                self.assign_target(element.value, item)
        elif isinstance(target, cst.Subscript):
            self._store_item(target, value, source)
        elif isinstance(target, cst.Attribute) and isinstance(
            owner := self.eval(target.value), Instance
        ):
            self.set_attribute(owner, target.attr.value, value)
        elif isinstance(target, cst.Attribute) and isinstance(
            tokenizer := self.eval(target.value), text_api.Tokenizer
        ):
            self.replace(tokenizer, replace(tokenizer, stale=True))  # type: ignore[arg-type]
        elif isinstance(target, cst.Attribute) and isinstance(
            frame := self.eval(target.value), pandas_api.Frame
        ):
            renamed = target.attr.value == "columns"
            self.replace(frame, pandas_api.changed(frame, renamed=renamed))  # type: ignore[arg-type]
        elif isinstance(value, SequentialModel):
            self.graph.add_unknown(value, target)  # stored where we cannot follow it

    def _check_count(
        self, target: cst.BaseExpression, value: Value, elements: list[cst.BaseElement]
    ) -> None:
        """Record an unpacking of a layer call's outputs into the wrong number of names, or
        into several names when the frontend cannot count them (the shapes will)."""
        if not isinstance(value, TensorRef) or value.index is not None:
            return
        if any(isinstance(e, cst.StarredElement) for e in elements):
            return
        total = self.graph.output_count(value)
        if total != len(elements) and (total is not None or len(elements) > 1):
            self.graph.unpacking(value, total, len(elements), target)

    def _unpack(self, value: Value, elements: list[cst.BaseElement]) -> list[Value]:
        """The values ``a, *b, c = value`` binds, one per element."""
        count = len(elements)
        star = next((i for i, e in enumerate(elements) if isinstance(e, cst.StarredElement)), None)
        items = sequence_items(value)
        if items is None and isinstance(value, TensorRef) and value.index is None:
            total = count if star is None else self.graph.output_count(value)
            if total is None:
                assert star is not None
                return [TensorRef(value.node_id, i) for i in range(star)] + [UNKNOWN] * (
                    count - star
                )
            items = [TensorRef(value.node_id, i) for i in range(total)]
        if items is None:
            return [UNKNOWN] * count
        if star is None:
            return items if len(items) == count else [UNKNOWN] * count
        after = count - 1 - star
        if len(items) < count - 1:
            return [UNKNOWN] * count
        return [*items[:star], list(items[star : len(items) - after]), *items[len(items) - after :]]

    def _store_item(
        self, target: cst.Subscript, value: Value, source: cst.BaseExpression | None = None
    ) -> None:
        """``container[key] = value``: a new container for the names holding it."""
        container = self.eval(target.value)
        if isinstance(value, SequentialModel):
            self.graph.add_unknown(value, target)
        if isinstance(container, pandas_api.Frame):  # a column set, added or deleted
            self.replace(container, pandas_api.changed(container))  # type: ignore[arg-type]
            return
        if isinstance(container, Sym):
            self.vocabulary_changed(container)
            return
        if isinstance(container, Array):  # ``labels[labels > 3] = 3``
            self.replace(container, numpy_api.overwritten(container, value))
            return
        if not isinstance(container, (list, dict, WordIds)):
            return
        key = UNKNOWN
        key_expr = None
        if len(target.slice) == 1 and isinstance(target.slice[0].slice, cst.Index):
            key_expr = target.slice[0].slice.value
            key = self.eval(key_expr)
        if isinstance(container, (dict, WordIds)) and not _constant_key(key):
            grown = self._vocabulary_store(container, target, key_expr, source)
            if grown is not None:
                self.replace(container, grown)
                return
        if isinstance(container, WordIds):
            self.replace(container, WordIds.opaque())
            return
        updated: Value = UNKNOWN
        if (
            isinstance(container, dict)
            and arith.is_constant(key)
            and not isinstance(key, (list, dict))
        ):
            updated = {**container, key: value}
        elif (
            isinstance(container, list)
            and isinstance(key, int)
            and (-len(container) <= key < len(container))
        ):
            updated = list(container)
            updated[key] = value
        self.replace(container, updated)

    def _vocabulary_store(
        self,
        container: dict | WordIds,
        target: cst.Subscript,
        key: cst.BaseExpression | None,
        source: cst.BaseExpression | None,
    ) -> WordIds | None:
        """``d[w] = len(d) + c`` under ``if w not in d:``, or ``d[w] = i + c`` in ``for i, w in
        enumerate(words)``: what the dict grows into (None: neither pattern)."""
        if key is None or source is None:
            return None
        offset = vocabulary.counting_offset(source, target.value)
        if offset is not None:
            if any(k.deep_equals(key) and d.deep_equals(target.value) for k, d in self._guards):
                return self.counted(container, offset, source_text(target.value), target)
            return None
        loop = self._enumerations.get(id(target))
        if loop is None:
            return None
        counter, word, start, count = loop
        offset = vocabulary.enumerated_offset(source, counter)
        if offset is None or not (isinstance(key, cst.Name) and key.value == word):
            return None
        if container != {}:  # the ids of what it held are not counted
            return WordIds.opaque()
        return vocabulary.enumerated(count, start + offset)

    def _assign(self, node: cst.Assign) -> Signal:
        value = self.eval(node.value)
        cause = self.cause_of(node.value) if value is UNKNOWN or isinstance(value, Sym) else None
        for target in node.targets:
            self.assign_target(target.target, value, source=node.value)
            if cause is not None:
                self._caused(target.target, cause)
        return None

    def _caused(self, target: cst.BaseExpression, cause: UnresolvedImport) -> None:
        """The names of ``target`` hold what an unresolved import gave (``X, y = load()``)."""
        if isinstance(target, cst.Name):
            self.causes[(id(self.scope.owner(target.value)), target.value)] = cause
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._caused(element.value, cause)

    def _ann_assign(self, node: cst.AnnAssign) -> Signal:
        if node.value is not None:
            self.assign_target(node.target, self.eval(node.value))
        return None

    def _aug_assign(self, node: cst.AugAssign) -> Signal:
        operator = _AUGMENTED.get(type(node.operator))
        value = self.eval(node.value)
        if isinstance(node.target, cst.Name) and operator is not None:
            current = self.eval(node.target)
            if isinstance(current, Array):  # in place: every name holding it sees the change
                result = numpy_api.binary(operator, current, value, self._loc(node))
                changed = result if isinstance(result, Array) else None
                self.replace(current, changed or numpy_api.overwritten(current, UNKNOWN))
            else:
                result = arith.binary(operator, current, value)
            self.assign(node.target.value, result)
        else:
            self.assign_target(node.target, UNKNOWN)
        return None

    def _del(self, node: cst.Del) -> Signal:
        targets = node.target.elements if isinstance(node.target, cst.Tuple) else [node.target]
        for target in targets:
            expr = target.value if isinstance(target, cst.BaseElement) else target
            self.assign_target(expr, UNKNOWN)
        return None

    # -- simple statements ------------------------------------------------------------------------

    def _expr(self, node: cst.Expr) -> Signal:
        self.eval(node.value)
        return None

    def _import(self, node: cst.Import) -> Signal:
        for (name, value), alias in zip(import_bindings(node), node.names, strict=True):
            qualname = dotted_name(alias.name) or ""
            if self.project is not None and not is_known_module(qualname):
                found = self._import_module(qualname, name, alias.asname is not None, node)
                self._bind_import(name, found, qualname, node, whole=True)
            else:
                self.assign(name, value)
        return None

    def _import_module(
        self, qualname: str, local: str, aliased: bool, node: cst.Import
    ) -> ProjectModule | Unfollowable:
        """``import a.b`` binds the package ``a``, ``import a.b as c`` the module ``a.b``."""
        assert self.project is not None
        site = self.graph.positions.loc(node)
        found = self.project.module(self.home, qualname, 0, site)
        if isinstance(found, ProjectModule) and not aliased and "." in qualname:
            found = self.project.parent(self.home, local, site)
        return found

    def _import_from(self, node: cst.ImportFrom) -> Signal:
        name = (dotted_name(node.module) if node.module is not None else "") or ""
        level = len(node.relative)
        own = level or name and not is_known_module(name) and name != "__future__"
        if self.project is not None and own:
            self._import_project(node, name, level)
            return None
        module = star_module(node)
        if module is None:
            for local, value in from_import_bindings(node):
                self.assign(local, value)
            return None
        path = keras_path(module)
        head = None if path is None else path.split(".", 1)[0]
        self.star_keras = head if head in ("", "layers", "models") else None
        if self.home is None:
            self.graph.script_star_keras = self.star_keras
        else:
            self.home.star_keras = self.star_keras
        return None

    def _import_project(self, node: cst.ImportFrom, name: str, level: int) -> None:
        """``from m import a, b`` (or ``*``) of a module of the project: its names as the
        module binds them, or its submodules."""
        assert self.project is not None
        site = self.graph.positions.loc(node)
        found = self.project.module(self.home, name, level, site)
        shown = "." * level + name
        if isinstance(node.names, cst.ImportStar):
            if isinstance(found, ProjectModule):
                for local, value in found.bind_all():
                    self.assign(local, UNKNOWN if value is MISSING else value)
            return
        for alias in node.names:
            imported = alias.name.value if isinstance(alias.name, cst.Name) else ""
            local = imported
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                local = alias.asname.name.value
            value: Value = found
            if isinstance(found, ProjectModule):
                value = found.binding(imported)
                if value is MISSING and found.pending(imported):
                    value = Unfollowable("a circular import")
                elif value is MISSING:
                    value = self.project.submodule(found, imported, site)
                elif value is UNKNOWN and imported in found.unfollowed:
                    value = Unfollowable(found.unfollowed[imported])  # imported there in turn
            self._bind_import(local, value, shown, node)

    def _bind_import(
        self, local: str, value: Value, module: str, node: cst.CSTNode, whole: bool = False
    ) -> None:
        """Bind what an import gives ``local``: unknown, with the reason remembered, for
        something seqlint cannot follow (in a module, for those that import it from there)."""
        if not isinstance(value, Unfollowable):
            self.assign(local, value)
            return
        self.assign(local, UNKNOWN)
        if self.home is not None:
            self.home.unfollowed[local] = value.reason
            return
        loc = self.graph.positions.loc(node)
        cause = UnresolvedImport(local, module, loc, value.reason, whole)
        self.causes[(id(self.scope.owner(local)), local)] = cause

    def _run_module_statement(self, module: ProjectModule, number: int) -> None:
        """Top-level statement ``number`` of an imported module, in its own scope, out of any
        branch or call the script is in."""
        saved = self.scope, self.branches, self._frame, self.in_method, self.counters
        self.scope, self.branches, self._frame = module.scope, Branches(), _Frame(level=0)
        self.in_method, self.counters = 0, frozenset()
        try:
            with self.entering(module, None):
                self.exec_block([module.statements[number]])
        finally:
            self.scope, self.branches, self._frame, self.in_method, self.counters = saved

    def _global(self, node: cst.Global) -> Signal:
        for item in node.names:
            self.scope.redirect[item.name.value] = self.scope.module()
        return None

    def _nonlocal(self, node: cst.Nonlocal) -> Signal:
        for item in node.names:
            self.scope.redirect[item.name.value] = self.scope.enclosing_owner(item.name.value)
        return None

    def _simple_line(self, node: cst.SimpleStatementLine) -> Signal:
        for statement in node.body:
            handler = _STATEMENTS.get(type(statement))
            signal = handler(self, statement) if handler is not None else None
            if signal is not None:
                return signal
        return None

    def _raise(self, node: cst.Raise) -> Signal:
        return "raise"

    def _break(self, node: cst.Break | cst.Continue) -> Signal:
        return "break"


def _membership(
    test: cst.BaseExpression,
) -> tuple[cst.BaseExpression, cst.BaseExpression, bool] | None:
    """``word not in d`` as (word, d, True); ``word in d`` as (word, d, False)."""
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return None
    operator = test.comparisons[0].operator
    if not isinstance(operator, (cst.In, cst.NotIn)):
        return None
    return test.left, test.comparisons[0].comparator, isinstance(operator, cst.NotIn)


def _constant_key(value: Value) -> bool:
    return arith.is_constant(value) and not isinstance(value, (list, dict))


def _data_row(value: Value) -> bool:
    """A row of data: a numpy array, a number, Python numbers (``row.tolist()``), or a literal
    list of them."""
    if isinstance(value, (list, tuple)):
        return bool(value) and all(map(_data_row, value))
    return isinstance(value, (Array, PyNumbers)) or (
        isinstance(value, (int, float)) and not isinstance(value, bool)
    )


def _leaves(body: cst.CSTNode) -> bool:
    """Whether a loop body may stop the loop early with ``return`` or ``raise``."""
    return any(type(n) in _LEAVING for n in nodes(body, _INNER_FUNCTIONS))


def _is_generator(node: cst.FunctionDef) -> bool:
    """Does the function itself (not a function, class or lambda inside it) ``yield``?"""
    return any(type(n) is cst.Yield for n in nodes(node.body, _OWN_SCOPE))


_LEAVING = frozenset((cst.Return, cst.Raise))
_INNER_FUNCTIONS = frozenset((cst.FunctionDef, cst.Lambda))
_OWN_SCOPE = frozenset((cst.FunctionDef, cst.ClassDef, cst.Lambda))


def _body(node: cst.CSTNode) -> Sequence[Statement]:
    """The statements of a compound statement's block (indented or on one line)."""
    suite = node.body
    return suite.body if isinstance(suite, (cst.IndentedBlock, cst.SimpleStatementSuite)) else ()


def _else_body(orelse: cst.If | cst.Else | None) -> Sequence[Statement]:
    if orelse is None:
        return ()
    if isinstance(orelse, cst.If):
        return (orelse,)
    return _body(orelse)


def _bind(function: Function, args: Args) -> dict[str, Value]:
    """Parameter bindings for a call: arguments, else defaults, else unknown."""
    params = function.node.params
    positional = [*params.posonly_params, *params.params]
    named = [*params.params, *params.kwonly_params]
    bound = {p.name.value: v for p, v in zip(positional, args.positional, strict=False)}
    names = {p.name.value for p in named}
    extra_keywords = {}
    for key, value in args.keywords.items():
        if key in names:
            bound[key] = value
        else:
            extra_keywords[key] = value
    for param in (*positional, *params.kwonly_params):
        name = param.name.value
        if name not in bound:
            bound[name] = function.defaults.get(name, UNKNOWN) if args.complete else UNKNOWN
    if isinstance(params.star_arg, cst.Param):
        extra = tuple(args.positional[len(positional) :])
        bound[params.star_arg.name.value] = extra if args.complete else UNKNOWN
    if params.star_kwarg is not None:
        bound[params.star_kwarg.name.value] = extra_keywords if args.complete else UNKNOWN
    return bound


def _named(value: Value, name: str) -> Value:
    """Values learn the variable they are first bound to (arrays and models carry it)."""
    if isinstance(value, Array) and value.name is None:
        return replace(value, name=name)
    if isinstance(value, (SequentialModel, FunctionalModel)) and value.model.name is None:
        value.model.name = name
    if (
        isinstance(value, Instance)
        and isinstance(value.model, SubclassedModel)
        and (value.model.model.name is None)
    ):
        value.model.model.name = name
    return value


def _join(values: list[Value]) -> Value:
    """The value every path agrees on: the same Keras/numpy module, a list of alike items (a
    loop appending to it), a vocabulary a loop grew (:func:`vocabulary.joined`), an array of
    one shape a path wrote into (:func:`numpy_api.joined`); else unknown."""
    if any(isinstance(v, WordIds) for v in values):
        return vocabulary.joined(values)
    tokenizers = [v for v in values if isinstance(v, text_api.Tokenizer)]
    if len(tokenizers) == len(values) and len({(t.num_words, t.ident) for t in tokenizers}) == 1:
        used = any(t.used for t in tokenizers)  # converted texts on some path
        return replace(tokenizers[0], used=used, stale=any(t.stale for t in tokenizers))
    items = joined_list(values)
    if items is not None:
        return items
    arrays = numpy_api.joined(values)
    if arrays is not None:
        return arrays
    first = values[0]
    if not isinstance(first, ExtName) or not all(isinstance(v, ExtName) for v in values):
        return UNKNOWN
    if all(v == first for v in values):
        return first
    path = keras_path(first.qualname)
    same = path is not None and all(keras_path(v.qualname) == path for v in values)
    return first if same else UNKNOWN


def _is_keras_class(value: Value) -> bool:
    if isinstance(value, KerasClass):
        return True
    if isinstance(value, ExtName):
        path = keras_path(value.qualname)
        return bool(path) and role_of(path).what in ("layer", "model", "sequential")
    return False


def _custom_kind(name: str) -> str:
    """A local class's kind: its name, unless that would pass it off as a Keras layer."""
    keras_names = is_layer_class(name) or name in ("Sequential", "Model", "Functional")
    return f"{name} (custom)" if keras_names else name


_AUGMENTED = {
    cst.AddAssign: "+",
    cst.SubtractAssign: "-",
    cst.MultiplyAssign: "*",
    cst.DivideAssign: "/",
    cst.FloorDivideAssign: "//",
    cst.ModuloAssign: "%",
    cst.PowerAssign: "**",
}

_STATEMENTS: dict[type, Callable[[Interpreter, cst.CSTNode], Signal]] = {
    cst.SimpleStatementLine: Interpreter._simple_line,
    cst.Expr: Interpreter._expr,
    cst.Assign: Interpreter._assign,
    cst.AnnAssign: Interpreter._ann_assign,
    cst.AugAssign: Interpreter._aug_assign,
    cst.Del: Interpreter._del,
    cst.Return: Interpreter._return,
    cst.Raise: Interpreter._raise,
    cst.Break: Interpreter._break,
    cst.Continue: Interpreter._break,
    cst.Import: Interpreter._import,
    cst.ImportFrom: Interpreter._import_from,
    cst.Global: Interpreter._global,
    cst.Nonlocal: Interpreter._nonlocal,
    cst.If: Interpreter._if,
    cst.For: Interpreter._for,
    cst.While: Interpreter._while,
    cst.Try: Interpreter._try,
    cst.TryStar: Interpreter._try,
    cst.With: Interpreter._with,
    cst.Match: Interpreter._match,
    cst.FunctionDef: Interpreter._function_def,
    cst.ClassDef: Interpreter._class_def,
}

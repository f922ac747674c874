"""Classes read statically: their MRO within the wheel, members, signatures, what a
``**kwargs`` parameter accepts, and file-name checks on save paths.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from tools.keras_api.source import Entity, Wheel, condition

_PROPERTY_DECORATORS = ("property", "cached_property", "setter", "getter")
_MAX_FLOW = 8  # **kwargs followed through at most this many functions


def mro(wheel: Wheel, cls: Entity) -> list[Entity]:
    """The class and its bases found in the wheel, in C3 order (depth-first if C3 fails)."""
    return _mro(wheel, cls, 0)


def _mro(wheel: Wheel, cls: Entity, depth: int) -> list[Entity]:
    cls = wheel.load(cls)
    if depth > 30 or not isinstance(cls.node, ast.ClassDef):
        return [cls]
    parents = []
    for base in cls.node.bases:
        found = wheel.resolve_expr(cls.module, base)
        if found is not None and found.kind == "class" and found != cls:
            parents.append(wheel.load(found))
    lines = [_mro(wheel, p, depth + 1) for p in parents]
    merged = _c3([*lines, parents])
    if merged is None:
        merged = []
        for line in lines:
            merged.extend(c for c in line if c not in merged)
    return [cls, *merged]


def _c3(sequences: list[list[Entity]]) -> list[Entity] | None:
    sequences = [list(s) for s in sequences if s]
    result: list[Entity] = []
    while sequences:
        for seq in sequences:
            head = seq[0]
            if not any(head in s[1:] for s in sequences):
                break
        else:
            return None
        result.append(head)
        sequences = [[c for c in s if c != head] for s in sequences]
        sequences = [s for s in sequences if s]
    return result


def class_body(node: ast.ClassDef) -> Iterator[ast.stmt]:
    """The statements of a class body, branches decided as the module's are."""
    yield from _decided(node.body)


def _decided(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    for statement in body:
        if isinstance(statement, ast.If):
            verdict = condition(statement.test)
            if verdict is None:
                yield from _decided(statement.body)
                yield from _decided(statement.orelse)
            else:
                yield from _decided(statement.body if verdict else statement.orelse)
        elif isinstance(statement, ast.Try):
            yield from _decided(statement.body)
        else:
            yield statement


def members(wheel: Wheel, cls: Entity) -> dict[str, str]:
    """Public members: name -> method, property or attribute (most derived class wins)."""
    found: dict[str, str] = {}
    for klass in reversed(mro(wheel, cls)):
        assert isinstance(klass.node, ast.ClassDef)
        for name, kind in _own_members(klass.node):
            if not name.startswith("_"):
                found[name] = kind
    return found


def _own_members(node: ast.ClassDef) -> Iterator[tuple[str, str]]:
    for statement in class_body(node):
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            yield statement.name, _method_kind(statement)
            if statement.name == "__init__":
                yield from _init_attributes(statement)
            elif statement.name in ("__getattr__", "__getattribute__"):
                yield from _dynamic_attributes(statement)
        elif isinstance(statement, ast.Assign):
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    yield target.id, "attribute"
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            yield statement.target.id, "attribute"


def _method_kind(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    for decorator in node.decorator_list:
        text = ast.unparse(decorator)
        if text.split(".")[-1] in _PROPERTY_DECORATORS:
            return "property"
    return "method"


def _init_attributes(node: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[tuple[str, str]]:
    """``self.x = ...`` and ``self._set_hyper("x", ...)`` in ``__init__``."""
    self_name = node.args.args[0].arg if node.args.args else "self"
    for child in ast.walk(node):
        if isinstance(child, ast.Assign):
            for target in child.targets:
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == self_name
                ):
                    yield target.attr, "attribute"
        elif (
            isinstance(child, ast.Call)
            and isinstance(child.func, ast.Attribute)
            and child.func.attr == "_set_hyper"
            and child.args
            and _string(child.args[0]) is not None
        ):
            yield _string(child.args[0]) or "", "attribute"


def _dynamic_attributes(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
) -> Iterator[tuple[str, str]]:
    """Names ``__getattr__`` answers: ``name == "lr"`` comparisons on its parameter."""
    if len(node.args.args) < 2:
        return
    param = node.args.args[1].arg
    for child in ast.walk(node):
        if (
            isinstance(child, ast.Compare)
            and isinstance(child.left, ast.Name)
            and child.left.id == param
            and isinstance(child.ops[0], ast.Eq)
            and _string(child.comparators[0]) is not None
        ):
            yield _string(child.comparators[0]) or "", "attribute"


def _string(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _strings(node: ast.expr | None) -> set[str]:
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        return {s for e in node.elts if (s := _string(e)) is not None}
    if isinstance(node, ast.Call) and ast.unparse(node.func) in ("set", "frozenset") and node.args:
        return _strings(node.args[0])
    single = _string(node) if node is not None else None
    return {single} if single is not None else set()


# -- signatures -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Method:
    """A method found on a class: the function node, where it is defined, its MRO position."""

    node: ast.FunctionDef | ast.AsyncFunctionDef
    owner: Entity
    index: int
    static: bool


def find_method(chain: list[Entity], name: str, start: int = 0) -> Method | None:
    for index in range(start, len(chain)):
        node = chain[index].node
        assert isinstance(node, ast.ClassDef)
        for statement in class_body(node):
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef) and (
                statement.name == name
            ):
                static = any(ast.unparse(d) == "staticmethod" for d in statement.decorator_list)
                return Method(statement, chain[index], index, static)
    return None


def parameters(node: ast.FunctionDef | ast.AsyncFunctionDef, bound: bool) -> list[str]:
    """The parameter list as tokens: ``name`` (required), ``name=`` (has a default), ``/``,
    ``*`` or ``*args``, ``**kwargs``; the first parameter dropped when ``bound``."""
    args = node.args
    positional = [*args.posonlyargs, *args.args]
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    tokens = []
    for index, (arg, default) in enumerate(zip(positional, defaults, strict=True)):
        if bound and index == 0:
            continue
        tokens.append(arg.arg + ("=" if default is not None else ""))
        if args.posonlyargs and index == len(args.posonlyargs) - 1:
            tokens.append("/")
    if args.vararg is not None:
        tokens.append("*" + args.vararg.arg)
    elif args.kwonlyargs:
        tokens.append("*")
    for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        tokens.append(arg.arg + ("=" if default is not None else ""))
    if args.kwarg is not None:
        tokens.append("**" + args.kwarg.arg)
    return tokens


def _names(tokens: list[str]) -> set[str]:
    return {t.rstrip("=") for t in tokens if not t.startswith("*") and t != "/"}


@dataclass
class Flow:
    """What a ``**kwargs`` parameter accepts beyond the named parameters, and what happens
    to any other keyword: ``raise``, ``ignore`` (dropped silently) or ``unknown``."""

    accepted: set[str]
    unknown: str


def signature(wheel: Wheel, chain: list[Entity], name: str) -> tuple[list[str], Flow] | None:
    """The parameters of ``chain[0].name`` and what its ``**kwargs`` accepts."""
    method = find_method(chain, name)
    if method is None:
        return None
    tokens = parameters(method.node, bound=not method.static)
    return tokens, _flow(wheel, chain, method, method.node.args.kwarg, 0)


def function_signature(wheel: Wheel, function: Entity) -> tuple[list[str], Flow] | None:
    """The parameters of a module-level function and what its ``**kwargs`` accepts."""
    function = wheel.load(function)
    node = function.node
    if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return None
    method = Method(node, function, 0, static=True)
    return parameters(node, bound=False), _flow(wheel, [], method, node.args.kwarg, 0)


def _flow(wheel: Wheel, chain: list[Entity], method: Method, kwarg: ast.arg | None, depth: int):
    if kwarg is None:
        return Flow(set(), "raise")
    if depth > _MAX_FLOW:
        return Flow(set(), "unknown")
    scan = _Scan(kwarg.arg)
    scan.run(method.node)
    accepted = set(scan.reads)
    unknown = "raise" if scan.raises else ""
    for target, via_dict in scan.forwards:
        resolved = _forward_target(wheel, chain, method, target)
        if resolved is None:
            unknown = unknown or "unknown"
            continue
        next_method, next_chain = resolved
        if via_dict:  # self._process_kwargs(kwargs): that function reads the dict itself
            positional = [*next_method.node.args.posonlyargs, *next_method.node.args.args]
            index = via_dict + (0 if next_method.static else 1) - 1
            if not 0 <= index < len(positional):
                unknown = unknown or "unknown"
                continue
            sub = _flow(wheel, next_chain, next_method, positional[index], depth + 1)
            if sub.unknown == "raise":
                unknown = "raise"
            accepted |= sub.accepted
            continue
        sub = _flow(wheel, next_chain, next_method, next_method.node.args.kwarg, depth + 1)
        accepted |= _passable(next_method, target) | sub.accepted
        unknown = unknown or sub.unknown
    return Flow(accepted, unknown or "ignore")


def _passable(method: Method, call: ast.Call) -> set[str]:
    """The named parameters of ``method`` that ``call`` leaves to its ``**kwargs``."""
    tokens = parameters(method.node, bound=not method.static)
    positional = [t.rstrip("=") for t in tokens if not t.startswith("*") and t != "/"]
    given = {k.arg for k in call.keywords if k.arg is not None}
    return set(positional[len(call.args) :]) - given


def _forward_target(
    wheel: Wheel, chain: list[Entity], method: Method, call: ast.Call
) -> tuple[Method, list[Entity]] | None:
    func = call.func
    if not isinstance(func, ast.Attribute):
        return None
    receiver = func.value
    if isinstance(receiver, ast.Call) and ast.unparse(receiver.func) == "super":
        if receiver.args:  # super(Cls, self): the class after Cls in this MRO
            named = wheel.resolve_expr(method.owner.module, receiver.args[0])
            start = next((i + 1 for i, c in enumerate(chain) if c == named), method.index + 1)
        else:
            start = method.index + 1
        found = find_method(chain, func.attr, start)
        return (found, chain) if found is not None else None
    if isinstance(receiver, ast.Name) and receiver.id in ("self", "cls"):
        found = find_method(chain, func.attr)
        return (found, chain) if found is not None else None
    if isinstance(receiver, ast.Name | ast.Attribute):
        owner = wheel.resolve_expr(method.owner.module, receiver)
        if owner is not None and owner.kind == "module":
            function = wheel.resolve(owner.qualname, func.attr)
            function = wheel.load(function) if function is not None else None
            if function is not None and isinstance(function.node, ast.FunctionDef):
                return Method(function.node, function, 0, static=True), []
            return None
        if owner is not None and owner.kind == "class":
            owner_chain = mro(wheel, owner)
            found = find_method(owner_chain, func.attr)
            if found is not None and any(c == owner for c in chain):
                return found, owner_chain
    return None


class _Scan:
    """What a function does with its ``**kwargs`` dict (named ``name``)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.reads: set[str] = set()
        self.raises = False
        self.forwards: list[tuple[ast.Call, int]] = []  # (call, 0 for **kw / position of kw)
        self._literals: dict[str, set[str]] = {}

    def run(self, function: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name) and _strings(node.value):
                    self._literals[target.id] = _strings(node.value)
        for node in ast.walk(function):
            self.visit(node)

    def _is_kw(self, node: ast.expr) -> bool:
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("keys", "items")
            and not node.args
        ):
            node = node.func.value
        return isinstance(node, ast.Name) and node.id == self.name

    def _literal(self, node: ast.expr) -> set[str]:
        if isinstance(node, ast.Name):
            return self._literals.get(node.id, set())
        return _strings(node)

    def visit(self, node: ast.AST) -> None:
        if isinstance(node, ast.Call):
            self.call(node)
        elif isinstance(node, ast.Subscript) and self._is_kw(node.value):
            if (key := _string(node.slice)) is not None:
                self.reads.add(key)
        elif isinstance(node, ast.Compare) and any(self._is_kw(c) for c in node.comparators):
            if (key := _string(node.left)) is not None:
                self.reads.add(key)
        elif isinstance(node, ast.If) and _mentions(node.test, self.name):
            if _raises(node.body):
                self.raises = True
        elif isinstance(node, ast.For) and self._is_kw(node.iter) and _raises(node.body):
            self.raises = True
            for child in ast.walk(node):
                if isinstance(child, ast.Compare) and isinstance(child.ops[0], ast.NotIn):
                    self.reads |= self._literal(child.comparators[0])

    def call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and self._is_kw(func.value):
            key = _string(node.args[0]) if node.args else None
            if func.attr in ("pop", "get", "setdefault") and key is not None:
                self.reads.add(key)
            return
        validates = ast.unparse(func).endswith("validate_kwargs")
        if validates and node.args and self._is_kw(node.args[0]):
            self.raises = True
            if len(node.args) > 1:
                self.reads |= self._literal(node.args[1])
            return
        if any(k.arg is None and self._is_kw(k.value) for k in node.keywords):
            self.forwards.append((node, 0))
            return
        for position, arg in enumerate(node.args, start=1):
            if self._is_kw(arg):
                self.forwards.append((node, position))
                return


def _mentions(test: ast.expr, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(test))


def _raises(body: list[ast.stmt]) -> bool:
    return any(isinstance(n, ast.Raise) for s in body for n in ast.walk(s))


# -- file-name checks ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PathRule:
    """A save path Keras rejects unless it ends with one of ``suffixes`` (when ``when``)."""

    suffixes: tuple[str, ...]
    when: str  # the other conditions of the check, "" when unconditional


def path_rules(
    wheel: Wheel, function: ast.FunctionDef | ast.AsyncFunctionDef, module: str, param: str
) -> list[PathRule]:
    """The suffix checks on ``param`` in ``function`` or, if none, in the first function it
    passes ``param`` to that has some (followed through three calls)."""
    return _path_rules(wheel, function, module, param, 0)


def _path_rules(wheel: Wheel, function, module: str, param: str, depth: int) -> list[PathRule]:
    rules = _suffix_checks(function.body, [])
    if rules or depth >= 3:
        return rules
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        position = next(
            (i for i, a in enumerate(node.args) if isinstance(a, ast.Name) and a.id == param),
            None,
        )
        if position is None:
            continue
        receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
        if isinstance(receiver, ast.Name) and receiver.id == "self":
            continue
        callee = wheel.resolve_expr(module, node.func)
        if callee is None or callee.kind != "function":
            continue
        callee = wheel.load(callee)
        assert isinstance(callee.node, ast.FunctionDef | ast.AsyncFunctionDef)
        names = [a.arg for a in (*callee.node.args.posonlyargs, *callee.node.args.args)]
        if position < len(names):
            found = _path_rules(wheel, callee.node, callee.module, names[position], depth + 1)
            if found:
                return found
    return []


def _suffix_checks(body: list[ast.stmt], outer: list[str]) -> list[PathRule]:
    rules: list[PathRule] = []
    for index, statement in enumerate(body):
        if isinstance(statement, ast.If):
            rules.extend(_if_checks(statement, outer))
        elif isinstance(statement, ast.Raise):
            rules.extend(_returns_then_raise(body[:index], outer))
    return list(dict.fromkeys(rules))


def _returns_then_raise(before: list[ast.stmt], outer: list[str]) -> list[PathRule]:
    """``if p.endswith(S1): return ...`` ... then ``raise``: the suffixes that return."""
    suffixes: list[str] = []
    when: list[str] = []
    for statement in reversed(before):
        if not isinstance(statement, ast.If) or statement.orelse:
            break
        if not statement.body or not isinstance(statement.body[-1], ast.Return):
            break
        parts = _conjuncts(statement.test)
        found = [s for part in parts for s in _endswith(part)]
        if found:
            suffixes[:0] = found
        else:
            test = statement.test
            negated = test.operand if isinstance(test, ast.UnaryOp) else None
            when.insert(0, ast.unparse(negated) if negated else f"not ({ast.unparse(test)})")
    if not suffixes:
        return []
    return [PathRule(tuple(dict.fromkeys(suffixes)), " and ".join([*outer, *when]))]


def _conjuncts(test: ast.expr) -> list[ast.expr]:
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return list(test.values)
    return [test]


def _if_checks(node: ast.If, outer: list[str]) -> list[PathRule]:
    rules: list[PathRule] = []
    # if not p.endswith(S): raise   (possibly "A and not p.endswith(S)")
    negated, others = _negated_endswith(node.test)
    if negated and _raises_directly(node.body):
        rules.append(PathRule(negated, " and ".join([*outer, *others])))
    # if p.endswith(S1): ... elif p.endswith(S2): ... else: raise
    chain: list[str] = []
    branch: ast.If | None = node
    while branch is not None:
        suffixes = _endswith(branch.test)
        if not suffixes:
            chain = []
            break
        chain.extend(suffixes)
        orelse = branch.orelse
        if len(orelse) == 1 and isinstance(orelse[0], ast.If):
            branch = orelse[0]
        else:
            if orelse and _raises_directly(orelse):
                rules.append(PathRule(tuple(dict.fromkeys(chain)), " and ".join(outer)))
            branch = None
    if not negated and not _endswith(node.test):
        test = ast.unparse(node.test)
        rules.extend(_suffix_checks(node.body, [*outer, test]))
        rules.extend(_suffix_checks(node.orelse, [*outer, f"not {test}"]))
    return rules


def _raises_directly(body: list[ast.stmt]) -> bool:
    return any(isinstance(s, ast.Raise) for s in body)


def _endswith(test: ast.expr) -> tuple[str, ...]:
    """Suffixes tested by ``x.endswith(...)`` (or an ``or`` of them), else ()."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
        parts = [_endswith(v) for v in test.values]
        return tuple(s for p in parts for s in p) if all(parts) else ()
    if (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Attribute)
        and test.func.attr == "endswith"
        and test.args
    ):
        return tuple(sorted(_strings(test.args[0]), key=_order(test.args[0])))
    if (  # any(p.endswith(ext) for ext in (".keras", ".h5"))
        isinstance(test, ast.Call)
        and ast.unparse(test.func) == "any"
        and len(test.args) == 1
        and isinstance(test.args[0], ast.GeneratorExp)
        and _endswith(test.args[0].elt) == ()
        and isinstance(test.args[0].elt, ast.Call)
        and isinstance(test.args[0].elt.func, ast.Attribute)
        and test.args[0].elt.func.attr == "endswith"
    ):
        source = test.args[0].generators[0].iter
        return tuple(sorted(_strings(source), key=_order(source)))
    return ()


def _order(node: ast.expr):
    texts = [e.value for e in ast.walk(node) if isinstance(e, ast.Constant)]
    return lambda s: texts.index(s) if s in texts else 0


def _negated_endswith(test: ast.expr) -> tuple[tuple[str, ...], list[str]]:
    parts = test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) else [test]
    found: tuple[str, ...] = ()
    others = []
    for part in parts:
        if isinstance(part, ast.UnaryOp) and isinstance(part.op, ast.Not) and not found:
            found = _endswith(part.operand)
            if found:
                continue
        others.append(ast.unparse(part))
    return found, others if found else []

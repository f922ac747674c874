"""The script's own project: modules it imports, found on disk and run with the script.

An import of a module that is neither Keras, TensorFlow, numpy nor scikit-learn is looked
for in the project (:mod:`seqlint.project`). A module found there is parsed once per process
(:func:`facts`, kept while its file is unchanged) and never imported: the script's
interpreter runs its top level lazily, a statement only when a name the script uses needs it
(the statements that bind or use that name, in their order, each pulling in what it reads
in turn), with Python's order kept: a statement sees only what ran before it. Its functions
and classes then run at the script's call sites, like the script's own. Nodes made in a module
are placed at the script's line that runs them, with their place in the module as the Loc's
``origin`` (:class:`Placed`).

What cannot be followed (not in the project, a circular import, a module that does not parse or
is over :data:`~seqlint.project.MAX_MODULE_BYTES`, imports deeper than
:data:`MAX_IMPORT_DEPTH`, more than :data:`MAX_MODULES` modules, :data:`MAX_IMPORTED_BYTES` of
them or :data:`MAX_PARSE_SECONDS` of parsing for one script) binds unknown values and says why
(:class:`~seqlint.ir.UnresolvedImport`).
"""

from __future__ import annotations

import ast
import os
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import libcst as cst

from seqlint import project
from seqlint.frontend.imports import is_known_module
from seqlint.frontend.parsing import ParseFailure, parse
from seqlint.frontend.positions import Positions
from seqlint.frontend.scopes import MISSING, Scope
from seqlint.ir import ImportedLoc, Loc, Span, Value
from seqlint.sources import read_source, size_text

MAX_IMPORT_DEPTH = 3  # modules importing modules, counted from the script's own imports
MAX_MODULES = 24  # modules followed for one script
MAX_IMPORTED_BYTES = 128 * 1024  # their source, in all (their trees live beside the script's)
MAX_PARSE_SECONDS = 2.0  # parsing imported modules for one script (a cached parse is free)
_CACHE_BYTES = 128 * 1024  # source of the parsed modules a process keeps (LRU)
STAR = "*"  # the index entry of ``from m import *`` statements

Runner = Callable[["ProjectModule", int], None]


@dataclass(frozen=True)
class Import:
    """A top-level import statement: ``from module import names`` (``names`` None for
    ``import module``, which binds the module)."""

    statement: int
    module: str
    level: int
    names: tuple[str, ...] | None


@dataclass(eq=False)
class Facts:
    """A module's file as parsed: its top-level statements and, for each name, the
    statements that bind or use it (``index``); or why it cannot be followed."""

    digest: str
    size: int
    tree: cst.Module | None = None
    text: str = ""
    index: dict[str, tuple[int, ...]] = field(default_factory=dict)
    public: tuple[str, ...] = ()  # what ``from m import *`` binds
    imports: tuple[Import, ...] = ()  # its top-level import statements, in order
    problem: str = ""

    @property
    def statements(self) -> tuple[cst.BaseStatement, ...]:
        return tuple(self.tree.body) if self.tree is not None else ()


_FACTS: OrderedDict[str, Facts] = OrderedDict()  # by path, least recently used first


def facts(path: str) -> tuple[Facts, float]:
    """The facts of the module at ``path`` (from the process's cache while the file is
    unchanged), and the seconds spent parsing it now."""
    read = read_source(path, project.MAX_MODULE_BYTES)
    if read.text is None:
        reason = f"cannot be read ({read.problem})"
        if read.action == "skip":
            limit = size_text(project.MAX_MODULE_BYTES)
            reason = f"is over the {limit} limit for imported modules"
        return Facts(project.file_digest(path), 0, problem=reason), 0.0
    digest = project.digest(read.data)
    cached = _FACTS.get(path)
    if cached is not None and cached.digest == digest:
        _FACTS.move_to_end(path)
        return cached, 0.0
    start = time.perf_counter()
    found = _parse(read.text, digest)
    spent = time.perf_counter() - start
    _keep(path, found)
    return found, spent


def _keep(path: str, found: Facts) -> None:
    _FACTS[path] = found
    _FACTS.move_to_end(path)
    total = sum(f.size for f in _FACTS.values())
    while total > _CACHE_BYTES and len(_FACTS) > 1:
        _, dropped = _FACTS.popitem(last=False)
        total -= dropped.size


def _parse(text: str, digest: str) -> Facts:
    try:
        tree = parse(text)
    except ParseFailure as exc:
        return Facts(digest, 0, problem=f"does not parse (line {exc.line}: {exc.message})")
    found = _indexed(tree, text, digest)
    return found or Facts(digest, 0, problem="is read otherwise by Python's parser than by libcst")


def _indexed(tree: cst.Module, text: str, digest: str) -> Facts | None:
    """Facts of a parsed module: Python's own parser (fast, C) gives the names each top-level
    statement binds or uses; libcst's statements are matched to it one by one."""
    try:
        body = ast.parse(text).body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    index: dict[str, list[int]] = {}
    public: list[str] = []
    imports: list[Import] = []
    position = 0
    for number, statement in enumerate(tree.body):
        count = len(statement.body) if isinstance(statement, cst.SimpleStatementLine) else 1
        bound: set[str] = set()
        used: set[str] = set()
        for node in body[position : position + count]:
            _affected(node, bound, used)
            if isinstance(node, ast.ImportFrom):
                names = tuple(alias.name for alias in node.names)
                imports.append(Import(number, node.module or "", node.level, names))
            elif isinstance(node, ast.Import):
                imports.extend(Import(number, a.name, 0, None) for a in node.names)
        position += count
        for name in bound | used:
            index.setdefault(name, []).append(number)
        public.extend(sorted(n for n in bound if not n.startswith("_") and n != STAR))
    if position != len(body):
        return None
    names = _declared_all(body)
    return Facts(
        digest,
        len(text),
        tree,
        text,
        {name: tuple(found) for name, found in index.items()},
        tuple(dict.fromkeys(public if names is None else names)),
        tuple(imports),
    )


def _affected(node: ast.AST, bound: set[str], used: set[str]) -> None:
    """Names a top-level statement binds (assignments, imports, ``def``, ``class``) or uses any
    other way: it may change what they hold (``name.add(...)``, ``helper(name)``,
    ``name[k] = v``), so it runs, in order, before their value is taken. The bodies of
    functions and classes run later (when called, when the class is needed)."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        bound.add(node.name)
        return
    if isinstance(node, ast.Name):
        (bound if isinstance(node.ctx, (ast.Store, ast.Del)) else used).add(node.id)
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        for alias in node.names:
            bound.add(STAR if alias.name == "*" else alias.asname or alias.name.split(".")[0])
    elif isinstance(node, ast.ExceptHandler) and node.name:
        bound.add(node.name)
    for child in ast.iter_child_nodes(node):
        _affected(child, bound, used)


def _declared_all(body: list[ast.stmt]) -> list[str] | None:
    """A literal ``__all__``: the names a star import binds."""
    for statement in body:
        if (
            isinstance(statement, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__all__" for t in statement.targets)
            and isinstance(statement.value, (ast.List, ast.Tuple))
        ):
            items = statement.value.elts
            if all(isinstance(i, ast.Constant) and isinstance(i.value, str) for i in items):
                return [i.value for i in items]  # type: ignore[union-attr]
    return None


@dataclass(frozen=True)
class Unfollowable:
    """Why an import cannot be followed."""

    reason: str


class ProjectModule:
    """A module of the project as one analysis runs it; also the value of its name
    (``import config`` binds ``config`` to it, ``config.UNITS`` runs what binds UNITS)."""

    def __init__(
        self,
        owner: Project,
        name: str,
        found: project.Found,
        found_facts: Facts,
        depth: int,
        site: Loc,
    ) -> None:
        self.owner = owner
        self.name = name
        self.found = found
        self.facts = found_facts
        self.statements = found_facts.statements
        self.depth = depth
        self.site = site  # where the script first reached it
        self.path = found.path
        self.display = project.relative(found.path, owner.directory)
        self.scope = Scope(home=self)
        self.scope.vars["__name__"] = name
        self.scope.vars["__file__"] = found.path
        self.positions = (
            Positions(found_facts.tree, found_facts.text) if found_facts.tree is not None else None
        )
        self.clock = len(self.statements)  # statements before it may run (one is running)
        self.done: set[int] = set()
        self.running: set[int] = set()
        self.star_keras: str | None = None
        self.unfollowed: dict[str, str] = {}  # its names an unresolved import bound, and why

    def binding(self, name: str) -> Value:
        """The value of the module's global ``name``, after running the statements before
        the clock that bind or use it; MISSING when none binds it."""
        order = self.facts.index.get(name, ())
        star = self.facts.index.get(STAR)
        if star:
            order = tuple(sorted({*order, *star}))
        for number in order:
            if number >= self.clock:
                break
            if number not in self.done and number not in self.running:
                self.run(number)
        if self.pending(name):
            return MISSING  # what binds it has not run yet in Python's order
        return self.scope.vars.get(name, MISSING)

    def pending(self, name: str) -> bool:
        """Whether only statements past the clock bind ``name`` (the module is half run: a
        circular import asks for it too early)."""
        own = self.facts.index.get(name)
        return bool(own) and own[0] >= self.clock  # type: ignore[index]

    def run(self, number: int) -> None:
        self.running.add(number)
        saved, self.clock = self.clock, number
        try:
            self.owner.runner(self, number)
        finally:
            self.clock = saved
            self.running.discard(number)
            self.done.add(number)

    def bind_all(self) -> list[tuple[str, Value]]:
        """What ``from module import *`` binds."""
        return [(name, self.binding(name)) for name in self.facts.public]

    def placed(self, site: Loc) -> Placed:
        return Placed(self, site)


class Placed:
    """Locs for the nodes of a module's code reached from the script at ``site``."""

    def __init__(self, module: ProjectModule, site: Loc) -> None:
        self.module = module
        self.site = site

    def loc(self, node: cst.CSTNode) -> Loc:
        positions = self.module.positions
        inner = positions.loc(node) if positions is not None else Loc.fixed(Span(1, 1, 1, 1))
        module = self.module
        place = ImportedLoc(module.path, module.display, inner, self.site.origin)
        return Loc(self._span, node, place)

    def _span(self, _key: object) -> Span:
        return self.site.span


class Project:
    """The modules one script imports from its project, with the lookups made (for the
    cache) and the budget spent."""

    def __init__(self, script: str, runner: Runner) -> None:
        self.script = os.path.abspath(script)
        self.directory = os.path.dirname(self.script)
        self.roots = project.search_roots(self.script)
        self.runner = runner
        self.modules: dict[str, ProjectModule] = {}
        self.dependencies: dict[tuple[str, str, int], project.Dependency] = {}
        self.parse_seconds = 0.0
        self.opened_bytes = 0
        self._imported: dict[str, str | None] = {}  # the script's imports: why they raise

    def module(
        self, importer: ProjectModule | None, name: str, level: int, site: Loc
    ) -> ProjectModule | Unfollowable:
        """The module ``name`` (``level`` dots) imported by ``importer`` (None: the script),
        or why it cannot be followed."""
        found = self._lookup(importer, name, level)
        shown = "." * level + name
        if found is None:
            return Unfollowable(f"no module `{shown}` in the project")
        return self._open(importer, shown, found, site)

    def parent(
        self, importer: ProjectModule | None, name: str, site: Loc
    ) -> ProjectModule | Unfollowable:
        """The package ``a`` that ``import a.b`` binds (a namespace package too, once ``a.b``
        is found)."""
        found = self._lookup(importer, name, 0) or project.resolve_namespace(name, self.roots)
        if found is None:
            return Unfollowable(f"no module `{name}` in the project")
        return self._open(importer, name, found, site)

    def submodule(
        self, package: ProjectModule, name: str, site: Loc
    ) -> ProjectModule | Unfollowable:
        """``package.name`` as a module (``from package import name``, ``package.name``)."""
        if not package.found.package:
            return Unfollowable(f"`{package.name}` defines no `{name}`")
        found = self._lookup(package, name, 1)
        if found is None or found.namespace:
            return Unfollowable(f"`{package.name}` defines no `{name}`")
        return self._open(package, f"{package.name}.{name}", found, site)

    def _lookup(
        self, importer: ProjectModule | None, name: str, level: int
    ) -> project.Found | None:
        if importer is None:
            path, where = self.script, ""
        elif importer.found.namespace:
            path = os.path.join(importer.found.path, "__init__.py")
            where = project.relative(path, self.directory)
        else:
            path, where = importer.found.path, importer.display
        found = project.resolve(path, name, level, self.roots)
        key = (where, name, level)
        if key not in self.dependencies:
            located = None if found is None else project.relative(found.path, self.directory)
            digest = None
            if found is not None and not found.namespace:
                digest = project.file_digest(found.path)
            self.dependencies[key] = project.Dependency(where, name, level, located, digest)
        return found

    def _open(
        self, importer: ProjectModule | None, name: str, found: project.Found, site: Loc
    ) -> ProjectModule | Unfollowable:
        if found.path == self.script:
            return Unfollowable("a circular import (it imports the script itself)")
        module = self.modules.get(found.path)
        if module is None:
            depth = 1 if importer is None else importer.depth + 1
            if depth > MAX_IMPORT_DEPTH:
                return Unfollowable(f"its imports go more than {MAX_IMPORT_DEPTH} modules deep")
            if len(self.modules) >= MAX_MODULES or self.parse_seconds > MAX_PARSE_SECONDS:
                return Unfollowable("the budget for imported modules is spent")
            if found.namespace:
                loaded = Facts("", 0, cst.Module(body=()))
            else:
                loaded, spent = facts(found.path)
                self.parse_seconds += spent
            display = project.relative(found.path, self.directory)
            if loaded.problem:
                return Unfollowable(f"{display} {loaded.problem}")
            if self.opened_bytes + loaded.size > MAX_IMPORTED_BYTES:
                return Unfollowable("the budget for imported modules is spent")
            self.opened_bytes += loaded.size
            module = ProjectModule(self, name.lstrip("."), found, loaded, depth, site)
            self.modules[found.path] = module
        if importer is None and module.path not in self._imported:
            self._imported[module.path] = self._import_failure(module)
        failure = self._imported.get(module.path) if importer is None else None
        return module if failure is None else Unfollowable(failure)

    def _import_failure(self, module: ProjectModule) -> str | None:
        """Why Python's import of ``module`` raises, simulated on the top-level import
        statements of the project's modules in their order: a name imported from a module
        still half imported (a circular import); None when it does not."""
        partial: dict[str, int] = {}  # modules being imported: the statement each is at
        done: set[str] = set()

        def visit(current: ProjectModule) -> str | None:
            for item in current.facts.imports:
                if not item.level and (is_known_module(item.module) or item.module == "__future__"):
                    continue
                partial[current.path] = item.statement
                target = self.module(current, item.module, item.level, current.site)
                if not isinstance(target, ProjectModule) or target.path in done:
                    continue
                at = partial.get(target.path)
                if at is None:
                    failure = visit(target)
                    if failure is not None:
                        return failure
                    continue
                for name in item.names or ():
                    own = target.facts.index.get(name)
                    if own and own[0] >= at:
                        return (
                            f"a circular import: {current.display} imports `{name}` from "
                            f"{target.display} before {target.display} defines it"
                        )
            partial.pop(current.path, None)
            done.add(current.path)
            return None

        return visit(module)

    def lookups(self) -> tuple[project.Dependency, ...]:
        return tuple(self.dependencies.values())

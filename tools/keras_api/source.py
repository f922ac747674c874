"""A wheel's Python modules read statically: top-level bindings, and names resolved to what
they denote (a module, a class, a function or a value), following imports, star imports and
aliases across the wheel. Nothing is imported.

Branches are taken as TensorFlow 2 with the TensorFlow backend takes them
(``tf2.enabled()`` is true, ``backend() == "tensorflow"``); any other condition keeps both
branches, the first binding winning.
"""

from __future__ import annotations

import ast
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

_BACKEND = "tensorflow"
_TOP_LEVEL = re.compile(r"^(class|def|async def)\s+(\w+)", re.MULTILINE)


@dataclass(frozen=True)
class Entity:
    """What a name denotes. ``kind``: module, class, function, value or external."""

    kind: str
    qualname: str  # module path, or "module.Name" where it is defined
    node: ast.AST | None = field(default=None, compare=False, hash=False)
    module: str = ""  # the module the node belongs to


@dataclass
class Binding:
    """One top-level binding: ``how`` is import (of a module), from, class, def or assign."""

    how: str
    target: str = ""  # import: module path; from: source module
    attr: str = ""  # from: the imported name
    node: ast.AST | None = None


@dataclass
class Module:
    name: str
    is_package: bool
    bindings: dict[str, Binding] = field(default_factory=dict)
    stars: list[str] = field(default_factory=list)
    all: list[str] | None = None
    tree: ast.Module | None = None


class Wheel:
    """The ``.py`` files of one wheel, parsed on demand."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip = zipfile.ZipFile(path)
        self.files = {n for n in self._zip.namelist() if n.endswith(".py")}
        self.roots = {f.split("/", 1)[0] for f in self.files if "/" in f}
        self._modules: dict[str, Module | None] = {}
        self._resolved: dict[tuple[str, str], Entity | None] = {}
        self._light: dict[str, dict[str, str]] = {}

    def file_of(self, module: str) -> str | None:
        base = module.replace(".", "/")
        for candidate in (f"{base}/__init__.py", f"{base}.py"):
            if candidate in self.files:
                return candidate
        return None

    def has_module(self, module: str) -> bool:
        return self.file_of(module) is not None

    def modules_under(self, package: str) -> list[str]:
        """Every module of the wheel at or below ``package``, sorted."""
        prefix = package.replace(".", "/") + "/"
        names = set()
        for file in self.files:
            if not file.startswith(prefix):
                continue
            stem = file[: -len("/__init__.py")] if file.endswith("/__init__.py") else file[:-3]
            names.add(stem.replace("/", "."))
        return sorted(names)

    def module(self, name: str) -> Module | None:
        if name not in self._modules:
            self._modules[name] = self._read(name)
        return self._modules[name]

    def load(self, entity: Entity) -> Entity:
        """The entity with its class or function node (a light resolution has none)."""
        if entity.node is not None or entity.kind not in ("class", "function"):
            return entity
        module = self.module(entity.module)
        binding = module.bindings.get(entity.qualname.rpartition(".")[2]) if module else None
        if binding is None or binding.how not in ("class", "def"):
            return entity
        return Entity(entity.kind, entity.qualname, binding.node, entity.module)

    def _defined(self, module: str) -> dict[str, str]:
        """Classes and functions a plain module defines at column 0, by a text scan: enough to
        know what a name re-exported from it is, without parsing it."""
        if module not in self._light:
            file = self.file_of(module)
            found: dict[str, str] = {}
            if file is not None and not file.endswith("__init__.py"):
                for match in _TOP_LEVEL.finditer(self._text(file)):
                    kind = "class" if match.group(1) == "class" else "function"
                    found.setdefault(match.group(2), kind)
            self._light[module] = found
        return self._light[module]

    def _text(self, file: str) -> str:
        return self._zip.read(file).decode("utf-8", "replace")

    def _read(self, name: str) -> Module | None:
        file = self.file_of(name)
        if file is None:
            return None
        text = self._text(file)
        try:
            tree = ast.parse(text)
        except SyntaxError:
            return None
        module = Module(name, file.endswith("__init__.py"), tree=tree)
        _Binder(module).statements(tree.body, override=True)
        return module

    # -- resolution -------------------------------------------------------------------------

    def resolve(self, module: str, name: str, depth: int = 0) -> Entity | None:
        """What ``module.name`` denotes, or None when it does not exist."""
        key = (module, name)
        if key not in self._resolved:
            self._resolved[key] = None  # a cycle resolves to nothing
            self._resolved[key] = self._resolve(module, name, depth)
        return self._resolved[key]

    def _resolve(self, module: str, name: str, depth: int) -> Entity | None:
        if depth > 40:
            return Entity("value", f"{module}.{name}")
        if module not in self._modules and name in self._defined(module):
            return Entity(self._defined(module)[name], f"{module}.{name}", None, module)
        mod = self.module(module)
        if mod is None:
            if self._in_wheel(module):
                return None
            return Entity("external", f"{module}.{name}")
        binding = mod.bindings.get(name)
        if binding is None:
            for star in mod.stars:
                if name in (self.star_names(star, depth + 1) or ()):
                    return self.resolve(star, name, depth + 1)
            submodule = f"{module}.{name}"
            return Entity("module", submodule) if self.has_module(submodule) else None
        return self._denote(mod, name, binding, depth)

    def _denote(self, mod: Module, name: str, binding: Binding, depth: int) -> Entity | None:
        if binding.how == "import":
            return self._module_entity(binding.target)
        if binding.how == "from":
            if not self._in_wheel(binding.target):
                return Entity("external", f"{binding.target}.{binding.attr}")
            submodule = f"{binding.target}.{binding.attr}"
            if self.has_module(submodule) and self._imports_submodule(binding):
                return Entity("module", submodule)
            return self.resolve(binding.target, binding.attr, depth + 1)
        if binding.how == "class":
            return Entity("class", f"{mod.name}.{name}", binding.node, mod.name)
        if binding.how == "def":
            return Entity("function", f"{mod.name}.{name}", binding.node, mod.name)
        value = binding.node
        if isinstance(value, ast.Name | ast.Attribute):
            found = self.resolve_expr(mod.name, value, depth + 1)
            if found is not None:
                return found
        return Entity("value", f"{mod.name}.{name}", value, mod.name)

    def _imports_submodule(self, binding: Binding) -> bool:
        """``from pkg import sub`` imports the submodule unless ``pkg`` binds ``sub`` to
        something else first."""
        source = self.module(binding.target)
        own = source.bindings.get(binding.attr) if source is not None else None
        if own is None:
            return True
        return own.how == "from" and (own.target, own.attr) == (binding.target, binding.attr)

    def _module_entity(self, module: str) -> Entity:
        return Entity("module" if self.has_module(module) else "external", module)

    def _in_wheel(self, module: str) -> bool:
        return module.split(".", 1)[0] in self.roots

    def resolve_expr(self, module: str, expr: ast.expr, depth: int = 0) -> Entity | None:
        """What a Name/Attribute chain read in ``module`` denotes."""
        if isinstance(expr, ast.Name):
            return self.resolve(module, expr.id, depth)
        if isinstance(expr, ast.Attribute):
            base = self.resolve_expr(module, expr.value, depth + 1)
            if base is None:
                return None
            if base.kind == "module":
                return self.resolve(base.qualname, expr.attr, depth + 1)
            if base.kind == "external":
                return Entity("external", f"{base.qualname}.{expr.attr}")
            return None
        return None

    def star_names(self, module: str, depth: int = 0) -> list[str] | None:
        """The names ``from module import *`` binds."""
        mod = self.module(module)
        if mod is None or depth > 40:
            return None
        if mod.all is not None:
            return list(mod.all)
        names = [n for n in mod.bindings if not n.startswith("_")]
        for star in mod.stars:
            names.extend(n for n in self.star_names(star, depth + 1) or () if n not in names)
        return names

    def public_names(self, module: str) -> list[str]:
        """The names a module binds that do not start with an underscore (star imports too)."""
        mod = self.module(module)
        if mod is None:
            return []
        names = [n for n in mod.bindings if not n.startswith("_")]
        for star in mod.stars:
            names.extend(n for n in self.star_names(star) or () if n not in mod.bindings)
        return sorted(set(names))


class _Binder:
    """Fills a Module's bindings from its top-level statements."""

    def __init__(self, module: Module) -> None:
        self.module = module
        self.package = module.name if module.is_package else module.name.rpartition(".")[0]

    def bind(self, name: str, binding: Binding, override: bool) -> None:
        if override or name not in self.module.bindings:
            self.module.bindings[name] = binding

    def statements(self, body: list[ast.stmt], override: bool) -> None:
        for statement in body:
            self.statement(statement, override)

    def statement(self, node: ast.stmt, override: bool) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    self.bind(alias.asname, Binding("import", alias.name), override)
                else:
                    root = alias.name.split(".", 1)[0]
                    self.bind(root, Binding("import", root), override)
        elif isinstance(node, ast.ImportFrom):
            source = self.absolute(node)
            for alias in node.names:
                if alias.name == "*":
                    if source not in self.module.stars:
                        self.module.stars.append(source)
                    continue
                binding = Binding("from", source, alias.name)
                self.bind(alias.asname or alias.name, binding, override)
        elif isinstance(node, ast.ClassDef):
            self.bind(node.name, Binding("class", node=node), override)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            self.bind(node.name, Binding("def", node=node), override)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            self.assign(node, override)
        elif isinstance(node, ast.If):
            verdict = condition(node.test)
            if verdict is None:
                self.statements(node.body, override)
                self.statements(node.orelse, False)
            else:
                self.statements(node.body if verdict else node.orelse, override)
        elif isinstance(node, ast.Try):
            self.statements(node.body, override)
            for handler in node.handlers:
                self.statements(handler.body, False)
            self.statements(node.orelse, override)
            self.statements(node.finalbody, override)
        elif isinstance(node, ast.With):
            self.statements(node.body, override)
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                if isinstance(target, ast.Name) and override:
                    self.module.bindings.pop(target.id, None)

    def assign(self, node: ast.Assign | ast.AnnAssign, override: bool) -> None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        value = node.value
        for target in targets:
            if not isinstance(target, ast.Name):
                continue
            if target.id == "__all__" and isinstance(value, ast.List | ast.Tuple):
                self.module.all = [
                    e.value
                    for e in value.elts
                    if isinstance(e, ast.Constant) and isinstance(e.value, str)
                ]
            self.bind(target.id, Binding("assign", node=value), override)

    def absolute(self, node: ast.ImportFrom) -> str:
        if not node.level:
            return node.module or ""
        parts = self.package.split(".")
        base = parts[: len(parts) - node.level + 1]
        return ".".join([*base, *([node.module] if node.module else [])])


def condition(test: ast.expr) -> bool | None:
    """A branch condition decided for TensorFlow 2 with the TensorFlow backend, else None."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = condition(test.operand)
        return None if inner is None else not inner
    if isinstance(test, ast.Call) and ast.unparse(test.func).endswith("tf2.enabled"):
        return True
    if (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.Eq | ast.NotEq)
        and isinstance(test.comparators[0], ast.Constant)
        and isinstance(test.comparators[0].value, str)
        and "backend" in ast.unparse(test.left).lower()
    ):
        same = test.comparators[0].value == _BACKEND
        return same if isinstance(test.ops[0], ast.Eq) else not same
    return None

"""Name bindings: nested scopes, and the undo logs that make branches uncertain."""

from __future__ import annotations

from typing import TYPE_CHECKING

from seqlint.ir import Array, Value

if TYPE_CHECKING:
    from seqlint.frontend.modules import ProjectModule

MISSING = object()  # "no binding" in lookups and undo logs

Assignment = tuple["Scope", str, Value]  # a name a branch assigned, and its final value


class Scope:
    """The variables of the module or of one function call; reads fall back to ``parent``."""

    __slots__ = ("home", "parent", "redirect", "vars")

    def __init__(self, parent: Scope | None = None, home: ProjectModule | None = None) -> None:
        self.vars: dict[str, Value] = {}
        self.parent = parent
        self.redirect: dict[str, Scope] = {}  # ``global``/``nonlocal`` declarations
        self.home = home  # the scope of an imported module: its top level runs on demand

    def lookup(self, name: str) -> Value:
        """The value bound to ``name`` here or in an enclosing scope, else MISSING."""
        scope: Scope | None = self
        while scope is not None:
            if scope.home is not None:
                return scope.home.binding(name)
            value = scope.vars.get(name, MISSING)
            if value is not MISSING:
                return value
            scope = scope.parent
        return MISSING

    def owner(self, name: str) -> Scope:
        """The scope an assignment to ``name`` writes to."""
        return self.redirect.get(name, self)

    def size_names(self) -> dict[int, str]:
        """The code that holds each positive int here: for each value, in the innermost
        scope that has any, the one name bound to it, else (in a function) the one
        ``array.shape[i]`` of an array it was given or made; several: none, the value is
        ambiguous. Imported modules' scopes are not read."""
        found: dict[int, str] = {}
        ambiguous: set[int] = set()
        hidden: set[str] = set()  # bound by an inner scope: an outer binding is shadowed
        scope: Scope | None = self
        while scope is not None and scope.home is None:
            names: dict[int, list[str]] = {}
            axes: dict[int, list[str]] = {}
            for name, value in scope.vars.items():
                if name in hidden:
                    continue
                if type(value) is int and value > 0:
                    names.setdefault(value, []).append(name)
                elif scope.parent is not None and isinstance(value, Array) and value.shape:
                    for axis, dim in enumerate(value.shape[1:], start=1):
                        if type(dim) is int and dim > 0:
                            axes.setdefault(dim, []).append(f"{name}.shape[{axis}]")
            for value in {*names, *axes}:
                if value in found or value in ambiguous:
                    continue
                held = names.get(value) or axes[value]
                if len(held) == 1:
                    found[value] = held[0]
                else:
                    ambiguous.add(value)
            hidden.update(scope.vars)
            scope = scope.parent
        return found

    def module(self) -> Scope:
        scope = self
        while scope.parent is not None:
            scope = scope.parent
        return scope

    def enclosing_owner(self, name: str) -> Scope:
        """The nearest enclosing function scope binding ``name`` (for ``nonlocal``)."""
        scope = self.parent
        while scope is not None and scope.parent is not None:
            if name in scope.vars:
                return scope
            scope = scope.parent
        return self


class Branches:
    """Undo logs of the branch bodies being interpreted.

    Inside a branch body assignments take effect (the body sees them); when
    the body ends they are undone, and once every alternative has run each
    name any of them assigned becomes unknown.
    """

    def __init__(self) -> None:
        self._logs: list[dict[tuple[int, str], tuple[Scope, str, Value]]] = []

    @property
    def level(self) -> int:
        """How many uncertain branch bodies enclose the current statement."""
        return len(self._logs)

    def record(self, scope: Scope, name: str) -> None:
        """Remember the binding of ``name`` in ``scope`` before its first change in this body."""
        if self._logs:
            log = self._logs[-1]
            key = (id(scope), name)
            if key not in log:
                log[key] = (scope, name, scope.vars.get(name, MISSING))

    def enter(self) -> None:
        self._logs.append({})

    def leave(self) -> list[Assignment]:
        """Undo the body's assignments; return what it assigned, with the final values."""
        log = self._logs.pop()
        assigned = []
        for scope, name, old in log.values():
            assigned.append((scope, name, scope.vars.get(name, MISSING)))
            if old is MISSING:
                scope.vars.pop(name, None)
            else:
                scope.vars[name] = old
        return assigned

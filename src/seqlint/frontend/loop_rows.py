"""Lists built one row per step of a loop too long to unroll: ``rows = []`` then
``for i in range(n): rows.append(row)`` holds ``n`` rows like the one the body appends,
when the body appends exactly once, unconditionally, and never stops the loop early."""

from __future__ import annotations

import libcst as cst

from seqlint.frontend.walk import nodes


def appended_once(loop: cst.For) -> list[str]:
    """The names ``loop``'s body appends to once per step: ``name.append(...)`` as a
    statement of the body itself, the body's only use of ``name``, in a body of simple
    statements that carries nothing from one step to the next (each name it assigns is
    assigned before it is read), so that every step appends a row made the same way.
    The caller checks that the loop has no ``break``/``continue``/``return``/``raise``."""
    body = loop.body
    if loop.orelse is not None or not isinstance(body, cst.IndentedBlock):
        return []
    statements = list(body.body)
    if not all(isinstance(s, cst.SimpleStatementLine) for s in statements):
        return []
    appended = [
        name
        for statement in statements
        for small in statement.body  # type: ignore[attr-defined]
        if (name := _append_receiver(small)) is not None
    ]
    if not appended or _carries(statements, _targets(loop.target)):
        return []
    return [name for name in appended if _uses(loop.body, name) == 1]


def _append_receiver(small: cst.BaseSmallStatement) -> str | None:
    """``name`` when ``small`` is the expression statement ``name.append(x)``."""
    if not isinstance(small, cst.Expr) or not isinstance(small.value, cst.Call):
        return None
    call = small.value
    func = call.func
    if not (
        isinstance(func, cst.Attribute)
        and func.attr.value == "append"
        and isinstance(func.value, cst.Name)
        and len(call.args) == 1
        and call.args[0].keyword is None
        and not call.args[0].star
    ):
        return None
    return func.value.value


def _carries(statements: list[cst.BaseStatement], loop_names: set[str]) -> bool:
    """Whether a statement reads a name the body assigns before the body assigns it: the
    value then comes from the previous step (``x = pool(x)``)."""
    assigned_in_body: set[str] = set()
    for statement in statements:
        assigned_in_body |= _assigned(statement)
    bound = set(loop_names)
    for statement in statements:
        if (_read(statement) & assigned_in_body) - bound:
            return True
        bound |= _assigned(statement)
    return False


def _assigned(node: cst.CSTNode) -> set[str]:
    """Names bound by assignments (plain, augmented, annotated, walrus)."""
    names: set[str] = set()
    for found in nodes(node):
        kind = type(found)
        if kind is cst.Assign:
            for target in found.targets:
                names |= {n.value for n in _names(target.target)}
        elif kind in _ONE_TARGET:
            names |= {n.value for n in _names(found.target)}
    return names


_ONE_TARGET = frozenset((cst.AugAssign, cst.AnnAssign, cst.NamedExpr))


def _targets(target: cst.BaseExpression) -> set[str]:
    return {n.value for n in _names(target)}


def _read(node: cst.CSTNode) -> set[str]:
    """Names a statement reads: every name in it but the plain targets it assigns."""
    written = {id(n) for n in _plain_targets(node)}
    return {n.value for n in _names(node) if id(n) not in written}


def _names(node: cst.CSTNode) -> list[cst.Name]:
    return [n for n in nodes(node) if type(n) is cst.Name]


def _plain_targets(node: cst.CSTNode) -> list[cst.Name]:
    """The names an assignment statement binds (``a = ...``, ``a, b = ...``)."""
    found: list[cst.Name] = []
    for small in getattr(node, "body", ()):
        if isinstance(small, cst.Assign):
            for target in small.targets:
                found.extend(_names(target.target) if _is_plain(target.target) else [])
        elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
            found.append(small.target)
    return found


def _is_plain(target: cst.BaseExpression) -> bool:
    if isinstance(target, cst.Name):
        return True
    return isinstance(target, (cst.Tuple, cst.List)) and all(
        isinstance(e.value, cst.Name) for e in target.elements
    )


def _uses(body: cst.CSTNode, name: str) -> int:
    return sum(1 for n in nodes(body) if type(n) is cst.Name and n.value == name)

"""Apply fix edits to the parsed module: the one place fixes touch libcst.

Each edit names its target by a Loc whose key is a node of ``module`` (the IR's Locs are made
that way). Targets are matched by identity while the module is transformed, so comments and
formatting everywhere else are kept as they were. An edit that does not fit the code it
targets (see each edit's docstring) is not applied, and reported back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

import libcst as cst

from seqlint.fixes import (
    Edit,
    InsertLayer,
    RemoveKeyword,
    RenameAttribute,
    RenameCallee,
    RenameImported,
    RenameKeyword,
    ReplaceCall,
    ReplaceString,
    RewriteDotted,
    SetKeyword,
    SwapItems,
    WrapValue,
    target_of,
)
from seqlint.frontend.keras_api import TRAINING_METHODS

KERAS_LAYERS = "keras.layers"  # the end of the modules a new layer may be imported from


_SPACE = cst.SimpleWhitespace(" ")


class _NotApplicable(Exception):
    """The edit does not fit the node it targets."""


class _Replaced(Exception):
    """The call is replaced by another expression."""

    def __init__(self, expression: cst.BaseExpression) -> None:
        super().__init__()
        self.expression = expression


@dataclass(frozen=True)
class _Spelling:
    """How the code can name a new layer: ``callee`` (``layers.RepeatVector``, or the bare
    name), and for a bare name not imported yet, the name (``LSTM``) whose keras layers
    import must bring it in too."""

    callee: str
    import_beside: str | None = None


def apply_edits(module: cst.Module, edits: Sequence[Edit]) -> tuple[str, set[int]]:
    """The code of ``module`` with ``edits`` applied, and the indices of the edits that could
    not be (their target is not in ``module``, or does not fit them)."""
    by_target: dict[int, list[tuple[int, Edit]]] = defaultdict(list)
    for index, edit in enumerate(edits):
        by_target[id(target_of(edit).key)].append((index, edit))
    spellings = _spellings(module, edits)
    editor = _Editor(module, by_target, spellings)
    edited = module.visit(editor)
    imports = {
        (spelling.import_beside, spelling.callee)
        for index, spelling in spellings.items()
        if index in editor.applied and spelling.import_beside is not None
    }
    if imports:
        edited = edited.visit(_ImportAdder(imports))
    return edited.code, set(range(len(edits))) - editor.applied


class _Editor(cst.CSTTransformer):
    def __init__(
        self,
        module: cst.Module,
        edits: dict[int, list[tuple[int, Edit]]],
        spellings: dict[int, _Spelling],
    ) -> None:
        super().__init__()
        self.module = module
        self.edits = edits
        self.spellings = spellings
        self.applied: set[int] = set()

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        templates = []
        for index, edit in self.edits.get(id(original), ()):
            if isinstance(edit, InsertLayer) and edit.sequential:
                continue  # the list or the statement holding the call takes it
            try:
                if isinstance(edit, InsertLayer):
                    updated = self._feed_through(updated, self._new_layer(index, edit))
                else:
                    updated = self._edit_call(updated, edit)
            except _NotApplicable:
                continue
            except _Replaced as replaced:
                self.applied.add(index)
                return replaced.expression
            self.applied.add(index)
            if isinstance(edit, RenameCallee) and edit.template != "{}":
                templates.append(edit.template)
        result: cst.BaseExpression = updated
        for template in templates:  # after every edit of the call itself
            result = self._wrap(result, template)
        return result

    def leave_ImportAlias(
        self, original: cst.ImportAlias, updated: cst.ImportAlias
    ) -> cst.ImportAlias:
        for index, edit in self.edits.get(id(original), ()):
            if isinstance(edit, RenameImported) and isinstance(updated.name, cst.Name):
                used = updated.asname if updated.asname is not None else cst.AsName(updated.name)
                updated = updated.with_changes(name=cst.Name(edit.new), asname=used)
                self.applied.add(index)
        return updated

    def leave_Attribute(
        self, original: cst.Attribute, updated: cst.Attribute
    ) -> cst.BaseExpression:
        result: cst.BaseExpression = updated
        for index, edit in self.edits.get(id(original), ()):
            if isinstance(edit, RenameAttribute) and isinstance(result, cst.Attribute):
                result = result.with_changes(attr=cst.Name(edit.new))
                self.applied.add(index)
            elif isinstance(edit, RewriteDotted):
                rewritten = _rewrite_dotted(result, edit)
                if rewritten is not None:
                    result = rewritten
                    self.applied.add(index)
        return result

    def leave_ImportFrom(self, original: cst.ImportFrom, updated: cst.ImportFrom) -> cst.ImportFrom:
        for index, edit in self.edits.get(id(original), ()):
            if isinstance(edit, RewriteDotted) and updated.module is not None:
                module = _rewrite_dotted(updated.module, edit)
                if isinstance(module, (cst.Name, cst.Attribute)):
                    updated = updated.with_changes(module=module)
                    self.applied.add(index)
        return updated

    def leave_Arg(self, original: cst.Arg, updated: cst.Arg) -> cst.Arg:
        for index, edit in self.edits.get(id(original), ()):
            if isinstance(edit, WrapValue):
                updated = updated.with_changes(value=self._wrap(updated.value, edit.template))
                self.applied.add(index)
        return updated

    def leave_List(self, original: cst.List, updated: cst.List) -> cst.List:
        """A Sequential's list of layers: the new layer goes in before the edited one."""
        elements = list(updated.elements)
        for position in reversed(range(len(original.elements))):
            for index, edit in self._sequential_edits(original.elements[position].value):
                before = _comma_like(elements[position - 1 if position else position].comma)
                new = cst.Element(self._new_layer(index, edit), comma=before)
                elements.insert(position, new)
                self.applied.add(index)
        return updated.with_changes(elements=elements)

    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        return updated.with_changes(body=self._with_adds(original.body, updated.body))

    def leave_IndentedBlock(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        return updated.with_changes(body=self._with_adds(original.body, updated.body))

    def _with_adds(
        self, original: Sequence[cst.BaseStatement], updated: Sequence[cst.BaseStatement]
    ) -> list[cst.BaseStatement]:
        """``model.add(layer)`` statements get a ``model.add(new)`` statement before them."""
        body = list(updated)
        for position in reversed(range(len(original))):
            added = _added_call(original[position])
            statement = updated[position]
            if added is None or not isinstance(statement, cst.SimpleStatementLine):
                continue
            for index, edit in self._sequential_edits(added):
                call = _added_call(statement)
                assert call is not None
                new = call.with_changes(args=[cst.Arg(self._new_layer(index, edit))])
                body.insert(position, cst.SimpleStatementLine(body=[cst.Expr(new)]))
                self.applied.add(index)
        return body

    def _sequential_edits(self, node: cst.CSTNode) -> list[tuple[int, InsertLayer]]:
        return [
            (index, edit)
            for index, edit in self.edits.get(id(node), ())
            if isinstance(edit, InsertLayer) and edit.sequential and index in self.spellings
        ]

    def _new_layer(self, index: int, edit: InsertLayer) -> cst.BaseExpression:
        if index not in self.spellings:
            raise _NotApplicable
        return cst.parse_expression(f"{self.spellings[index].callee}({edit.arguments})")

    def _feed_through(self, call: cst.Call, layer: cst.BaseExpression) -> cst.Call:
        """``layer(x)`` -> ``layer(new(x))``, on the call's first positional argument."""
        for position, arg in enumerate(call.args):
            if arg.keyword is None and not arg.star:
                args = list(call.args)
                fed = cst.Call(func=layer, args=[cst.Arg(arg.value)])
                args[position] = arg.with_changes(value=fed)
                return call.with_changes(args=args)
        raise _NotApplicable

    def _edit_call(self, call: cst.Call, edit: Edit) -> cst.Call:
        if isinstance(edit, SetKeyword):
            return _set_keyword(call, edit.name, cst.parse_expression(edit.code))
        if isinstance(edit, RenameKeyword):
            args = [
                arg.with_changes(keyword=cst.Name(edit.new)) if _is_keyword(arg, edit.old) else arg
                for arg in call.args
            ]
            return call.with_changes(args=args)
        if isinstance(edit, RemoveKeyword):
            return _without_keyword(call, edit.name)
        if isinstance(edit, WrapValue):
            if not any(_is_keyword(arg, edit.name) for arg in call.args):
                raise _NotApplicable
            args = [
                arg.with_changes(value=self._wrap(arg.value, edit.template))
                if _is_keyword(arg, edit.name)
                else arg
                for arg in call.args
            ]
            return call.with_changes(args=args)
        if isinstance(edit, RenameCallee):
            positional = sum(arg.keyword is None and not arg.star for arg in call.args)
            starred = any(arg.star for arg in call.args)
            if edit.max_positional is not None and (positional > edit.max_positional or starred):
                raise _NotApplicable
            return call.with_changes(func=_renamed(call.func, edit.new))
        if isinstance(edit, ReplaceCall):
            raise _Replaced(cst.parse_expression(edit.code))
        if isinstance(edit, ReplaceString):
            args = [_replace_string(arg, edit) for arg in call.args]
            if all(new is old for new, old in zip(args, call.args, strict=True)):
                raise _NotApplicable
            return call.with_changes(args=args)
        if isinstance(edit, SwapItems):
            given = _argument(call, edit.name)
            args = [
                arg.with_changes(value=_swapped_items(arg.value, edit)) if arg is given else arg
                for arg in call.args
            ]
            if all(new is old for new, old in zip(args, call.args, strict=True)):
                raise _NotApplicable
            return call.with_changes(args=args)
        raise TypeError(f"unknown edit {edit!r}")

    def _wrap(self, value: cst.BaseExpression, template: str) -> cst.BaseExpression:
        return cst.parse_expression(template.format(self.module.code_for_node(value)))


class _ImportAdder(cst.CSTTransformer):
    """``from keras.layers import LSTM`` -> ``from keras.layers import LSTM, RepeatVector``
    for each (name imported, name to import beside it)."""

    def __init__(self, imports: set[tuple[str, str]]) -> None:
        super().__init__()
        self.imports = imports

    def leave_ImportFrom(self, original: cst.ImportFrom, updated: cst.ImportFrom) -> cst.ImportFrom:
        if not _from_keras_layers(updated) or isinstance(updated.names, cst.ImportStar):
            return updated
        bound = {_bound_name(alias) for alias in updated.names}
        names = list(updated.names)
        gap = updated.lpar.whitespace_after if updated.lpar else _SPACE
        for beside, new in sorted(self.imports):
            if beside in bound and new not in bound:
                names = _appended(names, cst.ImportAlias(cst.Name(new)), gap)
                bound.add(new)
        return updated.with_changes(names=names)


def _spellings(module: cst.Module, edits: Sequence[Edit]) -> dict[int, _Spelling]:
    """How each InsertLayer edit names its new layer, for those whose name can be had."""
    spellings: dict[int, _Spelling] = {}
    imports: list[cst.ImportFrom] | None = None
    for index, edit in enumerate(edits):
        if not isinstance(edit, InsertLayer) or not isinstance(edit.like.key, cst.Call):
            continue
        func = edit.like.key.func
        if isinstance(func, cst.Attribute):
            callee = f"{module.code_for_node(func.value)}.{edit.kind}"
            spellings[index] = _Spelling(callee)
        elif isinstance(func, cst.Name):
            if imports is None:
                imports = _keras_layer_imports(module)
            if any(_imports(node, edit.kind) for node in imports):
                spellings[index] = _Spelling(edit.kind)
            elif any(_imports(node, func.value) for node in imports):
                spellings[index] = _Spelling(edit.kind, func.value)
    return spellings


def _keras_layer_imports(module: cst.Module) -> list[cst.ImportFrom]:
    found: list[cst.ImportFrom] = []

    class Collector(cst.CSTVisitor):
        def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
            if _from_keras_layers(node):
                found.append(node)

    module.visit(Collector())
    return found


def _from_keras_layers(node: cst.ImportFrom) -> bool:
    if node.relative or node.module is None:
        return False
    return cst.Module([]).code_for_node(node.module).endswith(KERAS_LAYERS)


def _imports(node: cst.ImportFrom, name: str) -> bool:
    """Whether the import binds ``name`` to the keras layer of that name."""
    if isinstance(node.names, cst.ImportStar):
        return True
    return any(
        isinstance(alias.name, cst.Name) and alias.name.value == name == _bound_name(alias)
        for alias in node.names
    )


def _bound_name(alias: cst.ImportAlias) -> str:
    target = alias.asname.name if alias.asname is not None else alias.name
    return target.value if isinstance(target, cst.Name) else ""


def _added_call(statement: cst.BaseStatement) -> cst.Call | None:
    """The call of a ``model.add(layer)`` statement."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return None
    expr = statement.body[0]
    if not isinstance(expr, cst.Expr) or not isinstance(expr.value, cst.Call):
        return None
    func = expr.value.func
    args = expr.value.args
    if not isinstance(func, cst.Attribute) or func.attr.value != "add" or len(args) != 1:
        return None
    return expr.value if args[0].keyword is None and not args[0].star else None


_Item = TypeVar("_Item", cst.Arg, cst.ImportAlias)


def _appended(
    items: list[_Item], new: _Item, gap: cst.BaseParenthesizableWhitespace
) -> list[_Item]:
    """``items`` with ``new`` last, formatted like them: one a line when they end with a
    trailing comma (``gap`` follows the comma when there was only one item), else ``, new``."""
    if not items:
        return [new]
    items = list(items)
    last = items[-1]
    if isinstance(last.comma, cst.Comma):  # its comment stays on its line
        layout = _comma_like(items[-2].comma if len(items) > 1 else None, gap)
        items[-1] = last.with_changes(comma=_with_comment_of(layout, last.comma))
        return [*items, new.with_changes(comma=_comma_like(last.comma))]
    items[-1] = last.with_changes(comma=cst.Comma(whitespace_after=_SPACE))
    return [*items, new]


def _comma_like(
    comma: cst.Comma | cst.MaybeSentinel | None, gap: cst.BaseParenthesizableWhitespace = _SPACE
) -> cst.Comma:
    """A comma laid out like ``comma`` (to the same next line and indentation) without the
    comment that follows it; ``gap`` after a new one when there is none."""
    if not isinstance(comma, cst.Comma):
        return cst.Comma(whitespace_after=gap)
    after = comma.whitespace_after
    if isinstance(after, cst.ParenthesizedWhitespace):
        after = after.with_changes(first_line=cst.TrailingWhitespace(), empty_lines=())
    return comma.with_changes(whitespace_after=after)


def _with_comment_of(layout: cst.Comma, comma: cst.Comma) -> cst.Comma:
    """``layout`` carrying the comment that follows ``comma`` on its line, if any."""
    after, source = layout.whitespace_after, comma.whitespace_after
    if isinstance(after, cst.ParenthesizedWhitespace) and isinstance(
        source, cst.ParenthesizedWhitespace
    ):
        return layout.with_changes(
            whitespace_after=after.with_changes(first_line=source.first_line)
        )
    return layout


def _is_keyword(arg: cst.Arg, name: str) -> bool:
    return arg.keyword is not None and arg.keyword.value == name


def _argument(call: cst.Call, name: str) -> cst.Arg | None:
    """The argument a call gives parameter ``name``: by keyword, or by position for a
    training method (``model.compile("adam", ["mse", "mae"])``; none after a ``*args``,
    whose length is unknown)."""
    method = call.func.attr.value if isinstance(call.func, cst.Attribute) else ""
    parameters = TRAINING_METHODS.get(method, ())
    position = parameters.index(name) if name in parameters else None
    positional = 0
    for arg in call.args:
        if _is_keyword(arg, name):
            return arg
        if arg.star:
            position = None
        elif arg.keyword is None:
            if positional == position:
                return arg
            positional += 1
    return None


def _set_keyword(call: cst.Call, name: str, value: cst.BaseExpression) -> cst.Call:
    if any(arg.star == "**" for arg in call.args):
        raise _NotApplicable
    if any(_is_keyword(arg, name) for arg in call.args):
        args = [
            arg.with_changes(value=value) if _is_keyword(arg, name) else arg for arg in call.args
        ]
        return call.with_changes(args=args)
    new = cst.Arg(
        value=value,
        keyword=cst.Name(name),
        equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
    )
    return call.with_changes(args=_appended(list(call.args), new, call.whitespace_before_args))


def _without_keyword(call: cst.Call, name: str) -> cst.Call:
    args = list(call.args)
    found = [position for position, arg in enumerate(args) if _is_keyword(arg, name)]
    if not found:
        raise _NotApplicable
    removed = args.pop(found[0])
    if found[0] == len(args) and args:  # it was the last one: the new last takes its comma
        args[-1] = args[-1].with_changes(comma=removed.comma)
    return call.with_changes(args=args)


def _rewrite_dotted(node: cst.BaseExpression, edit: RewriteDotted) -> cst.BaseExpression | None:
    """``node`` (a dotted name) with its end ``edit.old`` written ``edit.new`` (all of it
    with ``edit.whole``); None when it does not end so."""
    code = _dotted(node)
    if code is None:
        return None
    if edit.whole:
        new = edit.new if code == edit.old else None
    elif code == edit.old or code.endswith("." + edit.old):
        new = code[: len(code) - len(edit.old)] + edit.new
    else:
        new = None
    if new is None:
        return None
    parsed = cst.parse_expression(new)
    if isinstance(node, cst.Attribute) and isinstance(parsed, cst.Attribute):
        parsed = parsed.with_changes(lpar=node.lpar, rpar=node.rpar)
    return parsed


def _dotted(node: cst.BaseExpression) -> str | None:
    parts: list[str] = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if not isinstance(node, cst.Name):
        return None
    parts.append(node.value)
    return ".".join(reversed(parts))


def _renamed(func: cst.BaseExpression, new: str) -> cst.BaseExpression:
    if isinstance(func, cst.Name):
        return func.with_changes(value=new)
    if isinstance(func, cst.Attribute):
        return func.with_changes(attr=cst.Name(new))
    raise _NotApplicable


def _swapped_items(value: cst.BaseExpression, edit: SwapItems) -> cst.BaseExpression:
    """``value`` with the values of items ``edit.first`` and ``edit.second`` exchanged."""
    if isinstance(value, (cst.List, cst.Tuple)) and isinstance(edit.first, int):
        keys: list[object] = list(range(len(value.elements)))
        plain = all(isinstance(e, cst.Element) for e in value.elements)
    elif isinstance(value, cst.Dict) and isinstance(edit.first, str):
        keys = [
            e.key.evaluated_value
            if isinstance(e, cst.DictElement) and isinstance(e.key, cst.SimpleString)
            else None
            for e in value.elements
        ]
        plain = None not in keys
    else:
        raise _NotApplicable
    if not plain or keys.count(edit.first) != 1 or keys.count(edit.second) != 1:
        raise _NotApplicable
    elements = list(value.elements)
    i, j = keys.index(edit.first), keys.index(edit.second)
    first, second = elements[i], elements[j]
    elements[i] = first.with_changes(value=second.value)  # type: ignore[union-attr]
    elements[j] = second.with_changes(value=first.value)  # type: ignore[union-attr]
    return value.with_changes(elements=elements)


def _replace_string(arg: cst.Arg, edit: ReplaceString) -> cst.Arg:
    value = arg.value
    if isinstance(value, cst.SimpleString) and value.evaluated_value == edit.old:
        text = f"{value.prefix}{value.quote}{edit.new}{value.quote}"
        return arg.with_changes(value=value.with_changes(value=text))
    return arg

"""Apply fix edits to the parsed module: the one place fixes touch libcst.

Each edit names its target by a Loc whose key is a node of ``module`` (the IR's Locs are made
that way). Targets are matched by identity while the module is transformed, so comments and
formatting everywhere else are kept as they were. An edit that does not fit the code it
targets (see each edit's docstring) is not applied, and reported back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import libcst as cst

from seqlint.fixes import (
    Edit,
    RenameAttribute,
    RenameCallee,
    RenameImported,
    RenameKeyword,
    ReplaceString,
    SetKeyword,
    WrapValue,
    target_of,
)


class _NotApplicable(Exception):
    """The edit does not fit the node it targets."""


def apply_edits(module: cst.Module, edits: Sequence[Edit]) -> tuple[str, set[int]]:
    """The code of ``module`` with ``edits`` applied, and the indices of the edits that could
    not be (their target is not in ``module``, or does not fit them)."""
    by_target: dict[int, list[tuple[int, Edit]]] = defaultdict(list)
    for index, edit in enumerate(edits):
        by_target[id(target_of(edit).key)].append((index, edit))
    editor = _Editor(module, by_target)
    code = module.visit(editor).code
    return code, set(range(len(edits))) - editor.applied


class _Editor(cst.CSTTransformer):
    def __init__(self, module: cst.Module, edits: dict[int, list[tuple[int, Edit]]]) -> None:
        super().__init__()
        self.module = module
        self.edits = edits
        self.applied: set[int] = set()

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        for index, edit in self.edits.get(id(original), ()):
            try:
                updated = self._edit_call(updated, edit)
            except _NotApplicable:
                continue
            self.applied.add(index)
        return updated

    def leave_ImportAlias(
        self, original: cst.ImportAlias, updated: cst.ImportAlias
    ) -> cst.ImportAlias:
        for index, edit in self.edits.get(id(original), ()):
            if isinstance(edit, RenameImported) and isinstance(updated.name, cst.Name):
                used = updated.asname if updated.asname is not None else cst.AsName(updated.name)
                updated = updated.with_changes(name=cst.Name(edit.new), asname=used)
                self.applied.add(index)
        return updated

    def leave_Attribute(self, original: cst.Attribute, updated: cst.Attribute) -> cst.Attribute:
        for index, edit in self.edits.get(id(original), ()):
            if isinstance(edit, RenameAttribute):
                updated = updated.with_changes(attr=cst.Name(edit.new))
                self.applied.add(index)
        return updated

    def leave_Arg(self, original: cst.Arg, updated: cst.Arg) -> cst.Arg:
        for index, edit in self.edits.get(id(original), ()):
            if isinstance(edit, WrapValue):
                updated = updated.with_changes(value=self._wrap(updated.value, edit.template))
                self.applied.add(index)
        return updated

    def _edit_call(self, call: cst.Call, edit: Edit) -> cst.Call:
        if isinstance(edit, SetKeyword):
            return _set_keyword(call, edit.name, cst.parse_expression(edit.code))
        if isinstance(edit, RenameKeyword):
            args = [
                arg.with_changes(keyword=cst.Name(edit.new)) if _is_keyword(arg, edit.old) else arg
                for arg in call.args
            ]
            return call.with_changes(args=args)
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
        if isinstance(edit, ReplaceString):
            args = [_replace_string(arg, edit) for arg in call.args]
            if all(new is old for new, old in zip(args, call.args, strict=True)):
                raise _NotApplicable
            return call.with_changes(args=args)
        raise TypeError(f"unknown edit {edit!r}")

    def _wrap(self, value: cst.BaseExpression, template: str) -> cst.BaseExpression:
        return cst.parse_expression(template.format(self.module.code_for_node(value)))


def _is_keyword(arg: cst.Arg, name: str) -> bool:
    return arg.keyword is not None and arg.keyword.value == name


def _set_keyword(call: cst.Call, name: str, value: cst.BaseExpression) -> cst.Call:
    if any(arg.star == "**" for arg in call.args):
        raise _NotApplicable
    if any(_is_keyword(arg, name) for arg in call.args):
        args = [
            arg.with_changes(value=value) if _is_keyword(arg, name) else arg for arg in call.args
        ]
        return call.with_changes(args=args)
    args = list(call.args)
    new = cst.Arg(
        value=value,
        keyword=cst.Name(name),
        equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
    )
    if not args:
        return call.with_changes(args=[new])
    last = args[-1]
    if isinstance(last.comma, cst.Comma):  # one argument a line: the new one goes last, alike
        before = args[-2].comma if len(args) > 1 else cst.MaybeSentinel.DEFAULT
        if not isinstance(before, cst.Comma):
            before = cst.Comma(whitespace_after=call.whitespace_before_args)
        args[-1] = last.with_changes(comma=before)
        return call.with_changes(args=[*args, new.with_changes(comma=last.comma)])
    args[-1] = last.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
    return call.with_changes(args=[*args, new])


def _renamed(func: cst.BaseExpression, new: str) -> cst.BaseExpression:
    if isinstance(func, cst.Name):
        return func.with_changes(value=new)
    if isinstance(func, cst.Attribute):
        return func.with_changes(attr=cst.Name(new))
    raise _NotApplicable


def _replace_string(arg: cst.Arg, edit: ReplaceString) -> cst.Arg:
    value = arg.value
    if isinstance(value, cst.SimpleString) and value.evaluated_value == edit.old:
        text = f"{value.prefix}{value.quote}{edit.new}{value.quote}"
        return arg.with_changes(value=value.with_changes(value=text))
    return arg

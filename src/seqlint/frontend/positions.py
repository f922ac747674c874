"""Lazy source positions and short source texts of CST nodes.

libcst nodes carry no positions: computing them means regenerating the code.
``MetadataWrapper`` + ``PositionProvider`` does that for every node of a
module (and deep-copies it first), which costs 4x the parse.  Here a
:class:`Positions` hands out :class:`~seqlint.ir.Loc` objects that resolve on
first use: the first resolution runs one codegen pass that only counts
characters and records the syntactic start and end offsets (no surrounding
whitespace or comments, as ``PositionProvider`` does) of the nodes Locs were
requested for; offsets become 1-based lines and columns through the source's
line starts.  Files without diagnostics never pay for it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress

import libcst as cst
from libcst._nodes.internal import CodegenState

from seqlint.ir import Loc, Span

_NEWLINE = re.compile(r"\r\n?|\n")


class _AllFound(Exception):
    """Every wanted node has its offsets: the rest of the module need not be generated."""


class _OffsetState(CodegenState):
    """A codegen state that counts characters instead of collecting tokens."""

    def __init__(self, module: cst.Module, wanted: dict[int, cst.CSTNode]) -> None:
        super().__init__(
            default_indent=module.default_indent, default_newline=module.default_newline
        )
        self.offset = 0
        self.wanted = wanted
        self.found: dict[int, tuple[int, int]] = {}

    def add_indent_tokens(self) -> None:
        for token in self.indent_tokens:
            self.offset += len(token)

    def add_token(self, value: str) -> None:
        self.offset += len(value)

    @contextmanager
    def record_syntactic_position(
        self, node: cst.CSTNode, *, start_node: object = None, end_node: object = None
    ) -> Iterator[None]:
        if id(node) not in self.wanted:
            yield
            return
        start = self.offset
        yield
        self.found.setdefault(id(node), (start, self.offset))
        if len(self.found) == len(self.wanted):
            raise _AllFound


class Positions:
    """Creates lazy Locs for the nodes of one module and resolves them together."""

    def __init__(self, module: cst.Module, source: str) -> None:
        self._module = module
        self._source = source
        self._wanted: dict[int, cst.CSTNode] = {}
        self._spans: dict[int, Span] = {}

    def loc(self, node: cst.CSTNode) -> Loc:
        """A Loc for ``node``, resolved lazily."""
        self._wanted[id(node)] = node
        return Loc(self._span, node)

    def _span(self, node: object) -> Span:
        span = self._spans.get(id(node))
        if span is None:
            self._resolve()
            span = self._spans.get(id(node), Span(1, 1, 1, 1))
        return span

    def _resolve(self) -> None:
        pending = {key: node for key, node in self._wanted.items() if key not in self._spans}
        state = _OffsetState(self._module, pending)
        with suppress(_AllFound, RecursionError):  # nodes not reached fall back to line 1
            self._module._codegen(state)
        starts = [0] + [m.end() for m in _NEWLINE.finditer(self._source)]
        for key, (start, end) in state.found.items():
            self._spans[key] = Span(*_line_col(starts, start), *_line_col(starts, end))
        for key in pending:
            self._spans.setdefault(key, Span(1, 1, 1, 1))


def _line_col(line_starts: list[int], offset: int) -> tuple[int, int]:
    index = bisect.bisect_right(line_starts, offset) - 1
    return index + 1, offset - line_starts[index] + 1


class _Full(Exception):
    """Enough text collected."""


class _TextState(CodegenState):
    """A codegen state that drops comments and stops after ``limit`` characters."""

    def __init__(self, limit: int) -> None:
        super().__init__(default_indent="    ", default_newline="\n")
        self.limit = limit
        self.size = 0
        self.in_comment = 0

    def add_token(self, value: str) -> None:
        if self.in_comment:
            return
        self.tokens.append(value)
        self.size += len(value)
        if self.size > self.limit:
            raise _Full

    def before_codegen(self, node: cst.CSTNode) -> None:
        if isinstance(node, cst.Comment):
            self.in_comment += 1

    def after_codegen(self, node: cst.CSTNode) -> None:
        if isinstance(node, cst.Comment):
            self.in_comment -= 1


_SPACES = re.compile(r"\s+")
_INNER = re.compile(r"(?<=[(\[{]) | (?=[)\]}])")


def _codegen_text(node: cst.CSTNode, limit: int) -> str:
    state = _TextState(limit)
    with suppress(_Full, RecursionError):
        node._codegen(state)
    return _INNER.sub("", _SPACES.sub(" ", "".join(state.tokens)).strip())


class _Writer:
    """Renders the common expressions straight from the tree, a lot faster than codegen."""

    def __init__(self, limit: int) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.limit = limit

    def put(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size > self.limit:
            raise _Full

    def expr(self, node: cst.CSTNode, parenthesized: bool = True) -> None:
        keep = parenthesized or isinstance(node, cst.Tuple)  # a tuple's parens are its syntax
        lpar = getattr(node, "lpar", ()) if keep else ()
        for _ in lpar:
            self.put("(")
        render = _RENDER.get(type(node))
        if render is None:
            bare = node.with_changes(lpar=(), rpar=()) if getattr(node, "lpar", ()) else node
            self.put(_codegen_text(bare, self.limit - self.size + 1))
        else:
            render(self, node)
        for _ in lpar:
            self.put(")")

    def items(self, nodes: Sequence[cst.CSTNode], open_: str, close: str) -> None:
        self.put(open_)
        for index, item in enumerate(nodes):
            if index:
                self.put(", ")
            self.expr(item)
        self.put(close)


def _atom(writer: _Writer, node: cst.CSTNode) -> None:
    writer.put(node.value)


def _attribute(writer: _Writer, node: cst.Attribute) -> None:
    writer.expr(node.value)
    writer.put("." + node.attr.value)


def _call(writer: _Writer, node: cst.Call) -> None:
    writer.expr(node.func)
    writer.items(node.args, "(", ")")


def _arg(writer: _Writer, node: cst.Arg) -> None:
    writer.put(node.star)
    if node.keyword is not None:
        writer.put(node.keyword.value + "=")
    writer.expr(node.value)


def _element(writer: _Writer, node: cst.Element | cst.StarredElement) -> None:
    if isinstance(node, cst.StarredElement):
        writer.put("*")
    writer.expr(node.value)


def _tuple(writer: _Writer, node: cst.Tuple) -> None:
    parenthesized = bool(node.lpar)
    if not parenthesized:
        writer.put("(")
    writer.items(node.elements, "", "," if len(node.elements) == 1 else "")
    if not parenthesized:
        writer.put(")")


def _list(writer: _Writer, node: cst.List) -> None:
    writer.items(node.elements, "[", "]")


_OPERATORS = {
    cst.Minus: "-",
    cst.Plus: "+",
    cst.BitInvert: "~",
    cst.Not: "not ",
    cst.Add: " + ",
    cst.Subtract: " - ",
    cst.Multiply: " * ",
    cst.Divide: " / ",
    cst.FloorDivide: " // ",
    cst.Modulo: " % ",
    cst.Power: " ** ",
    cst.MatrixMultiply: " @ ",
    cst.LeftShift: " << ",
    cst.RightShift: " >> ",
    cst.BitAnd: " & ",
    cst.BitOr: " | ",
    cst.BitXor: " ^ ",
}


def _unary(writer: _Writer, node: cst.UnaryOperation) -> None:
    writer.put(_OPERATORS[type(node.operator)])
    writer.expr(node.expression)


def _binary(writer: _Writer, node: cst.BinaryOperation) -> None:
    writer.expr(node.left)
    writer.put(_OPERATORS[type(node.operator)])
    writer.expr(node.right)


def _subscript(writer: _Writer, node: cst.Subscript) -> None:
    writer.expr(node.value)
    writer.items(node.slice, "[", "]")


def _subscript_element(writer: _Writer, node: cst.SubscriptElement) -> None:
    item = node.slice
    if isinstance(item, cst.Index):
        writer.expr(item.value)
        return
    for index, part in enumerate((item.lower, item.upper, item.step)):
        if index == 1 or index == 2 and part is not None:
            writer.put(":")
        if part is not None:
            writer.expr(part)


_RENDER: dict[type, Callable[[_Writer, cst.CSTNode], None]] = {
    cst.Name: _atom,
    cst.Integer: _atom,
    cst.Float: _atom,
    cst.SimpleString: _atom,
    cst.Attribute: _attribute,
    cst.Call: _call,
    cst.Arg: _arg,
    cst.Element: _element,
    cst.StarredElement: _element,
    cst.Tuple: _tuple,
    cst.List: _list,
    cst.UnaryOperation: _unary,
    cst.BinaryOperation: _binary,
    cst.Subscript: _subscript,
    cst.SubscriptElement: _subscript_element,
}


def source_text(node: cst.CSTNode, limit: int = 60) -> str:
    """The node's source on one line, without its own parentheses, comments dropped and
    spacing normalised, at most ``limit`` characters (cut with ``...``)."""
    writer = _Writer(limit * 2)
    with suppress(_Full, RecursionError):
        writer.expr(node, parenthesized=False)
    text = "".join(writer.parts)
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."

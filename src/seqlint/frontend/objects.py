"""Values that exist only while interpreting (they never reach the IR).

The IR's own values (constants, :class:`~seqlint.shapes.dims.Sym`,
:data:`~seqlint.shapes.dims.UNKNOWN`, :class:`~seqlint.ir.Layer`,
:class:`~seqlint.ir.TensorRef`, :class:`~seqlint.ir.Array`,
:class:`~seqlint.ir.ShapeTuple`) are used as they are; models under
construction live in :mod:`seqlint.frontend.models`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import libcst as cst

from seqlint.ir import Value

if TYPE_CHECKING:
    from seqlint.frontend.scopes import Scope


@dataclass(frozen=True)
class ExtName:
    """A module, class or function of keras, tensorflow or numpy, by qualified name."""

    qualname: str

    def attr(self, name: str) -> ExtName:
        return ExtName(f"{self.qualname}.{name}")


@dataclass(eq=False)
class Function:
    """A ``def`` of the linted module, with its defining scope and evaluated defaults."""

    node: cst.FunctionDef
    scope: Scope
    defaults: dict[str, Value]


@dataclass(frozen=True)
class KerasClass:
    """A class of the linted module derived from a Keras layer or model.

    Instances are layers of kind :attr:`kind`, which the shape registry does not model.
    """

    kind: str


@dataclass
class Args:
    """Evaluated call arguments, with the expressions they came from.

    ``complete`` is False when a ``*args``/``**kwargs`` could not be expanded,
    so parameters not given explicitly are unknown rather than defaulted.
    """

    positional: list[Value] = field(default_factory=list)
    keywords: dict[str, Value] = field(default_factory=dict)
    positional_exprs: list[cst.BaseExpression | None] = field(default_factory=list)
    keyword_args: dict[str, cst.Arg] = field(default_factory=dict)
    complete: bool = True

    def get(self, index: int, name: str, default: Value = None) -> Value:
        """The argument passed at position ``index`` or as keyword ``name``."""
        if index < len(self.positional):
            return self.positional[index]
        return self.keywords.get(name, default)

    def expr(self, index: int, name: str) -> cst.BaseExpression | None:
        """The expression of the argument at position ``index`` or keyword ``name``."""
        if index < len(self.positional_exprs):
            return self.positional_exprs[index]
        arg = self.keyword_args.get(name)
        return arg.value if arg is not None else None

    def values(self) -> list[Value]:
        return [*self.positional, *self.keywords.values()]


@dataclass(frozen=True)
class Items:
    """A list whose items all look alike, of ``count`` items (an int, a Sym or unknown):
    a list comprehension, or the token lists of ``texts_to_sequences``."""

    item: Value
    count: Value


@dataclass(eq=False)
class LambdaFunction:
    """A ``lambda`` of the linted module, with its defining scope."""

    node: cst.Lambda
    scope: Scope

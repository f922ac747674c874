"""Values that exist only while interpreting (they never reach the IR).

The IR's own values (constants, :class:`~seqlint.dims.Sym`,
:data:`~seqlint.dims.UNKNOWN`, :class:`~seqlint.ir.Layer`,
:class:`~seqlint.ir.TensorRef`, :class:`~seqlint.ir.Array`,
:class:`~seqlint.ir.ShapeTuple`) are used as they are; models under
construction live in :mod:`seqlint.frontend.models`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import libcst as cst

from seqlint.dims import UNKNOWN
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


@dataclass(eq=False)
class UserClass:
    """A ``class`` of the linted module whose methods seqlint interprets.

    ``keras`` is ``"model"`` for a ``keras.Model`` subclass, ``"layer"`` for a
    ``keras.layers.Layer`` subclass, ``"loss"`` for a ``keras.losses.Loss`` subclass,
    ``"dataset"`` for a ``keras.utils.PyDataset``/``Sequence`` subclass, None for a plain
    class; ``bases`` are the module's own classes it derives from (nearest first),
    ``attrs`` its class attributes and methods (:class:`Function` values), ``kind`` the
    layer kind its instances report.
    """

    name: str
    kind: str
    keras: str | None
    bases: tuple[UserClass, ...]
    attrs: dict[str, Value]
    static: frozenset[str] = frozenset()  # @staticmethod
    properties: frozenset[str] = frozenset()  # @property

    def lookup(self, name: str, after: UserClass | None = None) -> tuple[Value, UserClass] | None:
        """An attribute by Python's lookup order (after class ``after`` for ``super()``)."""
        order = self.mro()
        if after is not None:
            order = order[order.index(after) + 1 :] if after in order else []
        for cls in order:
            if name in cls.attrs:
                return cls.attrs[name], cls
        return None

    def mro(self) -> list[UserClass]:
        order: list[UserClass] = [self]
        for base in self.bases:
            order.extend(cls for cls in base.mro() if cls not in order)
        return order


class Instance:
    """An instance of a :class:`UserClass`: its attributes live in a scope of their own,
    so that assignments in uncertain branches are undone like variables."""

    __slots__ = ("as_layer", "attrs", "call", "cls", "model", "placer", "weights")

    def __init__(self, cls: UserClass, attrs: Scope, call: cst.Call, placer: object) -> None:
        self.cls = cls
        self.attrs = attrs
        self.call = call  # where it was made
        self.placer: Any = placer  # what placed nodes there (the script's, or a module's code)
        self.model: object = None  # the SubclassedModel of a keras.Model instance
        self.as_layer: object = None  # its opaque Layer, once used as a layer object
        self.weights: list[int] = []  # the Weight nodes its add_weight calls made


@dataclass(frozen=True)
class LayerMethod:
    """A method Keras's ``Layer`` gives a custom layer (``self.add_weight``), bound to it."""

    instance: Instance
    name: str


@dataclass(frozen=True)
class BoundMethod:
    """``instance.method``: a method of a user class with its ``self`` (``owner`` is the
    class that defines it, for ``super()``)."""

    function: Function
    instance: Instance
    owner: UserClass


@dataclass(frozen=True)
class KerasInit:
    """``super().__init__`` of a ``keras.Model`` subclass reaching Keras's own ``__init__``:
    with ``inputs`` and ``outputs`` it makes the instance a functional model."""

    instance: Instance


@dataclass(frozen=True)
class Super:
    """``super()`` inside a method of ``owner`` called on ``instance``."""

    instance: Instance
    owner: UserClass


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
    a list comprehension, or the token lists of ``texts_to_sequences``. ``values`` lists the
    items when they are known too (a short ``range()``)."""

    item: Value
    count: Value
    values: tuple[Value, ...] | None = None
    at_most: Value = None  # a bound on an unknown count: a filtered comprehension of n items


@dataclass(frozen=True, eq=False)
class WordIds:
    """A dict from words seqlint does not know to integer ids in ``[low, high)``, the largest
    one among them: a vocabulary built by ``d.setdefault(w, len(d) + 1)`` (every id of the
    range taken), ``{w: i for i, w in enumerate(words)}`` or ``for i, w in enumerate(words):
    d[w] = i``. ``size`` is its ``len()``: an int, a Sym (``len(word_index)``, the name of the
    dict that grew in a loop) or unknown. Changed in a way seqlint does not follow, it is
    :meth:`opaque`: its ids and size unknown, and its size never named (a later
    ``len(word_index)`` must not pass for the size its ids were counted against)."""

    low: int
    high: Value
    size: Value

    @staticmethod
    def opaque() -> WordIds:
        return WordIds(0, UNKNOWN, UNKNOWN)

    @property
    def known(self) -> bool:
        return self.high is not UNKNOWN


@dataclass(eq=False)
class LambdaFunction:
    """A ``lambda`` of the linted module, with its defining scope."""

    node: cst.Lambda
    scope: Scope

"""What a fix is: edits a rule describes on the nodes the frontend handed it.

Rules never touch libcst: an edit names its target by the :class:`~seqlint.ir.Loc` of a call or
keyword argument from the IR and says what to change there; ``seqlint.frontend.fixer`` applies
edits to the parsed module, keeping comments and formatting.
"""

from __future__ import annotations

from dataclasses import dataclass

from seqlint.diagnostic import Applicability, FixNote
from seqlint.ir import Loc


@dataclass(frozen=True)
class SetKeyword:
    """Give the call ``name=code``, replacing the keyword's value if it is already passed (not
    applied to a call with ``**kwargs``, which may hold it too)."""

    call: Loc
    name: str
    code: str


@dataclass(frozen=True)
class RenameKeyword:
    """Rename the call's keyword argument ``old`` to ``new`` (nothing to do if not passed)."""

    call: Loc
    old: str
    new: str


@dataclass(frozen=True)
class RemoveKeyword:
    """Remove the call's keyword argument ``name`` (not applied when it is not passed)."""

    call: Loc
    name: str


@dataclass(frozen=True)
class WrapValue:
    """Rewrite a keyword argument's value with ``template`` (``{}`` is the old value's code);
    ``target`` is the keyword argument itself, or a call and ``name`` the keyword (not
    applied when the call does not pass it by keyword)."""

    target: Loc
    template: str
    name: str = ""


@dataclass(frozen=True)
class RenameCallee:
    """Call ``new`` instead: ``model.fit_generator(...)`` -> ``model.fit(...)``,
    ``layers.CuDNNLSTM(...)`` -> ``layers.LSTM(...)``, and write the renamed call into
    ``template`` (``{}.argmax(axis=-1)``); not applied when the call passes more than
    ``max_positional`` arguments by position (they would bind to other parameters)."""

    call: Loc
    new: str
    max_positional: int | None = None
    template: str = "{}"


@dataclass(frozen=True)
class ReplaceString:
    """Replace the string argument ``old`` of the call by ``new``, in the same quotes (not
    applied when no argument of the call is that string literal)."""

    call: Loc
    old: str
    new: str


@dataclass(frozen=True)
class SwapItems:
    """Exchange two items of the list, tuple or dict literal the call passes as keyword
    ``name``: ``loss=["a", "b"]`` -> ``loss=["b", "a"]``; by position in a list or tuple, by
    string key in a dict (``first``/``second``). Not applied to other code."""

    call: Loc
    name: str
    first: int | str
    second: int | str


@dataclass(frozen=True)
class RenameImported:
    """Import ``new`` in place of a name, under the name the code uses:
    ``from keras.layers import CuDNNLSTM`` -> ``from keras.layers import LSTM as CuDNNLSTM``."""

    alias: Loc
    new: str


@dataclass(frozen=True)
class RenameAttribute:
    """``layers.CuDNNLSTM`` -> ``layers.LSTM``."""

    attribute: Loc
    new: str


@dataclass(frozen=True)
class ReplaceCall:
    """Replace the whole call by ``code``: ``K.set_value(opt.lr, 0.01)`` ->
    ``opt.learning_rate.assign(0.01)``."""

    call: Loc
    code: str


@dataclass(frozen=True)
class RewriteDotted:
    """Where a dotted name ends with ``old``, write ``new`` instead: at an attribute chain
    (``keras.layers.experimental.preprocessing.TextVectorization`` ->
    ``keras.layers.TextVectorization``, ``tf.reduce_mean`` -> ``keras.ops.mean`` with
    ``whole``: the whole chain), or at an import statement's module (``from
    tensorflow.keras.layers.recurrent import LSTM`` -> ``from tensorflow.keras.layers import
    LSTM``). Not applied when the name does not end with ``old``."""

    target: Loc
    old: str
    new: str
    whole: bool = False


@dataclass(frozen=True)
class InsertLayer:
    """Feed the layer applied at ``application`` through a new layer ``kind(arguments)``
    first. In a Sequential model (``sequential``), ``application`` is the layer's element of a
    ``Sequential([...])`` list or its ``model.add(...)`` call, and the new layer goes in before
    it; else it is a call ``layer(x)``, which becomes ``layer(new(x))``. The new layer is
    spelled like the constructor call ``like``: ``layers.LSTM(...)`` ->
    ``layers.RepeatVector``; a bare ``LSTM`` imported from a keras ``layers`` module gets
    ``RepeatVector`` added to that import. Not applied to other code."""

    application: Loc
    like: Loc
    kind: str
    arguments: str
    sequential: bool


Edit = (
    SetKeyword
    | RenameKeyword
    | RemoveKeyword
    | WrapValue
    | RenameCallee
    | ReplaceString
    | SwapItems
    | RenameImported
    | RenameAttribute
    | ReplaceCall
    | RewriteDotted
    | InsertLayer
)


def target_of(edit: Edit) -> Loc:
    """Where ``edit`` applies: a call, a keyword argument, an imported name or an attribute."""
    if isinstance(edit, WrapValue):
        return edit.target
    if isinstance(edit, RenameImported):
        return edit.alias
    if isinstance(edit, RenameAttribute):
        return edit.attribute
    if isinstance(edit, InsertLayer):
        return edit.application
    if isinstance(edit, RewriteDotted):
        return edit.target
    return edit.call


@dataclass(frozen=True)
class Fix:
    """A rule's repair for one finding: ``message`` says the edit, as the hint does."""

    applicability: Applicability
    message: str
    edits: tuple[Edit, ...]

    @property
    def note(self) -> FixNote:
        return FixNote(self.applicability, self.message)

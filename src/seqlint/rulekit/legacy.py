"""Evidence for the Keras 3 breakage rules: uses of removed Keras 2 API that Keras 3 reaches.

The frontend records every use (:class:`~seqlint.ir.LegacyUse`) with the
exceptions an enclosing ``try`` handles; a use whose exception the script
handles itself (``try: from keras.layers import CuDNNLSTM`` /
``except ImportError:``) is a deliberate fallback, not a breakage.
"""

from __future__ import annotations

from collections.abc import Iterator

from seqlint.diagnostic import Applicability
from seqlint.fixes import Fix, RenameKeyword
from seqlint.ir import LegacyUse
from seqlint.rulekit.base import RuleContext

# ``except`` clauses that catch every exception Keras raises here (all derive from Exception).
_CATCH_ALL = frozenset({"Exception", "BaseException", "*"})


def legacy_uses(ctx: RuleContext, what: str, raises: str) -> Iterator[LegacyUse]:
    """The uses of kind ``what`` (see LegacyUse) whose exception ``raises`` is not handled."""
    catchers = _CATCH_ALL | {raises}
    for use in ctx.ir.legacy:
        if use.what == what and not use.caught & catchers:
            yield use


def rename_keyword_fix(use: LegacyUse) -> Fix | None:
    """A keyword use's fix: the removed keyword renamed to its replacement, unless the call
    may pass the replacement too (by name, by position or through an unpacking)."""
    passed = set(use.arguments)
    if use.call is None or not use.replacement or passed & {use.replacement, "*", "**"}:
        return None
    edit = RenameKeyword(use.call, use.name, use.replacement)
    return Fix(Applicability.SAFE, f"write {use.replacement}= instead of {use.name}=", (edit,))

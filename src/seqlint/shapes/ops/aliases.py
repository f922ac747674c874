"""Every spelling of an op people use, resolved once to its canonical ``keras.ops`` op.

A key is where the frontend finds the function: a path below the Keras root for
``keras.ops`` (``"ops.matmul"``) and Keras 2's backend (``"backend.dot"``), the qualified name
for TensorFlow (``"tensorflow.linalg.matmul"``), and ``operator.X`` for Python's operators on
tensors (``x @ w`` is ``"operator.matmul"``, ``x[...]`` ``"operator.getitem"``). A value is
the alias's own signature, in its own order, naming the canonical op: ``"matmul(a->x1,
b->x2, transpose_a=False, transpose_b=False)"`` says ``tf.linalg.matmul(a, b, ...)`` is
``matmul`` with ``a`` bound to ``x1``; a default here overrides the op's (``K.concatenate``
joins on ``axis=-1``, not 0); ``*inputs->operands`` takes the remaining positional arguments
(``tf.einsum``); ``output_type->_`` accepts a parameter that does not change shapes and drops
it. Parameters of the op that an alias does not list keep their defaults; after a ``;`` come
settings the alias always passes (``tf.matmul`` refuses vectors: ``; vectors=False``; where
Keras's and TensorFlow's static shapes differ, ``; static='tf'``). TensorFlow's ``name=``
keyword is accepted everywhere and ignored. The alias's parameters are the real function's,
in order (tests/catalogue/test_ops_keras.py checks them).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from seqlint.shapes.ops.registry import OpSpec, _load, op_spec, split_items

_SIGNATURE = re.compile(r"^(\w+)\((.*)\)$")
_IGNORED_KEYWORDS = frozenset({"name"})
IGNORED = "_"  # the target of an alias parameter that does not change shapes (``output_type->_``)


@dataclass(frozen=True)
class AliasParam:
    name: str  # as the alias spells it
    target: str  # the canonical parameter
    default: Any = None
    has_default: bool = False
    variadic: bool = False  # ``*inputs``: takes the remaining positional arguments


@dataclass(frozen=True)
class Alias:
    qualname: str
    op: OpSpec
    params: tuple[AliasParam, ...]
    fixed: tuple[tuple[str, Any], ...] = ()  # canonical arguments the alias always passes

    def bind(self, positional: list[Any], keywords: dict[str, Any]) -> dict[str, Any] | None:
        """The op's arguments by canonical name (defaults filled in) for a call of the alias
        with these arguments; None when the call does not fit the signature (Python or the
        op would raise: nothing is claimed)."""
        bound: dict[str, Any] = {}
        rest = list(positional)
        for param in self.params:
            if not rest:
                break
            if param.variadic:
                bound[param.target], rest = tuple(rest), []
            else:
                bound[param.target] = rest.pop(0)
        if rest:
            return None
        bound.pop(IGNORED, None)
        by_name = {p.name: p for p in self.params}
        for key, value in keywords.items():
            if key in _IGNORED_KEYWORDS:
                continue
            param = by_name.get(key)
            if param is None or param.target in bound:
                return None
            if param.target != IGNORED:
                bound[param.target] = value
        for param in self.params:
            if param.target not in bound and param.has_default and param.target != IGNORED:
                bound[param.target] = param.default
        bound.update(self.fixed)
        for param in self.op.params:
            if param.name not in bound:
                if param.required:
                    return None
                bound[param.name] = param.default
        return bound


# The aliases, by where the frontend finds them; each family module declares the spellings of
# its ops next to them.
ALIASES: dict[str, str] = {}
ROOTS = frozenset({"ops", "backend", "tensorflow", "operator"})  # where every alias is found


def aliases(signature: str, *names: str) -> None:
    """Declare ``names`` as spellings of the op call ``signature``."""
    for name in names:
        if name in ALIASES:
            raise ValueError(f"alias {name} declared twice")
        if name.split(".", 1)[0] not in ROOTS:
            raise ValueError(f"alias {name} is not found below {sorted(ROOTS)}")
        ALIASES[name] = signature


def every_spelling() -> list[str]:
    """Every spelling of every op (all families declared)."""
    _load()
    return list(ALIASES)


@cache
def resolve(name: str) -> Alias | None:
    """The alias for a function found at ``name``; None when it is not a known op (without
    declaring the ops when ``name`` is not below one of the ``ROOTS``)."""
    if name.split(".", 1)[0] not in ROOTS:
        return None
    _load()
    signature = ALIASES.get(name)
    if signature is None:
        return None
    match = _SIGNATURE.match(signature)
    if match is None:
        raise ValueError(f"bad alias signature for {name}: {signature}")
    spec = op_spec(match.group(1))
    if spec is None:
        raise ValueError(f"alias {name} names an unknown op {match.group(1)}")
    own, _, fixed = match.group(2).partition(";")
    settings = tuple((p.target, p.default) for p in _alias_params(fixed, spec, name))
    return Alias(name, spec, tuple(_alias_params(own, spec, name)), settings)


def _alias_params(text: str, spec: OpSpec, name: str) -> list[AliasParam]:
    params = []
    for item in split_items(text):
        head, _, default = item.partition("=")
        own, _, target = head.strip().partition("->")
        variadic = own.startswith("*")
        own = own.lstrip("*")
        target = target or own
        if target != IGNORED and spec.param(target) is None:
            raise ValueError(f"alias {name}: {spec.name} has no parameter {target}")
        value = ast.literal_eval(default.strip()) if default else None
        params.append(AliasParam(own, target, value, bool(default), variadic))
    return params

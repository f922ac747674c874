"""A loss function of the script that hands its work to a Keras loss.

``def loss(labels, logits): return keras.losses.sparse_categorical_crossentropy(labels,
logits, from_logits=True)`` behaves in ``compile`` exactly as the Keras loss it calls: Keras
wraps both in the same ``LossFunctionWrapper``, which squeezes or expands the target before
the function runs.  Only that plain form is read: the body's first statement that is not a
docstring returns the Keras loss applied to the function's two parameters in order (maybe
through a name assigned just before, or inside a ``reduce_mean``/``ops.mean`` of the whole
result).  Anything else (masking, reshaping, branches) makes the function's verdict unknown.

The ``call(self, y_true, y_pred)`` of a ``keras.losses.Loss`` subclass is read the same way,
but Keras runs it from ``Loss.__call__`` on the targets as they are: only a loss that fits
the ranks itself (a loss object, or a regression loss function) sees them fitted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import libcst as cst

from seqlint.frontend.imports import keras_path
from seqlint.frontend.objects import ExtName, Function
from seqlint.ir import KerasName, KerasObject, Value, WrappedLoss

Resolve = Callable[[cst.BaseExpression], Value]
"""Evaluates an expression where the function was defined (the evaluator's)."""

_MEANS = frozenset({"tensorflow.reduce_mean", "tensorflow.math.reduce_mean", "ops.mean"})


def wrapped_loss(function: Function, resolve: Resolve) -> WrappedLoss | None:
    """The Keras loss ``function`` returns, applied to its own ``(y_true, y_pred)``."""
    return _wrapped(function.node, 0, resolve)


def subclass_loss(call: Function, resolve: Resolve) -> WrappedLoss | None:
    """The Keras loss the ``call(self, y_true, y_pred)`` method of a ``keras.losses.Loss``
    subclass returns on its own arguments (``resolve`` knows ``self``), not fitted."""
    found = _wrapped(call.node, 1, resolve)
    return None if found is None else replace(found, fitted=False)


def _wrapped(node: cst.FunctionDef, skip: int, resolve: Resolve) -> WrappedLoss | None:
    """The Keras loss ``node`` returns on its parameters after the first ``skip``."""
    params = node.params
    names = [p.name.value for p in (*params.posonly_params, *params.params)][skip:]
    if len(names) < 2 or any(p.default is None for p in params.params[skip + 2 :]):
        return None
    statements = _statements(node)
    if not statements or len(statements) > 2:
        return None
    returned = _returned(statements[-1])
    if returned is None:
        return None
    returned = _through_mean(returned, resolve)
    if len(statements) == 2:  # value = loss(...); return value
        assigned = _assigned(statements[0])
        if assigned is None or not _is_name(returned, assigned[0]):
            return None
        returned = _through_mean(assigned[1], resolve)
    if not isinstance(returned, cst.Call) or not _on_params(returned, names[0], names[1]):
        return None
    loss = resolve(returned.func)
    if isinstance(loss, ExtName):
        path = keras_path(loss.qualname)
        if path is None or not path.startswith("losses."):
            return None
        loss = KerasName(path)
    if not isinstance(loss, (KerasName, KerasObject)):
        return None
    extra = returned.args[2:]
    if isinstance(loss, KerasObject) and extra:  # sample_weight: not modelled
        return None
    if any(arg.keyword is None or arg.star for arg in extra):
        return None
    keywords = tuple((arg.keyword.value, resolve(arg.value)) for arg in extra if arg.keyword)
    return WrappedLoss(loss, keywords)


def _statements(node: cst.FunctionDef) -> list[cst.BaseSmallStatement]:
    """The body's simple statements, docstring left out; empty when it holds another kind."""
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else [node.body]
    found: list[cst.BaseSmallStatement] = []
    for line in body:
        if not isinstance(line, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
            return []
        found.extend(line.body)
    if found and isinstance(found[0], cst.Expr) and isinstance(found[0].value, cst.SimpleString):
        found = found[1:]
    return found


def _returned(statement: cst.BaseSmallStatement) -> cst.BaseExpression | None:
    return statement.value if isinstance(statement, cst.Return) else None


def _assigned(statement: cst.BaseSmallStatement) -> tuple[str, cst.BaseExpression] | None:
    if not isinstance(statement, cst.Assign) or len(statement.targets) != 1:
        return None
    target = statement.targets[0].target
    return (target.value, statement.value) if isinstance(target, cst.Name) else None


def _is_name(node: cst.BaseExpression | None, name: str) -> bool:
    return isinstance(node, cst.Name) and node.value == name


def _through_mean(node: cst.BaseExpression, resolve: Resolve) -> cst.BaseExpression:
    """``tf.reduce_mean(x)`` / ``keras.ops.mean(x)`` of the whole loss: ``x``."""
    if not isinstance(node, cst.Call) or len(node.args) != 1 or node.args[0].keyword:
        return node
    callee = resolve(node.func)
    if not isinstance(callee, ExtName):
        return node
    path = keras_path(callee.qualname)
    return node.args[0].value if (path or callee.qualname) in _MEANS else node


def _on_params(call: cst.Call, y_true: str, y_pred: str) -> bool:
    """The call's first two arguments are the parameters, in order."""
    args = call.args
    if len(args) < 2 or any(arg.star for arg in args[:2]):
        return False
    first, second = args[0], args[1]
    if first.keyword is None and second.keyword is None:
        return _is_name(first.value, y_true) and _is_name(second.value, y_pred)
    given = {arg.keyword.value: arg.value for arg in (first, second) if arg.keyword is not None}
    return (
        len(given) == 2
        and _is_name(given.get("y_true"), y_true)
        and _is_name(given.get("y_pred"), y_pred)
    )

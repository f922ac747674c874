"""One tensor-op call, answered by seqlint's op vocabulary and by the real function, compared.

An :class:`OpCase` is an op's canonical arguments (``keras.ops`` names), tensors given as
:class:`T` (a shape without any batch axis of its own: None is a size the framework does not
know). :func:`compare_op` calls it through one spelling (an alias of
:mod:`seqlint.shapes.ops.aliases`): ``ops.X`` is ``keras.ops.X`` applied to
``keras.KerasTensor``s (its ``compute_output_spec``), ``operator.X`` the Python operator on
``keras.KerasTensor``s (Keras's semantics; ``operator.getitem``'s key is converted from the
op's encoding to a Python key); ``tensorflow.X`` is the TensorFlow function applied to
placeholders in a fresh graph (TensorFlow's static shape inference, as ``tf.function``'s
tracing runs it, several times faster: on 2720 generated calls both gave the same answer
but for ``K.zeros``/``K.ones``/``K.eye``, whose variables ``tf.function`` refuses);
``backend.X`` is Keras 2's backend function (``tf_keras.backend``) applied the same way.
seqlint answers through the same alias, as the frontend does.

Where seqlint reports an error but the real function's static shapes let the call through
(``keras.ops.einsum`` does not compare the sizes of a shared letter, ``keras.ops.tensordot``
those of the summed axes), the call is run on real tensors, each undefined size filled with
1, 3 and then 5: it is an error only if every run raises (:data:`RUNTIME_FILLS`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from seqlint.dims import BATCH, NONE, Shape, is_known
from seqlint.shapes.ops.aliases import Alias, resolve
from seqlint.shapes.ops.registry import OpCall
from seqlint.shapes.problems import ShapeProblem
from tests.catalogue.harness import (
    AGREE,
    AGREE_ERROR,
    CONSTRUCTION,
    FALSE_ERROR,
    MISSED_ERROR,
    UNMODELLED,
    Outcome,
    _shape_verdict,
)

BATCH_SIZE = "batch"
"""In a :class:`T`'s shape: the batch axis (None to the framework, ``BATCH`` to seqlint). In
another argument (a reshape target): the batch size read from the first tensor operand,
``tf.shape(x)[0]`` (``keras.ops.shape(x)[0]`` for Keras), which seqlint sees as ``BATCH``."""


@dataclass(frozen=True)
class T:
    """A tensor operand of the given shape (and dtype)."""

    shape: tuple[Any, ...]
    dtype: str = "float32"


@dataclass
class OpCase:
    op: str  # the canonical op
    args: dict[str, Any]  # canonical arguments; T for tensors, lists of T for tensor lists
    spelling: str = ""  # the alias it is called through

    def __str__(self) -> str:
        shown = ", ".join(f"{k}={_show(v)}" for k, v in self.args.items())
        return f"{self.spelling or self.op}({shown})"


def _show(value: Any) -> str:
    if isinstance(value, T):
        return f"T{value.shape}"
    if isinstance(value, (list, tuple)) and any(isinstance(v, T) for v in value):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return repr(value)


@dataclass(frozen=True)
class OpComparison:
    case: OpCase
    ours: Outcome
    real: Outcome
    verdict: str

    @property
    def agrees(self) -> bool:
        return self.verdict in (AGREE, AGREE_ERROR, CONSTRUCTION)

    def __str__(self) -> str:
        return (
            f"{self.case}: {self.verdict}; seqlint {self.ours.shapes} {self.ours.error[:200]} | "
            f"real {self.real.shapes} {self.real.error[:300]}"
        )


def call_arguments(alias: Alias, args: dict[str, Any]) -> tuple[list, dict] | None:
    """The alias's own positional and keyword arguments for canonical ``args``; None when the
    alias cannot express them (it does not take one of them, or fixes it to another value:
    ``tf.linalg.matrix_transpose`` is ``swapaxes`` with ``axis1=-2, axis2=-1``)."""
    targets = {p.target: p for p in alias.params}
    fixed = dict(alias.fixed)
    positional: list = []
    keywords: dict = {}
    in_order = True
    for param in alias.params:
        if param.target not in args:
            in_order = False
            continue
        if param.variadic:
            positional.extend(args[param.target])
            in_order = False
        elif in_order:
            positional.append(args[param.target])
        else:
            keywords[param.name] = args[param.target]
    for name, value in args.items():
        if name in fixed:
            if fixed[name] != value:
                return None
        elif name not in targets:
            return None
    return positional, keywords


# -- seqlint ---------------------------------------------------------------------------------


def _ours(value: Any) -> Any:
    if isinstance(value, T):
        return Shape(tuple(NONE if d is None else _ours(d) for d in value.shape))
    if isinstance(value, list) and value and all(isinstance(v, T) for v in value):
        return tuple(_ours(v) for v in value)
    if isinstance(value, tuple) and BATCH_SIZE in value:
        return tuple(_ours(v) for v in value)
    return BATCH if value == BATCH_SIZE else value


def seqlint_outcome(alias: Alias, positional: list, keywords: dict) -> Outcome:
    bound = alias.bind([_ours(v) for v in positional], {k: _ours(v) for k, v in keywords.items()})
    if bound is None:
        return Outcome(stage="unmodelled")
    try:
        result = alias.op.shape(OpCall(alias.op.name, bound))
    except ShapeProblem as problem:
        return Outcome(error=problem.message, stage="build")
    shapes = tuple(
        None
        if s.dims is None
        else tuple(d if is_known(d) else None if d in (BATCH, NONE) else "?" for d in s.dims)
        for s in result
    )
    return Outcome(shapes=shapes)


# -- the real function -----------------------------------------------------------------------

RUNTIME_FILLS = (1, 3, 5)


def real_function(spelling: str) -> Any:
    root, _, path = spelling.partition(".")
    if root == "ops":
        import keras

        target: Any = keras.ops
    elif root == "backend":
        import tf_keras

        target = tf_keras.backend
    elif root == "operator":
        import operator

        target = operator
    else:
        import tensorflow as tf

        target = tf
    for part in path.split("."):
        target = getattr(target, part)
    return target


def python_key(key: Any) -> Any:
    """``getitem``'s key encoding as a Python key (a tuple of ints, slices, None, ...)."""
    if not isinstance(key, tuple):
        return key
    items = []
    for item in key:
        kind = item[0]
        if kind == "index":
            items.append(item[1])
        elif kind == "slice":
            items.append(slice(*item[1:]))
        elif kind == "newaxis":
            items.append(None)
        else:
            items.append(Ellipsis)
    return tuple(items)


def _real_arguments(spelling: str, positional: list, keywords: dict) -> tuple[list, dict]:
    if _function_name(spelling) != "getitem":
        return positional, keywords
    return [positional[0], python_key(positional[1])], keywords


def _function_name(spelling: str) -> str:
    alias = resolve(spelling)
    return alias.op.name if alias else ""


def real_outcome(spelling: str, positional: list, keywords: dict) -> Outcome:
    try:
        function = real_function(spelling)
    except AttributeError as error:
        return Outcome(error=f"AttributeError: {error}", stage="init")
    positional, keywords = _real_arguments(spelling, positional, keywords)
    if spelling.startswith(("ops.", "operator.")):
        return _keras_ops(function, positional, keywords)
    return _in_graph(function, positional, keywords)


def runtime_raises(spelling: str, positional: list, keywords: dict) -> bool:
    """Whether the call raises when run on real tensors, for every fill of the undefined
    sizes (:data:`RUNTIME_FILLS`)."""
    import numpy as np
    import tensorflow as tf

    function = real_function(spelling)
    positional, keywords = _real_arguments(spelling, positional, keywords)
    for fill in RUNTIME_FILLS:

        def concrete(value: T, fill: int = fill) -> Any:
            shape = tuple(fill if d in (None, BATCH_SIZE) else d for d in value.shape)
            return tf.constant(np.zeros(shape, value.dtype))

        try:
            args, kwargs = _materialized(positional, keywords, concrete, lambda x: tf.shape(x)[0])
            function(*args, **kwargs)
        except Exception:  # noqa: BLE001  (the op refused its operands)
            continue
        return False
    return True


def _materialized(
    positional: list, keywords: dict, tensor: Any, batch_size: Any
) -> tuple[list, dict]:
    """The arguments with each :class:`T` made a tensor by ``tensor(T)``, and each
    :data:`BATCH_SIZE` in a tuple the ``batch_size(first tensor)``."""
    made: list = []

    def value(item: Any) -> Any:
        if isinstance(item, T):
            made.append(tensor(item))
            return made[-1]
        if isinstance(item, list) and item and all(isinstance(v, T) for v in item):
            return [value(v) for v in item]
        return item

    args = [value(v) for v in positional]
    kwargs = {k: value(v) for k, v in keywords.items()}

    def sized(item: Any) -> Any:
        if isinstance(item, tuple) and BATCH_SIZE in item:
            return tuple(batch_size(made[0]) if v == BATCH_SIZE else v for v in item)
        return item

    return [sized(v) for v in args], {k: sized(v) for k, v in kwargs.items()}


def _static(shape: tuple) -> tuple:
    return tuple(None if d == BATCH_SIZE else d for d in shape)


def _flat(value: Any) -> list:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _keras_ops(function: Any, positional: list, keywords: dict) -> Outcome:
    import keras

    def tensor(value: T) -> Any:
        return keras.KerasTensor(_static(value.shape), dtype=value.dtype)

    args, kwargs = _materialized(positional, keywords, tensor, lambda x: keras.ops.shape(x)[0])
    try:
        result = function(*args, **kwargs)
    except TypeError as error:
        return Outcome(error=f"TypeError: {error}", stage="init")
    except Exception as error:  # noqa: BLE001  (the op refused its operands)
        return Outcome(error=f"{type(error).__name__}: {error}", stage="build")
    return Outcome(shapes=tuple(tuple(t.shape) for t in _flat(result)))


def _in_graph(function: Any, positional: list, keywords: dict) -> Outcome:
    """TensorFlow's static shapes: the function applied to placeholders of the operands'
    shapes in a fresh graph (shape inference runs as each op is added)."""
    import tensorflow as tf

    def placeholder(value: T) -> Any:
        return tf.compat.v1.placeholder(value.dtype, _static(value.shape))

    try:
        with tf.Graph().as_default():
            args, kwargs = _materialized(
                positional, keywords, placeholder, lambda x: tf.shape(x)[0]
            )
            result = function(*args, **kwargs)
    except TypeError as error:
        return Outcome(error=f"TypeError: {error}", stage="init")
    except Exception as error:  # noqa: BLE001  (the op refused its operands)
        return Outcome(error=f"{type(error).__name__}: {error}", stage="build")
    outputs = tf.nest.flatten(result)
    if any(o.shape.rank is None for o in outputs):  # TensorFlow cannot tell: not compared
        return Outcome(error="TensorFlow infers no rank", stage="init")
    return Outcome(shapes=tuple(tuple(o.shape.as_list()) for o in outputs))


# -- comparison ------------------------------------------------------------------------------


def compare_op(case: OpCase, spelling: str) -> OpComparison | None:
    """The case through ``spelling``; None when that spelling cannot express it."""
    alias = resolve(spelling)
    assert alias is not None and alias.op.name == case.op, spelling
    arguments = call_arguments(alias, case.args)
    if arguments is None:
        return None
    case = OpCase(case.op, case.args, spelling)
    real = real_outcome(spelling, *arguments)
    ours = seqlint_outcome(alias, *arguments)
    if real.stage == "init":
        verdict = CONSTRUCTION
    elif ours.stage == "unmodelled":
        verdict = UNMODELLED
    elif real.stage == "build":
        verdict = AGREE_ERROR if ours.stage == "build" else MISSED_ERROR
    elif ours.stage == "build":
        verdict = AGREE_ERROR if runtime_raises(spelling, *arguments) else FALSE_ERROR
    else:
        verdict = _shape_verdict(ours.shapes or (), real.shapes or ())
    return OpComparison(case, ours, real, verdict)

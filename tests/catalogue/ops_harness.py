"""One tensor-op call, answered by seqlint's op vocabulary and by the real function, compared.

An :class:`OpCase` is an op's canonical arguments (``keras.ops`` names), tensors given as
:class:`T` (a shape without any batch axis of its own: None is a size the framework does not
know). :func:`compare_op` calls it through one spelling (an alias of
:mod:`seqlint.shapes.ops.aliases`): ``ops.X`` is ``keras.ops.X`` applied to
``keras.KerasTensor``s (its ``compute_output_spec``); ``tensorflow.X`` is the TensorFlow
function traced by ``tf.function`` on ``tf.TensorSpec``s (TensorFlow's static shape
inference); ``backend.X`` is Keras 2's backend function (``tf_keras.backend``) traced the same
way. seqlint answers through the same alias, as the frontend does.
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
    alias cannot express them (it does not take one of them, or fixes it otherwise)."""
    targets = {p.target: p for p in alias.params}
    fixed = dict(alias.fixed)
    positional: list = []
    keywords: dict = {}
    in_order = True
    for param in alias.params:
        if param.target not in args:
            in_order = False
            continue
        if in_order:
            positional.append(args[param.target])
        else:
            keywords[param.name] = args[param.target]
    for name in args:
        if name not in targets or name in fixed:
            return None
    return positional, keywords


# -- seqlint ---------------------------------------------------------------------------------


def _ours(value: Any) -> Any:
    if isinstance(value, T):
        return Shape(tuple(NONE if d is None else d for d in value.shape))
    if isinstance(value, list) and value and all(isinstance(v, T) for v in value):
        return tuple(_ours(v) for v in value)
    return value


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


def _function(spelling: str) -> Any:
    if spelling.startswith("ops."):
        import keras

        target: Any = keras.ops
        path = spelling[len("ops.") :]
    elif spelling.startswith("backend."):
        import tf_keras

        target = tf_keras.backend
        path = spelling[len("backend.") :]
    else:
        import tensorflow as tf

        target = tf
        path = spelling[len("tensorflow.") :]
    for part in path.split("."):
        target = getattr(target, part)
    return target


def real_outcome(spelling: str, positional: list, keywords: dict) -> Outcome:
    try:
        function = _function(spelling)
    except AttributeError as error:
        return Outcome(error=f"AttributeError: {error}", stage="init")
    if spelling.startswith("ops."):
        return _keras_ops(function, positional, keywords)
    return _traced(function, positional, keywords)


def _flat(value: Any) -> list:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _keras_ops(function: Any, positional: list, keywords: dict) -> Outcome:
    import keras

    def tensor(value: Any) -> Any:
        if isinstance(value, T):
            return keras.KerasTensor(value.shape, dtype=value.dtype)
        if isinstance(value, list) and value and all(isinstance(v, T) for v in value):
            return [tensor(v) for v in value]
        return value

    try:
        result = function(*map(tensor, positional), **{k: tensor(v) for k, v in keywords.items()})
    except TypeError as error:
        return Outcome(error=f"TypeError: {error}", stage="init")
    except Exception as error:  # noqa: BLE001  (the op refused its operands)
        return Outcome(error=f"{type(error).__name__}: {error}", stage="build")
    return Outcome(shapes=tuple(tuple(t.shape) for t in _flat(result)))


def _traced(function: Any, positional: list, keywords: dict) -> Outcome:
    """TensorFlow's static shapes: the function traced on TensorSpecs of the operands."""
    import tensorflow as tf

    specs: list = []

    def placeholder(value: Any) -> Any:
        if isinstance(value, T):
            specs.append(tf.TensorSpec(value.shape, value.dtype))
            return ("__tensor__", len(specs) - 1)
        if isinstance(value, list) and value and all(isinstance(v, T) for v in value):
            return [placeholder(v) for v in value]
        return value

    args = [placeholder(v) for v in positional]
    kwargs = {k: placeholder(v) for k, v in keywords.items()}

    def fill(value: Any, tensors: tuple) -> Any:
        if isinstance(value, tuple) and len(value) == 2 and value[0] == "__tensor__":
            return tensors[value[1]]
        if isinstance(value, list):
            return [fill(v, tensors) for v in value]
        return value

    def body(*tensors: Any) -> Any:
        return function(
            *(fill(a, tensors) for a in args), **{k: fill(v, tensors) for k, v in kwargs.items()}
        )

    try:
        traced = tf.function(body, autograph=False).get_concrete_function(*specs)
    except TypeError as error:
        return Outcome(error=f"TypeError: {error}", stage="init")
    except Exception as error:  # noqa: BLE001  (the op refused its operands)
        return Outcome(error=f"{type(error).__name__}: {error}", stage="build")
    outputs = tf.nest.flatten(traced.structured_outputs)
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
        verdict = FALSE_ERROR
    else:
        verdict = _shape_verdict(ours.shapes or (), real.shapes or ())
    return OpComparison(case, ours, real, verdict)

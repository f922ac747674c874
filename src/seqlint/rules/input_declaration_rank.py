"""SL102: the model's input is declared with the wrong rank."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Applicability, Severity
from seqlint.dims import Shape
from seqlint.fixes import Fix, WrapValue
from seqlint.ir import Node, ShapeTuple
from seqlint.rulekit.base import Finding, Rule, RuleContext, problem_nodes
from seqlint.rulekit.evidence import chain_to, declaration_of, output_shape, trace, where
from seqlint.shapes.catalogue import Trait, has_trait
from seqlint.shapes.problems import ProblemKind, ShapeProblem


class InputDeclarationRank(Rule):
    code = "SL102"
    name = "input-declaration-rank"
    summary = "The model's input is declared with the wrong rank."
    severity = Severity.ERROR
    fixable = "safe: input_shape=X.shape (or Input(shape=X.shape)) becomes X.shape[1:]"
    explanation = """\
`input_shape`, `Input(shape=...)` and `InputLayer` describe one sample, without
the batch axis. A recurrent first layer needs samples of shape
`(timesteps, features)`: declaring `input_shape=(features,)` gives it
`(batch, features)` and Keras raises `expected ndim=3, found ndim=2` when it
builds the model.

`input_shape=X.shape` is the other classic: `X.shape` starts with the number
of samples, so the model expects every sample to hold the whole data set and
Keras raises (`expected ndim=3, found ndim=4` for an LSTM, or a shape mismatch
at `fit`). Use `X.shape[1:]`."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(64, 10, 3)
        model = keras.Sequential([
            layers.LSTM(16, input_shape=X.shape),  # expect: SL102
            layers.Dense(1),
        ])
        """
    )
    keras_error = r"expected ndim=3, found ndim=4"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(64, 10, 3)
        model = keras.Sequential([
            layers.LSTM(16, input_shape=X.shape[1:]),
            layers.Dense(1),
        ])
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for node in ctx.ir.nodes:
            if has_trait(node.layer, Trait.DECLARES_INPUT) and _by_user(node):
                declared = _whole_shape_value(node)
                if declared is not None:
                    yield self._batch_axis_finding(node, declared, ctx)
        for node, problem in problem_nodes(ctx):
            if problem.kind is ProblemKind.RANK:
                index = problem.input_index or 0
                declaration = declaration_of(node, ctx, index, problem.expected_rank)
                if declaration is not None and _by_user(declaration):
                    yield self._rank_finding(declaration, node, index, problem, ctx)

    def _batch_axis_finding(self, decl: Node, value: ShapeTuple, ctx: RuleContext) -> Finding:
        keyword = _keyword(decl)
        message = (
            f"{keyword}={value.origin} includes the batch axis: the model expects each "
            f"sample to have shape {_sample(output_shape(decl, ctx))}"
        )
        hint = f"use {keyword}={value.origin}[1:] (one sample, without the batch axis)"
        return Finding(decl.loc, message, hint, trace([decl], ctx), _sample_shape_fix(decl))

    def _rank_finding(
        self, decl: Node, user: Node, index: int, problem: ShapeProblem, ctx: RuleContext
    ) -> Finding:
        declared = output_shape(decl, ctx)
        keyword = _keyword(decl)
        message = (
            f"the input is declared as {declared} (rank {declared.rank}), but "
            f"{where(user)} expects input of rank {problem.expected_rank} {problem.expected}"
        )
        needed = problem.expected_rank or 0
        channels = _channels_axis(problem.expected)
        fewer = declared.dims is not None and len(declared.dims) < needed
        if declared.dims is not None and len(declared.dims) == needed - 1 and channels:
            dims = [str(d) for d in declared.dims[1:]]
            sample = ", ".join([*dims, "1"] if channels == "last" else ["1", *dims])
            keyword = "input_shape" if keyword == "input_dim" else keyword
            hint = (
                f"declare the channels axis, {keyword}=({sample}) for one channel, and feed "
                f"data of shape (samples, {sample})"
            )
        elif fewer and _walks_time(user):
            sample = ", ".join(["timesteps", *(str(d) for d in declared.dims[1:])])
            keyword = "input_shape" if keyword == "input_dim" else keyword
            hint = (
                f"declare a time axis, {keyword}=({sample}), and feed data of shape "
                f"(samples, timesteps, ...)"
            )
        elif fewer:
            hint = f"declare {keyword} as one sample of {problem.expected}, without the batch axis"
        else:
            hint = f"declare {keyword} with the shape of one sample, without the batch axis"
        rows = trace(chain_to(user, ctx, index), ctx, expected=problem.expected)
        return Finding(decl.loc, message, hint, rows)


def _channels_axis(expected: str) -> str:
    """``last``/``first`` when the layer takes images, ``(batch, height, width, channels)``
    or ``(batch, channels, ...)``, not sequences; else ``""``."""
    if "steps" in expected:
        return ""
    if expected.endswith(", channels)"):
        return "last"
    return "first" if expected.startswith("(batch, channels,") else ""


def _walks_time(user: Node) -> bool:
    """A layer whose missing axis is a time axis (an LSTM, a Conv1D, TimeDistributed)."""
    layer = user.layer
    return layer.kind == "TimeDistributed" or has_trait(layer, Trait.NEEDS_TIME_AXIS)


def _sample_shape_fix(decl: Node) -> Fix | None:
    """``input_shape=X.shape`` -> ``X.shape[1:]`` (``shape=`` of ``keras.Input`` alike)."""
    if decl.declared_by == "input_shape":  # the Loc is the keyword argument itself
        edit = WrapValue(decl.loc, "{}[1:]")
    elif decl.declared_by == "Input":  # the Loc is the Input call
        edit = WrapValue(decl.loc, "{}[1:]", name="shape")
    else:
        return None
    keyword = _keyword(decl)
    return Fix(Applicability.SAFE, f"drop the batch axis: {keyword}=...[1:]", (edit,))


def _by_user(decl: Node) -> bool:
    """Declared in the source; an input Keras takes from the data is SL209's."""
    return bool(decl.declared_by) and decl.declared_by != "data"


def _whole_shape_value(decl: Node) -> ShapeTuple | None:
    value = decl.layer.get("shape", decl.layer.get("input_shape"))
    return value if isinstance(value, ShapeTuple) else None


def _keyword(decl: Node) -> str:
    return {
        "input_shape": "input_shape",
        "input_dim": "input_dim",
        "batch_input_shape": "batch_input_shape",
        "build": "build",
    }.get(decl.declared_by or "", "shape")


def _sample(shape: Shape) -> str:
    return "unknown" if shape.dims is None else str(Shape(shape.dims[1:]))

"""What Keras does with a layer call's arguments before the layer runs.

``Layer.__call__`` binds the arguments to the layer's ``call()`` as Python does (a missing,
unexpected or extra argument raises TypeError), after dropping a ``training=`` that ``call()``
does not take. Keras 3 first refuses any positional argument that is not a tensor, None or an
array (ValueError "Only input tensors may be passed as positional arguments"), except in the
layers that take data (preprocessing layers, functional models), and gives ``call()`` its
``training`` and ``mask`` only when it has a value for them, where Keras 2 always passed them
and took any positional argument.

:func:`check` records what Keras refuses in ``ModuleIR.call_arguments`` (read by SL116).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

import libcst as cst

from seqlint.dims import UNKNOWN, Sym
from seqlint.frontend.keras_api import takes_query_value
from seqlint.frontend.models import FunctionalModel, Graph, SequentialModel, label_of
from seqlint.frontend.objects import Args, Function, Instance
from seqlint.ir import CallArguments, Layer, Model, StaticSize, Value, tensor_refs

# Parameters Keras 3 gives ``call()`` only when it has a value for them (Keras 2 always did).
CONTEXT_PARAMETERS = frozenset({"training", "mask"})


@dataclass(frozen=True)
class Signature:
    """The parameters of a ``call()`` without ``self``: ``positional`` (name, has a default)
    in order, ``keyword_only`` likewise, and whether it takes ``*args`` / ``**kwargs``."""

    positional: tuple[tuple[str, bool], ...]
    keyword_only: tuple[tuple[str, bool], ...] = ()
    star: bool = False
    star_star: bool = False

    @staticmethod
    @cache
    def parse(text: str) -> Signature:
        """From the layer-call table's spelling: ``"sequences initial_state= *, mask="``."""
        positional: list[tuple[str, bool]] = []
        keyword_only: list[tuple[str, bool]] = []
        star = star_star = after_star = False
        for token in text.split():
            if token.startswith("**"):
                star_star = True
            elif token.startswith("*"):
                star, after_star = star or len(token) > 1, True
            else:
                target = keyword_only if after_star else positional
                target.append((token.rstrip("="), token.endswith("=")))
        return Signature(tuple(positional), tuple(keyword_only), star, star_star)

    @staticmethod
    def of(function: Function) -> Signature:
        """A method's signature, without its first parameter (``self``)."""
        params = function.node.params
        positional = [*params.posonly_params, *params.params][1:]
        return Signature(
            tuple((p.name.value, p.default is not None) for p in positional),
            tuple((p.name.value, p.default is not None) for p in params.kwonly_params),
            isinstance(params.star_arg, cst.Param),
            params.star_kwarg is not None,
        )

    @property
    def first(self) -> str | None:
        """The name of the first positional parameter (the layer's input)."""
        return self.positional[0][0] if self.positional else None


@dataclass(frozen=True)
class Refusal:
    """One way Python's binding fails: ``problem`` and ``argument`` as in
    :class:`~seqlint.ir.CallArguments`."""

    problem: str
    argument: str
    expected: str = ""


def refusals(signature: Signature, positional: int, keywords: list[str]) -> Iterator[Refusal]:
    """What binding ``positional`` arguments and ``keywords`` to ``signature`` refuses, a
    ``training=`` it does not take aside (Keras drops it). A keyword standing where a missing
    parameter belongs (``inputs=`` for ``sequences``) is one refusal that names both."""
    params = signature.positional
    if positional > len(params) and not signature.star:
        yield Refusal("too-many", str(len(params)))
    bound = {name for name, _ in params[:positional]}
    named = {name for name, _ in (*params, *signature.keyword_only)}
    twice = [k for k in keywords if k in bound]
    for name in twice:
        yield Refusal("twice", name)
    unexpected = [k for k in keywords if k not in named and k != "training"]
    if signature.star_star:
        unexpected = []
    missing = [
        name
        for name, has_default in (*params[positional:], *signature.keyword_only)
        if not has_default and name not in keywords
    ]
    if len(unexpected) == 1 and len(missing) == 1 and missing[0] not in CONTEXT_PARAMETERS:
        yield Refusal("unexpected", unexpected[0], expected=missing[0])
        return
    for name in unexpected:
        yield Refusal("unexpected", name)
    for name in missing:
        yield Refusal("missing", name)


def not_a_tensor(value: Value, expr: cst.BaseExpression | None) -> str | None:
    """How a positional argument that is surely not a tensor, None or an array reads (Keras 3
    refuses it); None when it may be one. An int counts when written as a literal or read off
    a static shape: ``tf.shape(x)[1]`` is a tensor."""
    if isinstance(value, (list, tuple)):
        exprs: list[cst.BaseExpression | None] = [None] * len(value)
        if isinstance(expr, (cst.List, cst.Tuple)) and len(expr.elements) == len(value):
            exprs = [element.value for element in expr.elements]
        found = (not_a_tensor(v, e) for v, e in zip(value, exprs, strict=True))
        return next((text for text in found if text is not None), None)
    if isinstance(value, bool):
        return None if isinstance(expr, (cst.Comparison, cst.UnaryOperation)) else f"{value}"
    if isinstance(value, StaticSize):
        return f"{int(value)} (an int read off a shape)"
    if isinstance(value, (int, float)) and _literal(expr):
        return f"{value}"
    if isinstance(value, str):
        return repr(value)
    if not isinstance(value, (Layer, SequentialModel, FunctionalModel, Instance)):
        return None
    written = f"`{label_of(expr)}`" if expr is not None else ""
    if isinstance(value, Layer):
        named = written and written != f"`{value.label}`"
        return f"the layer {value.label} ({written})" if named else f"the layer {value.label}"
    if isinstance(value, (SequentialModel, FunctionalModel)):
        return f"the model {written}" if written else "a model object"
    if isinstance(value, Instance) and value.cls.keras is not None:
        return f"the {value.cls.keras} {written or value.cls.name}"
    return None


def _mask_given_none(signature: Signature, args: Args) -> bool:
    """``mask`` passed as None by position to a call with one tensor argument: Keras 3 then
    passes the input's mask as ``mask=`` too (Python: multiple values for ``mask``)."""
    names = [name for name, _ in signature.positional]
    given = dict(zip(names, args.positional, strict=False))
    if "mask" not in given or given["mask"] is not None:
        return False
    holding = [v for v in (*args.positional, *args.keywords.values()) if tensor_refs(v)]
    return len(holding) == 1


def _training_flag(value: Value, expr: cst.BaseExpression | None) -> bool:
    """The ``training`` parameter of the ``call()`` being run, passed on as it came: None
    while Keras builds the model, a bool once ``fit`` or ``predict`` runs it."""
    if not (isinstance(expr, cst.Name) and expr.value == "training"):
        return False
    return value is UNKNOWN or value == Sym("training")  # an unknown value reads as its name


def _one_list_to_query_value(kind: str, args: Args) -> bool:
    """``mha([query, value])``: one list given to a layer called as ``mha(query, value)``."""
    only = args.positional[0] if len(args.positional) == 1 else None
    return isinstance(only, (list, tuple)) and takes_query_value(kind)


def _literal(expr: cst.BaseExpression | None) -> bool:
    if isinstance(expr, cst.UnaryOperation):
        expr = expr.expression
    return isinstance(expr, (cst.Integer, cst.Float))


def check(
    graph: Graph,
    label: Callable[[], str],
    signature: Signature | None,
    args: Args,
    node: cst.CSTNode,
    *,
    takes_data: bool,
    built_in: bool,
    model: Model | None = None,
    kind: str = "",
    sequential: bool = False,
) -> None:
    """Record what Keras refuses in the call with ``args`` of the layer that ``label()`` names
    (made only for a finding): positional arguments that are not tensors (unless the layer
    ``takes_data``), and, when ``signature`` is known, what binding them to it refuses.
    Everything the table of a ``built_in`` layer's signature says is Keras 3's. ``model`` is
    the subclassed model whose ``call`` is run; ``kind`` the built-in layer's class;
    ``sequential`` when Keras makes the call itself, as it adds the layer to a Sequential
    model."""
    if not args.complete:
        return
    outer = graph.in_call
    loc = graph.positions.loc(node)

    def record(problem: str, argument: str, keras3: bool, **extra: object) -> None:
        graph.ir.call_arguments.append(
            CallArguments(
                label(),
                problem,
                argument,
                loc,
                keras3,
                call=None if outer is None else outer.id,
                model=model if outer is None else None,
                built_in=kind if built_in else "",
                sequential=sequential,
                **extra,  # type: ignore[arg-type]
            )
        )

    names = [name for name, _ in signature.positional] if signature is not None else []
    if not takes_data:
        exprs = [*args.positional_exprs, *[None] * len(args.positional)]
        for index, (value, expr) in enumerate(zip(args.positional, exprs, strict=False)):
            text = not_a_tensor(value, expr)
            if text is not None:
                name = names[index] if 0 < index < len(names) else ""
                record("not-a-tensor", text, True, expected=name)
            elif _training_flag(value, expr) and (outer is not None or model is not None):
                record("not-a-tensor", "training", True, on_run=True)
    if signature is None:
        return
    if _mask_given_none(signature, args):
        record("twice", "mask", True)
    one_list = built_in and _one_list_to_query_value(kind, args)
    for refusal in refusals(signature, len(args.positional), list(args.keywords)):
        if one_list and refusal.problem == "missing":
            continue  # the layer's shape function reports it (SL114), under both targets
        context = refusal.problem == "missing" and refusal.argument in CONTEXT_PARAMETERS
        if context and (outer is not None or model is not None):
            continue  # an enclosing call may give it a value: Keras then passes it on
        keras3 = built_in or context
        record(refusal.problem, refusal.argument, keras3, expected=refusal.expected)

"""Attention, AdditiveAttention, MultiHeadAttention and GroupQueryAttention.

Keras 3.15 facts mirrored here:

* ``Attention``/``AdditiveAttention`` are called on a list ``[query, value]`` or ``[query,
  value, key]`` (anything else: ``must be called on a list of inputs``); the output is
  ``(*query[:-1], value[-1])`` and the scores ``(*query[:-1], key[-2])``.
* ``MultiHeadAttention`` is called as ``mha(query, value[, key])``. Building it first checks
  that ``value`` and ``key`` agree on every axis but the last (``None`` differs from a
  size), then projects each input's last axis to ``num_heads`` heads (weights: ``last *
  heads * key_dim`` and ``heads * key_dim`` biases for the query and the key, ``value_dim``
  for the value and, with ``use_gate``, for a gate on the query; the output projection
  ``heads * value_dim * prod(output_shape)`` and ``prod(output_shape)`` biases, the
  ``output_shape`` being the query's last axis unless given). The output is the query's
  shape with its last axis replaced by ``output_shape`` (an int or a tuple).
  ``attention_axes`` changes no output shape, only the scores: really ``(batch, <the other
  axes>, num_heads, <query attention axes>, <key attention axes>)``, ``(batch, num_heads,
  Tq, Tv)`` by default, although Keras's symbolic spec says ``(batch, num_heads, Tq, Tq)``;
  on the other axes the query and the key must agree (checked when the model runs).
* ``GroupQueryAttention`` (the class ``GroupedQueryAttention``) takes ``(batch, steps,
  features)`` inputs only (rank 2 fails when it builds, other ranks in its einsums when it
  runs); it checks that the value and key agree on every axis but the last, and that the
  query and the value have the same number of features; its output has the query's shape,
  its scores are ``(batch, num_query_heads, Tq, Tk)``. Weights: the query (and gate)
  projections ``features * num_query_heads * head_dim``, the key and value projections
  ``features * num_key_value_heads * head_dim``, the output projection back to the query's
  features, each with its biases unless ``use_bias=False``.

``return_attention_scores`` is a *call* argument: the frontend records it in the config of
the call's node (the class's ``call_options``).
"""

from __future__ import annotations

import math

from seqlint.dims import NONE, UNKNOWN, Dim, Shape, Sym, differ, is_known
from seqlint.shapes.catalogue import Call, Trait
from seqlint.shapes.layers.attention_masks import check_dot_product, check_multi_head
from seqlint.shapes.layers.common import (
    as_dim,
    batch_of,
    config_bool,
    config_dim,
    config_int,
    keras_layer,
    not_a_list,
    require_defined,
    require_rank,
)
from seqlint.shapes.problems import ProblemKind, ShapeProblem

SCORES = ("return_attention_scores", "use_causal_mask")


def _scores_flag(call: Call) -> bool | None:
    return config_bool(call.layer, "return_attention_scores", False)


def _attention_params(call: Call) -> int | None:
    """Attention: a scalar scale (``use_scale``) and one concat weight (``score_mode="concat"``);
    AdditiveAttention: a scale per feature of the query (``use_scale``, on by default)."""
    layer = call.layer
    if layer.kind == "AdditiveAttention":
        use_scale = config_bool(layer, "use_scale", True)
        if use_scale is None:
            return None
        dim = call.inputs[0].dims[-1] if call.inputs and call.inputs[0].dims else UNKNOWN
        return (dim if is_known(dim) else None) if use_scale else 0  # type: ignore[return-value]
    use_scale = config_bool(layer, "use_scale", False)
    mode = layer.get("score_mode", "dot")
    if use_scale is None or mode not in ("dot", "concat"):
        return None
    return int(use_scale) + int(mode == "concat")


@keras_layer(
    "AdditiveAttention",
    positional=("use_scale", "dropout"),
    params=_attention_params,
    call_options=SCORES,
)
@keras_layer(
    "Attention",
    positional=("use_scale", "score_mode", "dropout", "seed"),
    params=_attention_params,
    call_options=SCORES,
)
def attention(call: Call) -> list[Shape]:
    if not call.as_list:
        return not_a_list(
            call,
            f"an {call.layer.kind} layer must be called on a list [query, value] or "
            "[query, value, key]",
        )
    scores = _scores_flag(call)
    if scores is None or not 2 <= len(call.inputs) <= 3:
        return [Shape.unknown()]
    query, value = call.inputs[0], call.inputs[1]
    key = call.inputs[2] if len(call.inputs) == 3 else value
    if call.layer.kind == "AdditiveAttention" and config_bool(call.layer, "use_scale", True):
        require_defined(call, -1, "its scale", shape=query)
    check_dot_product(call, query, value, key)
    if query.dims is None or not query.dims:
        return [Shape.unknown()] * (2 if scores else 1)
    last = value.dims[-1] if value.dims else UNKNOWN
    outputs = [Shape((*query.dims[:-1], last))]
    if scores:
        steps = key.dims[-2] if key.dims is not None and len(key.dims) >= 2 else UNKNOWN
        outputs.append(Shape((*query.dims[:-1], steps)))
    return outputs


def _projection(size: Dim, heads: int, width: int, bias: bool) -> int | None:
    """An EinsumDense from ``size`` features to ``heads`` heads of ``width``."""
    if not is_known(size):
        return None
    return size * heads * width + (heads * width if bias else 0)  # type: ignore[operator]


def _last(shapes: tuple[Shape, ...]) -> list[Dim]:
    return [s.dims[-1] if s.dims else UNKNOWN for s in shapes]


def _output_size(layer_output: object, query_last: Dim) -> int | None:
    """The number of outputs per position of MultiHeadAttention's output projection."""
    if not layer_output:  # None, 0, (): the query's last axis
        return query_last if is_known(query_last) else None  # type: ignore[return-value]
    sizes = layer_output if isinstance(layer_output, (tuple, list)) else (layer_output,)
    if not all(is_known(d) for d in sizes):
        return None
    return math.prod(sizes)  # type: ignore[arg-type]


def _mha_params(call: Call) -> int | None:
    """The query, key and value projections to ``num_heads`` heads (and the gate's), and the
    output projection."""
    layer = call.layer
    if len(call.inputs) not in (2, 3):
        return None
    query, value, *rest = _last(call.inputs)
    key = rest[0] if rest else value
    heads, key_dim = config_int(layer, "num_heads"), config_int(layer, "key_dim")
    value_dim = key_dim if layer.get("value_dim") is None else config_int(layer, "value_dim")
    bias = config_bool(layer, "use_bias", True)
    gate = config_bool(layer, "use_gate", False)
    output = _output_size(layer.get("output_shape"), query)
    if heads is None or key_dim is None or value_dim is None or output is None:
        return None
    if bias is None or gate is None:
        return None
    parts = [
        _projection(query, heads, key_dim, bias),
        _projection(key, heads, key_dim, bias),
        _projection(value, heads, value_dim, bias),
        _projection(heads * value_dim, output, 1, bias),
    ]
    if gate:
        parts.append(_projection(query, heads, value_dim, bias))
    return None if None in parts else sum(parts)  # type: ignore[arg-type]


def _surely_differ(a: Dim, b: Dim) -> bool:
    """Keras compares shapes with ``!=``: two sizes differ, and so do None and a size."""
    if differ(a, b):
        return True
    return (a is NONE and _sized(b)) or (b is NONE and _sized(a))


def _sized(d: Dim) -> bool:
    return is_known(d) or isinstance(d, Sym)


def _check_value_and_key(call: Call, value: Shape, key: Shape, key_index: int) -> None:
    """``All dimensions of `value` and `key`, except the last one, must be equal``."""
    if value.dims is None or key.dims is None:
        return
    inner_value, inner_key = value.dims[1:-1], key.dims[1:-1]
    if len(inner_value) != len(inner_key) or any(
        _surely_differ(a, b) for a, b in zip(inner_value, inner_key, strict=True)
    ):
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"{call.layer.kind} needs the value {value} and the key {key} to agree on every "
            "axis but the last (the key's steps are the value's)",
            input_index=key_index,
            expected=f"{Shape((*value.dims[:-1], UNKNOWN))} with any last axis",
            got=key,
        )


def _output_tail(output_shape: object) -> tuple[Dim, ...] | None:
    """``output_shape`` as the axes replacing the query's last (an empty tuple: the query's
    own last axis); None when it cannot be read (a value of unknown rank)."""
    if not output_shape:
        return ()
    if isinstance(output_shape, (tuple, list)):
        return tuple(as_dim(d) for d in output_shape)
    if is_known(output_shape) or isinstance(output_shape, Sym):
        return (output_shape,)  # type: ignore[return-value]
    return None


def _not_one_list(call: Call) -> None:
    """``mha([query, value])``: these layers take query, value and key as separate arguments
    (Keras raises TypeError: missing the ``value`` argument)."""
    if call.as_list:
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"{call.layer.kind} takes query and value as separate arguments, "
            f"layer(query, value), not one list of {len(call.inputs)} tensors: Keras raises "
            "TypeError: missing a required argument: 'value'",
            expected="query, value[, key] as separate arguments",
            hint="pass them separately: `layer(query, value)`, or `layer(query, value, key)`",
        )


@keras_layer(
    "MultiHeadAttention",
    params=_mha_params,
    positional=("num_heads", "key_dim", "value_dim", "dropout", "use_bias", "output_shape"),
    traits=(Trait.QUERY_VALUE, Trait.NEEDS_TIME_AXIS),
    call_options=SCORES,
)
def multi_head_attention(call: Call) -> list[Shape]:
    scores = _scores_flag(call)
    _not_one_list(call)
    if scores is None or not 2 <= len(call.inputs) <= 3:
        return [Shape.unknown()]
    query, value = call.inputs[0], call.inputs[1]
    key = call.inputs[2] if len(call.inputs) == 3 else value
    _check_value_and_key(call, value, key, len(call.inputs) - 1)
    _check_ranks(call, query, value)
    for index in (0, 2, 1) if len(call.inputs) == 3 else (0, 1):  # Keras builds q, k, v
        require_defined(
            call, -1, "its projection kernels", shape=call.inputs[index], input_index=index
        )
    axes = _attention_axes(call, query, key, value)
    if axes is not None:
        _check_shared_axes(call, query, key, axes)
    check_multi_head(
        call,
        query,
        value,
        _mha_scores(call, query, key, axes),
        axes,
    )
    n_out = 2 if scores else 1
    if query.dims is None or not query.dims:
        return [Shape.unknown()] * n_out
    tail = _output_tail(call.layer.config.get("output_shape", None))
    if tail is None:
        outputs = [Shape.unknown()]
    else:
        outputs = [Shape((*query.dims[:-1], *(tail or query.dims[-1:])))]
    if scores:
        outputs.append(_mha_scores(call, query, key, axes))
    return outputs


def _check_ranks(call: Call, query: Shape, value: Shape) -> None:
    """Keras builds the attention for the query's rank, attending by default over the axes
    between the batch and the features: a (batch, features) input has none (its Softmax fails
    when the model runs), and a value (and key) of another rank than the query's does not fit
    its einsums."""
    if call.layer.config.get("attention_axes", None) is None:
        for index in (0, 1):
            require_rank(
                call,
                3,
                "(batch, steps, features)",
                at_least=True,
                shape=call.inputs[index],
                input_index=index,
            )
    if query.rank is not None and value.rank is not None and query.rank != value.rank:
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"MultiHeadAttention builds its attention for the rank of its query {query}: the "
            f"value {value} must have as many axes ({query.rank}), not {value.rank}",
            input_index=1,
            expected=f"a value of rank {query.rank}",
            got=value,
        )


def _attention_axes(call: Call, query: Shape, key: Shape, value: Shape) -> tuple[int, ...] | None:
    """The input axes attended over (``attention_axes``, by default every axis between the
    batch and the features); None when unreadable, or for inputs of different ranks."""
    if query.rank is None or not query.rank == key.rank == value.rank:
        return None
    rank = query.rank + 1  # projected: (..., heads, channels)
    value_axes = call.layer.config.get("attention_axes", None)
    if value_axes is None:
        return tuple(range(1, rank - 2))
    items = value_axes if isinstance(value_axes, (tuple, list)) else (value_axes,)
    if not all(is_known(a) for a in items):
        return None
    axes = tuple(a if a >= 0 else rank - 1 + a for a in items)  # type: ignore[operator]
    if not axes or not all(1 <= a <= rank - 3 for a in axes) or len(set(axes)) != len(axes):
        return None
    return axes


def _check_shared_axes(call: Call, query: Shape, key: Shape, axes: tuple[int, ...]) -> None:
    """The query and the key are multiplied along the axes not attended over: their sizes
    must be equal there (Keras's einsum fails when the model runs)."""
    assert query.dims is not None and key.dims is not None
    for axis in range(1, len(query.dims) - 1):
        if axis not in axes and differ(query.dims[axis], key.dims[axis]):
            raise ShapeProblem(
                ProblemKind.LAYER_CONFIG,
                f"MultiHeadAttention attends over axes {axes} only, so the query {query} and "
                f"the key {key} must agree on axis {axis}",
                input_index=len(call.inputs) - 1,
                expected=f"size {query.dims[axis]} on axis {axis}",
                got=key,
            )


def _mha_scores(call: Call, query: Shape, key: Shape, axes: tuple[int, ...] | None) -> Shape:
    """The real scores: the query's axes outside the attention axes (the batch first), the
    heads, then the query's and the key's attention axes."""
    if axes is None or query.dims is None or key.dims is None:
        return Shape.unknown()
    heads = config_dim(call.layer, "num_heads")
    others = [d for i, d in enumerate(query.dims[:-1]) if i not in axes]
    return Shape((*others, heads, *(query.dims[a] for a in axes), *(key.dims[a] for a in axes)))


def _gqa_params(call: Call) -> int | None:
    layer = call.layer
    if len(call.inputs) not in (2, 3):
        return None
    query, value, *rest = _last(call.inputs)
    key = rest[0] if rest else value
    width = config_int(layer, "head_dim")
    heads, groups = config_int(layer, "num_query_heads"), config_int(layer, "num_key_value_heads")
    bias, gate = config_bool(layer, "use_bias", True), config_bool(layer, "use_gate", False)
    if width is None or heads is None or groups is None or bias is None or gate is None:
        return None
    parts = [
        _projection(query, heads, width, bias),
        _projection(key, groups, width, bias),
        _projection(value, groups, width, bias),
        None if not is_known(query) else heads * width * query + (query if bias else 0),  # type: ignore[operator]
    ]
    if gate:
        parts.append(_projection(query, heads, width, bias))
    return None if None in parts else sum(parts)  # type: ignore[arg-type]


@keras_layer(
    "GroupQueryAttention",
    params=_gqa_params,
    positional=("head_dim", "num_query_heads", "num_key_value_heads", "dropout"),
    traits=(Trait.QUERY_VALUE, Trait.NEEDS_TIME_AXIS),
    call_options=SCORES,
)
def group_query_attention(call: Call) -> list[Shape]:
    scores = _scores_flag(call)
    _not_one_list(call)
    if scores is None or not 2 <= len(call.inputs) <= 3:
        return [Shape.unknown()]
    query, value = call.inputs[0], call.inputs[1]
    key = call.inputs[2] if len(call.inputs) == 3 else value
    order = (0, 2, 1) if len(call.inputs) == 3 else (0, 1)  # Keras builds q, k, v
    for index in order:
        require_rank(
            call, 3, "(batch, steps, features)", shape=call.inputs[index], input_index=index
        )
    for index in order:
        require_defined(
            call, -1, "its projection kernels", shape=call.inputs[index], input_index=index
        )
    q_last, v_last = _last((query, value))
    if _surely_differ(q_last, v_last):
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"GroupQueryAttention needs as many features in the value {value} as in the "
            f"query {query} ({q_last}): its output projection gives back the query's features",
            input_index=1,
            expected=f"a value of {q_last} features",
            got=value,
        )
    _check_value_and_key(call, value, key, len(call.inputs) - 1)
    if query.dims is not None and key.dims is not None and len(key.dims) == 3:
        heads = config_dim(call.layer, "num_query_heads")
        check_multi_head(
            call,
            query,
            value,
            Shape((batch_of(query), heads, query.dims[1], key.dims[1])),
            (1,),
        )
    if query.dims is None:
        return [Shape.unknown()] * (2 if scores else 1)
    outputs = [query]
    if scores:
        steps = key.dims[1] if key.dims is not None else UNKNOWN
        heads = config_dim(call.layer, "num_query_heads")
        outputs.append(Shape((batch_of(query), heads, query.dims[1], steps)))
    return outputs

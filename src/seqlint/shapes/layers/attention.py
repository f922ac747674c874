"""Attention, AdditiveAttention and MultiHeadAttention.

Keras 3 facts: ``Attention``/``AdditiveAttention`` are called on a list
``[query, value]`` or ``[query, value, key]`` (anything else: ``must be called
on a list of inputs``); the output is ``(*query[:-1], value[-1])`` and the
scores ``(*query[:-1], key[-2])``.  ``MultiHeadAttention`` is called as
``mha(query, value[, key])``; its output is the query shape with the last axis
replaced by ``output_shape`` when given.  Its scores really are
``(batch, num_heads, Tq, Tv)`` (Keras's symbolic spec says ``Tq, Tq``).

``return_attention_scores`` is a *call* argument in Keras; the :class:`Call`
has no slot for call keywords, so it is read from the layer config, where a
frontend may put it.
"""

from __future__ import annotations

import math

from seqlint.dims import UNKNOWN, Dim, Shape, is_known, mul
from seqlint.shapes.catalogue import Call
from seqlint.shapes.layers.common import (
    as_dim,
    batch_of,
    config_bool,
    config_dim,
    keras_layer,
    not_a_list,
    require_defined,
)


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


@keras_layer("AdditiveAttention", positional=("use_scale", "dropout"), params=_attention_params)
@keras_layer(
    "Attention", positional=("use_scale", "score_mode", "dropout", "seed"), params=_attention_params
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
    if query.dims is None or not query.dims:
        return [Shape.unknown()] * (2 if scores else 1)
    last = value.dims[-1] if value.dims else UNKNOWN
    outputs = [Shape((*query.dims[:-1], last))]
    if scores:
        steps = key.dims[-2] if key.dims is not None and len(key.dims) >= 2 else UNKNOWN
        outputs.append(Shape((*query.dims[:-1], steps)))
    return outputs


def _dense_size(inputs: Dim, units: Dim, bias: bool) -> int | None:
    if not is_known(inputs) or not is_known(units):
        return None
    return inputs * units + (units if bias else 0)  # type: ignore[operator]


def _mha_params(call: Call) -> int | None:
    """The query, key and value projections to ``num_heads`` heads, and the output one."""
    layer = call.layer
    if len(call.inputs) not in (2, 3) or layer.get("attention_axes") is not None:
        return None
    last = [s.dims[-1] if s.dims else UNKNOWN for s in call.inputs]
    query, value = last[0], last[1]
    key = last[2] if len(last) == 3 else value
    heads, key_dim = config_dim(layer, "num_heads"), config_dim(layer, "key_dim")
    value_dim = config_dim(layer, "value_dim", None)
    value_dim = key_dim if value_dim is UNKNOWN and layer.get("value_dim") is None else value_dim
    bias = config_bool(layer, "use_bias", True)
    output = layer.get("output_shape")
    if output is None:
        output = query
    elif isinstance(output, (tuple, list)):
        output = math.prod(output) if all(is_known(d) for d in output) else UNKNOWN
    if bias is None or not all(is_known(d) for d in (heads, key_dim, value_dim)):
        return None
    parts = (
        _dense_size(query, mul(heads, key_dim), bias),
        _dense_size(key, mul(heads, key_dim), bias),
        _dense_size(value, mul(heads, value_dim), bias),
        _dense_size(mul(heads, value_dim), as_dim(output), bias),
    )
    return None if None in parts else sum(parts)  # type: ignore[arg-type]


@keras_layer(
    "MultiHeadAttention",
    params=_mha_params,
    positional=("num_heads", "key_dim", "value_dim", "dropout", "use_bias", "output_shape"),
)
def multi_head_attention(call: Call) -> list[Shape]:
    scores = _scores_flag(call)
    if scores is None or call.as_list or not 2 <= len(call.inputs) <= 3:
        return [Shape.unknown()]  # mha([q, v]) leaves `value` missing: Keras raises TypeError
    query, value = call.inputs[0], call.inputs[1]
    for index, tensor in enumerate(call.inputs):  # the query, value and key projections
        require_defined(call, -1, "its projection kernels", shape=tensor, input_index=index)
    n_out = 2 if scores else 1
    config = call.layer.config
    output_shape = config.get("output_shape", None)
    if output_shape is None or (isinstance(output_shape, (tuple, list)) and not output_shape):
        tail = None
    elif isinstance(output_shape, (tuple, list)):
        tail = tuple(as_dim(d) for d in output_shape)
    else:
        tail = (as_dim(output_shape),)
    if query.dims is None or not query.dims:
        return [Shape.unknown()] * n_out
    out = Shape(query.dims if tail is None else (*query.dims[:-1], *tail))
    outputs = [out]
    if scores:
        if query.rank == 3 and config.get("attention_axes", None) is None:
            tv = value.dims[1] if value.dims is not None and len(value.dims) == 3 else UNKNOWN
            heads = config_dim(call.layer, "num_heads")
            outputs.append(Shape((batch_of(query), heads, query.dims[1], tv)))
        else:
            outputs.append(Shape.unknown())
    return outputs

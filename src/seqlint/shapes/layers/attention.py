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

from seqlint.dims import UNKNOWN, Shape
from seqlint.shapes.catalogue import Call
from seqlint.shapes.layers.common import (
    as_dim,
    batch_of,
    config_bool,
    config_dim,
    keras_layer,
    not_a_list,
)


def _scores_flag(call: Call) -> bool | None:
    return config_bool(call.layer, "return_attention_scores", False)


@keras_layer("AdditiveAttention", positional=("use_scale", "dropout"))
@keras_layer("Attention", positional=("use_scale", "score_mode", "dropout", "seed"))
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
    if query.dims is None or not query.dims:
        return [Shape.unknown()] * (2 if scores else 1)
    last = value.dims[-1] if value.dims else UNKNOWN
    outputs = [Shape((*query.dims[:-1], last))]
    if scores:
        steps = key.dims[-2] if key.dims is not None and len(key.dims) >= 2 else UNKNOWN
        outputs.append(Shape((*query.dims[:-1], steps)))
    return outputs


@keras_layer(
    "MultiHeadAttention",
    positional=("num_heads", "key_dim", "value_dim", "dropout", "use_bias", "output_shape"),
)
def multi_head_attention(call: Call) -> list[Shape]:
    scores = _scores_flag(call)
    if scores is None or call.as_list or not 2 <= len(call.inputs) <= 3:
        return [Shape.unknown()]  # mha([q, v]) leaves `value` missing: Keras raises TypeError
    query, value = call.inputs[0], call.inputs[1]
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

"""Evidence shared by the stateful-RNN rules: which layers keep states across batches, and
the batch size an input declaration fixes."""

from __future__ import annotations

from seqlint.dims import UNKNOWN, is_known
from seqlint.ir import Layer, Value
from seqlint.rulekit.evidence import inner_layer, is_recurrent


def is_stateful(layer: Layer) -> bool:
    """A recurrent layer (alone or in Bidirectional) with ``stateful=True``."""
    return is_recurrent(layer) and inner_layer(layer).get("stateful", False) is True


def declared_batch(layer: Layer) -> Value:
    """The batch size an Input layer's config fixes: a positive int, None when it leaves the
    batch free (``shape=``, ``batch_shape=(None, ...)``), UNKNOWN when it cannot be read."""
    config = layer.config
    if "batch_shape" in config:
        batch_shape = config["batch_shape"]
        if not isinstance(batch_shape, (tuple, list)) or not batch_shape:
            return UNKNOWN
        first = batch_shape[0]
    elif "shape" in config:
        first = config.get("batch_size")
    else:
        return UNKNOWN  # nothing readable declared
    if first is None:
        return None
    return first if positive_int(first) else UNKNOWN


def positive_int(value: Value) -> bool:
    return (
        is_known(value) and isinstance(value, int) and not isinstance(value, bool) and (value > 0)
    )

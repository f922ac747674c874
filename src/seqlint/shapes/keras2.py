"""Where Keras 2 computes a shape differently from Keras 3.

The reference is Keras 3; these are the differences of tf.keras 2 (TensorFlow 2.4-2.15's
own Keras and tf-keras), each proven by running the same code under tf-keras 2.21 and
Keras 3.15 (tests/keras/test_keras2_semantics_keras.py). Standalone Keras 2.2/2.3 (``import
keras`` before TensorFlow 2.4) behaves like Keras 3 here: its convolutions want the exact
rank and its fit checks the targets' shape.
"""

from __future__ import annotations

import re

from seqlint.dims import BATCH, Shape
from seqlint.shapes.catalogue import Call, canonical, lookup
from seqlint.shapes.layers.wrappers import NO_OUTPUT_SHAPE

# Convolutions whose tf.keras 2 InputSpec is ``min_ndim=rank + 2``: extra leading axes are
# batch axes (``Conv1D`` on ``(batch, 10, 6, 3)`` gives ``(batch, 10, 4, filters)``); Keras 3
# raises "Kernel shape must have the same length as input".
LEADING_BATCH_AXES = {"Conv1D": 1, "Conv2D": 2, "Conv3D": 3}


def tf_keras2(target: str) -> bool:
    """Does ``target`` ("2", "3" or a release) mean tf.keras 2 (TensorFlow 2.4+, tf-keras)?"""
    numbers = [int(n) for n in re.findall(r"\d+", target)[:2]]
    if not numbers or numbers[0] != 2:
        return False
    return len(numbers) == 1 or numbers[1] >= 4


def differs(call: Call) -> bool:
    """Whether tf.keras 2 computes this call's shapes otherwise than Keras 3 (a
    TimeDistributed over a custom layer without ``compute_output_shape``: tf.keras 2 runs the
    layer's call to find its output shape, Keras 3 raises)."""
    if call.layer.kind == "TimeDistributed" and call.layer.get(NO_OUTPUT_SHAPE) is True:
        return True
    rank = LEADING_BATCH_AXES.get(canonical(call.layer.kind))
    dims = call.input.dims
    return rank is not None and len(call.inputs) == 1 and dims is not None and len(dims) > rank + 2


def output_shapes(call: Call) -> list[Shape] | None:
    """tf.keras 2's shapes for a call where :func:`differs`: the convolution runs on the
    last ``rank + 1`` axes, the leading ones kept as they are; a TimeDistributed over a custom
    layer without ``compute_output_shape`` is not followed (unknown)."""
    if call.layer.kind == "TimeDistributed":
        return [Shape.unknown()]
    rank = LEADING_BATCH_AXES[canonical(call.layer.kind)]
    fn = lookup(call.layer.kind)
    dims = call.input.dims
    if fn is None or dims is None:
        return None
    leading = dims[: len(dims) - rank - 1]
    inner = Call(call.layer, (Shape((BATCH, *dims[len(dims) - rank - 1 :])),))
    outputs = fn(inner)
    return [
        Shape.unknown() if out.dims is None else Shape((*leading, *out.dims[1:])) for out in outputs
    ]

"""Crossentropies of a target and an output (the losses custom layers add with ``add_loss``):
categorical, sparse categorical, binary, through ``keras.ops``, Keras 2's backend and
TensorFlow's ``*_cross_entropy_with_logits``.

Keras facts (``keras.ops.nn``): the static shapes are compared as tuples, so a None matches
only a None; ``categorical_crossentropy`` needs equal shapes of rank 1 or more and drops the
last axis; ``sparse_categorical_crossentropy`` needs the target to be the output without its
class axis (a trailing 1 on the target dropped); ``binary_crossentropy`` needs equal shapes
and keeps them. Keras 2 and TensorFlow broadcast the shapes (most checking first that they
are compatible: a None matches any size) and drop the class axis (``static``).
"""

from __future__ import annotations

from seqlint.dims import Dim, Shape, is_known, product
from seqlint.shapes.ops.aliases import aliases
from seqlint.shapes.ops.common import Unreadable, axis, broadcast, differ, dims, fail, merged
from seqlint.shapes.ops.linalg import python_unequal
from seqlint.shapes.ops.registry import OpCall, op


def keras_unequal(a: tuple[Dim, ...], b: tuple[Dim, ...]) -> bool:
    """Keras's ``a != b`` on static shapes (Unreadable when seqlint cannot tell)."""
    if len(a) != len(b):
        return True
    answers = [python_unequal(x, y) for x, y in zip(a, b, strict=True)]
    if any(answers):
        return True
    if None in answers:
        raise Unreadable
    return False


def compatible(a: tuple[Dim, ...], b: tuple[Dim, ...], what: str) -> None:
    """TensorFlow's ``assert_is_compatible_with``: one rank, no two known sizes differing."""
    if len(a) != len(b) or any(differ(x, y) for x, y in zip(a, b, strict=True)):
        raise fail(f"{what}: {Shape(a)} and {Shape(b)} are not compatible")


@op(
    "categorical_crossentropy",
    "target:tensor, output:tensor, from_logits=False, axis=-1, static='keras'",
)
def categorical(call: OpCall) -> list[Shape]:
    """One value per sample: the class axis dropped (Keras: always the last). Keras 2
    checks the shapes are compatible, then broadcasts them; TensorFlow's
    ``softmax_cross_entropy_with_logits`` keeps the logits' other sizes and takes no
    negative axis but -1 (``static``)."""
    target, output = dims(call["target"]), dims(call["output"])
    if call["static"] == "keras":
        if not target or keras_unequal(target, output):
            raise fail(
                f"categorical_crossentropy needs equal shapes of rank 1 or more, got "
                f"{call['target']} and {call['output']}"
            )
        return [Shape(output[:-1])]
    if call["static"] == "backend":
        compatible(target, output, "K.categorical_crossentropy")
        shape = dims(broadcast(call["target"], call["output"]))
    else:
        return [_softmax_with_logits(call, target, output)]
    at = axis(call["axis"], len(shape))
    return [Shape(tuple(d for i, d in enumerate(shape) if i != at))]


def _softmax_with_logits(call: OpCall, target: tuple[Dim, ...], output: tuple[Dim, ...]) -> Shape:
    """TensorFlow's ``softmax_cross_entropy_with_logits``: both operands as matrices (rows
    the other axes' values, columns the classes) that broadcast, the result the logits'
    other sizes (a label's known size where the logits' is not)."""
    if is_known(call["axis"]) and call["axis"] < -1:
        raise fail("tf.nn.softmax_cross_entropy_with_logits takes -1 or a positive axis")
    at, label_at = axis(call["axis"], len(output)), axis(call["axis"], len(target))
    rest = tuple(d for i, d in enumerate(output) if i != at)
    label_rest = tuple(d for i, d in enumerate(target) if i != label_at)
    rows = (product(label_rest), product(rest))
    for a, b in ((target[label_at], output[at]), rows):
        if differ(a, b) and 1 not in (a, b):
            raise fail(f"softmax crossentropy of {call['target']} and {call['output']}")
    if len(rest) == len(label_rest):
        pairs = zip(label_rest, rest, strict=True)
        rest = tuple(b if is_known(b) or not is_known(a) else a for a, b in pairs)
    return Shape(rest)


aliases(
    "categorical_crossentropy(target, output, from_logits=False, axis=-1)",
    "ops.categorical_crossentropy",
)
aliases(
    "categorical_crossentropy(target, output, from_logits=False, axis=-1; static='backend')",
    "backend.categorical_crossentropy",
)
aliases(
    "categorical_crossentropy(labels->target, logits->output, axis=-1; static='tf')",
    "tensorflow.nn.softmax_cross_entropy_with_logits",
)


@op(
    "sparse_categorical_crossentropy",
    "target:tensor, output:tensor, from_logits=False, axis=-1, static='keras'",
)
def sparse_categorical(call: OpCall) -> list[Shape]:
    """The target holds class indices: the output's shape without its class axis."""
    target, output = dims(call["target"]), dims(call["output"])
    if not output:
        raise fail("sparse_categorical_crossentropy needs an output of rank 1 or more")
    at = axis(call["axis"], len(output)) if call["static"] == "keras" else len(output) - 1
    classless = tuple(d for i, d in enumerate(output) if i != at)
    if call["static"] == "keras":
        if len(target) == len(output) and target and target[-1] == 1:
            target = target[:-1]
        if keras_unequal(target, classless):
            raise fail(
                f"sparse_categorical_crossentropy: the target {call['target']} must be the "
                f"output {call['output']} without its class axis"
            )
        return [Shape(classless)]
    if len(target) != len(classless) or any(map(differ, target, classless)):
        raise fail(f"sparse crossentropy: the labels must be {Shape(classless)}")
    return [Shape(tuple(map(merged, target, classless)))]


aliases(
    "sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1)",
    "ops.sparse_categorical_crossentropy",
)
aliases(
    "sparse_categorical_crossentropy(labels->target, logits->output; static='tf')",
    "tensorflow.nn.sparse_softmax_cross_entropy_with_logits",
)


@op("binary_crossentropy", "target:tensor, output:tensor, from_logits=False, static='keras'")
def binary(call: OpCall) -> list[Shape]:
    """One value per element: equal shapes (Keras), or compatible ones broadcast
    (TensorFlow)."""
    target, output = dims(call["target"]), dims(call["output"])
    if call["static"] == "keras":
        if keras_unequal(target, output):
            raise fail(
                f"binary_crossentropy needs equal shapes, got {call['target']} and {call['output']}"
            )
        return [call["output"]]
    compatible(target, output, "sigmoid crossentropy")
    return [broadcast(call["target"], call["output"])]


aliases("binary_crossentropy(target, output, from_logits=False)", "ops.binary_crossentropy")
aliases(
    "binary_crossentropy(labels->target, logits->output; static='tf')",
    "tensorflow.nn.sigmoid_cross_entropy_with_logits",
)

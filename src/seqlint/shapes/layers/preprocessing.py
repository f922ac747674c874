"""Text and structured-data preprocessing: TextVectorization, the lookups, CategoryEncoding,
Hashing, HashedCrossing, Discretization, Normalization, Rescaling and Pipeline.

These layers have no trainable weights (Normalization keeps its statistics as weights). Their
outputs are what Keras computes when it runs them (TensorFlow backend): where Keras's own
``compute_output_shape`` says otherwise (a multi_hot TextVectorization on ``(batch, 1)``
strings is ``(batch, 1, depth)`` to it, ``(batch, depth)`` when it runs), seqlint follows the
run, except where the run depends on a size Keras leaves undefined (then seqlint says what
Keras says when it builds).

The size of a lookup's vocabulary is known only when the source gives it as a list
(``vocabulary=[...]``, or an array numpy made from one): adapted at run time, or set by
``set_vocabulary``, it is unknown. In ``int`` mode the lookups, TextVectorization, Hashing and
Discretization output indices whose range the catalogue gives (``indices``): what an Embedding
after them must hold (SL210).
"""

from __future__ import annotations

import math
from typing import Any

from seqlint.dims import BATCH, NONE, UNKNOWN, Dim, Shape, is_known
from seqlint.ir import Array, Layer
from seqlint.shapes.catalogue import (
    Call,
    IndexFn,
    Indices,
    ShapeFn,
    Trait,
    count_params,
    output_shapes,
)
from seqlint.shapes.layers.common import (
    config_bool,
    config_dim,
    config_int,
    keras_layer,
    no_weights,
    not_a_list,
    require_defined,
)
from seqlint.shapes.problems import ProblemKind, ShapeProblem

_ENCODINGS = ("int", "one_hot", "multi_hot", "count", "tf_idf")
_OLD_NAMES = {"binary": "multi_hot", "tf-idf": "tf_idf"}


def _mode(layer: Layer, default: str, allowed: tuple[str, ...] = _ENCODINGS) -> str | None:
    """``output_mode`` (Keras's deprecated names mapped), None if unreadable or refused."""
    value = layer.get("output_mode", default)
    if not isinstance(value, str):
        return None
    value = _OLD_NAMES.get(value, value)
    return value if value in allowed else None


def encoded(shape: Shape, mode: str, depth: Dim) -> Shape:
    """What Keras's ``encode_categorical_inputs`` makes of indices of ``shape``.

    ``int`` keeps the shape; ``one_hot`` adds a ``depth`` axis, replacing a last axis of 1;
    ``multi_hot``, ``count`` (and ``tf_idf``, weighted counts) fold axis 1 into a ``depth``
    axis: ``(batch, n)`` gives ``(batch, depth)``, ``(batch, a, b)`` gives ``(batch, b,
    depth)``, and a rank-1 batch counts as one sample, ``(depth,)``. A last axis Keras leaves
    undefined may be 1 when it runs: ``one_hot`` then keeps it, as Keras does when it builds.
    """
    dims = shape.dims
    if dims is None or mode == "int":
        return shape
    if not dims:
        return Shape((depth,))
    if mode == "one_hot":
        last = dims[-1]
        if len(dims) == 1 or last is NONE:
            return Shape((*dims, depth))
        if not is_known(last):
            return Shape.unknown()
        return Shape((*(dims[:-1] if last == 1 else dims), depth))
    if len(dims) == 1:
        return Shape((depth,))
    return Shape((dims[0], *dims[2:], depth))


# -- lookups -----------------------------------------------------------------------------------


def _literal(value: Any) -> bool:
    return isinstance(value, str) or is_known(value)


def _vocabulary_items(value: Any) -> list | tuple | None:
    """The tokens of a ``vocabulary`` argument the source lists: a list or tuple, or an
    array numpy made from a literal list (``np.array(["Heat", "Fargo"])``)."""
    if isinstance(value, (list, tuple)):
        return value
    literal = value.literal if isinstance(value, Array) else None
    if literal is not None and value.shape == (len(literal),):
        return literal
    return None


def vocabulary_size(layer: Layer, mode: str, *, mask: Any, oov: Any, num_oov: int | None) -> Dim:
    """The ``vocabulary_size()`` Keras freezes when ``vocabulary`` is a list in the source: the
    mask and OOV indices (the mask only in ``int`` mode) plus the tokens. A vocabulary that
    already starts with those special tokens is not counted twice. Unknown otherwise (adapted
    at run time, a file, a value seqlint cannot read)."""
    vocabulary = _vocabulary_items(layer.get("vocabulary"))
    if not vocabulary or num_oov is None or num_oov < 0:
        return UNKNOWN
    oov_start = 1 if mask is not None and mode == "int" else 0
    token_start = oov_start + num_oov
    specials = [mask] * oov_start + [oov] * num_oov
    head = list(vocabulary[:token_start])
    if not all(_literal(v) for v in (*head, *specials)):
        return UNKNOWN
    tokens = len(vocabulary) - (token_start if head == specials else 0)
    return token_start + tokens


def _lookup_size(layer: Layer, oov_default: str | int) -> Dim:
    """A StringLookup's or IntegerLookup's ``vocabulary_size()`` in ``int`` mode."""
    return vocabulary_size(
        layer,
        "int",
        mask=layer.get("mask_token"),
        oov=layer.get("oov_token", oov_default),
        num_oov=config_int(layer, "num_oov_indices", 1),
    )


def _vocabulary_indices(size: Dim, *, mask: bool, num_oov: int | None) -> Indices | None:
    """``[0, size)`` for a lookup's known ``vocabulary_size()``, described index by index."""
    if not is_known(size) or size <= 0 or num_oov is None:
        return None
    parts = ["the mask index 0"] if mask else []
    if num_oov:
        parts.append(f"{num_oov} OOV ind{'ex' if num_oov == 1 else 'ices'}")
    tokens = size - num_oov - mask
    parts.append(f"{tokens} token{'s' if tokens != 1 else ''}")
    detail = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]
    return Indices(0, size, f"vocabulary_size() {size}: {detail}", vocabulary=True)


def _lookup_indices(oov_default: str | int) -> IndexFn:
    """The indices a lookup outputs in ``int`` mode: ``[0, vocabulary_size())``, the mask
    index (when ``mask_token`` is set), the OOV indices, then one per token; none when it
    is inverted (it outputs tokens) or encodes them."""

    def indices(layer: Layer) -> Indices | None:
        if _mode(layer, "int") != "int" or config_bool(layer, "invert", False) is not False:
            return None
        return _vocabulary_indices(
            _lookup_size(layer, oov_default),
            mask=layer.get("mask_token") is not None,
            num_oov=config_int(layer, "num_oov_indices", 1),
        )

    return indices


def _lookup_depth(layer: Layer, mode: str, vocabulary: Dim) -> Dim:
    """The encoded axis: ``max_tokens`` with ``pad_to_max_tokens``, else the vocabulary."""
    pad = config_bool(layer, "pad_to_max_tokens", False)
    if pad is None:
        return UNKNOWN
    return config_dim(layer, "max_tokens", None) if pad else vocabulary


def _lookup(oov_default: str | int) -> ShapeFn:
    """The shape function of a lookup whose ``oov_token`` defaults to ``oov_default``."""

    def shape_fn(call: Call) -> list[Shape]:
        """Keeps the shape in ``int`` mode (and ``invert``); the other modes encode the
        indices (:func:`encoded`) over the vocabulary."""
        layer = call.layer
        mode = _mode(layer, "int")
        if mode is None:
            return [Shape.unknown()]
        size = vocabulary_size(
            layer,
            mode,
            mask=layer.get("mask_token"),
            oov=layer.get("oov_token", oov_default),
            num_oov=config_int(layer, "num_oov_indices", 1),
        )
        return [encoded(call.input, mode, _lookup_depth(layer, mode, size))]

    return shape_fn


_LOOKUP_POSITIONAL = ("max_tokens", "num_oov_indices", "mask_token", "oov_token", "vocabulary")
keras_layer(
    "StringLookup",
    positional=_LOOKUP_POSITIONAL,
    params=no_weights,
    indices=_lookup_indices("[UNK]"),
)(_lookup("[UNK]"))
keras_layer(
    "IntegerLookup", positional=_LOOKUP_POSITIONAL, params=no_weights, indices=_lookup_indices(-1)
)(_lookup(-1))


def _text_vectorization_indices(layer: Layer) -> Indices | None:
    """``int`` mode: index 0 pads (the mask token ""), 1 is the OOV index, then the tokens."""
    if _mode(layer, "int") != "int":
        return None
    size = vocabulary_size(layer, "int", mask="", oov="[UNK]", num_oov=1)
    return _vocabulary_indices(size, mask=True, num_oov=1)


def _hashing_indices(layer: Layer) -> Indices | None:
    """``int`` mode: a bin in ``[0, num_bins)`` (bin 0 for ``mask_value`` when it is set)."""
    if _mode(layer, "int", ("int", "one_hot", "multi_hot", "count")) != "int":
        return None
    bins = config_dim(layer, "num_bins")
    return Indices(0, bins, f"num_bins={bins}") if is_known(bins) else None


def _discretization_indices(layer: Layer) -> Indices | None:
    """``int`` mode: a bin in ``[0, len(bin_boundaries) + 1)`` for boundaries the source
    lists (``adapt`` may find fewer than ``num_bins``: unknown)."""
    if _mode(layer, "int", ("int", "one_hot", "multi_hot", "count")) != "int":
        return None
    boundaries = layer.get("bin_boundaries")
    if not isinstance(boundaries, (list, tuple)):
        return None
    bins = len(boundaries) + 1
    return Indices(0, bins, f"{bins} bins between {len(boundaries)} boundaries")


# -- TextVectorization -------------------------------------------------------------------------


@keras_layer(
    "TextVectorization",
    positional=(
        "max_tokens",
        "standardize",
        "split",
        "ngrams",
        "output_mode",
        "output_sequence_length",
    ),
    params=no_weights,
    indices=_text_vectorization_indices,
)
def text_vectorization(call: Call) -> list[Shape]:
    """Splitting (the default) takes strings of shape ``(batch,)`` or ``(batch, ..., 1)``
    (Keras raises when it runs on a last axis of another size) and adds a token axis: ``int``
    gives ``(batch, ..., output_sequence_length)`` (undefined without it, or ``ragged``),
    ``one_hot`` ``(batch, ..., tokens, depth)``, and the counting modes ``(batch, depth)``
    for one string per sample. With ``split=None`` each string is one token, encoded as by
    the lookups. The depth is the vocabulary with its OOV index."""
    layer, shape = call.layer, call.input
    mode = _mode(layer, "int")
    split = layer.get("split", "whitespace")
    ragged = config_bool(layer, "ragged", False)
    if mode is None or ragged is None or shape.dims is None:
        return [Shape.unknown()]
    cut = layer.get("output_sequence_length")
    length = None if cut is None else config_dim(layer, "output_sequence_length")
    size = vocabulary_size(layer, mode, mask="", oov="[UNK]", num_oov=1)
    depth = _lookup_depth(layer, mode, size)
    if split is None:
        if layer.get("ngrams") is not None:
            return [Shape.unknown()]  # n-grams across the strings of a sample: not modelled
        return [_untokenized(shape, mode, depth, length, ragged)]
    if split not in ("whitespace", "character"):
        return [Shape.unknown()]  # a callable: what it makes of the strings is unknown
    dims = shape.dims
    if len(dims) >= 2:
        last = dims[-1]
        if last is NONE:  # Keras's build-time answer: the run needs it to be 1
            return [_as_built(shape, mode, depth, length)]
        if not is_known(last):
            return [Shape.unknown()]
        if last != 1:
            raise ShapeProblem(
                ProblemKind.LAYER_CONFIG,
                f"TextVectorization splits strings of shape (batch,) or (batch, ..., 1) into "
                f"tokens, got {shape}; Keras raises when it runs the layer",
                input_index=0,
                expected="(batch,) or (batch, 1) strings",
                got=shape,
            )
        dims = dims[:-1]
    if mode == "int":
        return [Shape((*dims, NONE if ragged or length is None else length))]
    if mode == "one_hot":
        return [Shape((*dims, NONE, depth))]
    return [Shape((dims[0], *(NONE for _ in dims[1:]), depth))]


def _untokenized(shape: Shape, mode: str, depth: Dim, length: Dim | None, ragged: bool) -> Shape:
    """``split=None``: each string is a token; ``output_sequence_length`` cuts (and, unless
    ``ragged``, pads) the last axis, the batch axis of a rank-1 input."""
    dims = shape.dims
    if mode != "int" or length is None or not dims:
        return encoded(shape, mode, depth)
    last = dims[-1]
    if ragged:
        if is_known(last) and is_known(length):
            length = min(last, length)
        else:
            length = NONE if last is NONE else UNKNOWN
    return Shape((*dims[:-1], length))


def _as_built(shape: Shape, mode: str, depth: Dim, length: Dim | None) -> Shape:
    """Keras's ``compute_output_shape`` (a token axis added to the input's shape)."""
    dims = shape.dims or ()
    if mode == "int":
        return Shape((dims[0], NONE if length is None else length))
    if mode == "one_hot":
        return Shape((*dims, NONE, depth))
    return Shape((*dims, depth))


# -- encodings ---------------------------------------------------------------------------------


@keras_layer(
    "CategoryEncoding", positional=("num_tokens", "output_mode", "sparse"), params=no_weights
)
def category_encoding(call: Call) -> list[Shape]:
    """Encodes integer indices below ``num_tokens`` (:func:`encoded`)."""
    mode = _mode(call.layer, "multi_hot", ("one_hot", "multi_hot", "count"))
    if mode is None:
        return [Shape.unknown()]
    return [encoded(call.input, mode, config_dim(call.layer, "num_tokens"))]


@keras_layer(
    "Hashing",
    positional=("num_bins", "mask_value", "salt", "output_mode", "sparse"),
    params=no_weights,
    indices=_hashing_indices,
)
def hashing(call: Call) -> list[Shape]:
    """Hashes every value into ``num_bins`` bins, then encodes the bin indices (:func:`encoded`);
    ``one_hot`` first drops a last axis of 1 (Keras's build drops an undefined one)."""
    mode = _mode(call.layer, "int", ("int", "one_hot", "multi_hot", "count"))
    if mode is None:
        return [Shape.unknown()]
    shape, depth = call.input, config_dim(call.layer, "num_bins")
    dims = shape.dims
    if mode == "one_hot" and dims is not None and len(dims) >= 2:
        if dims[-1] is NONE:
            return [Shape((*dims[:-1], depth))]
        if not is_known(dims[-1]):
            return [Shape.unknown()]
        if dims[-1] == 1:
            shape = Shape(dims[:-1])
    return [encoded(shape, mode, depth)]


@keras_layer(
    "Discretization",
    positional=("bin_boundaries", "num_bins", "epsilon", "output_mode", "sparse"),
    params=no_weights,
    indices=_discretization_indices,
)
def discretization(call: Call) -> list[Shape]:
    """Bins every value, then encodes the bin indices; the depth is ``len(bin_boundaries) + 1``,
    or ``num_bins`` (what Keras says before ``adapt``, which may find fewer bins in little
    data)."""
    layer = call.layer
    mode = _mode(layer, "int", ("int", "one_hot", "multi_hot", "count"))
    if mode is None:
        return [Shape.unknown()]
    boundaries = layer.get("bin_boundaries")
    if isinstance(boundaries, (list, tuple)):
        depth: Dim = len(boundaries) + 1
    elif boundaries is None:
        depth = config_dim(layer, "num_bins")
    else:
        depth = UNKNOWN
    return [encoded(call.input, mode, depth)]


@keras_layer(
    "HashedCrossing",
    positional=("num_bins", "output_mode", "sparse", "name", "dtype"),
    params=no_weights,
)
def hashed_crossing(call: Call) -> list[Shape]:
    """Crosses two features of shape ``(batch,)`` or ``(batch, 1)`` into ``num_bins`` bins:
    the first one's shape in ``int`` mode, ``(batch, num_bins)`` in ``one_hot`` mode. Keras
    needs exactly two inputs (its ``compute_output_shape``), with the same last axis when it
    builds and the same shape when it runs."""
    if not call.as_list:
        return not_a_list(call, "HashedCrossing crosses a list of two features")
    if len(call.inputs) != 2:
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"HashedCrossing crosses exactly two features, got {len(call.inputs)}",
            expected="a list of two tensors",
        )
    first, second = call.inputs
    if first.dims is None or second.dims is None:
        return [Shape.unknown()]
    for index, shape in enumerate(call.inputs):
        _crossable(shape, index)
    if len(first.dims) != len(second.dims):
        raise ShapeProblem(
            ProblemKind.MERGE_DIMS,
            f"HashedCrossing crosses features of the same shape, got {first} and {second}",
            input_index=1,
            expected=f"{first}",
            got=second,
        )
    mode = _mode(call.layer, "int", ("int", "one_hot"))
    if mode is None:
        return [Shape.unknown()]
    if mode == "int":
        return [first]
    return [Shape((first.dims[0], config_dim(call.layer, "num_bins")))]


def _crossable(shape: Shape, index: int) -> None:
    """A feature HashedCrossing takes: ``(batch,)`` or ``(batch, 1)`` (an undefined last axis
    fails too: Keras checks the static shape when it runs)."""
    dims = shape.dims or ()
    if len(dims) > 2:
        raise ShapeProblem(
            ProblemKind.RANK,
            f"expected a feature of rank 2 (batch, 1) or 1 (batch,), got {shape}",
            input_index=index,
            expected="(batch, 1)",
            got=shape,
            expected_rank=2,
        )
    if len(dims) == 2 and (dims[1] is NONE or is_known(dims[1]) and dims[1] != 1):
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"HashedCrossing crosses features of shape (batch,) or (batch, 1), got {shape}",
            input_index=index,
            expected="(batch, 1)",
            got=shape,
        )


# -- Normalization, Rescaling ------------------------------------------------------------------


def _kept_axes(call: Call) -> list[int] | None:
    """Normalization's ``axis`` as positions of the input; None if unreadable. Raises
    LAYER_CONFIG for an axis the input does not have."""
    value = call.layer.get("axis", -1)
    items = [] if value is None else list(value) if isinstance(value, (list, tuple)) else [value]
    shape = call.input
    if shape.dims is None or not all(is_known(a) for a in items):
        return None
    rank = len(shape.dims)
    outside = [a for a in items if not -rank <= a < rank]
    if outside:
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"Normalization(axis={value}) needs an input with axis {outside[0]}, got {shape} "
            f"(rank {rank})",
            input_index=0,
            expected=f"an input with axis {outside[0]}",
            got=shape,
        )
    return sorted({a % rank for a in items})


def _array_shape(value: Any) -> tuple[int, ...] | None:
    """The shape of a (nested) list of numbers; None if it is not one."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return ()
    if not isinstance(value, (list, tuple)) or not value:
        return None
    inner = {_array_shape(v) for v in value}
    if len(inner) != 1 or None in inner:
        return None
    return (len(value), *inner.pop())  # type: ignore[misc]


def _normalization_params(call: Call) -> int | None:
    """Mean and variance per position of the kept axes, and a count; none when ``mean`` and
    ``variance`` are given."""
    if call.layer.get("mean") is not None:
        return 0
    kept, dims = _kept_axes(call), call.input.dims
    if kept is None or dims is None:
        return None
    sizes = [dims[a] for a in kept]
    if not all(is_known(s) for s in sizes):
        return None
    return 2 * math.prod(sizes) + 1  # type: ignore[arg-type]


@keras_layer(
    "Normalization",
    positional=("axis", "mean", "variance", "invert"),
    params=_normalization_params,
    traits=(Trait.KEEPS_SHAPE, Trait.SIZED_BY_FEATURES),
)
def normalization(call: Call) -> list[Shape]:
    """Same shape. Keras needs every kept ``axis`` (default the last) defined when it builds,
    and a given ``mean``/``variance`` that broadcasts to those axes."""
    shape = call.input
    kept = _kept_axes(call)
    if kept is None or shape.dims is None:
        return [shape]
    if 0 in kept and shape.dims[0] is BATCH:
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"Normalization(axis={call.layer.get('axis', -1)}) keeps the batch axis of its "
            f"input {shape}, whose size is undefined (None): Keras raises when it builds",
            input_index=0,
            expected="axes other than the batch axis",
            got=shape,
        )
    for axis in kept:
        require_defined(call, axis, "its mean and variance")
    mean = _array_shape(call.layer.get("mean"))
    if mean:
        for size, axis in zip(reversed(mean), reversed(kept), strict=False):
            dim = shape.dims[axis]
            if size != 1 and is_known(dim) and dim != size:
                raise ShapeProblem(
                    ProblemKind.LAYER_CONFIG,
                    f"Normalization's mean and variance of shape {mean} do not fit axis "
                    f"{axis} of its input {shape}",
                    input_index=0,
                    expected=f"{size} values on axis {axis}",
                    got=shape,
                )
    return [shape]


@keras_layer(
    "Rescaling", positional=("scale", "offset"), params=no_weights, traits=(Trait.KEEPS_SHAPE,)
)
def rescaling(call: Call) -> list[Shape]:
    """``inputs * scale + offset``: the input's shape, broadcast against a ``scale`` or
    ``offset`` given as a list (Keras raises when it runs on a last axis they do not fit)."""
    shape = call.input
    for name in ("scale", "offset"):
        factor = _array_shape(call.layer.get(name, 0.0))
        if factor is None:
            return [Shape.unknown()]
        shape = _broadcast(call, shape, factor, name)
    return [shape]


def _broadcast(call: Call, shape: Shape, factor: tuple[int, ...], name: str) -> Shape:
    dims = shape.dims
    if dims is None:
        return shape
    if len(factor) > len(dims):
        return Shape.unknown()
    out = list(dims)
    for i, size in enumerate(reversed(factor), start=1):
        dim = dims[-i]
        if size == 1 or dim is NONE:
            continue
        if not is_known(dim):
            out[-i] = UNKNOWN
        elif dim == 1:
            out[-i] = size
        elif dim != size:
            raise ShapeProblem(
                ProblemKind.LAYER_CONFIG,
                f"Rescaling's {name} of shape {factor} does not broadcast against its input "
                f"{call.input}; Keras raises when it runs the layer",
                input_index=0,
                expected=f"{size} values on axis {len(dims) - i}",
                got=call.input,
            )
    return Shape(tuple(out))


# -- Pipeline ----------------------------------------------------------------------------------


def _stages(call: Call) -> list[Layer] | None:
    stages = call.layer.get("layers")
    if not isinstance(stages, (list, tuple)) or not stages:
        return None
    return list(stages) if all(isinstance(s, Layer) for s in stages) else None


def _pipeline_params(call: Call) -> int | None:
    stages, shape, total = _stages(call), call.input, 0
    if stages is None:
        return None
    for stage in stages:
        count = count_params(stage, (shape,))
        outputs = output_shapes(Call(stage, (shape,)))
        if count is None or outputs is None or len(outputs) != 1:
            return None
        total, shape = total + count, outputs[0]
    return total


def _pipeline_problem(problem: ShapeProblem, stage: Layer, *, first: bool) -> ShapeProblem:
    """``problem`` of a Pipeline's ``stage``, as the Pipeline's: of the same kind for the first
    stage (which gets the Pipeline's input), a LAYER_CONFIG problem for the later ones."""
    message = f"its {stage.kind}: {problem.message}"
    if not first:
        return ShapeProblem(
            ProblemKind.LAYER_CONFIG, message, input_index=0, expected=problem.expected
        )
    return ShapeProblem(
        problem.kind,
        message,
        input_index=0,
        expected=problem.expected,
        got=problem.got,
        expected_rank=problem.expected_rank,
        axis=problem.axis,
    )


@keras_layer("Pipeline", positional=("layers", "name"), params=_pipeline_params)
def pipeline(call: Call) -> list[Shape]:
    """Its layers applied one after the other; a layer's problem is the Pipeline's."""
    stages = _stages(call)
    if stages is None:
        return [Shape.unknown()]
    shape = call.input
    for index, stage in enumerate(stages):
        try:
            outputs = output_shapes(Call(stage, (shape,)))
        except ShapeProblem as problem:
            raise _pipeline_problem(problem, stage, first=index == 0) from None
        if outputs is None or len(outputs) != 1:
            return [Shape.unknown()]
        shape = outputs[0]
    return [shape]

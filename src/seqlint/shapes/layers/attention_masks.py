"""The masks of the attention layers, as Keras 3.15 builds and applies them when the model runs
(``keras/src/layers/attention/*.py``).

MultiHeadAttention and GroupQueryAttention merge what masks a call has into one attention
mask (``_compute_attention_mask``): the query's Keras mask ``(B, T)`` becomes ``(B, T, 1)``,
the value's and the key's ``(B, S)`` become ``(B, 1, S)``, ``use_causal_mask=True`` adds a
``(1, T, S)`` causal mask, and the ``attention_mask`` given is ANDed with all of them, each
``&`` broadcasting. The mask then meets the scores ``(B, heads, T, S)`` (for other ranks
``(B, <other axes>, heads, <query attention axes>, <key attention axes>)``): expanded at axis
``-2 * len(attention_axes) - 1`` until it has their rank, it must broadcast against them.
Every axis of the mask must then be 1 or the scores' size (the ``Softmax`` checks it; for a
rank-3 query without dropout or returned scores the layer runs ``ops.dot_product_attention``
instead, which broadcasts both ways, but a mask larger than the scores makes larger scores
that its einsum with the value refuses), and it must not have more axes.

Attention and AdditiveAttention take the masks of ``[query, value]``: the value's
``(B, Tv)`` (with a causal ``(1, Tq, Tv)``) masks the scores ``(B, Tq, Tv)`` as ``(B, 1, Tv)``,
the query's ``(B, Tq)`` the output as ``(B, Tq, 1)``.

Masks are combined with broadcasting's rule; two known sizes other than 1 must be equal. The
batch axis against a known size other than 1 (a mask whose batch axis lands on the heads) is a
conflict too: it broadcasts only for a batch of that size or of one sample.
"""

from __future__ import annotations

from dataclasses import dataclass

from seqlint.dims import BATCH, NONE, UNKNOWN, Dim, Shape, is_known, same
from seqlint.shapes.catalogue import Call
from seqlint.shapes.layers.common import config_bool
from seqlint.shapes.problems import ProblemKind, ShapeProblem

Dims = tuple[Dim, ...]


@dataclass(frozen=True)
class Clash:
    """Two sizes that cannot broadcast: ``left`` of one shape, ``right`` of the other, on
    axis ``axis`` of the result (counted from the left); ``batch`` when one is the batch."""

    axis: int
    left: Dim
    right: Dim

    @property
    def batch(self) -> bool:
        return self.left is BATCH or self.right is BATCH

    def describe(self, left: str, right: str) -> str:
        if self.batch:
            size = self.right if self.left is BATCH else self.left
            first, second = ("the batch", size) if self.left is BATCH else (size, "the batch")
            batches = "1 sample" if size == 1 else f"1 or {size} samples"
            return (
                f"axis {self.axis} is {first} in {left} and {second} in {right}: it "
                f"broadcasts only for batches of {batches}"
            )
        return f"axis {self.axis} has {self.left} in {left} and {self.right} in {right}"


def _one(d: Dim) -> bool:
    return is_known(d) and d == 1


def _pair(a: Dim, b: Dim) -> tuple[Dim, bool]:
    """The broadcast of two sizes, and whether they clash."""
    if _one(a):
        return b, False
    if _one(b):
        return a, False
    equal = same(a, b)
    if equal is True:
        return a, False
    if equal is False:
        return a, True
    if (a is BATCH and is_known(b)) or (b is BATCH and is_known(a)):
        return a, True
    if is_known(a) or a is BATCH:
        return a, False
    if is_known(b) or b is BATCH:
        return b, False
    return (NONE if a is NONE and b is NONE else UNKNOWN), False


def broadcast(a: Dims, b: Dims) -> tuple[Dims, Clash | None]:
    """``a & b``: the broadcast shape, and the first clash (None when they broadcast)."""
    rank = max(len(a), len(b))
    a_full = (None,) * (rank - len(a)) + a
    b_full = (None,) * (rank - len(b)) + b
    out: list[Dim] = []
    clash: Clash | None = None
    for axis, (x, y) in enumerate(zip(a_full, b_full, strict=True)):
        if x is None or y is None:
            out.append(y if x is None else x)  # type: ignore[arg-type]
            continue
        size, bad = _pair(x, y)
        if bad and clash is None:
            clash = Clash(axis, x, y)
        out.append(size)
    return tuple(out), clash


def fits_softmax(mask: Dims, scores: Dims) -> Clash | None:
    """``Softmax(mask=...)``: every axis of the mask, from the right, must be 1 or the size
    of the scores' (the batch against a known size clashes when it runs)."""
    for offset, (m, i) in enumerate(zip(reversed(mask), reversed(scores), strict=False)):
        axis = len(scores) - 1 - offset
        if _one(m) or same(m, i) is True:
            continue
        if is_known(m) and is_known(i):
            return Clash(axis, m, i)
        if (m is BATCH and is_known(i)) or (i is BATCH and is_known(m)):
            return Clash(axis, m, i)
    return None


def expand(dims: Dims, axis: int) -> Dims | None:
    """``ops.expand_dims(x, axis)``; None when the axis is out of range (Keras raises)."""
    position = axis if axis >= 0 else len(dims) + 1 + axis
    if not 0 <= position <= len(dims):
        return None
    return (*dims[:position], 1, *dims[position:])


def _origin(parts: list[str]) -> str:
    """``the Keras masks of its query and value``, ``its causal mask``..."""
    masks = [p for p in parts if p != "causal mask"]
    text = f"the Keras masks of its {_and(masks)}" if masks else ""
    if "causal mask" in parts:
        text = f"{text} and its causal mask" if text else "its causal mask"
    return text


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _show(dims: Dims) -> str:
    return str(Shape(dims))


def _fail(call: Call, message: str, got: Dims, hint: str, keyword: str) -> ShapeProblem:
    return ShapeProblem(
        ProblemKind.LAYER_CONFIG,
        f"{call.layer.kind} {message}",
        expected="an attention mask that broadcasts against the scores",
        got=Shape(got),
        hint=hint,
        keyword=keyword,
    )


_HINT = (
    "give attention_mask as (batch, query steps, value steps), or (batch, 1, value steps) to "
    "mask the same steps for every query step; Keras adds the heads axis itself"
)


def check_multi_head(
    call: Call,
    query: Shape,
    value: Shape,
    scores: Shape,
    axes: tuple[int, ...] | None,
) -> None:
    """Raises the ShapeProblem Keras meets with the masks of a MultiHeadAttention (or
    GroupQueryAttention) call whose scores are ``scores``; silent when a mask or a size
    needed is unknown."""
    names = ("query_mask", "value_mask", "key_mask", "attention_mask")
    given = {name: call.keyword(name) for name in names}
    present = {name: shape for name, shape in given.items() if shape is not None}
    causal = config_bool(call.layer, "use_causal_mask", False)
    if causal is None or not present or axes is None or scores.dims is None:
        return
    if any(shape.dims is None for shape in present.values()) or query.dims is None:
        return
    if value.dims is None or len(query.dims) < 2 or len(value.dims) < 2:
        return
    auto: Dims | None = None
    parts: list[str] = []
    for name, axis in (("query_mask", -1), ("value_mask", -2), ("key_mask", -2)):
        shape = present.get(name)
        if shape is None:
            continue
        assert shape.dims is not None
        mask = expand(shape.dims, axis)
        if mask is None:
            return
        who = name.split("_")[0]
        if auto is not None:
            merged, clash = broadcast(auto, mask)
            if clash is not None:
                raise _fail(
                    call,
                    f"cannot combine the Keras mask of its {who}, {_show(shape.dims)}, with "
                    f"that of its {_and(parts)} ({_show(auto)} so far): "
                    f"{clash.describe('the masks so far', f'the {who} mask')}",
                    mask,
                    f"give the {who} a mask of (batch, steps), as its Embedding or Masking does",
                    name,
                )
            auto = merged
        else:
            auto = mask
        parts.append(who)
    if causal:  # (1, T, S) of the query's and the value's axis 1, whatever their rank
        triangle = (1, query.dims[1], value.dims[1])
        if auto is None:
            auto = triangle
        else:
            merged, clash = broadcast(auto, triangle)
            if clash is not None:
                raise _fail(
                    call,
                    f"cannot combine the Keras masks of its {_and(parts)}, {_show(auto)}, with "
                    f"its causal mask {_show(triangle)}: "
                    f"{clash.describe('those masks', 'the causal mask')}",
                    auto,
                    "use_causal_mask=True makes a (1, T, S) mask of axis 1 of the query and "
                    "the value: give the layer (batch, steps, features) inputs",
                    next(iter(present)),
                )
            auto = merged
        parts.append("causal mask")
    attention = present.get("attention_mask")
    combined: Dims
    origin = _origin(parts)
    if attention is not None:
        assert attention.dims is not None
        if auto is not None:
            merged, clash = broadcast(attention.dims, auto)
            if clash is not None:
                raise _fail(
                    call,
                    f"cannot combine its attention_mask {_show(attention.dims)} with the "
                    f"{_show(auto)} mask it makes from {origin}: "
                    f"{clash.describe('the attention_mask', 'that mask')}",
                    attention.dims,
                    _HINT,
                    "attention_mask",
                )
            combined = merged
            origin = f"its attention_mask {_show(attention.dims)} and {origin}"
        else:
            combined = attention.dims
            origin = f"its attention_mask {_show(attention.dims)}"
    elif auto is not None:
        combined = auto
    else:
        return
    if attention is not None:
        keyword, hint = "attention_mask", _HINT
    else:
        keyword = "query_mask" if "query_mask" in present else next(iter(present))
        hint = (
            f"{call.layer.kind} combines Keras masks of (batch, steps) only: attend over one "
            "sequence (reshape the inputs to (batch, steps, features) before the layer that "
            "masks them), or drop their mask and give attention_mask yourself"
        )
    _against_scores(call, combined, scores.dims, axes, (origin, keyword, hint))


def _against_scores(
    call: Call,
    mask: Dims,
    scores: Dims,
    axes: tuple[int, ...],
    source: tuple[str, str, str],
) -> None:
    """The mask ``mask`` (made from ``source``: its origin, the keyword to trace, the hint)
    expanded and applied to the scores, on the path Keras takes."""
    origin, keyword, hint = source
    expansion = -2 * len(axes) - 1
    expanded: Dims | None = mask
    for _ in range(max(0, len(scores) - len(mask))):
        expanded = expand(expanded, expansion) if expanded is not None else None
    if expanded is None:
        raise _fail(
            call,
            f"cannot expand its attention mask {_show(mask)} (from {origin}) to the rank of "
            f"its scores {_show(scores)}: expand_dims at axis {expansion} is out of range",
            mask,
            hint,
            keyword,
        )
    made = f"its attention mask {_show(mask)} (from {origin})"
    if expanded != mask:
        made += f", expanded to {_show(expanded)},"
    if len(expanded) > len(scores):
        raise _fail(
            call,
            f"cannot apply {made} to its scores {_show(scores)}: the mask has "
            f"{len(expanded)} axes, the scores {len(scores)}",
            mask,
            hint,
            keyword,
        )
    # the Softmax requires each axis of the mask to be 1 or the scores' size; the fused
    # ops.dot_product_attention broadcasts both ways, but a mask larger than the scores makes
    # larger scores, which its einsum with the value then refuses
    clash = fits_softmax(expanded, scores)
    if clash is None:
        return
    raise _fail(
        call,
        f"cannot apply {made} to its scores {_show(scores)}: "
        f"{clash.describe('the mask', 'the scores')}",
        mask,
        hint,
        keyword,
    )


def check_dot_product(call: Call, query: Shape, value: Shape, key: Shape) -> None:
    """Attention / AdditiveAttention: the value's mask (and the causal mask) on the scores
    ``(*query[:-1], key steps)``, the query's on the output ``(*query[:-1], value[-1])``."""
    causal = config_bool(call.layer, "use_causal_mask", False)
    query_mask, value_mask = call.keyword("query_mask"), call.keyword("value_mask")
    if causal is None or query.dims is None or key.dims is None or value.dims is None:
        return
    if len(query.dims) < 2 or len(key.dims) < 2 or not value.dims:
        return
    scores = (*query.dims[:-1], key.dims[-2])
    mask: Dims | None = None
    if value_mask is not None:
        if value_mask.dims is None:
            return
        mask = value_mask.dims
        if causal:
            mask = expand(mask, -2)
            if mask is None:
                return
            mask, _ = broadcast(mask, (1, scores[-2], scores[-1]))
    elif causal:
        mask = (1, scores[-2], scores[-1])
    if mask is not None:
        padding = expand(mask, -2) if len(mask) == 2 else mask
        assert padding is not None
        _, clash = broadcast(padding, scores)
        if clash is not None:
            raise _fail(
                call,
                f"cannot apply the mask of its value, {_show(padding)}, to its scores "
                f"{_show(scores)}: {clash.describe('the mask', 'the scores')}",
                padding,
                "give the value a mask of (batch, value steps)",
                "value_mask",
            )
    if query_mask is not None and query_mask.dims is not None:
        output = (*query.dims[:-1], value.dims[-1])
        expanded = expand(query_mask.dims, -1)
        if expanded is None:
            return
        _, clash = broadcast(expanded, output)
        if clash is not None:
            raise _fail(
                call,
                f"cannot apply the mask of its query, {_show(query_mask.dims)}, to its output "
                f"{_show(output)}: {clash.describe('the mask', 'the output')}",
                expanded,
                "give the query a mask of (batch, query steps)",
                "query_mask",
            )

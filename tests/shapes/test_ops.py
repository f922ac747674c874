"""Tensor ops through their spellings, without TensorFlow: the facts each family mirrors and
each failure it reports (the same calls Keras and TensorFlow answer in
tests/catalogue/test_ops_keras.py)."""

from __future__ import annotations

from typing import Any

import pytest

from seqlint.dims import BATCH, NONE, UNKNOWN, Shape, Sym
from seqlint.shapes.ops import registry
from seqlint.shapes.ops.aliases import aliases, every_spelling, resolve
from seqlint.shapes.ops.registry import OpCall, op_specs
from seqlint.shapes.problems import ProblemKind, ShapeProblem

U = Shape.unknown()


@pytest.fixture(autouse=True)
def _strict(monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash inside a shape function fails the test instead of becoming unknown."""
    monkeypatch.setattr(registry, "STRICT", True)


def S(*dims: Any) -> Shape:
    """A shape; None is a size the framework leaves undefined."""
    return Shape(tuple(NONE if d is None else d for d in dims))


def run(spelling: str, *args: Any, **kwargs: Any) -> list[Shape]:
    """The shapes ``spelling(*args, **kwargs)`` gives, as the frontend asks for them."""
    alias = resolve(spelling)
    assert alias is not None, spelling
    bound = alias.bind(list(args), kwargs)
    assert bound is not None, (spelling, args, kwargs)
    return alias.op.shape(OpCall(alias.op.name, bound))


def one(spelling: str, *args: Any, **kwargs: Any) -> Shape:
    [shape] = run(spelling, *args, **kwargs)
    return shape


def fails(spelling: str, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(ShapeProblem) as problem:
        run(spelling, *args, **kwargs)
    assert problem.value.kind is ProblemKind.OP
    return problem.value.message


def test_every_alias_resolves_and_every_op_has_a_keras_or_tf_spelling():
    for name in every_spelling():
        assert resolve(name) is not None, name
    named = {resolve(name).op.name for name in every_spelling()}  # type: ignore[union-attr]
    assert {spec.name for spec in op_specs()} == named


def test_a_spelling_outside_the_roots_is_no_op_and_cannot_be_declared():
    """resolve() answers for names no alias can have without declaring the ops."""
    assert resolve("keras.Model") is None and resolve("numpy.sum") is None
    with pytest.raises(ValueError, match="is not found below"):
        aliases("sum(x)", "numpy.sum")
    assert "numpy.sum" not in every_spelling()


def test_an_unknown_rank_gives_an_unknown_shape():
    for spelling in ("ops.reshape", "tensorflow.transpose", "ops.sum", "ops.softmax"):
        args = (U, (2, 3)) if spelling == "ops.reshape" else (U,)
        assert run(spelling, *args) == [U]


def test_binding_rejects_what_python_would():
    assert resolve("ops.add").bind([S(2)], {}) is None  # x2 missing
    assert resolve("ops.add").bind([S(2), S(2), S(2)], {}) is None
    assert resolve("tensorflow.add").bind([S(2)], {"y": S(2), "name": "n"}) is not None


# -- broadcasting ----------------------------------------------------------------------------


def test_broadcasting():
    assert one("operator.add", S(3, 1), S(4)) == S(3, 4)
    assert one("tensorflow.math.multiply", S(None, 1), S(1)) == S(None, 1)
    assert one("ops.subtract", S(None), S(5)) == S(5)
    assert one("operator.mul", 2, S(BATCH, 8)) == Shape((BATCH, 8))
    assert one("ops.maximum", Shape((BATCH, 8)), S(None, 8)) == S(None, 8)
    assert one("ops.add", Shape((Sym("t"), 8)), S(3, 8)) == S(3, 8)
    assert "cannot broadcast" in fails("operator.sub", S(3), S(4))
    assert one("ops.add", Shape((Sym("t"),)), S(4)) == S(4)  # t may be 1 or 4


def test_where_and_keras_bitwise_ops():
    assert one("ops.where", S(4, 1), S(5), 0.0) == S(4, 5)
    assert one("tensorflow.where", S(4, 3)) == S(None, 2)
    assert one("ops.where", S(4, 3)) == S(4, 3)  # Keras's static answer
    assert "both" in fails("ops.where", S(4), S(4))
    assert one("ops.bitwise_and", S(4), S(2, 4)) == S(4)  # x's shape, unbroadcast
    assert one("tensorflow.bitwise.bitwise_and", S(4), S(2, 4)) == S(2, 4)
    assert "numbers" in fails("ops.bitwise_or", 3, S(2))
    assert "numbers" in fails("ops.hypot", 2.0, S(2))


def test_unary_ops_keep_the_shape():
    for spelling in ("ops.relu", "tensorflow.nn.gelu", "backend.sigmoid", "operator.neg"):
        assert one(spelling, S(None, 4)) == S(None, 4)
    assert one("backend.relu", S(3), alpha=0.1, max_value=6.0) == S(3)
    assert one("tensorflow.cast", S(2, 3), "int32") == S(2, 3)
    assert one("tensorflow.clip_by_value", S(2), 0.0, 1.0) == S(2)


# -- shaping ---------------------------------------------------------------------------------


def test_reshape_resolves_minus_one_as_each_framework_does():
    assert one("ops.reshape", S(4, 6), (-1, 3)) == S(8, 3)
    assert one("ops.reshape", S(None, 6), (-1, 3)) == S(None, 3)
    assert one("tensorflow.reshape", S(None, 6), (-1, 6)) == S(None, 6)  # the input's None
    assert one("tensorflow.reshape", S(None, 6), (-1, 3)) == S(None, 3)
    batched = Shape((BATCH, 20, 8))
    assert one("tensorflow.reshape", batched, (BATCH, -1)) == Shape((BATCH, NONE))
    assert one("ops.reshape", batched, (BATCH, 160)) == Shape((BATCH, 160))
    assert one("tensorflow.reshape", Shape((Sym("t"), 8)), (-1, 4)) == Shape((UNKNOWN, 4))


def test_reshape_fails_when_no_size_lets_the_counts_match():
    assert "cannot reshape" in fails("ops.reshape", S(4, 6), (5, 5))
    assert "cannot reshape" in fails("ops.reshape", S(4, 6), (-1, 5))
    assert "cannot reshape" in fails("ops.reshape", S(None, 6), (4,))  # 6n = 4
    batched = Shape((BATCH, 20, 8))
    assert "cannot reshape" in fails("backend.reshape", batched, (BATCH, 100))
    assert "only one -1" in fails("ops.reshape", S(4), (-1, -1))
    assert one("ops.reshape", S(None, 6), (12,)) == S(12)  # n = 2 fits
    assert one("ops.reshape", Shape((Sym("t"), 6)), (Sym("t"), 2, 3)) == Shape((Sym("t"), 2, 3))


def test_squeeze_differs_on_undefined_sizes_and_repeated_axes():
    assert "not 1" in fails("ops.squeeze", S(None, 3), 0)
    assert one("tensorflow.squeeze", S(None, 3), 0) == S(3)
    assert one("ops.squeeze", S(1, 3), (0, -2)) == S()  # Keras deletes axis 0 twice
    assert one("tensorflow.squeeze", S(1, 3), [0, -2]) == S(3)
    assert "not 1" in fails("backend.squeeze", S(2, 3), 0)
    assert one("ops.squeeze", S(1, None, 1)) == S(None)


def test_transpose_expand_dims_moveaxis_tile_repeat():
    assert one("backend.permute_dimensions", S(2, 3, 4), (0, 2, 1)) == S(2, 4, 3)
    assert "permutation" in fails("tensorflow.transpose", S(2, 3), [0, 0])
    assert one("tensorflow.linalg.matrix_transpose", S(5, 2, 3)) == S(5, 3, 2)
    assert one("ops.expand_dims", S(2, 3), (0, 3)) == S(1, 2, 3, 1)
    assert "single axis" in fails("tensorflow.expand_dims", S(2, 3), (0, 3))
    assert one("ops.moveaxis", S(2, 3, 4), 0, -1) == S(3, 4, 2)
    assert one("ops.tile", S(2, 3), 2) == S(2, 6)
    assert "one count per axis" in fails("tensorflow.tile", S(2, 3), [2])
    assert one("backend.tile", S(3), 2) == S(6)  # an int is a list of one
    assert one("tensorflow.repeat", S(2, 3), [1, 2], axis=0) == S(None, 3)
    assert one("ops.repeat", S(2, 3), [1, 2], axis=0) == S(3, 3)
    assert "one count" in fails("backend.repeat_elements", S(2, 3), [1, 2], 0)
    assert one("backend.repeat", S(None, 8), 5) == S(None, 5, 8)
    assert one("backend.batch_flatten", S(None, 4, 5)) == S(None, None)
    assert one("backend.batch_flatten", S(3, 4, 5)) == S(3, 20)
    assert "more axes" in fails("ops.broadcast_to", S(2, 3), (3,))


# -- joining ---------------------------------------------------------------------------------


def test_concatenate_keeps_or_merges_undefined_sizes():
    assert one("ops.concatenate", (S(6, None), S(6, 2))) == S(12, None)
    assert one("tensorflow.concat", (S(6, None), S(6, 2)), 0) == S(12, 2)
    assert one("backend.concatenate", (S(2, 3), S(2, None))) == S(2, None)
    assert "differ on axis 0" in fails("ops.concatenate", (S(2, 3), S(4, 3)), axis=1)
    assert "one rank" in fails("tensorflow.concat", (S(2, 3), S(3)), 0)


def test_stack_unstack_split():
    assert one("ops.stack", (S(2, 3), S(2, 3)), axis=-1) == S(2, 3, 2)
    assert run("ops.unstack", S(3, 4), axis=0) == [S(4)] * 3
    assert "undefined" in fails("ops.unstack", S(None, 4))
    assert "num=2" in fails("tensorflow.unstack", S(3, 4), 2)
    assert run("ops.split", S(6, 4), 3) == [S(2, 4)] * 3
    assert run("ops.split", S(6, 4), [1, 4]) == [S(1, 4), S(3, 4), S(2, 4)]
    assert run("tensorflow.split", S(6, 4), [1, -1]) == [S(1, 4), S(5, 4)]
    assert "cannot split" in fails("ops.split", S(7), 2)
    assert "add up" in fails("tensorflow.split", S(6), [2, 2])
    count = resolve("tensorflow.split").op.outputs  # type: ignore[union-attr]
    assert count({"indices_or_sections": [1, 2], "sizes": True}) == 2
    assert count({"indices_or_sections": [1, 2], "sizes": False}) == 3


# -- reductions and ops along an axis --------------------------------------------------------


def test_reductions_and_repeated_axes():
    assert one("ops.mean", S(2, 3, 4), axis=1) == S(2, 4)
    assert one("backend.sum", S(2, 3, 4), axis=-1, keepdims=True) == S(2, 3, 1)
    assert one("tensorflow.reduce_max", S(2, 3)) == S()
    assert one("ops.sum", S(3, 4, 5), axis=(0, 0)) == S(5)  # Keras deletes the next axis too
    assert one("tensorflow.reduce_sum", S(3, 4, 5), axis=(0, 0)) == S(4, 5)
    assert "out of range" in fails("ops.max", S(3), axis=1)
    assert "repeat an axis" in fails("ops.sum", S(3), axis=(0, 0))
    assert run("tensorflow.nn.moments", S(2, 3), [0]) == [S(3), S(3)]


def test_arg_reductions_cumulative_ops_top_k():
    assert one("ops.argmax", S(2, 3)) == S()
    assert one("tensorflow.argmax", S(2, 3)) == S(3)  # axis None is 0
    assert one("backend.argmax", S(2, 3)) == S(2)
    assert "rank 1" in fails("tensorflow.argmin", S())
    assert one("ops.cumsum", S(None, 3)) == S(None)
    assert one("backend.cumsum", S(2, 3), 1) == S(2, 3)
    assert "int axis" in fails("tensorflow.cumsum", S(2, 3), None)
    assert run("tensorflow.math.top_k", S(4, 5), 3) == [S(4, 3), S(4, 3)]
    assert "has size 5" in fails("ops.top_k", S(4, 5), 6)
    assert one("ops.diff", S(4, 3), n=5, axis=0) == S(0, 3)


def test_softmax_and_friends():
    assert one("tensorflow.nn.softmax", S(2, 3)) == S(2, 3)
    assert "rank 2 or more" in fails("backend.softmax", S(4))
    assert one("ops.softmax", S(4)) == S(4)
    assert "takes one axis" in fails("tensorflow.nn.log_softmax", S(2, 3), (0, 1))
    assert one("tensorflow.math.l2_normalize", S(2, 3), axis=[0, 1]) == S(2, 3)
    assert one("ops.glu", S(2, 6)) == S(2, 3)
    assert "even" in fails("ops.glu", S(2, 5))


# -- products --------------------------------------------------------------------------------


def test_matmul_spellings():
    assert one("operator.matmul", S(None, 3, 4), S(4, 5)) == S(None, 3, 5)
    assert one("ops.matmul", S(4), S(4, 5)) == S(5)
    assert "rank 2 or more" in fails("tensorflow.matmul", S(4), S(4, 5))
    assert one("tensorflow.linalg.matmul", S(2, 3), S(5, 3), adjoint_b=True) == S(2, 5)
    assert "inner sizes differ" in fails("tensorflow.matmul", S(2, 3), S(4, 5))
    assert "only one" in fails(
        "tensorflow.matmul", S(2, 3), S(3, 2), transpose_a=True, adjoint_a=True
    )


def test_keras_2_dot_and_batch_dot():
    assert one("backend.dot", S(2, 3, 4), S(2, 4, 5)) == S(2, 3, 2, 5)  # no broadcasting
    assert one("ops.dot", S(2, 3, 4), S(2, 4, 5)) == S(2, 3, 2, 5)
    assert one("ops.matmul", S(2, 3, 4), S(2, 4, 5)) == S(2, 3, 5)
    assert "inner sizes" in fails("backend.dot", S(3, 4), S(5, 6))
    assert "last sizes differ" in fails("ops.dot", S(3, None), S(4))  # None != 4 in Keras
    assert one("backend.batch_dot", S(None, 20, 8), S(None, 30, 8), (2, 2)) == S(None, 20, 30)
    assert one("backend.batch_dot", S(None, 8), S(None, 8)) == S(None, 1)
    assert "axis 0" in fails("backend.batch_dot", S(4, 8), S(4, 8), (0, 0))


def test_tensordot_inner_outer():
    assert one("ops.tensordot", S(2, 3, 4), S(3, 4, 5)) == S(2, 5)
    assert one("tensorflow.tensordot", S(2, 3), S(3, 5), [[1], [0]]) == S(2, 5)
    assert "differ" in fails("ops.tensordot", S(2, 3), S(4, 5), 1)
    assert one("ops.tensordot", S(None, 2), S(2, 1, 3), 2) == S(3)  # n * 2 = 2 when n is 1
    assert "differ" in fails("ops.tensordot", S(None, 2), S(2, 1, 3), ([0, 1], [0, 1]))
    assert one("ops.inner", S(2, 3), S(4, 3)) == S(2, 4)
    assert one("ops.outer", S(2, None), S(3)) == S(None, 3)


def test_einsum():
    assert one("ops.einsum", "bqd,bkd->bqk", S(None, 5, 8), S(None, 7, 8)) == S(None, 5, 7)
    assert one("tensorflow.einsum", "...ij,...jk->...ik", S(5, 2, 3), S(3, 4)) == S(5, 2, 4)
    assert one("ops.einsum", "ij,jk", S(2, 3), S(3, 4)) == S(2, 4)  # implicit output
    assert one("tensorflow.einsum", "ij->ji", S(2, 3)) == S(3, 2)
    assert one("ops.einsum", "bi,bi->b", S(None, 3), S(1, 3)) == S(None)  # Keras broadcasts
    assert one("tensorflow.einsum", "ij,ij->i", S(None, 3), S(1, 3)) == S(1)
    assert "sizes" in fails("ops.einsum", "ij,jk->ik", S(2, 3), S(4, 5))
    assert "sizes" in fails("tensorflow.einsum", "ij,jk->ik", S(2, 1), S(3, 4))  # no broadcast
    assert "does not fit" in fails("ops.einsum", "ij", S(3))
    assert "input specs" in fails("ops.einsum", "ij,jk->ik", S(2, 3))
    assert "from the inputs" in fails("ops.einsum", "ij->k", S(2, 3))
    assert "drops" in fails("tensorflow.einsum", "...ij,jk->ik", S(5, 2, 3), S(3, 4))


# -- indexing --------------------------------------------------------------------------------


def idx(i: Any) -> tuple:
    return ("index", i)


def sl(start: Any = None, stop: Any = None, step: Any = None) -> tuple:
    return ("slice", start, stop, step)


def test_getitem_as_keras_reads_the_key():
    x = S(4, 5, 6)
    assert one("operator.getitem", x, (idx(0),)) == S(5, 6)
    assert one("operator.getitem", x, (sl(), sl(1, None), idx(-1))) == S(4, 4)
    assert one("operator.getitem", x, (("ellipsis",), idx(0))) == S(4, 5)
    assert one("operator.getitem", x, (("newaxis",), sl(None, None, -2))) == S(1, 2, 5, 6)
    assert one("operator.getitem", S(None, 5), (sl(0, 2), sl(None, None, -1))) == S(None, 5)
    assert one("operator.getitem", Shape((BATCH, 5)), (sl(), idx(0))) == Shape((BATCH,))
    assert one("operator.getitem", S(4), (sl(UNKNOWN, None),)) == Shape((UNKNOWN,))
    assert "out of range" in fails("operator.getitem", x, (idx(4),))
    assert "fewer axes" in fails("operator.getitem", S(4), (idx(0), idx(0)))
    assert "zero" in fails("operator.getitem", S(4), (sl(None, None, 0),))
    assert run("operator.getitem", x, (("tensor",),)) == [U]


def test_strided_slice_and_slice():
    assert one("tensorflow.strided_slice", S(4, 5), [1, 0], [3, 5]) == S(2, 5)
    assert one("tensorflow.strided_slice", S(4, 5), [1], [2], shrink_axis_mask=1) == S(5)
    assert "indices" in fails("tensorflow.strided_slice", S(4), [0, 0], [1, 1])
    assert one("ops.slice", S(4, 5), (1, 0), (2, -1)) == S(2, 5)
    assert one("tensorflow.slice", S(None, 5), [1, 0], [-1, 3]) == S(None, 3)
    assert "out of" in fails("ops.slice", S(4, 5), (3, 0), (2, 5))


def test_gather_take_one_hot_pad():
    assert one("tensorflow.gather", S(10, 4), S(None, 3)) == S(None, 3, 4)
    assert one("tensorflow.gather", S(2, 10, 4), S(2, 3), axis=1, batch_dims=1) == S(2, 3, 4)
    assert one("tensorflow.gather", S(2, 4, 5), S(4, 3), axis=0, batch_dims=1) == S(4, 3, 4, 5)
    assert one("backend.gather", S(10, 4), [1, 2]) == S(2, 4)
    assert one("ops.take", S(10, 4), S(3)) == S(3)  # axis None: x flattened
    assert one("ops.take_along_axis", S(4, 5), S(4, 2), axis=1) == S(4, 2)
    assert one("tensorflow.one_hot", S(None, 7), 10) == S(None, 7, 10)
    assert one("tensorflow.one_hot", S(3), 5, axis=1) == S(3, 5)
    assert "axis=1" in fails("ops.one_hot", S(3), 5, axis=1)
    assert one("ops.pad", S(None, 3), ((0, 0), (1, 2))) == S(None, 6)
    assert one("ops.pad", S(2, 3), 1) == S(4, 5)
    assert "pair of widths" in fails("tensorflow.pad", S(2, 3), 1)
    assert one("backend.temporal_padding", S(None, 10, 8), (2, 0)) == S(None, 12, 8)


def test_tensors_from_sizes():
    assert one("tensorflow.zeros", (BATCH, 32)) == Shape((BATCH, 32))
    assert one("ops.ones", 3) == S(3)
    assert "list of sizes" in fails("tensorflow.fill", 3, 1.0)
    assert one("tensorflow.range", 2, 9, 3) == S(3)
    assert one("tensorflow.range", Sym("maxlen")) == Shape((Sym("maxlen"),))
    assert "wrong way" in fails("ops.arange", 5, 1)
    assert one("backend.arange", -3) == S(0)
    assert one("tensorflow.eye", 3, batch_shape=[2]) == S(2, 3, 3)


# -- losses and the rest ---------------------------------------------------------------------


def test_crossentropies():
    assert one("ops.categorical_crossentropy", S(None, 5), S(None, 5)) == S(None)
    assert "equal shapes" in fails("ops.categorical_crossentropy", S(None, 5), S(3, 5))
    assert one("backend.categorical_crossentropy", S(None, 5), S(3, 5)) == S(3)
    assert "compatible" in fails("backend.categorical_crossentropy", S(4, 5), S(3, 5))
    assert one("ops.sparse_categorical_crossentropy", S(None, 7, 1), S(None, 7, 10)) == S(None, 7)
    logits = "tensorflow.nn.sparse_softmax_cross_entropy_with_logits"
    assert one(logits, S(2, None), S(2, 7, 10)) == S(2, 7)
    assert "labels" in fails(logits, S(2), S(2, 7, 10))
    assert one("tensorflow.nn.sigmoid_cross_entropy_with_logits", S(5, None), S(5, 1)) == S(5, None)


def test_tensorflow_and_keras_2_extras():
    assert one("tensorflow.nn.bias_add", S(None, 10, 8), S(8)) == S(None, 10, 8)
    assert "channels" in fails("backend.bias_add", S(None, 10, 8), S(4))
    assert one("backend.bias_add", S(None, 10, 8), S(10, 8)) == S(None, 10, 8)
    assert one("tensorflow.sequence_mask", S(None), 20) == S(None, 20)
    assert one("tensorflow.sequence_mask", S(4)) == S(4, None)
    assert one("tensorflow.math.add_n", (S(None, 3), S(2, 3))) == S(2, 3)
    assert "one shape" in fails("tensorflow.add_n", (S(2, 3), S(3)))
    assert one("backend.dropout", S(None, 8), 0.5) == S(None, 8)
    assert "batch" in fails("tensorflow.math.in_top_k", S(4), S(5, 10), 3)


def test_keras_ops_extras():
    assert run("ops.array_split", S(7, 2), 3) == [S(3, 2), S(2, 2), S(2, 2)]
    assert one("ops.extract_sequences", S(None, 100), 10, 5) == S(None, 19, 10)
    assert "do not fit" in fails("ops.extract_sequences", S(1), 4, 2)
    assert one("ops.multi_hot", S(None, 7), 10) == S(None, 10)
    assert one("ops.hstack", (S(2, 3), S(2, 4))) == S(2, 7)
    assert one("ops.append", S(2, 3), S(4)) == S(10)
    assert one("ops.percentile", S(4, 5), [25, 75], axis=1) == S(2, 4)
    assert one("ops.nanargmax", S(4, 5), axis=0) == S(5)
    assert "rank 2" in fails("ops.fliplr", S(4))
    assert one("ops.layer_normalization", S(None, 8)) == S(None, 8)


def test_batch_normalization_and_attention():
    assert one("ops.batch_normalization", S(None, 8), S(8), S(8), -1) == S(None, 8)
    assert "must be (8,)" in fails("ops.batch_normalization", S(None, 8), S(4), S(8), -1)
    assert "needs a scale" in fails("ops.batch_normalization", S(2, 8), S(8), S(8), 1, offset=S(8))
    q, k = S(None, 5, 4, 16), S(None, 7, 2, 16)
    assert one("ops.dot_product_attention", q, k, S(None, 7, 2, 32)) == q  # Keras's static shape
    assert "do not match" in fails("ops.dot_product_attention", q, S(None, 7, 3, 16), k)
    assert "rank 4" in fails("ops.dot_product_attention", S(5, 16), S(7, 16), S(7, 16))

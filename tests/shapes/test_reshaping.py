"""Flatten, Reshape, RepeatVector, Permute."""

from __future__ import annotations

import pytest

from seqlint.dims import BATCH, UNKNOWN, Shape, Sym
from seqlint.shapes.problems import ProblemKind, ShapeProblem

U = Shape.unknown()
T = Sym("maxlen")


def test_flatten(layer, shape, run):
    f = layer("Flatten")
    assert run(f, shape(10, 64)) == [shape(640)]
    assert run(f, shape(10, 4, 2)) == [shape(80)]
    assert run(f, shape()) == [shape(1)]
    assert run(f, shape(None, 8)) == [shape(None)]
    assert run(f, shape(T, 8)) == [shape(Sym("maxlen*8"))]
    assert run(f, U) == [shape(None)]


@pytest.mark.parametrize(
    ("dims", "target", "expected"),
    [
        ((12,), (3, 4), (3, 4)),
        ((12,), (-1, 2, 2), (3, 2, 2)),
        ((10, 8), (-1,), (80,)),
        ((10, 8), (5, -1), (5, 16)),
        ((None, 8), (-1, 4), (None, 4)),
        ((None, 8), (5, 3), (5, 3)),  # Keras cannot check: no problem
        ((T, 8), (-1, 4), (Sym("maxlen*2"), 4)),
        ((T, 8), (-1,), (Sym("maxlen*8"),)),
        ((T, 8), (-1, 3), (None, 3)),
        ((T, 8), (T, 8, 1), (T, 8, 1)),
        ((10, 8), (Sym("a"), -1), (Sym("a"), None)),
        ((0,), (0, 5), (0, 5)),
    ],
)
def test_reshape(layer, shape, run, dims, target, expected):
    assert run(layer("Reshape", target_shape=target), shape(*dims)) == [shape(*expected)]


def test_reshape_unknown_input(layer, run):
    assert run(layer("Reshape", target_shape=(4, -1)), U) == [Shape((BATCH, 4, UNKNOWN))]


@pytest.mark.parametrize(
    ("dims", "target", "fragment"),
    [
        ((10, 8), (3, 4), "80 values per sample"),
        ((10, 8), (-1, 3), "80 values per sample"),
        ((10, 8), (0, -1), "80 values"),
        ((12,), (5,), "target_shape=(5,) has 5"),
    ],
)
def test_reshape_size(layer, shape, run, dims, target, fragment):
    with pytest.raises(ShapeProblem) as info:
        run(layer("Reshape", target_shape=target), shape(*dims))
    p = info.value
    assert p.kind is ProblemKind.RESHAPE_SIZE
    assert fragment in p.message
    assert str(shape(*dims)) in p.message
    assert p.got == shape(*dims)


@pytest.mark.parametrize("target", [None, 12, (-1, -1), (-2, 3), UNKNOWN])
def test_reshape_refused_or_unreadable_target(layer, shape, run, target):
    assert run(layer("Reshape", target_shape=target), shape(12)) == [U]


def test_repeat_vector(layer, shape, run):
    rv = layer("RepeatVector", n=5)
    assert run(rv, shape(32)) == [shape(5, 32)]
    assert run(rv, U) == [shape(5, None)]
    assert run(layer("RepeatVector", n=T), shape(3)) == [shape(T, 3)]
    with pytest.raises(ShapeProblem) as info:
        run(rv, shape(10, 32))
    assert info.value.kind is ProblemKind.RANK
    assert info.value.expected_rank == 2


def test_permute(layer, shape, run):
    assert run(layer("Permute", dims=(2, 1)), shape(10, 64)) == [shape(64, 10)]
    assert run(layer("Permute", dims=(3, 1, 2)), shape(8, 2, 3)) == [shape(3, 8, 2)]
    assert run(layer("Permute", dims=(2, 1)), U) == [shape(None, None)]
    assert run(layer("Permute", dims=(0, 1)), shape(2, 3)) == [U]
    assert run(layer("Permute", dims=UNKNOWN), shape(2, 3)) == [U]
    with pytest.raises(ShapeProblem) as info:
        run(layer("Permute", dims=(2, 1)), shape(8, 2, 3))
    assert info.value.kind is ProblemKind.RANK
    assert info.value.expected_rank == 3


def test_up_sampling_1d_repeats_steps(layer, shape, run):
    assert run(layer("UpSampling1D", size=3), shape(10, 4)) == [shape(30, 4)]
    assert run(layer("UpSampling1D"), shape(10, 4)) == [shape(20, 4)]

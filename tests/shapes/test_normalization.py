"""GroupNormalization, RMSNormalization, UnitNormalization, SpectralNormalization (proven
against Keras in tests/catalogue)."""

from __future__ import annotations

import pytest

from seqlint.dims import NONE, Shape
from seqlint.shapes.catalogue import count_params
from seqlint.shapes.problems import ProblemKind, ShapeProblem


def test_group_normalization(layer, shape, run):
    x = shape(10, 64)
    assert run(layer("GroupNormalization"), x) == [x]  # 32 groups of 2 channels
    assert count_params(layer("GroupNormalization", center=False), (x,)) == 64
    assert run(layer("GroupNormalization", groups=-1, axis=1), x) == [x]
    for config, dims, kind in [
        ({}, (10, 16), ProblemKind.LAYER_CONFIG),  # fewer channels than the 32 groups
        ({"groups": 3}, (10, 16), ProblemKind.LAYER_CONFIG),
        ({"groups": 4, "axis": 3}, (10, 16), ProblemKind.LAYER_CONFIG),  # no axis 3
        ({"groups": 4}, (10, NONE), ProblemKind.UNDEFINED_AXIS),
    ]:
        with pytest.raises(ShapeProblem) as info:
            run(layer("GroupNormalization", **config), shape(*dims))
        assert info.value.kind is kind


def test_rms_normalization(layer, shape, run):
    x = shape(10, 8)
    assert run(layer("RMSNormalization"), x) == [x]
    assert count_params(layer("RMSNormalization", axis=[1, 2]), (x,)) == 80
    # the scale (10,) multiplies the input broadcast from the last axis: a size 1 grows
    assert run(layer("RMSNormalization", axis=1), shape(10, 1)) == [shape(10, 10)]
    with pytest.raises(ShapeProblem) as info:  # (10,) against the last axis 8
        run(layer("RMSNormalization", axis=1), x)
    assert info.value.kind is ProblemKind.LAYER_CONFIG
    with pytest.raises(ShapeProblem) as info:
        run(layer("RMSNormalization", axis=3), x)
    assert info.value.kind is ProblemKind.LAYER_CONFIG


def test_unit_normalization(layer, shape, run):
    x = shape(10, 8)
    assert run(layer("UnitNormalization", axis=[1, 2]), x) == [x]
    with pytest.raises(ShapeProblem) as info:
        run(layer("UnitNormalization", axis=-3), shape(8))
    assert info.value.kind is ProblemKind.LAYER_CONFIG


def test_spectral_normalization(layer, shape, run):
    dense = layer("SpectralNormalization", layer=layer("Dense", units=4))
    x = shape(5, 8)
    assert run(dense, x) == [shape(5, 4)]
    assert count_params(dense, (x,)) == 8 * 4 + 4 + 4  # the vector u: the kernel's last axis
    conv = layer("SpectralNormalization", layer=layer("Conv1D", filters=4, kernel_size=3))
    assert count_params(conv, (shape(10, 8),)) == 3 * 8 * 4 + 4 + 4
    einsum = layer("EinsumDense", equation="abc,cd->abd", output_shape=(None, 3))
    assert count_params(layer("SpectralNormalization", layer=einsum), (x,)) == 24 + 3
    with pytest.raises(ShapeProblem) as info:  # an LSTM keeps its kernel in its cell
        run(layer("SpectralNormalization", layer=layer("LSTM", units=4)), x)
    assert info.value.kind is ProblemKind.LAYER_CONFIG
    with pytest.raises(ShapeProblem) as info:  # the Dense's own build on this input
        run(dense, shape(5, NONE))
    assert info.value.kind is ProblemKind.UNDEFINED_AXIS
    assert run(layer("SpectralNormalization", layer=layer("MyLayer")), x) == [Shape.unknown()]

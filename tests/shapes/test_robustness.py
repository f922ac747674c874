"""No shape function may crash, whatever the config and inputs (unknown instead)."""

from __future__ import annotations

import contextlib
import itertools

import pytest

from seqlint.dims import UNKNOWN, Shape, Sym
from seqlint.shapes.catalogue import lookup, specs
from seqlint.shapes.problems import ShapeProblem

KINDS = [entry.kind for entry in specs() if entry.shape is not None]  # every modelled class


def test_opaque_and_custom_kinds_are_not_modelled():
    assert len(KINDS) > 140
    assert lookup("TFSMLayer") is None and lookup("MyAttention") is None


JUNK = [
    None,
    UNKNOWN,
    Sym("s"),
    "text",
    3.5,
    -1,
    0,
    True,
    (),
    (None,),
    [2, "x"],
    {"a": 1},
    object(),
]
KEYS = [
    "units",
    "return_sequences",
    "return_state",
    "layer",
    "backward_layer",
    "merge_mode",
    "axis",
    "target_shape",
    "dims",
    "n",
    "filters",
    "kernel_size",
    "strides",
    "padding",
    "dilation_rate",
    "pool_size",
    "data_format",
    "keepdims",
    "output_dim",
    "shape",
    "batch_shape",
    "output_shape",
    "num_heads",
    "return_attention_scores",
]


def _inputs(shape):
    return [
        (),
        (Shape.unknown(),),
        (shape(),),
        (shape(10),),
        (shape(10, 8),),
        (shape(None, 8, 3),),
        (shape(Sym("t"), 0),),
        (shape(10, 8), shape(10, 8)),
        (Shape(()),),
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_never_crashes(layer, shape, run, kind):
    for key, junk in itertools.product(KEYS, JUNK):
        for inputs in _inputs(shape):
            for as_list in (False, True):
                try:
                    out = run(layer(kind, **{key: junk}), *inputs, as_list=as_list)
                except ShapeProblem:
                    continue
                assert isinstance(out, list) and out
                assert all(isinstance(s, Shape) for s in out)


def test_nested_junk(layer, shape, run):
    for kind in ("Bidirectional", "TimeDistributed"):
        for inner in (layer("LSTM", units="x"), layer("Nope"), layer("Dense"), layer("LSTM")):
            for inputs in _inputs(shape):
                with contextlib.suppress(ShapeProblem):
                    run(layer(kind, layer=inner, backward_layer=inner), *inputs)

"""Shape functions against real Keras 3: output parity, and every problem Keras raises too.

Each case builds the real Keras layer and seqlint's IR layer from the same
config dict, so the table cannot drift.  Shapes are compared with the batch
axis as None.  Cases marked ``runtime`` are compared with the outputs of a
real ``predict`` (where Keras's own symbolic shapes are wrong, e.g. a
Bidirectional with a backward layer of other units, or attention scores).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
keras = pytest.importorskip("keras")
np = pytest.importorskip("numpy")

from seqlint.dims import BATCH, NONE, UNKNOWN, Shape, Sym  # noqa: E402
from seqlint.ir import Layer, Loc, Span  # noqa: E402
from seqlint.shapes.catalogue import Call, output_shapes  # noqa: E402
from seqlint.shapes.problems import ProblemKind, ShapeProblem  # noqa: E402

pytestmark = [
    pytest.mark.keras,
    pytest.mark.filterwarnings("ignore:Argument `input:UserWarning"),  # deprecated on purpose
]


# -- the harness -------------------------------------------------------------------------


@dataclass(frozen=True)
class Nest:
    """A nested layer in a config (Bidirectional's ``layer``, TimeDistributed's...)."""

    kind: str
    config: dict[str, Any] = field(default_factory=dict)


@dataclass
class Case:
    kind: str
    config: dict[str, Any]
    inputs: tuple[tuple[Any, ...], ...]  # shapes without the batch axis
    as_list: bool = False
    states: tuple[tuple[Any, ...], ...] = ()
    call: dict[str, Any] = field(default_factory=dict)  # Keras call keywords
    runtime: bool = False  # compare with a real predict() instead of the symbolic call

    def __str__(self) -> str:
        cfg = ",".join(f"{k}={_short(v)}" for k, v in self.config.items())
        extra = f"+{self.call}" if self.call else ""
        st = f"|states={list(self.states)}" if self.states else ""
        return f"{self.kind}({cfg}){extra}{list(self.inputs)}{st}"


def _short(value: Any) -> str:
    if isinstance(value, Nest):
        return f"{value.kind}({','.join(f'{k}={v}' for k, v in value.config.items())})"
    return str(value)


SPAN = Loc.fixed(Span(1, 1, 1, 1))


def to_ir(value: Any) -> Any:
    if isinstance(value, Nest):
        return Layer(value.kind, {k: to_ir(v) for k, v in value.config.items()}, SPAN, value.kind)
    return value


def to_keras(value: Any) -> Any:
    if isinstance(value, Nest):
        cls = getattr(keras.layers, value.kind)
        return cls(**{k: to_keras(v) for k, v in value.config.items()})
    return value


def ours(case: Case) -> list[tuple[Any, ...] | None]:
    """seqlint's output shapes, batch and unknown dims as None (raises ShapeProblem)."""
    config = {**case.config, **case.call}  # a frontend passes call keywords in the config
    layer = to_ir(Nest(case.kind, config))

    def shape(dims: tuple[Any, ...]) -> Shape:
        return Shape((BATCH, *(NONE if d is None else d for d in dims)))

    call = Call(
        layer,
        tuple(shape(s) for s in case.inputs),
        as_list=case.as_list,
        states=tuple(shape(s) for s in case.states),
    )
    result = output_shapes(call)
    assert result is not None, f"{case.kind} is not modelled"
    out = []
    for s in result:
        if s.dims is None:
            out.append(None)
            continue
        assert not any(isinstance(d, Sym) for d in s.dims)
        out.append(tuple(None if d in (BATCH, UNKNOWN, NONE) else d for d in s.dims))
    return out


def _apply(case: Case):
    """Build the Keras layer from the case's config and call it symbolically."""
    if case.kind == "Input":
        return [], keras.Input(**case.config)
    if case.kind == "InputLayer":
        return [], keras.layers.InputLayer(**case.config).output
    layer = to_keras(Nest(case.kind, case.config))
    xs = [keras.Input(shape=s) for s in case.inputs]
    states = [keras.Input(shape=s) for s in case.states]
    kwargs = dict(case.call)
    if states:
        kwargs["initial_state"] = states
    if case.as_list:
        y = layer(xs, **kwargs)
    elif len(xs) == 1:
        y = layer(xs[0], **kwargs)
    else:
        y = layer(*xs, **kwargs)  # MultiHeadAttention(query, value[, key])
    return xs + states, y


def _flat(y: Any) -> list[Any]:
    return list(y) if isinstance(y, (list, tuple)) else [y]


def keras_symbolic(case: Case) -> list[tuple[Any, ...]]:
    _, y = _apply(case)
    return [tuple(t.shape) for t in _flat(y)]


def _data(shapes: tuple[tuple[Any, ...], ...], fill: int) -> list[Any]:
    return [np.zeros((2, *(fill if d is None else d for d in s)), "float32") for s in shapes]


def keras_runtime(case: Case, fill: int = 3) -> list[tuple[Any, ...]]:
    inputs, y = _apply(case)
    model = keras.Model(inputs, y)
    out = model.predict(_data(case.inputs + case.states, fill), verbose=0)
    return [(None, *a.shape[1:]) for a in _flat(out)]


# -- parity ----------------------------------------------------------------------------------

C = Case
PARITY: list[Case] = []

PARITY += [
    C("Input", {"shape": (20, 8)}, ()),
    C("Input", {"shape": (None, 8)}, ()),
    C("Input", {"batch_shape": (None, 20)}, ()),
    C("InputLayer", {"shape": (7,)}, ()),
    C("InputLayer", {"input_shape": (7, 3)}, ()),
    C("InputLayer", {"batch_input_shape": (None, 5)}, ()),
]

for kind in ("LSTM", "GRU", "SimpleRNN"):
    for units in (1, 7):
        for rs in (False, True):
            for rst in (False, True):
                for x in ((12, 5), (None, 3)):
                    cfg = {"units": units, "return_sequences": rs, "return_state": rst}
                    PARITY.append(C(kind, cfg, (x,)))
PARITY += [
    C("LSTM", {"units": 4, "go_backwards": True}, ((6, 2),)),
    C("LSTM", {"units": 4}, ((10, 8),), states=((4,), (4,))),
    C("GRU", {"units": 4}, ((10, 8),), states=((4,),), runtime=True),
    C("GRU", {"units": 4}, ((10, 8),), states=((4,), (4,)), runtime=True),  # extra ignored
    C("SimpleRNN", {"units": 4, "return_state": True}, ((10, 8),), states=((4,),), runtime=True),
    C("LSTM", {"units": 4, "return_state": True}, ((10, 8),), states=((4,), (4,)), runtime=True),
]

for kind in ("LSTM", "GRU", "SimpleRNN"):
    for mode in ("concat", "sum", "mul", "ave", None):
        for rs in (False, True):
            for rst in (False, True):
                inner = Nest(kind, {"units": 3, "return_sequences": rs, "return_state": rst})
                PARITY.append(C("Bidirectional", {"layer": inner, "merge_mode": mode}, ((9, 4),)))
PARITY += [
    C("Bidirectional", {"layer": Nest("LSTM", {"units": 5})}, ((None, 4),)),
    C(
        "Bidirectional",
        {
            "layer": Nest("LSTM", {"units": 4, "return_sequences": True}),
            "backward_layer": Nest(
                "LSTM", {"units": 4, "go_backwards": True, "return_sequences": True}
            ),
        },
        ((10, 8),),
    ),
    # Keras's symbolic shapes ignore a backward layer of other units; the real outputs don't
    C(
        "Bidirectional",
        {
            "layer": Nest("LSTM", {"units": 4, "return_sequences": True}),
            "backward_layer": Nest(
                "LSTM", {"units": 6, "go_backwards": True, "return_sequences": True}
            ),
        },
        ((10, 8),),
        runtime=True,
    ),
    C(
        "Bidirectional",
        {
            "layer": Nest("GRU", {"units": 4, "return_state": True}),
            "backward_layer": Nest("GRU", {"units": 6, "go_backwards": True, "return_state": True}),
            "merge_mode": None,
        },
        ((10, 8),),
        runtime=True,
    ),
    C("Bidirectional", {"layer": Nest("LSTM", {"units": 4})}, ((10, 8),), states=((4,),) * 4),
    C(
        "Bidirectional",
        {"layer": Nest("GRU", {"units": 4})},
        ((10, 8),),
        states=((4,),) * 3,
        runtime=True,
    ),
    C(
        "Bidirectional",
        {"layer": Nest("SimpleRNN", {"units": 4})},
        ((10, 8),),
        states=((4,),) * 2,
        runtime=True,
    ),
]

PARITY += [
    C("TimeDistributed", {"layer": Nest("Dense", {"units": 3})}, ((4, 5, 6),)),
    C("TimeDistributed", {"layer": Nest("Dense", {"units": 3})}, ((10, 8),)),
    C("TimeDistributed", {"layer": Nest("Dense", {"units": 3})}, ((None, 8),)),
    C(
        "TimeDistributed",
        {"layer": Nest("Conv1D", {"filters": 3, "kernel_size": 2})},
        ((5, 10, 8),),
    ),
    C(
        "TimeDistributed",
        {
            "layer": Nest(
                "Conv1D", {"filters": 3, "kernel_size": 3, "padding": "same", "strides": 2}
            )
        },
        ((5, 10, 8),),
    ),
    C("TimeDistributed", {"layer": Nest("Flatten")}, ((5, 4, 3),)),
    C("TimeDistributed", {"layer": Nest("GlobalMaxPooling1D")}, ((5, 10, 8),)),
    C("TimeDistributed", {"layer": Nest("Dropout", {"rate": 0.5})}, ((5, 10),)),
    C("TimeDistributed", {"layer": Nest("Dense", {"units": 2})}, ((5, 10),), runtime=True),
]

for x in ((8,), (10, 8), (None, 8), (3, 4, 5)):
    PARITY.append(C("Dense", {"units": 4}, (x,)))
for x in ((20,), (None,), (5, 3), ()):
    PARITY.append(C("Embedding", {"input_dim": 50, "output_dim": 16}, (x,)))
PARITY.append(C("Embedding", {"input_dim": 50, "output_dim": 4, "mask_zero": True}, ((7,),)))
for kind, cfg in [
    ("Dropout", {"rate": 0.5}),
    ("GaussianNoise", {"stddev": 0.1}),
    ("GaussianDropout", {"rate": 0.1}),
    ("AlphaDropout", {"rate": 0.1}),
    ("Activation", {"activation": "relu"}),
    ("ReLU", {}),
    ("LeakyReLU", {}),
    ("Softmax", {}),
    ("BatchNormalization", {}),
    ("LayerNormalization", {}),
    ("UnitNormalization", {}),
    ("Masking", {"mask_value": 0.0}),
    ("SpatialDropout1D", {"rate": 0.2}),
]:
    PARITY.append(C(kind, cfg, ((10, 8),)))

for x in ((10, 64), (10, 4, 2), (None, 8), ()):
    PARITY.append(C("Flatten", {}, (x,)))
for x, target in [
    ((12,), (3, 4)),
    ((12,), (-1, 2, 2)),
    ((10, 8), (-1,)),
    ((10, 8), (5, -1)),
    ((10, 8), (2, 5, 8)),
    ((None, 8), (-1, 4)),
    ((None, 8), (5, 3)),
]:
    PARITY.append(C("Reshape", {"target_shape": target}, (x,)))
PARITY += [
    C("RepeatVector", {"n": 3}, ((32,),)),
    C("RepeatVector", {"n": 1}, ((None,),)),
    C("UpSampling1D", {}, ((5, 3),)),
    C("UpSampling1D", {"size": 3}, ((None, 4),)),
    C("Permute", {"dims": (2, 1)}, ((10, 64),)),
    C("Permute", {"dims": (3, 1, 2)}, ((8, 2, 3),)),
    C("Permute", {"dims": (1, 2)}, ((5, 6),)),
]

for length in (9, 16, None):
    for k in (1, 3, 5):
        for s in (1, 2, 3):
            for padding in ("valid", "same", "causal"):
                for d in (1, 2):
                    if s > 1 and d > 1:
                        continue
                    if length is not None and padding == "valid" and length < d * (k - 1) + 1:
                        continue
                    cfg = {
                        "filters": 4,
                        "kernel_size": k,
                        "strides": s,
                        "padding": padding,
                        "dilation_rate": d,
                    }
                    PARITY.append(C("Conv1D", cfg, ((length, 3),)))
PARITY += [
    C("Conv1D", {"filters": 2, "kernel_size": (3,), "strides": (2,)}, ((11, 3),)),
    C("Convolution1D", {"filters": 2, "kernel_size": 3, "padding": "SAME"}, ((11, 3),)),
    C("Conv1D", {"filters": 2, "kernel_size": 3, "data_format": "channels_first"}, ((8, 11),)),
    C(
        "Conv1D",
        {"filters": 2, "kernel_size": 3, "padding": "causal", "strides": 2},
        ((9, 3),),
        runtime=True,
    ),
]

for kind in ("MaxPooling1D", "AveragePooling1D"):
    for length in (9, 10, None):
        for pool in (2, 3):
            for strides in (None, 1, 2):
                for padding in ("valid", "same"):
                    cfg = {"pool_size": pool, "strides": strides, "padding": padding}
                    PARITY.append(C(kind, cfg, ((length, 4),)))
PARITY += [
    C("MaxPool1D", {}, ((10, 4),)),
    C("AvgPool1D", {"pool_size": 4, "padding": "same"}, ((3, 4),)),
    C("MaxPooling1D", {"data_format": "channels_first"}, ((4, 10),)),
]
for kind in ("GlobalAveragePooling1D", "GlobalMaxPooling1D", "GlobalAvgPool1D", "GlobalMaxPool1D"):
    for keep in (False, True):
        for fmt in ("channels_last", "channels_first"):
            PARITY.append(C(kind, {"keepdims": keep, "data_format": fmt}, ((10, 4),)))

for axis, xs in [
    (-1, ((10, 8), (10, 4))),
    (-1, ((10, 8), (10, 8), (10, 1))),
    (1, ((10, 8), (5, 8))),
    (-2, ((10, 8), (5, 8))),
    (2, ((10, 8), (10, 3))),
    (0, ((10, 8), (10, 8))),
    (-1, ((None, 8), (5, 8))),
    (-1, ((10, 8),)),
    (5, ((10, 8),)),
    (-1, ((3, 4, 5), (3, 4, 6))),
    (-3, ((3, 4, 5), (1, 4, 5))),
]:
    PARITY.append(C("Concatenate", {"axis": axis}, xs, as_list=True))
for kind in ("Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"):
    for xs in [
        ((10, 8), (10, 8)),
        ((10, 8), (1, 8)),
        ((10, 8), (10, 1)),
        ((10, 8), (8,)),
        ((10, 8), (1,)),
        ((None, 8), (10, 8)),
        ((4,), (4,)),
    ]:
        PARITY.append(C(kind, {}, xs, as_list=True))
    if kind != "Subtract":
        PARITY.append(C(kind, {}, ((10, 8), (10, 8), (1, 8)), as_list=True))
        PARITY.append(C(kind, {}, ((10, 8),), as_list=True))
PARITY += [
    C("Add", {}, ((10, 8), (8,)), as_list=True, runtime=True),
    C("Multiply", {}, ((10, 8), (10, 1)), as_list=True, runtime=True),
]

for kind in ("Attention", "AdditiveAttention"):
    PARITY += [
        C(kind, {}, ((10, 8), (6, 8)), as_list=True),
        C(kind, {}, ((10, 8), (6, 5), (6, 8)), as_list=True),
        C(kind, {}, ((10, 8), (6, 8)), as_list=True, call={"return_attention_scores": True}),
        C(kind, {}, ((10, 8), (6, 8)), as_list=True, runtime=True),
    ]
PARITY += [
    C(
        "Attention",
        {},
        ((10, 8), (6, 5), (6, 8)),
        as_list=True,
        call={"return_attention_scores": True},
    ),
    C("MultiHeadAttention", {"num_heads": 2, "key_dim": 4}, ((10, 8), (6, 5))),
    C("MultiHeadAttention", {"num_heads": 2, "key_dim": 4, "output_shape": 7}, ((10, 8), (6, 5))),
    C(
        "MultiHeadAttention",
        {"num_heads": 2, "key_dim": 4, "output_shape": (3, 7)},
        ((10, 8), (6, 5)),
    ),
    C("MultiHeadAttention", {"num_heads": 3, "key_dim": 2}, ((10, 8), (6, 5), (6, 2))),
    # Keras's symbolic scores say (batch, heads, Tq, Tq); the real ones are (..., Tq, Tv)
    C(
        "MultiHeadAttention",
        {"num_heads": 2, "key_dim": 4},
        ((10, 8), (6, 5)),
        call={"return_attention_scores": True},
        runtime=True,
    ),
]


@pytest.mark.parametrize("case", PARITY, ids=str)
def test_parity(case: Case) -> None:
    expected = keras_runtime(case) if case.runtime else keras_symbolic(case)
    assert ours(case) == expected


def test_parity_table_is_large() -> None:
    assert len(PARITY) > 300


# -- problems: whatever seqlint raises, Keras raises too ---------------------------------------


@dataclass
class Bad:
    case: Case
    kind: ProblemKind
    error: type[BaseException] | tuple[type[BaseException], ...]
    fragment: str  # the telling part of Keras's message
    phase: str = "build"  # "build": the symbolic call raises; "run": predict() raises

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.case}"


NDIM3 = "expected ndim=3"
LSTM4 = Nest("LSTM", {"units": 4})
GRU4 = Nest("GRU", {"units": 4})

BAD: list[Bad] = [
    # RANK
    Bad(C("LSTM", {"units": 4}, ((64,),)), ProblemKind.RANK, ValueError, f"{NDIM3}, found ndim=2"),
    Bad(
        C("GRU", {"units": 4}, ((10, 8, 3),)),
        ProblemKind.RANK,
        ValueError,
        f"{NDIM3}, found ndim=4",
    ),
    Bad(C("SimpleRNN", {"units": 4}, ((64,),)), ProblemKind.RANK, ValueError, NDIM3),
    Bad(C("Bidirectional", {"layer": LSTM4}, ((64,),)), ProblemKind.RANK, ValueError, NDIM3),
    Bad(
        C("TimeDistributed", {"layer": Nest("Dense", {"units": 3})}, ((64,),)),
        ProblemKind.RANK,
        ValueError,
        "with at least 3 dimensions",
    ),
    Bad(
        C(
            "TimeDistributed",
            {"layer": Nest("Conv1D", {"filters": 3, "kernel_size": 2})},
            ((10, 8),),
        ),
        ProblemKind.RANK,
        ValueError,
        "Kernel shape must have the same length as input",
    ),
    Bad(
        C("Dense", {"units": 3}, ((),)),
        ProblemKind.RANK,
        ValueError,
        "expected min_ndim=2, found ndim=1",
    ),
    Bad(
        C("Conv1D", {"filters": 3, "kernel_size": 2}, ((10,),)),
        ProblemKind.RANK,
        ValueError,
        "expected min_ndim=3, found ndim=2",
    ),
    Bad(
        C("Conv1D", {"filters": 3, "kernel_size": 2}, ((10, 8, 4),)),
        ProblemKind.RANK,
        ValueError,
        "Kernel shape must have the same length as input",
    ),
    Bad(C("MaxPooling1D", {}, ((8,),)), ProblemKind.RANK, ValueError, f"{NDIM3}, found ndim=2"),
    Bad(
        C("AveragePooling1D", {"pool_size": 2}, ((8, 3, 3),)),
        ProblemKind.RANK,
        ValueError,
        f"{NDIM3}, found ndim=4",
    ),
    Bad(C("GlobalAveragePooling1D", {}, ((8,),)), ProblemKind.RANK, ValueError, NDIM3),
    Bad(C("GlobalMaxPooling1D", {}, ((8, 3, 3),)), ProblemKind.RANK, ValueError, NDIM3),
    Bad(C("SpatialDropout1D", {"rate": 0.1}, ((8,),)), ProblemKind.RANK, ValueError, NDIM3),
    Bad(
        C("RepeatVector", {"n": 3}, ((8, 2),)),
        ProblemKind.RANK,
        ValueError,
        "expected ndim=2, found ndim=3",
    ),
    Bad(
        C("Permute", {"dims": (2, 1)}, ((8, 2, 3),)),
        ProblemKind.RANK,
        ValueError,
        "expected ndim=3, found ndim=4",
    ),
    # LENGTH
    Bad(
        C("Conv1D", {"filters": 3, "kernel_size": 5}, ((3, 8),)),
        ProblemKind.LENGTH,
        ValueError,
        "Computed output size would be zero or negative",
    ),
    Bad(
        C("Conv1D", {"filters": 3, "kernel_size": 3, "dilation_rate": 2}, ((4, 8),)),
        ProblemKind.LENGTH,
        ValueError,
        "Computed output size would be zero or negative",
    ),
    Bad(
        C("MaxPooling1D", {"pool_size": 4}, ((3, 8),)),
        ProblemKind.LENGTH,
        ValueError,
        "Computed output size would be zero or negative",
    ),
    Bad(
        C("AveragePooling1D", {"pool_size": 2, "strides": 1}, ((1, 8),)),
        ProblemKind.LENGTH,
        ValueError,
        "Computed output size would be zero or negative",
    ),
    Bad(
        C(
            "TimeDistributed",
            {"layer": Nest("Conv1D", {"filters": 3, "kernel_size": 5})},
            ((7, 3, 8),),
        ),
        ProblemKind.LENGTH,
        ValueError,
        "Computed output size would be zero or negative",
    ),
    # RESHAPE_SIZE
    Bad(
        C("Reshape", {"target_shape": (3, 4)}, ((10, 8),)),
        ProblemKind.RESHAPE_SIZE,
        ValueError,
        "The total size of the tensor must be unchanged",
    ),
    Bad(
        C("Reshape", {"target_shape": (-1, 3)}, ((10, 8),)),
        ProblemKind.RESHAPE_SIZE,
        ValueError,
        "The total size of the tensor must be unchanged",
    ),
    # MERGE_NOT_LIST
    Bad(
        C("Concatenate", {}, ((10, 8),)),
        ProblemKind.MERGE_NOT_LIST,
        ValueError,
        "should be called on a list",
    ),
    Bad(
        C("Add", {}, ((10, 8),)),
        ProblemKind.MERGE_NOT_LIST,
        ValueError,
        "should be called on a list",
    ),
    Bad(
        C("Subtract", {}, ((8,),)),
        ProblemKind.MERGE_NOT_LIST,
        ValueError,
        "should be called on a list",
    ),
    Bad(
        C("Attention", {}, ((10, 8),)),
        ProblemKind.MERGE_NOT_LIST,
        ValueError,
        "must be called on a list of inputs",
    ),
    # MERGE_RANK
    Bad(
        C("Concatenate", {}, ((10, 8), (8,)), as_list=True),
        ProblemKind.MERGE_RANK,
        ValueError,
        "requires inputs with matching shapes except for the concatenation axis",
    ),
    Bad(
        C("Concatenate", {"axis": 1}, ((10, 8), (8,)), as_list=True),
        ProblemKind.MERGE_RANK,
        ValueError,
        "requires inputs with matching shapes",
    ),
    Bad(
        C("Concatenate", {"axis": 2}, ((10, 8), (10,)), as_list=True),
        ProblemKind.MERGE_RANK,
        IndexError,
        "index out of range",
    ),
    # MERGE_AXIS
    Bad(
        C("Concatenate", {"axis": 3}, ((10, 8), (10, 8)), as_list=True),
        ProblemKind.MERGE_AXIS,
        IndexError,
        "list index out of range",
    ),
    Bad(
        C("Concatenate", {"axis": -4}, ((10, 8), (10, 8)), as_list=True),
        ProblemKind.MERGE_AXIS,
        IndexError,
        "list assignment index out of range",
    ),
    Bad(
        C("Concatenate", {"axis": 3}, ((10, 8), (10, 9)), as_list=True),
        ProblemKind.MERGE_AXIS,
        ValueError,
        "requires inputs with matching shapes",
    ),
    # MERGE_DIMS
    Bad(
        C("Concatenate", {}, ((10, 8), (5, 8)), as_list=True),
        ProblemKind.MERGE_DIMS,
        ValueError,
        "requires inputs with matching shapes except for the concatenation axis",
    ),
    Bad(
        C("Concatenate", {}, ((1, 8), (5, 8)), as_list=True),
        ProblemKind.MERGE_DIMS,
        ValueError,
        "requires inputs with matching shapes",
    ),
    Bad(
        C("Concatenate", {}, ((None, 8), (10, 8), (5, 8)), as_list=True),
        ProblemKind.MERGE_DIMS,
        ValueError,
        "requires inputs with matching shapes",
    ),
    Bad(
        C("Concatenate", {"axis": 1}, ((10, 8), (10, 4)), as_list=True),
        ProblemKind.MERGE_DIMS,
        ValueError,
        "requires inputs with matching shapes",
    ),
    Bad(
        C("Add", {}, ((10, 8), (10, 4)), as_list=True),
        ProblemKind.MERGE_DIMS,
        ValueError,
        "Inputs have incompatible shapes",
    ),
    Bad(
        C("Multiply", {}, ((10, 8), (10,)), as_list=True),
        ProblemKind.MERGE_DIMS,
        ValueError,
        "Inputs have incompatible shapes",
    ),
    Bad(
        C("Maximum", {}, ((10, 8), (10, 8), (10, 4)), as_list=True),
        ProblemKind.MERGE_DIMS,
        ValueError,
        "Inputs have incompatible shapes",
    ),
    # Keras's symbolic check lets the unknown dim through; the run fails
    Bad(
        C("Add", {}, ((10, None), (10, 8), (10, 4)), as_list=True),
        ProblemKind.MERGE_DIMS,
        ValueError,
        "Dimensions must be equal",
        phase="run",
    ),
    Bad(
        C(
            "Bidirectional",
            {
                "layer": LSTM4,
                "backward_layer": Nest("LSTM", {"units": 6, "go_backwards": True}),
                "merge_mode": "sum",
            },
            ((10, 8),),
        ),
        ProblemKind.MERGE_DIMS,
        ValueError,
        "Dimensions must be equal, but are 4 and 6",
        phase="run",
    ),
    # STATE_COUNT (Keras builds the model; fit/predict fails)
    Bad(
        C("LSTM", {"units": 4}, ((10, 8),), states=((4,),)),
        ProblemKind.STATE_COUNT,
        IndexError,
        "list index out of range",
        phase="run",
    ),
    Bad(
        C("LSTM", {"units": 4}, ((10, 8),), states=((4,),) * 3),
        ProblemKind.STATE_COUNT,
        ValueError,
        "Too few leaves for PyTreeSpec",
        phase="run",
    ),
    Bad(
        C("SimpleRNN", {"units": 4}, ((10, 8),), states=((4,),) * 2),
        ProblemKind.STATE_COUNT,
        ValueError,
        "Too few leaves for PyTreeSpec",
        phase="run",
    ),
    Bad(
        C("Bidirectional", {"layer": LSTM4}, ((10, 8),), states=((4,),) * 2),
        ProblemKind.STATE_COUNT,
        IndexError,
        "list index out of range",
        phase="run",
    ),
    Bad(
        C("Bidirectional", {"layer": GRU4}, ((10, 8),), states=((4,),)),
        ProblemKind.STATE_COUNT,
        IndexError,
        "list index out of range",
        phase="run",
    ),
    # STATE_SIZE
    Bad(
        C("LSTM", {"units": 4}, ((10, 8),), states=((5,), (4,))),
        ProblemKind.STATE_SIZE,
        ValueError,
        "Dimensions must be equal, but are 5 and 4",
        phase="run",
    ),
    Bad(
        C("LSTM", {"units": 4}, ((10, 8),), states=((4,), (5,))),
        ProblemKind.STATE_SIZE,
        ValueError,
        "Dimensions must be equal",
        phase="run",
    ),
    Bad(
        C("GRU", {"units": 4}, ((10, 8),), states=((5,),)),
        ProblemKind.STATE_SIZE,
        ValueError,
        "Dimensions must be equal, but are 5 and 4",
        phase="run",
    ),
    Bad(
        C("SimpleRNN", {"units": 4}, ((10, 8),), states=((3,),)),
        ProblemKind.STATE_SIZE,
        ValueError,
        "Dimensions must be equal, but are 3 and 4",
        phase="run",
    ),
    Bad(
        C("Bidirectional", {"layer": LSTM4}, ((10, 8),), states=((4,), (4,), (5,), (4,))),
        ProblemKind.STATE_SIZE,
        ValueError,
        "Dimensions must be equal, but are 5 and 4",
        phase="run",
    ),
]


@pytest.mark.parametrize("bad", BAD, ids=str)
def test_keras_raises_too(bad: Bad) -> None:
    with pytest.raises(ShapeProblem) as info:
        ours(bad.case)
    assert info.value.kind is bad.kind
    if bad.phase == "build":
        with pytest.raises(bad.error) as raised:
            keras_symbolic(bad.case)
    else:
        keras_symbolic(bad.case)  # the model builds...
        with pytest.raises(bad.error) as raised:
            keras_runtime(bad.case)  # ...and fails when it runs
    assert bad.fragment in str(raised.value)


RAISED_BY_SHAPE_FUNCTIONS = {
    ProblemKind.RANK,
    ProblemKind.LENGTH,
    ProblemKind.RESHAPE_SIZE,
    ProblemKind.MERGE_NOT_LIST,
    ProblemKind.MERGE_RANK,
    ProblemKind.MERGE_AXIS,
    ProblemKind.MERGE_DIMS,
    ProblemKind.STATE_COUNT,
    ProblemKind.STATE_SIZE,
}


def test_every_problem_kind_is_proven() -> None:
    assert {bad.kind for bad in BAD} == RAISED_BY_SHAPE_FUNCTIONS


def test_concatenate_in_sequential() -> None:
    """The DESIGN's example: Keras refuses a Concatenate inside a Sequential."""
    with pytest.raises(ValueError, match="should be called on a list"):
        keras.Sequential([keras.Input(shape=(10, 8)), keras.layers.Concatenate()])
    with pytest.raises(ShapeProblem):
        ours(C("Concatenate", {}, ((10, 8),)))


# -- edge cases seqlint accepts: Keras builds *and runs* them ------------------------------

ACCEPT: list[Case] = [
    C("Concatenate", {"axis": 1}, ((10, 8), (5, 8)), as_list=True),  # the time axis
    C("Concatenate", {"axis": -2}, ((10, 8), (5, 8)), as_list=True),
    C("Concatenate", {}, ((10, 8),), as_list=True),  # a list of one
    C("Concatenate", {"axis": 0}, ((10, 8), (10, 8)), as_list=True),
    C("Dense", {"units": 3}, ((10, 8),)),  # per step, without TimeDistributed
    C("Add", {}, ((10, 8), (1, 8)), as_list=True),  # 1 broadcasts
    C("Add", {}, ((10, 8), (10, 1)), as_list=True),
    C("Add", {}, ((10, 8), (8,)), as_list=True),  # lower rank, right-aligned
    C("Average", {}, ((10, 8), (1,)), as_list=True),
    C("Add", {}, ((10, 8),), as_list=True),
    C("GRU", {"units": 4}, ((10, 8),), states=((4,), (7,))),  # extra state ignored
    C("Bidirectional", {"layer": GRU4}, ((10, 8),), states=((4,),) * 3),
    C("Reshape", {"target_shape": (-1, 4)}, ((10, 8),)),
    C("Conv1D", {"filters": 2, "kernel_size": 3}, ((3, 8),)),  # exactly one step out
    C("MaxPooling1D", {"pool_size": 4, "padding": "same"}, ((3, 8),)),
    C("Embedding", {"input_dim": 10, "output_dim": 4, "input_length": 99}, ((7,),)),
]


@pytest.mark.parametrize("case", ACCEPT, ids=str)
def test_keras_accepts(case: Case) -> None:
    shapes = ours(case)  # no ShapeProblem
    if case.kind == "Embedding":
        data = [np.zeros((2, *case.inputs[0]), "int32")]
        inputs, y = _apply(case)
        out = keras.Model(inputs, y).predict(data, verbose=0)
        assert [(None, *out.shape[1:])] == shapes
        return
    assert keras_symbolic(case) == shapes
    assert keras_runtime(case) == shapes

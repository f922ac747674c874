"""LSTM / GRU / SimpleRNN / Bidirectional."""

from __future__ import annotations

import pytest

from seqlint.dims import UNKNOWN, Shape, Sym
from seqlint.shapes.problems import ProblemKind, ShapeProblem

U = Shape.unknown()
RNNS = ["LSTM", "GRU", "SimpleRNN"]
N_STATES = {"LSTM": 2, "GRU": 1, "SimpleRNN": 1}


@pytest.mark.parametrize("kind", RNNS)
def test_outputs(layer, shape, run, kind):
    x = shape(20, 8)
    assert run(layer(kind, units=64), x) == [shape(64)]
    assert run(layer(kind, units=64, return_sequences=True), x) == [shape(20, 64)]
    states = [shape(64)] * N_STATES[kind]
    assert run(layer(kind, units=64, return_state=True), x) == [shape(64), *states]
    assert run(layer(kind, units=64, return_sequences=True, return_state=True), x) == [
        shape(20, 64),
        *states,
    ]
    # go_backwards / stateful / dropout do not change shapes
    rnn = layer(kind, units=4, go_backwards=True, stateful=True, dropout=0.5)
    assert run(rnn, x) == [shape(4)]


@pytest.mark.parametrize("kind", RNNS)
def test_unknown_input_rank_still_gives_units(layer, shape, run, kind):
    assert run(layer(kind, units=64), U) == [shape(64)]
    assert run(layer(kind, units=64, return_sequences=True), U) == [shape(None, 64)]


@pytest.mark.parametrize("kind", RNNS)
@pytest.mark.parametrize("dims", [(64,), (20, 8, 3), ()])
def test_rank_problem(layer, shape, run, kind, dims):
    x = shape(*dims)
    with pytest.raises(ShapeProblem) as info:
        run(layer(kind, units=4), x)
    p = info.value
    assert p.kind is ProblemKind.RANK
    assert p.expected_rank == 3
    assert p.expected == "(batch, timesteps, features)"
    assert p.got == x
    assert p.input_index == 0
    if dims == (64,):
        assert p.message == "expected input of rank 3 (batch, timesteps, features), got (batch, 64)"


def test_unreadable_flags(layer, shape, run):
    x = shape(20, 8)
    assert run(layer("LSTM", units=4, return_sequences=Sym("flag")), x) == [U]
    assert run(layer("LSTM", units=4, return_state=UNKNOWN), x) == [U]
    # the states are known even when the output's rank is not
    assert run(layer("LSTM", units=4, return_sequences=UNKNOWN, return_state=True), x) == [
        U,
        shape(4),
        shape(4),
    ]
    assert run(layer("GRU", units=4, return_sequences=1), x) == [shape(20, 4)]
    assert run(layer("GRU", units=4, return_sequences=None), x) == [shape(4)]
    assert run(layer("GRU", units="big"), x) == [shape(None)]
    assert run(layer("GRU", units=Sym("hidden")), x) == [shape(Sym("hidden"))]
    assert run(layer("GRU"), x) == [shape(None)]


def test_symbolic_and_unknown_dims_pass_through(layer, shape, run):
    x = shape(Sym("maxlen"), None)
    assert run(layer("LSTM", units=8, return_sequences=True), x) == [shape(Sym("maxlen"), 8)]


# -- initial_state ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "count", "ok"),
    [
        ("LSTM", 2, True),
        ("LSTM", 1, False),
        ("LSTM", 3, False),
        ("GRU", 1, True),
        ("GRU", 2, True),  # GRU keeps initial_state[0] and ignores the rest
        ("SimpleRNN", 1, True),
        ("SimpleRNN", 2, False),
    ],
)
def test_state_count(layer, shape, run, kind, count, ok):
    rnn = layer(kind, units=4)
    states = (shape(4),) * count
    if ok:
        assert run(rnn, shape(10, 8), states=states) == [shape(4)]
        return
    with pytest.raises(ShapeProblem) as info:
        run(rnn, shape(10, 8), states=states)
    assert info.value.kind is ProblemKind.STATE_COUNT
    assert f"got {count}" in info.value.message


@pytest.mark.parametrize(
    ("kind", "sizes", "bad"),
    [
        ("LSTM", (5, 4), 0),
        ("LSTM", (4, 5), 1),
        ("GRU", (5,), 0),
        ("GRU", (4, 5), None),  # the extra state is ignored by Keras
        ("SimpleRNN", (3,), 0),
        ("LSTM", (4, 4), None),
        ("LSTM", (None, Sym("h")), None),
    ],
)
def test_state_size(layer, shape, run, kind, sizes, bad):
    rnn = layer(kind, units=4)
    states = tuple(shape(s) for s in sizes)
    if bad is None:
        run(rnn, shape(10, 8), states=states)
        return
    with pytest.raises(ShapeProblem) as info:
        run(rnn, shape(10, 8), states=states)
    p = info.value
    assert p.kind is ProblemKind.STATE_SIZE
    assert p.input_index == bad
    assert p.got == states[bad]
    assert p.expected == "(batch, 4)"


@pytest.mark.parametrize(
    ("kind", "state", "fails"),
    [
        ("LSTM", (12, 4), True),  # an output sequence given as a state
        ("GRU", (12, 4), True),
        ("SimpleRNN", (12, 4), False),  # broadcasts when the batch is 1: not always an error
        ("LSTM", (), True),  # rank 1: (batch,)
        ("GRU", (), True),
        ("SimpleRNN", (), True),
        ("LSTM", (4,), False),
    ],
)
def test_state_rank(layer, shape, run, kind, state, fails):
    rnn = layer(kind, units=4)
    states = (shape(*state),) * (2 if kind == "LSTM" else 1)
    if not fails:
        run(rnn, shape(10, 8), states=states)
        return
    with pytest.raises(ShapeProblem) as info:
        run(rnn, shape(10, 8), states=states)
    assert info.value.kind is ProblemKind.STATE_SIZE
    assert f"(rank {len(state) + 1})" in info.value.message


def test_states_of_unknown_rank_are_not_counted(layer, shape, run):
    # an unknown state may stand for several tensors: no count, no size check
    assert run(layer("LSTM", units=4), shape(10, 8), states=(U,)) == [shape(4)]
    assert run(layer("LSTM", units=4), shape(10, 8), states=(U, shape(9))) == [shape(4)]
    assert run(layer("LSTM", units=UNKNOWN), shape(10, 8), states=(shape(9), shape(9))) == [
        shape(None)
    ]


# -- Bidirectional -----------------------------------------------------------------------


def bi(layer, inner_kind="LSTM", merge_mode="default", backward=None, **inner):
    config = {"layer": layer(inner_kind, **inner)}
    if merge_mode != "default":
        config["merge_mode"] = merge_mode
    if backward is not None:
        config["backward_layer"] = backward
    return layer("Bidirectional", **config)


def test_bidirectional_merge_modes(layer, shape, run):
    x = shape(20, 8)
    assert run(bi(layer, units=32), x) == [shape(64)]
    assert run(bi(layer, units=32, return_sequences=True), x) == [shape(20, 64)]
    for mode in ("sum", "mul", "ave"):
        assert run(bi(layer, merge_mode=mode, units=32), x) == [shape(32)]
    assert run(bi(layer, merge_mode="concat", units=32), x) == [shape(64)]
    assert run(bi(layer, merge_mode=None, units=32), x) == [shape(32), shape(32)]


def test_bidirectional_return_state(layer, shape, run):
    x = shape(20, 8)
    assert run(bi(layer, units=4, return_state=True), x) == [shape(8)] + [shape(4)] * 4
    assert run(bi(layer, "GRU", units=4, return_state=True, return_sequences=True), x) == [
        shape(20, 8),
        shape(4),
        shape(4),
    ]
    assert run(bi(layer, "SimpleRNN", merge_mode=None, units=4, return_state=True), x) == [
        shape(4),
        shape(4),
        shape(4),
        shape(4),
    ]


def test_bidirectional_backward_layer(layer, shape, run):
    x = shape(20, 8)
    back = layer("LSTM", units=6, go_backwards=True, return_sequences=True)
    assert run(bi(layer, backward=back, units=4, return_sequences=True), x) == [shape(20, 10)]
    back = layer("GRU", units=6, go_backwards=True, return_state=True)
    assert run(bi(layer, backward=back, units=4, return_state=True), x) == [
        shape(10),
        shape(4),
        shape(4),
        shape(6),
    ]
    back = layer("LSTM", units=6, go_backwards=True)
    assert run(bi(layer, merge_mode=None, backward=back, units=4), x) == [shape(4), shape(6)]
    with pytest.raises(ShapeProblem) as info:
        run(bi(layer, merge_mode="sum", backward=back, units=4), x)
    assert info.value.kind is ProblemKind.MERGE_DIMS
    same = layer("LSTM", units=4, go_backwards=True)
    assert run(bi(layer, merge_mode="ave", backward=same, units=4), x) == [shape(4)]
    # inconsistent flags: Keras refuses the layer itself
    back = layer("LSTM", units=4, go_backwards=True, return_sequences=True)
    assert run(bi(layer, backward=back, units=4), x) == [U]
    # unreadable backward layer: sizes unknown, number of states unknown
    assert run(bi(layer, backward=UNKNOWN, units=4), x) == [shape(None)]
    assert run(bi(layer, backward=UNKNOWN, units=4, return_state=True), x) == [U]


def test_bidirectional_rank_and_unknowns(layer, shape, run):
    with pytest.raises(ShapeProblem) as info:
        run(bi(layer, units=4), shape(64))
    assert info.value.kind is ProblemKind.RANK
    assert info.value.expected_rank == 3
    assert run(bi(layer, units=4), U) == [shape(8)]
    assert run(layer("Bidirectional", layer=UNKNOWN), shape(10, 8)) == [U]
    assert run(layer("Bidirectional", layer=layer("Dense", units=3)), shape(10, 8)) == [U]
    assert run(bi(layer, merge_mode="bogus", units=4), shape(10, 8)) == [U]
    assert run(bi(layer, merge_mode=UNKNOWN, units=4), shape(10, 8)) == [U]
    assert run(bi(layer, units=4, return_sequences=Sym("f")), shape(10, 8)) == [U]


@pytest.mark.parametrize(
    ("kind", "count", "ok"),
    [
        ("LSTM", 4, True),
        ("LSTM", 2, False),
        ("LSTM", 3, False),
        ("LSTM", 5, False),
        ("GRU", 2, True),
        ("GRU", 3, True),
        ("GRU", 4, True),
        ("GRU", 1, False),
        ("SimpleRNN", 2, True),
        ("SimpleRNN", 3, False),
    ],
)
def test_bidirectional_state_count(layer, shape, run, kind, count, ok):
    b = bi(layer, kind, units=4)
    states = (shape(4),) * count
    if ok:
        assert run(b, shape(10, 8), states=states) == [shape(8)]
        return
    with pytest.raises(ShapeProblem) as info:
        run(b, shape(10, 8), states=states)
    assert info.value.kind is ProblemKind.STATE_COUNT


def test_bidirectional_state_size(layer, shape, run):
    b = bi(layer, units=4)
    with pytest.raises(ShapeProblem) as info:
        run(b, shape(10, 8), states=(shape(4), shape(4), shape(5), shape(4)))
    assert info.value.kind is ProblemKind.STATE_SIZE
    assert info.value.input_index == 2
    back = layer("LSTM", units=6, go_backwards=True)
    b = bi(layer, backward=back, units=4)
    assert run(b, shape(10, 8), states=(shape(4), shape(4), shape(6), shape(6))) == [shape(10)]
    with pytest.raises(ShapeProblem) as info:
        run(b, shape(10, 8), states=(shape(4), shape(4), shape(4), shape(6)))
    assert info.value.input_index == 2

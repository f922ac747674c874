"""RNN over cells, the cells called directly, and Bidirectional over an RNN (proven against
Keras in tests/catalogue: RNN, LSTMCell, GRUCell, SimpleRNNCell, StackedRNNCells)."""

from __future__ import annotations

import pytest

from seqlint.dims import NONE, UNKNOWN, Shape
from seqlint.shapes.catalogue import Trait, count_params, spec
from seqlint.shapes.problems import ProblemKind, ShapeProblem

U = Shape.unknown()


def test_rnn_over_one_cell(layer, shape, run):
    x = shape(20, 8)
    lstm = layer("LSTMCell", units=4)
    assert run(layer("RNN", cell=lstm), x) == [shape(4)]
    assert run(layer("RNN", cell=lstm, return_sequences=True, return_state=True), x) == [
        shape(20, 4),
        shape(4),
        shape(4),
    ]
    gru = layer("GRUCell", units=3)
    assert run(layer("RNN", cell=gru, return_state=True, go_backwards=True), x) == [
        shape(3),
        shape(3),
    ]
    assert count_params(layer("RNN", cell=lstm), (x,)) == 4 * 4 * (8 + 4 + 1)


def test_rnn_over_a_stack_returns_one_output_per_cell(layer, shape, run):
    """A stacked LSTMCell's states are the list [h, c]: one output seqlint leaves unknown."""
    cells = [layer("LSTMCell", units=4), layer("GRUCell", units=3, reset_after=False)]
    x = shape(20, 8)
    for cell in (cells, layer("StackedRNNCells", cells=cells)):
        rnn = layer("RNN", cell=cell, return_state=True)
        assert run(rnn, x) == [shape(3), U, shape(3)]
        assert count_params(rnn, (x,)) == 4 * 4 * (8 + 4 + 1) + 3 * 3 * (4 + 3 + 1)


def test_rnn_needs_a_sequence(layer, shape, run):
    rnn = layer("RNN", cell=layer("SimpleRNNCell", units=4))
    for dims in ((8,), (5, 6, 8)):  # Keras: undefined kernel at build / fails when it runs
        with pytest.raises(ShapeProblem) as info:
            run(rnn, shape(*dims))
        assert info.value.kind is ProblemKind.RANK and info.value.expected_rank == 3
    with pytest.raises(ShapeProblem) as info:
        run(rnn, shape(5, NONE))
    assert info.value.kind is ProblemKind.UNDEFINED_AXIS and info.value.axis == 2
    assert spec("RNN").has(Trait.RECURRENT) and spec("RNN").has(Trait.NEEDS_TIME_AXIS)


def test_rnn_unknown_cell_or_flags(layer, shape, run):
    x = shape(20, 8)
    assert run(layer("RNN", cell=layer("MyCell", units=4)), x) == [U]
    assert run(layer("RNN", cell=[]), x) == [U]
    assert run(layer("RNN", cell=layer("LSTMCell", units=4), return_sequences=UNKNOWN), x) == [U]


@pytest.mark.parametrize(
    ("cell", "sizes", "kind", "index"),
    [
        ("LSTMCell", (4,), ProblemKind.STATE_COUNT, None),
        ("LSTMCell", (4, 4, 4), ProblemKind.STATE_COUNT, None),
        ("GRUCell", (4, 4), ProblemKind.STATE_COUNT, None),  # unlike the GRU layer
        ("LSTMCell", (4, 1), ProblemKind.STATE_SIZE, 1),  # c does not broadcast in the loop
        ("SimpleRNNCell", (5,), ProblemKind.STATE_SIZE, 0),
    ],
)
def test_rnn_initial_state(layer, shape, run, cell, sizes, kind, index):
    rnn = layer("RNN", cell=layer(cell, units=4))
    with pytest.raises(ShapeProblem) as info:
        run(rnn, shape(10, 8), states=tuple(shape(s) for s in sizes))
    assert info.value.kind is kind and info.value.input_index == index


def test_rnn_initial_state_of_a_stack_and_unknown_states(layer, shape, run):
    """Over a stack each cell gets its entry of initial_state: an LSTMCell given one tensor
    (not its [h, c] list, which the frontend passes as a state of unknown rank) fails."""
    stack = layer("RNN", cell=[layer("LSTMCell", units=4), layer("GRUCell", units=2)])
    with pytest.raises(ShapeProblem) as info:
        run(stack, shape(10, 8), states=(shape(4),))
    assert info.value.kind is ProblemKind.STATE_COUNT and info.value.input_index == 0
    assert run(stack, shape(10, 8), states=(U, shape(2))) == [shape(2)]
    grus = layer("RNN", cell=[layer("GRUCell", units=4), layer("GRUCell", units=2)])
    assert run(grus, shape(10, 8), states=(shape(4), shape(2))) == [shape(2)]
    one = layer("RNN", cell=[layer("LSTMCell", units=4)], return_state=True)  # still a stack
    assert run(one, shape(10, 8), states=(U,)) == [shape(4), U]
    rnn = layer("RNN", cell=layer("LSTMCell", units=4))
    assert run(rnn, shape(10, 8), states=(U,)) == [shape(4)]
    assert run(rnn, shape(10, 8), states=(shape(4), shape(4))) == [shape(4)]


def test_cell_called_directly(layer, shape, run):
    """``cell(inputs, states)``: the output, and the list of new states (unknown)."""
    lstm = layer("LSTMCell", units=4)
    assert run(lstm, shape(8), states=(shape(4), shape(1))) == [shape(4), U]  # c broadcasts
    assert run(lstm, shape(8)) == [shape(4), U]  # no states given: not checked
    assert run(layer("GRUCell", units=4), shape(3, 8)) == [U, U]  # Keras runs it, rank 3
    with pytest.raises(ShapeProblem) as info:
        run(lstm, shape(3, 8))  # the fused gates are split on the steps
    assert info.value.kind is ProblemKind.RANK
    assert run(layer("LSTMCell", units=4, implementation=1), shape(3, 8)) == [U, U]
    with pytest.raises(ShapeProblem) as info:
        run(lstm, shape(8), states=(shape(4),))
    assert info.value.kind is ProblemKind.STATE_COUNT
    with pytest.raises(ShapeProblem) as info:
        run(layer("GRUCell", units=4), shape(8), states=(shape(5),))
    assert info.value.kind is ProblemKind.STATE_SIZE
    with pytest.raises(ShapeProblem) as info:
        run(layer("SimpleRNNCell", units=4), shape(NONE))
    assert info.value.kind is ProblemKind.UNDEFINED_AXIS
    stack = layer("StackedRNNCells", cells=[lstm, layer("SimpleRNNCell", units=2)])
    assert run(stack, shape(8), states=(U, U)) == [shape(2), U]
    assert count_params(stack, (shape(8),)) == 4 * 4 * 13 + 2 * 7


@pytest.mark.parametrize(
    ("kind", "h", "fails"),
    [
        ("LSTMCell", (NONE, 4), True),
        ("LSTMCell", (7, 4), True),
        ("GRUCell", (NONE, 4), True),
        ("GRUCell", (), True),
        ("SimpleRNNCell", (NONE, 4), False),
        ("SimpleRNNCell", (), False),
    ],
)
def test_cell_state_of_another_rank(layer, shape, run, kind, h, fails):
    """A state ``h`` of rank 3 (or 1, the batch axis alone) fails in an LSTMCell or GRUCell
    called directly; a SimpleRNNCell broadcasts it."""
    cell = layer(kind, units=4)
    states = (shape(*h), shape(4)) if kind == "LSTMCell" else (shape(*h),)
    if not fails:  # it broadcasts: the output takes the state's rank
        assert run(cell, shape(8), states=states) == [U, U]
        return
    with pytest.raises(ShapeProblem) as info:
        run(cell, shape(8), states=states)
    assert info.value.kind is ProblemKind.STATE_SIZE and info.value.input_index == 0


def test_bidirectional_over_rnn(layer, shape, run):
    rnn = layer("RNN", cell=layer("LSTMCell", units=4), return_state=True)
    x = shape(20, 8)
    assert run(layer("Bidirectional", layer=rnn), x) == [shape(8)] + [shape(4)] * 4
    stack = layer("RNN", cell=[layer("LSTMCell", units=4), layer("GRUCell", units=3)])
    stacked = layer("Bidirectional", layer=stack, merge_mode="sum")
    assert run(stacked, x) == [shape(3)]
    assert count_params(stacked, (x,)) == 2 * count_params(stack, (x,))
    # each direction gets its half of the initial states
    with pytest.raises(ShapeProblem) as info:
        run(layer("Bidirectional", layer=rnn), x, states=(shape(4),) * 3)
    assert info.value.kind is ProblemKind.STATE_COUNT
    assert "the forward RNN" in info.value.message
    with pytest.raises(ShapeProblem) as info:
        run(layer("Bidirectional", layer=rnn), x, states=(shape(4),) * 3 + (shape(5),))
    assert info.value.kind is ProblemKind.STATE_SIZE and info.value.input_index == 3


def test_bidirectional_refuses_what_keras_refuses(layer, shape, run):
    x = shape(20, 8)
    backwards = layer("RNN", cell=layer("GRUCell", units=4), go_backwards=True)
    assert run(layer("Bidirectional", layer=backwards), x) == [U]  # refused at construction
    stateful = layer("LSTM", units=4, stateful=True, return_state=True)
    with pytest.raises(ShapeProblem) as info:  # Keras 3.15's compute_mask fails
        run(layer("Bidirectional", layer=stateful), x)
    assert info.value.kind is ProblemKind.LAYER_CONFIG

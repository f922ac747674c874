"""A model used as a layer: Keras's rank adjustment at its input, then its layers in order."""

from __future__ import annotations

from seqlint.dims import Shape

U = Shape.unknown()


def model(layer, kind, *chain, declared=None):
    return layer(kind, layers=tuple(chain), declared=declared)


def test_model_input_adjusts_the_rank_by_one_trailing_axis_of_1(layer, shape, run):
    declared = layer("Input", shape=(10, 1))
    entry = layer("ModelInput", declared=declared)
    assert run(entry, shape(10, 1)) == [shape(10, 1)]
    assert run(entry, shape(10)) == [shape(10, 1)]  # expanded
    assert run(entry, shape(10, 1, 1)) == [shape(10, 1)]  # squeezed
    assert run(entry, shape(10, 3, 2)) == [U]  # Keras raises: not a rank this models
    assert run(layer("ModelInput", declared=layer("Input", shape=(10, 4))), shape(10)) == [U]


def test_chain_of_layers_per_step(layer, shape, run):
    frame = model(
        layer,
        "Sequential",
        layer("Dense", units=4),
        layer("Dense", units=2),
        declared=layer("Input", shape=(8,)),
    )
    assert run(frame, shape(8)) == [shape(2)]
    assert run(layer("TimeDistributed", layer=frame), shape(5, 8)) == [shape(5, 2)]


def test_unknown_when_a_layer_is_unmodelled_fails_or_there_is_no_chain(layer, shape, run):
    opaque = model(layer, "Functional", layer("Dense", units=4), layer("Mystery"))
    assert run(opaque, shape(8)) == [U]
    failing = model(layer, "Sequential", layer("LSTM", units=4))
    assert run(failing, shape(8)) == [U]  # reported at the model's own nodes, not here
    assert run(layer("Functional"), shape(8)) == [U]

"""Functional graphs: layer calls, shared layers, merges, states, models."""

from seqlint.ir import TensorRef
from tests.frontend.support import ir_of

HEADER = """
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.layers import LSTM, Dense, Input, Concatenate
from tensorflow.keras.models import Model
"""


def test_layer_calls_chain_nodes() -> None:
    ir = ir_of(
        HEADER
        + """
inp = Input(shape=(20, 8))
x = LSTM(64, return_sequences=True)(inp)
out = Dense(1)(x)
model = Model(inputs=inp, outputs=out)
"""
    )
    inp, lstm, dense = ir.nodes
    assert (inp.layer.kind, inp.declared_by, inp.inputs) == ("Input", "Input", ())
    assert inp.layer.config == {"shape": (20, 8)}
    assert lstm.inputs == (TensorRef(0),)
    assert dense.inputs == (TensorRef(1, None),)
    (model,) = ir.models
    assert (model.kind, model.inputs, model.outputs, model.name) == (
        "functional",
        TensorRef(0),
        TensorRef(2, None),
        "model",
    )


def test_a_shared_layer_is_one_layer_object_with_one_node_per_call() -> None:
    ir = ir_of(
        HEADER
        + """
a = Input(shape=(5, 3))
b = Input(shape=(5, 3))
shared = LSTM(16)
ea = shared(a)
eb = shared(b)
"""
    )
    first, second = ir.nodes[2], ir.nodes[3]
    assert first.layer is second.layer
    assert first.inputs == (TensorRef(0),)
    assert second.inputs == (TensorRef(1),)
    assert first.loc.span.line != second.loc.span.line  # each node is located at its call


def test_merge_layers_take_their_inputs_as_a_list() -> None:
    ir = ir_of(
        HEADER
        + """
a = Input(shape=(4,))
b = Input(shape=(6,))
merged = Concatenate(axis=-1)([a, b])
single = Dense(3)([a])
"""
    )
    merged, single = ir.nodes[2], ir.nodes[3]
    assert merged.as_list and merged.inputs == (TensorRef(0), TensorRef(1))
    assert merged.layer.config == {"axis": -1}
    assert single.as_list and single.inputs == (TensorRef(0),)


def test_return_state_unpacking_indexes_the_outputs() -> None:
    ir = ir_of(
        HEADER
        + """
enc_in = Input(shape=(None, 10))
enc_out, state_h, state_c = LSTM(32, return_state=True)(enc_in)
dec_in = Input(shape=(None, 12))
dec_out, _, _ = LSTM(32, return_sequences=True, return_state=True)(
    dec_in, initial_state=[state_h, state_c])
dense = Dense(12)(dec_out)
"""
    )
    encoder, decoder, dense = ir.nodes[1], ir.nodes[3], ir.nodes[4]
    assert decoder.state_inputs == (TensorRef(encoder.id, 1), TensorRef(encoder.id, 2))
    assert dense.inputs == (TensorRef(decoder.id, 0),)


def test_initial_state_from_a_list_variable() -> None:
    ir = ir_of(
        HEADER
        + """
enc = LSTM(32, return_state=True)
outputs = enc(Input(shape=(None, 10)))
states = outputs[1:]
whole = Dense(2)(outputs)
first = outputs[1]
dec = LSTM(32)(Input(shape=(None, 4)), initial_state=states)
gru_out, gru_h = layers.GRU(8, return_state=True)(Input(shape=(3, 2)), initial_state=first)
"""
    )
    encoder = ir.nodes[1]
    whole = ir.nodes[2]
    decoder = ir.nodes[4]
    gru = ir.nodes[6]
    assert decoder.state_inputs == (TensorRef(encoder.id, 1), TensorRef(encoder.id, 2))
    assert whole.inputs == (TensorRef(encoder.id, None),)
    assert gru.state_inputs == (TensorRef(encoder.id, 1),)


def test_bidirectional_with_states_has_five_outputs() -> None:
    ir = ir_of(
        HEADER
        + """
outputs = layers.Bidirectional(LSTM(8, return_state=True))(Input(shape=(5, 3)))
states = outputs[1:]
"""
        + "probe = Concatenate()(list(states))\n"
    )
    concat = ir.nodes[-1]
    assert concat.inputs == tuple(TensorRef(1, i) for i in range(1, 5))


def test_model_keeps_the_structure_of_its_inputs_and_outputs() -> None:
    ir = ir_of(
        HEADER
        + """
a = Input(shape=(3,))
b = Input(shape=(4,))
x = Concatenate()([a, b])
y1 = Dense(1, name="price")(x)
y2 = Dense(5, name="kind")(x)
m1 = Model([a, b], [y1, y2])
m2 = keras.Model(inputs={"a": a, "b": b}, outputs={"price": y1, "kind": y2})
m3 = Model((a, b), (y1, tf.nn.softmax(y2)))
"""
    )
    m1, m2, m3 = ir.models
    assert m1.inputs == [TensorRef(0), TensorRef(1)]
    assert m1.outputs == [TensorRef(3, None), TensorRef(4, None)]
    assert m2.inputs == {"a": TensorRef(0), "b": TensorRef(1)}
    assert m2.outputs == {"price": TensorRef(3, None), "kind": TensorRef(4, None)}
    assert m3.outputs[0] == TensorRef(3, None)
    assert str(m3.outputs[1]) == "?"


def test_tensors_from_unknown_places_are_opaque_nodes_shared_by_name() -> None:
    ir = ir_of(
        HEADER
        + """
import tensorflow as tf
def head(features, units=3):
    a = Dense(units)(features)
    b = Dense(units)(features)
    return a, b
c = Dense(2)(tf.reduce_mean(x, axis=1))
"""
    )
    opaque_c, dense_c, opaque, dense_a, dense_b = ir.nodes  # uncalled functions run last
    assert (opaque.layer.kind, opaque.inputs, opaque.layer.label) == ("", (), "features")
    assert dense_a.inputs == dense_b.inputs == (TensorRef(opaque.id, None),)
    assert opaque_c.layer.label == "tf.reduce_mean(x, axis=1)"
    assert dense_c.inputs == (TensorRef(opaque_c.id, None),)


def test_call_keywords_other_than_initial_state_are_ignored() -> None:
    ir = ir_of(
        HEADER
        + """
inp = Input(shape=(3, 2))
x = layers.Dropout(0.5)(inp, training=True)
y = LSTM(4)(inputs=x, mask=None)
"""
    )
    assert ir.nodes[2].inputs == (TensorRef(1, None),)
    assert ir.nodes[1].layer.config == {"rate": 0.5}


def test_wrappers_hold_their_inner_layer() -> None:
    ir = ir_of(
        HEADER
        + """
x = Input(shape=(10, 4))
y = layers.TimeDistributed(Dense(3))(x)
z = layers.Bidirectional(LSTM(5, return_sequences=True), merge_mode="sum")(y)
"""
    )
    time_distributed, bidirectional = ir.nodes[1].layer, ir.nodes[2].layer
    assert time_distributed.config["layer"].kind == "Dense"
    assert time_distributed.config["layer"].config == {"units": 3}
    assert bidirectional.config["merge_mode"] == "sum"
    assert bidirectional.label == "Bidirectional(LSTM(5, return_sequences=True), merge_mode=..."


def test_functional_model_used_as_a_layer_applies_its_own_nodes_again() -> None:
    ir = ir_of(
        HEADER
        + """
i = Input(shape=(3,))
encoder = Model(i, Dense(2)(i))
j = Input(shape=(3,))
k = encoder(j)
"""
    )
    entry, dense = ir.nodes[3], ir.nodes[4]
    assert (entry.layer.kind, entry.inputs) == ("ModelInput", (TensorRef(2),))
    assert entry.layer.config["declared"] is ir.nodes[0].layer
    assert dense.layer is ir.nodes[1].layer  # the same layer object, applied again
    assert dense.inputs == (TensorRef(3, 0),)
    assert len(ir.nodes) == 5


def test_functional_model_called_with_other_arguments_is_opaque() -> None:
    ir = ir_of(
        HEADER
        + """
i = Input(shape=(3,))
encoder = Model(i, Dense(2)(i))
j = Input(shape=(3,))
k = encoder(j, mask=m)
"""
    )
    call = ir.nodes[-1]
    assert (call.layer.kind, call.layer.label) == ("Functional", "encoder")
    assert call.inputs == (TensorRef(2),)


def test_unknown_keyword_expansion_makes_the_layer_opaque() -> None:
    ir = ir_of(
        HEADER
        + """
x = LSTM(4, **options)(Input(shape=(3, 2)))
y = LSTM(4, **{"return_sequences": True})(x)
"""
    )
    assert ir.nodes[1].layer.kind == ""
    assert ir.nodes[2].layer.config == {"units": 4, "return_sequences": True}

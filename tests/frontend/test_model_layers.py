"""Models as layer objects, multi-tensor layer calls: attention arguments, RNN states."""

from seqlint.ir import TensorRef
from tests.frontend.support import ir_of

HEADER = """
from tensorflow import keras
from tensorflow.keras import layers
"""


def test_a_sequential_model_as_a_layer_object_carries_its_layers_and_input() -> None:
    ir = ir_of(
        HEADER
        + """
frame = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4), layers.Dense(2)])
clips = keras.Input(shape=(5, 8))
per_step = layers.TimeDistributed(frame)(clips)
"""
    )
    inner = ir.nodes[-1].layer.config["layer"]
    assert (inner.kind, inner.label) == ("Sequential", "frame")
    assert [layer.get("units") for layer in inner.config["layers"]] == [4, 2]
    assert inner.config["declared"].config == {"shape": (8,)}


def test_a_functional_model_as_a_layer_object_carries_its_chain() -> None:
    ir = ir_of(
        HEADER
        + """
i = keras.Input(shape=(8,))
chain = keras.Model(i, layers.Dense(2)(layers.Dense(4)(i)))
a = keras.Input(shape=(8,))
b = keras.Input(shape=(3,))
branches = keras.Model([a, b], layers.Concatenate()([a, b]))
clips = keras.Input(shape=(5, 8))
x = layers.TimeDistributed(chain)(clips)
y = layers.TimeDistributed(branches)(clips)
"""
    )
    first, second = (n.layer.config["layer"] for n in ir.nodes if n.layer.kind == "TimeDistributed")
    assert first.kind == "Functional"
    assert [layer.get("units") for layer in first.config["layers"]] == [4, 2]
    assert first.config["declared"].config == {"shape": (8,)}
    assert (second.kind, second.config) == ("Functional", {})  # not one chain: unmodelled


def test_multi_head_attention_takes_query_value_and_key() -> None:
    ir = ir_of(
        HEADER
        + """
q = keras.Input(shape=(5, 16))
v = keras.Input(shape=(9, 16))
mha = layers.MultiHeadAttention(num_heads=2, key_dim=8)
a = mha(q, v)
b = mha(query=q, value=v, key=v)
c, scores = mha(q, v, return_attention_scores=True)
d = mha(q)
"""
    )
    a, b, c = ir.nodes[2], ir.nodes[3], ir.nodes[4]
    assert a.inputs == (TensorRef(0), TensorRef(1)) and not a.as_list
    assert b.inputs == (TensorRef(0), TensorRef(1), TensorRef(1))
    assert a.layer is b.layer
    assert c.layer.config["return_attention_scores"] is True
    assert c.layer.config["num_heads"] == 2
    assert "return_attention_scores" not in a.layer.config
    assert len(ir.nodes) == 5  # mha(q) without a value: unknown, no node


def test_attention_scores_and_gru_simple_rnn_states_unpack() -> None:
    ir = ir_of(
        HEADER
        + """
q = keras.Input(shape=(5, 4))
v = keras.Input(shape=(9, 4))
out, scores = layers.Attention()([q, v], return_attention_scores=True)
g_out, g_h = layers.GRU(3, return_state=True)(v)
s_out, s_h = layers.SimpleRNN(3, return_state=True)(v)
bad_out, bad_h, bad_c = layers.GRU(3, return_state=True)(v)
dec = layers.GRU(3)(q, initial_state=g_h)
dec2 = layers.SimpleRNN(3)(q, initial_state=[s_h])
"""
    )
    attention, gru, rnn, bad = ir.nodes[2], ir.nodes[3], ir.nodes[4], ir.nodes[5]
    assert attention.layer.config == {"return_attention_scores": True}
    dec, dec2 = ir.nodes[6], ir.nodes[7]
    assert dec.state_inputs == (TensorRef(gru.id, 1),)
    assert dec2.state_inputs == (TensorRef(rnn.id, 1),)
    assert bad.layer.kind == "GRU"  # 3 names for 2 tensors: each name is unknown

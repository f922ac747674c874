"""Sequential models: the node chain, and what declared the input shape."""

from seqlint.dims import UNKNOWN, Sym
from seqlint.frontend.models import UNKNOWN_LAYERS
from seqlint.ir import ModuleIR, Node, TensorRef
from tests.frontend.support import chain, ir_of

HEADER = """
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.models import Sequential
"""


def sequential(body: str) -> tuple[ModuleIR, list[Node]]:
    """The IR and the chain of the single Sequential model of ``body``."""
    ir = ir_of(HEADER + body)
    (model,) = ir.models
    assert model.kind == "sequential"
    nodes = [ir.nodes[model.outputs.node_id]]
    while nodes[-1].inputs:
        nodes.append(ir.nodes[nodes[-1].inputs[0].node_id])
    nodes.reverse()
    assert model.inputs == TensorRef(nodes[0].id)
    assert model.outputs == TensorRef(nodes[-1].id, None)
    assert all(node.sequential for node in nodes)
    return ir, nodes


def test_list_form_chains_an_input_node_and_one_node_per_layer() -> None:
    _, nodes = sequential("""
model = Sequential([
    layers.Embedding(1000, 64, input_length=20),
    layers.LSTM(32, return_sequences=True),
    layers.Dense(5, activation="softmax"),
])
""")
    assert [n.layer.kind for n in nodes] == ["Input", "Embedding", "LSTM", "Dense"]
    assert nodes[0].layer.config == {}
    assert nodes[0].declared_by is None
    assert nodes[1].layer.config == {"input_dim": 1000, "output_dim": 64, "input_length": 20}
    assert nodes[2].layer.config == {"units": 32, "return_sequences": True}
    assert [n.id for n in nodes] == [0, 1, 2, 3]
    assert nodes[2].inputs == (TensorRef(1, None),)


def test_add_form_and_model_name() -> None:
    ir, nodes = sequential("""
model = Sequential()
model.add(layers.LSTM(64, input_shape=(10, 8)))
model.add(layers.Dense(1))
""")
    assert [n.layer.kind for n in nodes] == ["Input", "LSTM", "Dense"]
    assert ir.models[0].name == "model"


def test_layers_keyword() -> None:
    _, nodes = sequential("model = keras.Sequential(layers=[layers.Dense(2), layers.Dense(1)])")
    assert [n.layer.kind for n in nodes] == ["Input", "Dense", "Dense"]


def test_input_shape_on_first_layer_declares_the_input() -> None:
    _, nodes = sequential("m = Sequential([layers.LSTM(4, input_shape=(10, 8)), layers.Dense(1)])")
    assert nodes[0].layer.config == {"shape": (10, 8)}
    assert nodes[0].declared_by == "input_shape"
    assert nodes[0].layer.label == "input_shape=(10, 8)"


def test_input_shape_on_a_later_layer_is_ignored() -> None:
    _, nodes = sequential("m = Sequential([layers.Dense(4), layers.Dense(1, input_shape=(3,))])")
    assert nodes[0].declared_by is None
    assert nodes[0].layer.config == {}


def test_input_shape_keeps_a_shape_tuple() -> None:
    ir, nodes = sequential("""
X = np.zeros((100, 20, 3))
m = Sequential([layers.LSTM(4, input_shape=X.shape)])
""")
    shape = nodes[0].layer.config["shape"]
    assert shape.items == (100, 20, 3)
    assert shape.origin == "X.shape"


def test_input_dim_declares_a_one_axis_shape() -> None:
    _, nodes = sequential("m = Sequential([layers.Dense(4, input_dim=12)])")
    assert nodes[0].layer.config == {"shape": (12,)}
    assert nodes[0].declared_by == "input_dim"


def test_embedding_input_dim_is_its_vocabulary_not_a_declaration() -> None:
    _, nodes = sequential("m = Sequential([layers.Embedding(input_dim=5000, output_dim=8)])")
    assert nodes[0].declared_by is None


def test_batch_input_shape_declares_a_batch_shape() -> None:
    _, nodes = sequential(
        "m = Sequential([layers.LSTM(4, stateful=True, batch_input_shape=(32, 10, 8))])"
    )
    assert nodes[0].layer.config == {"batch_shape": (32, 10, 8)}
    assert nodes[0].declared_by == "batch_input_shape"


def test_input_first_is_the_input_node() -> None:
    _, nodes = sequential("m = Sequential([keras.Input(shape=(20, 3)), layers.LSTM(4)])")
    assert nodes[0].layer.kind == "Input"
    assert nodes[0].layer.config == {"shape": (20, 3)}
    assert nodes[0].declared_by == "Input"
    assert len(nodes) == 2


def test_input_added_first() -> None:
    _, nodes = sequential("""
m = Sequential()
m.add(keras.Input(shape=(20, 3)))
m.add(layers.LSTM(4))
""")
    assert [n.layer.kind for n in nodes] == ["Input", "LSTM"]
    assert nodes[0].declared_by == "Input"


def test_input_layer_first_normalises_legacy_keywords() -> None:
    _, nodes = sequential("""
m = Sequential([layers.InputLayer(input_shape=(20, 3)), layers.LSTM(4)])
""")
    assert [n.layer.kind for n in nodes] == ["Input", "LSTM"]
    assert nodes[0].layer.config == {"shape": (20, 3)}
    assert nodes[0].declared_by == "InputLayer"


def test_build_declares_a_batch_shape() -> None:
    _, nodes = sequential("""
m = Sequential([layers.LSTM(4), layers.Dense(1)])
m.build((None, 10, 8))
""")
    assert nodes[0].layer.config == {"batch_shape": (None, 10, 8)}
    assert nodes[0].declared_by == "build"
    assert nodes[0].id == 0  # the Input node stays first


def test_build_does_not_override_an_existing_declaration() -> None:
    _, nodes = sequential("""
m = Sequential([layers.LSTM(4, input_shape=(3, 2))])
m.build((None, 10, 8))
""")
    assert nodes[0].declared_by == "input_shape"


def test_undeclared_input_is_located_at_the_sequential_call() -> None:
    ir, nodes = sequential("m = Sequential([layers.Dense(1)])")
    assert nodes[0].loc.span == ir.models[0].loc.span


def test_empty_sequential_still_has_an_input_node() -> None:
    _, nodes = sequential("m = Sequential()")
    assert [n.layer.kind for n in nodes] == ["Input"]


def test_add_in_a_loop_makes_the_rest_unknown() -> None:
    _, nodes = sequential("""
m = Sequential([layers.Input((10, 4))])
for units in sizes:
    m.add(layers.LSTM(units, return_sequences=True))
m.add(layers.Dense(1))
""")
    assert [n.layer.kind for n in nodes] == ["Input", "", "Dense"]
    assert nodes[1].layer.label == UNKNOWN_LAYERS
    assert nodes[1].layer.config == {}


def test_add_in_a_branch_or_an_except_handler_is_opaque() -> None:
    _, nodes = sequential("""
m = Sequential([layers.Dense(4, input_dim=3)])
if use_dropout:
    m.add(layers.Dropout(0.5))
try:
    m.add(layers.Dense(2))
except ValueError:
    m.add(layers.Dense(7))
""")
    assert [n.layer.kind for n in nodes] == ["Input", "Dense", "", "Dense", ""]


def test_model_built_inside_a_branch_is_straight_line_within_it() -> None:
    _, nodes = sequential("""
if kind == "lstm":
    m = Sequential()
    m.add(layers.LSTM(4, input_shape=(10, 8)))
    m.add(layers.Dense(1))
""")
    assert [n.layer.kind for n in nodes] == ["Input", "LSTM", "Dense"]
    assert nodes[0].declared_by == "input_shape"


def test_pop_and_unknown_functions_make_the_rest_unknown() -> None:
    _, nodes = sequential("""
m = Sequential([layers.Dense(4), layers.Dense(3)])
m.pop()
m.add(layers.Dense(2))
customise(m)
m.add(layers.Dense(1))
""")
    assert [n.layer.kind for n in nodes] == ["Input", "Dense", "Dense", "", "Dense", "", "Dense"]


def test_methods_and_keras_utilities_leave_the_model_alone() -> None:
    _, nodes = sequential("""
m = Sequential([layers.Dense(4, input_dim=3)])
m.compile(optimizer="adam", loss="mse")
m.summary()
print(m)
keras.utils.plot_model(m)
m.add(layers.Dense(1))
""")
    assert [n.layer.kind for n in nodes] == ["Input", "Dense", "Dense"]


def test_nested_sequential_is_inlined_with_its_declaration() -> None:
    ir = ir_of(
        HEADER
        + """
encoder = Sequential([layers.Input((10, 8)), layers.LSTM(16)])
model = Sequential([encoder, layers.RepeatVector(10), layers.LSTM(8, return_sequences=True)])
"""
    )
    outer = ir.models[1]
    assert chain(ir, ir.node(outer.outputs)) == ["Input", "LSTM", "RepeatVector", "LSTM"]
    assert ir.node(outer.inputs).layer.config == {"shape": (10, 8)}
    assert ir.node(outer.inputs).id != ir.node(ir.models[0].inputs).id


def test_sequential_called_on_a_tensor_applies_its_layers_to_it() -> None:
    ir = ir_of(
        HEADER
        + """
head = Sequential([layers.Dense(8), layers.Dense(1)])
inp = keras.Input(shape=(20, 4))
out = head(inp)
model = keras.Model(inp, out)
"""
    )
    functional = ir.models[1]
    last = ir.node(functional.outputs)
    assert chain(ir, last) == ["Input", "Dense", "Dense"]
    assert ir.nodes[last.inputs[0].node_id].inputs == (TensorRef(functional.inputs.node_id),)


def test_symbolic_sizes_stay_symbols_but_never_where_a_bool_or_shape_is_expected() -> None:
    _, nodes = sequential("""
def build(units, flag, shape):
    return Sequential([layers.LSTM(units, return_sequences=flag, input_shape=shape)])
""")
    lstm = nodes[1].layer
    assert lstm.config["units"] == Sym("units")
    assert lstm.config["return_sequences"] is UNKNOWN
    assert nodes[0].layer.config == {"shape": UNKNOWN}

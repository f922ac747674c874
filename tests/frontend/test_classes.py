"""Subclassed models and layers: __init__ per call site, call() on the model's input."""

from seqlint.dims import UNKNOWN
from seqlint.ir import ModuleIR, Node, TensorRef
from tests.frontend.support import chain, ir_of

HEADER = """
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
"""

STACK = (
    HEADER
    + """
class Tagger(keras.Model):
    def __init__(self, units=8, n_tags=5, **kwargs):
        super().__init__(**kwargs)
        self.lstm = layers.LSTM(units, return_sequences=True)
        self.head = layers.Dense(n_tags, activation="softmax")

    def call(self, inputs, training=None):
        x = self.lstm(inputs)
        return self.head(x)
"""
)


def output_chain(ir: ModuleIR, index: int = 0) -> list[Node]:
    node = ir.node(ir.models[index].outputs)
    nodes = [node]
    while node.inputs:
        node = ir.nodes[node.inputs[0].node_id]
        nodes.append(node)
    return nodes[::-1]


def test_the_graph_is_what_call_builds_on_an_input_shaped_like_the_fit_data() -> None:
    ir = ir_of(
        STACK
        + """
X = np.zeros((32, 20, 6))
model = Tagger(units=16)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X, np.zeros((32, 20)))
"""
    )
    (model,) = ir.models
    assert (model.kind, model.name) == ("subclassed", "model")
    nodes = output_chain(ir)
    assert [n.layer.kind for n in nodes] == ["Input", "LSTM", "Dense"]
    assert nodes[0].layer.config == {"batch_shape": (None, 20, 6)}
    assert nodes[0].declared_by == "data"
    assert model.inputs == TensorRef(nodes[0].id)
    assert nodes[1].layer.config == {"units": 16, "return_sequences": True}
    assert nodes[2].layer.config == {"units": 5, "activation": "softmax"}
    assert [(c.method, c.model) for c in ir.training] == [("compile", model), ("fit", model)]


def test_constructor_arguments_bind_per_call_site() -> None:
    ir = ir_of(
        STACK
        + """
small = Tagger(4, n_tags=3)
big = Tagger(units=64)
small.build((None, 10, 2))
big.build((None, 30, 7))
"""
    )
    small, big = ir.models
    assert output_chain(ir, 0)[1].layer.config["units"] == 4
    assert output_chain(ir, 0)[2].layer.config["units"] == 3
    assert output_chain(ir, 1)[1].layer.config["units"] == 64
    first, second = output_chain(ir, 0)[0], output_chain(ir, 1)[0]
    assert (first.layer.config, first.declared_by) == ({"batch_shape": (None, 10, 2)}, "build")
    assert second.layer.config == {"batch_shape": (None, 30, 7)}


def test_fit_data_wins_over_build_and_a_first_call_on_data_builds_too() -> None:
    ir = ir_of(
        STACK
        + """
a = Tagger()
a.build((None, 10, 2))
a.fit(np.zeros((8, 12, 3)), np.zeros((8, 12)))
b = Tagger()
b(np.zeros((1, 5, 9)))
"""
    )
    assert output_chain(ir, 0)[0].layer.config == {"batch_shape": (None, 12, 3)}
    assert output_chain(ir, 1)[0].layer.config == {"batch_shape": (None, 5, 9)}


def test_a_model_never_given_an_input_shape_is_built_on_an_undeclared_input() -> None:
    ir = ir_of(STACK + "model = Tagger()\n")
    nodes = output_chain(ir)
    assert [n.layer.kind for n in nodes] == ["Input", "LSTM", "Dense"]
    assert (nodes[0].layer.config, nodes[0].declared_by) == ({}, None)


def test_lists_of_layers_and_loops_over_them_are_followed() -> None:
    ir = ir_of(
        HEADER
        + """
class Stack(keras.Model):
    def __init__(self, sizes=(8, 4), depth=2):
        super().__init__()
        self.blocks = [layers.LSTM(u, return_sequences=True) for u in sizes]
        self.extra = []
        for i in range(depth):
            self.extra.append(layers.Dense(3 + i))

    def call(self, x):
        for block in self.blocks:
            x = block(x)
        for layer in self.extra:
            x = layer(x)
        return x

model = Stack(sizes=(16, 8, 4))
model.build((None, 10, 2))
"""
    )
    nodes = output_chain(ir)
    assert [n.layer.kind for n in nodes] == ["Input", "LSTM", "LSTM", "LSTM", "Dense", "Dense"]
    assert [n.layer.get("units") for n in nodes[1:]] == [16, 8, 4, 3, 4]


def test_custom_layers_made_of_sublayers_join_the_graph_where_they_are_called() -> None:
    ir = ir_of(
        HEADER
        + """
class Encoder(layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.rnn = layers.GRU(units, return_sequences=True)
        self.norm = layers.LayerNormalization()

    def call(self, x):
        return self.norm(self.rnn(x))

inp = keras.Input(shape=(12, 3))
x = Encoder(32)(inp)
out = layers.Dense(1)(x)
model = keras.Model(inp, out)
"""
    )
    (model,) = ir.models
    assert chain(ir, ir.node(model.outputs)) == ["Input", "GRU", "LayerNormalization", "Dense"]
    assert ir.nodes[1].layer.config == {"units": 32, "return_sequences": True}


def test_a_subclassed_model_called_on_a_tensor_contributes_its_call_graph() -> None:
    ir = ir_of(
        STACK
        + """
inp = keras.Input(shape=(7, 2))
tags = Tagger(units=3)(inp)
outer = keras.Model(inp, tags)
"""
    )
    outer = next(m for m in ir.models if m.kind == "functional")
    assert chain(ir, ir.node(outer.outputs)) == ["Input", "LSTM", "Dense"]
    assert ir.node(outer.outputs).inputs[0].node_id == 1


def test_user_class_inheritance_and_super_init() -> None:
    ir = ir_of(
        HEADER
        + """
class Base(keras.Model):
    def __init__(self, units):
        super().__init__()
        self.rnn = layers.LSTM(units)

    def call(self, x):
        return self.head(self.rnn(x))

class Regressor(Base):
    def __init__(self, units=6):
        super().__init__(units * 2)
        self.head = layers.Dense(1)

model = Regressor()
model.build((None, 4, 4))
"""
    )
    nodes = output_chain(ir)
    assert [n.layer.kind for n in nodes] == ["Input", "LSTM", "Dense"]
    assert nodes[1].layer.config == {"units": 12}


def test_unmodelled_operations_in_call_leave_the_output_unknown() -> None:
    ir = ir_of(
        HEADER
        + """
class Scaled(layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], 4))

    def call(self, x):
        return tf.signal.rfft(tf.matmul(x, self.w))

inp = keras.Input(shape=(5, 3))
y = Scaled()(inp)
model = keras.Model(inp, layers.LSTM(2)(y))
"""
    )
    kinds = [node.layer.kind for node in ir.nodes]
    assert kinds == ["Input", "Weight", "ops.matmul", "Scaled", "LSTM"]  # rfft: not modelled
    scaled = ir.nodes[3]
    assert scaled.inputs == (TensorRef(0),) and scaled.within is None
    assert ir.nodes[4].inputs == (TensorRef(3, None),)


def test_branches_on_training_make_what_they_assign_unknown() -> None:
    ir = ir_of(
        HEADER
        + """
class Noisy(keras.Model):
    def __init__(self):
        super().__init__()
        self.noise = layers.GaussianNoise(0.1)
        self.out = layers.Dense(1)

    def call(self, x, training=None):
        if training:
            x = self.noise(x)
        return self.out(x)

model = Noisy()
model.build((None, 3))
"""
    )
    dense = ir.node(ir.models[0].outputs)
    assert dense.layer.kind == "Dense"
    assert ir.nodes[dense.inputs[0].node_id].layer.kind == ""  # x is unknown: opaque


def test_classes_with_other_bases_stay_opaque_or_unknown() -> None:
    ir = ir_of(
        HEADER
        + """
class MyLSTM(layers.LSTM):
    def call(self, x):
        return x
class Loader(SomethingElse):
    def __init__(self):
        self.model = keras.Sequential([layers.Dense(1)])
inp = keras.Input(shape=(3, 2))
y = MyLSTM(4)(inp)
loader = Loader()
"""
    )
    assert ir.nodes[1].layer.kind == "MyLSTM"
    assert ir.nodes[1].layer.config == {}
    assert len(ir.models) == 0


def test_plain_classes_run_their_methods() -> None:
    ir = ir_of(
        HEADER
        + """
class Trainer:
    def __init__(self, model):
        self.model = model

    def train(self, x, y):
        self.model.fit(x, y, epochs=1)

net = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1)])
net.compile(optimizer="adam", loss="mse")
Trainer(net).train(np.zeros((2, 4)), np.zeros((2, 1)))
"""
    )
    assert [c.method for c in ir.training] == ["compile", "fit"]
    assert ir.training[1].args["x"].shape == (2, 4)


def test_an_attribute_set_in_an_uncertain_branch_is_unknown_afterwards() -> None:
    ir = ir_of(
        HEADER
        + """
class M(keras.Model):
    def __init__(self, deep):
        super().__init__()
        self.head = layers.Dense(1)
        if deep:
            self.head = layers.Dense(2)

    def call(self, x):
        return self.head(x)

model = M(flag)
model.build((None, 3))
"""
    )
    (model,) = ir.models
    output = ir.node(model.outputs)
    assert (output.layer.kind, output.inputs) == ("", ())  # call returned unknown: opaque
    assert model.outputs != UNKNOWN


def test_a_build_method_runs_before_the_first_call_with_the_input_shape() -> None:
    ir = ir_of(
        HEADER
        + """
class Head(keras.Model):
    def build(self, input_shape):
        self.rnn = layers.LSTM(input_shape[-1] * 2)
        self.out = layers.Dense(1)

    def call(self, x):
        return self.out(self.rnn(x))

model = Head()
model.fit(np.zeros((4, 6, 3)), np.zeros((4, 1)))
"""
    )
    nodes = output_chain(ir)
    assert [n.layer.kind for n in nodes] == ["Input", "LSTM", "Dense"]
    assert nodes[1].layer.config == {"units": 6}


def test_super_init_with_inputs_and_outputs_makes_a_functional_model() -> None:
    ir = ir_of(
        HEADER
        + """
class Classifier(keras.Model):
    def __init__(self, steps, classes):
        inputs = keras.Input(shape=(steps, 4))
        x = layers.LSTM(8)(inputs)
        super().__init__(inputs=inputs, outputs=layers.Dense(classes)(x))

model = Classifier(12, 3)
model.compile(loss="mse")
inp = keras.Input(shape=(12, 4))
again = Classifier(12, 3)(inp)
"""
    )
    model = ir.models[0]
    assert (model.kind, model.name, len(ir.models)) == ("functional", "model", 2)
    assert chain(ir, ir.node(model.outputs)) == ["Input", "LSTM", "Dense"]
    assert ir.node(model.inputs).layer.config == {"shape": (12, 4)}
    assert chain(ir, ir.nodes[-1]) == ["Input", "ModelInput", "LSTM", "Dense"]


def test_keras_registration_keeps_the_class_other_decorators_make_it_opaque() -> None:
    ir = ir_of(
        HEADER
        + """
@keras.saving.register_keras_serializable(package="demo")
class Registered(layers.Layer):
    def call(self, x):
        return x

@some_decorator
class Decorated(layers.Layer):
    def call(self, x):
        return x

inp = keras.Input(shape=(3, 2))
a = Registered()(inp)
b = Decorated()(inp)
"""
    )
    # Registered's call is followed (it hands its input back: an Identity step of its own)
    assert [n.layer.kind for n in ir.nodes] == ["Input", "Identity", "Decorated"]
    assert ir.nodes[1].layer.label == "Registered()"


def test_windows_datasets_build_a_subclassed_model_from_one_batch() -> None:
    ir = ir_of(
        STACK
        + """
series = np.zeros((100, 4))
ds = keras.utils.timeseries_dataset_from_array(series, None, sequence_length=12)
model = Tagger()
model.fit(ds)
"""
    )
    assert output_chain(ir)[0].layer.config["batch_shape"][1:] == (12, 4)


def test_enumerate_and_zip_over_lists_of_layers_in_call() -> None:
    ir = ir_of(
        HEADER
        + """
class Stack(keras.Model):
    def __init__(self, sizes=(6, 5)):
        super().__init__()
        self.rnns = [layers.GRU(u, return_sequences=True) for u in sizes]
        self.norms = [layers.LayerNormalization() for _ in sizes]

    def call(self, x):
        for i, rnn in enumerate(self.rnns):
            x = rnn(x)
        for rnn, norm in zip(self.rnns, self.norms):
            x = norm(x)
        return x

model = Stack()
model.build((None, 7, 2))
"""
    )
    kinds = [n.layer.kind for n in output_chain(ir)]
    assert kinds == ["Input", "GRU", "GRU", "LayerNormalization", "LayerNormalization"]


def test_ops_called_with_other_arguments_keep_their_operand_s_shape():
    """``K.zeros_like(x)``, ``tf.cast(x, "float32")``, ``K.clip(x, 0, 1)`` inside a layer: the
    node's config holds the other arguments first, the shape is still the tensor's."""
    from seqlint.shapes.propagate import GraphShapes

    ir = ir_of(
        HEADER
        + """
from tensorflow.keras import backend as K

class Mixed(layers.Layer):
    def call(self, x):
        a = K.zeros_like(x[:, :, 0])
        b = tf.cast(x, "float32")
        c = K.clip(x, 0.0, 1.0)
        return a, b, c

inp = keras.Input(shape=(5, 3))
a, b, c = Mixed()(inp)
"""
    )
    shapes = GraphShapes(ir)
    found = {
        n.layer.kind: str(shapes.at(n).output(0))
        for n in ir.nodes
        if n.layer.kind in ("ops.zeros_like", "ops.cast", "ops.clip")
    }
    assert found == {
        "ops.zeros_like": "(batch, 5)",
        "ops.cast": "(batch, 5, 3)",
        "ops.clip": "(batch, 5, 3)",
    }


def test_tf_variables_made_in_init_are_the_layer_s_weights():
    """``tf.Variable(initial)`` in ``__init__`` (or ``build``) is a weight of the initial
    value's shape: an initializer called with a shape (Keras's or TensorFlow's), a numpy
    array, ``tf.zeros``/``tf.random.normal``; counted in the layer's parameters."""
    ir = ir_of(
        HEADER
        + """
glorot = tf.keras.initializers.GlorotUniform()

class Dense2(layers.Layer):
    def __init__(self, units, input_dim):
        super().__init__()
        w_init = tf.random_normal_initializer()
        self.w = tf.Variable(initial_value=w_init(shape=(input_dim, units), dtype="float32"))
        self.v = tf.Variable(glorot([input_dim, units]))
        self.a = tf.Variable(np.ones((units,), dtype="float32"))
        self.b = tf.Variable(tf.zeros((units,)), trainable=True)
        self.c = tf.Variable(tf.random.normal([units, 2]))
        self.unknown = tf.Variable(some_value)

    def call(self, x):
        return tf.matmul(x, self.w) + tf.matmul(x, self.v) + self.a + self.b

inp = keras.Input(shape=(3,))
y = Dense2(4, 3)(inp)
"""
    )
    weights = [n.layer.config["shape"] for n in ir.nodes if n.layer.kind == "Weight"]
    assert weights == [(3, 4), (3, 4), (4,), (4,), (4, 2)]
    (call,) = ir.layer_calls
    assert len(call.weights) == 5


def test_a_tf_variable_outside_a_layer_is_not_a_weight():
    ir = ir_of(HEADER + "\nv = tf.Variable(np.zeros((3, 4)))\n")
    assert not [n for n in ir.nodes if n.layer.kind == "Weight"]

"""Rules and their helpers accept unknown values: the crashes of issue 7 and their kin."""

from seqlint.dims import UNKNOWN, Sym
from seqlint.frontend import extract
from seqlint.ir import Model, TensorRef, tensor_refs
from seqlint.rulekit.base import RuleContext
from seqlint.rulekit.feeding import model_node_ids
from seqlint.shapes.propagate import GraphShapes
from tests.helpers import codes_and_lines, lint


def test_output_reassigned_in_a_loop_then_fitted():
    """Issue 7's repro: Keras trains it; seqlint cannot follow ``x`` and stays silent."""
    source = """\
        import numpy as np, keras
        from keras import layers
        inp = keras.Input(shape=(10, 4))
        x = layers.LSTM(8)(inp)
        for _ in range(2):
            x = layers.Dense(8)(x)
        model = keras.Model(inp, x)
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((4, 10, 4)), np.zeros((4, 8)), epochs=1, verbose=0)
        """
    assert lint(source) == []


def test_model_whose_output_is_a_constant():
    """Issue 7's second repro."""
    assert lint("import keras\nm = keras.Model(keras.Input((1,)), 0); m.fit(0, 0)\n") == []


def test_outputs_appended_in_a_loop_and_an_undefined_name():
    source = """\
        import numpy as np, keras
        from keras import layers
        inp = keras.Input(shape=(10, 4))
        h = layers.LSTM(8)(inp)
        outs = []
        for i in range(n_outputs):
            outs.append(layers.Dense(1)(h))
        model = keras.Model(inp, outs)
        model.compile(optimizer="adam", loss=["mse", "mse", "mse"])
        model.fit(np.zeros((4, 10, 4)), [np.zeros((4, 1)), np.zeros((4, 1))])
        other = keras.Model(inp, undefined_name)
        other.compile(optimizer="adam", loss="mse")
        other.fit(np.zeros((4, 10, 4)), np.zeros((4, 1)))
        """
    assert lint(source) == []


def test_unknown_outputs_do_not_hide_a_data_error_at_the_input():
    """The data misfits the declared input whatever the outputs are (proven in
    tests/keras/test_robust_keras.py)."""
    source = """\
        import numpy as np, keras
        from keras import layers
        inp = keras.Input(shape=(10, 4))
        x = layers.LSTM(8)(inp)
        for _ in range(2):
            x = layers.Dense(8)(x)
        model = keras.Model(inp, x)
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((4, 10, 3)), np.zeros((4, 8)), epochs=1, verbose=0)
        """
    assert codes_and_lines(source) == {("SL209", 9)}


def test_tensor_refs_of_partly_known_structures():
    a, b, c = TensorRef(0), TensorRef(1, None), TensorRef(2, 1)
    assert tensor_refs(a) == [a]
    assert tensor_refs(UNKNOWN) == []
    assert tensor_refs(None) == []
    assert tensor_refs(0) == []
    assert tensor_refs(Sym("n")) == []
    assert tensor_refs([a, UNKNOWN, {"k": b, "j": (c, "text")}]) == [a, b, c]


def test_tensor_refs_of_a_cyclic_list_is_bounded():
    cyclic: list = [TensorRef(0)]
    cyclic.append(cyclic)
    assert tensor_refs(cyclic) == [TensorRef(0)] * 16


def test_model_node_ids_follow_the_known_outputs_only():
    ir = extract(
        "import keras\nfrom keras import layers\ninp = keras.Input(shape=(3,))\n"
        "a = layers.Dense(2)(inp)\nb = layers.Dense(1)(a)\n"
    )
    ctx = RuleContext(ir, GraphShapes(ir))
    model = Model("functional", TensorRef(0), UNKNOWN, ir.nodes[0].loc)
    assert model_node_ids(model, ctx) == set()
    model.outputs = [UNKNOWN, {"b": TensorRef(2)}]
    assert model_node_ids(model, ctx) == {0, 1, 2}
    model.outputs = [TensorRef(1), 7]
    assert model_node_ids(model, ctx) == {0, 1}

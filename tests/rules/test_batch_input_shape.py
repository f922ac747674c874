"""SL215 batch-input-shape: batch_input_shape= on a Keras layer."""

from tests.helpers import lint


def findings(source: str) -> list:
    return [d for d in lint(source) if d.code == "SL215"]


def test_reported_at_the_keyword_with_the_input_to_declare():
    source = """
    from tensorflow import keras
    from tensorflow.keras import layers
    model = keras.Sequential()
    model.add(layers.Bidirectional(layers.LSTM(4), batch_input_shape=(2, 7, 3)))
    """
    (found,) = findings(source)
    assert (found.line, found.column) == (5, 48)
    assert found.message.startswith("Bidirectional does not take batch_input_shape in Keras 3")
    assert found.hint == (  # the edit --fix makes
        "insert Input(batch_shape=(2, 7, 3)) as the model's first entry and remove "
        "batch_input_shape= from Bidirectional at line 5"
    )


def test_in_a_method_of_a_class():
    source = """
    from keras.layers import GRU

    class Model:
        def build(self, steps):
            return GRU(4, stateful=True, batch_input_shape=(1, steps, 1))
    """
    assert [(d.code, d.line) for d in findings(source)] == [("SL215", 6)]
    (found,) = findings(source)
    assert found.fix is None
    assert found.hint == (
        "declare the input instead: keras.Input(batch_shape=(1, steps, 1)) as the model's "
        "first entry (or its functional input), and remove batch_input_shape"
    )


def test_input_declarations_keras_3_accepts_are_clean():
    source = """
    from tensorflow import keras
    from tensorflow.keras import layers
    a = keras.Sequential([layers.InputLayer(batch_input_shape=(2, 7, 3)), layers.LSTM(4)])
    b = keras.Sequential([keras.Input(batch_shape=(2, 7, 3)), layers.LSTM(4, stateful=True)])
    c = keras.Sequential([layers.LSTM(4, input_shape=(7, 3))])
    """
    assert findings(source) == []


def test_a_guarded_construction_is_a_fallback():
    source = """
    from tensorflow.keras import layers
    try:
        layer = layers.LSTM(4, batch_input_shape=(2, 7, 3))
    except ValueError:
        layer = layers.LSTM(4)
    """
    assert findings(source) == []

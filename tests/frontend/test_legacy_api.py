"""The whole-module pass that finds Keras API some release lacks (frontend/legacy_api.py).

Names are recorded when any covered release lacks them: ``keras.optimizers.Adam`` too, since
``import keras`` of keras 2.6-2.8 has no ``optimizers.Adam`` (the API table); ``uses(...,
names=False)`` leaves imports and attributes out where a test is about something else.
"""

from tests.frontend.support import ir_of


def uses(source: str, names: bool = True) -> list[tuple[str, str, str, int]]:
    """(what, name, owner, line) of every recorded use, in source order (the constructions
    of layer classes SL117 checks aside)."""
    found = [
        (u.what, u.name, u.owner, u.loc.line)
        for u in ir_of(source).legacy
        if (names or u.what not in ("import", "attribute")) and u.what != "layer-call"
    ]
    return sorted(found, key=lambda use: use[3])


def test_removed_layer_imported_or_reached_as_attribute():
    source = """
    import tensorflow as tf
    from keras.layers import LSTM, CuDNNLSTM
    from tensorflow.python.keras.layers import CuDNNGRU as G
    layer = tf.keras.layers.CuDNNGRU(8)
    """
    assert uses(source) == [
        ("import", "CuDNNLSTM", "layers", 3),
        ("import", "CuDNNGRU", "layers", 4),
        ("attribute", "CuDNNGRU", "layers.CuDNNGRU", 5),
    ]


def test_a_use_of_an_imported_name_is_not_a_second_use():
    source = """
    from tensorflow.keras.layers import CuDNNLSTM
    layer = CuDNNLSTM(8)
    """
    assert uses(source) == [("import", "CuDNNLSTM", "layers", 2)]


def test_handled_exceptions_are_recorded():
    source = """
    try:
        from keras.layers import CuDNNLSTM
    except (ImportError, AttributeError):
        from keras.layers import LSTM as CuDNNLSTM
    """
    (use,) = ir_of(source).legacy
    assert use.caught == frozenset({"ImportError", "AttributeError"})


def test_names_that_are_not_keras_are_not_resolved():
    source = """
    from mylib.layers import CuDNNLSTM
    from keras.optimizers import Adam, SGD
    import mylib as layers
    opt = layers.CuDNNLSTM(lr=0.1)

    def build(Adam):
        return Adam(lr=0.1)

    class SGD:
        pass

    sgd = SGD(lr=0.1)
    """
    assert uses(source, names=False) == []


def test_keyword_uses_in_class_methods_keep_their_value():
    source = """
    from keras import layers
    from keras import optimizers as opt

    class Forecaster:
        def build(self):
            self.lstm = layers.LSTM(4, stateful=True, batch_input_shape=(1, 5, 2))
            self.optimizer = opt.RMSprop(lr=1e-3, rho=0.9)
    """
    found = [u for u in ir_of(source).legacy if u.what.endswith("keyword")]
    assert [(u.what, u.name, u.owner, u.value) for u in found] == [
        ("layer-keyword", "batch_input_shape", "LSTM", "(1, 5, 2)"),
        ("optimizer-keyword", "lr", "RMSprop", "1e-3"),
    ]


def test_input_layer_custom_layers_and_legacy_optimizers_are_left_alone():
    source = """
    from tensorflow import keras
    import tf_keras
    inp = keras.layers.InputLayer(batch_input_shape=(1, 5, 2))
    old = keras.optimizers.legacy.Adam(lr=0.1)
    schedule = keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.9)

    class Block(keras.layers.Layer):
        pass

    block = Block(batch_input_shape=(1, 5, 2))
    tf2 = tf_keras.optimizers.SGD(lr=0.1)
    """
    assert uses(source, names=False) == [("optimizer-keyword", "lr", "SGD", 12)]


def test_model_methods_on_self_model_assigned_in_another_method():
    source = """
    from keras.models import Sequential
    from keras.layers import Dense

    class Agent:
        def __init__(self):
            self.model = self._build_model()

        def _build_model(self):
            model = Sequential()
            model.add(Dense(1))
            return model

        def train(self, batches):
            self.model.fit_generator(batches, steps_per_epoch=4)
            self.model.fit(batches, nb_epoch=2, workers=4)
            return self.model.predict_classes(batches)
    """
    assert uses(source) == [
        ("method", "fit_generator", "self.model", 15),
        ("method-keyword", "nb_epoch", "fit", 16),
        ("method-keyword", "workers", "fit", 16),
        ("method", "predict_classes", "self.model", 17),
    ]


def test_load_model_results_and_models_from_functions_are_models():
    source = """
    from tensorflow import keras

    def make():
        return keras.Sequential([keras.layers.Dense(1)])

    def predict(path, x):
        restored = keras.models.load_model(path)
        return restored.predict_proba(x)

    model = make()
    model.evaluate_generator(batches, steps=2)
    """
    assert uses(source) == [
        ("method", "predict_proba", "restored", 9),
        ("method", "evaluate_generator", "model", 12),
    ]


def test_receivers_not_provably_models_are_not_judged():
    source = """
    from keras.models import Sequential
    from sklearn.neighbors import KNeighborsClassifier

    class Wrapper:
        def __init__(self, model):
            self.model = model
            self.clf = KNeighborsClassifier()
            self.net = Sequential()

        def reset(self):
            self.net = make_other()

        def run(self, x, gen):
            self.model.predict_classes(x)
            self.clf.predict_proba(x)
            self.net.fit_generator(gen)

    class Trainer:
        def fit_generator(self, gen):
            pass

        def go(self, gen):
            self.fit_generator(gen)

    def train(model, gen):
        model.fit_generator(gen)

    other = Trainer()
    other.fit_generator(gen)
    net = Sequential()
    net = wrap(net)
    net.predict_classes(x)
    """
    assert uses(source) == []


def test_a_call_followed_twice_is_recorded_once():
    source = """
    from tensorflow import keras

    def train(m, gen):
        m.fit_generator(gen)

    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    train(model, gen)
    train(model, gen)
    """
    assert uses(source) == [("method", "fit_generator", "m", 5)]


def test_compile_keywords_keras_3_removed():
    source = """
    from tensorflow import keras
    model = keras.Sequential([keras.Input((4, 3)), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse", sample_weight_mode="temporal")
    model.evaluate(x, y, use_multiprocessing=True)
    model.predict(x, max_queue_size=4)
    """
    assert uses(source) == [
        ("method-keyword", "sample_weight_mode", "compile", 4),
        ("method-keyword", "use_multiprocessing", "evaluate", 5),
        ("method-keyword", "max_queue_size", "predict", 6),
    ]


def test_none_placeholders_neither_prove_nor_disprove_a_model():
    source = """
    from tensorflow import keras

    def build(units):
        if units < 1:
            return None
        return keras.Sequential([keras.layers.Dense(units)])

    class Trainer:
        def __init__(self):
            self.model = None
            self.spare = None

        def setup(self):
            self.model = build(4)

        def train(self, gen):
            self.model.fit_generator(gen)
            self.spare.fit_generator(gen)
    """
    assert uses(source) == [("method", "fit_generator", "self.model", 18)]


def test_attributes_assigned_from_a_local_model_or_a_loaded_one():
    source = """
    from tensorflow import keras
    from tensorflow.keras.models import load_model

    class Seq2Seq:
        def __init__(self, steps):
            inputs = keras.Input((steps, 3))
            encoder = keras.Model(inputs=inputs, outputs=keras.layers.LSTM(4)(inputs))
            self.encoder = encoder
            self.decoder = load_model("decoder.h5")

        def run(self, x):
            return self.encoder.predict_proba(x), self.decoder.predict_classes(x)
    """
    assert uses(source) == [
        ("method", "predict_proba", "self.encoder", 13),
        ("method", "predict_classes", "self.decoder", 13),
    ]


def test_instances_of_the_modules_keras_model_subclasses():
    source = """
    import tensorflow as tf
    from tensorflow import keras

    class Encoder(keras.Model):
        def call(self, x):
            return x

    class Tagger(Encoder):
        pass

    class Legacy(tf.keras.Model):
        def fit_generator(self, gen):
            return self.fit(gen)

    class Mixed(Encoder, SomeMixin):
        pass

    Tagger().fit_generator(gen)
    Legacy().fit_generator(gen)
    Mixed().fit_generator(gen)
    legacy = Legacy()
    legacy.predict_classes(x)
    """
    assert uses(source) == [
        ("method", "fit_generator", "Tagger()", 19),
        ("method", "predict_classes", "legacy", 23),
    ]

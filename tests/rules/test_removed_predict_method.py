"""SL219 removed-predict-method: predict_classes / predict_proba on Keras models."""

from tests.helpers import lint


def findings(source: str) -> list:
    return [(d.line, d.hint) for d in lint(source) if d.code == "SL219"]


def test_on_a_model_loaded_from_disk_and_on_self_model():
    source = """
    from keras.models import load_model, Sequential

    model = load_model("tagger.h5")
    labels = model.predict_classes(x)

    class Classifier:
        def __init__(self):
            self.net = Sequential()

        def scores(self, x):
            return self.net.predict_proba(x)
    """
    assert findings(source) == [
        (
            5,
            "use model.predict(x).argmax(axis=-1) for a softmax output, "
            '(model.predict(x) > 0.5).astype("int32") for one sigmoid unit',
        ),
        (12, "use self.net.predict(x): it returns the output's probabilities"),
    ]


def test_scikit_learn_wrappers_keep_their_predict_proba():
    source = """
    from scikeras.wrappers import KerasClassifier
    from sklearn.linear_model import LogisticRegression
    clf = KerasClassifier(model=build)
    clf.predict_proba(x)
    LogisticRegression().predict_proba(x)
    """
    assert findings(source) == []


def test_the_hint_names_the_edit_the_fix_makes_when_the_units_are_known():
    source = """
    from tensorflow import keras
    model = keras.Sequential([keras.Input((4, 3)), keras.layers.LSTM(2), keras.layers.Dense(5)])
    labels = model.predict_classes(x)
    """
    assert findings(source) == [
        (4, "use model.predict(...).argmax(axis=-1): what predict_classes did for 5 output units")
    ]

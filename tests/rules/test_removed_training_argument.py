"""SL218 removed-training-argument: Keras 2 keyword arguments of fit/evaluate/predict/compile."""

from tests.helpers import lint

HEADER = """
from tensorflow import keras
model = keras.Sequential([keras.Input((4, 3)), keras.layers.LSTM(2), keras.layers.Dense(1)])
"""


def findings(body: str) -> list:
    return [(d.line, d.message, d.hint) for d in lint(HEADER + body) if d.code == "SL218"]


def test_fit_arguments_with_their_replacements():
    found = findings(
        "model.compile(loss='mse')\nmodel.fit(x, y, nb_epoch=5, samples_per_epoch=640)"
    )
    assert [(line, hint) for line, _, hint in found] == [
        (5, "write epochs=5 instead of nb_epoch=5"),
        (
            5,
            "write steps_per_epoch=640 instead of samples_per_epoch=640 "
            "(steps_per_epoch counts batches: samples // batch_size)",
        ),
    ]
    assert (
        found[0][1] == "fit() has no argument nb_epoch in Keras 3: the call raises TypeError "
        "before anything runs"
    )


def test_data_loading_arguments_and_the_exception_of_each_method():
    body = """
model.evaluate(x, y, workers=4)
model.predict(x, use_multiprocessing=True)
model.compile(loss="mse", sample_weight_mode="temporal")
"""
    found = findings(body)
    assert [line for line, _, _ in found] == [5, 6, 7]
    assert "raises ValueError" in found[0][1] and "raises TypeError" in found[1][1]
    assert "keras.utils.PyDataset" in found[0][2]
    assert "(samples, steps)" in found[2][2]


def test_keras_3_arguments_are_clean():
    assert findings("model.compile(loss='mse')\nmodel.fit(x, y, epochs=5, steps_per_epoch=4)") == []


def test_a_removed_method_is_reported_once_by_sl214_not_for_its_arguments():
    found = lint(HEADER + "model.fit_generator(gen, steps_per_epoch=4, workers=4)")
    assert [d.code for d in found] == ["SL214"]

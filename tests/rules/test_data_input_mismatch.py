"""SL209 data-input-mismatch: what Keras 3 accepts at fit, and what it rejects."""

from tests.helpers import lint

HEADER = """
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
y = np.random.rand(16, 1)
"""


def sl209(body: str) -> list:
    return [d for d in lint(HEADER + body) if d.code == "SL209"]


def codes(body: str) -> set[str]:
    return {d.code for d in lint(HEADER + body)}


def functional(shape: str, x: str) -> str:
    return f"""
inputs = keras.Input(shape={shape})
model = keras.Model(inputs, layers.Dense(1)(layers.LSTM(4)(inputs)))
model.compile(optimizer="adam", loss="mse")
model.fit({x}, y)
"""


def sequential(shape: str, x: str, first: str = "layers.LSTM(4)") -> str:
    return f"""
model = keras.Sequential([keras.Input(shape={shape}), {first}, layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit({x}, y)
"""


# -- Keras's rank adjustment is not an error ------------------------------------------------


def test_missing_trailing_axis_of_one_is_expanded():
    assert sl209(functional("(20, 1)", "np.random.rand(16, 20)")) == []
    assert sl209(sequential("(20, 1)", "np.random.rand(16, 20)")) == []


def test_extra_trailing_axis_of_one_is_squeezed():
    assert sl209(functional("(20, 8)", "np.random.rand(16, 20, 8, 1)")) == []
    assert sl209(sequential("(20,)", "np.random.rand(16, 20, 1)", "layers.Embedding(9, 4)")) == []


def test_rank_off_by_a_real_axis_is_reported_at_the_fit_call():
    (found,) = sl209(functional("(20, 8)", "np.random.rand(16, 20)"))
    assert found.line == HEADER.count("\n") + 5
    assert "rank 2 data for an input of rank 3" in found.message
    (found,) = sl209(sequential("(20, 8)", "np.random.rand(16, 8)"))
    assert "Keras only adds or drops a trailing axis of size 1" in found.message


# -- sizes: functional models check every axis, Sequential ones only the features ------------


def test_functional_model_checks_every_declared_axis():
    (found,) = sl209(functional("(20, 8)", "np.random.rand(16, 10, 8)"))
    assert "axis 1 has size 10, the input declares 20" in found.message
    (found,) = sl209(functional("(20, 8)", "np.random.rand(16, 20, 4)"))
    assert "axis 2 has size 4" in found.message


def test_sequential_model_does_not_check_the_time_axis():
    assert sl209(sequential("(20, 8)", "np.random.rand(16, 10, 8)")) == []
    embedding = "layers.Embedding(50, 4), layers.LSTM(4)"
    assert sl209(sequential("(20,)", "np.random.randint(0, 50, (16, 10))", embedding)) == []


def test_sequential_first_weighted_layer_checks_the_features():
    (found,) = sl209(
        sequential("(20, 8)", "np.random.rand(16, 20, 5)", "layers.Dropout(0.1), layers.GRU(4)")
    )
    assert "GRU(4) at line" in found.message and "built for inputs of 8 features" in found.message


def test_sequential_runs_its_layers_on_the_data_own_shape():
    # A longer time axis passes the LSTM, but Flatten then gives the Dense 22 * 8 values.
    (found,) = sl209(
        sequential("(20, 8)", "np.random.rand(16, 22, 8)", "layers.Flatten(), layers.Dense(4)")
    )
    assert "Dense(4) at line" in found.message and "of 160 features and gets 176" in found.message
    assert "(the data reaches it as (batch, 176))" in found.message
    (found,) = sl209(sequential("(20, 8)", "np.random.rand(16, 2, 8)", "layers.Conv1D(4, 5)"))
    assert "Conv1D(4, 5) at line" in found.message and "cannot take the data" in found.message
    # Pooling over the time axis makes the lengths agree again.
    assert (
        sl209(
            sequential(
                "(20, 8)",
                "np.random.rand(16, 30, 8)",
                "layers.GlobalAveragePooling1D(), layers.Dense(4)",
            )
        )
        == []
    )


def test_unknown_or_symbolic_sizes_stay_silent():
    assert sl209(functional("(None, 8)", "np.random.rand(16, 30, 8)")) == []
    assert sl209(functional("(timesteps, 8)", "np.random.rand(16, 30, 8)")) == []
    assert sl209(functional("(20, 8)", "np.load('x.npy')")) == []
    assert sl209(functional("(20, 8)", "tf.data.Dataset.from_tensor_slices((X, y))")) == []
    assert sl209(functional("(20, 8)", "np.random.rand(16, n, 8)")) == []
    (found,) = sl209(functional("(None, 8)", "np.random.rand(16, 30, 4)"))
    assert "axis 2 has size 4" in found.message


def test_evaluate_predict_and_train_on_batch_are_checked_too():
    for method in ("evaluate", "predict", "train_on_batch"):
        body = sequential("(20, 8)", "np.random.rand(16, 8)").replace("fit(", f"{method}(")
        assert len(sl209(body)) == 1, method


def test_input_shape_x_shape_is_left_to_sl102():
    body = """
X = np.random.rand(16, 10, 3)
model = keras.Sequential([layers.Dense(4, input_shape=X.shape), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y)
"""
    assert codes(body) == {"SL102"}


def test_a_model_keras_cannot_build_is_not_reported_at_fit():
    body = """
X = np.random.rand(16, 8)
model = keras.Sequential([keras.Input(shape=(20, 8)), layers.LSTM(4), layers.LSTM(4)])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y)
"""
    assert codes(body) == {"SL101"}


# -- several inputs -----------------------------------------------------------------------------

THREE = """
a, b, c = keras.Input((10, 3)), keras.Input((5,)), keras.Input((7,))
merged = layers.Concatenate()([layers.LSTM(4)(a), b, c])
model = keras.Model([a, b, c], layers.Dense(1)(merged))
A, B, C = np.random.rand(16, 10, 3), np.random.rand(16, 5), np.random.rand(16, 7)
"""


def test_wrong_number_of_arrays():
    (found,) = sl209(THREE + "model.fit([A, B], y)")
    assert "the model has 3 input(s), but fit gets 2 array(s)" in found.message
    (found,) = sl209(THREE + "model.fit(A, y)")
    assert "fit gets 1 array(s)" in found.message


def test_swapped_arrays_get_the_right_order_as_hint():
    (found,) = sl209(THREE + "model.fit([A, C, B], y)")
    assert "input 2 of 3" in found.message and "wrong order" in found.message
    assert found.hint.endswith("[A, B, C]")


def test_right_order_tuples_and_unknown_items_are_clean():
    assert sl209(THREE + "model.fit([A, B, C], y)") == []
    assert sl209(THREE + "model.fit((A, B, C), y)") == []
    assert sl209(THREE + "model.fit([A, B, extra], y)") == []
    assert sl209(THREE + "model.fit({'a': A, 'b': B}, y)") == []


def test_mismatch_without_a_fitting_order_has_no_order_hint():
    (found,) = sl209(THREE + "model.fit([A, np.random.rand(16, 9), C], y)")
    assert "wrong order" not in found.message


def test_sequential_given_a_list_is_not_judged():
    body = sequential("(8,)", "[np.random.rand(16, 8), np.random.rand(16, 8)]", "layers.Dense(4)")
    assert sl209(body) == []


# -- a Sequential model built from the data -----------------------------------------------------


def test_undeclared_sequential_fit_on_2d_data():
    body = """
X = np.random.rand(100, 8)
model = keras.Sequential([layers.LSTM(32), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y)
"""
    found = lint(HEADER + body)
    assert [d.code for d in found] == ["SL209"]  # neither SL101 nor SL102
    message = found[0].message
    assert message.startswith("X (line 8) has shape (100, 8): LSTM(32) at line 9 needs ")
    assert "(samples, timesteps, features)" in message
    assert "X.reshape((100, 8, 1))" in found[0].hint
    assert found[0].line == 11


def test_undeclared_sequential_fit_on_windows_of_a_single_series():
    body = """
from tensorflow.keras.preprocessing.sequence import TimeseriesGenerator
series = np.random.rand(200)
gen = TimeseriesGenerator(series, series, length=5, batch_size=16)
model = keras.Sequential([layers.LSTM(8), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(gen)
"""
    (found,) = sl209(body)
    assert found.message.startswith("each batch of TimeseriesGenerator (line 10)")
    assert "series.reshape(-1, 1)" in found.hint


def test_undeclared_sequential_with_a_stacking_error_is_sl101():
    body = """
X = np.random.rand(100, 20, 8)
model = keras.Sequential([layers.LSTM(32), layers.LSTM(8), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y)
"""
    assert codes(body) == {"SL101"}


def test_undeclared_sequential_with_matching_data_is_clean():
    body = """
X = np.random.rand(100, 20, 8)
model = keras.Sequential([layers.LSTM(32), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y)
model.predict(np.random.rand(3, 8))
"""
    assert codes(body) == set()  # the model was built by fit, from X


def test_user_declared_wrong_rank_stays_sl102():
    body = """
X = np.random.rand(100, 8)
model = keras.Sequential([layers.LSTM(32, input_shape=(8,)), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y)
"""
    assert codes(body) == {"SL102"}


# -- tf.data pipelines ------------------------------------------------------------------------

DATASET = "X = np.random.rand(16, 10, 3)\nds = tf.data.Dataset.from_tensor_slices((X, y))"


def test_an_unbatched_dataset_hands_fit_one_sample_per_batch():
    declared = sl209(DATASET + functional("(10, 3)", "ds"))
    undeclared = sl209(
        DATASET
        + """
model = keras.Sequential([layers.LSTM(4), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(ds.shuffle(16), epochs=1)
"""
    )
    for (finding,) in (declared, undeclared):
        assert finding.message.startswith(
            "each batch of tf.data.Dataset (line 8) has shape (10, 3)"
        )
        assert finding.hint.startswith("batch the dataset (e.g. .batch(32)) before fit")


def test_a_generator_or_pydataset_giving_one_sample_is_told_to_give_batches():
    generator = sl209(
        """
def samples():
    while True:
        yield np.random.rand(10, 3), np.random.rand(1)
"""
        + functional("(10, 3)", "samples()")
    )
    pydataset = sl209(
        """
class Samples(keras.utils.PyDataset):
    def __len__(self):
        return 4

    def __getitem__(self, idx):
        return np.random.rand(10, 3), np.random.rand(1)
"""
        + functional("(10, 3)", "Samples()")
    )
    for (finding,), maker in ((generator, "samples()"), (pydataset, "Samples")):
        assert finding.message.startswith(f"each batch of {maker} (line ")
        assert finding.hint.startswith(f"{maker} gives one sample where fit takes a batch")


def test_a_batched_dataset_fits():
    assert not sl209(DATASET + functional("(10, 3)", "ds.batch(4).prefetch(1)"))
    assert not sl209(DATASET + functional("(10, 3)", "ds.map(lambda a, b: (a, b)).batch(4)"))
    wrong = sl209(DATASET + functional("(10, 3)", "ds.map(lambda a, b: (a[:, :2], b)).batch(4)"))
    assert [d.line for d in wrong] == [12]
    assert "has shape (batch, 10, 2)" in wrong[0].message

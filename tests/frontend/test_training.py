"""compile/fit calls, the data they get, and the Keras objects passed to them."""

from seqlint.dims import UNKNOWN
from seqlint.ir import Array, Batches, KerasName, KerasObject, UserFunction
from tests.frontend.support import ir_of

HEADER = """
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.preprocessing.sequence import TimeseriesGenerator, pad_sequences
from tensorflow.keras.utils import to_categorical
model = keras.Sequential([layers.Input((10, 3)), layers.LSTM(4), layers.Dense(5)])
"""


def training(body: str) -> list:
    return ir_of(HEADER + body).training


def data(body: str, name: str) -> Array:
    """The array bound to ``name`` after ``body``, as ``fit`` receives it."""
    (call,) = training(body + f"\nmodel.fit({name})\n")
    return call.args["x"]


def test_compile_and_fit_are_recorded_in_order_with_keras_parameter_names() -> None:
    compile_call, fit_call = training("""
model.compile("adam", "sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, 32, 5, validation_split=0.1)
model.summary()
""")
    assert compile_call.method == "compile"
    assert compile_call.args == {
        "optimizer": "adam",
        "loss": "sparse_categorical_crossentropy",
        "metrics": ["accuracy"],
    }
    assert fit_call.method == "fit"
    assert fit_call.model is compile_call.model
    assert fit_call.model.name == "model"
    assert set(fit_call.args) == {"x", "y", "batch_size", "epochs", "validation_split"}
    assert fit_call.args["batch_size"] == 32


def test_training_calls_of_functional_models_and_in_loops() -> None:
    calls = training("""
inp = keras.Input(shape=(3,))
other = keras.Model(inp, layers.Dense(1)(inp))
for epoch in range(epochs):
    other.train_on_batch(X, y)
other.evaluate(X, y)
other.fit_generator(batches)
""")
    assert [c.method for c in calls] == ["train_on_batch", "evaluate", "fit_generator"]
    assert calls[0].model.kind == "functional"
    assert "x" in calls[2].args


def test_keras_objects_names_and_user_functions() -> None:
    (call,) = training("""
def masked_loss(y_true, y_pred):
    return keras.ops.mean(y_pred[:, 0] - y_true[0]) + y_true[-1]
model.compile(
    optimizer=keras.optimizers.Adam(1e-3),
    loss=[keras.losses.SparseCategoricalCrossentropy(from_logits=True), masked_loss],
    metrics=[keras.metrics.sparse_categorical_accuracy, tf.nn.relu],
)
""")
    optimizer = call.args["optimizer"]
    assert isinstance(optimizer, KerasObject)
    assert (optimizer.kind, optimizer.config, optimizer.label) == (
        "optimizers.Adam",
        {0: 0.001},
        "Adam(1e-3)",
    )
    loss, custom = call.args["loss"]
    assert (loss.kind, loss.config) == (
        "losses.SparseCategoricalCrossentropy",
        {"from_logits": True},
    )
    assert isinstance(custom, UserFunction)
    assert (custom.name, custom.params) == ("masked_loss", ("y_true", "y_pred"))
    assert [(p, i) for p, i, _ in custom.subscripts] == [("y_true", 0), ("y_true", -1)]
    assert custom.subscripts[0][2].span.line == custom.loc.span.line + 1
    assert call.args["metrics"] == [KerasName("metrics.sparse_categorical_accuracy"), UNKNOWN]


def test_random_integers_record_their_range_and_dtype() -> None:
    labels = data("y = np.random.randint(0, 5, size=(100, 10))", "y")
    assert (labels.shape, labels.dtype, labels.value_range, labels.name) == (
        (100, 10),
        "int",
        (0, 5),
        "y",
    )
    shifted = data("rng = np.random.default_rng(0)\ny = rng.integers(1, 6, (8, 1)) - 1", "y")
    assert (shifted.shape, shifted.value_range) == ((8, 1), (0, 5))
    floats = data("x = np.random.rand(4, 2).astype('float32') / 2", "x")
    assert (floats.dtype, floats.value_range) == ("float", None)


def test_one_hot_encodings() -> None:
    setup = "y = np.random.randint(0, 5, size=(100, 1))\n"
    categorical = data(setup + "Y = to_categorical(y, num_classes=5)", "Y")
    assert (categorical.shape, categorical.one_hot, categorical.dtype) == ((100, 5), True, "float")
    tf_one_hot = data(setup + "Y = tf.one_hot(y, 5)", "Y")
    assert (tf_one_hot.shape, tf_one_hot.one_hot) == ((100, 1, 5), True)
    eye = data(setup + "Y = np.eye(5)[y.reshape(-1)]", "Y")
    assert (eye.shape, eye.one_hot) == ((100, 5), True)
    collapsed = data(setup + "Y = to_categorical(y, 5)[:, 0]", "Y")
    assert (collapsed.shape, collapsed.one_hot) == ((100,), False)


def test_pad_sequences_marks_zero_padding() -> None:
    padded = data("x = pad_sequences(np.zeros((50, 30), dtype='int32'), maxlen=20)", "x")
    assert (padded.shape, padded.zero_padded, padded.dtype) == ((50, 20), True, "int")
    unknown = data("x = pad_sequences(tokens, maxlen=20, padding='post')", "x")
    assert (unknown.shape, unknown.zero_padded) == (None, True)
    marked = data("x = pad_sequences(tokens, value=-1)", "x")
    assert not marked.zero_padded


def test_pad_sequences_marks_the_side_it_pads() -> None:
    assert data("x = pad_sequences(tokens, maxlen=20)", "x").padded_at == "pre"
    padded = data("x = pad_sequences(tokens, maxlen=20)", "x")
    derived = data("x = pad_sequences(tokens, maxlen=20)\nz = x[:10]", "z")  # the call's line
    assert derived.padded_at == "pre" and derived.padded_by.line == padded.padded_by.line
    assert derived.loc.line == padded.loc.line + 1
    assert data("x = pad_sequences(tokens, 20, padding='post')", "x").padded_at == "post"
    assert data("x = pad_sequences(tokens, 20, 'int32', 'post')", "x").padded_at == "post"
    assert data("x = pad_sequences(tokens, 20, padding=side)", "x").padded_at is None
    assert data("x = pad_sequences(tokens, padding='post', value=-1)", "x").padded_at is None


def test_windowed_batches() -> None:
    (call,) = training("""
series = np.random.rand(200, 3)
targets = np.random.rand(200)
gen = TimeseriesGenerator(series, targets, length=12, batch_size=16)
model.fit(gen, epochs=2)
""")
    batches = call.args["x"]
    assert isinstance(batches, Batches)
    assert (batches.maker, batches.window) == ("TimeseriesGenerator", 12)
    assert batches.x.shape == (UNKNOWN, 12, 3)
    assert batches.y.shape == (UNKNOWN,)
    (call,) = training("""
ds = keras.utils.timeseries_dataset_from_array(np.random.rand(90), None, sequence_length=7)
model.fit(ds)
""")
    assert call.args["x"].x.shape == (UNKNOWN, 7)
    assert call.args["x"].y is None


def test_validation_data_is_evaluated_on_the_fit_line_where_its_samples_differ() -> None:
    fit, validation = training("""
X, y = np.zeros((8, 10, 3)), np.zeros((8,))
val = tf.data.Dataset.from_tensor_slices((np.zeros((4, 10, 3)), np.zeros((4,))))
model.fit(X, y, batch_size=2, validation_data=val)
""")
    assert fit.method == "fit"
    assert validation.method == "evaluate"
    assert validation.loc.line == fit.loc.line
    assert validation.args["batch_size"] == 2
    batches = validation.args["x"]
    assert isinstance(batches, Batches)
    assert (batches.x.shape, batches.y.shape) == ((10, 3), ())


def test_validation_data_shaped_like_the_training_data_adds_no_call() -> None:
    calls = training("""
X, y = np.zeros((8, 10, 3)), np.zeros((8,))
model.fit(X, y, validation_data=(np.zeros((4, 10, 3)), np.zeros((4,))))
model.fit(X, y, validation_data=unknown_data)
""")
    assert [c.method for c in calls] == ["fit", "fit"]

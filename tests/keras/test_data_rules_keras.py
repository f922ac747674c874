"""Proofs for the data rules SL209-SL214 against real Keras.

The warning and info rules (SL211-SL213, SL243, SL244) run their own bad example (so proof and docs
cannot drift) and show the silent behaviour they warn about; the error rules' bad
examples are proven by test_rule_examples_keras.py, and the verdicts seqlint draws from
Keras's input rules (rank adjustment, Sequential vs functional checks, input order,
vocabulary range) are checked here snippet by snippet: seqlint reports iff Keras raises.
"""

from __future__ import annotations

import os
import textwrap
import warnings

import numpy as np
import pytest

from seqlint.analysis import lint_source
from seqlint.rules.degenerate_window import DegenerateWindow
from seqlint.rules.embedding_negative_index import EmbeddingNegativeIndex
from seqlint.rules.keras3_migration import Keras3Migration
from seqlint.rules.padding_without_mask import PaddingWithoutMask
from seqlint.rules.post_padding_last_state import PostPaddingLastState

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = pytest.mark.keras


def _run(source: str) -> dict:
    namespace: dict = {"__name__": "__main__"}
    exec(compile(source, "<rule example>", "exec"), namespace)
    return namespace


@pytest.fixture(autouse=True)
def _fresh_session():
    yield
    import keras

    keras.backend.clear_session()


# -- SL209 / SL210: seqlint reports exactly when Keras raises -----------------------------------

HEADER = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

y = np.random.rand(16, 1)
"""

# case -> (script body, what Keras raises or None, what seqlint reports)
VERDICTS = {
    # Functional models expand a missing trailing axis of 1...
    "functional_adds_trailing_axis": (
        """
inputs = keras.Input(shape=(20, 1))
model = keras.Model(inputs, layers.Dense(1)(layers.Flatten()(inputs)))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(16, 20), y, epochs=1, verbose=0)
""",
        None,
        set(),
    ),
    # ...and squeeze an extra one.
    "functional_drops_trailing_axis": (
        """
inputs = keras.Input(shape=(20,))
model = keras.Model(inputs, layers.Dense(1)(layers.Dense(4)(inputs)))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(16, 20, 1), y, epochs=1, verbose=0)
""",
        None,
        set(),
    ),
    "functional_rank_off_by_a_real_axis": (
        """
inputs = keras.Input(shape=(20, 8))
model = keras.Model(inputs, layers.Dense(1)(layers.LSTM(4)(inputs)))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(16, 20), y, epochs=1, verbose=0)
""",
        r"Invalid input shape for input",
        {"SL209"},
    ),
    "functional_checks_the_time_axis": (
        """
inputs = keras.Input(shape=(20, 8))
model = keras.Model(inputs, layers.Dense(1)(layers.LSTM(4)(inputs)))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(16, 10, 8), y, epochs=1, verbose=0)
""",
        r"expected shape=\(None, 20, 8\), found shape=\(None, 10, 8\)",
        {"SL209"},
    ),
    # A Sequential model with an Input does not check the time axis...
    "sequential_ignores_the_time_axis": (
        """
model = keras.Sequential([keras.Input(shape=(20, 8)), layers.LSTM(4), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(16, 10, 8), y, epochs=1, verbose=0)
""",
        None,
        set(),
    ),
    # ...but its first weighted layer was built for the declared features.
    "sequential_first_layer_features": (
        """
model = keras.Sequential([keras.Input(shape=(20, 8)), layers.Dropout(0.1), layers.LSTM(4),
                          layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(16, 20, 5), y, epochs=1, verbose=0)
""",
        r"Dimensions must be equal, but are 5 and 8",
        {"SL209"},
    ),
    # ...it runs its layers on the data's own shape: sizes matter further down.
    "sequential_longer_data_meets_a_dense": (
        """
model = keras.Sequential([keras.Input(shape=(20, 8)), layers.Flatten(), layers.Dense(4),
                          layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(16, 22, 8), y, epochs=1, verbose=0)
""",
        r"expected axis -1 of input shape to have value 160",
        {"SL209"},
    ),
    "sequential_short_data_meets_a_kernel": (
        """
model = keras.Sequential([keras.Input(shape=(20, 8)), layers.Conv1D(4, 5), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(16, 2, 8), y, epochs=1, verbose=0)
""",
        r"Negative dimension size caused by subtracting 5 from 2",
        {"SL209"},
    ),
    "sequential_pooling_rejoins_the_declared_shape": (
        """
model = keras.Sequential([keras.Input(shape=(20, 8)), layers.GlobalAveragePooling1D(),
                          layers.Dense(4), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(16, 30, 8), y, epochs=1, verbose=0)
""",
        None,
        set(),
    ),
    "sequential_rank": (
        """
model = keras.Sequential([keras.Input(shape=(20, 8)), layers.LSTM(4), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.evaluate(np.random.rand(16, 8), y, verbose=0)
""",
        r"Invalid input shape for input",
        {"SL209"},
    ),
    "sequential_built_from_the_data": (
        """
model = keras.Sequential([layers.Dense(8), layers.GRU(4), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(16, 8), y, epochs=1, verbose=0)
""",
        r"expected ndim=3, found ndim=2",
        {"SL209"},
    ),
    "two_arrays_for_three_inputs": (
        """
a, b, c = keras.Input((10, 3)), keras.Input((5,)), keras.Input((7,))
merged = layers.Concatenate()([layers.LSTM(4)(a), b, c])
model = keras.Model([a, b, c], layers.Dense(1)(merged))
model.compile(optimizer="adam", loss="mse")
model.fit([np.random.rand(16, 10, 3), np.random.rand(16, 5)], y, epochs=1, verbose=0)
""",
        r"expects 3 named input\(s\).*received 2 input tensors",
        {"SL209"},
    ),
    "swapped_inputs": (
        """
series, meta = keras.Input((10, 3)), keras.Input((5,))
merged = layers.Concatenate()([layers.LSTM(4)(series), meta])
model = keras.Model([series, meta], layers.Dense(1)(merged))
model.compile(optimizer="adam", loss="mse")
S, M = np.random.rand(16, 10, 3), np.random.rand(16, 5)
model.fit([M, S], y, epochs=1, verbose=0)
""",
        r"expected shape=\(None, 10, 3\), found shape=\(None, 5\)",
        {"SL209"},
    ),
    "embedding_vocabulary_just_fits": (
        """
model = keras.Sequential([keras.Input((6,)), layers.Embedding(50, 4),
                          layers.GlobalAveragePooling1D(), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.randint(0, 50, size=(16, 6)), y, epochs=1, verbose=0)
""",
        None,
        set(),
    ),
    "embedding_vocabulary_too_small": (
        """
model = keras.Sequential([layers.Embedding(90, 4), layers.GlobalAveragePooling1D(),
                          layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.arange(96).reshape(16, 6), y, epochs=1, verbose=0)
""",
        r"indices\[\d+,\d+\] = 9\d is not in \[0, 90\)",
        {"SL210"},
    ),
    "embedding_index_too_large_in_predict": (
        """
model = keras.Sequential([keras.Input((6,)), layers.Embedding(90, 4),
                          layers.GlobalAveragePooling1D(), layers.Dense(1)])
model.predict(np.arange(96).reshape(16, 6), verbose=0)
""",
        r"indices\[\d+,\d+\] = 9\d is not in \[0, 90\)",
        {"SL210"},
    ),
    # Negative indices are wrapped once (keras.ops.take): -1 reads row 89, no error...
    "embedding_negative_index_wraps": (
        """
model = keras.Sequential([keras.Input((6,)), layers.Embedding(90, 4),
                          layers.GlobalAveragePooling1D(), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
X = np.random.randint(-1, 90, size=(16, 6))
model.fit(X, y, epochs=1, verbose=0)
model.predict(X, verbose=0)
""",
        None,
        set(),
    ),
    # ...but below -input_dim the wrapped index is still negative, and the lookup raises.
    "embedding_index_below_minus_input_dim": (
        """
model = keras.Sequential([keras.Input((6,)), layers.Embedding(90, 4),
                          layers.GlobalAveragePooling1D(), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.arange(96).reshape(16, 6) - 200, y, epochs=1, verbose=0)
""",
        r"indices\[\d+,\d+\] = -\d+ is not in \[0, 90\)",
        {"SL210"},
    ),
}


@pytest.mark.parametrize("case", sorted(VERDICTS))
def test_seqlint_errors_match_what_keras_raises(case):
    body, keras_error, codes = VERDICTS[case]
    source = HEADER + textwrap.dedent(body)
    errors = {d.code for d in lint_source(source, "<case>") if d.severity.value == "error"}
    assert errors == codes
    if keras_error is None:
        _run(source)
    else:
        with pytest.raises(Exception, match=keras_error):
            _run(source)


def test_generator_methods_are_gone_in_keras_3():
    from tensorflow import keras

    inputs = keras.Input((3,))
    for model in (
        keras.Sequential([inputs, keras.layers.Dense(1)]),
        keras.Model(inputs, keras.layers.Dense(1)(inputs)),
    ):
        for name in ("fit_generator", "evaluate_generator", "predict_generator"):
            assert not hasattr(model, name)


# -- SL244: a negative index reads the row of a real one -------------------------------------


def test_negative_index_reads_the_vector_of_a_real_index():
    bad = _run(EmbeddingNegativeIndex.bad_example)  # fit runs without a word
    model, X = bad["model"], bad["X"]
    assert X.min() == -1 and (X == 99).any()
    embedding = model.layers[0]
    table = embedding.embeddings.numpy()
    np.testing.assert_array_equal(embedding(np.array([[-1]])).numpy()[0, 0], table[99])
    # The model cannot tell the marker from word 99: swapping them changes nothing.
    swapped = np.where(X == -1, 99, X)
    np.testing.assert_array_equal(model.predict(X, verbose=0), model.predict(swapped, verbose=0))


# -- SL211: padded steps count in the loss ---------------------------------------------------


def test_unmasked_padding_enters_the_loss_and_mask_zero_removes_it():
    bad = _run(PaddingWithoutMask.bad_example)  # trains without a word
    model, X, y = bad["model"], bad["X"], bad["y"]
    pad = X == 0
    assert pad.mean() == pytest.approx(0.4)  # 8 of 20 steps are padding

    probs = model.predict(X, batch_size=32, verbose=0)
    ce = -np.log(np.take_along_axis(probs, y[..., None], axis=-1)[..., 0])
    unmasked = model.evaluate(X, y, batch_size=32, verbose=0)
    assert unmasked == pytest.approx(ce.mean(), rel=1e-5)  # every step, padding included

    masked_model = _run(PaddingWithoutMask.good_example)["model"]
    masked_model.set_weights(model.get_weights())  # same weights, only mask_zero differs
    masked = masked_model.evaluate(X, y, batch_size=32, verbose=0)
    assert masked == pytest.approx(ce[~pad].mean(), rel=1e-5)  # real steps only

    # Changing only the targets of padded steps moves the unmasked loss, not the masked one.
    worst = probs.argmin(axis=-1)
    y_pad = np.where(pad, worst, y)
    assert model.evaluate(X, y_pad, batch_size=32, verbose=0) > unmasked + 1e-4
    assert masked_model.evaluate(X, y_pad, batch_size=32, verbose=0) == pytest.approx(
        masked, rel=1e-6
    )


def test_padded_tagger_whose_loss_raises_never_trains():
    """Why SL211 is silent where SL201 reports: Keras raises before any padded step counts."""
    source = PaddingWithoutMask.bad_example.replace(
        '"sparse_categorical_crossentropy"', '"categorical_crossentropy"'
    ).replace("  # expect: SL211", "")
    assert {(d.code, d.severity.value) for d in lint_source(source, "<t>")} == {("SL201", "error")}
    with pytest.raises(ValueError, match=r"must have the same rank"):
        _run(source)


# -- SL212: a recurrent layer over one step is a feed-forward layer ----------------------------


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def test_lstm_over_one_step_never_uses_its_recurrent_weights():
    bad = _run(DegenerateWindow.bad_example)  # trains
    model, windows = bad["model"], bad["windows"]
    x, _ = next(iter(windows))
    x = np.asarray(x)
    assert x.shape[1:] == (1, 2)  # windows of a single step

    lstm = model.layers[0]
    kernel, recurrent, bias = (w.numpy() for w in lstm.weights)
    expected = lstm(x).numpy()

    # From the zero state the step is a function of x[:, 0] alone: gates = x W + b.
    z = x[:, 0] @ kernel + bias
    i, _f, g, o = np.split(z, 4, axis=-1)
    manual = _sigmoid(o) * np.tanh(_sigmoid(i) * np.tanh(g))
    np.testing.assert_allclose(expected, manual, rtol=1e-5, atol=1e-6)

    # The recurrent kernel plays no part: replace it and nothing changes.
    lstm.weights[1].assign(np.random.default_rng(0).normal(size=recurrent.shape) * 5)
    np.testing.assert_allclose(lstm(x).numpy(), expected, rtol=1e-6)


# -- SL213: what Keras 3 does with the Keras 2 idioms -------------------------------------------


def test_input_length_is_ignored_with_a_warning():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        bad = _run(Keras3Migration.bad_example)  # both models train
    assert any("`input_length` is deprecated" in str(w.message) for w in caught)

    from tensorflow import keras

    undeclared = keras.Sequential(
        [keras.layers.Embedding(1000, 16, input_length=20), keras.layers.LSTM(16)]
    )
    assert not undeclared.built  # input_length declares nothing
    declared = keras.Sequential(
        [keras.Input(shape=(20,)), keras.layers.Embedding(1000, 16), keras.layers.LSTM(16)]
    )
    assert declared.built and declared.output_shape == (None, 16)
    assert bad["model"].built  # the bad model was built by fit, from the data...
    assert bad["model"].input_shape[1:] == (30,)  # ...of 30 steps: input_length=20 ignored


def test_timeseries_generator_lives_only_in_the_legacy_namespace():
    from tensorflow.keras.preprocessing.sequence import TimeseriesGenerator

    assert TimeseriesGenerator.__module__.startswith("keras.src.legacy")
    import keras.preprocessing.sequence as sequence

    assert [n for n in dir(sequence) if not n.startswith("_")] == ["pad_sequences"]
    with pytest.raises(ImportError):
        from keras.preprocessing.sequence import TimeseriesGenerator  # noqa: F401
    import keras

    with pytest.raises(AttributeError):
        _ = keras.preprocessing.sequence.TimeseriesGenerator


def test_timeseries_dataset_from_array_needs_shifted_targets():
    from tensorflow import keras
    from tensorflow.keras.preprocessing.sequence import TimeseriesGenerator

    data = np.arange(30, dtype="float32").reshape(15, 2)
    targets = np.arange(15, dtype="float32") * 10
    length = 4

    def pairs(batches):
        xs, ys = zip(*((np.asarray(x), np.asarray(y)) for x, y in batches), strict=True)
        return np.concatenate(xs), np.concatenate(ys)

    generator = TimeseriesGenerator(data, targets, length=length, batch_size=5)
    gx, gy = pairs(generator[i] for i in range(len(generator)))
    assert gy[0] == targets[length]  # window data[0:4] -> targets[4]

    shifted = keras.utils.timeseries_dataset_from_array(
        data, targets[length:], sequence_length=length, batch_size=5
    )
    sx, sy = pairs(shifted)
    np.testing.assert_array_equal(sx, gx)
    np.testing.assert_array_equal(sy, gy)  # the hint's form gives the very same pairs

    unshifted = keras.utils.timeseries_dataset_from_array(
        data, targets, sequence_length=length, batch_size=5
    )
    _, uy = pairs(unshifted)
    assert uy[0] == targets[0]  # the same call without the shift pairs data[0:4] with targets[0]


# -- SL243: the last state of post-padded data is read after the padding ----------------------


def _any_length(model):
    """The model's own (trained) layers behind an input of any length."""
    from tensorflow import keras

    return keras.Sequential([keras.Input(shape=(None,)), *model.layers])


def _padded(tokens: list[int], length: int, side: str) -> np.ndarray:
    zeros = [0] * (length - len(tokens))
    return np.array([tokens + zeros if side == "post" else zeros + tokens])


def test_post_padded_last_state_depends_on_the_padding_and_forgets_the_tokens():
    from tensorflow import keras

    keras.utils.set_random_seed(0)
    bad = _run(PostPaddingLastState.bad_example)  # trains without a word
    model = _any_length(bad["model"])
    masked_model = _run(PostPaddingLastState.good_example)["model"]
    masked_model.set_weights(bad["model"].get_weights())  # same weights, only mask_zero differs
    masked = _any_length(masked_model)
    a, b = [5, 17, 42], [88, 3, 61]

    def out(m, tokens, length, side="post"):
        return float(m.predict(_padded(tokens, length, side), verbose=0)[0, 0])

    # The same sentence with 17 or 47 padding steps after it: two predictions without the
    # mask, one with it.
    assert abs(out(model, a, 20) - out(model, a, 50)) > 1e-5
    assert out(masked, a, 20) == pytest.approx(out(masked, a, 50), abs=1e-7)
    # The padding washes the tokens out of the last state: two different sentences get ever
    # closer predictions as the padding grows, unlike with the mask or with pre-padding.
    real = abs(out(masked, a, 20) - out(masked, b, 20))
    assert real > 1e-3
    assert abs(out(model, a, 20) - out(model, b, 20)) < 0.5 * real
    assert abs(out(model, a, 50) - out(model, b, 50)) < 1e-2 * real
    assert abs(out(model, a, 200) - out(model, b, 200)) < 1e-3 * real
    for length in (20, 50, 200):
        assert abs(out(model, a, length, "pre") - out(model, b, length, "pre")) > 0.5 * real


# TextVectorization configurations -> whether Keras returns a dense tensor (padded) or not
VECTORIZERS = {
    "fixed_length": ("output_sequence_length=8", True),
    "truncating_length": ("output_sequence_length=3", True),
    "longest_text": ("", True),
    "no_standardize": ("standardize=None, output_sequence_length=6", True),
    "lower_only": ('standardize="lower"', True),
    "character_split": ('split="character", output_sequence_length=12', True),
    "bigrams": ("ngrams=2, output_sequence_length=10", True),
    "ragged": ("ragged=True", False),
}
VECTORIZED = """
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
texts = np.array(["a fine film", "dull", "loved every single minute", "not for me"] * 4)
vectorizer = layers.TextVectorization(max_tokens=60, {options})
vectorizer.adapt(texts)
X = vectorizer(texts)
"""
CLASSIFIER = """y = np.random.randint(0, 2, size=(16, 1))
model = keras.Sequential([
    keras.Input(shape=(None,)),
    layers.Embedding(60, 8),
    layers.LSTM(8),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(X, y, epochs=1, verbose=0)
"""


@pytest.mark.parametrize("case", VECTORIZERS)
def test_textvectorization_pads_with_zeros_after_the_tokens_as_sl243_assumes(case):
    """Keras's TextVectorization (int mode) pads every shorter text with 0s after its tokens
    (``RaggedTensor.to_tensor()``) unless ``ragged=True``: SL243 reports the unmasked LSTM
    reading it to its last step exactly when Keras padded so."""
    import tensorflow as tf

    options, dense = VECTORIZERS[case]
    data = VECTORIZED.format(options=options)
    x = _run(data)["X"]
    assert isinstance(x, tf.Tensor) == dense
    if dense:
        rows = x.numpy()
        assert (rows == 0).any()  # some text was padded
        for row in rows:  # no token after the first 0: the padding comes last
            zeros = np.flatnonzero(row == 0)
            assert not zeros.size or not row[zeros[0] :].any()
    found = [(d.code, d.line) for d in lint_source(data + CLASSIFIER, "<t>")]
    assert found == ([("SL243", 13)] if dense else [])


def test_bidirectional_loses_the_tokens_in_the_half_that_reads_the_padding_last():
    """SL243 reports a Bidirectional layer on post-padded data (its forward half) and hints
    at the mask only: pre-padding moves the loss to the backward half."""
    from tensorflow import keras

    keras.utils.set_random_seed(0)
    source = PostPaddingLastState.bad_example.replace(
        "layers.LSTM(16),", "layers.Bidirectional(layers.LSTM(16)),"
    )
    assert {(d.code, d.line) for d in lint_source(source, "<t>")} == {("SL243", 12)}
    model = _run(source)["model"]
    halves = keras.Sequential([keras.Input(shape=(None,)), *model.layers[:2]])  # (1, 32)
    a, b = [5, 17, 42], [88, 3, 61]
    for side, lost, kept in (
        ("post", slice(0, 16), slice(16, 32)),
        ("pre", slice(16, 32), slice(0, 16)),
    ):
        gap = np.abs(
            halves.predict(_padded(a, 200, side), verbose=0)
            - halves.predict(_padded(b, 200, side), verbose=0)
        )[0]
        assert gap[kept].max() > 1e-3, side
        assert gap[lost].max() < 1e-3 * gap[kept].max(), side
    masked = source.replace(
        "layers.Embedding(100, 16)", "layers.Embedding(100, 16, mask_zero=True)"
    )
    assert lint_source(masked, "<t>") == []

"""SL243 post-padding-last-state: post-padded data read to its last step without a mask."""

from tests.helpers import lint

HEADER = """
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.preprocessing.sequence import pad_sequences
tokens = [np.random.randint(1, 100, size=n) for n in np.random.randint(3, 20, size=32)]
X = pad_sequences(tokens, maxlen=20, padding="post")
y = np.random.randint(0, 2, size=(32, 1))
"""


def sl243(body: str, header: str = HEADER) -> list:
    return [d for d in lint(header + body) if d.code == "SL243"]


def classifier(
    embedding: str = "layers.Embedding(100, 16)",
    recurrent: str = "layers.LSTM(16)",
    middle: str = "",
    fit: str = "model.fit(X, y)",
) -> str:
    return f"""
model = keras.Sequential([
    keras.Input(shape=(20,)),
    {embedding},{middle}
    {recurrent},
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
{fit}
"""


def test_reported_at_the_recurrent_layer_naming_the_padding_line():
    (found,) = sl243(classifier())
    assert (found.code, found.line, found.severity.value) == ("SL243", 13, "warning")
    assert found.message == (
        'X is padded after the tokens by pad_sequences(..., padding="post") at line 7 and '
        "Embedding(100, 16) at line 12 has no mask_zero=True: LSTM(16) at line 13 returns "
        "its state after the last of its 20 steps, and for every sequence shorter than 20 "
        "that step is padding (fit at line 17); nothing fails, but the output depends on how "
        "much padding follows the tokens and forgets them"
    )
    assert found.hint == (
        "set mask_zero=True on Embedding(100, 16) (the last state is then the last real "
        'step\'s), or pad with padding="pre" so that the tokens are the last steps'
    )


def test_gru_simple_rnn_and_stacked_layers():
    assert [d.line for d in sl243(classifier(recurrent="layers.GRU(8)"))] == [13]
    assert [d.line for d in sl243(classifier(recurrent="layers.SimpleRNN(8)"))] == [13]
    stacked = classifier(middle="\n    layers.LSTM(16, return_sequences=True),")
    assert [d.line for d in sl243(stacked)] == [14]  # the layer returning the last state
    dropped = classifier(middle="\n    layers.Dropout(0.2),")
    assert [d.line for d in sl243(dropped)] == [14]


def test_a_mask_makes_it_clean():
    assert sl243(classifier("layers.Embedding(100, 16, mask_zero=True)")) == []
    assert sl243(classifier(middle="\n    layers.Masking(),")) == []
    assert sl243(classifier("layers.Embedding(100, 16, mask_zero=flag)")) == []  # unknown


def test_pre_padding_and_unknown_side_are_clean():
    for side in ('maxlen=20, padding="pre"', "maxlen=20", "20, padding=side", '20, "int32", "pre"'):
        header = HEADER.replace('maxlen=20, padding="post"', side)
        assert sl243(classifier(), header) == [], side
    not_zero = HEADER.replace('padding="post")', 'padding="post", value=-1)')
    assert sl243(classifier(), not_zero) == []
    assert (
        len(sl243(classifier(), HEADER.replace('maxlen=20, padding="post"', '20, "int32", "post"')))
        == 1
    )


def test_every_step_used_is_clean():
    every = classifier(
        recurrent="layers.LSTM(16, return_sequences=True)",
        middle="",
    ).replace(
        '    layers.Dense(1, activation="sigmoid"),',
        '    layers.GlobalAveragePooling1D(),\n    layers.Dense(1, activation="sigmoid"),',
    )
    assert sl243(every) == []
    assert sl243(classifier(recurrent="layers.LSTM(16, go_backwards=True)")) == []


def test_bidirectional_is_reported_for_its_forward_half_with_the_mask_fix():
    (found,) = sl243(classifier(recurrent="layers.Bidirectional(layers.LSTM(16))"))
    assert found.line == 13
    assert "Bidirectional(LSTM(16)) at line 13 returns, in its forward half, the state" in (
        found.message
    )
    assert found.hint == (
        "set mask_zero=True on Embedding(100, 16): both directions then skip the padded steps"
    )
    pre = HEADER.replace('padding="post"', 'padding="pre"')
    assert sl243(classifier(recurrent="layers.Bidirectional(layers.LSTM(16))"), pre) == []


def test_float_sequences_without_embedding_get_the_masking_hint():
    header = HEADER.replace('padding="post")', 'padding="post", dtype="float32")')
    body = """
model = keras.Sequential([keras.Input(shape=(20, 1)), layers.LSTM(8), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X[..., None], y)
"""
    (found,) = sl243(body, header)
    assert found.line == 10
    assert found.message.startswith(
        'x (line 12) is padded after the tokens by pad_sequences(..., padding="post") at line 7 '
        "and no layer masks it: LSTM(8) at line 10 returns its state"
    )
    assert found.hint.startswith("add layers.Masking(mask_value=0.0) before LSTM(8)")


def test_sl211_reports_a_tagger_and_sl243_stays_silent_on_the_same_embedding():
    header = HEADER.replace("size=(32, 1))", "size=(32, 20))")
    both = """
inputs = keras.Input(shape=(20,))
embedded = layers.Embedding(100, 16)(inputs)
steps = layers.LSTM(16, return_sequences=True)(embedded)
summary = layers.RepeatVector(20)(layers.LSTM(8)(embedded))
outputs = layers.Dense(4, activation="softmax")(layers.Concatenate()([steps, summary]))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X, y)
"""
    found = lint(header + both)
    assert {(d.code, d.line) for d in found if d.code in ("SL211", "SL243")} == {("SL211", 11)}
    # An autoencoder's per-step output goes through the last state: SL211 is silent, SL243
    # reports the encoder.
    autoencoder = """
model = keras.Sequential([
    keras.Input(shape=(20,)),
    layers.Embedding(100, 16),
    layers.LSTM(8),
    layers.RepeatVector(20),
    layers.LSTM(8, return_sequences=True),
    layers.Dense(4, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X, y)
"""
    found = lint(header + autoencoder)
    assert {(d.code, d.line) for d in found if d.code in ("SL211", "SL243")} == {("SL243", 13)}


def test_predict_and_split_data():
    assert [d.line for d in sl243(classifier(fit="model.predict(X)"))] == [13]
    split = classifier(fit="model.fit(X[:24], y[:24])")
    assert [d.line for d in sl243(split)] == [13]


VECTORIZED = """
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
texts = ["a fine film", "dull and long", "loved every minute", "not for me"] * 8
vectorizer = layers.TextVectorization(max_tokens=100{options})
vectorizer.adapt(texts)
X = vectorizer(texts)
y = np.random.randint(0, 2, size=(32, 1))
"""


def test_textvectorization_pads_after_the_tokens_and_has_only_the_mask_fix():
    (found,) = sl243(classifier(), VECTORIZED.format(options=", output_sequence_length=20"))
    assert (found.line, found.severity.value) == (14, "warning")
    assert found.message == (
        "X is padded after the tokens by a TextVectorization layer at line 8 and "
        "Embedding(100, 16) at line 13 has no mask_zero=True: LSTM(16) at line 14 returns "
        "its state after the last of its 20 steps, and for every sequence shorter than 20 "
        "that step is padding (fit at line 18); nothing fails, but the output depends on how "
        "much padding follows the tokens and forgets them"
    )
    assert found.hint == (
        "set mask_zero=True on Embedding(100, 16) (the last state is then the last real step's)"
    )
    # without output_sequence_length Keras pads each call to its longest text, after it
    assert [d.line for d in sl243(classifier(), VECTORIZED.format(options=""))] == [14]
    masked = classifier(embedding="layers.Embedding(100, 16, mask_zero=True)")
    assert sl243(masked, VECTORIZED.format(options=", output_sequence_length=20")) == []
    # ragged=True returns a RaggedTensor: nothing is padded
    assert sl243(classifier(), VECTORIZED.format(options=", ragged=True")) == []

"""SL211 padding-without-mask: zero-padded data trained per step without a mask."""

from tests.helpers import codes_and_lines, lint

HEADER = """
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.preprocessing.sequence import pad_sequences
tokens = np.random.randint(1, 100, size=(32, 12))
X = pad_sequences(tokens, maxlen=20, padding="post")
y = np.random.randint(0, 4, size=(32, 20))
"""


def sl211(body: str) -> list:
    return [d for d in lint(HEADER + body) if d.code == "SL211"]


def tagger(
    embedding: str = "layers.Embedding(100, 16)",
    middle: str = "",
    recurrent: str = "layers.LSTM(16, return_sequences=True)",
    loss: str = '"sparse_categorical_crossentropy"',
    fit: str = "model.fit(X, y)",
) -> str:
    return f"""
model = keras.Sequential([
    keras.Input(shape=(20,)),
    {embedding},{middle}
    {recurrent},
    layers.Dense(4, activation="softmax"),
])
model.compile(optimizer="adam", loss={loss})
{fit}
"""


def test_reported_at_the_embedding_with_the_mask_zero_hint():
    (found,) = sl211(tagger())
    assert found.line == 12 and found.severity.value == "warning"
    assert "X (line 7) is zero-padded by pad_sequences" in found.message
    assert "LSTM(16, return_sequences=True) at line 13 reads the padding" in found.message
    assert "(batch, 20, 4)" in found.message
    assert "mask_zero=True" in found.hint


def test_masking_makes_it_clean():
    assert sl211(tagger("layers.Embedding(100, 16, mask_zero=True)")) == []
    assert sl211(tagger(middle="\n    layers.Masking(),")) == []
    assert sl211(tagger("layers.Embedding(100, 16, mask_zero=flag)")) == []  # unknown: silent


def test_many_to_one_model_is_clean():
    body = tagger(recurrent="layers.LSTM(16)").replace("y)", "y[:, 0])")
    assert sl211(body) == []


def test_loss_that_leaves_the_padding_out_is_clean():
    assert sl211(tagger(fit="model.fit(X, y, sample_weight=(X != 0))")) == []
    ignoring = "keras.losses.SparseCategoricalCrossentropy(ignore_class=0)"
    assert sl211(tagger(loss=ignoring)) == []
    assert sl211(tagger(loss="masked_loss")) == []  # a custom loss may mask


def test_data_not_zero_padded_is_clean():
    body = tagger().replace("model.fit(X, y)", "model.fit(tokens[:, :20], y)")
    assert sl211(body) == []
    marked = HEADER.replace('padding="post")', 'padding="post", value=-1)')
    assert [d for d in lint(marked + tagger()) if d.code == "SL211"] == []


def test_predict_has_no_loss():
    assert sl211(tagger(fit="model.predict(X)")) == []


def test_bidirectional_and_functional_taggers():
    assert (
        len(sl211(tagger(recurrent="layers.Bidirectional(layers.GRU(8, return_sequences=True))")))
        == 1
    )
    body = """
words = keras.Input(shape=(None,))
h = layers.Embedding(100, 16)(words)
h = layers.LSTM(16, return_sequences=True)(h)
model = keras.Model(words, layers.TimeDistributed(layers.Dense(4, activation="softmax"))(h))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X, y)
"""
    (found,) = sl211(body)
    assert found.line == 11


def test_time_axis_changed_on_the_way_is_not_judged():
    body = tagger(middle="\n    layers.Conv1D(8, 3),")
    assert sl211(body) == []


def test_silent_when_the_same_loss_raises():
    """SL201 reports that Keras raises at this fit: no padded step is ever counted."""
    body = tagger(loss='"categorical_crossentropy"')  # integer targets: Keras raises
    assert codes_and_lines(HEADER + body) == {("SL201", 17)}
    assert sl211(tagger(loss='"sparse_categorical_crossentropy"')) != []

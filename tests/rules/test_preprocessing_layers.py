"""The preprocessing layers' shape problems, as the rules report them: one script per problem
kind (tests/keras/test_preprocessing_keras.py runs each in Keras, which raises)."""

from __future__ import annotations

import textwrap

import pytest

from tests.helpers import codes_and_lines, expected_markers, lint

# The scripts end by running the model where Keras raises only when it runs the layer.
SCRIPTS = {
    "RANK: flat vectors declared for an image augmentation (SL102)": """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(784,))  # expect: SL102
        x = layers.RandomFlip("horizontal")(inputs)
        outputs = layers.Dense(10, activation="softmax")(x)
        model = keras.Model(inputs, outputs)
        model.predict(np.zeros((2, 784)), verbose=0)
        """,
    "RANK: an image augmentation after Flatten (SL114)": """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape=(28, 28, 1)),
            layers.Flatten(),
            layers.RandomRotation(0.1),  # expect: SL114
            layers.Dense(10, activation="softmax"),
        ])
        model.predict(np.zeros((2, 28, 28, 1)), verbose=0)
        """,
    "RANK: signals declared without their channel axis (SL102)": """\
        from tensorflow import keras
        from tensorflow.keras import layers

        audio = keras.Input(shape=(16000,))  # expect: SL102
        spectrogram = layers.STFTSpectrogram(frame_length=256, frame_step=128)(audio)
        """,
    "LAYER_CONFIG: TextVectorization splitting two strings per sample (SL114)": """\
        import tensorflow as tf
        from tensorflow import keras
        from tensorflow.keras import layers

        vectorizer = layers.TextVectorization(vocabulary=["good", "bad"], output_sequence_length=8)
        texts = keras.Input(shape=(2,), dtype="string")
        tokens = vectorizer(texts)  # expect: SL114
        outputs = layers.Embedding(100, 8)(tokens)
        model = keras.Model(texts, outputs)
        model.predict(tf.constant([["good film", "bad end"]]), verbose=0)
        """,
    "UNDEFINED_AXIS: Normalization of features of undefined number (SL110)": """\
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(None,))
        x = layers.Normalization()(inputs)  # expect: SL110
        outputs = layers.Dense(1)(x)
        """,
    "MERGE_NOT_LIST: HashedCrossing of one stacked tensor (SL105)": """\
        from tensorflow import keras
        from tensorflow.keras import layers

        features = keras.Input(shape=(2,), dtype="int64")
        crossed = layers.HashedCrossing(num_bins=32)(features)  # expect: SL105
        """,
    "MERGE_DIMS: HashedCrossing of (batch, 1) and (batch,) features (SL104)": """\
        from tensorflow import keras
        from tensorflow.keras import layers

        country = keras.Input(shape=(1,), dtype="int64")
        language = keras.Input(shape=(), dtype="int64")
        cross = layers.HashedCrossing(num_bins=32, output_mode="one_hot")
        crossed = cross([country, language])  # expect: SL104
        """,
    "LENGTH: an STFT frame longer than the signal (SL108)": """\
        from tensorflow import keras
        from tensorflow.keras import layers

        audio = keras.Input(shape=(256, 1))
        stft = layers.STFTSpectrogram(frame_length=512, frame_step=128)
        spectrogram = stft(audio)  # expect: SL108
        """,
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_the_rule_reports_the_problem_at_its_line(name: str) -> None:
    source = textwrap.dedent(SCRIPTS[name])
    assert codes_and_lines(source) == expected_markers(source)


def test_messages_say_what_the_layer_needs() -> None:
    source = textwrap.dedent(
        SCRIPTS["RANK: flat vectors declared for an image augmentation (SL102)"]
    )
    (found,) = lint(source)
    assert "expects input of rank 4 (batch, height, width, channels)" in found.message
    assert found.hint == (
        "declare shape as one sample of (batch, height, width, channels), without the batch axis"
    )
    source = textwrap.dedent(SCRIPTS["RANK: signals declared without their channel axis (SL102)"])
    (found,) = lint(source)
    assert found.hint == (
        "declare the channels axis, shape=(16000, 1) for one channel, and feed data of shape "
        "(samples, 16000, 1)"
    )
    source = textwrap.dedent(SCRIPTS["LENGTH: an STFT frame longer than the signal (SL108)"])
    (found,) = lint(source)
    assert "fewer than the 512 that frame_length=512 spans" in found.message


def test_a_tokenized_text_of_one_string_per_sample_is_silent() -> None:
    source = """\
        from tensorflow import keras
        from tensorflow.keras import layers

        vectorizer = layers.TextVectorization(max_tokens=1000, output_mode="multi_hot")
        texts = keras.Input(shape=(1,), dtype="string")
        outputs = layers.Dense(1, activation="sigmoid")(vectorizer(texts))
        model = keras.Model(texts, outputs)
        """
    assert codes_and_lines(textwrap.dedent(source)) == set()

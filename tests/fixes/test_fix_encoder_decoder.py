"""SL101 on an encoder feeding a decoder: the hint and the unsafe ``RepeatVector`` fix, only
where the code looks like an encoder-decoder (proven in Keras by
tests/keras/test_fixes_keras.py, which runs these sources fixed)."""

from __future__ import annotations

from textwrap import dedent

import pytest

from seqlint.analysis import lint_source
from seqlint.fixing import fix_source

# the targets have 3 steps, the input 6: only a RepeatVector(3) can give them
SEQUENTIAL_LIST = dedent(
    """\
    import numpy as np
    from tensorflow.keras.layers import (
        LSTM,
        Dense,
        TimeDistributed,
    )
    from tensorflow.keras.models import Sequential

    X = np.random.rand(20, 6, 1)
    y = np.random.rand(20, 3, 1)
    model = Sequential([
        LSTM(16, input_shape=(6, 1)),
        LSTM(16, return_sequences=True),  # expect: SL101
        TimeDistributed(Dense(1)),
    ])
    model.compile(optimizer="adam", loss="mse")
    model.fit(X, y, epochs=1, verbose=0)
    """
)

# an autoencoder: fit(X, X)
FUNCTIONAL = dedent(
    """\
    import numpy as np
    from keras.layers import LSTM, Dense, Input, TimeDistributed
    from keras.models import Model

    inputs = Input(shape=(8, 2))
    encoded = LSTM(32)(inputs)  # encoder
    decoded = LSTM(32, return_sequences=True)(encoded)  # expect: SL101
    outputs = TimeDistributed(Dense(2))(decoded)
    model = Model(inputs, outputs)
    model.compile(optimizer="adam", loss="mse")
    X = np.random.rand(10, 8, 2)
    model.fit(X, X, epochs=1, verbose=0)
    """
)

ADDED = dedent(
    """\
    import numpy as np
    from tensorflow import keras

    X = np.random.rand(10, 8, 2)
    y = np.random.rand(10, 4, 2)
    model = keras.Sequential()
    model.add(keras.layers.LSTM(32, input_shape=(8, 2)))
    # decoder
    model.add(keras.layers.LSTM(32, return_sequences=True))  # expect: SL101
    model.add(keras.layers.TimeDistributed(keras.layers.Dense(2)))
    model.compile(optimizer="adam", loss="mse")
    model.fit(X, y, epochs=1, verbose=0)
    """
)

# a per-step tagger that forgot return_sequences: stacking, not an encoder-decoder
TAGGER = dedent(
    """\
    import numpy as np
    from tensorflow.keras.layers import LSTM, Dense, Input
    from tensorflow.keras.models import Sequential

    X = np.random.rand(16, 12, 4)
    y = np.random.randint(0, 3, size=(16, 12))
    model = Sequential()
    model.add(Input(shape=(12, 4)))
    model.add(LSTM(32))
    model.add(LSTM(16, return_sequences=True))  # expect: SL101
    model.add(Dense(3, activation="softmax"))
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.fit(X, y, epochs=1, verbose=0)
    """
)

ENCODER_DECODERS = {"list": SEQUENTIAL_LIST, "functional": FUNCTIONAL, "add": ADDED}


def sl101(source: str):
    [finding] = [d for d in lint_source(source, "<test>") if d.code == "SL101"]
    return finding


def test_a_sequential_list_gets_the_layer_and_its_import() -> None:
    assert fix_source(SEQUENTIAL_LIST, "<test>").fixed == 0  # unsafe only
    result = fix_source(SEQUENTIAL_LIST, "<test>", unsafe=True)
    assert result.fixed == 1
    assert result.source == SEQUENTIAL_LIST.replace(
        "    TimeDistributed,\n)", "    TimeDistributed,\n    RepeatVector,\n)"
    ).replace(
        "    LSTM(16, input_shape=(6, 1)),\n",
        "    LSTM(16, input_shape=(6, 1)),\n    RepeatVector(3),\n",
    )


def test_a_functional_decoder_is_fed_through_the_new_layer() -> None:
    result = fix_source(FUNCTIONAL, "<test>", unsafe=True).source
    assert result == FUNCTIONAL.replace(
        "Input, TimeDistributed\n", "Input, TimeDistributed, RepeatVector\n"
    ).replace("(encoded)", "(RepeatVector(8)(encoded))")


def test_model_add_gets_a_statement_before_the_decoder_and_its_comment() -> None:
    result = fix_source(ADDED, "<test>", unsafe=True).source
    assert result == ADDED.replace(
        "input_shape=(8, 2)))\n", "input_shape=(8, 2)))\nmodel.add(keras.layers.RepeatVector(4))\n"
    )


@pytest.mark.parametrize("name", ENCODER_DECODERS)
def test_the_fixed_encoder_decoder_is_clean_and_a_second_fix_changes_nothing(name) -> None:
    result = fix_source(ENCODER_DECODERS[name], "<test>", unsafe=True).source
    assert not lint_source(result, "<test>")
    assert fix_source(result, "<test>", unsafe=True).fixed == 0


def test_the_hints_name_the_repeat_vector_and_stacking_only_where_it_can_be_right() -> None:
    assert sl101(SEQUENTIAL_LIST).hint == (
        "insert RepeatVector(3) before LSTM(16, return_sequences=True) at line 13 "
        "to repeat the encoder's vector over the targets' 3 steps"
    )
    assert sl101(FUNCTIONAL).hint == (
        "for an encoder-decoder, insert RepeatVector(8) before "
        "LSTM(32, return_sequences=True) at line 7; to stack the recurrent layers instead, "
        "set return_sequences=True on LSTM(32) at line 6"
    )
    assert sl101(FUNCTIONAL).fix is not None and sl101(FUNCTIONAL).fix.applicability == "unsafe"


def test_a_stack_that_forgot_return_sequences_is_not_called_an_encoder_decoder() -> None:
    finding = sl101(TAGGER)
    assert (
        finding.hint
        == "set return_sequences=True on LSTM(32) at line 9 to stack the recurrent layers"
    )
    assert "return_sequences=True)" in fix_source(TAGGER, "<test>").source.splitlines()[8]


def test_no_repeat_vector_when_the_output_steps_are_not_known() -> None:
    unknown = SEQUENTIAL_LIST.replace("y = np.random.rand(20, 3, 1)", "y = load_targets()")
    finding = sl101(unknown)
    assert "RepeatVector" not in finding.hint
    assert fix_source(unknown, "<test>", unsafe=True).source != unknown  # stacking, then
    reconstructs = FUNCTIONAL.replace("np.random.rand(10, 8, 2)", 'np.load("x.npy")').replace(
        "Input(shape=(8, 2))", "Input(shape=(None, 2))"
    )
    assert "insert RepeatVector(output_steps) before" in sl101(reconstructs).hint
    assert fix_source(reconstructs, "<test>", unsafe=True).source == reconstructs


def test_the_import_is_added_once_for_two_decoders() -> None:
    two = FUNCTIONAL.replace(
        "outputs = TimeDistributed(Dense(2))(decoded)",
        "again = LSTM(32)(inputs)\n"
        "second = LSTM(32, return_sequences=True)(again)\n"
        "outputs = TimeDistributed(Dense(2))(Concatenate()([decoded, second]))",
    ).replace("Input, TimeDistributed", "Input, TimeDistributed, Concatenate")
    result = fix_source(two, "<test>", unsafe=True)
    assert result.fixed == 2
    assert result.source.count("RepeatVector") == 3  # the import and two layers


def test_a_decoder_added_by_name_gets_the_statement_before_its_add() -> None:
    by_name = ADDED.replace(
        "model.add(keras.layers.LSTM(32, return_sequences=True))  # expect: SL101\n",
        "decoder = keras.layers.LSTM(32, return_sequences=True)  # expect: SL101\n"
        "model.add(decoder)\n",
    )
    assert fix_source(by_name, "<test>", unsafe=True).source == by_name.replace(
        "model.add(decoder)\n", "model.add(keras.layers.RepeatVector(4))\nmodel.add(decoder)\n"
    )


def test_the_comment_after_the_encoder_stays_with_it_alone() -> None:
    source = dedent(
        """\
        import numpy as np
        from tensorflow import keras

        model = keras.Sequential([
            keras.Input(shape=(20, 8)),
            keras.layers.LSTM(64),  # the encoder
            keras.layers.LSTM(32, return_sequences=True),  # the decoder  # expect: SL101
        ])
        X = np.zeros((4, 20, 8))
        model.compile(loss="mse")
        model.fit(X, X)
        """
    )
    assert fix_source(source, "<test>", unsafe=True).source == source.replace(
        "# the encoder\n", "# the encoder\n    keras.layers.RepeatVector(20),\n"
    )


def test_comments_on_the_last_argument_and_the_last_import_stay_on_their_lines() -> None:
    source = dedent(
        """\
        import numpy as np
        from keras import Input
        from keras.layers import (
            LSTM,  # recurrent
        )
        from keras.models import Model

        inputs = Input(shape=(8, 2))
        encoded = LSTM(
            32,  # units
        )(inputs)
        decoded = LSTM(32, return_sequences=True)(encoded)  # expect: SL101
        model = Model(inputs, decoded)
        model.compile(optimizer="adam", loss="mse")
        X = np.random.rand(10, 8, 2)
        model.fit(X, X, epochs=1, verbose=0)
        """
    )
    assert (
        "    LSTM,  # recurrent\n    RepeatVector,\n)\n"
        in fix_source(source, "<test>", unsafe=True).source
    )
    stacked = source.replace("return_sequences=True)(encoded)", ")(encoded)")
    assert (
        "    32,  # units\n    return_sequences=True,\n)(inputs)\n"
        in fix_source(stacked, "<test>").source
    )


# the output steps come from the builder's parameter: the fix writes it, not its value
BUILDER = dedent(
    """\
    import numpy as np
    from tensorflow import keras
    from tensorflow.keras import layers


    def build(n_in, n_out, n_features):
        model = keras.Sequential()
        model.add(keras.Input(shape=(n_in, n_features)))
        model.add(layers.LSTM(64))
        model.add(layers.LSTM(32, return_sequences=True))  # expect: SL101
        model.add(layers.TimeDistributed(layers.Dense(n_features)))
        model.compile(optimizer="adam", loss="mse")
        return model


    X = np.zeros((100, 10, 3))
    y = np.zeros((100, 7, 3))
    model = build(10, 7, 3)
    model.fit(X, y)
    """
)
ENCODER_DECODERS["builder"] = BUILDER


def test_the_fix_writes_the_name_that_holds_the_steps_where_it_goes() -> None:
    finding = sl101(BUILDER)
    assert finding.hint == (
        "insert RepeatVector(n_out) before LSTM(32, return_sequences=True) at line 10 "
        "to repeat the encoder's vector over the targets' n_out steps"
    )
    result = fix_source(BUILDER, "<test>", unsafe=True).source
    assert result == BUILDER.replace(
        "    model.add(layers.LSTM(64))\n",
        "    model.add(layers.LSTM(64))\n    model.add(layers.RepeatVector(n_out))\n",
    )
    assert not lint_source(result, "<test>")


def test_a_size_two_names_hold_is_written_as_the_number() -> None:
    source = BUILDER.replace("build(10, 7, 3)", "build(10, 7, 7)").replace(
        "np.zeros((100, 7, 3))", "np.zeros((100, 7, 7))"
    )  # n_out and n_features both hold 7: which one is meant is unknown
    assert "RepeatVector(7) before" in sl101(source).hint
    result = fix_source(source, "<test>", unsafe=True).source
    assert "    model.add(layers.RepeatVector(7))\n" in result


# a builder given the arrays: the steps are the targets' axis 1, which no name holds
ARRAYS = dedent(
    """\
    import numpy as np
    from tensorflow import keras
    from tensorflow.keras import layers


    def build(X, y):
        model = keras.Sequential()
        model.add(keras.Input(shape=(X.shape[1], X.shape[2])))
        model.add(layers.LSTM(64))
        model.add(layers.LSTM(32, return_sequences=True))  # expect: SL101
        model.add(layers.TimeDistributed(layers.Dense(y.shape[2])))
        model.compile(optimizer="adam", loss="mse")
        return model


    X = np.zeros((100, 10, 3))
    y = np.zeros((100, 7, 2))
    model = build(X, y)
    model.fit(X, y)
    """
)
ENCODER_DECODERS["arrays"] = ARRAYS


def test_the_fix_writes_the_array_axis_a_builder_was_given() -> None:
    assert "insert RepeatVector(y.shape[1]) before" in sl101(ARRAYS).hint
    result = fix_source(ARRAYS, "<test>", unsafe=True).source
    assert result == ARRAYS.replace(
        "    model.add(layers.LSTM(64))\n",
        "    model.add(layers.LSTM(64))\n    model.add(layers.RepeatVector(y.shape[1]))\n",
    )
    # at the top level the arrays' sizes are literals the code states: the number is written
    assert "RepeatVector(3)" in fix_source(SEQUENTIAL_LIST, "<test>", unsafe=True).source

"""What each rule's fix does to a source (``seqlint.fixing.fix_source``), proven in Keras by
tests/keras/test_fixes_keras.py."""

from __future__ import annotations

from textwrap import dedent

from seqlint.analysis import lint_source
from seqlint.fixing import fix_source

STACKED = dedent(
    """\
    from tensorflow import keras
    from tensorflow.keras import layers

    model = keras.Sequential([
        keras.Input(shape=(20, 8)),
        layers.LSTM(64),  # the encoder
        layers.LSTM(32),
        layers.Dense(1),
    ])
    """
)


def fixed(source: str, *, unsafe: bool = False) -> str:
    return fix_source(dedent(source), "<test>", unsafe=unsafe).source


def test_return_sequences_is_added_and_comments_kept() -> None:
    result = fix_source(STACKED, "<test>")
    assert result.fixed == 1
    assert result.source == STACKED.replace(
        "layers.LSTM(64),  # the encoder", "layers.LSTM(64, return_sequences=True),  # the encoder"
    )
    assert not lint_source(result.source, "<test>")
    assert fix_source(result.source, "<test>").fixed == 0  # idempotent


def test_an_explicit_false_is_replaced_and_a_one_argument_a_line_call_keeps_its_layout() -> None:
    source = STACKED.replace(
        "layers.LSTM(64),  # the encoder",
        "layers.LSTM(\n        64,\n        return_sequences=False,\n    ),",
    )
    assert "return_sequences=True,\n    )," in fixed(source)
    source = STACKED.replace("layers.LSTM(64),  # the encoder", "layers.LSTM(\n        64,\n    ),")
    assert "layers.LSTM(\n        64,\n        return_sequences=True,\n    )," in fixed(source)


def test_a_bidirectional_layer_gets_it_on_the_wrapped_layer() -> None:
    source = STACKED.replace("layers.LSTM(64),", "layers.Bidirectional(layers.LSTM(64)),")
    assert "layers.Bidirectional(layers.LSTM(64, return_sequences=True))," in fixed(source)


def test_no_fix_when_the_layer_is_used_elsewhere_or_takes_kwargs() -> None:
    shared = dedent(
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(20, 8))
        summary = layers.LSTM(64)(inputs)
        x = layers.LSTM(32)(summary)
        outputs = layers.Concatenate()([x, summary])
        model = keras.Model(inputs, outputs)
        """
    )
    assert fix_source(shared, "<test>").fixed == 0
    splat = STACKED.replace("layers.LSTM(64),", "layers.LSTM(**config),").replace(
        "from tensorflow import keras", "from tensorflow import keras\nconfig = dict(units=64)"
    )
    assert fix_source(splat, "<test>").source == splat


def test_time_distributed_after_a_collapsed_lstm() -> None:
    source = STACKED.replace("layers.LSTM(32),", "layers.TimeDistributed(layers.Dense(3)),")
    assert "layers.LSTM(64, return_sequences=True)," in fixed(source)


def test_input_shape_of_the_whole_array_drops_the_batch_axis() -> None:
    source = """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.zeros((16, 10, 3))
        model = keras.Sequential([layers.GRU(4, input_shape=X.shape), layers.Dense(1)])
        inputs = keras.Input(shape=X.shape)
        other = keras.Model(inputs, layers.GRU(4)(inputs))
        """
    result = fixed(source)
    assert "layers.GRU(4, input_shape=X.shape[1:])" in result
    assert "keras.Input(shape=X.shape[1:])" in result
    positional = dedent(source).replace("keras.Input(shape=X.shape)", "keras.Input(X.shape)")
    assert "keras.Input(X.shape)" in fixed(positional)  # no keyword to edit: left alone


CLASSIFIER = """\
    import numpy as np
    from tensorflow import keras
    from tensorflow.keras import layers

    X = np.random.rand(32, 10, 4)
    y = np.random.randint(0, 5, size=(32,))
    model = keras.Sequential([keras.Input(shape=(10, 4)), layers.LSTM(8),
                              layers.Dense(5, activation="softmax")])
    model.compile(optimizer="adam", loss='categorical_crossentropy')
    model.fit(X, y, epochs=1)
    """


def test_integer_labels_with_categorical_loss_switch_to_sparse() -> None:
    assert "loss='sparse_categorical_crossentropy'" in fixed(CLASSIFIER)


def test_one_hot_labels_with_sparse_loss_switch_to_categorical() -> None:
    source = CLASSIFIER.replace(
        "y = np.random.randint(0, 5, size=(32,))",
        "y = keras.utils.to_categorical(np.random.randint(0, 5, size=(32,)), 5)",
    ).replace("'categorical_crossentropy'", '"sparse_categorical_crossentropy"')
    assert 'loss="categorical_crossentropy"' in fixed(source)


def test_per_step_targets_need_unsafe_fixes() -> None:
    source = CLASSIFIER.replace("size=(32,))", "size=(32, 10))").replace(
        "'categorical_crossentropy'", "'sparse_categorical_crossentropy'"
    )
    assert fixed(source) == dedent(source)
    assert "layers.LSTM(8, return_sequences=True)" in fixed(source, unsafe=True)


CONCAT = """\
    from tensorflow import keras

    a = keras.Input(shape=(20, 3))
    b = keras.Input(shape=(10, 3))
    x = keras.layers.Concatenate(axis=-1)([a, b])
    """


def test_concatenate_axis_is_unsafe_and_named_in_the_hint() -> None:
    (diagnostic,) = lint_source(dedent(CONCAT), "<test>")
    assert (
        diagnostic.hint
        == "use axis=-2: joins (batch, 20, 3) and (batch, 10, 3) into (batch, 30, 3)"
    )
    assert fixed(CONCAT) == dedent(CONCAT)
    assert "Concatenate(axis=-2)" in fixed(CONCAT, unsafe=True)


def test_no_axis_fix_when_no_axis_can_join() -> None:
    source = CONCAT.replace("shape=(10, 3)", "shape=(10, 4)")  # no axis joins them
    assert fixed(source, unsafe=True) == dedent(source)


GENERATOR = """\
    import numpy as np
    from tensorflow import keras

    def batches():
        while True:
            yield np.zeros((4, 10, 3)), np.zeros((4, 1))

    model = keras.Sequential([keras.Input(shape=(10, 3)), keras.layers.LSTM(4),
                              keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    model.fit_generator(CALL)
    """


def test_fit_generator_becomes_fit() -> None:
    source = GENERATOR.replace("CALL", "batches(), steps_per_epoch=4, epochs=1")
    assert "model.fit(batches(), steps_per_epoch=4, epochs=1)" in fixed(source)
    source = GENERATOR.replace("CALL", "generator=batches(), steps_per_epoch=4")
    assert "model.fit(x=batches(), steps_per_epoch=4)" in fixed(source)


def test_fit_generator_is_left_when_fit_would_read_it_differently() -> None:
    for call in ("batches(), 4, 1", "batches(), steps_per_epoch=4, workers=2"):
        source = GENERATOR.replace("CALL", call)
        assert fixed(source) == dedent(source), call


CUDNN = """\
    import numpy as np
    from tensorflow import keras
    from tensorflow.keras import layers
    from tensorflow.keras.layers import CuDNNLSTM, Dense  # the GPU layer

    X = np.random.rand(16, 10, 3)
    model = keras.Sequential([
        keras.Input(shape=(10, 3)),
        CuDNNLSTM(8, return_sequences=True),
        layers.CuDNNGRU(4),
        Dense(1),
    ])
    """


def test_cudnn_layers_become_lstm_and_gru() -> None:
    result = fixed(CUDNN)
    assert "from tensorflow.keras.layers import LSTM as CuDNNLSTM, Dense  # the GPU layer" in result
    assert "layers.GRU(4)" in result
    assert not [d for d in lint_source(result, "<test>") if d.code == "SL216"]


def test_cudnn_from_a_private_module_is_not_renamed() -> None:
    source = CUDNN.replace(
        "from tensorflow.keras.layers import", "from keras.layers.cudnn_recurrent import"
    )
    assert "import CuDNNLSTM, Dense" in fixed(source)

"""SL226: ``rnn.get_initial_state(x)`` given a tensor, where Keras 3 wants the batch size."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.legacy import special_uses


class InitialStateTensor(Rule):
    code = "SL226"
    name = "initial-state-tensor"
    summary = "rnn.get_initial_state(tensor): Keras 3 takes the batch size."
    severity = Severity.ERROR
    keras3_only = True
    explanation = """\
Keras 2's `RNN.get_initial_state(inputs)` took the input tensor and read
the batch size from it; seq2seq and attention code calls
`rnn.get_initial_state(x)` to get zero states. Keras 3's takes the batch
size itself, `get_initial_state(batch_size)`, and builds
`ops.zeros((batch_size, units))`: given a tensor it raises (`TypeError:
object of type 'KerasTensor' has no len()` on the symbolic tensors of a
functional model).

Zero states are what a recurrent layer starts from anyway: drop
`initial_state=` when it holds zeros. Inside a layer's `call()`, Keras 3
code passes the batch size: `rnn.get_initial_state(keras.ops.shape(x)[0])`."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(16, 10, 3)
        y = np.random.rand(16, 1)
        inputs = keras.Input(shape=(10, 3))
        rnn = layers.LSTM(8)
        states = rnn.get_initial_state(inputs)  # expect: SL226
        outputs = layers.Dense(1)(rnn(inputs, initial_state=states))
        model = keras.Model(inputs, outputs)
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )
    keras_error = r"object of type 'KerasTensor' has no len\(\)"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(16, 10, 3)
        y = np.random.rand(16, 1)
        inputs = keras.Input(shape=(10, 3))
        rnn = layers.LSTM(8)
        outputs = layers.Dense(1)(rnn(inputs))
        model = keras.Model(inputs, outputs)
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for use in special_uses(ctx, "initial-state-tensor", ("TypeError", "ValueError")):
            message = (
                f"{use.owner}.get_initial_state(...) is given a tensor: Keras 3 takes the batch "
                "size there (get_initial_state(batch_size)) and raises"
            )
            hint = (
                "drop initial_state= (a recurrent layer starts from zero states); inside a "
                "layer's call(), pass the batch size: get_initial_state(keras.ops.shape(x)[0])"
            )
            yield Finding(use.loc, message, hint)

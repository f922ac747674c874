"""SL107: initial_state tensors that do not fit the recurrent layer."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.rulekit.base import Finding, Rule, RuleContext, problem_nodes, runs_when_called
from seqlint.rulekit.evidence import trace
from seqlint.shapes.problems import ProblemKind


class InitialStateMismatch(Rule):
    code = "SL107"
    name = "initial-state-mismatch"
    summary = "initial_state sizes or count do not match the recurrent layer."
    severity = Severity.ERROR
    explanation = """\
A recurrent layer started with `initial_state=` needs one state per internal
state (LSTM: `[h, c]`; GRU and SimpleRNN: `[h]`), each of shape
`(batch, units)` for its own `units`. In a seq2seq model the decoder is
usually given the encoder's final states, so encoder and decoder need the
same number of units: a 128-unit encoder cannot seed a 256-unit decoder.
Keras 3 builds such a model without complaint and raises only when it first
runs on data (`fit`, `predict`): `Dimensions must be equal, but are 128 and
256`. A cell called directly, `cell(x, states)`, checks its states on the
spot (Keras runs its `call()` to learn its outputs), and so does a layer
called eagerly on arrays. Over a stack of cells each cell gets its own entry
of the states: an `LSTMCell` given one tensor instead of its `[h, c]` list
raises `IndexError`."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        enc_in = keras.Input(shape=(12, 8))
        _, h, c = layers.LSTM(128, return_state=True)(enc_in)
        dec_in = keras.Input(shape=(9, 8))
        dec = layers.LSTM(256, return_sequences=True)(dec_in, initial_state=[h, c])  # expect: SL107
        model = keras.Model([enc_in, dec_in], layers.Dense(8)(dec))
        model.predict([np.zeros((2, 12, 8)), np.zeros((2, 9, 8))], verbose=0)
        """
    )
    keras_error = r"Dimensions must be equal, but are 128 and 256"
    good_example = dedent(
        """\
        import numpy as np
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        enc_in = keras.Input(shape=(12, 8))
        _, h, c = layers.LSTM(128, return_state=True)(enc_in)
        dec_in = keras.Input(shape=(9, 8))
        dec = layers.LSTM(128, return_sequences=True)(dec_in, initial_state=[h, c])
        model = keras.Model([enc_in, dec_in], layers.Dense(8)(dec))
        model.predict([np.zeros((2, 12, 8)), np.zeros((2, 9, 8))], verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        # Keras checks initial states only when a model runs the layer: a call whose output
        # no model uses never raises, unless the call itself runs (a cell, an eager call)
        in_models = set().union(*(ctx.ir.graph_of(model) for model in ctx.ir.models))
        for node, problem in problem_nodes(ctx):
            if problem.kind not in (ProblemKind.STATE_SIZE, ProblemKind.STATE_COUNT):
                continue
            if node.id not in in_models and not runs_when_called(node, ctx):
                continue
            producers = list(dict.fromkeys(ctx.ir.node(ref) for ref in node.state_inputs))
            rows = trace([*producers, node], ctx, expected=problem.expected)
            got = problem.got
            if problem.kind is ProblemKind.STATE_SIZE and got is not None and got.rank != 2:
                hint = (
                    "pass the states a recurrent layer returns with return_state=True "
                    "(shape (batch, units)), not its output sequence"
                )
            elif problem.kind is ProblemKind.STATE_SIZE:
                hint = (
                    "give both layers the same number of units, or project the states "
                    "to this layer's units (e.g. Dense(units)(h))"
                )
            else:
                hint = "pass one tensor per state: [h, c] for an LSTM, [h] for a GRU or SimpleRNN"
            yield Finding(node.loc, f"{node.layer.label}: {problem.message}", hint, rows)

"""SL109: ``Embedding(weights=[matrix])`` whose matrix is not ``(input_dim, output_dim)``."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.dims import UNKNOWN, Dim, Shape, Sym, differ, is_known
from seqlint.ir import Array, Value
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.feeding import data_name


class EmbeddingWeightsShape(Rule):
    code = "SL109"
    name = "embedding-weights-shape"
    summary = "Embedding(weights=[matrix]) with a matrix that is not (input_dim, output_dim)."
    severity = Severity.ERROR
    explanation = """\
`Embedding(input_dim, output_dim, weights=[matrix])` (the usual way to load
pretrained vectors such as GloVe) builds the layer at once and copies
`matrix` into its embeddings, which have the shape `(input_dim,
output_dim)`: one row per index, one column per vector component. A matrix
of any other shape makes the constructor raise `Layer embedding weight
shape (input_dim, output_dim) is not compatible with provided weight
shape ...`.

The usual slip is the vocabulary size: the matrix is made with
`len(word_index) + 1` rows (index 0 is padding) while `input_dim` says
`len(word_index)`, or `num_words` was applied to one and not the other.
Make the matrix and the layer agree, e.g. `Embedding(matrix.shape[0],
matrix.shape[1], weights=[matrix])`."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        vocab_size, dim = 1000, 50
        matrix = np.zeros((vocab_size + 1, dim))  # row 0: padding
        model = keras.Sequential([
            keras.Input(shape=(20,)),
            layers.Embedding(vocab_size, dim, weights=[matrix]),  # expect: SL109
            layers.LSTM(32),
            layers.Dense(1, activation="sigmoid"),
        ])
        """
    )
    keras_error = r"weight shape \(1000, 50\) is not compatible with provided weight shape"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        vocab_size, dim = 1000, 50
        matrix = np.zeros((vocab_size + 1, dim))  # row 0: padding
        model = keras.Sequential([
            keras.Input(shape=(20,)),
            layers.Embedding(vocab_size + 1, dim, weights=[matrix]),
            layers.LSTM(32),
            layers.Dense(1, activation="sigmoid"),
        ])
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        seen: set[int] = set()
        for node in ctx.ir.nodes:
            layer = node.layer
            if layer.kind != "Embedding" or id(layer) in seen:
                continue
            seen.add(id(layer))
            matrix = _matrix(layer.get("weights"))
            if matrix is None or matrix.shape is None:
                continue
            expected = (layer.get("input_dim"), layer.get("output_dim"))
            if not _proven_mismatch(matrix.shape, expected):
                continue
            wanted = ", ".join(
                str(d) if is_known(d) or isinstance(d, Sym) else "?" for d in expected
            )
            message = (
                f"{layer.label}: {data_name(matrix, 'the matrix')} has shape "
                f"{Shape(matrix.shape)}, but the layer's embeddings have the shape "
                f"(input_dim, output_dim) = ({wanted}); Keras raises when it copies the weights"
            )
            hint = _hint(matrix)
            yield Finding(layer.loc, message, hint)


def _matrix(weights: Value) -> Array | None:
    """The matrix Keras copies: ``weights=[m]`` or ``weights=m`` (Keras wraps a non-list)."""
    if isinstance(weights, Array):
        return weights
    if isinstance(weights, list) and len(weights) == 1 and isinstance(weights[0], Array):
        return weights[0]
    return None


def _proven_mismatch(shape: tuple[Dim, ...], expected: tuple[Value, Value]) -> bool:
    """The matrix provably differs from the embeddings, whose sizes Keras may accept."""
    if not all(_may_be_a_size(d) for d in expected):
        return False  # Keras rejects input_dim / output_dim first
    if len(shape) != 2:
        return True
    return any(differ(a, b) for a, b in zip(shape, expected, strict=True))


def _may_be_a_size(value: Value) -> bool:
    """A positive int, or a value seqlint does not know (Keras checks it at construction)."""
    return (is_known(value) and value > 0) or isinstance(value, Sym) or value is UNKNOWN


def _hint(matrix: Array) -> str:
    name = matrix.name or "the matrix"
    if len(matrix.shape or ()) != 2:
        return f"give {name} one row per index and one column per component (input_dim, output_dim)"
    return (
        f"make the layer match the matrix: Embedding({name}.shape[0], {name}.shape[1], "
        f"weights=[{name}]), or build {name} with (input_dim, output_dim) rows and columns"
    )

"""SL109: Embedding(weights=[matrix]) whose matrix is not (input_dim, output_dim)."""

import pytest

from tests.helpers import codes_and_lines, lint


def _source(matrix: str, layer: str) -> str:
    return f"""\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        matrix = {matrix}
        inputs = keras.Input(shape=(20,))
        outputs = {layer}(inputs)
        """


@pytest.mark.parametrize(
    "matrix, layer",
    [
        ("np.zeros((101, 8))", "layers.Embedding(100, 8, weights=[matrix])"),
        ("np.zeros((100, 16))", "layers.Embedding(100, 8, weights=[matrix])"),
        (
            "np.random.rand(100, 16)",
            "layers.Embedding(input_dim=100, output_dim=8, weights=[matrix])",
        ),
        ("np.zeros((101, 8))", "layers.Embedding(100, 8, weights=matrix)"),
        ("np.zeros(800)", "layers.Embedding(100, 8, weights=[matrix])"),
        ("np.zeros((100, 8, 1))", "layers.Embedding(100, 8, weights=[matrix])"),
    ],
)
def test_matrix_of_another_shape_is_reported(matrix, layer):
    assert codes_and_lines(_source(matrix, layer)) == {("SL109", 7)}


@pytest.mark.parametrize(
    "matrix, layer",
    [
        ("np.zeros((100, 8))", "layers.Embedding(100, 8, weights=[matrix])"),
        ("np.zeros((vocab, 8))", "layers.Embedding(vocab, 8, weights=[matrix])"),  # same name
        ("np.zeros((vocab, 8))", "layers.Embedding(100, 8, weights=[matrix])"),  # unknown
        ("load_vectors()", "layers.Embedding(100, 8, weights=[matrix])"),  # unknown matrix
        ("np.zeros((101, 8))", "layers.Embedding(100, 8, weights=[matrix, matrix])"),
        ("np.zeros((101, 8))", "layers.Embedding(0, 8, weights=[matrix])"),  # Keras: input_dim
        ("np.zeros((101, 8))", "layers.Embedding(100.0, 8, weights=[matrix])"),  # Keras: input_dim
        ("np.zeros((100, 9))", "layers.Embedding(100, weights=[matrix])"),  # no output_dim
        ("np.zeros((101, 8))", "layers.Embedding(100, 8, weights=weights)"),  # unknown name
        ("np.zeros((101, 8))", "layers.Embedding(100, 8, weights=(matrix,))"),  # Keras: no list
    ],
)
def test_matching_or_unknown_matrices_are_silent(matrix, layer):
    # (Embedding(100, weights=...) lacks output_dim: SL117's, not SL109's)
    found = codes_and_lines(_source(matrix, layer)) - {("SL117", 7)}
    assert found == set()


def test_message_and_hint_name_the_matrix():
    (diagnostic,) = lint(
        _source("np.zeros((101, 8))", "layers.Embedding(100, 8, weights=[matrix])")
    )
    assert diagnostic.message == (
        "Embedding(100, 8, weights=[matrix]): matrix (line 5) has shape (101, 8), but the "
        "layer's embeddings have the shape (input_dim, output_dim) = (100, 8); Keras raises "
        "when it copies the weights"
    )
    assert diagnostic.hint.startswith(
        "make the layer match the matrix: Embedding(matrix.shape[0], matrix.shape[1], "
        "weights=[matrix])"
    )


def test_a_layer_applied_twice_is_reported_once():
    source = """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        matrix = np.zeros((101, 8))
        shared = layers.Embedding(100, 8, weights=[matrix])
        a, b = keras.Input(shape=(20,)), keras.Input(shape=(20,))
        x, y = shared(a), shared(b)
        """
    assert codes_and_lines(source) == {("SL109", 6)}

"""SL234's verdicts in real Keras 3 (every case of tests/rules/test_declared_shape_invalid.py:
those it reports raise, the others build or train), and the Keras 2 form it accepts."""

import os

import pytest

from tests.rules.test_declared_shape_invalid import CASES, LAMBDA, source

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = pytest.mark.keras


def _run(text: str) -> None:
    exec(compile(text, "<SL234 case>", "exec"), {"__name__": "__main__"})


@pytest.mark.parametrize("name", sorted(CASES))
def test_keras_raises_exactly_where_sl234_reports(name):
    if CASES[name][2]:
        with pytest.raises(ValueError, match=r"Cannot convert .* to a shape"):
            _run(source(name))
    else:
        _run(source(name))


@pytest.mark.parametrize("shape", ["(5, 2)", "((5, 2),)"])
def test_lambda_tuple_output_shapes_build(shape):
    _run(LAMBDA.replace("{shape}", shape))


def test_keras_2_builds_the_nested_form():
    """tf.keras 2 reads (None, (5, 2)) without a word: SL234 is a Keras 3 rule."""
    from tests.keras.keras2 import run_under_keras2

    names = ["nested tuple, functional", "nested tuple, Sequential"]
    keras2 = {  # keras.ops is Keras 3's: the same reshape through TensorFlow
        name: source(name)
        .replace("import keras\n", "import keras\nimport tensorflow as tf\n")
        .replace("keras.ops.reshape", "tf.reshape")
        for name in names
    }
    results = run_under_keras2(keras2)
    assert results == dict.fromkeys(names)


def test_keras_builds_after_a_lambda_for_what_its_output_shape_function_returns():
    """SL113 on a Lambda's output_shape function: the symbolic output follows the function,
    (None, 1, 12) after the Dense, while the model runs on what the mean returns, silently."""
    import numpy as np

    from tests.rules.test_declared_shape_invalid import lambda_function_source

    namespace: dict = {"__name__": "__main__"}
    exec(lambda_function_source("a step axis the mean drops"), namespace)  # noqa: S102
    model = namespace["model"]
    assert tuple(model.output.shape) == (None, 1, 12)
    assert model.predict(np.zeros((2, 21, 105)), verbose=0).shape == (2, 12)


@pytest.mark.parametrize("name", ["the shape the mean leaves", "a nested tuple"])
def test_lambda_output_shape_functions_in_keras(name):
    from tests.rules.test_declared_shape_invalid import lambda_function_source

    if name == "a nested tuple":
        with pytest.raises(ValueError, match=r"Cannot convert .* to a shape"):
            _run(lambda_function_source(name))
    else:
        _run(lambda_function_source(name))

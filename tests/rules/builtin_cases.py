"""Generated cases of builtin calls in code Keras runs (SL119), shared by the seqlint test and
its proof in Keras: a statement in a Lambda's output_shape function, or in a custom layer's
call or compute_output_shape."""

from __future__ import annotations

OUTPUT_SHAPE = """\
import keras
from keras import layers

def mean_shape(input_shape):
    {statement}
    return (input_shape[0], input_shape[2])

inputs = keras.Input(shape=(21, 105))
x = layers.Lambda(lambda t: keras.ops.mean(t, axis=1), output_shape=mean_shape)(inputs)
outputs = layers.Dense(3)(x)
model = keras.Model(inputs, outputs)
"""
CUSTOM = """\
import keras
from keras import layers

class Pool(layers.Layer):
    def call(self, x):
        {statement}
        return keras.ops.mean(x, axis=1)

inputs = keras.Input(shape=(21, 105))
outputs = layers.Dense(3)(Pool()(inputs))
model = keras.Model(inputs, outputs)
"""
STATEMENT_LINE = {"output_shape": 5, "custom": 6}

# statements that raise TypeError (Python's signature of the builtin refuses the call)
RAISES = {
    "tuple_of_three": "n = tuple(input_shape[0], 1, input_shape[2])",
    "list_of_two": "n = list(input_shape[1], input_shape[2])",
    "len_of_int": "n = len(input_shape[1])",
    "range_of_float": "n = range(input_shape[1] / 2)",
    "zip_of_int": "n = zip(input_shape[1])",
    "max_of_one_int": "n = max(input_shape[1])",
    "sorted_two_positional": "n = sorted(input_shape[1:], True)",
    "tuple_keyword": "n = tuple(iterable=input_shape)",
    "enumerate_of_int": "n = enumerate(input_shape[2])",
    "set_of_int": "n = set(input_shape[1])",
    "int_three_arguments": "n = int(input_shape[1], 10, 2)",
    "range_no_argument": "n = range()",
    "abs_of_none": "n = abs(input_shape[0])",
}
# statements that run
RUNS = {
    "tuple_of_shape": "n = tuple(input_shape)",
    "len_of_shape": "n = len(input_shape)",
    "range_of_int": "n = range(input_shape[1] // 2)",
    "max_of_two": "n = max(input_shape[1], input_shape[2])",
    "zip_of_shapes": "n = zip(input_shape, input_shape)",
    "sorted_slice": "n = sorted(input_shape[1:])",
    "abs_of_int": "n = abs(input_shape[1])",
    "in_try": "try:\n        n = len(input_shape[1])\n    except TypeError:\n        n = 0",
    "in_branch_not_taken": "if input_shape[0]:\n        n = len(input_shape[1])",
    "in_unknown_branch": (
        "if keras.config.backend() == 'jax':\n        n = len(input_shape[1])"
    ),
}
# the same in a custom layer's call, where the sizes are x.shape's
CUSTOM_RAISES = {
    "call_range_of_float": "n = range(x.shape[1] / 2)",
    "call_tuple_of_two": "n = tuple(x.shape[1], x.shape[2])",
}
CUSTOM_RUNS = {
    "call_range_of_int": "n = range(x.shape[1] // 2)",
}


def sources() -> list[tuple[str, str, int | None]]:
    """(name, source, line SL119 reports or None when the script runs)."""
    cases: list[tuple[str, str, int | None]] = []
    line = STATEMENT_LINE["output_shape"]
    for table, raises in ((RAISES, True), (RUNS, False)):
        for name, statement in table.items():
            source = OUTPUT_SHAPE.format(statement=statement)
            cases.append((f"output_shape_{name}", source, line if raises else None))
    line = STATEMENT_LINE["custom"]
    for table, raises in ((CUSTOM_RAISES, True), (CUSTOM_RUNS, False)):
        for name, statement in table.items():
            source = CUSTOM.format(statement=statement)
            cases.append((name, source, line if raises else None))
    return cases

"""Generated cases of the data-lengths-into-None-axes family (SL227), shared by the seqlint
test and its proof in Keras: an Input declared with None steps gets the data's steps, and a
layer joins them with a tensor of a fixed number of steps (30)."""

from __future__ import annotations

TEMPLATE = """\
import keras
import numpy as np
from keras import layers

fixed_in = keras.Input(shape=(30, 4))
free_in = keras.Input(shape=(None, 4))
fixed = layers.Dense(8)(fixed_in)
free = layers.Dense(8)(free_in)
joined = {join}
model = keras.Model([fixed_in, free_in], joined)
model.predict([np.zeros((2, 30, 4)), np.zeros((2, {steps}, 4))], verbose=0)
"""
JOIN_LINE = 9

# joins that need the same number of steps on both sides
STEPWISE = {
    "concatenate_features": "layers.Concatenate()([free, fixed])",
    "add": "layers.Add()([free, fixed])",
    "multiply": "layers.Multiply()([fixed, free])",
    "subtract": "layers.Subtract()([free, fixed])",
    "average": "layers.Average()([free, fixed])",
    "maximum": "layers.Maximum()([free, fixed])",
}
# joins that take any number of steps
ANY_LENGTH = {
    "concatenate_steps": "layers.Concatenate(axis=1)([free, fixed])",
    "attention_query_free": "layers.Attention()([free, fixed])",
    "dot_over_features": "layers.Dot(axes=(2, 2))([free, fixed])",
}


def sources() -> list[tuple[str, str, bool]]:
    """(name, source, Keras raises at predict) for every case."""
    cases = []
    for name, join in STEPWISE.items():
        cases.append((f"{name}_7_steps", TEMPLATE.format(join=join, steps=7), True))
        cases.append((f"{name}_30_steps", TEMPLATE.format(join=join, steps=30), False))
    for name, join in ANY_LENGTH.items():
        cases.append((f"{name}_7_steps", TEMPLATE.format(join=join, steps=7), False))
    return cases

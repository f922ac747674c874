"""Generated fits of the crossentropy family for tf.keras 2: every crossentropy (binary,
categorical, sparse, their focal and logits variants) x the layer that makes the output (a
sigmoid/softmax's own tensor or not: Dense, Activation, Softmax, TimeDistributed, Dropout,
Reshape, Conv1D, SimpleRNN, a Lambda) x the targets' shape, on one-step (``(4, 6, U)``) and
pooled (``(4, U)``) outputs, Sequential or functional.

``cases(n, seed)`` draws ``n`` of them (a fixed seed gives the same cases); each knows its
output shape, so the test can tell a silent broadcast from a one-to-one loss.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import product

STEPS = 6
SAMPLES = 4

# name -> (the loss as compile gets it, family)
LOSSES = {
    "bce": ('"binary_crossentropy"', "binary"),
    "bce_logits": ("keras.losses.BinaryCrossentropy(from_logits=True)", "binary"),
    "binary_focal": ('"binary_focal_crossentropy"', "binary"),
    "cce": ('"categorical_crossentropy"', "categorical"),
    "categorical_focal": ("keras.losses.CategoricalFocalCrossentropy()", "categorical"),
    "scce": ('"sparse_categorical_crossentropy"', "sparse"),
    "scce_logits": ("keras.losses.SparseCategoricalCrossentropy(from_logits=True)", "sparse"),
}

# name -> (layers, whether the output needs a time axis); {u}: units, {act}: an activation
# argument, {a}: an activation, {shape}: the output shape without the batch axis
PRODUCERS = {
    "dense": (["layers.Dense({u}{act})"], False),
    "activation": (["layers.Dense({u})", "layers.Activation({a})"], False),
    "softmax_layer": (["layers.Dense({u})", "layers.Softmax()"], False),
    "dropout": (["layers.Dense({u}{act})", "layers.Dropout(0.2)"], False),
    "reshape": (["layers.Dense({u}{act})", "layers.Reshape({shape})"], False),
    "lambda_sigmoid": (["layers.Dense({u})", "layers.Lambda(lambda t: tf.sigmoid(t))"], False),
    "time_distributed": (["layers.TimeDistributed(layers.Dense({u}{act}))"], True),
    "conv1d": (['layers.Conv1D({u}, 3, padding="same"{act})'], True),
    "simple_rnn": (['layers.SimpleRNN({u}, activation="sigmoid", return_sequences=True)'], True),
}
ACTIVATIONS = ('"sigmoid"', '"softmax"', '"relu"', None)

# name -> targets' shape for an output (samples, *inner, units)
TARGETS = {
    "same": lambda inner, u: (SAMPLES, *inner, u),
    "last_one": lambda inner, u: (SAMPLES, *inner, 1),
    "wider": lambda inner, u: (SAMPLES, *inner, u + 2),
    "no_units": lambda inner, u: (SAMPLES, *inner),
    "samples": lambda inner, u: (SAMPLES,),
    "sample_one": lambda inner, u: (SAMPLES, 1),
    "extra_one": lambda inner, u: (SAMPLES, *inner, u, 1),
    "longer": lambda inner, u: (SAMPLES, 2 * STEPS, u),
    "folded": lambda inner, u: (SAMPLES, STEPS // 2, 2),
}


@dataclass(frozen=True)
class Case:
    name: str
    script: str
    family: str
    target: tuple[int, ...]
    output: tuple[int | None, ...]

    @property
    def fit_line(self) -> int:
        return next(
            number
            for number, line in enumerate(self.script.splitlines(), start=1)
            if line.startswith("model.fit(")
        )


def _script(loss: str, layer_lines: list[str], steps: bool, functional: bool, y: str) -> str:
    body = [] if steps else ["layers.GlobalAveragePooling1D()"]
    body += layer_lines
    head = [
        "import numpy as np",
        "import tensorflow as tf",
        "from tensorflow import keras",
        "from tensorflow.keras import layers",
        "",
        f'X = np.random.rand({SAMPLES}, {STEPS}, 5).astype("float32")',
        f"y = {y}",
    ]
    if functional:
        model = [f"inputs = keras.Input(shape=({STEPS}, 5))", "h = inputs"]
        model += [f"h = {line}(h)" for line in body]
        model.append("model = keras.Model(inputs, h)")
    else:
        model = ["model = keras.Sequential(["]
        model += [f"    {line}," for line in [f"keras.Input(shape=({STEPS}, 5))", *body]]
        model.append("])")
    tail = [
        f'model.compile(optimizer="sgd", loss={loss})',
        f"model.fit(X, y, epochs=1, batch_size={SAMPLES}, verbose=0)",
    ]
    return "\n".join(head + model + tail) + "\n"


def all_draws() -> list[tuple]:
    """Every (loss, producer, pooled?, targets, activation, units, functional?) combination."""
    draws = []
    for loss, producer, pooled, target, activation, units, functional in product(
        LOSSES, PRODUCERS, (False, True), TARGETS, ACTIVATIONS, (1, 3), (False, True)
    ):
        lines, needs_steps = PRODUCERS[producer]
        uses_activation = any("{act}" in line or "{a}" in line for line in lines)
        if (pooled and needs_steps) or (not uses_activation and activation is not None):
            continue
        if producer == "activation" and activation is None:
            continue  # Activation(None) hands its input through
        if pooled and target in ("longer", "folded", "sample_one"):
            continue
        if LOSSES[loss][1] != "binary" and units == 1:
            continue  # one class: the categorical losses are meaningless there
        draws.append((loss, producer, pooled, target, activation, units, functional))
    return draws


def make(draw: tuple) -> Case:
    loss, producer, pooled, target, activation, units, functional = draw
    source, family = LOSSES[loss]
    inner = () if pooled else (STEPS,)
    output = (None, *inner, units)
    shape = TARGETS[target](inner, units)
    values = f"np.random.randint(0, 2, size={shape})"
    y = values if family == "sparse" else values + '.astype("float32")'
    act = "" if activation is None else f", activation={activation}"
    lines = [
        line.format(u=units, act=act, a=activation, shape=(*inner, units))
        for line in PRODUCERS[producer][0]
    ]
    name = "-".join(
        str(part)
        for part in (loss, producer, "pooled" if pooled else "steps", target, activation, units)
    ) + ("-functional" if functional else "")
    return Case(name, _script(source, lines, not pooled, functional, y), family, shape, output)


def cases(n: int, seed: int) -> list[Case]:
    """``n`` cases drawn with ``seed``, every loss and every producer among them."""
    draws = all_draws()
    rng = random.Random(seed)
    rng.shuffle(draws)
    chosen: list[tuple] = []
    for key in (0, 1):  # first one per loss and one per producer, then any
        for value in LOSSES if key == 0 else PRODUCERS:
            if not any(d[key] == value for d in chosen):
                chosen.append(next(d for d in draws if d[key] == value and d not in chosen))
    chosen += [d for d in draws if d not in chosen][: max(0, n - len(chosen))]
    return [make(d) for d in chosen[:n]]

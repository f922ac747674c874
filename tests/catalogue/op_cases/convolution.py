"""Calls of the backend convolution: K.conv1d."""

from __future__ import annotations

import random
from typing import Any

from tests.catalogue.cases.draw import size
from tests.catalogue.op_cases import generates_op
from tests.catalogue.ops_harness import T


@generates_op("backend_conv1d")
def conv1d(rng: random.Random, op: str) -> dict[str, Any]:
    k = rng.randint(1, 4)
    channels = rng.choice([4, 6, 8])
    kernel_in = channels if rng.random() < 0.75 else rng.choice([2, 3, 4, 5])
    kernel_out = rng.choice([2, 3, 4, 6])
    steps = size(rng, 0, 9, unknown=0.2)
    x: tuple[Any, ...] = (None, steps, channels)
    if rng.random() < 0.1:
        x = (None, rng.randint(1, 4), steps, channels)
    elif rng.random() < 0.1:
        x = (None, channels)
    if rng.random() < 0.1:
        x = (*x[:-1], None)
    kernel: tuple[Any, ...] = (k, kernel_in, kernel_out)
    if rng.random() < 0.08:
        kernel = (kernel_in, kernel_out)
    args: dict[str, Any] = {"x": T(x), "kernel": T(kernel)}
    if rng.random() < 0.4:
        args["strides"] = rng.randint(1, 3)
    if rng.random() < 0.5:
        args["padding"] = rng.choice(["valid", "same", "causal", "full"])
    if rng.random() < 0.25:
        args["data_format"] = rng.choice(["channels_last", "channels_first"])
        if args["data_format"] == "channels_first" and len(x) == 3:
            args["x"] = T((x[0], x[2], x[1]))
    if rng.random() < 0.3:
        args["dilation_rate"] = rng.randint(1, 3)
    return args

"""Cases for ConvLSTM1D, ConvLSTM2D and ConvLSTM3D."""

from __future__ import annotations

import random

from tests.catalogue.cases import generates
from tests.catalogue.cases.draw import maybe, size
from tests.catalogue.harness import Case

SPATIAL = {"ConvLSTM1D": 1, "ConvLSTM2D": 2, "ConvLSTM3D": 3}


def _out(length: int, k: int, s: int, d: int, padding: str) -> int:
    if padding == "same":
        return (length - 1) // s + 1
    return (length - d * (k - 1) - 1) // s + 1


def _per_axis(rng: random.Random, n: int, low: int, high: int) -> int | tuple[int, ...]:
    if rng.random() < 0.3:
        return tuple(rng.randint(low, high) for _ in range(n))
    return rng.randint(low, high)


def _axes(value: int | tuple[int, ...], n: int) -> tuple[int, ...]:
    return value if isinstance(value, tuple) else (value,) * n


@generates(*SPATIAL)
def conv_lstm(rng: random.Random, kind: str) -> Case:
    n = SPATIAL[kind]
    config: dict = {"filters": rng.randint(1, 4), "kernel_size": _per_axis(rng, n, 1, 4)}
    maybe(rng, config, "padding", "valid", "same", "SAME")
    if rng.random() < 0.3:
        config["strides"] = _per_axis(rng, n, 1, 3)
    elif rng.random() < 0.3:
        config["dilation_rate"] = _per_axis(rng, n, 1, 2)
    maybe(rng, config, "data_format", "channels_first", "channels_last")
    maybe(rng, config, "return_sequences", True, False)
    maybe(rng, config, "return_state", True, False)
    maybe(rng, config, "go_backwards", True)
    maybe(rng, config, "use_bias", False)
    first = config.get("data_format") == "channels_first"
    time = size(rng, 1, 5)
    spatial = tuple(size(rng, 2, 10, unknown=0.04) for _ in range(n))
    channels = size(rng, 1, 3, unknown=0.05)
    x = (time, channels, *spatial) if first else (time, *spatial, channels)
    odd = rng.random()
    if odd < 0.08:
        x = x[1:]  # no time axis
    elif odd < 0.12:
        x = (*x, 2)
    elif odd < 0.3 and None not in spatial and not first:
        # a run (states are checked when the model runs) on the CPU, where TensorFlow's
        # convolutions take channels_last only
        return Case(kind, config, (x,), states=_states(rng, config, n, spatial), runtime=True)
    return Case(kind, config, (x,))


def _states(
    rng: random.Random, config: dict, n: int, spatial: tuple
) -> tuple[tuple[int, ...], ...]:
    """``[h, c]`` of the output's shape, now and then of a wrong size or count."""
    padding = config.get("padding", "valid").lower()
    kernel = _axes(config["kernel_size"], n)
    strides = _axes(config.get("strides", 1), n)
    dilation = _axes(config.get("dilation_rate", 1), n)
    out = [_out(*args, padding) for args in zip(spatial, kernel, strides, dilation, strict=True)]
    out = [max(o, 1) for o in out]
    filters = config["filters"]
    state = (filters, *out) if config.get("data_format") == "channels_first" else (*out, filters)
    states = [state, state]
    odd = rng.random()
    if odd < 0.2:
        wrong = list(state)
        axis = rng.randrange(len(wrong))
        wrong[axis] += 1
        states[rng.randrange(2)] = tuple(wrong)
    elif odd < 0.3:
        states = states[:1] if rng.random() < 0.5 else [*states, state]
    return tuple(states)

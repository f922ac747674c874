"""Cases for the convolutions: Conv1D/2D/3D (with groups), their transposes, and the
depthwise and separable convolutions."""

from __future__ import annotations

import random

from tests.catalogue.cases import generates
from tests.catalogue.cases.draw import maybe
from tests.catalogue.cases.spatial import (
    at_edge,
    axis_values,
    data_format,
    image,
    per_axis,
    spatial_rank,
)
from tests.catalogue.harness import Case

_KERNEL = {1: 5, 2: 4, 3: 3}  # the largest kernel_size drawn, by spatial rank


def _strides_or_dilation(rng: random.Random, config: dict, rank: int, both: bool = False) -> None:
    """Strides or a dilation rate (Conv refuses both above 1; ``both`` draws them together)."""
    strided = rng.random() < 0.5
    if (both or strided) and rng.random() < 0.5:
        config["strides"] = per_axis(rng, rank, 1, 3)
    if (both or not strided) and rng.random() < 0.5:
        config["dilation_rate"] = per_axis(rng, rank, 1, 2)


def _spans(config: dict, rank: int) -> tuple[int, ...]:
    kernel = axis_values(config["kernel_size"], rank)
    dilation = axis_values(config.get("dilation_rate", 1), rank)
    return tuple(d * (k - 1) + 1 for k, d in zip(kernel, dilation, strict=True))


@generates("Conv1D", "Conv2D", "Conv3D")
def conv(rng: random.Random, kind: str) -> Case:
    rank = spatial_rank(kind)
    groups = rng.choice([2, 3]) if rng.random() < 0.25 else 1
    filters = groups * rng.randint(1, 3) + (1 if rng.random() < 0.05 else 0)
    config: dict = {"filters": filters, "kernel_size": per_axis(rng, rank, 1, _KERNEL[rank])}
    if groups > 1:
        config["groups"] = groups
    maybe(rng, config, "padding", "valid", "same", *(("causal",) if rank == 1 else ()))
    _strides_or_dilation(rng, config, rank)
    maybe(rng, config, "use_bias", False)
    first = data_format(rng, config)
    channels = None
    if groups > 1:
        channels = groups * rng.randint(1, 2) + (1 if rng.random() < 0.2 else 0)
    shape = image(rng, rank, first, channels=channels)
    return Case(kind, config, (at_edge(rng, shape, first, rank, _spans(config, rank)),))


@generates("Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose")
def conv_transpose(rng: random.Random, kind: str) -> Case:
    rank = spatial_rank(kind)
    config: dict = {"filters": rng.randint(1, 5), "kernel_size": per_axis(rng, rank, 1, 5)}
    maybe(rng, config, "padding", "valid", "same")
    _strides_or_dilation(rng, config, rank)
    if rng.random() < 0.4:
        strides = axis_values(config.get("strides", 1), rank)
        # below the strides, or (rarely) not: Keras refuses output_padding >= strides
        config["output_padding"] = tuple(rng.randint(0, s - (rng.random() > 0.1)) for s in strides)
        if rank == 1 and rng.random() < 0.5:
            config["output_padding"] = config["output_padding"][0]
    maybe(rng, config, "use_bias", False)
    first = data_format(rng, config)
    return Case(kind, config, (image(rng, rank, first),))


@generates("DepthwiseConv1D", "DepthwiseConv2D", "SeparableConv1D", "SeparableConv2D")
def depthwise_separable(rng: random.Random, kind: str) -> Case:
    rank = spatial_rank(kind)
    config: dict = {"kernel_size": per_axis(rng, rank, 1, _KERNEL[rank])}
    if kind.startswith("Separable"):
        config["filters"] = rng.randint(1, 5)
    maybe(rng, config, "depth_multiplier", 1, 2, 3)
    maybe(rng, config, "padding", "valid", "same")
    _strides_or_dilation(rng, config, rank, both=rng.random() < 0.2)  # both are accepted here
    maybe(rng, config, "use_bias", False)
    first = data_format(rng, config)
    shape = image(rng, rank, first)
    return Case(kind, config, (at_edge(rng, shape, first, rank, _spans(config, rank)),))

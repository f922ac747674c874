"""Cases for the image preprocessing and augmentation layers: batches of images in either
data format, single images (rank 3), and ranks Keras refuses when it runs the layer."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from tests.catalogue.cases import generates
from tests.catalogue.cases.draw import maybe, size
from tests.catalogue.harness import Case

Config = Callable[[random.Random], dict[str, Any]]


def _factor(rng: random.Random) -> float | tuple[float, float]:
    return rng.choice([0.1, 0.5, (0.1, 0.3)])


def _sized(rng: random.Random) -> dict[str, Any]:
    return {"height": rng.randint(1, 10), "width": rng.randint(1, 10)}


def _resizing(rng: random.Random) -> dict[str, Any]:
    config = _sized(rng)
    maybe(rng, config, "interpolation", "nearest", "bilinear")
    if rng.random() < 0.3:
        config[rng.choice(["crop_to_aspect_ratio", "pad_to_aspect_ratio"])] = True
    return config


CONFIGS: dict[str, Config] = {
    "Resizing": _resizing,
    "CenterCrop": _sized,
    "RandomCrop": lambda rng: {**_sized(rng), "seed": 1},
    "RandomFlip": lambda rng: {
        "mode": rng.choice(["horizontal", "vertical", "horizontal_and_vertical"])
    },
    "RandomRotation": lambda rng: {
        "factor": _factor(rng),
        "fill_mode": rng.choice(["reflect", "constant"]),
    },
    "RandomZoom": lambda rng: {
        "height_factor": _factor(rng),
        "width_factor": rng.choice([None, 0.2]),
    },
    "RandomTranslation": lambda rng: {"height_factor": _factor(rng), "width_factor": _factor(rng)},
    "RandomContrast": lambda rng: {"factor": _factor(rng)},
    "RandomBrightness": lambda rng: {"factor": _factor(rng)},
    "RandomHue": lambda rng: {"factor": _factor(rng)},
    "RandomSaturation": lambda rng: {"factor": _factor(rng)},
    "RandomSharpness": lambda rng: {"factor": _factor(rng)},
    "RandomShear": lambda rng: {"x_factor": _factor(rng), "y_factor": rng.choice([0.0, 0.2])},
    "RandomGrayscale": lambda rng: {"factor": rng.choice([0.0, 0.5, 1.0])},
    "RandomInvert": lambda rng: {"factor": rng.choice([0.5, 1.0])},
    "RandomPosterization": lambda rng: {"factor": rng.randint(1, 8)},
    "RandomPerspective": lambda rng: {"factor": rng.choice([0.5, 1.0]), "scale": 0.5},
    "RandomElasticTransform": lambda rng: {"factor": 1.0, "scale": rng.choice([0.5, 1.0])},
    "RandomErasing": lambda rng: {"factor": 1.0, "scale": (0.02, 0.3)},
    "RandomGaussianBlur": lambda rng: {"factor": 1.0, "kernel_size": rng.choice([3, 5])},
    "RandomColorDegeneration": lambda rng: {"factor": _factor(rng)},
    "RandomColorJitter": lambda rng: {
        "brightness_factor": 0.2,
        "contrast_factor": rng.choice([None, 0.3]),
    },
    "AugMix": lambda rng: {"num_chains": rng.randint(1, 3), "chain_depth": rng.randint(1, 3)},
    "AutoContrast": lambda rng: {"value_range": rng.choice([(0, 255), (0, 1)])},
    "CutMix": lambda rng: {"factor": rng.choice([0.5, 1.0])},
    "Equalization": lambda rng: {"bins": rng.choice([64, 256])},
    "MixUp": lambda rng: {"alpha": rng.choice([0.2, 0.5])},
    "RandAugment": lambda rng: {"num_ops": rng.randint(1, 3)},
    "Solarization": lambda rng: {"addition_factor": 0.2, "threshold_factor": 0.5},
    "ContrastLimitedAdaptiveHistogramEqualization": lambda rng: {
        "tile_grid_size": rng.choice([(8, 8), (2, 3), (4, 4), (1, 1)]),
        "clip_limit": rng.choice([2.0, 4.0]),
    },
    "MaxNumBoundingBoxes": lambda rng: {"max_number": rng.randint(1, 5)},
}


def _images(rng: random.Random, first: bool) -> tuple[Any, ...]:
    """Usually a batch of images; sometimes one image (rank 3), or a rank Keras refuses."""
    height, width = size(rng, 1, 12), size(rng, 1, 12)
    channels = rng.choice([1, 3, 3, 4, None])
    image = (channels, height, width) if first else (height, width, channels)
    roll = rng.random()
    if roll < 0.1:
        return image[1:]  # rank 3: one image
    if roll < 0.17:
        return (size(rng, 1, 12),)
    if roll < 0.22:
        return (2, *image)
    return image


@generates(*CONFIGS)
def image_layer(rng: random.Random, kind: str) -> Case:
    config = CONFIGS[kind](rng)
    maybe(rng, config, "data_format", "channels_last", "channels_first")
    first = config.get("data_format") == "channels_first"
    return Case(kind, config, (_images(rng, first),))

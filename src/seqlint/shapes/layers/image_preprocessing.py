"""Image preprocessing and augmentation layers: Resizing, CenterCrop, RandomCrop, and the
layers that keep the shape of their images (flips, rotations, colour changes, mixes...).

Keras 3 facts: these layers take a batch of images (rank 4) or a single image (rank 3),
``(height, width, channels)`` or channels first. Their ``compute_output_shape`` accepts any
rank, but their ``call`` raises on another ("Expected image tensor to have rank 3 (single
image) or 4 (batch of images)") when the model runs, even in inference, where the random
layers hand their images on unchanged. A single image's height is what Keras calls the batch
axis. None of them has weights.
"""

from __future__ import annotations

from seqlint.dims import NONE, Shape, is_known
from seqlint.ir import Layer
from seqlint.shapes.catalogue import Call, Trait
from seqlint.shapes.layers.common import config_dim, data_format, int_tuple, keras_layer, no_weights
from seqlint.shapes.problems import ProblemKind, ShapeProblem


def _layout(layer: Layer) -> str:
    if data_format(layer) == "channels_first":
        return "(batch, channels, height, width)"
    return "(batch, height, width, channels)"


def require_images(call: Call, *, when: str = "runs") -> None:
    """A RANK problem unless the input is a batch of images or a single image."""
    shape = call.input
    if shape.rank is None or shape.rank in (3, 4):
        return
    expected = _layout(call.layer)
    raise ShapeProblem(
        ProblemKind.RANK,
        f"expected images of rank 4 {expected} or a single image of rank 3, got {shape}; "
        f"Keras raises when it {when} the layer",
        input_index=0,
        expected=expected,
        got=shape,
        expected_rank=4,
    )


def _image_axes(layer: Layer) -> tuple[int, int] | None:
    """The (height, width) axes, counted from the end; None if ``data_format`` is unreadable."""
    fmt = data_format(layer)
    if fmt is None:
        return None
    return (-2, -1) if fmt == "channels_first" else (-3, -2)


# Layers that hand their images on with their shape: positional parameters.
_SAME_SHAPE: dict[str, tuple[str, ...]] = {
    "AugMix": ("value_range", "num_chains", "chain_depth", "factor", "alpha", "all_ops"),
    "AutoContrast": ("value_range",),
    "CutMix": ("factor", "seed", "data_format"),
    "MaxNumBoundingBoxes": ("max_number", "fill_value"),
    "MixUp": ("alpha", "data_format", "seed"),
    "RandAugment": ("value_range", "num_ops", "factor", "interpolation", "seed", "data_format"),
    "RandomBrightness": ("factor", "value_range", "seed"),
    "RandomColorJitter": (
        "value_range",
        "brightness_factor",
        "contrast_factor",
        "saturation_factor",
        "hue_factor",
        "seed",
    ),
    "RandomContrast": ("factor", "value_range", "seed"),
    "RandomElasticTransform": (
        "factor",
        "scale",
        "interpolation",
        "fill_mode",
        "fill_value",
        "value_range",
    ),
    "RandomErasing": ("factor", "scale", "fill_value", "value_range", "seed", "data_format"),
    "RandomFlip": ("mode", "seed", "data_format"),
    "RandomGaussianBlur": ("factor", "kernel_size", "sigma", "value_range", "data_format", "seed"),
    "RandomGrayscale": ("factor", "data_format", "seed"),
    "RandomHue": ("factor", "value_range", "data_format", "seed"),
    "RandomInvert": ("factor", "value_range", "seed", "data_format"),
    "RandomPerspective": ("factor", "scale", "interpolation", "fill_value", "seed", "data_format"),
    "RandomPosterization": ("factor", "value_range", "data_format", "seed"),
    "RandomRotation": ("factor", "fill_mode", "interpolation", "seed", "fill_value", "data_format"),
    "RandomSaturation": ("factor", "value_range", "data_format", "seed"),
    "RandomSharpness": ("factor", "value_range", "data_format", "seed"),
    "RandomShear": (
        "x_factor",
        "y_factor",
        "interpolation",
        "fill_mode",
        "fill_value",
        "data_format",
    ),
    "RandomTranslation": (
        "height_factor",
        "width_factor",
        "fill_mode",
        "interpolation",
        "seed",
        "fill_value",
    ),
    "RandomZoom": (
        "height_factor",
        "width_factor",
        "fill_mode",
        "interpolation",
        "seed",
        "fill_value",
    ),
    "Solarization": ("addition_factor", "threshold_factor", "value_range", "seed"),
}


def same_images(call: Call) -> list[Shape]:
    """The images, unchanged in shape (RandomGrayscale keeps its channels too)."""
    require_images(call)
    return [call.input]


for _kind, _positional in _SAME_SHAPE.items():
    keras_layer(_kind, positional=_positional, params=no_weights, traits=(Trait.KEEPS_SHAPE,))(
        same_images
    )


@keras_layer(
    "Equalization",
    positional=("value_range", "bins", "data_format"),
    params=no_weights,
    traits=(Trait.KEEPS_SHAPE,),
)
def equalization(call: Call) -> list[Shape]:
    """Its input, as Keras's ``compute_output_spec`` returns it: the input tensor itself, on
    which Keras checks nothing when it builds (a model whose output it is raises "is part of a
    cycle")."""
    return [call.input]


@keras_layer(
    "RandomColorDegeneration",
    positional=("factor", "value_range", "data_format", "seed"),
    params=no_weights,
    traits=(Trait.KEEPS_SHAPE,),
)
def random_color_degeneration(call: Call) -> list[Shape]:
    """Same shape; Keras's ``compute_output_shape`` refuses other ranks and a known number of
    channels other than 3 when it builds."""
    require_images(call, when="builds")
    shape, fmt = call.input, data_format(call.layer)
    if shape.dims is None or fmt is None:
        return [shape]
    channels = shape.dims[-3 if fmt == "channels_first" else -1]
    if is_known(channels) and channels != 3:
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"RandomColorDegeneration needs RGB images (3 channels), got {shape}",
            input_index=0,
            expected="3 channels",
            got=shape,
        )
    return [shape]


@keras_layer(
    "ContrastLimitedAdaptiveHistogramEqualization",
    positional=("value_range", "clip_limit", "tile_grid_size", "data_format"),
    params=no_weights,
    traits=(Trait.KEEPS_SHAPE,),
)
def clahe(call: Call) -> list[Shape]:
    """Same shape. It pads each image up to a multiple of ``tile_grid_size`` by reflecting it,
    which needs no more padding than the image has rows (columns): Keras raises when it runs
    (in inference too) on an image too small for its grid."""
    require_images(call)
    shape, axes = call.input, _image_axes(call.layer)
    grid = int_tuple(call.layer.get("tile_grid_size", (8, 8)), 2)
    if shape.dims is None or axes is None or grid is None:
        return [shape]
    sizes = [shape.dims[a] for a in axes]
    if not all(is_known(d) and d > 0 for d in (*sizes, *grid)):
        return [shape]
    pads = [(size + g - 1) // g * g - size for size, g in zip(sizes, grid, strict=True)]
    if any(pads) and any(p > size for p, size in zip(pads, sizes, strict=True)):
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"its tile_grid_size={tuple(grid)} pads {tuple(sizes)} images by {tuple(pads)} "
            f"rows and columns, more than they have (input {shape}); Keras raises when it "
            "runs the layer",
            input_index=0,
            expected=f"images of at least {tuple(grid)} pixels",
            got=shape,
        )
    return [shape]


def _sized(call: Call, *, when: str = "runs") -> Shape:
    """The images with their height and width set to the layer's ``height`` and ``width``."""
    require_images(call, when=when)
    shape, axes = call.input, _image_axes(call.layer)
    if shape.dims is None or axes is None:
        return Shape.unknown()
    dims = list(shape.dims)
    dims[axes[0]] = config_dim(call.layer, "height")
    dims[axes[1]] = config_dim(call.layer, "width")
    return Shape(tuple(dims))


@keras_layer(
    "Resizing",
    positional=(
        "height",
        "width",
        "interpolation",
        "crop_to_aspect_ratio",
        "pad_to_aspect_ratio",
        "fill_mode",
    ),
    params=no_weights,
)
def resizing(call: Call) -> list[Shape]:
    """Images of ``height`` x ``width`` (cropped or padded to the aspect ratio on request)."""
    return [_sized(call)]


@keras_layer("CenterCrop", positional=("height", "width", "data_format"), params=no_weights)
def center_crop(call: Call) -> list[Shape]:
    """Images of ``height`` x ``width`` (resized first when smaller); Keras's
    ``compute_output_shape`` refuses other ranks than 3 and 4."""
    return [_sized(call, when="builds")]


@keras_layer(
    "RandomCrop", positional=("height", "width", "seed", "data_format", "name"), params=no_weights
)
def random_crop(call: Call) -> list[Shape]:
    """Images of ``height`` x ``width`` when training, as Keras builds the model (in inference
    Keras 3.15 hands the images on uncropped). It needs the height and width defined: Keras
    raises when it runs on undefined ones."""
    shape = _sized(call)
    axes = _image_axes(call.layer)
    if call.input.dims is not None and axes is not None:
        for axis, name in zip(axes, ("height", "width"), strict=True):
            if call.input.dims[axis] is NONE:
                raise ShapeProblem(
                    ProblemKind.LAYER_CONFIG,
                    f"RandomCrop needs images of a defined {name}, got {call.input}; Keras "
                    "raises when it runs the layer",
                    input_index=0,
                    expected=f"a defined {name}",
                    got=call.input,
                )
    return [shape]

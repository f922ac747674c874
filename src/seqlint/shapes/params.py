"""Parameter counts: the static twin of Keras's ``layer.count_params()``.

``count_params(layer, inputs)`` takes a layer and the shapes it is applied to and returns the
number of weights Keras creates for it (trainable and not), or None when that cannot be known
(an unmodelled layer, a size that is a symbol or unknown, an option that changes the weights and
cannot be read).
"""

from __future__ import annotations

from collections.abc import Callable

from seqlint.dims import Shape, is_known
from seqlint.ir import Layer
from seqlint.shapes.layers.common import config_bool, config_int, int_tuple

WEIGHTLESS = frozenset(
    {
        "Input", "InputLayer", "Activation", "Dropout", "SpatialDropout1D", "GaussianNoise",
        "GaussianDropout", "AlphaDropout", "Masking", "Identity", "Flatten", "Reshape",
        "RepeatVector", "Permute", "Cropping1D", "UpSampling1D", "ZeroPadding1D",
        "MaxPooling1D", "MaxPool1D", "AveragePooling1D", "AvgPool1D", "GlobalMaxPooling1D",
        "GlobalMaxPool1D", "GlobalAveragePooling1D", "GlobalAvgPool1D", "Concatenate", "Add",
        "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Dot", "ReLU", "LeakyReLU",
        "Softmax", "ELU",
    }
)  # fmt: skip

Counter = Callable[[Layer, Shape], "int | None"]


def count_params(layer: Layer, inputs: tuple[Shape, ...]) -> int | None:
    """Weights Keras creates for ``layer`` applied to ``inputs``; None when not known."""
    if layer.kind in WEIGHTLESS:
        return 0
    counter = _COUNTERS.get(layer.kind)
    if counter is None or len(inputs) != 1:
        return None
    return counter(layer, inputs[0])


def _features(shape: Shape) -> int | None:
    """The known size of the last axis."""
    if shape.dims is None or not shape.dims or not is_known(shape.dims[-1]):
        return None
    return shape.dims[-1]


def _with_bias(layer: Layer, weights: int, bias: int) -> int | None:
    use_bias = config_bool(layer, "use_bias", True)
    if use_bias is None:
        return None
    return weights + (bias if use_bias else 0)


def _dense(layer: Layer, shape: Shape) -> int | None:
    units, features = config_int(layer, "units"), _features(shape)
    if units is None or features is None:
        return None
    return _with_bias(layer, features * units, units)


def _embedding(layer: Layer, shape: Shape) -> int | None:
    rows, columns = config_int(layer, "input_dim"), config_int(layer, "output_dim")
    return None if rows is None or columns is None else rows * columns


def _recurrent(gates: int) -> Counter:
    def count(layer: Layer, shape: Shape) -> int | None:
        units, features = config_int(layer, "units"), _features(shape)
        if units is None or features is None:
            return None
        biases = gates * units
        if layer.kind == "GRU":
            reset_after = config_bool(layer, "reset_after", True)
            if reset_after is None:
                return None
            biases *= 2 if reset_after else 1
        return _with_bias(layer, gates * units * (features + units), biases)

    return count


def _bidirectional(layer: Layer, shape: Shape) -> int | None:
    inner = layer.get("layer")
    if not isinstance(inner, Layer) or layer.get("backward_layer") is not None:
        return None
    one_way = count_params(inner, (shape,))
    return None if one_way is None else 2 * one_way


def _time_distributed(layer: Layer, shape: Shape) -> int | None:
    inner = layer.get("layer")
    if not isinstance(inner, Layer) or shape.dims is None or len(shape.dims) < 3:
        return None
    return count_params(inner, (Shape((shape.dims[0], *shape.dims[2:])),))


def _conv1d(layer: Layer, shape: Shape) -> int | None:
    filters, features = config_int(layer, "filters"), _features(shape)
    kernel = int_tuple(layer.get("kernel_size"), 1)
    groups = config_int(layer, "groups", 1)
    if filters is None or features is None or kernel is None or not is_known(kernel[0]):
        return None
    if groups != 1 or layer.get("data_format") not in (None, "channels_last"):
        return None
    return _with_bias(layer, kernel[0] * features * filters, filters)


def _normalization(statistics: int) -> Counter:
    """Gamma and beta (unless ``scale``/``center`` is off) plus ``statistics`` per feature."""

    def count(layer: Layer, shape: Shape) -> int | None:
        scale, center = config_bool(layer, "scale", True), config_bool(layer, "center", True)
        features = _features(shape)
        if layer.get("axis", -1) != -1 or scale is None or center is None or features is None:
            return None
        return (statistics + scale + center) * features

    return count


_COUNTERS: dict[str, Counter] = {
    "Dense": _dense,
    "Embedding": _embedding,
    "LSTM": _recurrent(4),
    "GRU": _recurrent(3),
    "SimpleRNN": _recurrent(1),
    "Bidirectional": _bidirectional,
    "TimeDistributed": _time_distributed,
    "Conv1D": _conv1d,
    "Convolution1D": _conv1d,
    "BatchNormalization": _normalization(2),  # moving mean and variance
    "LayerNormalization": _normalization(0),
}

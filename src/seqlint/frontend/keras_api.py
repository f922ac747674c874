"""What the frontend knows about Keras's public API, in one place.

Qualified names arrive here already normalised to a path below the Keras
root (``"layers.LSTM"``, ``"Sequential"``, ``"models.Model"``: see
:func:`seqlint.frontend.imports.keras_path`).  This module says what such a
path is (a layer class, the Sequential/Model/Input constructors, a merge
helper...), maps positional constructor arguments to Keras parameter names,
and lists the parameters whose value must be an int, a bool or a shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Keras 2 layer classes later releases removed (the API table says which): positional
# parameters, states.
_REMOVED_LAYER_SIGNATURES: dict[str, tuple[tuple[str, ...], int]] = {
    "CuDNNLSTM": (("units",), 2),
    "CuDNNGRU": (("units",), 1),
}


def positional(kind: str) -> tuple[str, ...]:
    """The positional parameters of the constructor of layer class ``kind`` (canonical)."""
    from seqlint.shapes.catalogue import spec

    found = spec(kind)
    if found is not None:
        return found.positional
    if kind in _REMOVED_LAYER_SIGNATURES:
        return _REMOVED_LAYER_SIGNATURES[kind][0]
    return ()


def canonical_kind(name: str) -> str:
    """The class a Keras alias names (``MaxPool1D`` -> ``MaxPooling1D``)."""
    from seqlint.shapes.catalogue import canonical

    return canonical(name)


def is_layer_class(name: str) -> bool:
    """A layer class name Keras defines (or defined, for the removed ones)."""
    from seqlint.shapes.catalogue import spec

    return name in LAYERS_EXPORTS or spec(name) is not None or name in _REMOVED_LAYER_SIGNATURES


def state_count(kind: str) -> int | None:
    """How many states ``return_state=True`` adds to a call of ``kind`` (None: none)."""
    from seqlint.shapes.catalogue import spec

    found = spec(kind)
    if found is not None and found.states:
        return len(found.states)
    if kind in _REMOVED_LAYER_SIGNATURES:
        return _REMOVED_LAYER_SIGNATURES[kind][1]
    return None


def call_option(kind: str, name: str) -> bool:
    """Whether the keyword ``name`` of a call of layer ``kind`` changes its outputs (the
    frontend then records it in the config of the call's node)."""
    from seqlint.shapes.catalogue import spec

    found = spec(kind)
    return found is not None and name in found.call_options


# The global image data format: set (Keras 3 ``keras.config``, the backend's in both Keras,
# Keras 2's "th"/"tf" dim ordering) and read.
IMAGE_FORMAT_SETTERS = frozenset(
    {
        "config.set_image_data_format",
        "backend.set_image_data_format",
        "backend.set_image_dim_ordering",
    }
)
IMAGE_FORMAT_GETTERS = frozenset({"config.image_data_format", "backend.image_data_format"})


def takes_data_format(kind: str, target: str) -> bool:
    """Whether the layer class ``kind`` has a ``data_format`` parameter (which Keras resolves
    from the global image data format when it is None) in the ``target`` Keras."""
    from seqlint import keras_api_table
    from seqlint.shapes.catalogue import canonical

    version = keras_api_table.resolve_version(target) or keras_api_table.versions()[-1]
    for name in dict.fromkeys((kind, canonical(kind))):
        found = keras_api_table.keywords(f"layers.{name}", version)
        if found is not None:
            return "data_format" in found
    return False


def takes_query_value(kind: str) -> bool:
    """Whether layer ``kind`` is called as ``mha(query, value, key)``, the tensors as
    arguments (``Trait.QUERY_VALUE``)."""
    from seqlint.shapes.catalogue import Trait, spec

    found = spec(kind)
    return found is not None and found.has(Trait.QUERY_VALUE)


# Functional merge helpers in keras.layers: helper -> (layer kind, positional params).
MERGE_HELPERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "concatenate": ("Concatenate", ("inputs", "axis")),
    "add": ("Add", ("inputs",)),
    "subtract": ("Subtract", ("inputs",)),
    "multiply": ("Multiply", ("inputs",)),
    "average": ("Average", ("inputs",)),
    "maximum": ("Maximum", ("inputs",)),
    "minimum": ("Minimum", ("inputs",)),
    "dot": ("Dot", ("inputs", "axes", "normalize")),
}

# Every name ``keras.layers`` exports (Keras 3.15), for ``from keras.layers import *``.
LAYERS_EXPORTS: frozenset[str] = frozenset(
    {
        "Activation",
        "ActivityRegularization",
        "AdaptiveAveragePooling1D",
        "AdaptiveAveragePooling2D",
        "AdaptiveAveragePooling3D",
        "AdaptiveMaxPooling1D",
        "AdaptiveMaxPooling2D",
        "AdaptiveMaxPooling3D",
        "Add",
        "AdditiveAttention",
        "AlphaDropout",
        "Attention",
        "AugMix",
        "AutoContrast",
        "Average",
        "AveragePooling1D",
        "AveragePooling2D",
        "AveragePooling3D",
        "AvgPool1D",
        "AvgPool2D",
        "AvgPool3D",
        "BatchNormalization",
        "Bidirectional",
        "CategoryEncoding",
        "CenterCrop",
        "Concatenate",
        "ContrastLimitedAdaptiveHistogramEqualization",
        "Conv1D",
        "Conv1DTranspose",
        "Conv2D",
        "Conv2DTranspose",
        "Conv3D",
        "Conv3DTranspose",
        "ConvLSTM1D",
        "ConvLSTM2D",
        "ConvLSTM3D",
        "Convolution1D",
        "Convolution1DTranspose",
        "Convolution2D",
        "Convolution2DTranspose",
        "Convolution3D",
        "Convolution3DTranspose",
        "Cropping1D",
        "Cropping2D",
        "Cropping3D",
        "CutMix",
        "Dense",
        "DepthwiseConv1D",
        "DepthwiseConv2D",
        "Discretization",
        "Dot",
        "Dropout",
        "ELU",
        "EinsumDense",
        "Embedding",
        "Equalization",
        "Flatten",
        "FlaxLayer",
        "GRU",
        "GRUCell",
        "GaussianDropout",
        "GaussianNoise",
        "GlobalAveragePooling1D",
        "GlobalAveragePooling2D",
        "GlobalAveragePooling3D",
        "GlobalAvgPool1D",
        "GlobalAvgPool2D",
        "GlobalAvgPool3D",
        "GlobalMaxPool1D",
        "GlobalMaxPool2D",
        "GlobalMaxPool3D",
        "GlobalMaxPooling1D",
        "GlobalMaxPooling2D",
        "GlobalMaxPooling3D",
        "GroupNormalization",
        "GroupQueryAttention",
        "HashedCrossing",
        "Hashing",
        "Identity",
        "Input",
        "InputLayer",
        "InputSpec",
        "IntegerLookup",
        "JaxLayer",
        "LSTM",
        "LSTMCell",
        "Lambda",
        "Layer",
        "LayerNormalization",
        "LeakyReLU",
        "Masking",
        "MaxNumBoundingBoxes",
        "MaxPool1D",
        "MaxPool2D",
        "MaxPool3D",
        "MaxPooling1D",
        "MaxPooling2D",
        "MaxPooling3D",
        "Maximum",
        "MelSpectrogram",
        "Minimum",
        "MixUp",
        "MultiHeadAttention",
        "Multiply",
        "Normalization",
        "PReLU",
        "Permute",
        "Pipeline",
        "RMSNormalization",
        "RNN",
        "RandAugment",
        "RandomBrightness",
        "RandomColorDegeneration",
        "RandomColorJitter",
        "RandomContrast",
        "RandomCrop",
        "RandomElasticTransform",
        "RandomErasing",
        "RandomFlip",
        "RandomGaussianBlur",
        "RandomGrayscale",
        "RandomHue",
        "RandomInvert",
        "RandomPerspective",
        "RandomPosterization",
        "RandomRotation",
        "RandomSaturation",
        "RandomSharpness",
        "RandomShear",
        "RandomTranslation",
        "RandomZoom",
        "ReLU",
        "RepeatVector",
        "Rescaling",
        "Reshape",
        "Resizing",
        "ReversibleEmbedding",
        "STFTSpectrogram",
        "SeparableConv1D",
        "SeparableConv2D",
        "SeparableConvolution1D",
        "SeparableConvolution2D",
        "SimpleRNN",
        "SimpleRNNCell",
        "Softmax",
        "Solarization",
        "SpatialDropout1D",
        "SpatialDropout2D",
        "SpatialDropout3D",
        "SpectralNormalization",
        "StackedRNNCells",
        "StringLookup",
        "Subtract",
        "TFSMLayer",
        "TextVectorization",
        "TimeDistributed",
        "TorchModuleWrapper",
        "UnitNormalization",
        "UpSampling1D",
        "UpSampling2D",
        "UpSampling3D",
        "Wrapper",
        "ZeroPadding1D",
        "ZeroPadding2D",
        "ZeroPadding3D",
        "add",
        "average",
        "concatenate",
        "deserialize",
        "dot",
        "maximum",
        "minimum",
        "multiply",
        "serialize",
        "subtract",
    }
)

# What ``from keras.models import *`` and ``from keras import *`` bind that matters here.
MODELS_EXPORTS: frozenset[str] = frozenset(
    {"Model", "Sequential", "load_model", "clone_model", "model_from_json", "save_model"}
)
ROOT_EXPORTS: frozenset[str] = frozenset(
    {
        "Input",
        "Layer",
        "Model",
        "Sequential",
        "layers",
        "models",
        "utils",
        "ops",
        "backend",
        "optimizers",
        "losses",
        "metrics",
        "callbacks",
        "activations",
        "regularizers",
        "initializers",
        "preprocessing",
        "applications",
    }
)

# Parameters whose value is an int (a symbolic size is meaningful there).
INT_PARAMS: frozenset[str] = frozenset(
    {
        "units",
        "input_dim",
        "output_dim",
        "filters",
        "kernel_size",
        "strides",
        "pool_size",
        "dilation_rate",
        "n",
        "num_heads",
        "key_dim",
        "value_dim",
        "axis",
        "size",
        "cropping",
        "depth_multiplier",
        "groups",
        "batch_size",
        "max_tokens",
        "num_tokens",
        "num_bins",
        "input_length",
        "output_sequence_length",
        "head_dim",
        "num_query_heads",
        "num_key_value_heads",
    }
)
# Parameters whose value is a shape tuple (a bare symbol there is of unknown rank).
SHAPE_PARAMS: frozenset[str] = frozenset(
    {
        "shape",
        "batch_shape",
        "input_shape",
        "batch_input_shape",
        "target_shape",
        "dims",
        "output_shape",
        "noise_shape",
    }
)

# Keyword arguments on a Sequential model's first layer that declare its input (Keras's
# base Layer takes them from ``**kwargs``; Embedding's ``input_dim`` is its vocabulary).
DECLARING_KWARGS: tuple[str, ...] = ("input_dim", "input_shape", "batch_input_shape")
_OWN_INPUT_DIM = frozenset({"Embedding", "ReversibleEmbedding"})

# Model methods recorded as training calls, with their positional parameters (Keras 3;
# Keras 2's ``fit_generator(generator, ...)`` takes its generator as ``x``).
TRAINING_METHODS: dict[str, tuple[str, ...]] = {
    "compile": (
        "optimizer",
        "loss",
        "loss_weights",
        "metrics",
        "weighted_metrics",
        "run_eagerly",
        "steps_per_execution",
        "jit_compile",
        "auto_scale_loss",
    ),
    "fit": (
        "x",
        "y",
        "batch_size",
        "epochs",
        "verbose",
        "callbacks",
        "validation_split",
        "validation_data",
        "shuffle",
        "class_weight",
        "sample_weight",
        "initial_epoch",
        "steps_per_epoch",
        "validation_steps",
        "validation_batch_size",
        "validation_freq",
    ),
    "evaluate": (
        "x",
        "y",
        "batch_size",
        "verbose",
        "sample_weight",
        "steps",
        "callbacks",
        "return_dict",
    ),
    "predict": ("x", "batch_size", "verbose", "steps", "callbacks"),
    "train_on_batch": ("x", "y", "sample_weight", "class_weight", "return_dict"),
    "test_on_batch": ("x", "y", "sample_weight", "return_dict"),
    "predict_on_batch": ("x",),
    "fit_generator": (
        "x",
        "steps_per_epoch",
        "epochs",
        "verbose",
        "callbacks",
        "validation_data",
        "validation_steps",
        "validation_freq",
        "class_weight",
    ),
    "evaluate_generator": ("x", "steps", "callbacks"),
    "predict_generator": ("x", "steps", "callbacks"),
    "predict_classes": ("x", "batch_size", "verbose"),
    "predict_proba": ("x", "batch_size", "verbose"),
}

# What each Keras release removed, and what replaces it, is the generated API table's
# (seqlint.keras_api_table); the frontend records the uses some release lacks (legacy_api.py).
# Calls that return a Keras model (beside the Sequential/Model constructors).
MODEL_FACTORIES: frozenset[str] = frozenset(
    {"load_model", "clone_model", "model_from_json", "model_from_config"}
)
# The arguments of the layers called as ``mha(query, value, key)`` (``Trait.QUERY_VALUE``).
QUERY_VALUE = ("query", "value", "key")
# Attributes of Keras 2's text ``Tokenizer`` holding its vocabulary (sized at run time).
TOKENIZER_VOCABULARIES: frozenset[str] = frozenset(
    {"word_index", "index_word", "word_counts", "word_docs", "index_docs"}
)


@dataclass(frozen=True)
class Role:
    """What a Keras path denotes.

    ``what`` is one of ``"layer"`` (``kind`` is the class name),
    ``"sequential"``, ``"model"``, ``"input"``, ``"merge"`` (``kind`` is the
    helper's layer kind), one of the data makers: ``"to_categorical"``,
    ``"pad_sequences"``, ``"tokenizer"`` (Keras 2's text ``Tokenizer``),
    ``"timeseries"`` (``kind`` is TimeseriesGenerator or
    timeseries_dataset_from_array), or ``"object"`` for any other Keras class
    (a loss, an optimizer...; ``kind`` is its path), or ``"other"``.
    """

    what: str
    kind: str = ""


_OTHER = Role("other")
_LAYER_PACKAGES = frozenset({"layers", "models", "engine"})


def role_of(path: str) -> Role:
    """The role of a normalised Keras path such as ``"layers.LSTM"`` or ``"Sequential"``."""
    parts = path.split(".")
    last = parts[-1]
    first = parts[0]
    if last == "Sequential":
        return Role("sequential")
    if last in ("Model", "Functional"):
        return Role("model")
    if last == "Input":
        return Role("input")
    if last in ("to_categorical", "pad_sequences"):
        return Role(last)
    if last == "Tokenizer" and first == "preprocessing":
        return Role("tokenizer")
    if last in ("TimeseriesGenerator", "timeseries_dataset_from_array"):
        return Role("timeseries", last)
    if first == "layers" and last in MERGE_HELPERS:
        return Role("merge", MERGE_HELPERS[last][0])
    if not last[:1].isupper():
        return _OTHER
    if first in _LAYER_PACKAGES or len(parts) == 1 or first == "applications":
        return Role("layer", canonical_kind(last))
    return Role("object", path)


def declaring_kwargs(kind: str) -> tuple[str, ...]:
    """The keywords that declare a Sequential input on a first layer of this kind.

    None for custom layers: their own ``__init__`` may take these names.
    """
    if kind in _OWN_INPUT_DIM:
        return DECLARING_KWARGS[1:]
    return DECLARING_KWARGS if is_layer_class(kind) else ()


def output_count(kind: str, config: dict[str, Any]) -> int | None:
    """How many tensors one call of this layer returns, when provably more than one.

    RNNs with ``return_state=True`` return ``output, *states``; Bidirectional
    takes ``return_state`` from its inner layer and returns two outputs when
    ``merge_mode=None``, then the forward and the backward states.
    """
    if kind == "Bidirectional":
        inner = config.get("layer")
        inner_kind = getattr(inner, "kind", None)
        inner_config = getattr(inner, "config", None)
        if inner_kind is None or not isinstance(inner_config, dict):
            return None
        merge_mode = config.get("merge_mode", "concat")
        if not isinstance(merge_mode, str) and merge_mode is not None:
            return None
        outputs = 2 if merge_mode is None else 1
        return_state = inner_config.get("return_state", False)
        states = state_count(inner_kind)
        if return_state is True and states is not None:
            return outputs + 2 * states
        return outputs if return_state is False and outputs > 1 else None
    scores = "return_attention_scores"
    if config.get(scores) is True and call_option(kind, scores):
        return 2  # the output and the attention scores
    if kind == "RNN":  # the states of its cell (a stack of cells nests them: not counted)
        kind = getattr(config.get("cell"), "kind", "")
    states = state_count(kind)
    if config.get("return_state") is True and states is not None:
        return 1 + states
    return None

"""Audio preprocessing: STFTSpectrogram and MelSpectrogram turn signals into spectrograms.

Keras 3 facts. STFTSpectrogram is a strided convolution with a frame-sized kernel over a
``(batch, samples, channels)`` input (InputSpec ``ndim=3``): ``(batch, frames, freqs *
channels)``, or ``(batch, frames, freqs, channels)`` with ``expand_dims`` (channels first:
``(batch, freqs * channels, frames)``, ``(batch, channels, frames, freqs)``), where ``freqs``
is ``fft_length // 2 + 1`` (doubled in ``stft`` mode). Its real and imaginary kernels are
weights. MelSpectrogram transforms the last axis of ``(batch, samples)``: ``(batch,
num_mel_bins, frames)``, frequency before time.
"""

from __future__ import annotations

import math

from seqlint.dims import NONE, UNKNOWN, Dim, Shape, is_known, mul
from seqlint.shapes.catalogue import Call
from seqlint.shapes.layers.common import (
    config_bool,
    config_dim,
    config_int,
    data_format,
    keras_layer,
    no_weights,
    require_rank,
)
from seqlint.shapes.layers.spatial import window_length
from seqlint.shapes.problems import ProblemKind, ShapeProblem


def _stft_sizes(call: Call) -> tuple[int, int, int] | None:
    """(frame_length, frame_step, fft_length) with Keras's defaults; None if unreadable."""
    layer = call.layer
    frame = config_int(layer, "frame_length", 256)
    if frame is None or frame < 1:
        return None
    step = layer.get("frame_step")
    fft = layer.get("fft_length")
    step = frame // 2 if step is None else step
    fft = 2 ** math.ceil(math.log2(frame)) if fft is None else fft
    return (frame, step, fft) if is_known(step) and is_known(fft) else None


def _stft_params(call: Call) -> int | None:
    """A ``(frame_length, 1, fft_length // 2 + 1)`` kernel for the real part unless ``mode`` is
    ``imag``, one for the imaginary part unless it is ``real``."""
    sizes, mode = _stft_sizes(call), call.layer.get("mode", "log")
    if sizes is None or not isinstance(mode, str):
        return None
    frame, _, fft = sizes
    kernels = (mode != "imag") + (mode != "real")
    return kernels * frame * (fft // 2 + 1)


@keras_layer(
    "STFTSpectrogram",
    positional=("mode", "frame_length", "frame_step", "fft_length", "window", "periodic"),
    params=_stft_params,
)
def stft_spectrogram(call: Call) -> list[Shape]:
    """Frames as a ``valid`` (or ``same``) convolution of ``frame_length`` steps by
    ``frame_step`` (a frame longer than a ``valid`` signal: Keras raises "Computed output size
    would be zero or negative"); Keras needs the number of channels defined when it builds.
    Its input is a signal, not a sequence of feature vectors: a signal without its channel
    axis is a rank problem, not a missing time axis."""
    layer, shape = call.layer, call.input
    fmt = data_format(layer)
    first = fmt == "channels_first"
    require_rank(call, 3, "(batch, channels, samples)" if first else "(batch, samples, channels)")
    sizes, mode = _stft_sizes(call), layer.get("mode", "log")
    expand = config_bool(layer, "expand_dims", False)
    padding = layer.get("padding", "valid")
    if shape.dims is None or fmt is None or sizes is None or expand is None:
        return [Shape.unknown()]
    if not isinstance(mode, str) or padding not in ("valid", "same"):
        return [Shape.unknown()]
    batch, *rest = shape.dims
    length, channels = (rest[1], rest[0]) if first else (rest[0], rest[1])
    if channels is NONE:
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"STFTSpectrogram needs a defined number of channels (axis {1 if first else 2}), "
            f"got {shape}",
            input_index=0,
            expected="a defined number of channels",
            got=shape,
        )
    frame, step, fft = sizes
    freqs = (fft // 2 + 1) * (2 if mode == "stft" else 1)
    frames = window_length(call, length, frame, step, padding, f"frame_length={frame}")
    if expand:
        dims = (batch, channels, frames, freqs) if first else (batch, frames, freqs, channels)
        return [Shape(dims)]
    joined = mul(freqs, channels)
    return [Shape((batch, joined, frames) if first else (batch, frames, joined))]


def _mel_frames(call: Call, samples: Dim, fft: int, stride: int) -> Dim:
    """Frames of ``samples`` as Keras's ``stft(center=True)`` cuts them: the signal is padded
    by ``fft_length // 2`` on both sides by reflection (which needs more samples than that:
    Keras raises when it runs), then cut into ``fft_length`` frames every ``stride``."""
    if samples is NONE:
        return NONE
    if not is_known(samples):
        return UNKNOWN
    if samples <= fft // 2:
        raise ShapeProblem(
            ProblemKind.LAYER_CONFIG,
            f"its fft_length={fft} pads each signal by {fft // 2} samples on both sides by "
            f"reflection, which needs more than {fft // 2} samples; the input "
            f"{call.input} has {samples}. Keras raises when it runs the layer",
            input_index=0,
            expected=f"more than {fft // 2} samples",
            got=call.input,
        )
    return 1 + (samples - fft % 2) // stride


@keras_layer(
    "MelSpectrogram",
    positional=(
        "fft_length",
        "sequence_stride",
        "sequence_length",
        "window",
        "sampling_rate",
        "num_mel_bins",
    ),
    params=no_weights,
)
def mel_spectrogram(call: Call) -> list[Shape]:
    """``(..., num_mel_bins, frames)`` for signals ``(..., samples)``: what Keras computes when
    it runs (its ``compute_output_shape`` counts ``(samples + stride + 1) // stride`` frames
    of axis 1, which differs for some lengths and for inputs of rank 3)."""
    layer, shape = call.layer, call.input
    fft = config_int(layer, "fft_length", 2048)
    stride = config_int(layer, "sequence_stride", 512)
    if shape.dims is None or fft is None or stride is None or fft < 1 or stride < 1:
        return [Shape.unknown()]
    mels = config_dim(layer, "num_mel_bins", 128)
    return [Shape((*shape.dims[:-1], mels, _mel_frames(call, shape.dims[-1], fft, stride)))]

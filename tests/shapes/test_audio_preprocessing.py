"""STFTSpectrogram and MelSpectrogram (tests/catalogue compares them with Keras)."""

from __future__ import annotations

import pytest

from seqlint.dims import BATCH, NONE, Shape
from seqlint.shapes.catalogue import count_params
from seqlint.shapes.problems import ProblemKind, ShapeProblem


@pytest.mark.parametrize(
    ("config", "dims", "expected"),
    [
        # 13 frames of 16 samples every 4; fft_length 16: 9 frequencies per channel
        ({}, (BATCH, 64, 2), (BATCH, 13, 18)),
        ({"expand_dims": True}, (BATCH, 64, 2), (BATCH, 13, 9, 2)),
        ({"mode": "stft"}, (BATCH, 64, 1), (BATCH, 13, 18)),  # real and imaginary parts
        ({"padding": "same"}, (BATCH, 64, 1), (BATCH, 16, 9)),
        ({"data_format": "channels_first"}, (BATCH, 2, 64), (BATCH, 18, 13)),
        ({"data_format": "channels_first", "expand_dims": True}, (BATCH, 2, 64), (BATCH, 2, 13, 9)),
        ({}, (BATCH, NONE, 1), (BATCH, NONE, 9)),
    ],
)
def test_stft_spectrogram(layer, run, config, dims, expected) -> None:
    stft = layer("STFTSpectrogram", frame_length=16, frame_step=4, **config)
    assert run(stft, Shape(dims)) == [Shape(expected)]


@pytest.mark.parametrize(("mode", "kernels"), [("log", 2), ("stft", 2), ("real", 1), ("imag", 1)])
def test_stft_spectrogram_kernels_are_weights(layer, mode, kernels) -> None:
    stft = layer("STFTSpectrogram", frame_length=20, mode=mode)  # fft_length 32: 17 frequencies
    assert count_params(stft, (Shape((BATCH, 100, 1)),)) == kernels * 20 * 17


@pytest.mark.parametrize(
    ("dims", "kind"),
    [
        ((BATCH, 15, 1), ProblemKind.LENGTH),  # a frame of 16 samples does not fit
        ((BATCH, 64, NONE), ProblemKind.LAYER_CONFIG),  # undefined channels
        ((BATCH, 64), ProblemKind.RANK),  # a signal without its channel axis
    ],
)
def test_stft_spectrogram_problems(layer, run, dims, kind) -> None:
    with pytest.raises(ShapeProblem) as raised:
        run(layer("STFTSpectrogram", frame_length=16), Shape(dims))
    assert raised.value.kind is kind
    if kind is ProblemKind.RANK:
        assert raised.value.expected == "(batch, samples, channels)"


@pytest.mark.parametrize(
    ("config", "dims", "expected"),
    [
        ({}, (BATCH, 16000), (BATCH, 128, 32)),  # frequency before time
        ({"fft_length": 16, "sequence_stride": 4, "num_mel_bins": 5}, (BATCH, 63), (BATCH, 5, 16)),
        ({"fft_length": 7, "sequence_stride": 3}, (BATCH, 10), (BATCH, 128, 4)),  # odd fft
        ({"fft_length": 16, "sequence_stride": 4}, (BATCH, 3, 64), (BATCH, 3, 128, 17)),
        ({}, (BATCH, NONE), (BATCH, 128, NONE)),
    ],
)
def test_mel_spectrogram(layer, run, config, dims, expected) -> None:
    mel = layer("MelSpectrogram", **config)
    assert run(mel, Shape(dims)) == [Shape(expected)]
    assert count_params(mel, (Shape(dims),)) == 0


def test_mel_spectrogram_needs_more_samples_than_its_padding(layer, run) -> None:
    with pytest.raises(ShapeProblem) as raised:
        run(layer("MelSpectrogram", fft_length=16), Shape((BATCH, 8)))
    assert raised.value.kind is ProblemKind.LAYER_CONFIG
    assert "needs more than 8 samples" in raised.value.message
    short = layer("MelSpectrogram", fft_length=16, sequence_stride=4)
    assert run(short, Shape((BATCH, 9))) == [Shape((BATCH, 128, 3))]

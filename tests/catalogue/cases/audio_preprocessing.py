"""Cases for STFTSpectrogram and MelSpectrogram: signals around the frame length, in either data
format, of undefined length, and of ranks Keras refuses.

MelSpectrogram's ``compute_output_shape`` counts its frames differently from its ``stft`` (and
on axis 1 of a rank-3 input): its cases with a signal long enough to run are compared with a
run (``runtime=True``); the signals of its rank-3 inputs have a defined length, without which
neither its build nor a run can be compared. STFTSpectrogram's channels-first convolution
does not run on a CPU, and its build is right: it is compared with the build.
"""

from __future__ import annotations

import random
from typing import Any

from tests.catalogue.cases import generates
from tests.catalogue.cases.draw import maybe, size
from tests.catalogue.harness import Case


@generates("STFTSpectrogram")
def stft_spectrogram(rng: random.Random, kind: str) -> Case:
    frame = rng.randint(2, 24)
    config: dict[str, Any] = {"frame_length": frame}
    maybe(rng, config, "frame_step", rng.randint(1, frame))
    maybe(rng, config, "fft_length", frame, frame + rng.randint(1, 8), 32)
    maybe(rng, config, "mode", "log", "magnitude", "psd", "real", "imag", "angle", "stft")
    maybe(rng, config, "padding", "valid", "same")
    maybe(rng, config, "expand_dims", True, False)
    maybe(rng, config, "data_format", "channels_last", "channels_first")
    samples = rng.choice(
        [frame - 1, frame, frame + 1, frame + rng.randint(2, 40), size(rng, 1, 64)]
    )
    channels = size(rng, 1, 3, unknown=0.05)
    first = config.get("data_format") == "channels_first"
    signal = (channels, samples) if first else (samples, channels)
    shape = rng.choice([signal] * 8 + [(samples,), (2, *signal)])
    return Case(kind, config, (shape,))


@generates("MelSpectrogram")
def mel_spectrogram(rng: random.Random, kind: str) -> Case:
    fft = rng.choice([4, 7, 8, 16, 33, 64])
    config: dict[str, Any] = {"fft_length": fft, "sequence_stride": rng.randint(1, fft)}
    maybe(rng, config, "sequence_length", rng.randint(1, fft))
    maybe(rng, config, "num_mel_bins", rng.randint(2, 20))
    maybe(rng, config, "sampling_rate", 8000, 22050)
    samples = rng.choice([fft // 2, fft // 2 + 1, size(rng, 1, 3 * fft), size(rng, 1, 3 * fft)])
    shape: tuple[Any, ...] = rng.choice([(samples,), (samples,), (samples,), ()])
    if rng.random() < 0.2:  # signals on the last axis of a rank-3 input (defined: see above)
        shape = (size(rng, 1, 3), samples or rng.randint(1, 3 * fft))
    runs = len(shape) >= 1 and shape[-1] is not None and shape[-1] > fft // 2
    return Case(kind, config, (shape,), runtime=runs)

"""The batches a data call cuts its samples into, against the batch sizes a model can take.

``fit``, ``evaluate`` and ``predict`` cut the data into batches of ``batch_size`` (32 when not
given) and a last, smaller batch of the remaining samples; data with fewer samples than
``batch_size`` is one batch of all of them. A model whose batch size is fixed (a stateful
layer's declared batch, a batch axis an op turned into a fixed size) runs only on batches of
the sizes it allows: :func:`other_batches` says which batch of a call is another size.
"""

from __future__ import annotations

import math

from seqlint.ir import Array, TrainingCall
from seqlint.rulekit.feeding import MISSING, data_name
from seqlint.rulekit.stateful import positive_int

# Calls checked, with the parameter that would make the batch count something else.
CHECKED = {"fit": "steps_per_epoch", "evaluate": "steps", "predict": "steps"}
DEFAULT_BATCH = 32


def other_batches(
    call: TrainingCall, allowed: frozenset[int], *, samples_known: bool = False
) -> str | None:
    """How the batches of ``call`` include a size not in ``allowed``; None when they provably
    do not or when it is not known. ``samples_known``: say nothing unless the number of
    samples is known (batches of at most ``batch_size`` samples may still be all allowed)."""
    size = call.args.get("batch_size", None)
    label = "batch_size=32, the default" if size is None else f"batch_size={size}"
    size = DEFAULT_BATCH if size is None else size
    if not positive_int(size):
        return None
    x = call.args.get("x", MISSING)
    if not isinstance(x, Array):
        return None
    samples = _samples(x)
    if samples is None and samples_known:
        return None
    split = call.args.get("validation_split", 0.0) if call.method == "fit" else 0.0
    if not isinstance(split, (int, float)) or isinstance(split, bool) or not 0 <= split < 1:
        return None
    if samples is not None and split:
        train = math.floor(samples * (1.0 - split))
        found = _batches(
            train, size, allowed, f"the first {train} samples of {data_name(x)}", label
        )
        if found is not None:
            return found
        validation_size = call.args.get("validation_batch_size", None) or size
        if not positive_int(validation_size):
            return None
        rest = f"the last {samples - train} samples of {data_name(x)} (validation_split)"
        return _batches(
            samples - train, validation_size, allowed, rest, f"batch_size={validation_size}"
        )
    found = _batches(samples, size, allowed, data_name(x), label)
    if found is not None or call.method != "fit":
        return found
    return _validation_data(call, size, allowed, samples_known)


def _validation_data(
    call: TrainingCall, size: int, allowed: frozenset[int], samples_known: bool
) -> str | None:
    data = call.args.get("validation_data", None)
    if not isinstance(data, (tuple, list)) or not data or not isinstance(data[0], Array):
        return None
    validation_size = call.args.get("validation_batch_size", None) or size
    if not positive_int(validation_size):
        return None
    x = data[0]
    samples = _samples(x)
    if samples is None and samples_known:
        return None
    return _batches(
        samples,
        validation_size,
        allowed,
        f"{data_name(x)} (validation_data)",
        f"batch_size={validation_size}",
    )


def _batches(
    samples: int | None, size: int, allowed: frozenset[int], what: str, label: str
) -> str | None:
    """The first batch size not in ``allowed`` that ``samples`` cut into ``size`` give
    (``label`` says where ``size`` comes from)."""
    if samples is None:
        if size < min(allowed):  # every batch holds at most `size` samples
            return f"batches of at most {size} samples ({label}) of {what}"
        return None
    if samples < size:
        if samples not in allowed:
            return f"one batch of {samples} samples ({what}, fewer than {label})"
        return None
    if size not in allowed:
        return f"batches of {size} samples ({label}) of {what}"
    rest = samples % size
    if rest and rest not in allowed:
        return f"a last batch of {rest} samples ({samples} samples of {what} in batches of {size})"
    return None


def _samples(x: Array) -> int | None:
    if not x.shape:
        return None
    first = x.shape[0]
    return first if positive_int(first) else None

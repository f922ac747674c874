"""Proof of the silent behaviour SL204 warns about: Keras trains on broadcast targets."""

import os

import numpy as np
import pytest

from seqlint.rules.silent_target_mismatch import SilentTargetMismatch

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = pytest.mark.keras


def test_per_step_targets_on_many_to_one_model_train_on_a_broadcast_loss():
    namespace: dict = {"__name__": "__main__"}
    exec(compile(SilentTargetMismatch.bad_example, "<SL204>", "exec"), namespace)  # fit runs
    model, X, y = namespace["model"], namespace["X"], namespace["y"]
    assert model.output_shape == (None, 1) and y.shape == (32, 10, 1)

    reported = model.evaluate(X, y, batch_size=32, verbose=0)
    prediction = model.predict(X, batch_size=32, verbose=0)  # (32, 1): one value per sequence
    broadcast = np.mean((y[..., 0] - prediction) ** 2)  # every step against the same prediction
    assert reported == pytest.approx(broadcast, rel=1e-4)

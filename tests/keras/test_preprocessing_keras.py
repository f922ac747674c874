"""The scripts of tests/rules/test_preprocessing_layers.py run in Keras: each raises (when it
builds the model, or when it runs it) where seqlint reports the preprocessing layer's
problem."""

import os
import textwrap

import pytest

from tests.helpers import codes_and_lines, expected_markers
from tests.rules.test_preprocessing_layers import SCRIPTS

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = pytest.mark.keras

# What Keras raises on each script.
KERAS_ERRORS = {
    "RANK: flat vectors declared for an image augmentation (SL102)": (
        r"Expected image tensor to have rank 3 \(single image\) or 4 \(batch of images\)"
    ),
    "RANK: an image augmentation after Flatten (SL114)": (
        r"Expected image tensor to have rank 3 \(single image\) or 4 \(batch of images\)"
    ),
    "RANK: signals declared without their channel axis (SL102)": r"expected ndim=3, found ndim=2",
    "LAYER_CONFIG: TextVectorization splitting two strings per sample (SL114)": (
        r"the input rank must be 1 or the last shape dimension must be 1"
    ),
    "UNDEFINED_AXIS: Normalization of features of undefined number (SL110)": (
        r"All `axis` values to be kept must have a known shape"
    ),
    "MERGE_NOT_LIST: HashedCrossing of one stacked tensor (SL105)": (
        r"Expected as input a list/tuple of 2 tensors"
    ),
    "MERGE_DIMS: HashedCrossing of (batch, 1) and (batch,) features (SL104)": (
        r"Expected the two input tensors to have identical shapes"
    ),
    "LENGTH: an STFT frame longer than the signal (SL108)": (
        r"Computed output size would be zero or negative"
    ),
}


def test_every_script_has_its_keras_error() -> None:
    assert set(KERAS_ERRORS) == set(SCRIPTS)


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_reported_and_keras_raises(name: str) -> None:
    source = textwrap.dedent(SCRIPTS[name])
    assert codes_and_lines(source) == expected_markers(source)
    with pytest.raises(Exception, match=KERAS_ERRORS[name]):
        exec(compile(source, "<case>", "exec"), {"__name__": "__main__"})

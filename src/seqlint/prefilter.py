"""Which sources may build, train or define a Keras model: the only ones worth a parse.

Every finding of seqlint starts from a model, its input, a training call, a subclassed
model or layer, or a windows generator; the frontend recognises Keras only through names
containing ``keras``. A source with none of these cannot produce a diagnostic, so it is
not parsed. The scan is plain text (strings and comments included): it may let a file
through needlessly, never keep one out that the analysis would report on
(``tests/cli/test_prefilter.py`` checks that on every example the project has).
"""

from __future__ import annotations

import re

KERAS_MARKER = "keras"
"""Every way the frontend recognises Keras contains this substring (keras, tf.keras,
tensorflow.keras, keras imported from tensorflow, tf_keras)."""

_MODEL_CODE = re.compile(
    # a model or its input being built
    r"\b(?:Sequential|Model|Input|InputLayer)\s*\("
    # a training or prediction call, including the Keras 2 methods Keras 3 removed
    r"|\.(?:compile|fit|fit_generator|evaluate_generator|predict_generator|train_on_batch"
    r"|predict_classes|predict_proba)\s*\("
    # a subclassed model or layer
    r"|\bclass\s+\w+\s*\([^)]*\b(?:Model|Layer)\b"
    # windows generators (TimeseriesGenerator, timeseries_dataset_from_array)
    r"|\b(?:TimeseriesGenerator|timeseries_dataset_from_array)\b"
)


def may_define_model(source: str) -> bool:
    """False only when ``source`` certainly holds no Keras model code."""
    return KERAS_MARKER in source and _MODEL_CODE.search(source) is not None

"""Real Keras is the oracle: every bundled example behaves as seqlint says it does.

Each ``examples/*_bad.py`` must fail in Keras with the error its ``# expect: CODE`` marker
claims, and fail at the same place seqlint reports (the marker line itself), or at the
statement that builds the model containing it, or (when Keras only notices while tracing
the training step) at the ``.fit(...)`` call.  A bad example of a warning rule (exception
``None`` in the table) must run: the bug is silent.  Each ``examples/*_good.py`` must run.

The scripts run in-process with ``runpy`` so TensorFlow is imported once for the module.
"""

from __future__ import annotations

import ast
import os
import re
import runpy
import traceback
from pathlib import Path

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = [
    pytest.mark.keras,
    # Keras's own advice about input_shape= is part of what SL102 examples show.
    pytest.mark.filterwarnings("ignore:Do not pass an `input_shape`:UserWarning"),
]

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BAD = sorted(EXAMPLES.glob("*_bad.py"))
GOOD = sorted(EXAMPLES.glob("*_good.py"))

MARKER = re.compile(r"#\s*expect:\s*(SL\d{3})\s*$")

# Where Keras raises, as seen from the example file:
#   "marker": a traceback frame sits on the `# expect:` line itself;
#   "build":  a frame sits in the statement that builds the model and contains the marker
#             (a `Sequential([...])` list raises from the statement, not from the layer's line);
#   "fit":    Keras builds the model without complaint and fails in `.fit(...)`;
#   "runs":   (exception None) nothing raises: a warning rule's silent bug.
EXPECTED: dict[str, tuple[str, type[BaseException] | None, str, str]] = {
    "stacked_lstm_missing_return_sequences_bad.py": (
        "SL101",
        ValueError,
        r"expected ndim=3, found ndim=2",
        "marker",
    ),
    "encoder_decoder_missing_repeat_vector_bad.py": (
        "SL101",
        ValueError,
        r"expected ndim=3, found ndim=2",
        "marker",
    ),
    "gru_then_conv1d_bad.py": (
        "SL101",
        ValueError,
        r"conv1d.*expected min_ndim=3, found ndim=2",
        "marker",
    ),
    "stacked_gru_in_build_function_bad.py": (
        "SL101",
        ValueError,
        r"expected ndim=3, found ndim=2",
        "build",
    ),
    "lstm_fed_features_only_bad.py": (
        "SL102",
        ValueError,
        r"expected ndim=3, found ndim=2\. Full shape received: \(None, 3\)",
        "marker",
    ),
    "input_shape_includes_batch_bad.py": (
        "SL102",
        ValueError,
        r"expected ndim=3, found ndim=4\. Full shape received: \(None, 16, 10, 3\)",
        "build",
    ),
    "time_distributed_after_flatten_bad.py": (
        "SL103",
        ValueError,
        r"`TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions",
        "build",
    ),
    "time_distributed_after_collapsed_lstm_bad.py": (
        "SL103",
        ValueError,
        r"`TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions",
        "marker",
    ),
    "concatenate_time_length_mismatch_bad.py": (
        "SL104",
        ValueError,
        r"`Concatenate` layer requires inputs with matching shapes except for the concatenation "
        r"axis\. Received: input_shape=\[\(None, 20, 3\), \(None, 10, 3\)\]",
        "marker",
    ),
    "concatenate_sequence_with_vector_bad.py": (
        "SL104",
        ValueError,
        r"`Concatenate` layer requires inputs with matching shapes except for the concatenation "
        r"axis\. Received: input_shape=\[\(None, 15, 16\), \(None, 4\)\]",
        "marker",
    ),
    "concatenate_in_sequential_bad.py": (
        "SL105",
        ValueError,
        r"`Concatenate` layer should be called on a list",
        "build",
    ),
    "reshape_after_bidirectional_bad.py": (
        "SL106",
        ValueError,
        r"total size of the tensor must be unchanged\. "
        r"Received: input_shape=\(10, 64\), target_shape=\(10, 32, 1\)",
        "build",
    ),
    "initial_state_size_mismatch_bad.py": (
        "SL107",
        ValueError,
        r"LSTMCell(.|\n)*Dimensions must be equal, but are 128 and 256",
        "fit",
    ),
    "intent_classifier_too_few_units_bad.py": (
        "SL202",
        Exception,  # tf.errors.InvalidArgumentError
        r"outside the valid range of \[0, 5\)",
        "fit",
    ),
    "forecast_horizon_mismatch_bad.py": (
        "SL203",
        ValueError,
        r"Dimensions must be equal, but are 3 and 2",
        "fit",
    ),
    "per_step_regression_on_last_step_bad.py": ("SL204", None, "", "runs"),
    "sentiment_softmax_single_unit_bad.py": ("SL205", None, "", "runs"),
    "tagger_logits_without_from_logits_bad.py": ("SL205", None, "", "runs"),
    "multi_output_loss_dict_typo_bad.py": (
        "SL206",
        ValueError,
        r"Expected keys \['forecast', 'alarm'\] in loss dict",
        "fit",
    ),
    "multi_output_shared_mse_bad.py": ("SL207", None, "", "runs"),
    "multi_output_custom_loss_indexing_bad.py": ("SL208", None, "", "runs"),
    "lstm_fit_on_2d_data_bad.py": ("SL209", ValueError, r"expected ndim=3, found ndim=2", "fit"),
    "multi_input_order_swapped_bad.py": (
        "SL209",
        ValueError,
        r"expected shape=\(None, 24, 3\), found shape=\(16, 5\)",
        "fit",
    ),
    "embedding_vocabulary_too_small_bad.py": (
        "SL210",
        Exception,  # tf.errors.InvalidArgumentError
        r"indices\[\d+,\d+\] = \d+ is not in \[0, 4000\)",
        "fit",
    ),
    "padded_tagger_without_mask_bad.py": ("SL211", None, "", "runs"),
    "seq2seq_timeseries_generator_length_one_bad.py": ("SL212", None, "", "runs"),
    "legacy_timeseries_generator_bad.py": ("SL213", None, "", "runs"),
    "many_to_one_with_per_step_targets_bad.py": (
        "SL201",
        ValueError,
        r"must have rank \(ndim\) `target.ndim - 1`",
        "fit",
    ),
    "sklearn_scaled_rows_into_lstm_bad.py": (
        "SL209",
        ValueError,
        r"expected ndim=3, found ndim=2\. Full shape received: \(None, 24\)",
        "fit",
    ),
    "dataset_never_batched_bad.py": (
        "SL209",
        ValueError,
        r"expected shape=\(None, 30, 4\), found shape=\(30, 4\)",
        "fit",
    ),
    "char_rnn_dataset_last_step_only_bad.py": (
        "SL201",
        ValueError,
        r"must have rank \(ndim\) `target.ndim - 1`\. "
        r"Received: target.shape=\(16, 50\), output.shape=\(16, 40\)",
        "fit",
    ),
    "text_vectorization_classifier_per_step_bad.py": (
        "SL201",
        ValueError,
        r"must have rank \(ndim\) `target.ndim - 1`\. "
        r"Received: target.shape=\(32,\), output.shape=\(32, 20, 2\)",
        "fit",
    ),
    "char_model_vocabulary_size_last_step_bad.py": (
        "SL201",
        ValueError,
        r"`target` and `output` must have the same rank \(ndim\)",
        "fit",
    ),
    "loop_windows_without_feature_axis_bad.py": (
        "SL209",
        ValueError,
        r"expected ndim=3, found ndim=2\. Full shape received: \(None, 10\)",
        "fit",
    ),
    "fit_generator_removed_bad.py": (
        "SL214",
        AttributeError,
        r"object has no attribute 'fit_generator'",
        "marker",
    ),
    "stateful_lstm_batch_input_shape_bad.py": (
        "SL215",
        ValueError,
        r"Unrecognized keyword arguments passed to LSTM: \{'batch_input_shape'",
        "build",
    ),
    "dqn_agent_optimizer_lr_bad.py": (
        "SL217",
        ValueError,
        r"Argument\(s\) not recognized: \{'lr': 0\.001\}",
        "marker",
    ),
    "self_model_predict_classes_bad.py": (
        "SL219",
        AttributeError,
        r"object has no attribute 'predict_classes'",
        "marker",
    ),
    "multi_output_metrics_list_bad.py": (
        "SL220",
        ValueError,
        r"Invalid `metrics`",
        "fit",
    ),
    "cnn_forecaster_window_too_long_bad.py": (
        "SL108",
        ValueError,
        r"Computed output size would be zero or negative",
        "build",
    ),
    "pretrained_embedding_matrix_rows_bad.py": (
        "SL109",
        ValueError,
        r"weight shape \(2000, 100\) is not compatible with provided weight shape \(2001, 100\)",
        "marker",
    ),
    "review_classifier_flatten_any_length_bad.py": (
        "SL110",
        ValueError,
        r"Shapes used to initialize variables must be fully-defined",
        "marker",
    ),
}


def _markers(path: Path) -> list[tuple[int, str]]:
    """(line, code) of every `# expect: CODE` comment in the file."""
    found = []
    for lineno, line in enumerate(path.read_text().splitlines(), start=1):
        m = MARKER.search(line)
        if m:
            found.append((lineno, m.group(1)))
    return found


def _span_of_statement_containing(tree: ast.Module, line: int) -> tuple[int, int]:
    """Lines of the innermost simple statement (not a def/if/for/...) spanning `line`."""
    best = None
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.stmt)
            and not hasattr(node, "body")
            and node.lineno <= line <= node.end_lineno
            and (best is None or node.end_lineno - node.lineno < best[1] - best[0])
        ):
            best = (node.lineno, node.end_lineno)
    assert best is not None, f"no statement spans line {line}"
    return best


def _fit_call_spans(tree: ast.Module) -> list[tuple[int, int]]:
    return [
        (node.lineno, node.end_lineno)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "fit"
    ]


@pytest.fixture(scope="module")
def keras_runtime():
    """TensorFlow/Keras, imported once for the whole module."""
    pytest.importorskip("tensorflow")
    return pytest.importorskip("keras")


@pytest.fixture(autouse=True)
def _fresh_keras_session(request):
    yield
    if "keras_runtime" in request.fixturenames:
        request.getfixturevalue("keras_runtime").backend.clear_session()


def test_every_bad_example_is_marked_tabled_and_twinned():
    assert BAD, f"no *_bad.py in {EXAMPLES}"
    names = {p.name for p in BAD}
    assert set(EXPECTED) <= names, f"table entries without a file: {set(EXPECTED) - names}"
    for path in BAD:
        assert path.name in EXPECTED, f"{path.name}: add it to EXPECTED"
        # One marker per reported line; the table proves the one of the table's code.
        codes = [code for _, code in _markers(path)]
        assert codes.count(EXPECTED[path.name][0]) == 1, f"{path.name}: markers {codes} vs table"
        assert path.with_name(path.name.replace("_bad.py", "_good.py")).exists(), (
            f"{path.name} has no _good twin"
        )
    for path in BAD + GOOD:
        text = path.read_text()
        lines = text.splitlines()
        assert 15 <= len(lines) <= 40, f"{path.name}: {len(lines)} lines, want 15-40"
        # Markers are the only place "expect:" may appear, one per line, only in bad files.
        stray = [
            n
            for n, line in enumerate(lines, start=1)
            if "expect:" in line
            and (path in GOOD or line.count("expect:") != 1 or not MARKER.search(line))
        ]
        assert not stray, f"{path.name}: stray 'expect:' on lines {stray}"


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_bad_example_fails_in_keras_where_seqlint_reports(path: Path, keras_runtime):
    if path.name not in EXPECTED:
        pytest.fail(f"{path.name}: add it to EXPECTED")
    code, exc_type, message, where = EXPECTED[path.name]
    [marker_line] = [line for line, marked in _markers(path) if marked == code]
    if exc_type is None:  # a warning rule: Keras trains without a word
        assert where == "runs", f"{path.name}: exception None means 'runs'"
        runpy.run_path(str(path), run_name="__main__")
        return
    tree = ast.parse(path.read_text())

    with pytest.raises(exc_type, match=message) as excinfo:
        runpy.run_path(str(path), run_name="__main__")

    here = str(path)
    lines = {
        frame.lineno
        for frame in traceback.extract_tb(excinfo.value.__traceback__)
        if frame.filename == here
    }
    assert lines, f"no traceback frame in {path.name}"
    if where == "marker":
        assert marker_line in lines, f"Keras raised from lines {lines}, marker is {marker_line}"
    elif where == "build":
        assert marker_line not in lines, "Keras raises at the marker line: record 'marker'"
        start, end = _span_of_statement_containing(tree, marker_line)
        assert any(start <= n <= end for n in lines), (
            f"Keras raised from lines {lines}, model statement is lines {start}-{end}"
        )
    elif where == "fit":
        spans = _fit_call_spans(tree)
        assert any(s <= n <= e for n in lines for s, e in spans), (
            f"Keras raised from lines {lines}, .fit() calls are at {spans}"
        )
    else:
        pytest.fail(f"unknown location kind {where!r}")


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_good_example_runs_in_keras(path: Path, keras_runtime):
    runpy.run_path(str(path), run_name="__main__")

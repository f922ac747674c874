"""SL118 on the generated declared-vs-returned cases (proven in real Keras by
tests/keras/test_declared_output_breaks_keras.py)."""

from __future__ import annotations

import pytest

from tests.helpers import codes_and_lines, lint
from tests.rules.declared_cases import (
    CUSTOM,
    batch_twice,
    build_breaks,
    chains,
    sources,
    two_outputs,
)

NO_RUN = "\nmodel.predict(np.zeros((4, 5, 3)), verbose=0)\n"


@pytest.mark.parametrize(("name", "source", "line", "raises"), sources(), ids=lambda v: v)
def test_reported_at_the_declaration_exactly_when_the_run_breaks_a_layer(
    name: str, source: str, line: int, raises: bool
):
    found = {(code, at) for code, at in codes_and_lines(source) if code == "SL118"}
    assert found == ({("SL118", line)} if raises else set())


@pytest.mark.parametrize(("name", "source", "line"), build_breaks(), ids=lambda v: v)
def test_a_declaration_that_breaks_the_build_is_named_beside_the_failing_layer(
    name: str, source: str, line: int
):
    assert {("SL104", line), ("SL118", 10)} <= codes_and_lines(source)


def test_the_message_names_the_layer_its_build_and_what_comes():
    source = CUSTOM.format(after="layers.Dense(2)(layers.GlobalAveragePooling1D()(h))")
    (finding,) = [d for d in lint(source) if d.code == "SL118"]
    assert finding.message == (
        "Widen()'s compute_output_shape declares (None, 5, 3) and Keras builds Dense(2) at "
        "line 14 for it, but call returns (batch, 5, 6): when the model runs, Dense(2) fails: "
        "its weights are built for 3 input features and it gets 6, (batch, 6)"
    )
    assert finding.hint == "make compute_output_shape the shape call produces, (batch, 5, 6)"


def test_a_model_that_never_runs_never_meets_what_call_returns():
    source = CUSTOM.format(after="layers.Dense(2)(h)").replace(NO_RUN, "\n")
    assert ("SL118", 10) not in codes_and_lines(source)
    assert ("SL113", 13) in codes_and_lines(source)


def test_an_unknown_returned_shape_breaks_nothing():
    source = CUSTOM.format(after="layers.Dense(2)(h)").replace(
        "keras.ops.concatenate([x, x], axis=-1)", "some_function(x)"
    )
    assert not {c for c, _ in codes_and_lines(source)} & {"SL113", "SL118"}


@pytest.mark.parametrize(("name", "source", "line", "raises"), two_outputs(), ids=lambda v: v)
def test_each_declared_output_of_a_list_is_followed_and_reported_at_its_item(
    name: str, source: str, line: int, raises: bool
):
    found = codes_and_lines(source)
    assert {f for f in found if f[0] == "SL118"} == ({("SL118", line)} if raises else set())
    assert ("SL113", 16) in found  # the first output is declared narrower than it is


@pytest.mark.parametrize(("name", "source", "line", "raises"), chains(), ids=lambda v: v)
def test_followed_through_a_second_declaring_call(name: str, source: str, line: int, raises: bool):
    found = {(code, at) for code, at in codes_and_lines(source) if code == "SL118"}
    assert found == ({("SL118", line)} if raises else set())


@pytest.mark.parametrize(("name", "source", "line", "raises"), batch_twice(), ids=lambda v: v)
def test_a_batch_axis_returned_twice_breaks_a_reshape_on_batches_of_more_than_one(
    name: str, source: str, line: int, raises: bool
):
    found = {(code, at) for code, at in codes_and_lines(source) if code == "SL118"}
    assert found == ({("SL118", line)} if raises else set())


def test_the_batch_message_names_the_values_per_sample_and_the_batches():
    (name, source, _, _) = batch_twice()[0]
    (finding,) = [d for d in lint(source) if d.code == "SL118"]
    assert finding.message.endswith(
        "Reshape((4,)) fails: its input (batch, batch, 4) holds batch x 4 values per sample, "
        "which fill target_shape=(4,) (4 values) only for batches of 1; fit gives it one "
        "batch of 4 samples (x (line 12), fewer than batch_size=32, the default)"
    )
    assert finding.hint.startswith("keep one batch axis in what call returns")

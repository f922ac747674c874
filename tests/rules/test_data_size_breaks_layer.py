"""SL227 on the generated data-lengths-into-None-axes cases (proven in real Keras by
tests/keras/test_data_size_breaks_keras.py)."""

from __future__ import annotations

import pytest

from tests.helpers import codes_and_lines, lint
from tests.rules.data_size_cases import JOIN_LINE, TEMPLATE, sources


@pytest.mark.parametrize(("name", "source", "raises"), sources(), ids=lambda v: v)
def test_reported_at_the_join_exactly_when_the_data_length_breaks_it(
    name: str, source: str, raises: bool
):
    assert codes_and_lines(source) == ({("SL227", JOIN_LINE)} if raises else set())


def test_the_message_says_which_data_size_made_it_fail():
    source = TEMPLATE.format(join="layers.Add()([free, fixed])", steps=7)
    (finding,) = lint(source)
    assert finding.message == (
        "Add() fails when predict runs the model on its data: the data (line 11) of shape "
        "(2, 7, 4) gives Input(shape=(None, 4)) 7 on axis 1, so it gets (batch, 7, 8), "
        "(batch, 30, 8): input 1 has size 30 on axis -2 where input 0 has 7; Add combines its "
        "inputs elementwise, so sizes must be equal (or 1, to broadcast): (batch, 7, 8) vs "
        "(batch, 30, 8)"
    )


def test_data_that_misfits_a_declared_size_is_left_to_sl209():
    source = TEMPLATE.format(join="layers.Add()([free, fixed])", steps=7).replace(
        "np.zeros((2, 30, 4)), np.zeros((2, 7, 4))", "np.zeros((2, 20, 4)), np.zeros((2, 7, 4))"
    )
    assert {code for code, _ in codes_and_lines(source)} == {"SL209"}


def test_a_join_that_fails_on_the_declared_sizes_is_reported_once():
    source = TEMPLATE.format(join="layers.Add()([free, fixed])", steps=7).replace(
        "keras.Input(shape=(None, 4))", "keras.Input(shape=(None, 5))"
    ).replace("np.zeros((2, 7, 4))", "np.zeros((2, 7, 5))")
    source = source.replace("free = layers.Dense(8)(free_in)", "free = layers.Dense(6)(free_in)")
    assert [code for code, _ in codes_and_lines(source)] == ["SL104"]


def test_data_of_unknown_length_sizes_nothing():
    source = TEMPLATE.format(join="layers.Add()([free, fixed])", steps=7).replace(
        "np.zeros((2, 7, 4))", "load_decoder_data()"
    )
    assert codes_and_lines(source) == set()

"""SL228: an error metric and an accuracy swapped between a regression and a class output is
one finding naming the swap, with a fix that exchanges them. Keras raises for the bad example
and trains its fixed version (tests/keras/test_rule_examples_keras.py,
tests/keras/test_fixes_keras.py)."""

from __future__ import annotations

from seqlint.analysis import lint_source
from seqlint.fixing import fix_source
from seqlint.rules.swapped_metrics import SwappedMetrics

BAD = SwappedMetrics.bad_example
HINT = """give 'mae' to "price" and 'accuracy' to "label\""""


def test_one_finding_names_the_swap():
    [found] = lint_source(BAD, "t.py")
    assert (found.code, found.line, found.column) == ("SL228", 18, 1)
    assert found.message.startswith(
        'the metrics of "price" and "label" are swapped: compile at line 13 gives \'accuracy\' '
        'to "price" (Dense(1, name="price") at line 10), a regression output, and \'mae\' to '
        '"label" (Dense(10, activation="softmax", name="label") at line 11), a class output; '
        'Keras raises for "label": mean_absolute_error cannot line up targets (32,)'
    )
    assert found.hint == HINT
    assert found.fix is not None and found.fix.message == HINT


def test_the_fix_exchanges_the_metrics():
    fixed = fix_source(BAD, "t.py").source
    assert fixed == BAD.replace('["accuracy", "mae"]', '["mae", "accuracy"]')
    assert lint_source(fixed, "t.py") == []


def test_metrics_by_output_name():
    source = BAD.replace(
        'metrics=["accuracy", "mae"]', 'metrics={"price": ["accuracy"], "label": ["mae"]}'
    )
    [found] = lint_source(source, "t.py")
    assert (found.code, found.hint) == ("SL228", HINT)
    fixed = fix_source(source, "t.py").source
    assert 'metrics={"price": ["mae"], "label": ["accuracy"]}' in fixed


def test_no_fix_when_an_output_has_other_metrics_too():
    source = BAD.replace('["accuracy", "mae"]', '[["accuracy", "mse"], ["mae"]]')
    [found] = lint_source(source, "t.py")
    assert found.code == "SL228" and found.fix is None


def test_an_error_metric_on_the_class_output_without_an_accuracy_elsewhere_is_no_swap():
    source = BAD.replace('["accuracy", "mae"]', '["mse", "mae"]')
    # the class output's 'mae' still raises: SL251, not a swap
    assert [(d.code, d.line) for d in lint_source(source, "t.py")] == [("SL251", 18)]


def test_the_fix_exchanges_metrics_given_by_position():
    positional = BAD.replace('optimizer="adam",', '"adam",').replace(
        'loss=["mse", "sparse_categorical_crossentropy"],',
        '["mse", "sparse_categorical_crossentropy"],\n    None,',
    ).replace('metrics=["accuracy", "mae"]', '["accuracy", "mae"]')
    assert '    None,\n    ["accuracy", "mae"],' in positional
    fixed = fix_source(positional, "t.py").source
    assert fixed == positional.replace('["accuracy", "mae"]', '["mae", "accuracy"]')
    assert lint_source(fixed, "t.py") == []


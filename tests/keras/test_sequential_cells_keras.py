"""Proof of SL116 on built-in layers whose ``call()`` requires more than its input (the
recurrent cells, the attention layers), in Keras 3.15 (one subprocess): put into a
Sequential model (the list or ``add``) Keras raises ValueError, called on one tensor
TypeError, and seqlint reports SL116 on exactly that line; wrapped in ``RNN`` (a cell) or
called with its second tensor (attention) it runs and seqlint is silent.
"""

from __future__ import annotations

import pytest

from seqlint.analysis import lint_source
from tests.keras.keras2 import run_scripts

pytestmark = pytest.mark.keras

LAYERS = {
    "LSTMCell": "layers.LSTMCell(4)",
    "GRUCell": "layers.GRUCell(4)",
    "SimpleRNNCell": "layers.SimpleRNNCell(4)",
    "StackedRNNCells": "layers.StackedRNNCells([layers.LSTMCell(4) for _ in range(2)])",
    "MultiHeadAttention": "layers.MultiHeadAttention(2, 4)",
    "GroupQueryAttention": (
        "layers.GroupQueryAttention(head_dim=4, num_query_heads=2, num_key_value_heads=2)"
    ),
}
HEADER = "import keras\nfrom keras import layers\n"


def _cases(name: str, make: str) -> dict[str, tuple[str, bool]]:
    """Function name -> (its body's one line, whether Keras raises there)."""
    cell = name != "MultiHeadAttention" and name != "GroupQueryAttention"
    fixed = f"layers.RNN({make})" if cell else None
    cases = {
        "in_list": (f"keras.Sequential([keras.Input(shape=(5, 3)), {make}])", True),
        "added": (f"m = keras.Sequential([keras.Input(shape=(5, 3))]); m.add({make})", True),
        "called": (f"{make}(keras.Input(shape=(5, 3)))", True),
    }
    if fixed is not None:
        cases["fixed"] = (f"keras.Sequential([keras.Input(shape=(5, 3)), {fixed}])", False)
    else:
        line = f"x = keras.Input(shape=(5, 3)); {make}(x, x)"
        cases["fixed"] = (line, False)
    return cases


def test_layers_that_need_more_than_their_input():
    scripts, lines = {}, {}
    for name, make in LAYERS.items():
        cases = _cases(name, make)
        body = [HEADER]
        for function, (line, _raises) in cases.items():
            body.append(f"def {function}():\n    {line}\n")
        source = "\n".join(body)
        scripts[name] = {"source": source, "call": list(cases)}
        lines[name] = (source, cases)
    results = run_scripts(scripts, keras2=False)
    wrong, proven = [], 0
    for name, (source, cases) in lines.items():
        reported = {d.line for d in lint_source(source, "gen.py") if d.code == "SL116"}
        numbered = source.splitlines()
        for function, (line, raises) in cases.items():
            where = numbered.index(f"    {line}") + 1
            outcome = results[name][function]
            if (outcome is not None) != raises or (where in reported) != raises:
                wrong.append((name, function, outcome, sorted(reported)))
            elif raises:
                proven += 1
                if function in ("in_list", "added"):
                    assert "single required positional argument" in outcome, (name, outcome)
    assert not wrong, wrong
    assert proven == 3 * len(LAYERS)

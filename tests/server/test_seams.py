"""The pipeline seams the server stands on, without a server: a buffer checked as a file of its
path, one round of ``--fix``, layer applications and their trace, notebook cells joined,
``# noqa`` codes read and added."""

from __future__ import annotations

from seqlint.engine import check_text
from seqlint.fixing import apply_fixes, fix_source
from seqlint.notebooks import join_cells, read_notebook
from seqlint.sources import Source
from seqlint.summary import show_shape, trace
from seqlint.suppress import add_noqa, code_at
from tests.server.conftest import EXAMPLES, example

BAD = example("stacked_lstm_missing_return_sequences_bad.py")


def test_check_text_reports_as_the_check_with_fixes_and_applications(tmp_path):
    (tmp_path / "seqlint.toml").write_text('extend-select = ["SL001"]\n')
    text = BAD.replace("verbose=0)", "verbose=0)  # noqa: SL204")
    found = check_text(Source(str(tmp_path / "train.py"), text))
    assert [(d.code, d.line) for d in found.diagnostics] == [("SL101", 15), ("SL001", 18)]
    assert found.fixes[0].message == "set return_sequences=True on LSTM(32) at line 14"
    assert found.fixes[1] is None
    assert found.target.split(".")[0] == "3"  # the installed Keras 3 release (3.15.1 here)
    assert [
        (a.layer.label, a.span.line, a.span.column, a.span.end_column, a.inputs)
        for a in found.applications
    ] == [
        ("Input(shape=(timesteps, n_features))", 13, 11, 47, ()),
        ("LSTM(32)", 14, 1, 20, (0,)),
        ("LSTM(16, return_sequences=True)", 15, 1, 43, (1,)),
        ('Dense(n_classes, activation="softmax")', 16, 1, 50, (2,)),
    ]
    assert [a.layer.label for a in trace(found.applications, 1)] == [
        "Input(shape=(timesteps, n_features))",
        "LSTM(32)",
    ]
    assert show_shape(found.applications[1].layer.outputs) == "(batch, 32)"


def test_check_text_says_why_it_did_not_analyse(tmp_path):
    broken = check_text(Source(str(tmp_path / "x.py"), BAD + "model.fit(\n"))
    assert broken.problem == f"{tmp_path / 'x.py'}:19:10: SL900 syntax error: '(' was never closed"
    assert broken.diagnostics == [] and broken.analysis is None
    (tmp_path / "seqlint.toml").write_text("nonsense = 1\n")
    wrong = check_text(Source(str(tmp_path / "y.py"), BAD))
    assert wrong.problem.startswith(
        f"seqlint: error: {tmp_path / 'seqlint.toml'}: nonsense: unknown key"
    )
    (tmp_path / "seqlint.toml").unlink()
    plain = check_text(Source(str(tmp_path / "z.py"), "print('no model here')\n"))
    assert (plain.problem, plain.diagnostics, plain.analysis) == ("", [], None)


def test_apply_fixes_is_one_round_of_fix_source():
    found = check_text(Source("train.py", BAD))
    once = apply_fixes(found.analysis, BAD, [found.fixes[0]])
    assert once.fixed == 1
    assert once.source == fix_source(BAD, "train.py").source
    assert apply_fixes(found.analysis, BAD, []) is None


def test_join_cells_is_read_notebook():
    document = (
        EXAMPLES / "notebooks" / "stacked_lstm_missing_return_sequences_bad.ipynb"
    ).read_text()
    import json

    cells = [
        "".join(c["source"]) if c["cell_type"] == "code" else None
        for c in json.loads(document)["cells"]
    ]
    assert join_cells(cells) == read_notebook(document)
    assert join_cells([None, "%time x = 1\ny = 2"]).cells == ((2, 1), (2, 2))


def test_noqa_codes_read_and_added():
    line = "x = f()  # noqa: E501, SL101"
    assert [code_at(line, i) for i in (17, 22, 23, 27, 28)] == [
        "E501",
        None,
        "SL101",
        "SL101",
        None,
    ]
    assert code_at("x = 1  # seqlint: ignore[SL204]", 26) == "SL204"
    assert code_at("x = 'SL101'", 6) is None
    assert add_noqa(line + "\n", "SL204") == "x = f()  # noqa: E501, SL101, SL204\n"
    assert add_noqa("x = f()  # why\n", "SL101") == "x = f()  # why  # noqa: SL101\n"
    assert add_noqa("x = f(1, \\", "SL101") is None

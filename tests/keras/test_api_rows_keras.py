"""Proof of the version rules, in Keras 3.15 and tf-keras 2.21, one subprocess each.

- The removed-API rules (SL214-SL219, SL221): every row of the generated API table they can
  report is a generated function that seqlint reports and that raises in that Keras; every
  replacement the table gives (and every call without the refused keyword) is clean and runs
  (tests/keras/api_rows.py makes the scripts).
- The rules the table cannot feed (SL222-SL226), the fixes of the table-fed ones, and the
  shape semantics that differ between Keras 2 and 3 (SL203, SL209, SL102): each case of
  tests/keras/version_snippets.py raises exactly where it says, is reported exactly where it
  says, and the script seqlint's fix makes runs under Keras 3.

seqlint lints everything here, without TensorFlow (tests/keras/keras2.py runs the Kerases).
"""

from __future__ import annotations

import re
import time

import pytest

from seqlint.analysis import lint_source
from seqlint.rulekit.legacy import UNJUDGED
from tests.keras import api_rows, version_snippets
from tests.keras.keras2 import run_scripts

pytestmark = pytest.mark.keras

REMOVED_API_CODES = frozenset({"SL214", "SL215", "SL216", "SL217", "SL218", "SL219", "SL221"})
KERAS3, KERAS2 = "3.15.1", "2.21.0"
TIMES: dict[str, float] = {}


def _scripts(release: str) -> dict[str, api_rows.Script]:
    return {
        f"{release} names keras": api_rows.name_rows(release, "keras"),
        f"{release} names tf.keras": api_rows.name_rows(release, "tf.keras"),
        f"{release} keywords and members": api_rows.keyword_rows(release, "tf.keras", UNJUDGED),
    }


CASES = version_snippets.all_cases()


def _run(release: str, keras2: bool) -> tuple[dict, dict]:
    scripts = _scripts(release)
    work = {
        name: {
            "source": script.source,
            "prepare": api_rows.PREPARE,
            "call": [*script.rows, *script.controls],
        }
        for name, script in scripts.items()
    }
    for name, found in CASES.items():
        work[f"case {name}"] = {"source": found.source, "call": []}
        if found.fixed_runs:
            work[f"fixed {name}"] = {"source": _fixed(found.source), "call": []}
    start = time.perf_counter()
    results = run_scripts(work, keras2=keras2)
    TIMES[release] = time.perf_counter() - start
    return scripts, results


@pytest.fixture(scope="module")
def keras3() -> tuple[dict, dict]:
    return _run(KERAS3, keras2=False)


@pytest.fixture(scope="module")
def keras2() -> tuple[dict, dict]:
    return _run(KERAS2, keras2=True)


def _reported(script: api_rows.Script) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for d in lint_source(script.source, "<rows>", target=script.release):
        found.setdefault(d.line, set()).add(d.code)
    return found


def _expected(description: str) -> tuple[type[BaseException], ...]:
    if description.startswith("import "):
        return (ImportError,)
    if description.startswith(("attribute ", "optimizer ")) or " on model_" in description:
        return (AttributeError,)
    return (TypeError, ValueError)


_EXCEPTIONS = {
    "ImportError": ImportError,
    "ModuleNotFoundError": ModuleNotFoundError,
    "AttributeError": AttributeError,
    "TypeError": TypeError,
    "ValueError": ValueError,
}


def _check(scripts: dict, results: dict) -> list[str]:
    problems = []
    for name, script in scripts.items():
        outcome = results[name]
        assert "<setup>" not in outcome, (name, outcome["<setup>"])
        reported = _reported(script)
        for function, description in script.rows.items():
            codes = reported.get(script.lines_of[function], set()) & REMOVED_API_CODES
            raised = outcome[function]
            if not codes:
                problems.append(f"{name}: {description}: not reported")
            if raised is None:
                problems.append(f"{name}: {description}: runs in Keras")
                continue
            kind = _EXCEPTIONS.get(raised.split(":", 1)[0])
            if kind is None or not issubclass(kind, _expected(description)):
                problems.append(f"{name}: {description}: raises {raised}")
            keyword = re.search(r"\((\w+)\)$", description)
            if keyword and keyword.group(1) not in raised:
                problems.append(f"{name}: {description}: raises for another reason: {raised}")
        for function, description in script.controls.items():
            codes = reported.get(script.lines_of[function], set())
            if codes:
                problems.append(f"{name}: {description}: reported {sorted(codes)}")
            if outcome[function] is not None:
                problems.append(f"{name}: {description}: raises {outcome[function]}")
    return problems


def test_every_row_reported_under_keras3_raises_there(keras3):
    scripts, results = keras3
    assert sum(len(s.rows) for s in scripts.values()) > 3000
    problems = _check(scripts, results)
    assert not problems, f"{len(problems)} rows:\n" + "\n".join(problems[:60])


def test_every_row_reported_under_tf_keras2_raises_there(keras2):
    scripts, results = keras2
    assert sum(len(s.rows) for s in scripts.values()) > 2500
    problems = _check(scripts, results)
    assert not problems, f"{len(problems)} rows:\n" + "\n".join(problems[:60])


def test_time_spent(keras3, keras2):
    """What these proofs cost (printed with -s; docs/keras-versions.md records it)."""
    print({release: round(seconds, 1) for release, seconds in TIMES.items()})
    assert all(seconds < 300 for seconds in TIMES.values())


# -- the rules the table does not feed, the fixes, the semantics of each Keras ------------------

RELEVANT = frozenset({"SL102", "SL203", "SL204", "SL209", *(f"SL2{n}" for n in range(14, 27))})


def _codes(source: str, release: str) -> set[str]:
    return {d.code for d in lint_source(source, "<case>", target=release)} & RELEVANT


def _fixed(source: str) -> str:
    from seqlint.fixing import fix_source

    return fix_source(source, "<case>", unsafe=True, target=KERAS3).source


def _raised(outcome: dict) -> str | None:
    return outcome.get("<setup>")


@pytest.mark.parametrize("name", sorted(CASES))
def test_case_raises_and_is_reported_as_it_says(name, keras3, keras2):
    found = CASES[name]
    raised3 = _raised(keras3[1][f"case {name}"])
    raised2 = _raised(keras2[1][f"case {name}"])
    assert (raised3 is not None) == found.raises3, raised3
    assert (raised2 is not None) == found.raises2, raised2
    if found.keras3_error and raised3 is not None:
        assert found.keras3_error in raised3
    assert _codes(found.source, KERAS3) == found.codes3
    assert _codes(found.source, KERAS2) == found.codes2


@pytest.mark.parametrize("name", sorted(n for n, c in CASES.items() if c.fixed_runs))
def test_the_fix_gives_code_keras3_runs(name, keras3):
    fixed = _fixed(CASES[name].source)
    assert fixed != CASES[name].source
    assert not _codes(fixed, KERAS3) & CASES[name].codes3, fixed
    assert _raised(keras3[1][f"fixed {name}"]) is None, fixed

"""The model pre-filter keeps out only files the analysis has nothing to say about.

Proven on every source the project has: examples/, each rule's bad and good example, a fixed
sample of the differential-testing scripts and, when present, the real-world corpus. A
source the pre-filter turns away (the engine's gate: the text scan, then a look at the project
modules it imports) must get no diagnostic from the full analysis.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from seqlint.analysis import lint_source
from seqlint.engine import may_hold_model
from seqlint.prefilter import may_define_model
from seqlint.rules import ALL_RULES
from tests.oracle.generate import generate

ROOT = Path(__file__).resolve().parents[2]
ORACLE_SEEDS = range(0, 400, 2)  # a fixed sample of the generated scripts


def _sources() -> dict[str, str]:
    sources = {
        f"examples/{path.name}": path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "examples").glob("*.py"))
    }
    for rule in ALL_RULES:
        sources[f"{rule.code} bad example"] = rule.bad_example
        sources[f"{rule.code} good example"] = rule.good_example
    for seed in ORACLE_SEEDS:
        sources[f"oracle seed {seed}"] = generate(seed).text
    corpus = ROOT / "tests" / "corpus"
    if corpus.is_dir():
        for path in sorted(corpus.rglob("*.py")):
            sources[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    return sources


SOURCES = _sources()


def test_the_sample_is_what_it_claims():
    assert sum(name.startswith("examples/") for name in SOURCES) >= 40
    assert sum(name.endswith("bad example") for name in SOURCES) == len(ALL_RULES)
    assert sum(name.startswith("oracle") for name in SOURCES) == len(ORACLE_SEEDS)
    if (ROOT / "tests" / "corpus").is_dir():
        assert sum(name.startswith("tests/corpus/") for name in SOURCES) >= 100


def test_every_source_with_a_finding_passes_the_prefilter():
    missed = []
    for name, source in SOURCES.items():
        if not may_hold_model(str(ROOT / name), source) and lint_source(source, name):
            missed.append(name)
    assert missed == []


@pytest.mark.parametrize(
    "source",
    [
        # each of these mutilated variants keeps what makes a model but not its Keras name
        "import torch\nmodel = torch.nn.Sequential()\nmodel.fit(x, y)\n",
        "from tensorflow import keras\nx = keras.ops.sum(y)\nkeras.utils.set_random_seed(1)\n",
        "import keras\n\ndef loss(y_true, y_pred):\n    return keras.ops.mean(y_pred - y_true)\n",
        "# keras: Sequential models are defined elsewhere\nimport numpy as np\n",
    ],
    ids=["no keras", "keras ops only", "custom loss only", "keras in a comment, no call"],
)
def test_files_without_model_code_are_turned_away(source):
    assert not may_define_model(source)
    assert lint_source(source, "m.py") == []


@pytest.mark.parametrize(
    "source",
    [
        "from tensorflow import keras\nm = keras.Sequential()\n",
        "import keras\ninputs = keras.Input(shape=(3,))\n",
        "import keras\nm = keras.models.load_model('m.keras')\nm.fit(x, y)\n",
        "from tensorflow import keras\nclass Tagger(keras.Model):\n    pass\n",
        "from keras import layers\nclass Block(layers.Layer):\n    pass\n",
        "from tensorflow.keras.preprocessing.sequence import TimeseriesGenerator\n",
        "import keras\nm = get()\nm.fit_generator(gen)\n",
        "import keras\nm = get()\nm.compile  (loss='mse')\n",
    ],
    ids=[
        "Sequential",
        "Input",
        "fit",
        "Model subclass",
        "Layer subclass",
        "windows",
        "fit_generator",
        "spaced compile",
    ],
)
def test_model_code_passes(source):
    assert may_define_model(source)


BUGGY_MODEL = (
    "model = keras.Sequential([keras.Input(shape=(20, 8)), layers.LSTM(8), layers.LSTM(4)])\n"
)
IMPORTS = "from tensorflow import keras\nfrom tensorflow.keras import layers\n"


def _in_method(base: str) -> str:
    body = "".join("        " + line + "\n" for line in BUGGY_MODEL.splitlines())
    return f"{IMPORTS}\n\nclass ModelTest({base}):\n    def test_it(self):\n{body}"


@pytest.mark.parametrize("base", ["testing.TestCase", "unittest.TestCase, parameterized.TestCase"])
def test_models_in_test_classes_are_not_analysed_so_not_parsed(base):
    """The pre-filter skips test-class bodies because the analysis never reads them: if it
    ever does, this test fails and the pre-filter must change with it."""
    source = _in_method(base)
    assert lint_source(source, "m.py") == []
    assert not may_define_model(source)
    assert may_define_model(source + "\n" + BUGGY_MODEL)  # model code outside still counts


def test_keras_classes_and_other_classes_are_scanned():
    assert may_define_model(_in_method("keras.Model"))
    assert may_define_model(_in_method("Helper"))
    assert may_define_model(_in_method("testing.TestCase, Mixin"))
    text = '{}    """Docstring\nwith a line at column 0."""\n{}'.format(
        _in_method("testing.TestCase").split("    def")[0], BUGGY_MODEL
    )
    assert may_define_model(text)

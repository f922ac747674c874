"""The static reader of tools/keras_api on a small made-up wheel: imports, branches,
members, signatures, **kwargs flow and save-path checks."""

from __future__ import annotations

import zipfile
from pathlib import Path
from textwrap import dedent

import pytest

from tools.keras_api.classes import find_method, members, mro, path_rules, signature
from tools.keras_api.source import Wheel
from tools.keras_api.surfaces import surface
from tools.keras_api.table import ranges

FILES = {
    "pkg/__init__.py": "from . import layers\nfrom .models import Model\n",
    "pkg/layers/__init__.py": "from .core import *\nfrom .recurrent import LSTM\n",
    "pkg/layers/core.py": dedent(
        """\
        import numpy as np
        __all__ = ["Dense", "Layer"]
        from ..engine.base import Layer

        class Dense(Layer):
            def __init__(self, units, activation=None, **kwargs):
                kwargs.pop("legacy_arg", None)
                super().__init__(**kwargs)

        class Hidden:
            pass
        """
    ),
    "pkg/layers/recurrent.py": dedent(
        """\
        from ..engine.base import Layer
        from ..backend import backend

        if backend() == "tensorflow":
            from .tf_rnn import RNN as Base
        else:
            from .other_rnn import RNN as Base

        class LSTM(Base):
            def __init__(self, units, *, time_major=False, **kwargs):
                super(LSTM, self).__init__(**kwargs)

            def reset_states(self):
                pass
        """
    ),
    "pkg/layers/tf_rnn.py": dedent(
        """\
        from ..engine.base import Layer

        class RNN(Layer):
            def __init__(self, cell=None, **kwargs):
                super().__init__(**kwargs)
        """
    ),
    "pkg/layers/other_rnn.py": "class RNN:\n    pass\n",
    "pkg/backend.py": "def backend():\n    return 'tensorflow'\n",
    "pkg/engine/__init__.py": "",
    "pkg/engine/base.py": dedent(
        """\
        class Layer:
            name_attr = None

            def __init__(self, name=None, **kwargs):
                allowed = {"input_shape", "batch_input_shape"}
                validate_kwargs(kwargs, allowed)
                self.built = False
                self._set_hyper("learning_rate", 0.1)

            @property
            def weights(self):
                return []

            def __getattribute__(self, item):
                if item == "lr":
                    item = "learning_rate"
                return object.__getattribute__(self, item)
        """
    ),
    "pkg/models.py": dedent(
        """\
        from .engine.base import Layer
        from . import saving_api

        class Model(Layer):
            def fit(self, x=None, y=None, nb_epoch=None):
                pass

            def save(self, filepath, overwrite=True, **kwargs):
                return saving_api.save_model(self, filepath, overwrite, **kwargs)

            def save_weights(self, filepath, max_shard_size=None):
                if max_shard_size is None and not filepath.endswith(".weights.h5"):
                    raise ValueError("weights")
        """
    ),
    "pkg/saving_api.py": dedent(
        """\
        def save_model(model, filepath, overwrite=True, **kwargs):
            include_optimizer = kwargs.pop("include_optimizer", True)
            if kwargs:
                raise ValueError(kwargs)
            if filepath.endswith(".keras"):
                return 1
            elif filepath.endswith((".h5", ".hdf5")):
                return 2
            else:
                raise ValueError("extension")
        """
    ),
}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Wheel:
    path = Path(tmp_path_factory.mktemp("wheel")) / "pkg-1.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in FILES.items():
            archive.writestr(name, text)
    return Wheel(path)


def test_resolves_imports_star_imports_and_branches(wheel: Wheel) -> None:
    assert wheel.resolve("pkg.layers", "Dense").qualname == "pkg.layers.core.Dense"
    assert wheel.resolve("pkg.layers", "Layer").qualname == "pkg.engine.base.Layer"
    assert wheel.resolve("pkg.layers", "Hidden") is None  # not in __all__
    assert wheel.resolve("pkg", "layers").kind == "module"
    assert wheel.resolve("pkg.layers.core", "np").kind == "external"
    base = wheel.resolve("pkg.layers.recurrent", "Base")
    assert base.qualname == "pkg.layers.tf_rnn.RNN"  # the TensorFlow backend's branch


def test_tree_surface(wheel: Wheel) -> None:
    names = surface(wheel, "pkg", generated=False)
    assert names["layers"] == "m"
    assert names["layers.recurrent"] == "m"
    assert names["layers.LSTM"] == "c"
    assert names["layers.recurrent.LSTM"] == "c"
    assert names["Model"] == "c"
    assert "layers.core.np" not in names
    assert "layers.Hidden" not in names


def test_members_follow_the_hierarchy(wheel: Wheel) -> None:
    model = wheel.resolve("pkg", "Model")
    assert [c.qualname for c in mro(wheel, model)] == ["pkg.models.Model", "pkg.engine.base.Layer"]
    found = members(wheel, model)
    assert found["fit"] == "method"
    assert found["weights"] == "property"
    assert found["built"] == "attribute"  # self.built = ... in __init__
    assert found["learning_rate"] == "attribute"  # _set_hyper
    assert found["lr"] == "attribute"  # __getattribute__ compares against it
    assert found["name_attr"] == "attribute"


def test_kwargs_flow_through_super_and_validation(wheel: Wheel) -> None:
    lstm = wheel.resolve("pkg.layers", "LSTM")
    tokens, flow = signature(wheel, mro(wheel, lstm), "__init__")
    assert tokens == ["units", "*", "time_major=", "**kwargs"]
    assert {"cell", "name", "input_shape", "batch_input_shape"} <= flow.accepted
    assert flow.unknown == "raise"  # validate_kwargs in the base Layer
    dense = wheel.resolve("pkg.layers", "Dense")
    _, dense_flow = signature(wheel, mro(wheel, dense), "__init__")
    assert "legacy_arg" in dense_flow.accepted


def test_kwargs_flow_into_a_module_function(wheel: Wheel) -> None:
    model = wheel.resolve("pkg", "Model")
    tokens, flow = signature(wheel, mro(wheel, model), "save")
    assert tokens == ["filepath", "overwrite=", "**kwargs"]
    assert flow.accepted == {"include_optimizer"}  # model, filepath, overwrite are passed
    assert flow.unknown == "raise"
    tokens, flow = signature(wheel, mro(wheel, model), "fit")
    assert "nb_epoch=" in tokens and flow.unknown == "raise"  # no **kwargs: TypeError


def test_save_path_checks(wheel: Wheel) -> None:
    model = mro(wheel, wheel.resolve("pkg", "Model"))
    weights = find_method(model, "save_weights")
    rules = path_rules(wheel, weights.node, weights.owner.module, "filepath")
    assert [(r.suffixes, r.when) for r in rules] == [((".weights.h5",), "max_shard_size is None")]
    save = find_method(model, "save")
    rules = path_rules(wheel, save.node, save.owner.module, "filepath")
    assert [(r.suffixes, r.when) for r in rules] == [((".keras", ".h5", ".hdf5"), "")]


@pytest.mark.parametrize(
    ("indices", "text"), [([], ""), ([3], "3"), ([0, 1, 2, 5], "0-2,5"), ([4, 2, 3], "2-4")]
)
def test_ranges(indices: list[int], text: str) -> None:
    assert ranges(indices) == text

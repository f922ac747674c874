"""Shape functions of tensor ops (``keras.ops``, ``tf``, ``keras.backend``), one module per
family; importing this declares them all (:mod:`seqlint.shapes.ops.registry`)."""

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

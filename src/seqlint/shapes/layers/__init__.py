"""Shape functions, one module per Keras layer family; importing this declares them all in
the catalogue (:mod:`seqlint.shapes.catalogue`)."""

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

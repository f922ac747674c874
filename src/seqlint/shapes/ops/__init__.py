"""Shape functions of tensor ops (``keras.ops``, ``tf``, ``keras.backend``), one module per
family, each declaring its ops and their spellings when imported; the registry imports them
all at the first lookup of an op (:mod:`seqlint.shapes.ops.registry`), so a script without
tensor ops imports none."""

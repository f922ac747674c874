"""Differential testing of seqlint against real Keras on generated sequence-model scripts.

``generate`` writes random but realistic scripts (some with a shape bug planted by
construction), ``keras_runner`` runs them in real Keras 3 and records where they fail,
``compare`` lines the verdicts up with seqlint's diagnostics, and ``python -m tests.oracle``
prints the figures.  See docs/accuracy.md.
"""

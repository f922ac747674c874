"""Generate seqlint's Keras API table from the released Keras wheels, read statically.

``python -m tools.keras_api`` downloads the pinned wheels (:mod:`.releases`) into a
git-ignored cache, reads each one's public API with :mod:`ast` (nothing is imported), and
writes ``src/seqlint/data/keras_api.json``, which :mod:`seqlint.keras_api_table` answers
questions from. ``--check`` compares instead of writing. See docs/keras-versions.md.
"""

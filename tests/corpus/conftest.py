"""The vendored files are data for the corpus tests, not tests: pytest must not collect them
(several real files are upstream test modules named ``test_*.py`` / ``*_test.py``)."""

collect_ignore = ["real", "repros"]

"""Every test gets its own result cache, so that no test sees another's results."""

import pytest


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("SEQLINT_CACHE_DIR", str(tmp_path_factory.mktemp("seqlint_cache")))

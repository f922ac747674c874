"""Download the pinned wheels and read them, in parallel, into the table."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

from tools.keras_api.read import ReleaseFacts, read_release
from tools.keras_api.releases import RELEASES, Release
from tools.keras_api.table import build, dumps
from tools.keras_api.wheels import REPO, cache_dir, fetch

TABLE = REPO / "src" / "seqlint" / "data" / "keras_api.json"
_DOWNLOADS = 4  # pip processes at once: the time is the network's


def generate(cache: Path | None = None, jobs: int | None = None) -> str:
    """The table's text, from every release in RELEASES."""
    cache = cache or cache_dir()
    jobs = jobs or min(2, os.cpu_count() or 1)
    releases = list(RELEASES)
    with (
        ThreadPoolExecutor(_DOWNLOADS) as downloads,
        # spawn, not fork: forking while download threads run can copy a held lock
        ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as readers,
    ):
        wheels = [downloads.submit(fetch, release, cache) for release in releases]
        reads: list[Future[ReleaseFacts]] = []
        for release, wheel in zip(releases, wheels, strict=True):
            reads.append(readers.submit(_read, release, wheel.result()))
        facts = [read.result() for read in reads]
    return dumps(build(releases, facts))


def _read(release: Release, wheel: Path) -> ReleaseFacts:
    return read_release(release, wheel)

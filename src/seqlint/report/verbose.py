"""``--verbose``: which Keras and configuration each file used, what was not analysed.

Written on stderr, so that it never mixes with a machine-readable report on stdout.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seqlint.engine import CheckResult


def verbose_lines(result: CheckResult) -> list[str]:
    from seqlint.engine import run_target

    target = run_target(result)
    lines = [f"seqlint: Keras {target.version} ({target.reason})"]
    table = _table_note(target.version)
    if table:
        lines.append(f"seqlint: {table}")
    by_config: dict[str | None, int] = {}
    for config in result.configs.values():
        by_config[config] = by_config.get(config, 0) + 1
    for config, count in by_config.items():
        files = f"{count} file" + ("" if count == 1 else "s")
        where = os.path.relpath(config) if config and os.path.isabs(config) else config
        lines.append(f"seqlint: configuration: {where or 'none (defaults)'} ({files})")
    for path in result.skipped:
        lines.append(f"seqlint: {path}: skipped (# seqlint: skip-file)")
    if result.excluded:
        files = f"{result.excluded} file" + ("" if result.excluded == 1 else "s")
        lines.append(f"seqlint: {files} skipped by the configuration's exclude patterns")
    if result.baselined:
        found = f"{result.baselined} finding" + ("" if result.baselined == 1 else "s")
        lines.append(f"seqlint: {found} left out: the baseline holds them")
    missing: dict[str, int] = {}
    for item in result.unanalysed:
        missing[item.path] = missing.get(item.path, 0) + 1
    for path, count in result.models.items():
        models = f"{count} model" + ("" if count == 1 else "s")
        not_analysed = f", {missing[path]} not analysed" if path in missing else ""
        keras = ""
        if target.version == "mixed" and path in result.targets:
            keras = f" for Keras {result.targets[path].version}"
        lines.append(f"seqlint: {path}: {models} analysed{keras}{not_analysed}")
    for item in result.unanalysed:
        lines.append(f"seqlint: {item.where}: not analysed: {item.what}: {item.reason}")
    return lines


def _table_note(version: str) -> str:
    """What the API table makes of the target, when it is not the release itself."""
    from seqlint.keras_api_table import resolve_version
    from seqlint.keras_target import api_release, is_version

    if not is_version(version):
        return ""
    release = api_release(version)
    if release is None:
        return (
            f"the Keras API table does not cover Keras {version}: "
            "no removed-API findings (docs/keras-versions.md)"
        )
    if resolve_version(version) is None:
        return f"Keras {version} is newer than the API table: its API is taken as {release}'s"
    return ""

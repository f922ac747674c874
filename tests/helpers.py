"""Helpers shared by the tests."""

from __future__ import annotations

import re
import textwrap

from seqlint.analysis import lint_source
from seqlint.diagnostic import Diagnostic
from seqlint.suppress import UNUSED_CODE, scan, suppress

MARKER = re.compile(r"#\s*expect:\s*(SL\d{3})")


def expected_markers(source: str) -> set[tuple[str, int]]:
    """(code, line) for every line carrying a ``# expect: CODE`` comment."""
    found = set()
    for number, line in enumerate(source.splitlines(), start=1):
        match = MARKER.search(line)
        if match:
            found.add((match.group(1), number))
    return found


def lint(source: str, target: str = "3") -> list[Diagnostic]:
    """Every rule's diagnostics, after inline suppressions (with SL001 on)."""
    source = textwrap.dedent(source)
    found = lint_source(source, "<test>", target=target)
    everything = {d.code for d in found} | {UNUSED_CODE}
    return suppress("<test>", scan(source), found, everything)


def codes_and_lines(source: str) -> set[tuple[str, int]]:
    return {(d.code, d.line) for d in lint(source)}


def notebook_from_script(script: str) -> tuple[dict, list[tuple[int, int]]]:
    """A Jupyter notebook holding ``script`` split into code cells at blank lines, after a
    markdown cell, with a ``%matplotlib inline`` line magic on top of the first code cell and a
    ``%%bash`` cell after it; and the (cell, line) of each ``# expect:`` marker, in order."""
    blocks = [block for block in script.strip("\n").split("\n\n") if block.strip()]
    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["# A notebook\n"]}]
    markers: list[tuple[int, int]] = []
    for index, block in enumerate(blocks):
        lines = block.splitlines()
        if index == 0:
            lines.insert(0, "%matplotlib inline")
        cells.append(_code_cell(lines))
        for number, line in enumerate(lines, start=1):
            if MARKER.search(line):
                markers.append((len(cells), number))
        if index == 0:
            cells.append(_code_cell(["%%bash", "pip install tensorflow", "nvidia-smi"]))
    notebook = {
        "cells": cells,
        "metadata": {"kernelspec": {"name": "python3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return notebook, markers


def _code_cell(lines: list[str]) -> dict:
    source = [line + "\n" for line in lines[:-1]] + lines[-1:]
    return {
        "cell_type": "code",
        "execution_count": None,
        "metadata": {},
        "outputs": [],
        "source": source,
    }

"""``--format junit``: JUnit XML, which CI systems show as test results: one test suite per
file with findings, one failing test case per diagnostic."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from seqlint.diagnostic import Diagnostic
from seqlint.report.shared import file_region
from seqlint.report.text import Coverage, summary_line, summary_text


def render(
    diagnostics: Sequence[Diagnostic], files_checked: int, coverage: Coverage | None = None
) -> str:
    """A clean run is one passing test case, so that the report is never empty."""
    root = ET.Element(
        "testsuites",
        name="seqlint",
        tests=str(len(diagnostics) or 1),
        failures=str(len(diagnostics)),
    )
    if not diagnostics:
        suite = ET.SubElement(root, "testsuite", name="seqlint", tests="1", failures="0")
        line = summary_line(diagnostics, files_checked, coverage=coverage)
        summary = summary_text(line) or f"No problems found in {files_checked} files."
        ET.SubElement(suite, "testcase", name=summary)
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    for path, found in by_path.items():
        suite = ET.SubElement(
            root, "testsuite", name=path, tests=str(len(found)), failures=str(len(found))
        )
        for d in found:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=path,
                name=f"{d.code} {d.name} at {d.location.removeprefix(path + ':')}",
                file=path,
                line=str(file_region(d)[0]),
            )
            failure = ET.SubElement(case, "failure", message=d.message, type=d.code)
            failure.text = f"{d.location}: {d.code} {d.message}" + (
                f"\nhint: {d.hint}" if d.hint else ""
            )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")

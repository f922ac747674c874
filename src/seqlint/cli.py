"""The ``seqlint`` command line.

Kept light to import: click and the stdlib only. The engine imports the analysis pipeline
(libcst) only when a file needs a parse; rich only when printing in color to a terminal.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn

import click

from seqlint import __version__
from seqlint.config import Selection, Settings
from seqlint.report import FORMATS

if TYPE_CHECKING:
    from seqlint.config import Resolver
    from seqlint.engine import CheckResult

CHECK_HELP = """Check Keras sequence models in PATHs for shape errors.

\b
PATHs are files and directories. Directories are searched recursively for
*.py files and Jupyter notebooks (*.ipynb), skipping hidden directories,
virtualenvs (venv, .venv, env, any directory holding a pyvenv.cfg,
site-packages), __pycache__, node_modules and build output (build, dist,
*.egg-info, .tox, .nox). A file named explicitly is checked if it is Python
source (.py, .pyi, or a python shebang line) or a notebook; any other file is
reported and skipped. Only files that may build, train or define a Keras
model are parsed. Files larger than 5 MB (notebooks: 50 MB, or 5 MB of
code) are skipped with a warning. PATH - reads standard input.

\b
In a notebook, code cells are checked as one script (IPython magics, shell
lines and non-Python cell magics such as %%bash are skipped) and findings
name the cell: nb.ipynb:cell 3:12:5 is line 12, column 5 of the third cell.
--fix writes only the fixed lines back into their cells; --diff shows the
code of each changed cell.

\b
Exit status:
  0  nothing reported at or above the fail-on severity (default: warning;
     info findings are shown but do not fail)
  1  at least one error or warning (or what --fail-on says) reported
  2  usage error: an unknown option, a wrong configuration, a PATH that
     does not exist, no file could be read at all, or the report could not
     be written. A missing PATH is reported on stderr, the other PATHs are
     still checked and their diagnostics printed, and the exit status is 2
     even if they are clean or report problems.

\b
Configuration: [tool.seqlint] in pyproject.toml, or seqlint.toml /
.seqlint.toml; the closest one above each file applies. Suppress a finding
with "# noqa: SL101" on its line.

\b
Adopting seqlint on an existing code base (docs/ci.md):
  --write-baseline FILE  record today's findings; --baseline FILE then
                         reports only new ones (moving code keeps them)
  --add-noqa             add "# noqa: CODE" to each line reported today

Files that cannot be read or decoded, and special files (FIFOs, devices,
sockets: never opened), are reported on stderr and skipped; a file that does
not parse is reported as SL900 (syntax-error), valid Python seqlint cannot
analyse (too deeply nested, over 128 KB) as SL902 (not-analysed), and a crash
of seqlint on one file as SL901 (internal-error) while the other files go on.

Results are cached by file content, seqlint version and configuration in
.seqlint_cache (or --cache-dir, or $SEQLINT_CACHE_DIR).
"""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="seqlint", message="%(prog)s %(version)s")
def main() -> None:
    """seqlint: static shape checking for Keras sequence models."""


@dataclass(frozen=True)
class CheckOptions:
    """What ``seqlint check`` was asked to do, gathered in one place."""

    paths: tuple[str, ...]
    output_format: str = "text"
    no_color: bool = False
    debug: bool = False
    quiet: bool = False
    verbose: bool = False
    statistics: bool = False
    exit_zero: bool = False
    stdin_filename: str | None = None
    config: str | None = None
    isolated: bool = False
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    exclude: tuple[str, ...] | None = None
    target_keras: str | None = None
    fail_on: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    jobs: int | None = None
    no_cache: bool = False
    cache_dir: str | None = None
    add_noqa: bool = False
    baseline: str | None = None
    write_baseline: str | None = None

    def overrides(self) -> Settings:
        """The command line's layer of settings, on top of each file's configuration."""
        return Settings(
            selection=Selection(self.select, self.ignore or (), self.extend_select or ()),
            exclude=self.exclude,
            target_keras=self.target_keras,
            fail_on=self.fail_on,
        )


def _codes(option: str):
    """A click callback: comma-separated (or repeated) rule codes, checked against the rules."""

    def convert(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]):
        if not values:
            return None
        from seqlint.config import ConfigError, check_codes

        items = [item for value in values for item in value.split(",") if item.strip()]
        try:
            return check_codes(items, lambda problem: ConfigError(f"{option}: {problem}"))
        except ConfigError as exc:
            _fail(str(exc))

    return convert


def _target_keras(ctx: click.Context, param: click.Parameter, value: str | None):
    from seqlint.keras_target import is_version

    if value is None or is_version(value):
        return value.strip() if value else value
    raise click.BadParameter(f"expected 2, 3 or a release such as 2.12 or 3.8, got {value!r}")


def _patterns(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]):
    items = tuple(item.strip() for value in values for item in value.split(",") if item.strip())
    return items or None


def _text_or_json(help_text: str):
    """The ``--format text|json`` option of the commands that print a table or its data."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help=help_text,
    )


def _fail(message: str) -> NoReturn:
    click.echo(f"seqlint: error: {message}", err=True)
    sys.exit(2)


@main.command(help=CHECK_HELP, short_help="Check files and directories for shape errors.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str, readable=False))
@click.option(
    "--format",
    "--output-format",
    "output_format",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help=(
        "Report format on stdout: text, concise (one line per finding), json (one object "
        "{diagnostics, files_checked, ...}), json-lines, sarif (SARIF 2.1.0), github (GitHub "
        "Actions annotations), gitlab (GitLab Code Quality), junit (JUnit XML). "
        "See docs/output-formats.md."
    ),
)
@click.option(
    "--select",
    multiple=True,
    callback=_codes("--select"),
    metavar="CODES",
    help="Report only these rule codes or prefixes (comma-separated; e.g. SL1,SL204).",
)
@click.option(
    "--ignore",
    multiple=True,
    callback=_codes("--ignore"),
    metavar="CODES",
    help="Do not report these rule codes or prefixes.",
)
@click.option(
    "--extend-select",
    multiple=True,
    callback=_codes("--extend-select"),
    metavar="CODES",
    help="Report these codes too (e.g. the opt-in SL001).",
)
@click.option(
    "--exclude",
    multiple=True,
    callback=_patterns,
    metavar="PATTERNS",
    help="Skip files and directories matching these globs while walking "
    "(replaces the configuration's exclude).",
)
@click.option(
    "--target-keras",
    callback=_target_keras,
    metavar="VERSION",
    help="The Keras the code runs on: 2, 3 or a release such as 2.12 or 3.8 (default: "
    "configuration, else the installed packages, else the project's pins).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    help="Lowest severity that makes the exit status 1 [default: warning].",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems are reported.")
@click.option("--statistics", is_flag=True, help="Print how many times each code is reported.")
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Print diagnostics and one short summary line (counts only); no warnings.",
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Say which Keras and configuration were used, and what was not analysed.",
)
@click.option(
    "--config",
    "config",
    type=click.Path(path_type=str, dir_okay=False),
    help="Use this configuration file for every path.",
)
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="The name of standard input (PATH -) in messages and for its configuration.",
)
@click.option("--no-color", is_flag=True, help="Never color the text report (also: NO_COLOR).")
@click.option("--debug", is_flag=True, help="Print the traceback of internal errors on stderr.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for the analysis [default: one per idle core, when there is "
    "enough to parse; else one process].",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=str),
    default=None,
    help="Where to keep the result cache [default: $SEQLINT_CACHE_DIR, else .seqlint_cache].",
)
@click.option("--fix", is_flag=True, help="Apply safe fixes, then report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option(
    "--diff",
    is_flag=True,
    help="Print the diff --fix would apply and write nothing (exit 1 if anything would change).",
)
@click.option(
    "--add-noqa",
    is_flag=True,
    help="Add a `# noqa: CODE` comment to each line that reports CODE (kept in an existing "
    "`# noqa: ...` list), then exit 0. Notebooks get the comment in their cells.",
)
@click.option(
    "--baseline",
    metavar="FILE",
    type=click.Path(path_type=str, dir_okay=False),
    help="Report only findings that the baseline FILE (from --write-baseline) does not hold.",
)
@click.option(
    "--write-baseline",
    metavar="FILE",
    type=click.Path(path_type=str, dir_okay=False),
    help="Write every finding to the baseline FILE, then exit 0 (see docs/ci.md).",
)
def check(paths: tuple[str, ...], **options: object) -> None:
    run_check(CheckOptions(paths=paths, **options))  # type: ignore[arg-type]


def run_check(options: CheckOptions) -> NoReturn:
    from seqlint.config import ConfigError, Resolver
    from seqlint.engine import STDIN, CacheSettings, check_paths
    from seqlint.report.text import printable

    _check_conflicts(options)
    try:
        resolver = Resolver(options.overrides(), options.config, options.isolated)
    except ConfigError as exc:
        _fail(str(exc))
    baseline = _read_baseline(options.baseline) if options.baseline else None
    stdin = None
    if (options.fix or options.diff) and STDIN in options.paths:
        stdin, fixed = _fix_stdin(options, resolver)
    else:
        fixed = _fix(options, resolver) if options.fix or options.diff else 0
    result = check_paths(
        list(options.paths),
        jobs=options.jobs,
        cache=CacheSettings(enabled=not options.no_cache, directory=options.cache_dir),
        resolver=resolver,
        stdin_filename=options.stdin_filename,
        stdin=stdin,
        baseline=baseline,
        keep_findings=options.add_noqa or options.write_baseline is not None,
    )
    for line in result.errors:
        if not (options.quiet and line.startswith("seqlint: warning:")):
            click.echo(printable(line), err=True)
    if result.config_error:
        sys.exit(2)
    if options.debug:
        for path, trace in result.tracebacks.items():
            click.echo(f"seqlint: internal error in {printable(path)}:\n{trace.rstrip()}", err=True)
    if options.add_noqa or options.write_baseline:
        _adopt(result, options)
    if options.verbose:
        from seqlint.report.verbose import verbose_lines

        for line in verbose_lines(result):
            click.echo(printable(line), err=True)
    try:
        _report(result, options, to_stderr=stdin is not None)
    except OSError as exc:  # a closed pipe (`| head -0`) or a full disk: end quietly
        _silence_stdout()
        if not isinstance(exc, BrokenPipeError):
            click.echo(f"seqlint: error: cannot write the report: {exc.strerror or exc}", err=True)
        sys.exit(2)
    if options.fix:
        remaining = len(result.diagnostics)
        click.echo(
            f"Fixed {fixed} problem{'s' if fixed != 1 else ''}, {remaining} remaining.", err=True
        )
    code = result.exit_code
    sys.exit(0 if options.exit_zero and code == 1 else code)


def _check_conflicts(options: CheckOptions) -> None:
    given = [
        name
        for name, on in (
            ("--add-noqa", options.add_noqa),
            ("--write-baseline", options.write_baseline is not None),
            ("--fix", options.fix),
            ("--diff", options.diff),
        )
        if on
    ]
    if len(given) > 1:
        _fail(f"{given[0]} and {given[1]} cannot be used together")
    if options.baseline and options.write_baseline:
        _fail("--baseline and --write-baseline cannot be used together")


def _read_baseline(path: str):
    from seqlint.baseline import Baseline, BaselineError

    try:
        return Baseline.read(path)
    except BaselineError as exc:
        _fail(str(exc))


def _adopt(result: CheckResult, options: CheckOptions) -> NoReturn:
    """``--add-noqa`` / ``--write-baseline``: write what the run found, say so, exit."""
    from seqlint.baseline import BaselineError, add_noqa_paths, write_baseline
    from seqlint.engine import STDIN
    from seqlint.report.text import printable

    code = 2 if result.exit_code == 2 else 0
    if options.write_baseline:
        try:
            count = write_baseline(options.write_baseline, result.findings)
        except BaselineError as exc:
            _fail(str(exc))
        what = f"{count} finding{'s' if count != 1 else ''}"
        click.echo(f"Wrote {what} to {printable(options.write_baseline)}.", err=True)
        sys.exit(code)
    files = result.findings
    if STDIN in options.paths:  # standard input has no file to write to
        stdin_name = options.stdin_filename or STDIN
        files = [item for item in files if item[0] != stdin_name]
        click.echo("seqlint: warning: --add-noqa leaves standard input as it is", err=True)
    run = add_noqa_paths(files)
    for line in run.errors:
        click.echo(printable(line), err=True)
    click.echo(f"Added {run.added} noqa directive{'s' if run.added != 1 else ''}.", err=True)
    sys.exit(code)


def _fix(options: CheckOptions, resolver: Resolver) -> int:
    """``--fix`` / ``--diff`` (only findings that are selected and not suppressed are fixed);
    ``--diff`` exits here."""
    from seqlint.fixing import fix_paths
    from seqlint.report.text import printable

    run = fix_paths(
        [p for p in options.paths if p != "-"],
        unsafe=options.unsafe_fixes,
        write=not options.diff,
        resolver=resolver,
    )
    for line in run.errors:
        click.echo(printable(line), err=True)
    if options.diff:
        for changed in run.files:
            click.echo(changed.diff(), nl=False)
        would = f"{run.fixed} fix{'es' if run.fixed != 1 else ''}"
        click.echo(f"Would apply {would} in {len(run.files)} file(s).", err=True)
        sys.exit(1 if run.files else 0)
    return run.fixed


def _fix_stdin(options: CheckOptions, resolver: Resolver) -> tuple[bytes, int]:
    """``--fix`` / ``--diff`` of standard input, as ruff does: the fixed source (``--diff``:
    the diff) on stdout, the report on stderr. The fixed bytes, to be checked, and the count."""
    from seqlint.engine import STDIN
    from seqlint.fixing import fix_stdin
    from seqlint.report.text import printable

    if len(options.paths) > 1:
        _fail("--fix and --diff read standard input (PATH -) alone: give no other PATH")
    name = options.stdin_filename or STDIN
    try:
        data = sys.stdin.buffer.read()
    except (OSError, AttributeError, ValueError) as exc:
        _fail(f"cannot read standard input: {exc}")
    output, changed, errors = fix_stdin(name, data, unsafe=options.unsafe_fixes, resolver=resolver)
    for line in errors:
        click.echo(printable(line), err=True)
    if options.diff:
        click.echo(changed.diff() if changed else "", nl=False)
        count = changed.fixed if changed else 0
        click.echo(f"Would apply {count} fix{'es' if count != 1 else ''}.", err=True)
        sys.exit(1 if changed else 0)
    stdout = click.get_binary_stream("stdout")
    stdout.write(output)
    stdout.flush()
    return output, changed.fixed if changed else 0


def _report(result: CheckResult, options: CheckOptions, *, to_stderr: bool = False) -> None:
    """The report on stdout; ``to_stderr``: on stderr (stdout holds the fixed source)."""
    if options.statistics:
        from seqlint.report.statistics import render_statistics

        click.echo(
            render_statistics(result.diagnostics, json_format=options.output_format == "json"),
            err=to_stderr,
        )
    elif options.output_format == "json":
        from seqlint.report.json import render

        click.echo(
            render(result.diagnostics, result.files_checked, run_fields(result)), err=to_stderr
        )
    elif options.output_format in ("concise", "junit"):  # the formats with a summary
        from seqlint.report import renderer

        render = renderer(options.output_format)
        output = render(result.diagnostics, result.files_checked, coverage_of(result))
        if output:
            click.echo(output, err=to_stderr)
    elif options.output_format != "text":
        from seqlint.report import renderer

        output = renderer(options.output_format)(result.diagnostics, result.files_checked)
        if output:
            click.echo(output, err=to_stderr)
    else:
        from seqlint.report.text import render_text, terminal_width, wants_color

        stream = sys.stderr if to_stderr else sys.stdout
        color = wants_color(stream, options.no_color)
        render_text(
            result.diagnostics,
            result.files_checked,
            stream,
            color=color,
            coverage=coverage_of(result),
            quiet=options.quiet,
            width=terminal_width(stream),
        )
    sys.stdout.flush()


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file (e.g. under a test runner)
        pass


def coverage_of(result: CheckResult):
    """What the summary counts besides the findings."""
    from seqlint.report.text import Coverage

    return Coverage(
        models=result.models_analysed,
        unanalysed=len(result.unanalysed),
        skipped_comment=len(result.skipped),
        skipped_config=result.excluded,
        skipped_size=len(result.too_large),
        baselined=result.baselined,
        missing=len(result.missing),
    )


def run_fields(result: CheckResult) -> dict[str, object]:
    """What the JSON document says about the run besides its diagnostics and
    ``files_checked`` (docs/api.md lists every field)."""
    from seqlint.engine import run_target

    return {
        "keras_target": run_target(result).to_json(),
        "models_analysed": dict(result.models),
        "not_analysed": [item.to_json() for item in result.unanalysed],
        "skipped_files": list(result.skipped),
        "files_skipped": {
            "comment": len(result.skipped),
            "configuration": result.excluded,
            "size": len(result.too_large),
        },
        "baselined": result.baselined,
        "paths_not_found": list(result.missing),
    }


@main.command(short_help="Show every model's layers, output shapes and parameter counts.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@_text_or_json("text: one table per model; json: the same as data.")
@click.option("--no-color", is_flag=True, help="Never color the output (also: NO_COLOR).")
def shapes(paths: tuple[str, ...], output_format: str, no_color: bool) -> None:
    """A static model.summary() of every model in PATHs, computed without TensorFlow.

    Output shapes name sizes by the variable that holds them when the value is not known, and
    show ? where seqlint cannot know; parameter counts are ? where they depend on such a size
    or on a layer seqlint does not model. In a notebook (code cells read as one script, as
    check reads them), models and layers are placed by cell:line. Exit status: 0, or 2 when a
    PATH is missing or no file could be read; files that do not parse are reported on stderr.
    """
    from seqlint.report.text import printable
    from seqlint.summary import summarize_paths

    found = summarize_paths(list(paths))
    for line in found.errors:
        click.echo(printable(line), err=True)
    if output_format == "json":
        from seqlint.report.summary import render_summaries_json

        click.echo(render_summaries_json(found.files))
    else:
        from seqlint.report.summary import render_summaries_text
        from seqlint.report.text import terminal_width, wants_color

        color = wants_color(sys.stdout, no_color)
        render_summaries_text(
            found.files, sys.stdout, color=color, width=terminal_width(sys.stdout)
        )
    sys.exit(found.exit_code)


@main.command(short_help="Explain a rule: what it catches, why, and how to fix it.")
@click.argument("code", required=False)
def rule(code: str | None) -> None:
    """Print the documentation of rule CODE (e.g. SL101 or missing-time-axis), or list every
    rule."""
    from seqlint.report.ruledoc import render_listing, render_terminal
    from seqlint.rules import ALL_RULES

    if code is None:
        click.echo(render_listing())
        return
    for candidate in ALL_RULES:
        if code.upper() in (candidate.code, candidate.name.upper()):
            click.echo(render_terminal(candidate), nl=False)
            return
    raise click.BadParameter(f"no rule {code!r}; `seqlint rules` lists them", param_hint="CODE")


@main.command(name="rules", short_help="List every rule: code, name, severity, fixable.")
@_text_or_json("text: one aligned row per rule; json: a list of objects (with each rule's url).")
def rules_command(output_format: str) -> None:
    """List every code seqlint reports: code, name, severity, whether seqlint can fix it, and
    what it catches."""
    from seqlint.report.ruledoc import render_listing

    click.echo(render_listing(output_format))


@main.command(short_help="Run the language server (stdio) for editors.")
def server() -> None:
    """Serve the Language Server Protocol over standard input and output: diagnostics as you
    type, shapes on hover and inline, quick fixes, notebooks. Needs the server extra:
    pip install "seqlint[server]". See docs/editors.md."""
    from seqlint.server import run

    sys.exit(run())

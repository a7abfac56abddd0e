"""Command line: ``python -m generator build DOCUMENT_OR_FOLDER... --out DIR`` (and ``serve``, the same served and rebuilt on change)."""

import argparse
import os
import sys
from pathlib import Path

from generator import build
from generator.errors import PlanError
from generator.publish import serve
from generator.publish.bundle import bundle_name
from generator.publish.mkdocs_run import quiet_logging


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    arguments = _parser().parse_args(argv)
    _quiet_mkdocs()
    if arguments.command == "serve":
        return _serve(arguments)
    try:
        report = _build(arguments)
    except PlanError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    warnings, summary = _report(arguments, report)
    for line in warnings:
        print(line, file=sys.stderr)
    for line in summary:
        print(line)
    return 0


def _build(arguments) -> build.BuildReport:
    """The build the arguments ask for (``serve`` builds as ``build --locks`` would, never offline)."""
    return build.build(
        [Path(path) for path in arguments.plans],
        Path(arguments.out),
        content_dir=Path(arguments.content) if arguments.content else None,
        config_file=Path(arguments.config),
        strict=getattr(arguments, "strict", False),
        ids_paths=[Path(path) for path in arguments.ids] if getattr(arguments, "ids", None) else None,
        site_url=getattr(arguments, "site_url", None) or None,
        offline=getattr(arguments, "offline", False),
        locks=arguments.locks,
        jobs=arguments.jobs,
        cluster=getattr(arguments, "cluster", None),
    )


def _report(arguments, report: build.BuildReport) -> tuple[list[str], list[str]]:
    """What a build tells: its warnings, each with file and line, and a line per document built."""
    warnings = [f"warning: {path}:{warning.line}: {warning.message}" for path, warning in report.warnings]
    if getattr(arguments, "offline", False):
        return warnings, [f"built {Path(arguments.out) / bundle_name(slug)}" for slug in report.built]
    summary = []
    built = set(report.built)
    for result in report.documents:
        if result.slug not in built:
            continue
        stats = result.stats
        appendices = "" if not stats.appendices else ", 1 appendix" if stats.appendices == 1 else f", {stats.appendices} appendices"
        summary.append(
            f"built {result.slug}: {stats.chapters} chapters{appendices}, {stats.clauses} clauses, "
            f"{stats.debris} debris lines left out, {len(result.warnings)} warnings → {arguments.out} "
            f"(report: {result.slug}/data/report.json)"
        )
    kept = len(report.documents) - len(built)
    if kept:
        summary.append(f"kept {kept} unchanged document{'s' if kept > 1 else ''} from the previous build of {arguments.out}")
    return warnings, summary


def _serve(arguments) -> int:
    """Build, serve on a local port and rebuild on every change of the documents, templates or theme."""
    def rebuild() -> str:
        warnings, summary = _report(arguments, _build(arguments))
        return "\n".join([*warnings, *summary])

    folders = [Path(path) if Path(path).is_dir() else Path(path).parent for path in arguments.plans]
    watched = (*dict.fromkeys(folders), build.PACKAGE / "templates", build.THEME)
    try:
        serve.serve(rebuild, Path(arguments.out), watched, arguments.port)
    except PlanError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"error: cannot serve on port {arguments.port}: {error.strerror or error}", file=sys.stderr)
        return 1
    return 0


def _parser() -> argparse.ArgumentParser:
    """The argument parser: two commands, build and serve."""
    parser = argparse.ArgumentParser(prog="python -m generator", description="Publish government plans and reports as a reading library.")
    # What both commands take: the documents, the output folders, the configuration, locks and workers.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("plans", nargs="+", metavar="DOCUMENT", help="document text file(s), or folders of them (*.txt); seeds beside each are read")
    common.add_argument("--out", required=True, metavar="DIR", help="output folder for the site")
    common.add_argument("--content", metavar="DIR", help="also keep the generated Markdown in DIR (mkdocs' docs_dir)")
    common.add_argument("--config", default=str(build.DEFAULT_CONFIG), metavar="FILE", help="mkdocs.yml to build with")
    common.add_argument("--locks", action="store_true", help="every document keeps the ID lock beside it (<stem>.ids.tsv), read and then updated")
    common.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: one per core)")
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("build", parents=[common], help="build the library (pages and data) of the given documents")
    command.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (numbering gaps, unmatched quotes or brackets, unrecognised page debris…) as errors",
    )
    command.add_argument(
        "--ids",
        action="append",
        metavar="FILE",
        help="ID lock of a document file (one per document, in order): clauses keep the IDs it records; it is then updated",
    )
    command.add_argument(
        "--site-url",
        default=os.environ.get("PLANSITE_SITE_URL"),
        metavar="URL",
        help="where the site is published, for canonical links (default: $PLANSITE_SITE_URL, else mkdocs.yml's site_url)",
    )
    command.add_argument(
        "--offline",
        action="store_true",
        help="build each document's bundle, read from disk (file://, search included), as DIR/<slug>-offline.zip",
    )
    command.add_argument(
        "--cluster",
        metavar="ADDRESS",
        help="build the documents on the workers of a Dask cluster (tcp://host:8786; README, \"Publishing a large library\"); the library's pages are built here",
    )
    served = commands.add_parser(
        "serve", parents=[common], help="build the library, serve it on http://127.0.0.1:PORT/ and rebuild it (reloading the browser) when a document, seeds file, template or the theme changes"
    )
    served.add_argument("--port", type=int, default=8000, metavar="PORT", help="the local port to serve on (default: 8000)")
    return parser


def _quiet_mkdocs() -> None:
    """Show mkdocs' warnings, one line each, but not its progress messages."""
    quiet_logging()

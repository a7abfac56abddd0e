"""Command line: ``python -m generator build PLAN... --out DIR``."""

import argparse
import logging
import os
import sys
from pathlib import Path

from generator import build
from generator.errors import PlanError
from generator.model import iter_clauses, plan_warnings


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    arguments = _parser().parse_args(argv)
    _quiet_mkdocs()
    try:
        report = build.build(
            [Path(path) for path in arguments.plans],
            Path(arguments.out),
            content_dir=Path(arguments.content) if arguments.content else None,
            config_file=Path(arguments.config),
            strict=arguments.strict,
            ids_paths=[Path(path) for path in arguments.ids] if arguments.ids else None,
            site_url=arguments.site_url or None,
            offline=arguments.offline,
        )
    except PlanError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path, warning in report.warnings:
        print(f"warning: {path}:{warning.line}: {warning.message}", file=sys.stderr)
    for plan in report.plans:
        target = Path(arguments.out) / build.offline_zip_name(plan) if arguments.offline else arguments.out
        document = plan.document
        clauses = sum(1 for _ in iter_clauses(document))
        count = len(document.appendices)
        appendices = "" if not count else ", 1 appendix" if count == 1 else f", {count} appendices"
        report_note = "" if arguments.offline else f" (report: {plan.info.slug}/data/report.json)"
        print(
            f"built {plan.info.slug}: {len(document.chapters)} chapters{appendices}, {clauses} clauses, "
            f"{len(document.debris)} debris lines left out, {len(plan_warnings(plan))} warnings → {target}{report_note}"
        )
    return 0


def _parser() -> argparse.ArgumentParser:
    """The argument parser: one command, build."""
    parser = argparse.ArgumentParser(prog="python -m generator", description="Publish government plans as a reading site.")
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("build", help="build the complete site (pages and data) for plan files")
    command.add_argument("plans", nargs="+", metavar="PLAN", help="plan text file(s); seeds beside each are read")
    command.add_argument("--out", required=True, metavar="DIR", help="output folder for the site")
    command.add_argument("--content", metavar="DIR", help="also keep the generated Markdown in DIR (mkdocs' docs_dir)")
    command.add_argument("--config", default=str(build.DEFAULT_CONFIG), metavar="FILE", help="mkdocs.yml to build with")
    command.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (numbering gaps, unmatched quotes or brackets, unrecognised page debris…) as errors",
    )
    command.add_argument(
        "--ids",
        action="append",
        metavar="FILE",
        help="ID lock of the plan (one per plan, in order): clauses keep the IDs it records; it is then updated",
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
        help="build the bundles read from disk (file://, search included): DIR/<slug>-offline.zip for each plan",
    )
    return parser


def _quiet_mkdocs() -> None:
    """Show mkdocs' warnings, one line each, but not its progress messages."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
    # mkdocs' errors end the build, and build.py reports the first of them in the one error line.
    handler.addFilter(lambda record: record.levelno < logging.ERROR)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    # jieba (the search plugin's segmenter) announces its dictionary loading at DEBUG level and
    # resets its logger's level when imported, so a filter (which it keeps) silences it.
    logging.getLogger("jieba").addFilter(lambda record: record.levelno >= logging.WARNING)

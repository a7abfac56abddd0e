"""Golden outlines: the structure read from each document, one line per part, for review by diff.

Regenerate after a deliberate change with ``make golden`` (python -m tests.golden) and review
``git diff tests/golden`` before committing. The documents: the seed, and the corpus of other plans
of the library in seeds/ (byte-identical copies of ../shared/corpus/, web debris and all).
"""

from pathlib import Path

from generator.extract.indicators import extract_indicators, written_target
from generator.model import Level
from generator.read.editorial import indicator_curation
from generator.read.ingest import decode, ingest
from generator.read.parse import parse_plan

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SEED = ROOT / "seeds" / "nmg-2026-plan.txt"
DOCUMENTS = [SEED, *sorted(path for path in (ROOT / "seeds").glob("*.txt") if path != SEED)]


def outline(text: str) -> str:
    """The document's title, front matter, debris and tree, with clause counts and first words."""
    document = parse_plan(ingest(text))
    lines = [f"title: {document.title.text}"]
    front = document.front
    if front.notice_title:
        lines.append(f"notice: {front.notice_title.text} | {_text(front.document_number)} | {front.iso_date}")
    if front.heading or front.occasion or front.speaker:
        lines.append(f"report: {_text(front.heading)} | {_text(front.occasion)} | {_text(front.speaker)} | {front.iso_date}")
    lines.append("debris: " + ", ".join(_debris_runs(document.debris)))
    if document.contents:
        found = sum(1 for entry in document.contents if entry.id)
        lines.append(f"contents @{document.contents_heading.span.line}: {len(document.contents)} entries, {found} found")
    for paragraph in document.preamble:
        lines.append(f"preamble {paragraph.role or '-'}: {len(paragraph.clauses)} clauses")
    for division in document.divisions:
        if division.level is Level.PART:
            lines.append(f"part {division.id} @{division.title.span.line} {division.title.text} | intro {_clauses(division.intro)}")
            lines.extend(line for chapter in division.children for line in _chapter(chapter))
        else:
            lines.extend(_chapter(division))
    for appendix in document.appendices:
        lines.append(f"appendix {appendix.id} @{appendix.title.span.line} {appendix.title.text} | {_count(appendix.intro)}")
        for paragraph in appendix.intro:
            lines.append(f"  @{paragraph.clauses[0].span.line} {paragraph.clauses[0].text[:16]} | {len(paragraph.clauses)} clauses")
    for warning in document.warnings:
        lines.append(f"warning @{warning.line}: {warning.message}")
    return "\n".join(lines) + "\n"


def _chapter(chapter) -> list[str]:
    """A chapter's lines: its title and introduction, each section (and item), its closing."""
    lines = [f"{chapter.id} @{chapter.title.span.line} {chapter.title.text} | intro {_clauses(chapter.intro)}"]
    lines.extend(_roles(chapter.intro, "intro"))
    for section in chapter.sections:
        lines.extend(_section(section, "  "))
    if chapter.closing:
        lines.append(f"  closing @{chapter.closing[0].clauses[0].span.line} | {_count(chapter.closing)}")
    return lines


def _section(section, indent: str) -> list[str]:
    """A section's line (heading, paragraphs, clauses), then its items' one step in."""
    head = f"{indent}{section.id} @{section.heading.span.line} {section.heading.text[:24]}"
    lines = [f"{head} | {len(section.paragraphs)} ¶ {_clauses(section.paragraphs)} clauses"]
    for item in section.children:
        lines.extend(_section(item, indent + "  "))
    return lines


def _clauses(paragraphs) -> int:
    """How many clauses paragraphs hold."""
    return sum(len(paragraph.clauses) for paragraph in paragraphs)


def golden_path(document: Path) -> Path:
    """Where a document's golden outline is kept."""
    return GOLDEN / f"{document.stem}.outline.txt"


def indicator_listing(document: Path) -> str:
    """The document's quantitative targets (curated by its seeds/ file), one line each, with the
    canonical key of each that has one ([gdp_growth])."""
    curation_file = document.with_name(document.stem + ".indicators.yml")
    curation = indicator_curation(curation_file.read_text(encoding="utf-8") if curation_file.is_file() else None)
    targets = extract_indicators(parse_plan(ingest(decode(document.read_bytes()))), curation)
    return "".join(
        f"{t.id} {'*' if t.headline else '-'} {t.name}{f' [{t.key}]' if t.key else ''} | {written_target(t)} | {t.comparator.value} {t.kind.value} | {t.text}\n"
        for t in targets
    )


def indicators_path(document: Path) -> Path:
    """Where a document's golden list of targets is kept."""
    return GOLDEN / f"{document.stem}.indicators.txt"


def _debris_runs(debris) -> list[str]:
    """Debris as kind@first-last runs of nearby lines of one kind."""
    runs: list[list] = []
    for item in debris:
        if runs and runs[-1][0] == item.kind and item.line.span.line - runs[-1][2] <= 2:
            runs[-1][2] = item.line.span.line
        else:
            runs.append([item.kind, item.line.span.line, item.line.span.line])
    return [f"{kind}@{first}" + (f"-{last}" if last != first else "") for kind, first, last in runs]


def _count(paragraphs) -> str:
    """Paragraphs and clauses, as '3 ¶ 12 clauses'."""
    return f"{len(paragraphs)} ¶ {sum(len(paragraph.clauses) for paragraph in paragraphs)} clauses"


def _roles(paragraphs, where: str) -> list[str]:
    """A line for each paragraph with a role (main targets, general requirements), outside the preamble."""
    return [
        f"  {where} {paragraph.role}: {paragraph.clauses[0].id} @{paragraph.clauses[0].span.line} | {len(paragraph.clauses)} clauses"
        for paragraph in paragraphs
        if paragraph.role
    ]


def _text(line) -> str:
    return line.text if line else ""


def main() -> None:
    """Rewrite every golden outline."""
    GOLDEN.mkdir(exist_ok=True)
    for document in DOCUMENTS:
        golden_path(document).write_text(outline(decode(document.read_bytes())), encoding="utf-8")
        print(f"wrote {golden_path(document).relative_to(ROOT)}")
        indicators_path(document).write_text(indicator_listing(document), encoding="utf-8")
        print(f"wrote {indicators_path(document).relative_to(ROOT)}")


if __name__ == "__main__":
    main()

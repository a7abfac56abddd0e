"""A benchmark corpus of distinct documents: real clauses of the genre recombined, never byte copies.

``distinct_documents(folder, count, seed)`` writes ``count`` government work reports, each a new
document: a region, a year (any year of the genre, 1953 to 2030), a speaker and a date of its own; the
skeleton (chapters and sections per chapter) of one real report of ``seeds/``; and every heading and
paragraph drawn at random from all of them, their years moved to the document's. Two calls with the
same seed write byte-identical files; no two documents share their text. Used by ``make bench`` and
``tests/search_bench.py`` so that scale figures count what distinct documents cost (identical
documents give identical index blocks, which gzip folds away).
"""

import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator import data
from generator.model import RegionKind
from generator.read.ingest import ingest
from generator.read.parse import parse_plan

ROOT = Path(__file__).resolve().parent.parent
REPORTS = tuple(sorted((ROOT / "seeds").glob("20??-*-gov-work-report.txt")))
# A year in the text: moved by the same number of years as the document's own (2025年 → 2012年).
YEAR = re.compile(r"(?<!\d)(20[0-3]\d)(?=年)")
NUMERALS = "一二三四五六七八九十"
OFFICES = {RegionKind.PROVINCE: "省长", RegionKind.MUNICIPALITY: "市长", RegionKind.AUTONOMOUS_REGION: "自治区主席"}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟强军平明华建国文志海东林勇杰涛斌波辉刚俊峰磊洪宁红新春晓雪晨宇晖正刚永良朝阳德胜振庆家兴立成光荣"


@dataclass(frozen=True, slots=True)
class _Pool:
    """What documents are made of: skeletons (sections per chapter) and every heading and paragraph."""

    skeletons: tuple[tuple[int, ...], ...]
    chapter_titles: tuple[str, ...]
    section_headings: tuple[str, ...]
    paragraphs: tuple[str, ...]
    main_targets: tuple[str, ...]


@cache
def _pool() -> _Pool:
    """The real reports of seeds/, read once: their shapes, headings and paragraphs."""
    skeletons, chapters, sections, paragraphs, main_targets = [], [], [], [], []
    for path in REPORTS:
        document = parse_plan(ingest(path.read_text(encoding="utf-8")))
        skeletons.append(tuple(len(chapter.sections) for chapter in document.chapters))
        for chapter in document.chapters:
            chapters.append(_without_number(chapter.title.text))
            for paragraph in chapter.intro + tuple(p for section in chapter.sections for p in section.paragraphs):
                text = "".join(clause.text for clause in paragraph.clauses)
                (main_targets if paragraph.role == "main-targets" else paragraphs).append(text)
            for section in chapter.sections:
                sections.append(_without_number(section.heading.text))
    return _Pool(tuple(skeletons), tuple(chapters), tuple(sections), tuple(paragraphs), tuple(main_targets))


def _without_number(heading: str) -> str:
    """A heading without its numbering: 一、… → …; （三）… → …."""
    return re.sub(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])", "", heading)


def _numeral(number: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十."""
    tens, units = divmod(number, 10)
    return (NUMERALS[tens - 1] if tens > 1 else "") + ("十" if tens else "") + (NUMERALS[units - 1] if units else "")


def _moved(text: str, shift: int) -> str:
    """The text with every year moved by ``shift`` (2025年 → 2025+shift年)."""
    return YEAR.sub(lambda match: str(int(match.group(1)) + shift), text)


def document_text(number: int, seed: int = 0) -> tuple[str, str]:
    """The file name and text of document ``number`` of the corpus made from ``seed``."""
    pool = _pool()
    rng = random.Random(f"{seed}:{number}")
    regions = [region for region in data.regions() if region.kind in OFFICES]
    region = rng.choice(regions)
    year = rng.choice(range(1953, 2031))
    shift = year - 2026
    month, day = rng.randint(1, 2), rng.randint(5, 28)
    congress, session = rng.randint(5, 14), rng.randint(1, 5)
    speaker = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
    lines = [
        f"{year}年政府工作报告",
        f"——{year}年{month}月{day}日在{region.name}第{_numeral(congress)}届人民代表大会第{_numeral(session)}次会议上",
        f"{OFFICES[region.kind]}　{speaker}",
        "各位代表：",
        "现在，我代表省人民政府，向大会报告工作，请予审议。",
    ]
    skeleton = rng.choice(pool.skeletons)
    for chapter, sections in enumerate(skeleton, start=1):
        lines.append(f"{_numeral(chapter)}、{_moved(rng.choice(pool.chapter_titles), shift)}")
        lines += [_moved(rng.choice(pool.paragraphs), shift) for _ in range(rng.randint(1, 4))]
        if chapter == len(skeleton) - 1 or len(skeleton) == 1:
            lines.append(_moved(rng.choice(pool.main_targets), shift))
        for section in range(1, sections + 1):
            lines.append(f"（{_numeral(section)}）{_moved(rng.choice(pool.section_headings), shift)}")
            lines += [_moved(rng.choice(pool.paragraphs), shift) for _ in range(rng.randint(1, 5))]
    lines.append("各位代表！让我们团结奋斗，为全面建设社会主义现代化而努力！")
    return f"{year}-{region.slug}-{seed}-{number:05d}-gov-work-report.txt", "\n".join(lines) + "\n"


def distinct_documents(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Write ``count`` distinct documents into ``folder`` (made if missing); their paths, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        name, text = document_text(number, seed)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths

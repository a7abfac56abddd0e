"""Editorial control of the targets: seeds/<stem>.indicators.yml read, applied, and reported when stale."""

import shutil
import textwrap

import pytest

from generator import build, cli
from generator.errors import PlanError
from generator.extract.indicators import extract_indicators, stale_curation
from generator.model import Comparator, IndicatorKind
from generator.read.editorial import indicator_curation

from .conftest import parse

PLAN = """\
2026年某某省国民经济和社会发展计划

  一、重点工作

  发展林草产业,力争产值达到1200亿元。

  新建高效节水灌溉面积200万亩以上,实施好“十大民生工程”。

  城镇新增就业十万人。
"""


def _curation(text: str):
    return indicator_curation(textwrap.dedent(text))


def _extract(curation_text: str):
    document = parse(PLAN)
    curation = _curation(curation_text)
    return extract_indicators(document, curation), stale_curation(document, curation)


# --- Reading the YAML -----------------------------------------------------------------------------


def test_scalars_are_read_as_written():
    curation = _curation(
        """\
        add:
          - clause: 1-0-1
            text: 产值达到1200.0亿元
            name: 林草产业产值
            value: 1200.0
            unit: 亿元
        """
    )
    assert curation.targets[0].value == "1200.0"
    assert curation.targets[0].line == 2


def test_definitions_keep_their_names_and_lines():
    curation = _curation(
        """\
        definitions:
          地区生产总值:
            english: Gross regional product
            definition: 一个地区的“GDP”。
        """
    )
    [definition] = curation.definitions
    assert (definition.name, definition.english, definition.line) == ("地区生产总值", "Gross regional product", 2)


def test_no_file_means_no_curation():
    assert indicator_curation(None).targets == () and indicator_curation("").definitions == ()


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("remove:\n  - clause: 1-0-1\n", 1, "unknown key 'remove'"),
        ("drop:\n  - clause: 1-0-1\n    txt: 产值\n", 3, "unknown key 'txt'"),
        ("drop:\n  - clause: 1-0-1\n", 2, "lacks text"),
        ("correct:\n  - clause: 1-0-1\n    text: 产值\n    comparator: roughly\n", 2, "comparator 'roughly' must be one of"),
        ("correct:\n  - clause: 1-0-1\n    text: 产值\n    kind: money\n", 2, "kind 'money' must be one of"),
        ("correct:\n  - clause: 1-0-1\n    text: 产值\n    headline: maybe\n", 2, "headline must be true or false"),
        ("add:\n  - {clause: 1-0-1, text: 产值达到1200亿元, name: 产值, value: 一千x, unit: 亿元}\n", 2, "not a number"),
        ("add:\n  - {clause: 1-0-1, text: 产值达到1200亿元, name: 产值, value: '900', unit: 亿元}\n", 2, "does not appear in text"),
        ("drop: {clause: 1-0-1}\n", 1, "drop must be a list"),
        ("definitions:\n  GDP:\n    english: GDP\n", 2, "lacks definition"),
        ("drop:\n  - clause: [1]\n", 2, "must be non-empty text"),
        ("drop:\n  - clause: 1-0-1\n  text: x\n", 3, "invalid YAML"),
    ],
)
def test_bad_entries_are_refused_with_their_line(text, line, words):
    with pytest.raises(PlanError) as raised:
        indicator_curation(text)
    assert raised.value.line == line
    assert words in raised.value.message


# --- Applying it ----------------------------------------------------------------------------------


def test_add_creates_a_target_the_rules_do_not_see():
    targets, warnings = _extract(
        """\
        add:
          - clause: 1-0-3
            text: 城镇新增就业十万人
            name: 城镇新增就业
            value: 十
            unit: 万人
        """
    )
    added = targets[2]
    assert (added.id, added.name, added.value, added.unit) == ("1-0-3-t1", "城镇新增就业", "十", "万人")
    assert (added.comparator, added.kind, added.headline) == (Comparator.EXACT, IndicatorKind.COUNT, False)
    assert (added.start, added.end, added.text) == (0, 9, "城镇新增就业十万人")
    assert warnings == ()


def test_add_over_an_extracted_target_is_refused_and_reported():
    targets, warnings = _extract(
        """\
        add:
          - clause: 1-0-2
            text: 高效节水灌溉面积200万亩以上
            name: 高效节水灌溉面积
            value: "200"
            unit: 万亩
        """
    )
    assert [t.name for t in targets] == ["林草产业产值", "新建高效节水灌溉面积"]
    assert "overlaps an extracted target" in warnings[0].message


def test_drop_removes_the_target_quoted():
    targets, warnings = _extract(
        """\
        drop:
          - clause: 1-0-1
            text: 产值达到1200亿元
        """
    )
    assert [t.name for t in targets] == ["新建高效节水灌溉面积"] and warnings == ()


def test_correct_changes_only_the_fields_given():
    targets, warnings = _extract(
        """\
        correct:
          - clause: 1-0-2
            text: 200万亩
            name: 高效节水灌溉面积
            comparator: about
        """
    )
    target = targets[1]
    assert (target.name, target.comparator, target.value, target.kind) == ("高效节水灌溉面积", Comparator.ABOUT, "200", IndicatorKind.LEVEL)
    assert warnings == ()


def test_definitions_are_attached_to_targets_of_that_name():
    targets, _ = _extract(
        """\
        definitions:
          林草产业产值:
            english: Output value of forestry and grassland industries
            definition: 林业和草原产业全年的总产值。
        """
    )
    assert targets[0].english == "Output value of forestry and grassland industries"
    assert targets[1].definition == ""


# --- Stale entries --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "entry, words",
    [
        ("drop:\n  - {clause: 9-9-9, text: 产值}\n", "names clause 9-9-9, which the plan no longer has"),
        ("drop:\n  - {clause: 1-0-1, text: 产值达到1300亿元}\n", "is no longer in clause 1-0-1"),
        ("drop:\n  - {clause: 1-0-2, text: 十大民生工程}\n", "matches no extracted target; it is no longer needed"),
        ("correct:\n  - {clause: 1-0-1, text: 产值, name: 林草产业产值}\n", "already agrees with the extraction"),
        ("definitions:\n  粮食产量: {english: Grain output, definition: 全年粮食总产量。}\n", "definition of '粮食产量' matches no target"),
    ],
)
def test_entries_that_no_longer_match_are_reported_with_their_line(entry, words):
    targets, warnings = _extract(entry)
    [warning] = warnings
    assert words in warning.message
    assert warning.line == 2
    assert len(targets) == 2


@pytest.fixture
def curated_plan(tmp_path):
    """A plan file with an indicator curation beside it, one entry stale."""
    plan = tmp_path / "x-plan.txt"
    plan.write_text(textwrap.dedent(PLAN), encoding="utf-8")
    (tmp_path / "x-plan.indicators.yml").write_text(
        "# curated\ndrop:\n  - clause: 1-0-1\n    text: 产值达到1300亿元\n", encoding="utf-8"
    )
    return plan


@pytest.mark.build
def test_the_build_reports_stale_entries_naming_the_curation_file(curated_plan, tmp_path, capsys):
    status = cli.main(["build", str(curated_plan), "--out", str(tmp_path / "site")])
    assert status == 0
    error = capsys.readouterr().err
    assert f"warning: {tmp_path / 'x-plan.indicators.yml'}:3: curated text '产值达到1300亿元' (drop) is no longer in clause 1-0-1" in error


@pytest.mark.build
def test_strict_builds_refuse_stale_entries(curated_plan, tmp_path):
    with pytest.raises(PlanError) as raised:
        build.build([curated_plan], tmp_path / "site", strict=True)
    assert raised.value.path.endswith("x-plan.indicators.yml") and raised.value.line == 3


@pytest.mark.build
def test_a_broken_curation_file_stops_the_build_with_one_line(curated_plan, tmp_path, capsys):
    shutil.copy(curated_plan, tmp_path / "copy.txt")
    (tmp_path / "copy.indicators.yml").write_text("drop:\n  - clause: 1-0-1\n    comparator: nearly\n", encoding="utf-8")
    status = cli.main(["build", str(tmp_path / "copy.txt"), "--out", str(tmp_path / "site")])
    assert status == 1
    assert capsys.readouterr().err == f"error: {tmp_path / 'copy.indicators.yml'}:3: drop entry has unknown key 'comparator'; expected ['clause', 'text']\n"
    assert not (tmp_path / "site").exists()

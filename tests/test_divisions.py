"""China's divisions as data (generator/data/divisions.txt and division_kinds.yml): the Ministry's
list read whole, kinds and parents from codes and names, short names by rule."""

from collections import Counter

import pytest

from generator import data
from generator.data.divisions import read_divisions
from generator.model import DivisionKind, DivisionLevel, RegionKind


def _division(name: str):
    return next(division for division in data.divisions() if division.name == name)


def test_the_file_is_the_ministry_list_with_its_source_and_date():
    text = data.DIVISIONS.read_text(encoding="utf-8")
    comments = "".join(line for line in text.splitlines() if line.startswith("#"))
    assert "民政部" in comments and "2025" in comments
    entries = "".join(line + "\n" for line in text.splitlines() if line and not line.startswith("#"))
    # The Ministry's list for 2025 as published: 3,212 lines, 36,399 characters.
    assert len(entries.splitlines()) == 3212 and len(entries) == 36399


def test_every_province_prefecture_and_county_level_division_is_there():
    levels = Counter(division.level for division in data.divisions())
    assert levels == {DivisionLevel.PROVINCE: 34, DivisionLevel.PREFECTURE: 333, DivisionLevel.COUNTY: 2845}
    kinds = Counter(division.kind for division in data.divisions() if division.level is DivisionLevel.PREFECTURE)
    assert kinds == {DivisionKind.CITY: 293, DivisionKind.PREFECTURE: 7, DivisionKind.AUTONOMOUS_PREFECTURE: 30, DivisionKind.LEAGUE: 3}


def test_every_division_belongs_to_one_above_it():
    by_code = data.divisions_by_code()
    for division in data.divisions():
        if division.level is DivisionLevel.PROVINCE:
            assert division.parent == "" and division.province == division.code
            continue
        parent = by_code[division.parent]
        assert parent.level in (DivisionLevel.PROVINCE, DivisionLevel.PREFECTURE) and parent.level is not division.level
        assert by_code[division.province].level is DivisionLevel.PROVINCE and division.code[:2] == division.province[:2]


@pytest.mark.parametrize(
    "name, kind, parent",
    [
        ("杭州市", DivisionKind.CITY, "浙江省"),
        ("丹巴县", DivisionKind.COUNTY, "甘孜藏族自治州"),
        ("济源市", DivisionKind.COUNTY_CITY, "河南省"),  # governed by its province directly
        ("朝阳区", DivisionKind.DISTRICT, "北京市"),
        ("锡林郭勒盟", DivisionKind.LEAGUE, "内蒙古自治区"),
        ("鄂托克前旗", DivisionKind.BANNER, "鄂尔多斯市"),
        ("神农架林区", DivisionKind.FORESTRY_DISTRICT, "湖北省"),
        ("万柏林区", DivisionKind.DISTRICT, "太原市"),  # a 区 named 万柏林, not a 林区
        ("六枝特区", DivisionKind.SPECIAL_DISTRICT, "六盘水市"),
        ("儋州市", DivisionKind.CITY, "海南省"),
        ("重庆市", DivisionKind.MUNICIPALITY, ""),
        ("香港特别行政区", DivisionKind.SPECIAL_ADMINISTRATIVE_REGION, ""),
    ],
)
def test_kind_and_parent_come_from_the_code_and_the_name(name, kind, parent):
    division = _division(name)
    assert division.kind is kind
    assert (data.divisions_by_code()[division.parent].name if division.parent else "") == parent


@pytest.mark.parametrize(
    "name, short, written",
    [
        ("杭州市", "杭州", ()),
        ("凉山彝族自治州", "凉山", ("凉山州",)),
        ("黔东南苗族侗族自治州", "黔东南", ("黔东南州",)),
        ("巴音郭楞蒙古自治州", "巴音郭楞", ("巴音郭楞州",)),  # a group written without 族
        ("内蒙古自治区", "内蒙古", ()),  # 蒙古 stays: it would leave one character
        ("广西壮族自治区", "广西", ()),
        ("双江拉祜族佤族布朗族傣族自治县", "双江", ("双江县",)),
        ("管城回族区", "管城", ()),
        ("浦东新区", "浦东", ()),
        ("阿里地区", "阿里", ()),
        ("兴安盟", "兴安", ()),
        ("津市市", "津市", ()),
        ("赵县", "", ()),  # one character is no name
        ("城区", "", ()),
        ("鄂温克族自治旗", "", ("鄂温克旗",)),  # nothing but the ethnic group
        ("东乡区", "东乡", ()),  # 东乡 is a group, but this is no autonomous division
    ],
)
def test_short_names_are_read_by_rule_from_the_name_and_kind(name, short, written):
    division = _division(name)
    assert (division.short, division.written) == (short, written)


def test_every_short_name_starts_its_full_name():
    for division in data.divisions():
        assert not division.short or (len(division.short) >= 2 and division.name.startswith(division.short)), division.name


def test_a_line_that_is_no_code_and_name_is_an_error_naming_its_line():
    with pytest.raises(ValueError, match="line 2"):
        read_divisions("110000 北京市\n11000 北京\n", data.division_kinds(), ())


def test_a_name_with_no_suffix_of_its_level_is_an_error():
    with pytest.raises(ValueError, match="110000 北京"):
        read_divisions("110000 北京\n", data.division_kinds(), ())


def test_regions_take_kind_code_and_short_name_from_their_division():
    regions = {region.name: region for region in data.regions()}
    assert (regions["内蒙古自治区"].kind, regions["内蒙古自治区"].code, regions["内蒙古自治区"].short) == (
        RegionKind.AUTONOMOUS_REGION, "150000", ("内蒙古",))
    assert regions["重庆市"].kind is RegionKind.MUNICIPALITY
    # regions.yml adds what no data set says: how Heilongjiang's documents name it.
    assert regions["黑龙江省"].short == ("黑龙江", "龙江")


def test_every_place_list_is_a_list_of_names():
    vocabulary = data.place_vocabulary()
    categories = {key for key, _ in data.index_kinds()["places"].categories}
    for category, names in vocabulary.lists:
        assert category in categories and names and all(len(name) >= 2 for name in names), category
    assert "中国" in vocabulary.nation and "安康" in vocabulary.ordinary_words and "彝" in vocabulary.ethnic_groups

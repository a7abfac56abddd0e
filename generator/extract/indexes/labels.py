"""Index wording in a document's own terms: category labels and page introductions.

A place's category is a level of China's divisions or a kind of place; a document names the levels
below its region as that region does (data/regions.yml, data/division_kinds.yml): a province its
市 and 县, Inner Mongolia its 盟市 and 旗县 (it has leagues and banners), Sichuan its 市州 (it has
autonomous prefectures), a municipality its 区 (Chongqing, with counties, 区县); the nation its 省区市.
"""

from functools import cache

from generator import data
from generator.model import DivisionLevel, DocumentKind, Region, RegionKind

# The order of the characters naming a prefecture level: 盟市, 地市, 市州.
PREFECTURE_TERMS = "盟地市州"
# How a municipality names the prefecture level (other regions' cities), and the characters naming
# the county level: a province's 县 (旗县 with banners), a municipality's 区 (区县 with counties).
CITY_TERM = "市"
BANNER_TERM, COUNTY_TERM, DISTRICT_TERM = "旗", "县", "区"


def category_label(index_name: str, category: str, region: str = "") -> str:
    """The label readers see for a category, in the terms of the document's region (a name, or "")."""
    terms = division_terms(region)
    if index_name == "places" and category in terms:
        return terms[category]
    return data.index_kinds()[index_name].label(category)


def index_intro(index_name: str, kind: DocumentKind, region: str = "", categories: tuple[str, ...] = ()) -> str:
    """An index page's first sentence, speaking of the document by its kind (报告中…, 计划中…) and
    naming the categories the page holds, in the table's order and the region's terms."""
    table = data.index_kinds()[index_name]
    present = [key for key, _ in table.categories if key in categories]
    labels = "、".join(dict.fromkeys(category_label(index_name, key, region) for key in present))
    return table.intro.format(noun=data.document_kinds()[kind].noun, categories=labels or "地名")


@cache
def division_terms(region: str) -> dict[str, str]:
    """How a document of ``region`` names each level of divisions: {"province": 省区市, "prefecture":
    市, "county": 县} for a province; the terms of its divisions' kinds, or those regions.yml gives."""
    table = data.index_kinds()["places"]
    terms = {level.value: table.label(level.value) for level in DivisionLevel}
    found = data.region_named(region) if region else None
    if found is None or not found.code:
        return terms
    if found.within:
        return _local_terms(found, division_terms(found.within))
    kinds = data.division_kinds()
    present = {
        level: {kinds[division.kind].term for division in data.divisions() if division.province == found.code and division.level is level}
        for level in (DivisionLevel.PREFECTURE, DivisionLevel.COUNTY)
    }
    counties = present[DivisionLevel.COUNTY]
    if found.kind is RegionKind.MUNICIPALITY:
        terms["prefecture"] = CITY_TERM
        terms["county"] = DISTRICT_TERM + (COUNTY_TERM if COUNTY_TERM in counties else "")
    else:
        terms["prefecture"] = "".join(term for term in PREFECTURE_TERMS if term in present[DivisionLevel.PREFECTURE])
        terms["county"] = (BANNER_TERM if BANNER_TERM in counties else "") + COUNTY_TERM
    terms.update({level.value: term for level, term in found.terms})
    return terms


def _local_terms(found: Region, province_terms: dict[str, str]) -> dict[str, str]:
    """How a city's or county's document names the levels: as its province's does, but a city's own
    county level by the kinds it has (杭州市: 区县; 呼和浩特市: 旗县区)."""
    terms = dict(province_terms)
    if found.kind is RegionKind.PREFECTURE:
        kinds = data.division_kinds()
        present = {kinds[division.kind].term for division in data.divisions() if division.parent == found.code}
        if BANNER_TERM in present:
            terms["county"] = BANNER_TERM + COUNTY_TERM + (DISTRICT_TERM if DISTRICT_TERM in present else "")
        else:
            terms["county"] = (DISTRICT_TERM if DISTRICT_TERM in present else "") + (COUNTY_TERM if COUNTY_TERM in present else "")
    return terms

"""The library's catalogue and home page: documents by year and kind, the nation's first and said to be national."""

from generator import data
from generator.library.catalogue import RegionTable, catalogue, region_table
from generator.library.pages import library_pages
from generator.model import (
    DocumentKind,
    DocumentMeta,
    DocumentSummary,
    Region,
    RegionKind,
)

REGIONS = RegionTable(("北京市", "全国", "天津市"), ("beijing", "quanguo", "tianjin"), ("北京", "全国", "天津"), "全国")


def _document(slug: str, region: str, year: int = 2026) -> DocumentSummary:
    meta = DocumentMeta(region=region, year=year, kind=DocumentKind.WORK_REPORT, date=f"{year}-03-05", speaker="某某")
    return DocumentSummary(slug, f"{year}年政府工作报告", f"{slug}/", meta, ())


LIBRARY = (_document("tianjin", "天津市"), _document("beijing", "北京市"), _document("guo", "全国"))


def test_the_nation_comes_before_every_region_whatever_the_regions_order():
    found = catalogue(LIBRARY, REGIONS)
    assert [document.slug for document in found.years[0].kinds[0].documents] == ["guo", "beijing", "tianjin"]
    assert [region.name for region in found.regions] == ["全国", "北京市", "天津市"]


def test_the_home_page_lists_the_nations_documents_as_national():
    home = library_pages(catalogue(LIBRARY, REGIONS))[0].text
    assert '**全国** <span class="lib-nation">国家级</span> · [2026年政府工作报告](guo/)' in home
    assert home.index("guo/") < home.index("beijing/") and "**北京市** · [" in home


def test_the_region_table_knows_the_nation_from_the_regions_kinds():
    regions = (
        Region("北京市", ("北京",), "京", "beijing", RegionKind.MUNICIPALITY, ()),
        Region("全国", (), "", "quanguo", RegionKind.NATION, ()),
    )
    table = region_table(regions)
    assert (table.nation, table.short("北京市"), table.slug("全国"), table.order("全国")[0]) == ("全国", "北京", "quanguo", -1)
    assert region_table(regions[:1]).nation == ""


def test_a_year_holding_only_a_five_year_outline_links_no_annual_comparison():
    outline = DocumentSummary(
        "outline",
        "国民经济和社会发展第十五个五年规划纲要",
        "outline/",
        DocumentMeta(region="全国", year=2027, kind=DocumentKind.FIVE_YEAR_PLAN, period_start=2027, period_end=2031),
        (),
    )
    home = library_pages(catalogue((*LIBRARY, outline), REGIONS), periods=((2027, 2031),))[0].text
    assert "(compare/2026.md)" in home
    assert "compare/2027.md" not in home and "(compare/2027-2031.md)" in home


def test_a_city_in_the_region_table_keeps_its_full_name_beside_its_province():
    table = region_table(data.regions_of(["吉林市"]))
    assert (table.short("吉林省"), table.short("吉林市"), table.slug("吉林市")) == ("吉林", "吉林市", "jilin-220200")
    assert table.order("吉林省") < table.order("吉林市") < table.order("黑龙江省")

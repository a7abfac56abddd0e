"""A plan's metadata from seeds/<stem>.yml: its slug (its URL prefix) and where it was published."""

import pytest

from generator.errors import PlanError
from generator.model import MetaOverrides
from generator.read import editorial


def test_the_slug_is_taken_from_the_seed():
    assert editorial.plan_info("slug: nmg-2026-plan\n", "whatever").slug == "nmg-2026-plan"


def test_without_a_seed_the_slug_is_the_file_name_in_pinyin():
    assert editorial.plan_info(None, "2026_四川").slug == "2026-si-chuan"


def test_a_seed_without_a_slug_takes_the_file_name():
    info = editorial.plan_info("source:\n  name: 内蒙古日报\n", "2026-重庆")
    assert info.slug == "2026-chong-qing" and info.source_name == "内蒙古日报"


def test_the_file_name_is_not_romanised_when_the_seed_names_the_slug():
    def romanise(texts):
        raise AssertionError(f"romanised {texts}")

    assert editorial.plan_info("slug: x-plan\n", "四川", romanise).slug == "x-plan"


def test_a_slug_that_is_not_a_url_segment_is_refused_with_its_reason():
    with pytest.raises(PlanError, match="lowercase letters, digits and single hyphens"):
        editorial.plan_info("slug: Inner Mongolia\n", "x")


# --- facts about the document (region, year, kind … source) -------------------------------------


def test_stated_facts_override_the_text_key_by_key():
    overrides = editorial.meta_overrides(
        "region: 内蒙古\nyear: 2026\nkind: work_report\nspeaker: 自治区主席 王某\ndate: 2026-01-27\n"
        "document_number: 内政发〔2026〕5号\nsource:\n  name: 北疆新闻\n  url: https://example.org/a\n"
    )
    assert (overrides.region, overrides.year, overrides.kind.value, overrides.date) == ("内蒙古自治区", 2026, "work_report", "2026-01-27")
    assert (overrides.speaker, overrides.document_number) == ("自治区主席 王某", "内政发〔2026〕5号")
    assert (overrides.source_name, overrides.source_url, overrides.issuer) == ("北疆新闻", "https://example.org/a", None)


def test_a_city_or_county_is_a_region_a_seed_may_state():
    assert editorial.meta_overrides("region: 杭州市\n").region == "杭州市"
    assert editorial.meta_overrides("region: 余杭区\n").region == "余杭区"


def test_a_seed_without_facts_overrides_nothing():
    assert editorial.meta_overrides("slug: x-plan\n") == editorial.meta_overrides(None) == MetaOverrides()


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("slug: x\nregoin: 北京\n", 2, "unknown key 'regoin'"),
        ("slug: x\nregion: 北平\n", 2, "is not a region.s name"),
        ("year: 26\n", 1, "a year such as 2026"),
        ("kind: report\n", 1, "kind 'report' must be one of"),
        ("\n\ndate: 2026-02-30\n", 3, "yyyy-mm-dd"),
        ("source:\n  name: 北疆新闻\n  site: x\n", 3, "unknown key 'site'"),
        ("slug: x\nslug: y\n", 2, "repeats the key"),
    ],
)
def test_a_bad_fact_is_refused_with_its_line(text, line, words):
    with pytest.raises(PlanError, match=words) as error:
        editorial.plan_info(text, "x")
    assert error.value.line == line


@pytest.mark.parametrize(
    "url",
    [
        "https://lib.example.edu.cn/interlibSSO/goto/2/+_a/www.bjd.com.cn/a.html",
        "https://webvpn.example.edu.cn/https/77726476706e69737468656265737421/a.html",
        "https://login.ezproxy.example.edu/login?url=https://www.gov.cn/a.html",
    ],
)
def test_a_source_url_through_a_login_proxy_is_refused_with_its_line(url):
    with pytest.raises(PlanError, match="login proxy; give the public page") as error:
        editorial.meta_overrides(f"slug: x\nsource:\n  name: 北京日报\n  url: {url}\n")
    assert error.value.line == 4

"""A plan's metadata from seeds/<stem>.yml: its slug (its URL prefix) and where it was published."""

import pytest

from generator.errors import PlanError
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

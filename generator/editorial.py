"""Editorial data kept in seeds/ as YAML: text in, values out, every problem named with its line."""

import yaml
from pypinyin import lazy_pinyin

from . import patterns
from .errors import PlanError
from .model import PlanInfo

PLAN_INFO_KEYS = {"slug", "source"}
SOURCE_KEYS = {"name", "url"}


def default_slug(stem: str) -> str:
    """A URL slug from a file name: nmg-2026-plan stays, 2026_四川 becomes 2026-si-chuan."""
    romanised = "-".join(lazy_pinyin(stem.lower()))
    return patterns.NON_SLUG_RUN.sub("-", romanised).strip("-") or "plan"


def plan_info(yaml_text: str | None, stem: str) -> PlanInfo:
    """A plan's metadata from its seeds/<stem>.yml text, or defaults when there is none."""
    if yaml_text is None:
        return PlanInfo(slug=default_slug(stem))
    data = _mapping(yaml_text)
    unknown = set(data) - PLAN_INFO_KEYS
    if unknown:
        raise PlanError(f"unknown key {sorted(unknown)[0]!r}; expected one of {sorted(PLAN_INFO_KEYS)}")
    slug = data.get("slug", default_slug(stem))
    if not isinstance(slug, str) or not patterns.SLUG.match(slug):
        raise PlanError(f"slug {slug!r} must be lowercase letters, digits and single hyphens")
    source = data.get("source") or {}
    if not isinstance(source, dict) or set(source) - SOURCE_KEYS:
        raise PlanError(f"source must be a mapping with keys {sorted(SOURCE_KEYS)}")
    return PlanInfo(slug=slug, source_name=str(source.get("name", "")), source_url=str(source.get("url", "")))


def _mapping(yaml_text: str) -> dict:
    """The top-level mapping of a YAML document, or a PlanError naming the line at fault."""
    try:
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise PlanError(f"invalid YAML: {problem}", mark.line + 1 if mark else None) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PlanError("expected a mapping of keys to values", 1)
    return data

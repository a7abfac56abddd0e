"""Catalogue: the library's documents grouped as readers look for them — by year and kind, and by region."""

from dataclasses import dataclass

from generator import data
from generator.model import DocumentKind, DocumentSummary, Region, RegionKind

# Documents of no region the library knows are listed under this name, last, on this page.
NO_REGION = "其他"
NO_REGION_SLUG = "other"


@dataclass(frozen=True, slots=True)
class DocumentGroup:
    """Documents listed under one heading: a kind's in a year (政府工作报告), in region order; a
    region's (北京市), newest first."""

    name: str
    documents: tuple[DocumentSummary, ...]
    # A region's group names its page (/region/<slug>/); a kind's has no page of its own.
    slug: str = ""


@dataclass(frozen=True, slots=True)
class YearGroup:
    """One year's documents, by kind."""

    year: int
    kinds: tuple[DocumentGroup, ...]


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Every document of the library, grouped by year (newest first) and kind, and by region."""

    years: tuple[YearGroup, ...]
    regions: tuple[DocumentGroup, ...]
    # The nation's name (全国): its documents are listed first, as national documents.
    nation: str = ""


def catalogue(documents: tuple[DocumentSummary, ...], regions: "RegionTable") -> Catalogue:
    """The library's documents grouped for its pages; ``regions`` orders and names the regions."""
    ordered = sorted(documents, key=lambda document: (regions.order(document.meta.region), document.meta.date, document.slug))
    years = []
    for year in sorted({document.meta.year for document in ordered}, reverse=True):
        kinds = tuple(
            DocumentGroup(data.kind_name(kind), tuple(d for d in ordered if d.meta.year == year and d.meta.kind == kind))
            for kind in data.document_kinds()
        )
        years.append(YearGroup(year, tuple(group for group in kinds if group.documents)))
    by_region: dict[str, list[DocumentSummary]] = {}
    for document in ordered:
        known = document.meta.region in regions.names
        by_region.setdefault(document.meta.region if known else NO_REGION, []).append(document)
    region_groups = tuple(
        DocumentGroup(
            name,
            tuple(sorted(members, key=lambda d: (-d.meta.year, kind_rank(d.meta.kind), d.meta.date, d.slug))),
            regions.slug(name),
        )
        for name, members in sorted(by_region.items(), key=lambda item: regions.order(item[0]))
    )
    return Catalogue(tuple(years), region_groups, regions.nation)


@dataclass(frozen=True, slots=True)
class RegionTable:
    """The regions the library knows, in their conventional order, each with its URL slug."""

    names: tuple[str, ...]
    slugs: tuple[str, ...]
    # What a short label (a chart's) calls each region: 内蒙古 for 内蒙古自治区.
    short_names: tuple[str, ...] = ()
    # The nation's name (全国), a region of its own that lists and comparisons put first; "" for none.
    nation: str = ""

    def order(self, name: str) -> tuple[int, str]:
        """Where a region sorts: the nation first, then the conventional order, any other last."""
        if name and name == self.nation:
            return (-1, name)
        return (self.names.index(name), name) if name in self.names else (len(self.names), name)

    def is_nation(self, name: str) -> bool:
        """Whether ``name`` is the nation's."""
        return bool(name) and name == self.nation

    def short(self, name: str) -> str:
        """The region's short name (the name itself when none is known)."""
        return self.short_names[self.names.index(name)] if name in self.names and self.short_names else name

    def slug(self, name: str) -> str:
        """The region's URL slug (other: its page of documents without a region)."""
        return self.slugs[self.names.index(name)] if name in self.names else NO_REGION_SLUG


def kind_rank(kind: DocumentKind) -> int:
    """A kind's place in the library's order (work reports first)."""
    return list(data.document_kinds()).index(kind)


def region_table(regions: tuple[Region, ...]) -> RegionTable:
    """The library's table of regions from the genre's (generator/data/regions.yml) and the cities
    and counties documents are about (data.regions_of): names, slugs, short names (内蒙古; a city
    or county keeps its full name, 吉林市 beside 吉林) and which one is the nation."""
    return RegionTable(
        tuple(region.name for region in regions),
        tuple(region.slug for region in regions),
        tuple(region.short[0] if region.short and not region.within else region.name for region in regions),
        next((region.name for region in regions if region.kind is RegionKind.NATION), ""),
    )

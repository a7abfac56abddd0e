"""Indexes: a document's named projects, places and cited documents, found by rules, curated by seeds.

Rules propose names with the span each rule saw (projects.py, places.py with the gazetteer reading
of China's divisions, documents.py); editorial curation (seeds/<stem>.index.yml, curation.py) drops,
renames, merges, re-categorises and adds entries; then one matcher per index finds every mention in
every clause and gives each entry its anchor (entries.py).
"""

from generator.extract.indexes.curation import curate, group_found
from generator.extract.indexes.documents import document_names
from generator.extract.indexes.entries import index_entries, name_syllables
from generator.extract.indexes.places import place_names, places_in_projects
from generator.extract.indexes.projects import project_names
from generator.model import Document, Index, IndexCuration, Warning, iter_clauses
from generator.read import pinyin


def extract_index(
    document: Document, curation: IndexCuration = IndexCuration(), romanise=pinyin.romanised, region: str = ""
) -> Index:
    """The document's three indexes: rules propose names, curation corrects them, a matcher finds every mention.

    ``romanise`` reads names in pinyin (for order and anchors): pinyin.romanised, or the same run
    elsewhere; ``region`` is the document's region (its full name), whose terms and divisions a
    short place name is read by (朝阳 is 朝阳区 in Beijing's report, 朝阳市 in Liaoning's).
    """
    clauses = tuple(iter_clauses(document))
    places = place_names(clauses, region)
    place_stems = {found.name for found in places} | {found.alias for found in places if found.alias}
    projects = project_names(clauses, place_stems)
    places += places_in_projects(projects, region)
    documents = document_names(clauses)
    warnings: list[Warning] = []
    curated = {}
    for index_name, found in (("projects", projects), ("places", places), ("documents", documents)):
        curated[index_name] = curate(index_name, group_found(index_name, found), getattr(curation, index_name), warnings)
    names = tuple(form for groups in curated.values() for name, group in groups.items() for form in (name, *group["aliases"]))
    syllables = name_syllables(names, romanise)
    indexes = {index_name: index_entries(groups, clauses, warnings, index_name[:-1], syllables) for index_name, groups in curated.items()}
    return Index(
        projects=indexes["projects"],
        places=indexes["places"],
        documents=indexes["documents"],
        warnings=tuple(sorted(warnings, key=lambda warning: warning.line)),
    )

"""The mkdocs and material adapter (publish/mkdocs_run.py): what plansite relies on of material."""

from generator.publish import mkdocs_run
from generator.publish.mkdocs_run import (
    config_overrides,
    material_originals,
    material_templates,
)

from .conftest import ROOT

THEME = ROOT / "theme"


def test_every_theme_override_follows_the_installed_materials_original():
    """A theme file adapted from one of material's templates (or standing in its header) records the
    digest of the material template it was written against: after an upgrade of material that
    changed it, compare the two, carry plansite's change over, and record the new digest."""
    originals = material_originals(THEME)
    assert originals
    changed = [f"theme/{ours}: material's {original} is not the one recorded" for ours, original, recorded, installed in originals if recorded != installed]
    assert changed == []


def test_every_theme_file_that_replaces_a_material_template_records_its_original():
    """A theme file of the same path as a material template replaces it whole: it must say which
    material template it follows, so that an upgrade is not missed."""
    replaced = {path.relative_to(THEME).as_posix() for path in THEME.rglob("*.html")} & material_templates()
    recorded = {ours for ours, original, _, _ in material_originals(THEME) if original == ours}
    assert replaced and replaced <= recorded, sorted(replaced - recorded)


def test_materials_header_includes_the_slot_where_plansites_search_box_stands():
    """theme/partials/alternate.html is included by material's header when extra.alternate is set."""
    assert "partials/alternate.html" in material_templates()
    assert config_overrides({"extra": {"x": 1}}, offline=False)["extra"] == {"x": 1, "alternate": True}


def test_materials_page_script_and_stylesheets_are_told_from_plansites_own():
    assert mkdocs_run.is_material_script("assets/javascripts/bundle.a5f9d56c.min.js")
    assert not mkdocs_run.is_material_script("assets/plansite.js")
    assert mkdocs_run.is_material_stylesheet("assets/stylesheets/main.57a0d79d.min.css")
    assert not mkdocs_run.is_material_stylesheet("assets/plansite.css")

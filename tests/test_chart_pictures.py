"""Charts as PNG, drawn at build time with a Chinese font and kept between builds by digest."""

import pytest

from generator.model import OutputFile
from generator.publish import charts

FONTS = charts.chart_fonts()
needs_fonts = pytest.mark.skipif(not FONTS, reason="no Noto Sans CJK font on this machine (apt-get install fonts-noto-cjk)")
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" width="120" height="40"><rect width="120" height="40" fill="#fff"/><text x="4" y="28" font-size="20">粮食产量</text></svg>'


@needs_fonts
def test_a_chart_is_drawn_as_a_png_twice_its_size_beside_its_svg(tmp_path):
    [picture] = charts.chart_pictures((OutputFile("compare/2026/grain_output.svg", SVG),), FONTS, tmp_path)
    assert picture.path == "compare/2026/grain_output.png"
    assert picture.data.startswith(b"\x89PNG\r\n\x1a\n")
    assert (int.from_bytes(picture.data[16:20], "big"), int.from_bytes(picture.data[20:24], "big")) == (240, 80)


@needs_fonts
def test_the_chinese_text_is_drawn(tmp_path):
    blank = SVG.replace("粮食产量", "")
    drawn = charts.chart_pictures((OutputFile("a.svg", SVG), OutputFile("b.svg", blank)), FONTS, tmp_path)
    assert drawn[0].data != drawn[1].data


@needs_fonts
def test_a_picture_is_drawn_once_and_pictures_no_chart_uses_are_removed(tmp_path, monkeypatch):
    first = charts.chart_pictures((OutputFile("a.svg", SVG),), FONTS, tmp_path)
    stale = tmp_path / "0123.png"
    stale.write_bytes(b"old")
    monkeypatch.setattr(charts, "_drawn", lambda svg, fonts: pytest.fail("drawn again"))
    assert charts.chart_pictures((OutputFile("a.svg", SVG),), FONTS, tmp_path) == first
    assert [entry.name for entry in tmp_path.iterdir()] != [] and not stale.exists()


def test_without_a_chinese_font_or_charts_there_are_no_pictures_and_no_cache(tmp_path):
    cache = tmp_path / charts.CHART_CACHE
    assert charts.chart_pictures((OutputFile("a.svg", SVG),), (), cache) == ()
    assert not cache.exists()
    cache.mkdir()
    (cache / "0123.png").write_bytes(b"old")
    assert charts.chart_pictures((), FONTS or (tmp_path / "font.ttc",), cache) == ()
    assert not cache.exists()

import pytest

from generator import patterns


@pytest.mark.parametrize(
    "numeral, value",
    [("一", 1), ("九", 9), ("十", 10), ("十四", 14), ("二十", 20), ("二十一", 21), ("一百零五", 105), ("两百", 200)],
)
def test_chinese_numerals_become_ints(numeral, value):
    assert patterns.chinese_numeral_to_int(numeral) == value


@pytest.mark.parametrize("bad", ["", "一一", "十A", "五四"])
def test_malformed_numerals_are_refused(bad):
    with pytest.raises(ValueError):
        patterns.chinese_numeral_to_int(bad)


def test_sentences_keep_their_closing_quotes():
    pieces = [m.group() for m in patterns.SENTENCE.finditer("他说：“好。”然后行动。")]
    assert pieces == ["他说：“好。”", "然后行动。"]


def test_semicolons_end_clauses_in_either_width():
    pieces = [m.group() for m in patterns.SENTENCE.finditer("增长5%左右;就业18万人以上；粮食丰收。")]
    assert pieces == ["增长5%左右;", "就业18万人以上；", "粮食丰收。"]


@pytest.mark.parametrize("marker", ["(一)", "（一）", "(十二)"])
def test_section_markers_in_ascii_and_full_width(marker):
    assert patterns.SECTION_MARKER.match(marker + "扎实推进工作。")


@pytest.mark.parametrize(
    "line, kind",
    [
        ("编辑:杨净毓", "label"),
        ("责任编辑：", "label"),
        ("来源：云南日报", "label"),
        ("时间：2026-02-05", "label"),
        ("发表时间：", "label"),
        ("Copyright © 2016- 北疆新闻 All Rights Reserved", "copyright"),
        ("二、凡来源非北疆新闻的新闻(作品)只代表本网传播该消息,并不代表赞同其观点。", "site-notice"),
        ("北疆新闻 | 内蒙古自治区重点新媒体平台", "site-banner"),
        ("北疆新闻 > 要闻 > 正文", "breadcrumb"),
        (">", "breadcrumb"),
        ("当前位置：", "breadcrumb"),
        ("11069", "counter"),
        ("2026-02-09 09:45:30", "timestamp"),
        ("2026年02月10日 07时41分", "timestamp"),
        ("【字体：", "widget"),
        ("】", "widget"),
        ("扫一扫在手机打开当前页", "widget"),
        ("打印本页", "widget"),
        ("分享到微信", "widget"),
        ("×", "widget"),
        ("【打印本页】 【关闭窗口】", "widget"),
        ("【字体：大 中 小】", "widget"),
        ("（责任编辑：李四）", "label"),
        ("（新华社）", "credit"),
        ("2026-02-10", "date"),
        ("相关链接>>", "related"),
        ("相关文档：", "related"),
        ("abcd39f1fb7f426d9dfb6bd0fa1f2146:", "link-id"),
        ("》》点击图片进入专题《《", "topic-link"),
        ("（完）", "end-mark"),
        ("救助野生动物 保护草原生态", "slogan"),
    ],
)
def test_debris_patterns_name_their_kind(line, kind):
    assert patterns.DEBRIS_LINE[kind].search(line)


@pytest.mark.parametrize(
    "line, kind",
    [
        ("_DSC2271.png", "image"),
        ("2月3日，宁夏回族自治区第十三届人民代表大会第四次会议在银川开幕。 宁夏日报记者 王鼎 摄", "caption"),
        ("— 12 —", "page-number"),
        ("（下转第四版）", "jump"),
        ("（上接第1版）", "jump"),
    ],
)
def test_in_text_debris_patterns_name_their_kind(line, kind):
    assert patterns.IN_TEXT_DEBRIS[kind].search(line)


# Sentences of the seed and the corpus that resemble furniture in one way or another.
PLAN_SENTENCES = [
    "加强版权保护,推进知识产权强区建设。",
    "推进“数字信息大通道+产业”行动，构建基本网格化治理体系。",
    "一年来，主要做了以下工作：",
    "各位代表！",
    "名词解释",
    "（一）巩固壮大实体经济根基，纵深推进产业强省建设",
    "三、2026年重点工作",
    "7.“双向揭榜挂帅”：企业找技术、成果找市场“双向",
    "揭榜",
    "城镇调查失业率5.5％左右，居民消费价格涨幅2％左右。",
]


@pytest.mark.parametrize("sentence", PLAN_SENTENCES)
def test_plan_text_is_not_taken_for_debris(sentence):
    assert not any(pattern.search(sentence) for pattern in patterns.DEBRIS_LINE.values())
    assert not any(pattern.search(sentence) for pattern in patterns.IN_TEXT_DEBRIS.values())


@pytest.mark.parametrize(
    "title",
    ["2026年政府工作报告", "2026年四川省人民政府工作报告", "政府工作报告", "2026年某省政府工作报告（全文）", "【全文】2026年某省政府工作报告"],
)
def test_plan_titles_of_the_genre(title):
    assert patterns.PLAN_TITLE.match(title)


@pytest.mark.parametrize(
    "line, date",
    [
        ("——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上", ("2026", "2", "3")),
        ("2026年2月3日在四川省第十四届人民代表大会第五次会议上", ("2026", "2", "3")),
        ("――2026年1月27日在青海省第十四届人民代表大会第四次会议上", ("2026", "1", "27")),
        ("（1月28日在云南省第十四届人民代表大会第四次会议上）", (None, "1", "28")),
    ],
)
def test_occasion_lines_give_the_date(line, date):
    match = patterns.OCCASION.match(line)
    assert (match["year"], match["month"], match["day"]) == date


@pytest.mark.parametrize("line", ["自治区人民政府主席 张雨浦", "省长\u3000王予波", "四川省人民政府省长 施小琳", "代省长 李某某", "上海市市长 龚 正"])
def test_speaker_lines(line):
    assert patterns.SPEAKER.match(line)


@pytest.mark.parametrize("line", ["各位代表：", "各位代表！", "各位代表、同志们：", "各位代表！实干兴滇，笃行致远。"])
def test_the_address_to_the_delegates(line):
    assert patterns.ADDRESS.match(line)


@pytest.mark.parametrize("line", ["名词解释", "附件", "附件1：2026年重点项目清单", "附录二"])
def test_appendix_headings(line):
    assert patterns.APPENDIX_HEADING.match(line)


@pytest.mark.parametrize("line", ["附件材料已印发各地。", "注释工作要加强", "名词解释要准确。"])
def test_sentences_are_not_appendix_headings(line):
    assert not patterns.APPENDIX_HEADING.match(line)


@pytest.mark.parametrize(
    "line, ends",
    [
        ("深化住房公积金制度改革。", True),
        ("他说：“好。”", True),
        ("一年来，主要做了以下工作：", True),
        ("（此件公开发布）", True),
        ("由技术供给方带团队、带技术", False),
        ("“双向", False),
        ("（", False),
        ("推进“人防、技防、", False),
    ],
)
def test_where_a_paragraph_may_end(line, ends):
    assert bool(patterns.PARAGRAPH_END.search(line)) is ends


def test_jump_markers_are_found_inside_a_paragraph():
    text = "加快推进（下转第四版）\n（上接第一版）产业升级。"
    assert [match.group().strip() for match in patterns.JUMP_MARKER.finditer(text)] == ["（下转第四版）", "（上接第一版）"]


def test_a_theme_overrides_record_of_its_material_original_is_found():
    comment = "Copied from material's partials/copyright.html sha256 " + "bc86" * 16 + " -#}"
    assert patterns.MATERIAL_ORIGINAL.findall(comment) == [("partials/copyright.html", "bc86" * 16)]
    assert not patterns.MATERIAL_ORIGINAL.findall("material 9.8.2's partials/copyright.html, without the link")


@pytest.mark.parametrize("address, local", [
    ("http://localhost:8000/", True), ("http://127.0.0.1/plans/", True), ("http://[::1]:8000/", True), ("HTTP://LOCALHOST", True),
    ("https://plans.example.org/", False), ("http://localhost.example.org/", False), ("http://127.0.0.1.example.org/", False),
])
def test_local_addresses_are_this_machines_not_a_published_site(address, local):
    assert bool(patterns.LOCAL_ADDRESS.match(address)) is local


def test_the_site_url_setting_is_found_at_the_start_of_its_line():
    assert patterns.SITE_URL_SETTING.match("site_url: http://localhost:8000/")
    assert not patterns.SITE_URL_SETTING.match("# site_url: http://localhost:8000/")


def test_a_loaded_asset_is_a_stylesheet_or_script_of_the_site_itself():
    html = ('<link rel="stylesheet" href="../assets/plansite.css"><script src="assets/search.js?v=2"></script>'
            '<script src="https://cdn.example.org/x.js"></script><a href="data/plan.json">')
    assert [match["path"] for match in patterns.LOADED_ASSET.finditer(html)] == ["../assets/plansite.css", "assets/search.js"]

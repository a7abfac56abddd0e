"""Boxes (read/boxes.py): 专栏 boxes lifted out of an outline's text, their items, tables and notes."""

import textwrap

from generator.model import ClauseKind, ColumnRole, box_clauses, iter_clauses
from generator.read.boxes import lift_boxes
from generator.read.ingest import _content_lines, ingest
from generator.read.parse import parse_plan


def _lift(text: str):
    text = textwrap.dedent(text)
    kept, boxes, warnings = lift_boxes(_content_lines(text), text)
    return text, kept, boxes, warnings


def _cells(row) -> list[str]:
    return [row.clause.text[start:end] for start, end in row.cells]


FLATTENED = """\
    第二章　主要目标
    “十五五”时期经济社会发展要实现以下目标。
    专栏1　“十五五”时期经济社会发展主要指标
    类别
    指标
    2025年
    2030年
    年均/累计
    属性
    经济发展
    1.国内生产总值增长（%）
    5.0
    —
    保持在合理区间、各年度视情提出
    预期性
    2.常住人口城镇化率（%）
    67.5
    71
    —
    预期性
    绿色生态
    3.单位国内生产总值二氧化碳排放降低（%）
    —
    —
    〔17〕
    约束性
    注：①〔〕内为5年累计数。②带*的为2024年数据。
    第二篇　建设现代化产业体系
"""


def test_a_flattened_table_is_read_row_by_row_with_its_category_carried_down():
    text, kept, [box], _ = _lift(FLATTENED)
    table = box.table
    assert box.id == "b1" and box.title.kind is ClauseKind.BOX_TITLE
    assert table.columns == (
        ColumnRole.CATEGORY, ColumnRole.INDICATOR, ColumnRole.BASE, ColumnRole.TARGET, ColumnRole.SPAN, ColumnRole.ATTRIBUTE,
    )  # fmt: skip
    assert (table.base_year, table.target_year) == (2025, 2030)
    assert [row.clause.id for row in table.rows] == ["b1-1", "b1-2", "b1-3"]
    assert _cells(table.rows[0]) == ["经济发展", "1.国内生产总值增长（%）", "5.0", "—", "保持在合理区间、各年度视情提出", "预期性"]
    assert _cells(table.rows[1])[:2] == ["", "2.常住人口城镇化率（%）"]
    assert [row.category for row in table.rows] == ["经济发展", "经济发展", "绿色生态"]
    assert [clause.id for paragraph in box.notes for clause in paragraph.clauses] == ["b1-n1", "b1-n2"]
    # The text resumes at the heading after the notes; nothing of the box stays in it.
    assert [line.text for line in kept] == ["第二章　主要目标", "“十五五”时期经济社会发展要实现以下目标。", "第二篇　建设现代化产业体系"]


def test_every_clause_of_a_box_is_its_source_text_verbatim():
    text, _, [box], _ = _lift(FLATTENED)
    for clause in box_clauses(box):
        assert text[clause.span.start : clause.span.end] == clause.text
    assert box.table.rows[0].clause.text.startswith("经济发展\n1.国内生产总值增长（%）\n5.0")


def test_a_markdown_table_skips_its_separator_row_and_fills_an_empty_category_cell():
    _, _, [box], _ = _lift(
        """\
        **专栏1　主要指标**

        | 类别 | 指标 | 2025年 | 2030年 | 年均增长〔累计〕 | 属性 |
        | --- | --- | --- | --- | --- | --- |
        | 经济发展 | 1.地区生产总值增长（%） | 5.5 | — | 5左右 | 预期性 |
        |  | 2.常住人口城镇化率（%） | 76.2 | 79 | — | 预期性 |

        注：〔〕内为五年累计数。

        正文继续。
        """
    )
    assert box.title.text == "专栏1　主要指标"
    assert _cells(box.table.head) == ["类别", "指标", "2025年", "2030年", "年均增长〔累计〕", "属性"]
    assert [_cells(row)[1] for row in box.table.rows] == ["1.地区生产总值增长（%）", "2.常住人口城镇化率（%）"]
    assert box.table.rows[1].category == "经济发展"
    assert box.table.rows[1].clause.text.startswith("2.常住人口城镇化率（%）")


def test_tab_and_space_separated_rows_are_rows():
    for separator in ("\t", "  "):
        head = separator.join(["类别", "指标", "2025年", "2030年", "年均/累计", "属性"])
        first = separator.join(["经济发展", "1.国内生产总值增长（%）", "5.0", "—", "保持在合理区间", "预期性"])
        second = separator.join(["2.全员劳动生产率增长（%）", "5.2", "—", "高于国内生产总值增长", "预期性"])
        _, kept, [box], _ = _lift(f"专栏1　主要指标\n{head}\n{first}\n{second}\n坚持把发展经济的着力点放在实体经济上。\n")
        assert [_cells(row) for row in box.table.rows] == [
            ["经济发展", "1.国内生产总值增长（%）", "5.0", "—", "保持在合理区间", "预期性"],
            ["", "2.全员劳动生产率增长（%）", "5.2", "—", "高于国内生产总值增长", "预期性"],
        ]
        assert [line.text for line in kept] == ["坚持把发展经济的着力点放在实体经济上。"]


def test_a_box_of_numbered_items_ends_where_the_prose_resumes():
    _, kept, [box], _ = _lift(
        """\
        第一节　推进生产性服务业向专业化延伸
        大力发展科技服务。
        专栏3　现代服务业重大工程
        01　工业设计中心
        培育具有国际水准的工业设计中心100家。
        02　检验检测认证
        建设国家检验检测认证公共服务平台。
        推动生活性服务业向高品质和多样化升级。
        第二节　推动生活性服务业向高品质升级
        """
    )
    assert [(clause.id, clause.kind) for clause in box_clauses(box)] == [
        ("b3", ClauseKind.BOX_TITLE),
        ("b3-1", ClauseKind.BOX_ITEM),
        ("b3-1-1", ClauseKind.SENTENCE),
        ("b3-2", ClauseKind.BOX_ITEM),
        ("b3-2-1", ClauseKind.SENTENCE),
    ]
    assert box.items[0].clauses[0].text == "01　工业设计中心"
    assert "推动生活性服务业向高品质和多样化升级。" in [line.text for line in kept]


def test_items_marked_in_brackets_or_on_one_line_are_items():
    _, _, [box], _ = _lift(
        """\
        专栏4　绿色低碳转型重大工程
        （一）大型风电光伏基地
        在沙漠、戈壁、荒漠地区建设大型风电光伏基地。
        （二）抽水蓄能电站
        建成抽水蓄能电站装机容量1.2亿千瓦以上。
        第一节　推动能源清洁低碳转型
        """
    )
    assert [paragraph.clauses[0].text for paragraph in box.items] == ["（一）大型风电光伏基地", "（二）抽水蓄能电站"]
    assert [paragraph.clauses[0].id for paragraph in box.items] == ["b4-1", "b4-2"]


def test_a_box_in_a_markdown_quote_ends_with_the_quote_and_its_title_may_stand_on_the_next_line():
    _, kept, [box], _ = _lift(
        """\
        > **专栏3**
        > **未来产业培育工程**
        >
        > 1.第三代半导体
        >
        > 2.生物制造

        实施产业基础再造工程。
        """
    )
    assert box.title.text == "专栏3未来产业培育工程"
    assert [paragraph.clauses[0].text for paragraph in box.items] == ["1.第三代半导体", "2.生物制造"]
    assert [line.text for line in kept] == ["实施产业基础再造工程。"]


def test_a_reference_to_a_box_in_the_text_is_no_box():
    _, kept, boxes, _ = _lift("重大工程见专栏2。\n专栏2显示，投资保持增长。\n")
    assert boxes == () and len(kept) == 2


def test_a_gap_in_the_boxes_numbering_is_reported():
    _, _, boxes, warnings = _lift("专栏1　甲工程\n01　甲\n专栏3　乙工程\n01　乙\n")
    assert [box.id for box in boxes] == ["b1", "b3"]
    assert [(warning.line, warning.message) for warning in warnings] == [(3, "box numbering skips from 1 to 3: 专栏3　乙工程")]


PLAN = """\
    2026年某某省国民经济和社会发展计划
    一、总体要求
    2026年经济社会发展的总体要求是：稳中求进。主要预期目标是：地区生产总值增长5%左右。
    二、重点任务
    （一）扩大有效投资。实施重大项目。
    {box}推进城市更新行动。
    （二）培育新兴产业。加快发展数字经济。
"""

BOX = """\
    专栏1　2026年重大工程
    01　交通工程
    建设高速公路500公里。
    02　水利工程
    建设重点水源工程。
"""


def test_a_box_changes_no_clause_id_of_the_text_and_is_placed_after_the_clause_before_it():
    plain = parse_plan(ingest(textwrap.dedent(PLAN.format(box=""))))
    boxed = parse_plan(ingest(textwrap.dedent(PLAN.format(box=textwrap.dedent(BOX)))))
    assert [(clause.id, clause.text) for clause in iter_clauses(plain)] == [
        (clause.id, clause.text) for clause in iter_clauses(boxed) if not clause.id.startswith("b")
    ]
    [box] = boxed.boxes
    assert box.after == "2-1-1" and box.title.chapter == 2 and box.title.section == 1
    assert [clause.id for clause in box_clauses(box)] == ["b1", "b1-1", "b1-1-1", "b1-2", "b1-2-1"]
    # In document order, the box's clauses follow the clause before it.
    ids = [clause.id for clause in iter_clauses(boxed)]
    assert ids[ids.index("2-1-1") + 1 : ids.index("2-1-2")] == ["b1", "b1-1", "b1-1-1", "b1-2", "b1-2-1"]


def test_a_page_number_inside_a_flattened_table_is_left_to_the_furniture_rules():
    paged = FLATTENED.replace("    67.5\n", "    — 5 —\n    67.5\n").replace("    71\n", "    — 6 —\n    71\n")
    _, kept, [box], _ = _lift(paged)
    assert _cells(box.table.rows[1])[2:4] == ["67.5", "71"]
    assert "— 5 —" in [line.text for line in kept]
    row = box.table.rows[1].clause
    assert "— 5 —" not in row.text and "— 6 —" not in row.text and row.text.startswith("2.常住人口城镇化率（%）\n")
    assert _cells(box.table.rows[1])[1:4] == ["2.常住人口城镇化率（%）", "67.5", "71"]
    assert "— 5 —" in [line.text for line in kept] and "— 6 —" in [line.text for line in kept]


def test_a_markdown_copys_quoted_box_of_list_items_ends_with_its_quote():
    from generator.read.markdown import strip_markup

    text = textwrap.dedent(
        """\
        # 某某省国民经济和社会发展第十五个五年规划纲要

        > **专栏5　区域协调发展重大战略**
        >
        > - 京津冀协同发展
        > - 长三角一体化发展

        深入实施区域协调发展战略。
        """
    )
    lines, _ = strip_markup(_content_lines(text))
    kept, [box], _ = lift_boxes(lines, text)
    assert box.title.text == "专栏5　区域协调发展重大战略"
    assert [paragraph.clauses[0].text for paragraph in box.items] == ["- 京津冀协同发展", "- 长三角一体化发展"]
    assert [paragraph.clauses[0].id for paragraph in box.items] == ["b5-1", "b5-2"]
    assert [line.text for line in kept][-1] == "深入实施区域协调发展战略。"

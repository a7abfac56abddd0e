"""Every regular expression the generator uses, compiled once, with an example of what each matches.

ASCII and full-width forms of the same punctuation are accepted alike: one published plan
writes ``(一)`` and ``,``, another ``（一）`` and ``，``.
"""

import re

from generator.model import DocumentKind

NUMERAL_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
NUMERAL_UNITS = {"十": 10, "百": 100, "千": 1000}
CHINESE_NUMERAL_CHARS = "".join(NUMERAL_DIGITS) + "".join(NUMERAL_UNITS)

# Sentence-ending punctuation; ； and ; end a clause too (finer citation in lists of targets).
SENTENCE_ENDERS = "。！？!?；;"
# Closing quotes and brackets that stay with the sentence they close: 。” 。）
CLOSERS = "”’\"'」』）)】》〕"

# 一、把铸牢中华民族共同体意识作为民族地区各项工作的主线
CHAPTER_HEADING = re.compile(rf"^(?P<number>[{CHINESE_NUMERAL_CHARS}]+)、(?P<title>.+)$")

# (一)扎实推进“三北”工程攻坚战。  /  （一）突出扩大内需战略基点
SECTION_MARKER = re.compile(rf"^[(（](?P<number>[{CHINESE_NUMERAL_CHARS}]+)[)）]")

# 第一篇　奋力开创中国式现代化建设新局面  /  第三章 主要目标  /  第十二节推进…  /  第1章　总则
# (a numbered division of an outline: part 篇, chapter 章, section 节; the title after any space)
ORDINAL_NUMBER = rf"(?P<number>[{CHINESE_NUMERAL_CHARS}]{{1,6}}|[0-9]{{1,3}})"
ORDINAL_PART = re.compile(rf"^第{ORDINAL_NUMBER}篇[\s\u3000]*(?P<title>\S.*)$")
ORDINAL_CHAPTER = re.compile(rf"^第{ORDINAL_NUMBER}章[\s\u3000]*(?P<title>\S.*)$")
ORDINAL_SECTION = re.compile(rf"^第{ORDINAL_NUMBER}节[\s\u3000]*(?P<title>\S.*)$")

# The shapes a division's heading takes, by the names generator/data/genres.yml gives them. Each
# has its number as ``number``; a "title" group marks a heading that is its whole line (no
# sentence ends in it), others (（一）…) head the paragraph they open with its first sentence.
HEADINGS = {
    "numbered": CHAPTER_HEADING,
    "bracketed": SECTION_MARKER,
    "ordinal_part": ORDINAL_PART,
    "ordinal_chapter": ORDINAL_CHAPTER,
    "ordinal_section": ORDINAL_SECTION,
}

# 目录  /  目　录  (a document's own contents list follows)
CONTENTS_HEADING = re.compile(r"^目[\s\u3000]*录$")

# 第一章　发展环境……………3  /  第一章 发展环境 3  /  前言 ··· 1  (the page number and dot leaders
# after an entry of a contents list)
CONTENTS_PAGE = re.compile(r"(?:[\s\u3000]*[.．…·—-]{2,}[\s\u3000]*|[\s\u3000]+)[0-9]{1,4}$")

# 实施“三北”工程质量年行动,  …  完成生态建设任务4000万亩。  — one sentence with its closers.
SENTENCE = re.compile(rf"[^{SENTENCE_ENDERS}]+(?:[{SENTENCE_ENDERS}]+[{CLOSERS}]*)?|[{SENTENCE_ENDERS}]+[{CLOSERS}]*")

# 。 or ； anywhere: a heading line without one is a bare heading (no body sentence).
HAS_SENTENCE_END = re.compile(rf"[{SENTENCE_ENDERS}]")

# 内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知
NOTICE_TITLE = re.compile(r"^(?P<issuer>.{2,40}?)关于.{2,80}的通知$")

# 内政发〔2026〕5号  /  国发[2026]1号
DOCUMENT_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号$")

# 各盟行政公署、市人民政府,自治区各委、办、厅、局,各大企业、事业单位:
ADDRESSEES = re.compile(r"^[^。]{2,200}、[^。]*[:：]$")

# 2026-02-13  (a date as a seeds file gives it)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# 2026年2月13日
DATE_LINE = re.compile(r"^(?P<year>\d{4})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日$")

# (此件公开发布)
PUBLICATION_NOTE = re.compile(r"^[(（]此件[^)）]{1,20}[)）]$")

# 《2026年内蒙古自治区国民经济和社会发展计划》 → the title inside the book-title marks
QUOTED_TITLE = re.compile(r"《(?P<title>[^《》]{2,80})》")

# 2026年内蒙古自治区国民经济和社会发展计划  /  2026年政府工作报告  /  2026年某某省政府工作报告（全文）
PLAN_TITLE = re.compile(
    r"^(?:[【\[][^】\]]{1,8}[】\]])?[^。，,：:！？；;]{2,60}(?:计划|规划|报告|纲要|方案)(?:全文|摘要)?"
    r"(?:[（(【\[][^）)】\]]{1,10}[）)】\]])?$"
)

# 2026年经济社会发展的主要预期目标是:地区生产总值增长5%左右,…  /  经济社会发展的主要预期目标为：…
# /  今年主要目标是：…  /  主要预期目标：…  (the statement of this year's main targets opens)
MAIN_TARGETS = re.compile(r"主要(?:预期)?目标(?:建议)?(?:是|为)?[:：]")

# “十五五”时期全市经济社会发展主要目标是：  /  到2030年…  (the lead of a statement of goals for
# several years, not this year's targets)
SEVERAL_YEARS = re.compile(r"十[四五六]五|五年|年均|20[3-9]\d年")

# 年均增长5%  /  累计下降13.5%  /  “十五五”时期…  — a target over several years, never one year's
# target (a clause outside the statement of main targets saying so states no target for the year)
SEVERAL_YEARS_TARGET = re.compile(r"年均|平均每年|累计|十[四五六]五|五年")

# 总体要求是:以习近平新时代中国特色社会主义思想为指导,…  /  做好政府工作的总体要求是：…
GENERAL_REQUIREMENTS = re.compile(r"总体要求(?:是|为)?[:：]")

# A line that may end a paragraph: it ends with 。！？；：… (then closing quotes), or is a note wholly in
# brackets such as （此件公开发布）. Any other line continues into the next one: 由技术供给方带团队、带技术 / 揭榜
PARAGRAPH_END = re.compile(rf"(?:[。！？!?；;：:…][{CLOSERS}]*|^[（(【〔].*[）)】〕])$")

# A line that may end the document: a sentence ends it (a lead-in 以下工作： or a list item ending ； does not).
DOCUMENT_END = re.compile(rf"(?:[。！？!?…][{CLOSERS}]*|^[（(【〔].*[）)】〕])$")

# Marks that open and close in pairs within a paragraph: “…” ‘…’ 《…》 （…） (…) 【…】 〔…〕
PAIRED_MARKS = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "【": "】", "〔": "〕"}

# The speech's address to the delegates, where a report's text begins: 各位代表：  /  各位代表、同志们：  /  各位代表！
ADDRESS = re.compile(r"^各位代表(?:[、，,][^：:！!。]{1,10})?[：:！!，,]")

# ——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上  /  ――2026年1月27日在…上
# /  2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚  (the occasion, maybe with the speaker)
# /  ——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上  (a date in Chinese numerals)
OCCASION_DATE = (
    r"(?:(?P<year>\d{4}|[〇零一二三四五六七八九]{4})年)?"
    r"(?P<month>\d{1,2}|[一二三四五六七八九十]{1,2})月(?P<day>\d{1,2}|[一二三四五六七八九十]{1,3})日"
)
OCCASION = re.compile(
    r"^[（(]?(?:[—―－–─-]{1,2}\s*)?" + OCCASION_DATE + r"在.{2,80}上[）)]?"
    r"(?:[\s\u3000]+[^\s\u3000。；;].{0,30})?$"
)

# 2026年1月27日在贵州省第十四届人民代表大会第四次会议上 / 二〇二六年一月二十七日在…上  (inside an
# occasion line, without its dashes, brackets or the speaker after it: what a citation names the speech by)
CITED_OCCASION = re.compile(OCCASION_DATE + r"在[^\s\u3000]{2,80}上")

# 政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上国务院总理 李强  (a first line
# running title, occasion and speaker together; the speaker, if any, is checked with SPEAKER)
TITLE_WITH_OCCASION = re.compile(
    r"^(?P<title>[^。，,：:！？；;—―－\s]{2,60}?(?:计划|规划|报告|纲要))"
    r"(?P<occasion>[（(]?[—―－–─-]{1,2}[\s\u3000]*" + OCCASION_DATE + r"在[^。]{2,80}上[）)]?)"
    r"[\s\u3000]*(?P<speaker>[^\s\u3000].*)?$"
)

# 自治区人民政府主席 张雨浦  /  省长　王予波  /  上海市市长 龚 正  /  自治区主席 艾尔肯·吐尼亚孜
# /  国务院总理　李强  (who delivered the report; a name with a middle dot runs longer)
SPEAKER = re.compile(
    r"^[^\s。，,：:；;]{0,24}?(?:省长|主席|市长|州长|区长|县长|盟长|旗长|总理)[\s\u3000]*"
    r"(?:[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,5}|[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff·]{1,10})$"
)

# --- Document metadata (generator/read/metadata.py) --------------------------------------------

# What sort of document a title names, first match wins: 关于2025年…计划执行情况与2026年…计划草案的报告
# → plan_report  /  关于…预算执行情况…的报告 → budget_report  /  …第十五个五年规划纲要 → five_year_plan
# /  2026年政府工作报告 → work_report  /  2026年…国民经济和社会发展计划 → plan
DOCUMENT_KINDS = (
    (DocumentKind.PLAN_REPORT, re.compile(r"计划.{0,40}执行情况.{0,60}报告")),
    (DocumentKind.BUDGET_REPORT, re.compile(r"预算.{0,60}报告")),
    (DocumentKind.FIVE_YEAR_PLAN, re.compile(r"五年规划|规划纲要")),
    (DocumentKind.WORK_REPORT, re.compile(r"工作报告")),
    (DocumentKind.PLAN, re.compile(r"计划")),
)

# 2026年政府工作报告  /  第十五个五年规划纲要  /  “十五五”规划  /  二〇二六年…  (a title naming the
# time it is for: a year, or a five-year plan's number)
NAMED_TIME = re.compile(r"[0-9]{4}年|[〇零一二三四五六七八九]{4}年|第[一二三四五六七八九十]+个五年|十[一二三四五六七八九]五")

# 第十五个五年  /  “十五五”  → the five-year plan's number (15)
FIVE_YEAR_NUMBER = re.compile(r"第(?P<ordinal>[一二三四五六七八九十]+)个五年|(?<![一二三四五六七八九十])(?P<short>十?[一二三四五六七八九])五(?:规划|计划|时期|期间|”)")

# （2026－2030年）  /  2026—2030年  /  2026年至2030年  (the years a plan for several years covers)
PERIOD = re.compile(r"(?P<start>(?:19|20)[0-9]{2})年?[ \u3000]*(?:—{1,2}|–|－|-|～|~|至|到)[ \u3000]*(?P<end>(?:19|20)[0-9]{2})年")

# ——2026年1月27日在贵州省第十四届人民代表大会第四次会议上 → 贵州省 (where the report was delivered)
# /  在甘肃省十四届人民代表大会… → 甘肃省
OCCASION_PLACE = re.compile(r"在(?P<place>[\u4e00-\u9fff]{2,10}?)第?[一二三四五六七八九十]+届人民代表大会")

# 北京市市长 殷勇  /  福建省人民政府省长 赵龙  /  自治区人民政府主席 张雨浦  /  省长　王予波
# /  国务院总理 李强 → the office (省长, 市长, 主席, 总理) and the place (or body) before it, if named
SPEAKER_OFFICE = re.compile(r"^(?P<place>[\u4e00-\u9fff]*?)(?:人民政府)?(?:代)?(?P<office>省长|市长|主席|总理)")

# 国务院总理 李强 → 国务院  /  福建省人民政府省长 赵龙 → 福建省人民政府  (the government a speaker
# reports for, where the speaker's line names it)
SPEAKER_BODY = re.compile(r"^(?P<body>国务院|[\u4e00-\u9fff]{2,12}人民政府)(?:代)?(?:总理|省长|市长|主席)")

# ——2025年3月5日在第十四届全国人民代表大会第三次会议上  (a report to the national congress)
NATIONAL_CONGRESS = re.compile(r"全国人民代表大会|全国人大")

# The nation's government, which a national report's title or speaker names: 2024年国务院政府工作报告
NATIONAL_GOVERNMENT = "国务院"

# 省长毛伟明作政府工作报告  (a photo caption naming the speaker when the page prints no speaker line)
SPEAKER_IN_CAPTION = re.compile(
    r"(?P<office>省长|市长|主席|总理)(?P<name>[\u4e00-\u9fff·]{2,8}?)(?:代表[\u4e00-\u9fff]{2,10}?)?[，,]?(?:向大会)?作政府工作报告"
)

# 来源：北京日报  /  （来源：青海日报）  /  来源:  (the value on the next line: 宁夏日报客户端)
SOURCE_LABEL = re.compile(r"^[（(【\[]?(?:来源|信息来源|文章来源|稿源)[:：][\s\u3000]*(?P<name>[^）)】\]]*)[）)】\]]?$")

# 新华社北京3月12日电  (a news agency's dateline: the agency is where the text comes from)
DATELINE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{1,6}社)[\u4e00-\u9fff]{2,8}[0-9]{1,2}月[0-9]{1,2}日电")

# 北疆新闻 > 要闻 > 正文  /  北疆新闻 | 内蒙古自治区重点新媒体平台  /  Copyright © 2016- 北疆新闻 All Rights Reserved
SITE_NAME = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,12}) (?:>|\|) |^Copyright\s*©?\s*[\d\s-]*(?P<owner>[\u4e00-\u9fff]{2,12})",
    re.IGNORECASE,
)

# https://www.example.gov.cn/art/2026/2/3/art_1.html  (a page's address printed on it)
PAGE_URL = re.compile(r"^https?://\S+$")

# https://lib.example.edu.cn/interlibSSO/goto/2/+_a/…  /  https://webvpn.example.edu.cn/https/…  /
# https://login.ezproxy.example.edu/login?url=https://…  — a page read through a library's or a
# university's login proxy: not a public address a reader can open
LOGIN_PROXY = re.compile(r"interlibSSO|ezproxy|//webvpn\.|/login\?(?:q?url)=", re.IGNORECASE)

# 名词解释  /  附件1：2026年重点项目清单  /  附录  (an appendix after the last chapter)
APPENDIX_HEADING = re.compile(
    r"^(?:(?:名词解释|名词注释|名词解读|注释|注解)[:：]?"
    r"|(?:附件|附录|附表)[\s\u3000]*[\d一二三四五六七八九十]{0,3}(?:[:：][^。！？；]{0,40})?)$"
)

# 三、  /  （三）  /  第三章  /  第二篇  (a division's number whose title went onto the next line)
BARE_NUMBER = re.compile(
    rf"^(?:[(（][{CHINESE_NUMERAL_CHARS}]+[)）]|[{CHINESE_NUMERAL_CHARS}]+、|第{ORDINAL_NUMBER}[篇章节])$"
)

# 三、  /  第三章  /  第二篇  (a chapter's or part's number alone on its line, its title on the next)
BARE_CHAPTER_NUMBER = re.compile(rf"^(?:[{CHINESE_NUMERAL_CHARS}]+、|第{ORDINAL_NUMBER}[篇章])$")

# 8.“灯塔工厂”：由达沃斯世界经济论坛牵头…  (an item of a numbered list; it starts a paragraph)
NUMBERED_ITEM = re.compile(r"^\d{1,3}[.．、](?!\d)")

# （下转第四版）  /  （上接第一版）  (a newspaper's jump to another page, inside or between paragraphs)
JUMP_MARKER = re.compile(r"[\s\u3000]*[（(](?:上接|下转|紧接|接|转)(?:第?[\d一二三四五六七八九十]{1,3}版|[A-Z]\d{1,2}版?)[）)][\s\u3000]*")

# --- Markdown copies: the markup around the text, cut out as debris --------------------------------

# # 政府工作报告  /  ## 一、2025年工作回顾  (a heading's marks, and any closing ones: ## 标题 ##)
MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+(?=\S)|[ \t]+#+[ \t]*$")
# **一、2025年工作回顾**  /  __…__  (strong emphasis, anywhere in a line)
MARKDOWN_STRONG = re.compile(r"\*\*|__")
# *——2026年3月5日在…上*  (emphasis around a whole line)
MARKDOWN_EMPHASIS_LINE = re.compile(r"^\*(?=[^*\s])(?:.*[^*\s])?\*$")
# > 引文  /  - 列表项  (a quote's or list item's mark)
MARKDOWN_BLOCK_MARK = re.compile(r"^(?:>[ \t]?|[-*+][ \t]+)(?=\S)")
# ---  /  * * *  (a thematic break)
MARKDOWN_RULE = re.compile(r"^(?:[-*_][ \t]*){3,}$")
# ![图片](photo.jpg)  (an image)
MARKDOWN_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")
# [国务院](https://www.gov.cn/)  → the brackets and the address around a link's text
MARKDOWN_LINK = re.compile(r"\[(?=[^\]]+\]\([^)\s]+\))|\]\([^)\s]+\)")

# --- Encyclopedia pages: an article around the document ------------------------------------------

# 1规划背景  /  ▪五年规划  (an entry of an encyclopedia article's own contents list)
ENCYCLOPEDIA_ENTRY = re.compile(r"^(?:(?P<number>[1-9][0-9]?)(?P<name>[\u4e00-\u9fff][^\s]{0,24})|▪(?P<sub>[^\s]{1,25}))$")
# 播报  /  编辑  (the controls an encyclopedia prints beside each heading of its article)
ENCYCLOPEDIA_CONTROL = re.compile(r"^(?:播报|编辑|播报[\s\u3000]*编辑)$")
#  [12]  /  [4-5]  (a reference mark of the article, with the space before it)
REFERENCE_MARK = re.compile(r"[ \t\u3000\u00a0]*\[[0-9]{1,3}(?:-[0-9]{1,3})?\]")
# 参考资料： [6] [15]  /  参考来源：  /  相关词条  (the article's notes and links after its text)
ENCYCLOPEDIA_NOTES = re.compile(r"^(?:参考资料|参考来源|参考文献|相关词条|词条标签|词条图册)[:：]?")

# Page furniture that can stand between the paragraphs of the text; removed wherever it appears.
IN_TEXT_DEBRIS = {
    # _DSC2271.png
    "image": re.compile(r"^[\w.\-]+\.(?:png|jpe?g|gif|webp|bmp|svg)$", re.IGNORECASE),
    # 2月3日，…会议在银川开幕。 宁夏日报记者 王鼎 摄  /  省长赵刚作政府工作报告  /  本报记者 林 君摄
    # (a photo caption; a two-character name may be printed with a space between its characters)
    "caption": re.compile(
        r"(?:记者|摄影|通讯员)[\s\u3000]*[\u4e00-\u9fff·](?:[ \u3000]?[\u4e00-\u9fff·]){1,3}"
        r"(?:[\s\u3000、]+[\u4e00-\u9fff·](?:[ \u3000]?[\u4e00-\u9fff·]){1,3})*[\s\u3000]*摄[）)]?$"
        r"|^[^。！？]{2,30}作政府工作报告。?$"
        # 任振鹤作政府工作报告。新甘肃·甘肃日报记者 盛学卿  (credited without 摄)
        r"|^[^。！？]{2,30}作政府工作报告。[^。！？]{0,30}记者[\s\u3000]*[\u4e00-\u9fff·]{2,4}$"
    ),
    # — 12 —  /  4  (a page number)
    "page-number": re.compile(r"^[—－-]?[\s\u3000]*\d{1,3}[\s\u3000]*[—－-]?$"),
    # （下转第四版）  (a jump marker on a line of its own)
    "jump": re.compile(rf"^(?:{JUMP_MARKER.pattern})+$"),
}

# The names of a web page's metadata labels: 来源：  /  责任编辑：
LABEL_NAMES = (
    "责任编辑|责编|编辑|来源|信息来源|文章来源|稿源|原标题|发布机构|发表时间|发布时间|发布日期|更新时间|作者|"
    "阅读量|阅读次数|浏览次数|浏览量|点击数|访问量|审核|校对|供稿|字号"
)

# Web-page furniture around the document (header, footer), one pattern per rule; the rule is named in
# the build report. Applied only outside the text, so that a sentence is never taken for furniture.
DEBRIS_LINE = {
    # 编辑:杨净毓  /  责任编辑：  /  来源：云南日报  /  时间：2026-02-05  /  （责任编辑：李四）  (a metadata label, with or without its value)
    "label": re.compile(rf"^[（(【\[]?(?:{LABEL_NAMES})[:：]|^(?:时间|日期)[:：](?:[\s\u3000]*\d{{4}}.*)?$"),
    # 北疆新闻版权与免责声明:  /  版权声明:…  /  Copyright © 2016- 北疆新闻
    "copyright": re.compile(r"^(?:Copyright|版权声明|版权所有|.{0,20}版权与免责声明)|©|ICP备|公网安备", re.IGNORECASE),
    # 二、凡来源非北疆新闻的新闻(作品)只代表本网传播该消息,并不代表赞同其观点。  (the website speaking of itself)
    "site-notice": re.compile(r"凡本站|凡本网|同本网|与本网|本网站|(?:本站|本网)(?:所有|中|刊载|转载|发布|联系|传播|注明)"),
    # 北疆新闻 | 内蒙古自治区重点新媒体平台,…
    "site-banner": re.compile(r" \| "),
    # 北疆新闻 > 要闻 > 正文  /  >  /  当前位置：  /  首页
    "breadcrumb": re.compile(r" > |^>$|^(?:当前位置|您的位置|所在位置)[:：]?$|^(?:首页|网站首页|主页)$"),
    # 11069 (a view counter)
    "counter": re.compile(r"^\d+$"),
    # 2026-02-09 09:45:30  /  2026年02月10日 07时41分  (a publication timestamp)
    "timestamp": re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\s\u3000]*\d{1,2}[:：时]\d{1,2}(?:[:：分]\d{1,2}秒?|分)?$"),
    # 【字体：  /  打印本页  /  分享到:  /  扫一扫在手机打开当前页  /  ×
    "widget": re.compile(
        r"^(?:【[^】]{0,6}|[^【]{0,6}】|[大中小]|分享到.*|扫一扫.*|\||×|TOP|上一篇.*|下一篇.*|"
        r"[\s【】\[\]|｜/·:：]*(?:(?:打印本页|打印|关闭窗口|关闭|收藏本页|收藏|分享|返回顶部|纠错|字体|字号|默认|[大中小])"
        r"[\s【】\[\]|｜/·:：]*)+)$"
    ),
    # （新华社）  /  （据人民日报）  (the news agency credited at the end of an article)
    "credit": re.compile(r"^[（(]据?[\u4e00-\u9fff]{1,8}(?:社|报|网|电|台)[）)]$"),
    # 2026-02-10  /  2026年2月10日  (a date standing alone outside the text)
    "date": re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$"),
    # 相关链接>>  /  相关附件>>  /  相关文档：
    "related": re.compile(r"^(?:相关(?:链接|附件|文档|阅读|新闻|文章|稿件|报道|专题)|延伸阅读|推荐阅读)[^。，]{0,4}$"),
    # abcd39f1fb7f426d9dfb6bd0fa1f2146:  (a link's id; the related title follows it)
    "link-id": re.compile(r"^[0-9a-f]{16,64}[:：]?$"),
    # 》》点击图片进入专题《《
    "topic-link": re.compile(r"^》》.*《《$|^点击.{0,12}(?:专题|全文|查看|进入)"),
    # （完）
    "end-mark": re.compile(r"^[（(]完[）)]$"),
    # 救助野生动物 保护草原生态  (short phrases set apart by spaces: a banner or menu, never prose)
    "slogan": re.compile(r"^[\u4e00-\u9fff]{2,12}(?:[ \u3000]+[\u4e00-\u9fff]{2,12})+$"),
}

# The rules unmistakable enough to mark the start of the page footer after the last chapter.
FOOTER_START_RULES = frozenset(
    {"label", "copyright", "site-banner", "breadcrumb", "widget", "credit", "related", "link-id", "topic-link", "end-mark"}
)

# Furniture that shows a page header is a web page's (navigation, font-size and share widgets), which
# then has a footer too; and furniture that only suggests it (a source label, a timestamp).
WEB_PAGE_RULES = frozenset({"breadcrumb", "widget"})
WEB_PAGE_HINT_RULES = frozenset({"label", "timestamp", "related"})

# 毛伟明  /  艾尔肯·吐尼亚孜  (a line that is only a person's name)
PERSON_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff·]{1,10}")

# A label without its value (来源：), whose value stands on the next line (宁夏日报客户端).
BARE_LABEL = re.compile(rf"^[（(【\[]?(?:{LABEL_NAMES}|时间|日期)[:：]$")

# A signature under a text, the issuing body or the date, which may end it: 某某省人民政府  /  2026年1月5日
SIGNATURE = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}(?:人民政府|委员会|办公厅|办公室|政府|厅|局)$|^\d{4}年\d{1,2}月\d{1,2}日$")

# A line ending on a word that needs more after it, so that it cannot be a heading of its own:
# “十五五”时期经济社会发展的  /  …发展成就和
OPEN_WORD_END = re.compile(r"[的和与及或]$")

# A period a report's part covers, which its part headings name: 2025年工作回顾  /  “十五五”时期主要目标
# /  过去五年工作回顾
PERIOD_NAME = re.compile(r"\d{4}年|十[一二三四五六七八九]五|(?:过去|今后|未来)[一二三四五六七八九十]年")

# Characters a line of running text ends a sentence with, for the short-line check: 。！？；：
HAS_PUNCTUATION = re.compile(r"[。！？!?；;：:，,、]")

# //# sourceMappingURL=bundle.a5f9d56c.min.js.map  /  /*# sourceMappingURL=main.css.map */
SOURCE_MAP_COMMENT = re.compile(r"\n?(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)[ \t]*\n?$")

#  xmlns="http://www.w3.org/2000/svg" (redundant on <svg> in HTML, and names an outside host)
SVG_XMLNS = re.compile(r' xmlns="http://www\.w3\.org/2000/svg"')

# In a theme override's comment, the material template it follows and that template's digest:
# Copied from material's partials/copyright.html sha256 bc86b…  /  Relies on material's main.html sha256 9948b…
MATERIAL_ORIGINAL = re.compile(r"material's (\S+\.html) sha256 ([0-9a-f]{64})")

# A permanent clause ID: 4 (chapter), 4-2 (section), 4-2-3 (sentence), 4-2-3a (inserted in a revision),
# a1-0-7 (appendix), p1 and p1-0-2 (a part and its own sentence), 4-2-1-3 (an item's sentence)
CLAUSE_ID = re.compile(r"^[ap]?[0-9]+[a-z]*(?:-[0-9]+[a-z]*){0,3}$")

# A line of an ID lock:  4-2-3<TAB>推进…。  /  removed 4-2-3<TAB>原来的句子。  /  moved 4-2-3
LOCK_LINE = re.compile(r"^(?:(?P<state>removed|moved) )?(?P<id>[^\t ]+)(?:\t(?P<text>.*))?$")

# A backslash escape in an ID lock's text:  \t  \n  \r  \\
LOCK_ESCAPE = re.compile(r"\\(.?)")

# The letters ending an ID, dropped to number a clause inserted after it: 4-2-3a → 4-2-3
ID_LETTERS = re.compile(r"[a-z]+$")

# Where a site is published: https://example.org/  /  http://localhost:8000/plans
SITE_URL = re.compile(r"^https?://[^\s/?#]+(?:/[^\s?#]*)?$")

# http://localhost:8000/  http://127.0.0.1/plans/  http://[::1]:8000/ — an address on this machine,
# not a published site (an offline bundle's copied links would lead nowhere)
LOCAL_ADDRESS = re.compile(r"^https?://(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)(?::\d+)?(?:/|$)", re.IGNORECASE)

# site_url: http://localhost:8000/ — the line of mkdocs.yml that sets where the site is published
SITE_URL_SETTING = re.compile(r"^site_url\s*:")

# <script src="../assets/plansite.js">  /  <link rel="stylesheet" href="assets/plansite.css"> — a
# stylesheet or script a page loads from its own site (not https://…), its path relative to the page
LOADED_ASSET = re.compile(r'(?:src|href)="(?P<path>[^"#?:]+\.(?:css|js))(?:[?#][^"]*)?"')

# "\n      <li>" → "\n<li>": a template's indentation, which renders as the one space it collapses to
INDENTATION = re.compile(r"\n[ \t]+")

# <pre> / <textarea>: where white space is text, so a page holding one keeps its indentation
PREFORMATTED = re.compile(r"<(?:pre|textarea)\b", re.IGNORECASE)

# .md-nav__link in ".md-nav__link:hover>.md-icon" → md-nav__link: a class a CSS selector requires
CSS_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")

# { } " ' \\ in 'a:after{content:"}"}': what decides where a stylesheet's block ends
CSS_SYNTAX = re.compile(r"[{}\"'\\]")

# md-search-result__link, data-md-component: a word of HTML or script that may name a class
NAME_TOKEN = re.compile(r"[\w-]+")

# A run of spaces or line breaks, for readable one-line summaries.
WHITESPACE_RUN = re.compile(r"\s+")

# A slug made of lowercase ASCII words: nmg-2026-plan
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Characters that cannot appear in a slug: 2026_四川 省 → runs replaced by "-"
NON_SLUG_RUN = re.compile(r"[^a-z0-9]+")


def any_of(words) -> re.Pattern:
    """One pattern for a set of literal words, longest first so the longest wins: 西辽河|辽河."""
    return re.compile("|".join(re.escape(word) for word in sorted(set(words), key=lambda word: (-len(word), word))))


def written_number(text: str) -> int:
    """A number as a date writes it: 2026, 二〇二六 (digit by digit), 27, 二十七."""
    if text.isascii() and text.isdigit():
        return int(text)
    if len(text) == 4 and all(char in NUMERAL_DIGITS for char in text):
        return int("".join(str(NUMERAL_DIGITS[char]) for char in text))
    return chinese_numeral_to_int(text)


def chinese_numeral_to_int(numeral: str) -> int:
    """Value of a Chinese numeral such as 十四 (14), 二十一 (21) or 一百零五 (105)."""
    total, pending = 0, None
    for char in numeral:
        if char in NUMERAL_UNITS:
            total += (1 if pending is None else pending) * NUMERAL_UNITS[char]
            pending = None
        elif char in NUMERAL_DIGITS and (pending is None or pending == 0):
            pending = NUMERAL_DIGITS[char]
        else:
            raise ValueError(f"not a Chinese numeral: {numeral!r}")
    if not numeral:
        raise ValueError("not a Chinese numeral: ''")
    return total + (pending or 0)


# --- China's divisions (generator/data/divisions.py) ----------------------------------------------

# A line of the Ministry of Civil Affairs' code list: 330100 杭州市
DIVISION_LINE = re.compile(r"(?P<code>\d{6}) (?P<name>\S+)")

# --- Indexes of projects, places and documents (generator/extract/) ------------------------------

# Characters that end a name read backwards from its head: clause and list punctuation, spaces.
NAME_BOUNDARY = set(",，、。；;：:！？!?《》（）〔〕【】 \u3000")

# Words that govern the name after them; a name starts after the last one before its head.
# The NOMINAL ones also end names (社会建设工程, 质量提升工程), so they cut only before a stem.
# 加快建设库布其至河北输电通道 → 库布其至河北输电通道  /  深入实施电网强网工程 → 电网强网工程
GOVERNING_WORD = re.compile(
    "|".join(
        sorted(
            """实施 推进 推动 加快 建成 开工 完成 开展 支持 打造 加强 办好 承办 举办 发挥 提高 深化 深入 落实 争取
            谋划 研究论证 论证 启动 组织 依托 围绕 做好 抓好 用好 加大 扩大 拓展 培育 引进 建立 健全 完善 强化
            优化 参与 融入 推广 创建 申建 设立 新建 改建 扩建 续建 全力 积极 持续 稳步 扎实 大力 着力 统筹 巩固
            力争 确保 开通 投运 贯彻 执行 出台 制定 编制 修订 印发 加快建设 开工建设 推进建设 重点推进 运营
            提级 严格 全面 做优 做强 做大 提档 升级 用足 继续 进一步 常态化 分类 有序 坚持 严守 抓实 加速
            包括 实现 推出 应用 上线 运行 入选 纳入 新增 打好 打赢 聚焦 深耕 帮助 落实好 实施好 管好 建好 守好 提供 形成 发展 助力
            的 建设 提升 推进实施 组织实施 高质量 高标准 全方位 大力发展""".split(),
            key=len,
            reverse=True,
        )
    )
)

NOMINAL_GOVERNING_WORDS = {"建设", "提升", "发展"}

# A verb that governs what follows and never ends a name: 多措并举推进|工程 names nothing, while
# 质量提升工程 and 体系优化工程 end in verbs that do.
VERB_BEFORE_HEAD = re.compile(r"(?:推动|加快|开展|落实|做好|抓好|打好|打赢|用好|办好|实现|确保)$")

# A quantity or sweeping modifier: what follows it is a class of things, not a name.
# 新建20个500千伏输变电工程  /  大中型灌区现代化改造  /  通用机场适配性改造  /  重点口岸提升工程
GENERIC_NAME_START = re.compile(
    r"^(?:\d+|[一二三四五六七八九十百千两几多]+)(?:[个条项家座批类]|千伏|公里)|^[一二三四五六七八九十两几多]+年|^(?:大中型|周边|省级|省重点|市重点|大中小|各类|各级|各|一批|一系列|"
    r"重点|主要|相关|有关|其他|其它|新一批|多层次|全区|全省|全市|区域|重大|具备条件|通用|高标准|现代|新型|"
    r"国家级|自治区级|市级|县级|区级|这|该|此|本|一些|部分|若干|典型|示范|特色|传统|先进|"
    r"基层|公共|综合|专项|年度)"
)

# 《中华人民共和国预算法》 → a cited document (its title inside the marks)
BOOK_TITLE = re.compile(r"《(?P<title>[^《》]{2,60})》")

# “三北” / “天骏计划” → a quoted name (its text inside the marks)
QUOTED_NAME = re.compile(r"“(?P<text>[^“”]{1,24})”")

# 出台财政承受能力评估办法、中央竞争性项目资金配套办法 → documents the plan will draft or issue
DRAFTING = re.compile(
    r"(?:研究制定|推动制定|制定实施|制定出台|研究出台|出台|制定|编制|修订|印发|起草)"
    r"(?P<names>[^，,。；;：:！？]{4,90}?(?:实施细则|细则|条例|办法|实施方案|方案|实施意见|意见|规划|政策措施|"
    r"若干措施|若干举措|举措|措施|目录|清单|配套文件|规定|指南))(?=[，,。；;和等]|$)"
)

# The head of a drafted document's name, which every item of a list of documents ends with.
DOCUMENT_HEAD = re.compile(
    r"(?:实施细则|细则|规则|条例|办法|实施方案|方案|实施意见|意见|规划|政策措施|若干措施|若干举措|举措|措施|目录|清单|"
    r"配套文件|规定|指南|法)$"
)

# A list of names that share a class after 等: 满洲里、二连浩特、甘其毛都、策克、满都拉等重点口岸提升工程
# (items, then an optional quantity or modifier, then the class noun up to punctuation or a verb).
LISTED_ITEMS = re.compile(
    r"(?P<items>(?:[^，,。；;：:！？、等]{1,16}、)+[^，,。；;：:！？、等]{1,16}|[^，,。；;：:！？、等]{1,16})"
    r"等(?P<quantity>\d+[个条项座处]|[一二三四五六七八九十百]+[个条项座处])?(?P<modifier>重点|主要)?"
    r"(?P<cls>[^，,。；;：:！？、等]{2,12})"
)

# Separators inside a list of names: 大黑河和美岱沟  /  库布其至江苏、库布其至上海
NAME_LIST_SEPARATOR = re.compile(r"[、和及与]")

# A count inside a name: 国家102项重大工程, 大桥灌区6个工程 (a number of things, not one).
QUANTITY_IN_NAME = re.compile(r"\d+[个条项座]")

# The end of a title in 《》 that makes it a document, not a book or film: 法, 条例, 规划纲要草案…
DOCUMENT_TITLE_END = re.compile(
    r"(?:法|条例|办法|细则|规则|规定|规划|纲要|草案|方案|意见|措施|决定|决议|通知|建议|目录|清单|报告|计划|标准|指南|"
    r"公约|协定|章程|制度|政策|规范)$"
)

# A head that is the start of a longer word: 计划生育, 工程师.
HEAD_IN_LONGER_WORD = re.compile(r"计划(?:生育|单列|经济)|工程(?:师|院|学|化)")

# A list number before a name: 13.重大慢性病防治“四早”工程 → the name starts after it.
LIST_NUMBER = re.compile(r"^\d+[.．、]")

# Two ends of a route or channel: 临河至哈密  /  贺兰山到阴山  /  阿尔山—柴河
ROUTE_ENDS = re.compile(r"^(?P<start>[\u4e00-\u9fff]{2,8})(?:至|到|—|－)(?P<end>[\u4e00-\u9fff]{2,8})$")

# A country pair abbreviated before a place: 中蒙二连浩特 → 二连浩特
COUNTRY_PAIR_PREFIX = re.compile(r"^中[蒙俄哈吉塔乌越老缅朝韩日巴尼]")

# An ordinal, year or edition that makes a generic head a named event: 第四届 / 2026年 / 第十六届
ORDINAL = re.compile(r"第[一二三四五六七八九十百\d]+[届次轮期批]|\d{4}年")

# A list's end inside a name read backwards: 包头、阿拉善等6个国家… → the name starts after it.
LIST_END_IN_NAME = re.compile(r"等(?:\d+|[一二三四五六七八九十百]+)?[个条项座处]?(?:重点|主要)?")

# The end of a list just before a name, with no count: the name is the class of the items listed.
# 满洲里、二连浩特…等重点|口岸提升工程
CLASS_AFTER_LIST = re.compile(r"等(?:重点|主要)?$")

# A head joined to the next name: 白云鄂博稀土全国重点实验室和国家稀土…创新中心 → two names.
NAME_CONJUNCTION = re.compile(r"[和与及]")

# Natural features by their suffix: 大黑河 / 察汗淖尔 / 贺兰山 / 库布其沙漠 / 浑善达克沙地 / 哈素海
FEATURE_SUFFIX = re.compile(r"(?P<suffix>沙漠|沙地|淖尔|河|江|湖|山|沟|海)")

# A word of geography after a river's, lake's or mountain's name, the evidence that it is one:
# 大黑河流域  /  贺兰山东麓  /  乌梁素海湿地  /  黄河内蒙古段 (a name's 段 follows a place)
FEATURE_GEOGRAPHY = re.compile(
    r"^(?:流域|干流|支流|沿岸|沿线|两岸|水系|湿地|河段|河道|上游|中游|下游|入海口|[南北东西]麓|山脉|山区|山系|"
    r"国家公园|自然保护区|保护区|风景名胜区|生态保护|综合治理)"
)

# What may follow a place's name inside one word of jieba's dictionary and still leave it the
# place's: 黄河流域, 长江沿岸, 宁波港 (not 大理石, 长治久安, 哈密瓜)
PLACE_EXTENSION = re.compile(r"流域|干流|支流|沿岸|沿线|两岸|上游|中游|下游|段|港|地区")

# A region by the word for one after its places: 杭州都市圈 / 呼包鄂榆城市群 / 成渝地区双城经济圈
CLUSTER_SUFFIX = re.compile(r"城市群|都市圈|经济圈|经济带|都市区")

# A port of entry by its suffix: 甘其毛都口岸  /  二连浩特公路口岸
PORT_SUFFIX = re.compile(r"(?:公路|铁路|航空|水运)?口岸")

# A place followed by its surroundings: 乌海及周边地区 → 乌海
PLACE_AND_SURROUNDINGS = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,6})及(?:其)?周边(?:地区|区域)")

# Leading characters that cannot start a pinyin letter group: quotes and book-title marks.
INDEX_SORT_SKIP = re.compile(r"^[“”‘’《》\"'(（]+")

# Characters that cannot appear in an index entry's anchor: runs become "-".
NON_ANCHOR_RUN = re.compile(r"[^a-z0-9]+")

# The heads that end a project's name: what kind of thing it is, and how much a name needs to be
# one. "strong": a facility whose name is any specific stem (乌布林水库); "programme": a campaign
# whose stem must say what it does (奶业振兴行动); "weak": a generic noun that names a project only
# with a quote, a place, an ordinal or a facility in its stem (“蒙科聚”平台, 第四届…商洽会);
# "upgrade": work on a facility named in its stem (河套灌区现代化改造).
PROJECT_HEADS = {
    "高铁": ("rail", "strong"), "铁路": ("rail", "strong"), "支线": ("rail", "strong"),
    "高速公路": ("road", "strong"), "公路": ("road", "weak"), "通道": ("road", "weak"),
    "国际机场": ("air", "strong"), "机场": ("air", "strong"),
    "输电通道": ("power", "strong"), "输电线路": ("power", "strong"), "输变电工程": ("power", "strong"),
    "电网": ("power", "weak"),
    "水库": ("water", "strong"), "灌区": ("water", "strong"), "水利枢纽": ("water", "strong"),
    "引水工程": ("water", "strong"),
    "改造工程": ("", "upgrade"), "改造": ("", "upgrade"),
    "全国重点实验室": ("science", "strong"), "国家实验室": ("science", "strong"), "实验室": ("science", "strong"),
    "技术创新中心": ("science", "strong"), "创新中心": ("science", "strong"),
    "自主创新示范区": ("science", "strong"), "研究院": ("science", "weak"), "平台": ("science", "weak"),
    "基地": ("other", "weak"),
    "经济合作区": ("trade-zone", "strong"), "合作区": ("trade-zone", "strong"),
    "自由贸易试验区": ("trade-zone", "strong"), "综合保税区": ("trade-zone", "strong"),
    "口岸互贸区": ("trade-zone", "strong"), "互贸区": ("trade-zone", "strong"),
    "产业协作园区": ("trade-zone", "strong"), "经济走廊": ("trade-zone", "weak"),
    "数据中心集群": ("industry", "strong"), "物流园": ("industry", "strong"), "交易中心": ("industry", "weak"),
    "枢纽节点": ("industry", "weak"), "产业园": ("industry", "weak"),
    "考古遗址公园": ("culture", "strong"), "遗址公园": ("culture", "strong"), "文化遗址": ("culture", "strong"),
    "国家文化公园": ("culture", "strong"), "博物馆": ("culture", "strong"),
    "运动会": ("sport", "strong"), "残特奥会": ("sport", "strong"), "冬运会": ("sport", "strong"),
    "商洽会": ("event", "strong"), "博览会": ("event", "strong"), "交易会": ("event", "strong"),
    "展览会": ("event", "strong"), "主会场活动": ("event", "weak"), "主场活动": ("event", "weak"),
    "普查": ("programme", "weak"),
    "示范工程": ("programme", "programme"), "工程": ("programme", "programme"),
    "战略行动": ("programme", "programme"), "专项行动": ("programme", "programme"),
    "行动": ("programme", "programme"), "计划": ("programme", "programme"),
}

# Any project head, longest first: 全国重点实验室 before 实验室.
PROJECT_HEAD = re.compile("|".join(sorted(PROJECT_HEADS, key=len, reverse=True)))

# What a programme is about, read from its name, first match wins: 奶业振兴行动 → industry.
PROJECT_TOPICS = (
    ("rail", re.compile(r"铁路|高铁|动车|班列")),
    ("power", re.compile(r"电网|输电|电力|绿电")),
    ("energy", re.compile(r"煤|油气|能源|氢")),
    ("water", re.compile(r"水库|灌区|引水|河道|水利|水网|节水|济辽")),
    ("ecology", re.compile(r"生态|治沙|“三北”|林草|矿山|防沙|绿化|草原")),
    ("port", re.compile(r"口岸")),
    ("science", re.compile(r"实验室|科技|专利|研究院|人工智能|科研|创新")),
    ("culture", re.compile(r"文化|文物|遗址|考古|博物馆|旅游|景区|语言文字|阅读")),
    ("sport", re.compile(r"运动会|赛事|体育|残特奥")),
    ("social", re.compile(r"民生|居民|就业|稳岗|教育|医疗|养老|生育|纠纷|消费者|人居|应急|学生|住房|安全|交通|物业")),
    ("industry", re.compile(r"产业|工业|制造|企业|物流|奶业|肉牛|饲草|农畜产品|种芯|找矿|服务业|消费|农牧业|客货邮")),
)

# A document's type by the end of its title: 《中华人民共和国预算法》 → law.
DOCUMENT_TYPES = (
    ("law", re.compile(r"(?<!办)法$")),
    ("regulation", re.compile(r"条例$")),
    ("rules", re.compile(r"(?:办法|细则|规定|规则)$")),
    ("plan", re.compile(r"(?:规划|纲要|计划)$")),
    ("policy", re.compile(r"(?:方案|意见|措施|举措|配套文件|指南)$")),
    ("list", re.compile(r"(?:目录|清单)$")),
)

# --- Moved from generator/indexes.py: place classes, feature followers, name shapes ---

# Place classes after 等: 大黑河和美岱沟等13条河流 → rivers; 哈素海等区域 → other places.
PLACE_CLASSES = (
    ("port", re.compile(r"^(?:公路|铁路)?口岸")),
    ("river", re.compile(r"^河流|^河湖")),
    ("lake", re.compile(r"^湖泊|^湿地")),
    ("desert", re.compile(r"^沙漠|^沙地")),
    ("other", re.compile(r"^(?:城市|盟市|地市)")),
    ("scenic", re.compile(r"^景区|^景点")),
    ("other", re.compile(r"^(?:区域|地区)")),
)

# Characters that may follow a natural feature's name: punctuation, lists, stretches and basins.
FEATURE_FOLLOWERS = re.compile(r"^(?:$|[,，、。；;：:！？和及与等到至段]|流域|干流|沿岸|沿线|地区|区域|湿地|[南北东西]麓|山脉|水系|实验室)")
# 库布其至江苏 / 贺兰山到阴山 / 阿尔山—柴河: where the two ends of a route meet
ROUTE_JOIN = re.compile(r"[至到—]")

# 方案 in 碳达峰行动方案: a document's head starting at a position (matched with pattern.match(text, pos))
DOCUMENT_HEAD_START = re.compile(r"方案|办法|意见|细则|规划|条例|清单|目录")

# 乌布林水库 — a name of Chinese characters only (fullmatch), or a text with any Chinese (search);
# 中蒙二连浩特—扎门乌德 — dashes allowed too
CHINESE_ONLY = re.compile(r"[\u4e00-\u9fff]+")
CHINESE_WITH_DASHES = re.compile(r"[\u4e00-\u9fff—]+")


# --- Quantitative targets (generator/indicators.py) ---------------------------------------------

# Units a target's number is counted or measured in, longest first; a magnitude (万, 亿…) may lead.
# Tonnes of coal or oil equivalent are one unit (58亿吨标准煤: the thing measured is named before it).
_MAGNITUDE = r"(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百)"
_MEASURE = (
    r"(?:个百分点|百分点|%|％|‰|倍|平方公里|平方米|立方米|微克/立方米|千瓦时|千瓦|千伏|公里|千米|公顷|公斤|千克"
    r"|吨标准煤|吨标煤|吨油当量|吨二氧化碳当量|吨|斤|亩|米|美元|元|人次|人|户|个|家|条|头|只|项|所|座|件|台|辆|套|架|艘|处|批|名|株|棵|岁|标准箱)"
)

# 5%  5.7%  18万人  12.5亿吨  1万亿元  2000亿千瓦时  500万平方米  ５％  1900多个 — a number and its
# unit as written (多/余 between them means "more than"). Not a number glued to letters or digits
# (PM2.5, 5G), nor a span of time (3个月).
QUANTITY = re.compile(
    r"(?<![0-9０-９.．A-Za-z])(?P<value>[0-9０-９]+(?:[.．][0-9０-９]+)?)(?P<more>多|余)?"
    rf"(?P<unit>{_MAGNITUDE}?{_MEASURE})(?!月|年|工作日|小时|季度|[A-Za-z])"
)

# 5%—5.5%  5%-5.5%  4.5-5%  5.5%—6%  5%～5.5%  5%到5.5%  ５％－５．５％ — a range: two numbers, the unit
# written after the second (and perhaps the first too). Not a span of years (2025—2030年).
RANGE = re.compile(
    r"(?<![0-9０-９.．A-Za-z])(?P<low>[0-9０-９]+(?:[.．][0-9０-９]+)?)(?P<low_unit>%|％)?"
    r"[ \u3000]*(?:—{1,2}|–|－|-|～|~|〜|到|至)[ \u3000]*"
    rf"(?P<high>[0-9０-９]+(?:[.．][0-9０-９]+)?)(?P<unit>{_MAGNITUDE}?{_MEASURE})(?!月|年|工作日|小时|季度|[A-Za-z])"
)

# Units of an attribute that describes a thing rather than counting it: 500千伏输变电工程  6岁儿童
ATTRIBUTE_UNIT = re.compile(r"(?:千伏|伏|岁)$")

# 2026  7.5  ５ — a bare number, in a 分别 list whose last value carries the unit: 分别达到100、200万吨
NUMBER = re.compile(r"(?<![0-9０-９.．A-Za-z])[0-9０-９]+(?:[.．][0-9０-９]+)?")

# A number as an editor may quote it from the text: 5.7  840  ５．５  十  一百二十
NUMBER_AS_WRITTEN = re.compile(rf"[0-9０-９]+(?:[.．][0-9０-９]+)?|[{CHINESE_NUMERAL_CHARS}万亿]+")

# A qualifier right after the unit: 5%左右  18万人以上  5.5%以内  500万平方米以下
COMPARATOR_AFTER = re.compile(r"^(?P<word>左右|上下|及以上|以上|以内|之内|以下)")

# A qualifier right before the number (end of the text before it): 超过840亿斤  不低于  控制在3%
COMPARATOR_BEFORE = re.compile(
    r"(?P<word>不低于|不少于|至少|不超过|不高于|低于|少于|超过|高于|多于|突破|超|控制在|大约|约)$"
)

# What makes a number an ordinal, a list heading or a whole, not a target: 第16届  前10名
# 以下10个方面  全区12个盟市 (all of them, as they are)
NOT_A_TARGET_BEFORE = re.compile(r"(?:第|前|以下|下列|如下|全(?:国|省|区|市|州|县|盟))$")

# What makes a count a heading or a rank, not a target: 9个方面工作  全国4个省份之一
NOT_A_TARGET_AFTER = re.compile(r"(?:方面|[\u4e00-\u9fff]{0,8}之一)")

# Quoted text and titles hold names and slogans, not targets: “1571”工作部署  《…2026…》
QUOTED_ASIDE = re.compile(r"“[^“”]*”|‘[^‘’]*’|《[^《》]*》|「[^「」]*」|〈[^〈〉]*〉")

# A bracketed insert, read as part of the words around it: 新（改）建6000公里  16个县（市、区）
BRACKETED = re.compile(r"（[^（）]*）|\([^()]*\)")

# Where one phrase of a clause ends and the next begins: 城镇调查失业率5.7%左右,城镇新增就业18万人以上
PHRASE_BREAK = re.compile(r"[，,；;。：:！!？?]")

# Where one item of a phrase's list ends: 培育50家先进级智能工厂、新建90家绿色工厂
ITEM_BREAK = re.compile(r"、")

# A unit at the start of the text, for values listed after 分别: 180万头  4000万只  5%
UNIT = re.compile(rf"{_MAGNITUDE}?{_MEASURE}(?!月|年|工作日|小时|季度|[A-Za-z])")

# Names listed before 分别 (or 均, "each"), and the values after it:
# 育肥牛、育肥羊出栏数分别达到180万头和4000万只以上  游客人次、旅游花费均增长10%以上 (not 人均, 年均)
RESPECTIVELY = re.compile(r"^(?P<names>.+?)(?:分别|(?<![人平年])均(?=增长|达到|超过|高于|提高|保持|稳定|不低于))(?P<values>.+)$")

# Separators of a 分别 list: 育肥牛、育肥羊  180万头和4000万只  5%左右、5%以上
TARGET_LIST_SEPARATOR = re.compile(r"以及|、|和|及|与")

# Words that open a phrase but are not part of the quantity's name: 力争外贸进出口总值…  完成建设投资…
NAME_LEAD = re.compile(
    r"^(?:(?:到|至|在)?[0-9０-９]{4}年(?:底|末|前)?)?(?:和|及|以及|与|并|其中|全年|累计)?(?:力争|争取|努力|确保|全力|持续|进一步|继续|力求)*"
    r"(?:完成|实现|实施|开展|培育|推出|建成|打造|推选|投入|推动|推进|建设|引进|落实|举办|安排|达到)?"
)

# Verbs between a quantity's name and its number: 粮食产量超过  煤炭产量稳定在  地区生产总值比上年增长
NAME_TRAIL = re.compile(
    r"(?:分别|均|年均|要|将|可|预计|力争|争取|按照|按)?"
    r"(?:达到|达|稳定在|保持在|控制在|稳定|保持|提高到|提升到|提高至|提升至|增加到|增至|降至|下降到|降低到"
    r"|增长|增加|提高|提升|上涨|超过|突破|超|不低于|不少于|不超过|不高于|高于|低于|少于|至少|大约|约|为|在|到|的"
    r"|(?:比|较)(?:上年|去年|[0-9０-９]{4}年))$"
)

# A whole-region prefix of an indicator's name: 全省地区生产总值 → 地区生产总值
REGION_WIDE = re.compile(r"^全(?:自治区|省|区|市)")

# A word of change ending an indicator's name: 单位地区生产总值二氧化碳排放降低 → …排放  /
# 居民消费价格总水平上涨幅度 → 居民消费价格总水平
CHANGE_SUFFIX = re.compile(r"(?:增长|降低|下降|减少|上涨幅度|上涨|涨幅|增幅|增速)$")

# A change, not a level, when the number follows directly: 增长5%  涨幅2%  下降3%  提高2个百分点
GROWTH_VERB = re.compile(r"(?:增长|增速|涨幅|增幅|提高|提升|上涨|下降|降低|减少|回落)(?:率)?$")

# A name that already says "change": 居民消费价格涨幅  规模以上工业增加值增速
GROWTH_NAME = re.compile(r"(?:涨幅|增速|增幅|增长率|增长|下降|降低|减少)$")

# Units of money: 亿元  万元  美元  亿美元
MONEY_UNIT = re.compile(r"元$")

# Units that count separate things: 18万人  20个  50家  180万头  4000万只  300条
COUNT_UNIT = re.compile(r"(?:人次|人|户|个|家|条|头|只|项|所|座|件|台|辆|套|架|艘|处|批|名|株|棵|标准箱)$")

# Percentages and their points, where 增长 marks a growth rate: 5%  ５％  2个百分点
RATE_UNIT = re.compile(r"(?:%|％|‰|百分点|倍)$")

# A quantity's name that is only a measure and needs its subject from the phrase before:
# 发展林草产业,力争产值达到1200亿元 → 林草产业产值
GENERIC_MEASURE = re.compile(r"^(?:总?产值|交易额|交易量|产量|总?规模|营收|营业收入|收入|增加值|销售额|总额|总量|投资额?)$")

# The subject of a phrase such as 发展林草产业 or 高标准推进内蒙古牛羊肉交易中心建设
PHRASE_SUBJECT = re.compile(
    r"^.*?(?:推进|推动|发展|建设|实施|加快|打造|培育|加强|壮大|做强|做大)(?P<subject>.+?)(?:建设|发展)?$"
)

# Verbs after a counted thing's name: 4个国家骨干物流基地提质升级 → 国家骨干物流基地
COUNTED_TRAIL = re.compile(r"(?:提质升级|提档升级|建设)$")

# Words before a counted thing's name: 2.5万套（间）城市危旧房 → 城市危旧房
COUNTED_LEAD = re.compile(r"^(?:的|（[^（）]*）|\([^()]*\))+")

# A chapter looking back, whose numbers are results, not targets: 一、2025年工作回顾  2025年工作总结和…成就
# 一、2025年国民经济和社会发展计划执行情况
REVIEW_CHAPTER = re.compile(r"回顾|总结|成就|成绩|执行情况")

# A year named in the text, and whether it is a base of comparison: 2025年4月1日  比2025年增长
YEAR = re.compile(r"(?P<base>比|较|与|同)?(?<![0-9０-９])(?P<year>[12][0-9]{3})年")

# --- Last year's results (extract/results.py) --------------------------------------------------
# A report's review (工作回顾; a plan report's 执行情况) states the results of the year before the
# report; these say where that year is spoken of, and how a result is worded there.

# The period a review heading speaks of first: 一、2025年工作回顾 → 2025; 过去一年和五年工作回顾 → the
# year; “十四五”时期和2025年工作回顾 → several years (the five-year period comes first).
HEADING_PERIOD = re.compile(r"(?P<year>[12][0-9]{3})年|(?P<last>一年)|(?P<several>十[一二三四五六七八九]五|五年)")

# A heading that looks forward (this year's work, the next five years), ending a review that stands
# in the preamble: “十五五”时期主要目标和2026年重点工作  2026年工作安排
FORWARD_HEADING = re.compile(r"目标|任务|安排|重点工作|主要工作|部署|要求|十[五六七八九]五|展望")

# A section's number before a heading's words, set aside to read its opening: （一）2025年工作回顾
# （二）“十四五”时期发展成就  2.过去一年
OPENING_NUMBER = re.compile(rf"^(?:[(（][{CHINESE_NUMERAL_CHARS}]+[)）]|[{CHINESE_NUMERAL_CHARS}]+、|[0-9０-９]+[.．、])[\s\u3000]*")

# A sentence opening on one year of the review: 过去一年，…  一年来，…  刚刚过去的2025年，…
# 2025年是“十四五”收官之年。  各位代表，刚刚过去的2025年…  这一年，…  (a named year: ``year``)
YEAR_OPENING = re.compile(
    r"^(?:——|各位代表[，,！!]?)?(?:刚刚|回顾)?"
    r"(?:过去(?:的)?(?:一年|(?P<past>[12][0-9]{3})年)|(?P<named>[12][0-9]{3})年(?!以来|以前|前|底|末|[0-9０-９]{1,2}月)|一年来|这一年|去年)"
)

# A sentence opening on the five-year period instead: 五年来，…  ——这五年，…  过去的五年极不寻常。
# “十四五”时期是…  “十四五”以来，…  回顾“十四五”…  这是…的五年。
SEVERAL_OPENING = re.compile(
    r"^(?:——|各位代表[，,！!]?)?(?:(?:这|过去|过去的|回望过去|回顾过去|近)[五5]年|五年来|五年的)"
    r"|^(?:——|各位代表[，,！!]?)?(?:回顾|回望)?“?十[一二三四五六七八九]五”?"
    r"|的(?:第一个)?五年[。！!]?$"
)

# Words before a result's name that are not part of it: 其中规模工业增加值  全年GDP  初步统计
# 2025年全省地区生产总值  完成地区生产总值  预计全年…
RESULT_LEAD = re.compile(r"^(?:其中|全年|初步统计|(?:经|据)?初步核算|预计|[12][0-9]{3}年|实现|完成)+")

# A word between a result's name and its number, stripped from the end of the name one at a time:
# 地区生产总值比上年增长  城镇调查失业率平均为  城镇调查失业率均值  CPI微降  居民人均可支配收入实际增长
# 城镇调查失业率控制在  失业率降至  地区生产总值完成  地区生产总值预计增长
RESULT_LINK = re.compile(
    r"(?:比上年|较上年|与上年|同比|实际|名义|平均值|平均|均值|增长|增加|上涨|上升|提高|提升|微涨|下降|微降|回落|降低"
    r"|减少|下跌|降幅|增幅|涨幅|增速|为|是|达到|达|完成|实现|预计|控制在|保持在|稳定在|超过|突破|约|至|到)$"
)

# A link word saying the number is a fall (negative for a rate of growth): 下降3.3%  CPI微降0.1%
RESULT_FALL = re.compile(r"下降|微降|回落|降低|减少|下跌|降幅")

# A link word saying the number is the level reached, not a change: 失业率降至5%  增速回落到4%
RESULT_REACHED = re.compile(r"(?:至|到)$")

# Rates listed after names listed, without 分别, each for its name: 城镇、农村居民人均可支配收入增长4.4%、5.9%
LISTED_RATES = re.compile(
    r"^(?P<names>[^、和]+(?:[、和][^、和]+)+?)"
    r"(?P<values>(?:增长|上涨|下降|提高)[0-9０-９.．]+[%％](?:左右|以上)?(?:[、和][0-9０-９.．]+[%％](?:左右|以上)?)+)$"
)

# A rate of growth stated as unchanged: 居民消费价格与上年持平  居民消费价格指数持平  CPI涨幅基本持平
RESULT_FLAT = re.compile(r"^(?P<name>.+?)(?:与上年|比上年|同比)?(?P<about>基本)?持平$")

# Words that make a number cover several years, not the one: 年均增长5.7%  比2020年增长  累计
# 较“十三五”末  2022年以来  五年增长30.8%  翻一番
SEVERAL_YEARS_RESULT = re.compile(r"年均|累计|五年|以来|十[一二三四五六七八九]五|(?:比|较)[12][0-9]{3}年|翻")

# Words that make a number cover part of the year, beside the annual one: 一季度  前三季度  上半年
# 年末城镇调查失业率  12月  1—11月
PART_OF_YEAR = re.compile(r"季度|上半年|下半年|年末|年底|月末|年初|[0-9０-９]{1,2}月")

# A sentence opening on the year ahead, ending the review's stretch: 今年是“十五五”开局之年  新的一年…
FORWARD_OPENING = re.compile(r"^(?:——|各位代表[，,！!]?)?(?:今年|明年|新的一年|今后五年|未来五年)")

# Part of the year leading a name, left out of the subject a later number continues:
# 一季度地区生产总值增长5.8%，全年增长5.5% → 地区生产总值 (5.5%)
PART_OF_YEAR_LEAD = re.compile(r"^(?:[一二三四]季度|前三季度|上半年|下半年|年末|年底|[0-9０-９]{1,2}(?:[—–-][0-9０-９]{1,2})?月(?:份|末)?)")

# Words that make a number a target, not a result: 目标  预期  今年  力争
TARGET_WORD = re.compile(r"目标|预期|计划|力争|争取|今年|明年")

# Words after a number that make it the target met, not the result: 完成地区生产总值增长5%的预期目标
TARGET_AFTER = re.compile(r"^的?(?:年度|预期|调控|既定|全年)?(?:目标|任务)")
# --- 专栏 boxes and an outline's main-indicators table (read/boxes.py, extract/outline.py) ---

# > **专栏2　科技创新重大工程**  /  ### 专栏3 …  (Markdown around a box's line: a quote's >, a
# heading's #, bold's ** or __; the words inside are the document's)
# (not >7, a value: more than 7)
BOX_MARKUP_LEAD = re.compile(r"^(?:>(?![0-9０-９.．])[ \u3000]*)+|^#{1,6}[ \u3000]+")
BOX_MARKUP_WRAP = re.compile(r"^(?P<mark>\*\*|__)(?P<inner>.+)(?P=mark)$")

# > 01　新一代人工智能  /  - 量子科技  /  > - … — a source line in a Markdown quote, or a list's item
# (not >7, a value)
BOX_SOURCE_MARK = re.compile(r"^[ \t]*(?P<quote>>(?![0-9０-９.．]))?[ \t>]*(?P<bullet>[-*+][ \t]+)?")

# 专栏1　“十五五”时期经济社会发展主要指标  /  专栏 2：科技创新重大工程  /  【专栏3】…  /  专栏4 (its
# title on the next line) — a box's title line; not a reference in running text (见专栏2).
BOX_TITLE = re.compile(
    rf"^[【\[]?专栏[ \u3000]*(?P<number>[0-9０-９]{{1,3}}|[{CHINESE_NUMERAL_CHARS}]{{1,4}})[】\]]?"
    r"(?:[ \u3000:：、.．—-]*(?P<title>[^ \u3000:：、.．—\-。；;！？][^。；;！？]{0,59}?))?[ \u3000:：]*$"
)

# 01　新一代人工智能  /  1.新一代…  /  2、…  /  （一）…  /  (3)…  /  ④…  /  - … — the marker opening an
# item of a box (a two-digit number stands apart from its words by a space)
BOX_ITEM_MARKER = re.compile(
    r"^(?:(?P<padded>0[1-9]|[1-9][0-9])(?=[ \u3000\t])|(?P<plain>[0-9]{1,2})[.．、](?![0-9])"
    rf"|[(（](?P<bracketed>[{CHINESE_NUMERAL_CHARS}]{{1,3}}|[0-9]{{1,2}})[)）]|(?P<circled>[①-⑳])|(?P<bullet>[-*+•·●▪])(?=[ \u3000\t]))[ \u3000\t]*"
)

# 注：①〔〕内为5年累计数。  /  注:  /  说明：  /  ②带*的为2025年数据。 — a box's notes under its table or items
BOX_NOTE = re.compile(r"^(?:注|说明|备注|资料来源)[ \u3000]*[:：]|^[①-⑳]")

# 第二篇　…  /  第五章　…  /  第三节　… — an outline's heading, which no box runs past
OUTLINE_HEADING = re.compile(rf"^第[{CHINESE_NUMERAL_CHARS}0-9]+[篇章节](?:[ \u3000]|$)")

# | 经济发展 | 1.国内生产总值增长（%） | 5 |  — a Markdown table's row; |---|:--:| its separator row
PIPE_ROW = re.compile(r"^\|.*\|$|^[^|]+(?:\|[^|]*){2,}$")
PIPE_SEPARATOR = re.compile(r"^\|?(?:[ \u3000]*:?-{2,}:?[ \u3000]*\|)+(?:[ \u3000]*:?-{2,}:?[ \u3000]*)?$")
# The space between a row's cells when a copy sets them apart by spaces: 经济发展  1.国内…  5.3
CELL_SPACE = re.compile(r"[ \u3000\t]+")

# — 12 —  /  -5-  (a page number set between dashes, inside a box; a bare 12 there is a cell)
BOX_PAGE_NUMBER = re.compile(r"^[—－-][ \u3000]*[0-9]{1,3}[ \u3000]*[—－-]$")

# 预期性  /  约束性 — a main indicator's attribute, the last cell of its row
INDICATOR_ATTRIBUTE = re.compile(r"^(?P<attribute>预期性|约束性)$")

# 类别  指标  2025年  2030年（目标）  年均增长/累计  〔累计〕  属性  单位 — the cells of the table's heading row
TABLE_HEAD_CELL = re.compile(
    r"^(?:类别|领域|指标|指标名称|序号|单位|计量单位|属性|指标属性|(?P<year>[12][0-9]{3})年(?:目标|基数|预计|目标值|基期值)?(?:[(（][^)）]*[)）])?"
    r"|(?P<span>(?:年均(?:增长)?|累计|五年累计|〔累计〕)(?:[/／、]?(?:年均(?:增长)?|〔?累计〕?))?(?:[(（][^)）]*[)）])?))$"
)

# 1.国内生产总值增长（%）  /  12．每千人口拥有3岁以下婴幼儿托位数（个） — an indicator's cell: its
# number, its name, its unit in brackets at the end
INDICATOR_CELL = re.compile(r"^(?:(?P<number>[0-9]{1,2})[.．、](?![0-9]))?[ \u3000]*(?P<name>.+?)(?:[(（](?P<unit>[^()（）]{1,12})[)）])?$")

# 国内生产总值（GDP）增长 → （GDP）: a Latin abbreviation beside a name, which the name means without it
LATIN_ASIDE = re.compile(r"[（(][A-Za-z0-9.]+[)）]")

# 5.3  60.6*  >7  ＞6.5  <5.5  ≥95  〔13.5〕  [18]  5左右  1.45以上  4.5—5 — a value cell with a number:
# brackets mark a total over the period, a star a base from another year (the notes say which)
TABLE_VALUE = re.compile(
    r"^(?P<open>[〔\[［【])?[ \u3000]*(?P<sign>>|＞|≥|⩾|<|＜|≤|⩽)?[ \u3000]*"
    r"(?P<value>[0-9０-９]+(?:[.．][0-9０-９]+)?)(?:[ \u3000]*(?:—{1,2}|–|－|-|～|~)[ \u3000]*(?P<high>[0-9０-９]+(?:[.．][0-9０-９]+)?))?"
    r"(?P<unit>%|％|‰)?(?P<word>左右|以上|以下|以内)?(?P<star>[*＊])?[ \u3000]*[〕\]］】]?"
    r"(?P<rest>[、，,；;].*)?$"
)

# —  －  -  /  无  … — an empty cell
EMPTY_CELL = re.compile(r"^(?:[—－\-–/／…]+|无|)$")

# ②带*的为2025年数据  /  *为2024年数据 — a note naming the year of the bases marked with a star
STAR_YEAR_NOTE = re.compile(r"[*＊][^。；;]{0,8}?(?P<year>[12][0-9]{3})年")

# 年均增长7%以上  /  累计降低17%  /  五年累计新增… — how a target counts over the period
ANNUAL_AVERAGE = re.compile(r"年均|年平均|每年")
CUMULATIVE = re.compile(r"累计|五年(?:共|合计)|期间(?:共|合计)")
# 降低17%  /  下降13.5%  (a reduction an outline states for its whole period, counted cumulatively)
REDUCTION = re.compile(r"(?:降低|下降|减少)[0-9０-９]")

# 新一代人工智能：前沿…  /  紫金山实验室，…  /  大型风电光伏基地 在沙漠… — where an item's name ends
ITEM_NAME_END = re.compile(r"[：:，,。；;！？（(]|[ \u3000\t]+")

# 发展基础  /  “十四五”时期我国发展取得重大成就 — the heading of an outline's review of the period before
OUTLINE_REVIEW = re.compile(r"回顾|总结|成就|成绩|执行情况|发展基础")
# “十四五”时期，全省…  /  过去五年，…  — a sentence reporting on a period before (its name, or none)
LOOKING_BACK = re.compile(r"^[——\s]*(?:[“\"]?(?P<period>十?[一二三四五六七八九]五)[”\"]?(?:时期|期间|以来)|过去五年|五年来)")

# 主要目标  /  主要指标 — the heading of an outline's statement of its main targets
OUTLINE_MAIN_TARGETS = re.compile(r"主要(?:目标|指标)")

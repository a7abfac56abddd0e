"""Every regular expression the generator uses, compiled once, with an example of what each matches.

ASCII and full-width forms of the same punctuation are accepted alike: one published plan
writes ``(一)`` and ``,``, another ``（一）`` and ``，``.
"""

import re

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
MAIN_TARGETS = re.compile(r"主要预期目标(?:是|为)?[:：]")

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
OCCASION = re.compile(
    r"^[（(]?(?:[—―－–─-]{1,2}\s*)?(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日在.{2,80}上[）)]?"
    r"(?:[\s\u3000]+[^\s\u3000。；;].{0,30})?$"
)

# 自治区人民政府主席 张雨浦  /  省长　王予波  /  上海市市长 龚 正  (who delivered the report)
SPEAKER = re.compile(
    r"^[^\s。，,：:；;]{0,24}?(?:省长|主席|市长|州长|区长|县长|盟长|旗长)[\s\u3000]*[\u4e00-\u9fff·](?:[ \u3000]?[\u4e00-\u9fff·]){1,5}$"
)

# 名词解释  /  附件1：2026年重点项目清单  /  附录  (an appendix after the last chapter)
APPENDIX_HEADING = re.compile(
    r"^(?:(?:名词解释|名词注释|名词解读|注释|注解)[:：]?"
    r"|(?:附件|附录|附表)[\s\u3000]*[\d一二三四五六七八九十]{0,3}(?:[:：][^。！？；]{0,40})?)$"
)

# 三、  /  （三）  (a chapter or section number whose title went onto the next line)
BARE_NUMBER = re.compile(rf"^(?:[(（][{CHINESE_NUMERAL_CHARS}]+[)）]|[{CHINESE_NUMERAL_CHARS}]+、)$")

# 8.“灯塔工厂”：由达沃斯世界经济论坛牵头…  (an item of a numbered list; it starts a paragraph)
NUMBERED_ITEM = re.compile(r"^\d{1,3}[.．、](?!\d)")

# （下转第四版）  /  （上接第一版）  (a newspaper's jump to another page, inside or between paragraphs)
JUMP_MARKER = re.compile(r"[\s\u3000]*[（(](?:上接|下转|紧接|接|转)(?:第?[\d一二三四五六七八九十]{1,3}版|[A-Z]\d{1,2}版?)[）)][\s\u3000]*")

# Page furniture that can stand between the paragraphs of the text; removed wherever it appears.
IN_TEXT_DEBRIS = {
    # _DSC2271.png
    "image": re.compile(r"^[\w.\-]+\.(?:png|jpe?g|gif|webp|bmp|svg)$", re.IGNORECASE),
    # 2月3日，…会议在银川开幕。 宁夏日报记者 王鼎 摄  /  省长赵刚作政府工作报告  (a photo caption)
    "caption": re.compile(
        r"(?:记者|摄影|通讯员)[\s\u3000]*[\u4e00-\u9fff·]{2,4}(?:[\s\u3000、]+[\u4e00-\u9fff·]{2,4})*[\s\u3000]*摄[）)]?$"
        r"|^[^。！？]{2,30}作政府工作报告。?$"
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

# A label without its value (来源：), whose value stands on the next line (宁夏日报客户端).
BARE_LABEL = re.compile(rf"^[（(【\[]?(?:{LABEL_NAMES}|时间|日期)[:：]$")

# A signature under a text, the issuing body or the date, which may end it: 某某省人民政府  /  2026年1月5日
SIGNATURE = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}(?:人民政府|委员会|办公厅|办公室|政府|厅|局)$|^\d{4}年\d{1,2}月\d{1,2}日$")

# Characters a line of running text ends a sentence with, for the short-line check: 。！？；：
HAS_PUNCTUATION = re.compile(r"[。！？!?；;：:，,、]")

# //# sourceMappingURL=bundle.a5f9d56c.min.js.map  /  /*# sourceMappingURL=main.css.map */
SOURCE_MAP_COMMENT = re.compile(r"\n?(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)[ \t]*\n?$")

#  xmlns="http://www.w3.org/2000/svg" (redundant on <svg> in HTML, and names an outside host)
SVG_XMLNS = re.compile(r' xmlns="http://www\.w3\.org/2000/svg"')

# A run of spaces or line breaks, for readable one-line summaries.
WHITESPACE_RUN = re.compile(r"\s+")

# A slug made of lowercase ASCII words: nmg-2026-plan
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Characters that cannot appear in a slug: 2026_四川 省 → runs replaced by "-"
NON_SLUG_RUN = re.compile(r"[^a-z0-9]+")


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

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

# 2026年内蒙古自治区国民经济和社会发展计划  /  2026年政府工作报告
PLAN_TITLE = re.compile(r"^[^。，,：:！？]{2,60}(?:计划|规划|报告|纲要|方案)$")

# 2026年经济社会发展的主要预期目标是:地区生产总值增长5%左右,…
MAIN_TARGETS = re.compile(r"主要预期目标")

# 总体要求是:以习近平新时代中国特色社会主义思想为指导,…
GENERAL_REQUIREMENTS = re.compile(r"总体要求")

# Web-page debris, one pattern per kind; the key names the kind in the build report.
DEBRIS_LINE = {
    # _DSC2271.png
    "image": re.compile(r"^[\w.\-]+\.(?:png|jpe?g|gif|webp|bmp|svg)$", re.IGNORECASE),
    # 编辑:杨净毓  /  责任编辑：
    "editor": re.compile(r"^(?:责任)?编辑[:：]"),
    # 北疆新闻版权与免责声明:  /  版权声明:…  /  Copyright © 2016- 北疆新闻
    "copyright": re.compile(r"^(?:Copyright|版权声明|.{0,20}版权与免责声明)|©|ICP备|公网安备", re.IGNORECASE),
    # 北疆新闻 | 内蒙古自治区重点新媒体平台,…
    "site-banner": re.compile(r" \| "),
    # 北疆新闻 > 要闻 > 正文  /  当前位置：
    "breadcrumb": re.compile(r" > |^>$|^(?:当前位置|您的位置)[:：]?$"),
    # 11069 (a view counter)
    "counter": re.compile(r"^\d+$"),
    # 【字体：  /  打印本页  /  分享到:
    "widget": re.compile(r"^(?:【.*|】|[大中小]|打印本页|关闭窗口|分享到.*|扫一扫.*|收藏|\|)$"),
}

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


# --- search terms and the search index (search_terms.py, search_index.py) ---

# “三北” / ‘两新’ / 「小而美」 → the quoted term inside the marks
QUOTED_TERM = re.compile(r"[“‘「『](?P<term>[^“”‘’「」『』]{1,40})[”’」』]")

# PPP  /  A级  /  5G  /  5A级  — Latin and mixed terms (letters, digits before them, a grade suffix)
LATIN_TERM = re.compile(r"(?<![A-Za-z0-9])[0-9]*[A-Za-z][A-Za-z0-9]*(?:[级类型])?")

# 实施城乡居民增收工程  /  筑牢我国北方重要生态安全屏障  — the named programme ending a heading's phrase
HEADING_KEY_PHRASE = re.compile(
    r"(?:实施|建设|打造|筑牢|创建)(?P<phrase>[\u4e00-\u9fff]{2,14}?(?:工程|行动|基地|屏障|桥头堡|试验区))$"
)

# “感党恩、听党话” → 感党恩 | 听党话 : characters jieba cannot keep inside one dictionary word
JIEBA_WORD_BREAK = re.compile(r"[^\u4e00-\u9fd5a-zA-Z0-9+#&._%\-]+")

# ppp  /  5g  /  1.5 — a run of Latin letters and digits in text folded to NFKC lower case
LATIN_RUN = re.compile(r"[0-9a-z]+(?:\.[0-9]+)?")

# lunr's token separator in the search index (a JavaScript regex, given to material's worker):
# 合作(PPP)存量 → 合作 | PPP | 存量,  “三北”工程 → 三北 | 工程 — white space, U+200B (between jieba's
# segments) and punctuation of either width. No "|" in it: the theme splits it on "|" to highlight
# the words of a search on the page a result opens.
SEARCH_SEPARATOR = "[\\s\\u200b\\u3000\\-、。，．？！；：“”‘’（）《》〈〉【】〔〕「」『』,;:!?()\\[\\]\"'/·…]+"

# <p>  /  </code>  — a tag in material's search index text
INDEX_TAG = re.compile(r"<[^>]*>")
